//! A CI job before a redesign: the production fixture site and its redesigned staging copy
//! (tests/sites/redesign, see gen.py there) are served on two loopback ports under the same
//! host name; production is crawled first, then staging under the production URLs with
//! `--connect-to`, compared with the production baseline (`ci-redesign` pack,
//! `--fail-on new`).

mod common;

use common::*;
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::Path;

const HOST: &str = "www.gaiban.gov.cn";
const ORIGIN: &str = "http://www.gaiban.gov.cn";

/// `check http://www.gaiban.gov.cn/ --connect-to www.gaiban.gov.cn:80:127.0.0.1:PORT …`
fn run(fx: &Fixture, out: &Path, extra: &[&str]) -> (std::process::Output, Value) {
    common::check_connected(fx, HOST, out, &[&["--rate", "0"], extra].concat())
}

fn check<'a>(report: &'a Value, id: &str) -> &'a Value {
    report["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == id)
        .unwrap_or_else(|| panic!("{id} not in the report"))
}

fn evidence_urls(c: &Value) -> BTreeSet<String> {
    c["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["url"].as_str().unwrap().to_string())
        .collect()
}

fn urls(paths: &[&str]) -> BTreeSet<String> {
    paths.iter().map(|p| format!("{ORIGIN}{p}")).collect()
}

/// The old URLs the redesign loses: 政策解读 moved without redirects, 政府公报 dropped, one
/// 履职依据 article redirected to the home page.
const LOST: &[&str] = &[
    "/zwgk/fdzdgknr/zcjd/",
    "/zwgk/fdzdgknr/zcjd/t20261001_1.html",
    "/zwgk/fdzdgknr/zcjd/t20261002_2.html",
    "/zwgk/fdzdgknr/zcjd/t20261003_3.html",
    "/zwgk/fdzdgknr/zcjd/t20261004_4.html",
    "/zwgk/fdzdgknr/zfgb/",
    "/zwgk/fdzdgknr/zfgb/t20260801_1.html",
    "/zwgk/fdzdgknr/zfgb/t20260802_2.html",
    "/zwgk/fdzdgknr/lzyj/t20260903_3.html",
];

/// Old URLs redirected to their new addresses (no alarm for them).
const REDIRECTED: &[&str] = &[
    "/zwgk/",
    "/zwgk/fdzdgknr/",
    "/zwgk/fdzdgknr/czyjs/",
    "/zwgk/fdzdgknr/czyjs/t20261101_1.html",
    "/zwgk/fdzdgknr/czyjs/t20261102_2.html",
    "/zwgk/fdzdgknr/czyjs/t20261103_3.html",
    "/zwgk/fdzdgknr/czyjs/t20261104_4.html",
    "/zwgk/fdzdgknr/czyjs/t20261105_5.html",
    "/zwgk/fdzdgknr/lzyj/",
    "/zwgk/fdzdgknr/lzyj/t20260901_1.html",
    "/zwgk/fdzdgknr/lzyj/t20260902_2.html",
];

#[test]
fn staging_under_production_urls_names_lost_urls_columns_and_counts() {
    let prod = Fixture::serve("redesign/prod");
    let staging = Fixture::serve("redesign/staging");
    let dir = tempfile::tempdir().unwrap();
    let (prod_out, stage_out) = (dir.path().join("production"), dir.path().join("staging"));

    let (o, base) = run(&prod, &prod_out, &[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(base["crawl"]["stop_reason"], "completed");
    // without a baseline the CI pack is not applied
    assert!(!base["packs"].to_string().contains("ci-redesign"));
    let prod_requests = prod.server.requests().len();
    assert!(
        prod_requests > 20,
        "production was crawled: {prod_requests}"
    );

    let baseline = prod_out.join("report.json");
    let baseline_s = baseline.to_string_lossy().to_string();
    let (o, rep) = run(
        &staging,
        &stage_out,
        &["--baseline", &baseline_s, "--fail-on", "new"],
    );
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(rep["packs"].to_string().contains("ci-redesign"));
    // the staging crawl never reached the production server
    assert_eq!(prod.server.requests().len(), prod_requests);
    // absolute links of the new template (http://www.gaiban.gov.cn/zfxxgk/…) were crawled
    // on the staging server, in scope
    let pages = page_paths(&rep);
    for p in [
        "/zfxxgk/",
        "/zfxxgk/fdzdgknr/",
        "/zfxxgk/fdzdgknr/czyjs/t20261103_3.html",
    ] {
        assert!(pages.iter().any(|x| x == p), "{p} not crawled: {pages:?}");
    }
    assert!(
        staging.server.requests().iter().all(|r| r.host == HOST),
        "every request carried the production Host header"
    );

    // CI-01: exactly the lost URLs, none of the redirected ones
    let ci01 = check(&rep, "CI-01");
    assert_eq!(ci01["status"], "fail", "{ci01}");
    assert_eq!(evidence_urls(ci01), urls(LOST), "{ci01}");
    for r in REDIRECTED {
        assert!(!evidence_urls(ci01).contains(&format!("{ORIGIN}{r}")));
    }
    let msg = ci01["message"].as_str().unwrap();
    assert!(msg.contains("24 个页面网址中有 9 个"), "{msg}");
    assert!(
        msg.contains(&format!("{} 个已正确重定向", REDIRECTED.len())),
        "{msg}"
    );
    assert!(msg.contains("4 个直接可访问"), "{msg}");
    // grouped by the column the URL had in the baseline
    assert!(
        msg.contains("【政务公开 > 法定主动公开内容 > 政策解读】"),
        "{msg}"
    );
    assert!(
        msg.contains("【政务公开 > 法定主动公开内容 > 政府公报】"),
        "{msg}"
    );
    assert!(msg.contains("重定向到首页"), "{msg}");

    // CI-02: the dropped column with its baseline URL
    let ci02 = check(&rep, "CI-02");
    assert_eq!(ci02["status"], "fail", "{ci02}");
    assert_eq!(
        evidence_urls(ci02),
        urls(&["/zwgk/fdzdgknr/zfgb/"]),
        "{ci02}"
    );
    assert!(ci02["message"].as_str().unwrap().contains("政府公报"));

    // CI-03: 政策解读 lists 2 of its 4 items; the other columns kept theirs
    let ci03 = check(&rep, "CI-03");
    assert_eq!(ci03["status"], "fail", "{ci03}");
    assert_eq!(
        evidence_urls(ci03),
        urls(&["/zfxxgk/fdzdgknr/zcjd/"]),
        "{ci03}"
    );
    let m3 = ci03["message"].as_str().unwrap();
    assert!(
        m3.contains("法定主动公开内容 > 政策解读”基线 4 条、新站 2 条"),
        "{m3}"
    );

    // the old URLs were requested on staging after the crawl and recorded in the graph
    let graph = read_json(&stage_out.join("site-graph.json"));
    let revisited = graph["revisited"].as_array().expect("revisited");
    // (the 4 URLs the new site kept — /, /zwgk/ndbg/ and its articles — were crawled)
    assert_eq!(
        revisited.len(),
        LOST.len() + REDIRECTED.len(),
        "{revisited:?}"
    );
    let staged: Vec<String> = staging
        .server
        .requests()
        .iter()
        .map(|r| r.path.clone())
        .collect();
    for p in LOST {
        assert!(
            staged.iter().any(|s| s == p),
            "{p} was not requested on staging"
        );
    }

    // CI interfaces name each lost URL: one JUnit test case and one SARIF result per URL
    let junit = std::fs::read_to_string(stage_out.join("junit.xml")).unwrap();
    let cases: Vec<&str> = junit
        .split("<testcase ")
        .skip(1)
        .filter(|c| c.contains("name=\"CI-01 "))
        .collect();
    assert_eq!(cases.len(), LOST.len(), "{junit}");
    for p in LOST {
        let u = format!("{ORIGIN}{p}");
        assert!(
            cases.iter().any(|c| c.contains(&format!("CI-01 {u}\""))),
            "{u} has no test case"
        );
    }
    let sarif = read_json(&stage_out.join("report.sarif"));
    let results: Vec<&Value> = sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["ruleId"] == "CI-01")
        .collect();
    let sarif_urls: BTreeSet<String> = results
        .iter()
        .map(|r| {
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(results.len(), LOST.len());
    assert_eq!(sarif_urls, urls(LOST));
}

#[test]
fn an_unchanged_copy_passes_and_a_lone_report_warns() {
    let prod = Fixture::serve("redesign/prod");
    let copy = Fixture::serve("redesign/prod");
    let dir = tempfile::tempdir().unwrap();
    let prod_out = dir.path().join("production");
    let (o, _) = run(&prod, &prod_out, &[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let baseline = prod_out.join("report.json");
    let baseline_s = baseline.to_string_lossy().to_string();

    // the same site on another port: nothing lost, nothing new, exit 0
    let (o, rep) = run(
        &copy,
        &dir.path().join("copy"),
        &["--baseline", &baseline_s, "--fail-on", "new"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    for id in ["CI-01", "CI-02", "CI-03"] {
        assert_eq!(check(&rep, id)["status"], "pass", "{}", check(&rep, id));
    }
    assert!(
        check(&rep, "CI-01")["message"]
            .as_str()
            .unwrap()
            .contains("24 个页面网址中 24 个直接可访问"),
        "{}",
        check(&rep, "CI-01")
    );

    // a baseline report without its site-graph.json: the CI checks say so (warn)
    let lone = dir.path().join("lone");
    std::fs::create_dir_all(&lone).unwrap();
    std::fs::copy(&baseline, lone.join("report.json")).unwrap();
    let lone_s = lone.join("report.json").to_string_lossy().to_string();
    let (_, rep) = run(&copy, &dir.path().join("copy2"), &["--baseline", &lone_s]);
    for id in ["CI-01", "CI-02", "CI-03"] {
        let c = check(&rep, id);
        assert_eq!(c["status"], "warn", "{c}");
        assert!(
            c["message"].as_str().unwrap().contains("site-graph.json"),
            "{c}"
        );
    }
}

#[test]
fn resolve_maps_host_and_port_not_the_host_on_every_port() {
    let a = Fixture::serve("redesign/staging");
    let b = Fixture::serve("redesign/prod");
    let dir = tempfile::tempdir().unwrap();
    // a mapping for port A does not apply to a URL on port B
    let url_b = format!("http://{HOST}:{}/", b.port());
    let out = dir.path().join("wrong");
    let o = zwgk(&[
        "check",
        &url_b,
        "--resolve",
        &a.resolve(HOST),
        "--no-dns",
        "--no-history",
        "--out",
        &out.to_string_lossy(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let rep = read_json(&out.join("report.json"));
    assert_eq!(
        rep["crawl"]["stop_reason"], "start_failed",
        "{}",
        rep["crawl"]
    );
    assert_eq!(
        error_paths(&rep),
        vec![("/".to_string(), "dns".to_string())]
    );
    assert!(a.server.requests().is_empty() && b.server.requests().is_empty());
    // with the mapping for port B the same URL is crawled on B
    let out = dir.path().join("right");
    let o = zwgk(&[
        "check",
        &url_b,
        "--resolve",
        &b.resolve(HOST),
        "--no-dns",
        "--no-history",
        "--no-verify",
        "--out",
        &out.to_string_lossy(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let rep = read_json(&out.join("report.json"));
    assert!(page_paths(&rep).iter().any(|p| p == "/zwgk/fdzdgknr/"));
    assert!(a.server.requests().is_empty());
    assert!(!b.server.requests().is_empty());
}
