//! The fetch stage's politeness and robustness, through the real binary against loopback
//! fixture servers: 429 + Retry-After, slow servers, redirect loops, oversized bodies,
//! robots.txt, per-host rate limits, TLS/DNS/connection failures classified.

mod common;
use common::*;

#[test]
fn retry_after_on_429_is_waited_out() {
    let fx = Fixture::serve("fetch");
    let (out, report, _dir) = check(&fx, "www.busy.test", &["--rate", "0"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        page_paths(&report).contains(&"/a.html".to_string()),
        "a.html fetched after the 429"
    );
    let hits: Vec<_> = fx
        .requests_for("www.busy.test")
        .into_iter()
        .filter(|r| r.path == "/a.html")
        .collect();
    assert_eq!(hits.len(), 2, "one 429, one retry");
    assert_eq!(hits[0].status, 429);
    assert_eq!(hits[1].status, 200);
    // Retry-After: 1 → the retry waited about a second (lower bound only)
    assert!(hits[1].at_ms - hits[0].at_ms >= 900, "{:?}", hits);
    assert!(report["stats"]["retries"].as_u64().unwrap() >= 1);
}

#[test]
fn slow_server_times_out_and_is_retried() {
    let fx = Fixture::serve("fetch");
    let (out, report, _dir) = check(
        &fx,
        "www.slow.test",
        &["--rate", "0", "--timeout", "1", "--retries", "1"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let pages = page_paths(&report);
    assert!(
        pages.contains(&"/once.html".to_string()),
        "retry after the timeout succeeded: {pages:?}"
    );
    let errors = error_paths(&report);
    assert!(
        errors.contains(&("/always.html".to_string(), "timeout".to_string())),
        "{errors:?}"
    );
    // once.html: 1 timeout + 1 good retry; always.html: 1 timeout + 1 failed retry
    // (the server does not log requests the client abandoned, so count on the client side)
    assert_eq!(
        report["stats"]["retries"].as_u64(),
        Some(2),
        "{}",
        report["stats"]
    );
}

#[test]
fn redirect_loop_ends_and_redirect_chain_is_recorded() {
    let fx = Fixture::serve("fetch");
    let (out, report, dir) = check(&fx, "www.loop.test", &["--rate", "0"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let errors = error_paths(&report);
    assert!(
        errors.contains(&("/loop/a.html".to_string(), "redirect_loop".to_string())),
        "{errors:?}"
    );
    // the good redirect lands on /new/ and is recorded as the final URL
    let old = report["pages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| path_of(p["url"].as_str().unwrap()) == "/old/")
        .expect("/old/ page");
    assert_eq!(path_of(old["final_url"].as_str().unwrap()), "/new/");
    // the loop was not followed forever
    let loop_hits = fx
        .requests_for("www.loop.test")
        .into_iter()
        .filter(|r| r.path.starts_with("/loop/"))
        .count();
    assert!(loop_hits <= 3, "{loop_hits} requests to the loop");
    let graph = read_json(&dir.path().join("site-graph.json"));
    assert!(graph["urls"].as_array().unwrap().len() >= 4);
}

/// The message of a crawl error, by page path.
fn error_message(report: &serde_json::Value, path: &str) -> String {
    report["crawl"]["errors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| path_of(e["url"].as_str().unwrap()) == path)
        .and_then(|e| e["message"].as_str())
        .unwrap_or_else(|| panic!("no error for {path}: {}", report["crawl"]))
        .to_string()
}

#[test]
fn crawl_error_messages_follow_the_report_language() {
    let fx = Fixture::serve("fetch");
    let (out, zh, _d1) = check(&fx, "www.loop.test", &["--rate", "0"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let msg = error_message(&zh, "/loop/a.html");
    assert!(
        msg.starts_with("重定向循环：") && msg.contains(" -> "),
        "{msg}"
    );
    let (out, en, _d2) = check(&fx, "www.loop.test", &["--rate", "0", "--lang", "en"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let msg = error_message(&en, "/loop/a.html");
    assert!(msg.starts_with("redirect loop: "), "{msg}");
    let (_, big, _d3) = check(&fx, "www.big.test", &["--rate", "0", "--max-body-mb", "1"]);
    assert!(error_message(&big, "/big.html").contains("超过上限 1048576 字节"));
}

#[test]
fn oversized_body_is_cut_at_the_cap() {
    let fx = Fixture::serve("fetch");
    let (out, report, _dir) = check(&fx, "www.big.test", &["--rate", "0", "--max-body-mb", "1"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let errors = error_paths(&report);
    assert!(
        errors.contains(&("/big.html".to_string(), "too_large".to_string())),
        "{errors:?}"
    );
    // far less than the 20 MB body was read
    let bytes = report["stats"]["bytes"].as_u64().unwrap();
    assert!(bytes < 3 * 1024 * 1024, "read {bytes} bytes");
}

#[test]
fn robots_txt_is_obeyed_unless_ignored() {
    let fx = Fixture::serve("fetch");
    let (out, report, _dir) = check(&fx, "www.robots.test", &["--rate", "0"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let asked: Vec<String> = fx
        .requests_for("www.robots.test")
        .into_iter()
        .map(|r| r.path)
        .collect();
    assert!(asked.contains(&"/robots.txt".to_string()));
    assert!(
        !asked.iter().any(|p| p.starts_with("/private/")),
        "{asked:?}"
    );
    assert!(page_paths(&report).contains(&"/public.html".to_string()));
    assert!(error_paths(&report).contains(&("/private/x.html".to_string(), "robots".to_string())));
    assert_eq!(report["stats"]["robots_disallowed"].as_u64(), Some(1));

    let fx2 = Fixture::serve("fetch");
    let (_out, report2, _dir2) =
        check(&fx2, "www.robots.test", &["--rate", "0", "--ignore-robots"]);
    assert!(page_paths(&report2).contains(&"/private/x.html".to_string()));
}

#[test]
fn per_host_rate_limit_and_honest_user_agent() {
    let fx = Fixture::serve("fetch");
    let (out, report, _dir) = check(&fx, "www.polite.test", &["--rate", "5", "--per-host", "2"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(report["stats"]["pages"].as_u64(), Some(13));
    let reqs = fx.requests_for("www.polite.test");
    assert!(reqs.len() >= 14, "robots + 13 pages");
    let mut times: Vec<u64> = reqs.iter().map(|r| r.at_ms).collect();
    times.sort();
    // 5 requests/s per host: any n+1 consecutive arrivals span at least n × 200 ms, less
    // 150 ms of slack for one arrival delayed by a busy machine (a late request followed
    // by an on-time one looks close, though the client kept its pace)
    for i in 0..times.len() {
        for j in i + 1..times.len() {
            let min = ((j - i) as u64 * 200).saturating_sub(150);
            assert!(
                times[j] - times[i] >= min,
                "requests {i}..{j} too close: {times:?}"
            );
        }
    }
    for r in &reqs {
        let ua = r.user_agent.as_deref().unwrap_or("");
        assert!(ua.starts_with("zwgk/"), "user agent {ua:?}");
    }
}

#[test]
fn tls_dns_and_connection_failures_are_classified() {
    let fx = Fixture::serve("fetch");
    // TLS handshake against a plain-HTTP port
    let out_dir = tempfile::tempdir().unwrap();
    let url = format!("https://www.tls.test:{}/", fx.port());
    let resolve = format!("www.tls.test:{}:127.0.0.1", fx.port());
    let o = zwgk(&[
        "check",
        &url,
        "--resolve",
        &resolve,
        "--no-dns",
        "--retries",
        "0",
        "--out",
        out_dir.path().to_str().unwrap(),
        "--no-history",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let r = read_json(&out_dir.path().join("report.json"));
    assert_eq!(r["crawl"]["stop_reason"], "start_failed");
    assert_eq!(r["crawl"]["errors"][0]["class"], "tls", "{}", r["crawl"]);

    // no --resolve mapping and DNS disabled → DNS failure, nothing leaves the machine
    let out_dir = tempfile::tempdir().unwrap();
    let o = zwgk(&[
        "check",
        "http://www.unmapped.gov.cn/",
        "--no-dns",
        "--retries",
        "0",
        "--out",
        out_dir.path().to_str().unwrap(),
        "--no-history",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let r = read_json(&out_dir.path().join("report.json"));
    assert_eq!(r["crawl"]["errors"][0]["class"], "dns", "{}", r["crawl"]);
    assert!(stdout(&o).contains("首页无法抓取"), "{}", stdout(&o));

    // nothing listening on the port → connection failure
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    drop(listener);
    let out_dir = tempfile::tempdir().unwrap();
    let url = format!("http://www.down.test:{port}/");
    let resolve = format!("www.down.test:{port}:127.0.0.1");
    let o = zwgk(&[
        "check",
        &url,
        "--resolve",
        &resolve,
        "--no-dns",
        "--retries",
        "0",
        "--out",
        out_dir.path().to_str().unwrap(),
        "--no-history",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let r = read_json(&out_dir.path().join("report.json"));
    assert_eq!(
        r["crawl"]["errors"][0]["class"], "connect",
        "{}",
        r["crawl"]
    );
}
