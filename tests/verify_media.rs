//! The verification stage through the real binary against loopback fixture hosts
//! (tests/sites/media): every classification of the media issue — valid and truncated PNGs,
//! an HTML page where a JPEG is expected, zero-byte and valid MP4s, an MP4 behind a
//! redirect, redirect loops and chains, soft-404 attachments (error page, redirect to home,
//! the host's fingerprint), Flash, a server that ignores Range, WAF blocks, a slow server —
//! deduplication across pages, and `--external check|skip`. External hosts are mapped to
//! 127.0.0.1 with a second `--resolve`; nothing outside loopback is contacted.

mod common;
use common::*;
use serde_json::Value;
use std::collections::BTreeMap;

const SITE: &str = "www.media.test";
const EXT: &str = "cdn.media-ext.test";

/// Serve tests/sites/media on a free loopback port, with the port written into the pages
/// (absolute links to the external host and to https://).
fn serve_media() -> (Fixture, tempfile::TempDir) {
    Fixture::serve_ported("media")
}

/// One verified resource from site-graph.json.
#[derive(Debug, Clone)]
struct V {
    outcome: String,
    status: Option<u64>,
    detail: String,
    bytes_read: u64,
}

/// `verified` keyed by path (site host) or `host/path` (other hosts, https).
fn verified(graph: &Value) -> BTreeMap<String, V> {
    let urls = graph["urls"].as_array().unwrap();
    graph["verified"]
        .as_array()
        .expect("verified array")
        .iter()
        .map(|v| {
            let url = url::Url::parse(urls[v["url"].as_u64().unwrap() as usize].as_str().unwrap())
                .unwrap();
            let key = if url.host_str() == Some(SITE) && url.scheme() == "http" {
                path_of(url.as_str())
            } else {
                format!(
                    "{}://{}{}",
                    url.scheme(),
                    url.host_str().unwrap(),
                    url.path()
                )
            };
            (
                key,
                V {
                    outcome: v["outcome"].as_str().unwrap().to_string(),
                    status: v["status"].as_u64(),
                    detail: v["detail"].as_str().unwrap_or("").to_string(),
                    bytes_read: v["bytes_read"].as_u64().unwrap_or(0),
                },
            )
        })
        .collect()
}

fn run(fx: &Fixture, external: &str) -> (BTreeMap<String, V>, Value, Value, tempfile::TempDir) {
    let ext_resolve = fx.resolve(EXT);
    let (out, report, dir) = check(
        fx,
        SITE,
        &[
            "--resolve",
            &ext_resolve,
            "--rate",
            "0",
            "--timeout",
            "1",
            "--retries",
            "0",
            "--external",
            external,
        ],
    );
    assert!(
        out.status.code().is_some_and(|c| c <= 1),
        "zwgk check failed: {}",
        stderr(&out)
    );
    let graph = read_json(&dir.path().join("site-graph.json"));
    (verified(&graph), graph, report, dir)
}

#[track_caller]
fn expect(v: &BTreeMap<String, V>, key: &str, outcome: &str) -> V {
    let got = v
        .get(key)
        .unwrap_or_else(|| panic!("{key} not verified; verified: {:#?}", v.keys()));
    assert_eq!(got.outcome, outcome, "{key}: {got:?}");
    got.clone()
}

