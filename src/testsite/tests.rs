//! Tests of the fixture server over real loopback sockets (never any other address).

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::*;

const DEMO: &str = "www.xsq.cq.gov.cn";

fn loopback() -> SocketAddr {
    "127.0.0.1:0".parse().unwrap()
}

fn client(server: &SiteServer, hosts: &[&str]) -> reqwest::Client {
    let mut b = reqwest::Client::builder()
        .no_proxy()
        .redirect(reqwest::redirect::Policy::none())
        .user_agent("zwgk-test/1.0")
        .timeout(Duration::from_secs(20));
    for h in hosts {
        b = b.resolve(h, server.addr());
    }
    b.build().unwrap()
}

fn url(server: &SiteServer, host: &str, path: &str) -> String {
    format!("http://{host}:{}{path}", server.addr().port())
}

fn crawl_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/sites/crawl")
}

async fn demo() -> (SiteServer, reqwest::Client) {
    let s = SiteServer::start(SiteSource::Embedded(&DEMO_SITES), loopback())
        .await
        .unwrap();
    let c = client(&s, &[DEMO, "unknown.example.test"]);
    (s, c)
}

#[tokio::test]
async fn serves_embedded_home_without_charset() {
    let (s, c) = demo().await;
    assert!(s.hosts().contains(&DEMO.to_string()));
    let r = c.get(url(&s, DEMO, "/")).send().await.unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["content-type"], "text/html");
    assert!(r.headers().contains_key("etag"));
    assert!(r.headers().contains_key("last-modified"));
    let body = r.text().await.unwrap();
    assert!(body.contains("秀水区人民政府"));
    assert!(body.contains("/include/zwgk_nav.html"));

    let r = c
        .get(url(&s, DEMO, "/images/logo.png"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.headers()["content-type"], "image/png");
    assert!(r.bytes().await.unwrap().starts_with(b"\x89PNG"));

    // internal files are not served
    let r = c.get(url(&s, DEMO, "/_routes.toml")).send().await.unwrap();
    assert_eq!(r.status(), 404);
    s.shutdown().await;
}

#[tokio::test]
async fn unknown_host_missing_file_and_dir_redirect() {
    let (s, c) = demo().await;
    let r = c
        .get(url(&s, "unknown.example.test", "/"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 404);
    let r = c
        .get(url(&s, DEMO, "/zwgk_229/zdxm/"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 404);
    let r = c.get(url(&s, DEMO, "/zwgk_229?x=1")).send().await.unwrap();
    assert_eq!(r.status(), 301);
    assert_eq!(r.headers()["location"], "/zwgk_229/?x=1");
    let r = c.get(url(&s, DEMO, "/zwgk_229/")).send().await.unwrap();
    assert_eq!(r.status(), 200);
    // path traversal stays inside the host
    let r = c
        .get(url(&s, DEMO, "/zwgk_229/../../index.html"))
        .send()
        .await
        .unwrap();
    assert!(r.status() == 200 || r.status() == 404);
    s.shutdown().await;
}

#[tokio::test]
async fn chinese_gbk_path() {
    let (s, c) = demo().await;
    let r = c
        .get(url(
            &s,
            DEMO,
            "/bm/qwhlyw_75263/%E9%A2%84%E7%AE%97%E5%85%AC%E5%BC%80/index.html",
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["content-type"], "text/html");
    let bytes = r.bytes().await.unwrap();
    assert!(
        bytes
            .windows(b"charset=gb2312".len())
            .any(|w| w == b"charset=gb2312")
    );
    let (text, _, had_errors) = encoding_rs::GBK.decode(&bytes);
    assert!(!had_errors);
    assert!(text.contains("区文化和旅游发展委员会2026年部门预算公开"));
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "GBK page must not be UTF-8"
    );
    s.shutdown().await;
}

#[tokio::test]
async fn conditional_requests_and_ranges() {
    let (s, c) = demo().await;
    let u = url(&s, DEMO, "/robots.txt");
    let r = c.get(&u).send().await.unwrap();
    let etag = r.headers()["etag"].to_str().unwrap().to_string();
    let lm = r.headers()["last-modified"].to_str().unwrap().to_string();
    assert_eq!(
        r.text().await.unwrap(),
        "User-agent: *\nDisallow: /search/\n"
    );
    let r = c
        .get(&u)
        .header("If-None-Match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 304);
    let r = c
        .get(&u)
        .header("If-None-Match", "\"other\"")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let r = c
        .get(&u)
        .header("If-Modified-Since", &lm)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 304);
    let r = c
        .get(&u)
        .header("If-Modified-Since", "Mon, 01 Jan 2001 00:00:00 GMT")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);

    let r = c.get(&u).header("Range", "bytes=0-9").send().await.unwrap();
    assert_eq!(r.status(), 206);
    assert_eq!(r.headers()["content-range"], "bytes 0-9/33");
    assert_eq!(r.text().await.unwrap(), "User-agent");
    let r = c.get(&u).header("Range", "bytes=-8").send().await.unwrap();
    assert_eq!(r.text().await.unwrap(), "search/\n");
    let r = c
        .get(&u)
        .header("Range", "bytes=500-")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 416);
    assert_eq!(r.headers()["content-range"], "bytes */33");

    let recs = s.requests();
    assert!(
        recs.iter()
            .any(|r| r.if_none_match.as_deref() == Some(etag.as_str()))
    );
    assert!(
        recs.iter()
            .any(|r| r.range.as_deref() == Some("bytes=0-9") && r.status == 206)
    );
    assert!(
        recs.iter()
            .all(|r| r.user_agent.as_deref() == Some("zwgk-test/1.0"))
    );
    s.shutdown().await;
}

