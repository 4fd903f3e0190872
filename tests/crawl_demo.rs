//! The crawl engine on the bundled demo site (tests/sites/demo, map in its README.md),
//! through the real binary on loopback: iframes, JS pagination, Hanweb datastore records,
//! a GBK section with charset only in <meta> and Chinese hrefs, redirects, robots.txt,
//! crawler traps and error classes.

mod common;
use common::*;
use serde_json::Value;

const HOST: &str = "www.xsq.cq.gov.cn";

fn demo_run() -> (Fixture, Value, Value) {
    let fx = Fixture::serve("demo");
    let (out, report, dir) = check(&fx, HOST, &["--rate", "0", "--per-host", "4"]);
    assert!(out.status.success(), "stderr: {}", stderr(&out));
    let graph = read_json(&dir.path().join("site-graph.json"));
    (fx, report, graph)
}

fn page<'a>(report: &'a Value, path: &str) -> Option<&'a Value> {
    report["pages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| path_of(p["url"].as_str().unwrap()) == path)
}

#[test]
fn demo_site_is_crawled_completely_with_every_mechanism() {
    let (fx, report, graph) = demo_run();
    assert_eq!(report["crawl"]["stop_reason"], "completed");
    assert_eq!(report["crawl"]["complete"], true);
    let pages = page_paths(&report);
    // every listed feature page is found
    for p in [
        "/",
        "/include/zwgk_nav.html",      // iframe
        "/zwgk_229/zfxxgk/ysqgk/",     // only via the iframe
        "/zwgk_229/zfxxgk/zfwzndbb/",  // only via the iframe
        "/zwxx_229/gzdt/index_1.html", // createPageHTML
        "/zwxx_229/gzdt/index_2.html",
        "/zwxx_229/gzdt/202611/t20261106_15590022.html", // only via pagination
        "/zwxx_229/gzdt/202609/t20260918_15532109.html",
        "/art/2026/11/20/art_1234_5678.html", // Hanweb datastore record
        "/art/2026/10/18/art_1234_5640.html",
        "/bm/qwhlyw_75263/", // GBK section
        "/bm/qwhlyw_75263/%E9%A2%84%E7%AE%97%E5%85%AC%E5%BC%80/index.html", // Chinese href in GBK
        "/zwgk_229/fdzdgknr/czyjs/202603/t20260305_15498953.html",
        "/zwgk_229/fdzdgknr/jgjj/lxwm/",
    ] {
        assert!(
            pages.contains(&p.to_string()),
            "missing {p}; pages: {pages:?}"
        );
    }
    assert!(pages.len() >= 100, "{} pages", pages.len());
    // the frame page was loaded as part of the home page, at its depth
    assert_eq!(page(&report, "/include/zwgk_nav.html").unwrap()["depth"], 0);
    // pagination keeps the list's depth
    assert_eq!(
        page(&report, "/zwxx_229/gzdt/index_2.html").unwrap()["depth"],
        page(&report, "/zwxx_229/gzdt/").unwrap()["depth"]
    );

    // GBK page decoded from its <meta> declaration: correct Chinese title
    let gbk = page(
        &report,
        "/bm/qwhlyw_75263/%E9%A2%84%E7%AE%97%E5%85%AC%E5%BC%80/index.html",
    )
    .unwrap();
    assert_eq!(gbk["title"], "预算公开_秀水区文化和旅游发展委员会");
    assert_eq!(gbk["charset"], "GBK");
    // and its anchor texts are correct Chinese in the graph
    let texts: Vec<&str> = graph["texts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t.as_str().unwrap())
        .collect();
    assert!(texts.contains(&"预算公开"), "GBK anchor text decoded");

    // errors classified, never as "missing" for a firewall
    let errors = error_paths(&report);
    for (path, class) in [
        ("/zwfw/bsdt/", "blocked"),
        ("/zwfw/wsbs/", "blocked"),
        ("/hdjl/zxft/", "server_error"),
        ("/loop/a.html", "redirect_loop"),
        ("/zwgk_229/zdxm/", "not_found"),
        ("/zwxx_229/gzdt/202501/t20250110_15000001.html", "not_found"),
        ("/search/index.html", "robots"),
    ] {
        assert!(
            errors.contains(&(path.to_string(), class.to_string())),
            "expected {path} as {class}; errors: {errors:?}"
        );
    }

    // robots.txt obeyed: nothing under /search/ was requested
    let reqs = fx.requests_for(HOST);
    assert!(!reqs.iter().any(|r| r.path.starts_with("/search/")));
    // traps bounded: a handful of calendar days and deep levels, not hundreds
    let calendar = reqs
        .iter()
        .filter(|r| r.path.starts_with("/hdjl/rl/"))
        .count();
    let deep = reqs.iter().filter(|r| r.path.starts_with("/zlxz/")).count();
    assert!(calendar <= 10, "{calendar} calendar requests");
    assert!(deep <= 4, "{deep} deep-trap requests");
    assert!(report["stats"]["trap_skipped"].as_u64().unwrap() >= 2);
    // each page fetched once (the target of the /old/zwgk/ redirect is reached twice: a
    // redirect's destination is only known after following it)
    let mut seen = std::collections::HashSet::new();
    for r in reqs
        .iter()
        .filter(|r| r.status == 200 && r.path != "/zwgk_229/")
    {
        assert!(seen.insert(r.path.clone()), "{} fetched twice", r.path);
    }

    // the 301 /old/zwgk/ → /zwgk_229/ is recorded (as a page or an alias)
    let urls: Vec<String> = graph["urls"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| path_of(u.as_str().unwrap()))
        .collect();
    let old = urls
        .iter()
        .position(|u| u == "/old/zwgk/")
        .expect("/old/zwgk/ discovered") as u64;
    let as_page = graph["pages"]
        .as_array()
        .unwrap()
        .iter()
        .any(|p| p["url"] == old);
    let as_alias = graph["aliases"]
        .as_array()
        .unwrap()
        .iter()
        .any(|a| a[0] == old);
    assert!(as_page || as_alias, "redirect recorded");
}

#[test]
fn page_facts_are_kept_in_the_site_graph() {
    let (_fx, _report, graph) = demo_run();
    let urls: Vec<String> = graph["urls"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| path_of(u.as_str().unwrap()))
        .collect();
    let find = |path: &str| {
        let id = urls.iter().position(|u| u == path).unwrap() as u64;
        graph["pages"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["url"] == id)
            .unwrap()
            .clone()
    };
    let lxwm = find("/zwgk_229/fdzdgknr/jgjj/lxwm/");
    let phones: Vec<&str> = lxwm["phones"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["number"].as_str().unwrap())
        .collect();
    assert!(phones.contains(&"023-68861234"), "{phones:?}");
    let crumbs: Vec<&str> = lxwm["breadcrumb"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["text"].as_str().unwrap())
        .collect();
    assert!(crumbs.contains(&"法定主动公开内容"), "{crumbs:?}");
    let budget = find("/zwgk_229/fdzdgknr/czyjs/202603/t20260305_15498953.html");
    assert_eq!(budget["published"], "2026-03-05");
    let home = find("/");
    assert_eq!(home["markers"]["site_code"], "5001990001");
    assert!(home["markers"]["jiucuo"].as_bool().unwrap());
    assert_eq!(home["meta"]["siteidcode"], "5001990001");
    let list = find("/zwxx_229/gzdt/");
    assert!(list["items"].as_array().unwrap().len() >= 4);
}