#[test]
fn every_media_classification_through_the_binary() {
    let (fx, _site) = serve_media();
    let (v, graph, report, _dir) = run(&fx, "check");
    if std::env::var_os("ZWGK_DUMP").is_some() {
        eprintln!("{v:#?}");
    }

    // images
    expect(&v, "/img/ok.png", "ok");
    expect(&v, "/img/logo.png", "ok");
    let t = expect(&v, "/img/truncated.png", "undecodable");
    assert!(t.detail.contains("截断"), "{t:?}");
    assert!(
        t.detail.contains("89 50 4E 47"),
        "first bytes as evidence: {t:?}"
    );
    // 100 KB PNG cut mid-IDAT: the probe cannot tell, the full read (≤ 2 MB) can
    expect(&v, "/img/big-cut.png", "undecodable");
    let big = expect(&v, "/img/big-ok.png", "ok");
    assert!(big.bytes_read > 64 * 1024, "read whole: {big:?}");
    expect(&v, "/img/zero.png", "undecodable");
    expect(&v, "/img/photo.jpg", "ok");
    expect(&v, "/img/icon.gif", "ok");
    expect(&v, "/img/poster.png", "ok");
    let html = expect(&v, "/img/html-page.jpg", "wrong_type");
    assert!(html.detail.contains("HTML"), "{html:?}");
    let labelled = expect(&v, "/img/labelled-html.jpg", "ok");
    assert!(labelled.detail.contains("Content-Type"), "{labelled:?}");
    let fake = expect(&v, "/img/fake.jpg", "broken");
    assert!(fake.detail.contains("软404"), "{fake:?}");
    let missing = expect(&v, "/img/missing.png", "broken");
    assert_eq!(missing.status, Some(404));
    expect(&v, &format!("https://{SITE}/img/ok.png"), "tls");

    // video, audio, Flash
    expect(&v, "/video/ok.mp4", "ok");
    expect(&v, "/video/empty.mp4", "empty");
    let moved = expect(&v, "/video/moved.mp4", "ok");
    assert!(moved.detail.contains("moved-target.mp4"), "{moved:?}");
    expect(&v, "/video/loop.mp4", "redirect_loop");
    let chain = expect(&v, "/video/chain1.mp4", "redirect_loop");
    assert!(chain.detail.contains('5'), "{chain:?}");
    let norange = expect(&v, "/video/norange.mp4", "ok");
    assert!(
        norange.bytes_read <= 64 * 1024,
        "only the probe was read from a 200 KB body: {norange:?}"
    );
    expect(&v, "/video/slow.mp4", "timeout");
    expect(&v, "/video/old.flv", "flash");
    expect(&v, "/flash/player.swf", "flash");
    expect(&v, "/audio/ok.mp3", "ok");

    // attachments
    expect(&v, "/docs/report.pdf", "ok");
    let gone = expect(&v, "/docs/gone.pdf", "broken");
    assert!(gone.detail.contains("软404"), "{gone:?}");
    let home = expect(&v, "/docs/home.pdf", "broken");
    assert!(home.detail.contains("首页"), "{home:?}");
    let fp = expect(&v, "/docs/withdrawn.pdf", "broken");
    assert!(
        fp.detail.contains("不存在页面"),
        "fingerprint match: {fp:?}"
    );
    expect(&v, "/docs/cut.pdf", "undecodable");
    expect(&v, "/docs/gone410.pdf", "broken");
    expect(&v, "/docs/file.doc", "ok");
    expect(&v, "/docs/file.docx", "ok");
    expect(&v, "/docs/not-a-docx.docx", "wrong_type");
    expect(&v, "/docs/waf.pdf", "blocked");
    expect(&v, "/docs/ruishu.xls", "blocked");
    let err = expect(&v, "/docs/error.xls", "server_error");
    assert_eq!(err.status, Some(503));

    // links: crawled pages, crawl errors, soft 404s
    expect(&v, "/news/a.html", "ok");
    expect(&v, "/nope.html", "broken");
    expect(&v, "/deleted.html", "broken");
    let notice = expect(&v, "/notice/old.html", "broken");
    assert!(notice.detail.contains("不存在页面"), "{notice:?}");
    expect(&v, "/loop.html", "redirect_loop");
    expect(&v, "/go-home.html", "broken");
    expect(&v, "/index.html", "ok");
    expect(&v, "/zcjd/", "ok");

    // external host checked (mapped to loopback), unmapped host not verified
    expect(&v, &format!("http://{EXT}/img/banner.png"), "ok");
    expect(&v, &format!("http://{EXT}/img/missing.jpg"), "broken");
    expect(&v, &format!("http://{EXT}/files/guide.pdf"), "ok");
    expect(&v, &format!("http://{EXT}/"), "ok");
    let unmapped = expect(&v, "http://img.unmapped.test/a.png", "skipped");
    assert!(unmapped.detail.contains("DNS"), "{unmapped:?}");

    // each resource once, however many pages reference it
    let hits = |path: &str| {
        fx.requests_for(SITE)
            .into_iter()
            .filter(|r| r.path == path)
            .count()
    };
    assert_eq!(
        hits("/img/ok.png"),
        1,
        "ok.png is on three pages, requested once"
    );
    assert_eq!(
        graph["verified"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x["url"].as_u64())
            .collect::<std::collections::HashSet<_>>()
            .len(),
        graph["verified"].as_array().unwrap().len(),
        "no duplicate entries"
    );
    // crawl errors are reused, not requested again
    assert_eq!(hits("/nope.html"), 1);
    // media requests carry a Range header
    let ranged = fx
        .requests_for(SITE)
        .into_iter()
        .find(|r| r.path == "/video/ok.mp4")
        .expect("ok.mp4 requested");
    assert_eq!(ranged.range.as_deref(), Some("bytes=0-65535"));
    // one soft-404 probe per host
    let probes = fx
        .server
        .requests()
        .into_iter()
        .filter(|r| r.path.starts_with("/zwgk-no-such-page-"))
        .map(|r| r.host)
        .collect::<Vec<_>>();
    assert!(
        probes.iter().filter(|h| *h == SITE).count() == 1,
        "{probes:?}"
    );

    // the checks read the verdicts: ZW-M01 (政策解读 media) and GOV-D01 (whole site) list
    // each failing resource once; firewall blocks are not counted as broken
    let evidence = |id: &str| -> Vec<String> {
        let c = report["checks"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == id)
            .unwrap_or_else(|| panic!("check {id} in report"));
        assert_eq!(c["status"], "fail", "{id}: {c}");
        c["evidence"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["url"].as_str().unwrap().to_string())
            .collect()
    };
    let on_site = |p: &str| format!("http://{SITE}:{}{p}", fx.port());
    let m01 = evidence("ZW-M01");
    assert_eq!(
        m01.iter()
            .filter(|u| **u == on_site("/img/truncated.png"))
            .count(),
        1,
        "{m01:?}"
    );
    assert!(m01.contains(&on_site("/flash/player.swf")), "{m01:?}");
    let d01 = evidence("GOV-D01");
    assert!(d01.contains(&on_site("/img/missing.png")), "{d01:?}");
    assert!(d01.contains(&on_site("/video/empty.mp4")), "{d01:?}");
    assert!(!d01.contains(&on_site("/docs/waf.pdf")), "{d01:?}");
    assert!(!d01.contains(&on_site("/img/ok.png")), "{d01:?}");
}