#[tokio::test]
async fn demo_routes_redirects_waf_and_traps() {
    let (s, c) = demo().await;
    let get = |p: &str| c.get(url(&s, DEMO, p)).send();
    let r = get("/old/zwgk/").await.unwrap();
    assert_eq!(r.status(), 301);
    assert_eq!(r.headers()["location"], "/zwgk_229/");
    let r = get("/loop/a.html").await.unwrap();
    assert_eq!(r.status(), 302);
    assert_eq!(r.headers()["location"], "/loop/b.html");
    let r = get("/loop/b.html").await.unwrap();
    assert_eq!(r.headers()["location"], "/loop/a.html");
    let r = get("/zwfw/bsdt/").await.unwrap();
    assert_eq!(r.status(), 412);
    assert!(r.text().await.unwrap().contains("$_ts=window['$_ts']"));
    let r = get("/zwfw/wsbs/").await.unwrap();
    assert_eq!(r.status(), 521);
    assert!(r.text().await.unwrap().contains("document.cookie="));
    let r = get("/hdjl/zxft/").await.unwrap();
    assert_eq!(r.status(), 503);
    assert_eq!(r.headers()["retry-after"], "120");

    let r = get("/hdjl/rl/?d=2026-11-30").await.unwrap();
    assert_eq!(r.status(), 200);
    let t = r.text().await.unwrap();
    assert!(t.contains("href=\"/hdjl/rl/?d=2026-12-01\""), "{t}");
    assert!(t.contains("href=\"/hdjl/rl/?d=2026-11-29\""));
    let r = get("/zlxz/a/a/a/").await.unwrap();
    assert_eq!(r.status(), 200);
    assert!(r.text().await.unwrap().contains("href=\"./a/\""));

    // the records carry host, path and status
    let recs = s.requests();
    let rec = recs
        .iter()
        .find(|r| r.path == "/hdjl/rl/?d=2026-11-30")
        .unwrap();
    assert_eq!(rec.host, DEMO);
    assert_eq!(rec.method, "GET");
    assert_eq!(rec.status, 200);
    assert!(recs.windows(2).all(|w| w[0].at_ms <= w[1].at_ms));
    s.shutdown().await;
}