#[test]
fn external_skip_lists_but_never_requests_other_hosts() {
    let (fx, _site) = serve_media();
    let (v, _graph, _report, _dir) = run(&fx, "skip");
    for key in [
        format!("http://{EXT}/img/banner.png"),
        format!("http://{EXT}/img/missing.jpg"),
        format!("http://{EXT}/files/guide.pdf"),
        format!("http://{EXT}/"),
        "http://img.unmapped.test/a.png".to_string(),
    ] {
        let s = expect(&v, &key, "skipped");
        assert!(s.detail.contains("未验证"), "{s:?}");
    }
    assert!(
        fx.requests_for(EXT).is_empty(),
        "external host contacted: {:?}",
        fx.requests_for(EXT)
    );
    // the site's own media are still verified
    expect(&v, "/img/truncated.png", "undecodable");
    expect(&v, "/video/empty.mp4", "empty");
}

#[test]
fn no_verify_leaves_verified_empty() {
    let (fx, _site) = serve_media();
    let (out, _report, dir) = check(&fx, SITE, &["--rate", "0", "--no-verify"]);
    assert!(
        out.status.code().is_some_and(|c| c <= 1),
        "{}",
        stderr(&out)
    );
    let graph = read_json(&dir.path().join("site-graph.json"));
    assert!(graph["verified"].as_array().is_none_or(|a| a.is_empty()));
    assert!(
        fx.requests_for(SITE)
            .iter()
            .all(|r| !r.path.starts_with("/video/")),
        "media were requested although verification is off"
    );
}

#[test]
fn demo_site_media_defects_are_classified() {
    let fx = Fixture::serve("demo");
    let host = "www.xsq.cq.gov.cn";
    let (out, _report, dir) = check(&fx, host, &["--rate", "0", "--retries", "0"]);
    assert!(
        out.status.code().is_some_and(|c| c <= 1),
        "{}",
        stderr(&out)
    );
    let graph = read_json(&dir.path().join("site-graph.json"));
    let urls = graph["urls"].as_array().unwrap();
    let by_path: BTreeMap<String, String> = graph["verified"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| {
            (
                path_of(urls[v["url"].as_u64().unwrap() as usize].as_str().unwrap()),
                v["outcome"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let get = |p: &str| {
        by_path
            .get(p)
            .map(String::as_str)
            .unwrap_or_else(|| panic!("{p} not verified"))
    };
    let base = "/zwgk_229/fdzdgknr/zcjd";
    assert_eq!(
        get(&format!("{base}/tpjd/202610/W020261020391234567890.png")),
        "ok"
    );
    assert_eq!(
        get(&format!("{base}/tpjd/202607/W020260715123456789012.png")),
        "undecodable"
    );
    assert_eq!(
        get(&format!("{base}/spjd/202610/W020261010765432109876.mp4")),
        "ok"
    );
    assert_eq!(
        get(&format!("{base}/spjd/202606/W020260618000000000001.mp4")),
        "empty"
    );
    assert_eq!(
        get(&format!("{base}/spjd/201905/W020190506100000000002.swf")),
        "flash"
    );
    let fake = get("/zwxx_229/gzdt/202611/W020261120512000000001.jpg");
    assert!(matches!(fake, "broken" | "wrong_type"), "{fake}");
    assert_eq!(get("/images/focus_missing.jpg"), "broken");
    assert_eq!(get("/images/logo.png"), "ok");
    // WAF answers are "could not verify", never broken
    for (p, o) in &by_path {
        if p.starts_with("/zwfw/bsdt/") || p.starts_with("/zwfw/wsbs/") {
            assert_eq!(o, "blocked", "{p}");
        }
    }
}