#[tokio::test]
async fn demo_site_links_are_as_documented() {
    let (s, c) = demo().await;
    for (path, status) in [
        ("/include/zwgk_nav.html", 200),
        ("/col/col1234/index.html", 200),
        ("/art/2026/11/20/art_1234_5678.html", 200),
        ("/zwxx_229/gzdt/index_1.html", 200),
        ("/zwxx_229/gzdt/index_2.html", 200),
        (
            "/zwgk_229/fdzdgknr/czyjs/202603/t20260305_15498953.html",
            200,
        ),
        (
            "/zwgk_229/fdzdgknr/czyjs/202603/P020260305512345678901.pdf",
            200,
        ),
        (
            "/zwgk_229/fdzdgknr/czyjs/202609/P020260910000000000000.pdf",
            404,
        ),
        ("/search/index.html", 200),
        ("/images/focus_missing.jpg", 404),
    ] {
        let r = c.get(url(&s, DEMO, path)).send().await.unwrap();
        assert_eq!(r.status(), status, "{path}");
    }
    let r = c
        .get(url(
            &s,
            DEMO,
            "/zwgk_229/fdzdgknr/zcjd/spjd/202606/W020260618000000000001.mp4",
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(r.headers()["content-type"], "video/mp4");
    assert_eq!(r.headers()["content-length"], "0");
    s.shutdown().await;
}

#[tokio::test]
async fn crawl_sites_busy_big_loop() {
    let s = SiteServer::start(SiteSource::Disk(crawl_root()), loopback())
        .await
        .unwrap();
    let hosts = s.hosts();
    for h in [
        "www.big.test",
        "www.busy.test",
        "www.loop.test",
        "www.slow.test",
    ] {
        assert!(hosts.contains(&h.to_string()), "{hosts:?}");
    }
    let c = client(
        &s,
        &[
            "www.big.test",
            "www.busy.test",
            "www.loop.test",
            "www.slow.test",
        ],
    );
    let r = c.get(url(&s, "www.busy.test", "/")).send().await.unwrap();
    assert_eq!(r.status(), 429);
    assert_eq!(r.headers()["retry-after"], "1");
    let r = c.get(url(&s, "www.busy.test", "/")).send().await.unwrap();
    assert_eq!(r.status(), 200);

    let mut r = c
        .get(url(&s, "www.big.test", "/big.html"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.content_length(), Some(20_000_000));
    let mut n = 0usize;
    while let Some(chunk) = r.chunk().await.unwrap() {
        n += chunk.len();
    }
    assert_eq!(n, 20_000_000);

    let r = c
        .get(url(&s, "www.loop.test", "/chain/12.html"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.headers()["location"], "/chain/13.html");
    let r = c
        .get(url(&s, "www.slow.test", "/fast.html"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    s.shutdown().await;
}

#[tokio::test]
async fn disk_routes_delay_times_and_trickle() {
    let dir = tempfile::tempdir().unwrap();
    let host = dir.path().join("www.t.test");
    std::fs::create_dir_all(host.join("sub")).unwrap();
    std::fs::write(host.join("index.html"), "<p>hello</p>").unwrap();
    std::fs::write(host.join("sub/index.html"), "x".repeat(3000)).unwrap();
    std::fs::write(
        host.join("_routes.toml"),
        r#"
[[route]]
path = "/index.html"
delay_ms = 300
times = 1

[[route]]
path = "/sub/"
slow_body_ms = 100

[[route]]
path = "/q"
query = "a=1"
status = 418
body = "teapot"
"#,
    )
    .unwrap();
    let s = SiteServer::start(SiteSource::Disk(dir.path().to_path_buf()), loopback())
        .await
        .unwrap();
    let c = client(&s, &["www.t.test"]);
    let t0 = Instant::now();
    let r = c.get(url(&s, "www.t.test", "/")).send().await.unwrap();
    assert_eq!(r.text().await.unwrap(), "<p>hello</p>");
    assert!(t0.elapsed() >= Duration::from_millis(300));
    let t1 = Instant::now();
    c.get(url(&s, "www.t.test", "/")).send().await.unwrap();
    assert!(t1.elapsed() < Duration::from_millis(300));

    let t2 = Instant::now();
    let r = c.get(url(&s, "www.t.test", "/sub/")).send().await.unwrap();
    assert_eq!(r.text().await.unwrap().len(), 3000);
    assert!(t2.elapsed() >= Duration::from_millis(250));

    let r = c.get(url(&s, "www.t.test", "/q?a=1")).send().await.unwrap();
    assert_eq!(r.status(), 418);
    assert_eq!(r.text().await.unwrap(), "teapot");
    let r = c.get(url(&s, "www.t.test", "/q?a=2")).send().await.unwrap();
    assert_eq!(r.status(), 404);
    s.shutdown().await;
}

#[tokio::test]
async fn bad_routes_file_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let host = dir.path().join("www.bad.test");
    std::fs::create_dir_all(&host).unwrap();
    std::fs::write(
        host.join("_routes.toml"),
        "[[route]]\npath = \"/x\"\ntrap = \"maze\"\n",
    )
    .unwrap();
    let e = SiteServer::start(SiteSource::Disk(dir.path().to_path_buf()), loopback())
        .await
        .unwrap_err();
    assert!(matches!(e, TestSiteError::InvalidRoute { .. }), "{e}");
    let empty = tempfile::tempdir().unwrap();
    let e = SiteServer::start(SiteSource::Disk(empty.path().to_path_buf()), loopback())
        .await
        .unwrap_err();
    assert!(matches!(e, TestSiteError::NoSites(_)));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn keep_alive_throughput() {
    let (s, c) = demo().await;
    let n = 2000;
    let t0 = Instant::now();
    let mut tasks = Vec::new();
    for w in 0..8 {
        let c = c.clone();
        let u = url(&s, DEMO, "/zwxx_229/gzdt/index.html");
        tasks.push(tokio::spawn(async move {
            for _ in 0..(n / 8) {
                let r = c.get(&u).send().await.unwrap();
                assert_eq!(r.status(), 200, "worker {w}");
                r.bytes().await.unwrap();
            }
        }));
    }
    for t in tasks {
        t.await.unwrap();
    }
    let rate = f64::from(n) / t0.elapsed().as_secs_f64();
    assert_eq!(s.requests().len(), n as usize);
    // Debug builds on a loaded CI machine are slow; this only guards against pathologies
    // (e.g. Nagle stalls). The release benchmark asserts the real figure.
    eprintln!("fixture server: {rate:.0} req/s (debug build)");
    assert!(rate > 200.0, "only {rate:.0} req/s");
    s.shutdown().await;
}
