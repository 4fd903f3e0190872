//! The hostile fixture site (tests/hostile/server.rs) crawled through the real binary:
//! the run finishes, writes a report naming every fault class, stays under 300 MB peak RSS,
//! bounds every trap, honours robots.txt and Retry-After and requests no other host.

mod common;
#[path = "hostile/server.rs"]
mod server;

use common::read_json;
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Peak resident memory of a running process (kB), from `/proc/PID/status` VmHWM.
fn vm_hwm_kb(pid: u32) -> Option<u64> {
    let s = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    s.lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
}

/// What one run of `zwgk check` against the hostile site left behind.
pub struct Run {
    pub code: Option<i32>,
    pub stderr: String,
    pub report: Value,
    pub graph: Value,
    /// report.md, what a person reads
    pub markdown: String,
    pub peak_kb: u64,
    pub wall: Duration,
    pub seen: Vec<server::Seen>,
}

/// Start the hostile site, check `path` on it with `extra` flags, watch the child's memory.
pub fn run(path: &str, extra: &[&str]) -> Run {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let site = rt.block_on(server::start());
    let port = site.addr.port();
    let out = tempfile::tempdir().unwrap();
    let url = format!("http://{}:{port}{path}", server::HOST);
    let resolve = format!("{}:{port}:127.0.0.1", server::HOST);
    let err_file = out.path().join("stderr.txt");
    let mut args: Vec<String> = [
        "check",
        &url,
        "--resolve",
        &resolve,
        "--no-dns",
        "--rate",
        "0",
        "--timeout",
        "3",
        "--no-history",
        // the HTTP client against a hostile server: every request counted is the crawl's
        "--browser",
        "off",
        "--as-of",
        "2026-11-27",
        "--format",
        "json,md",
        "--out",
        &out.path().join("report").to_string_lossy(),
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    args.extend(extra.iter().map(|s| s.to_string()));
    let started = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_zwgk"))
        .args(&args)
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(&err_file).unwrap())
        .spawn()
        .unwrap();
    let pid = child.id();
    let mut peak_kb = 0;
    let status = loop {
        if let Some(kb) = vm_hwm_kb(pid) {
            peak_kb = peak_kb.max(kb);
        }
        if let Some(st) = child.try_wait().unwrap() {
            break st;
        }
        assert!(
            started.elapsed() < Duration::from_secs(600),
            "the run did not end within 10 minutes"
        );
        std::thread::sleep(Duration::from_millis(20));
    };
    let wall = started.elapsed();
    let dir = out.path().join("report");
    let report = read_json(&dir.join("report.json"));
    let graph = read_json(&dir.join("site-graph.json"));
    Run {
        code: status.code(),
        stderr: std::fs::read_to_string(&err_file).unwrap_or_default(),
        report,
        graph,
        markdown: std::fs::read_to_string(dir.join("report.md")).unwrap_or_default(),
        peak_kb,
        wall,
        seen: site.seen(),
    }
}

fn errors_by_path(r: &Value) -> Vec<(String, String, String)> {
    r["crawl"]["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                common::path_of(e["url"].as_str().unwrap()),
                e["class"].as_str().unwrap().to_string(),
                e["message"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn class_of(errors: &[(String, String, String)], path: &str) -> Vec<String> {
    errors
        .iter()
        .filter(|(p, _, _)| p == path)
        .map(|(_, c, _)| c.clone())
        .collect()
}

fn requests_under(seen: &[server::Seen], prefix: &str) -> usize {
    seen.iter().filter(|s| s.path.starts_with(prefix)).count()
}

#[test]
fn hostile_site_is_crawled_to_a_report_in_bounded_memory() {
    // the per-pattern cap (5) binds before the depth limit (10) does
    let r = run("/", &["--max-per-pattern", "5", "--max-duration", "300"]);
    eprintln!(
        "hostile site: peak RSS {} MB, wall {:.1} s, {} requests",
        r.peak_kb / 1024,
        r.wall.as_secs_f64(),
        r.seen.len()
    );
    assert!(
        matches!(r.code, Some(0) | Some(2)),
        "exit {:?}: {}",
        r.code,
        r.stderr
    );
    assert!(!r.stderr.contains("panicked"), "{}", r.stderr);
    assert!(r.peak_kb > 0, "peak RSS was read");
    assert!(
        r.peak_kb < 300 * 1024,
        "peak RSS {} MB is over 300 MB",
        r.peak_kb / 1024
    );

    let errors = errors_by_path(&r.report);
    // bombs and the huge page: cut at the cap on decoded bytes, recorded with the cap
    for p in ["/gzip-bomb.html", "/brotli-bomb.html", "/huge.html"] {
        let e = errors
            .iter()
            .find(|(q, c, _)| q == p && c == "too_large")
            .unwrap_or_else(|| panic!("{p} not too_large: {errors:?}"));
        assert!(e.2.contains("10485760"), "cap named: {}", e.2);
    }
    assert_eq!(class_of(&errors, "/trickle.html"), ["timeout"]);
    assert_eq!(class_of(&errors, "/hang.html"), ["timeout"]);
    assert_eq!(class_of(&errors, "/loop/a.html"), ["redirect_loop"]);
    assert_eq!(class_of(&errors, "/chain/1.html"), ["too_many_redirects"]);
    assert_eq!(class_of(&errors, "/waf412.html"), ["blocked"]);
    assert_eq!(class_of(&errors, "/waf521.html"), ["blocked"]);
    for p in ["/reset.html", "/short.html"] {
        let c = class_of(&errors, p);
        assert_eq!(c.len(), 1, "{p}: {errors:?}");
        assert!(
            ["other", "connect", "decode"].contains(&c[0].as_str()),
            "{p}: {c:?}"
        );
    }
    // pages that answer after a 429 and two 503s, binary and malformed HTML: no error
    let pages = common::page_paths(&r.report);
    for p in ["/busy.html", "/flaky.html", "/malformed.html", "/cred.html"] {
        assert!(pages.contains(&p.to_string()), "{p} missing from {pages:?}");
    }
    assert!(
        !errors
            .iter()
            .any(|(p, _, _)| p == "/binary.html" || p == "/malformed.html"),
        "{errors:?}"
    );

    // Retry-After honoured: the second request to /busy.html came a second later
    let busy: Vec<Duration> = r
        .seen
        .iter()
        .filter(|s| s.path == "/busy.html")
        .map(|s| s.at)
        .collect();
    assert_eq!(busy.len(), 2, "{busy:?}");
    assert!(busy[1] - busy[0] >= Duration::from_millis(950), "{busy:?}");
    assert_eq!(requests_under(&r.seen, "/flaky.html"), 3);

    // robots.txt honoured, its NaN Crawl-delay noted instead of crashing
    assert_eq!(requests_under(&r.seen, "/private/"), 0);
    let notes = r.report["crawl"]["notes"].as_array().unwrap();
    assert!(
        notes
            .iter()
            .any(|n| n.as_str().unwrap().contains("Crawl-delay")),
        "{notes:?}"
    );

    // no request to any other host, no credentials sent
    let hosts: BTreeSet<&str> = r.seen.iter().map(|s| s.host.as_str()).collect();
    assert_eq!(hosts, BTreeSet::from([server::HOST]));
    assert!(r.seen.iter().all(|s| !s.authorization));

    // every trap bounded, in the crawl and in verification
    assert_eq!(
        requests_under(&r.seen, "/session/"),
        1,
        "session ids are stripped: one URL"
    );
    assert!(r.seen.iter().all(|s| !s.path.contains("sid=")
        && !s.path.contains("jsessionid")
        && !s.path.contains("PHPSESSID")));
    assert!(requests_under(&r.seen, "/s/") <= 6, "path sessions");
    assert!(requests_under(&r.seen, "/cal/") <= 9, "query calendar");
    assert!(requests_under(&r.seen, "/rl/") <= 6, "path calendar");
    assert!(
        requests_under(&r.seen, "/list/index_") <= 7,
        "endless pagination"
    );
    assert!(requests_under(&r.seen, "/chain/") <= 11, "60-hop chain");
    assert!(requests_under(&r.seen, "/loop/") <= 4, "redirect loop");
    assert_eq!(requests_under(&r.seen, "/long"), 0, "10,000-character URL");
    assert_eq!(
        requests_under(&r.seen, "/huge.html"),
        1,
        "no retry of a cut body"
    );
    let traps = r.report["crawl"]["traps"].as_array().unwrap();
    let reasons: BTreeSet<&str> = traps
        .iter()
        .map(|t| t["reason"].as_str().unwrap())
        .collect();
    for reason in ["too_long", "pattern", "calendar", "pagination"] {
        assert!(reasons.contains(reason), "{reason} not in {traps:?}");
    }
    let s_trap = traps
        .iter()
        .find(|t| t["reason"] == "pattern" && t["pattern"].as_str().unwrap().contains("/s/*/"))
        .unwrap_or_else(|| panic!("path-session pattern missing: {traps:?}"));
    assert!(s_trap["count"].as_u64().unwrap() >= 1);
    assert!(!s_trap["examples"].as_array().unwrap().is_empty());
    // and a person reading report.md sees them too
    assert!(r.markdown.contains("### 疑似爬虫陷阱"), "{}", r.markdown);
    assert!(r.markdown.contains("无尽翻页") && r.markdown.contains("日历页面"));
    let pattern = s_trap["pattern"].as_str().unwrap();
    assert!(
        r.markdown.replace('\\', "").contains(pattern),
        "trap pattern {pattern} not in report.md"
    );

    // verification: probes capped too (bomb image, 300 MB attachment), trap links skipped
    let verified = r.graph["verified"].as_array().unwrap();
    let urls = r.graph["urls"].as_array().unwrap();
    let url_of = |v: &Value| urls[v["url"].as_u64().unwrap() as usize].as_str().unwrap();
    for p in ["/img/bomb.jpg", "/files/huge.pdf"] {
        let v = verified
            .iter()
            .find(|v| url_of(v).ends_with(p))
            .unwrap_or_else(|| panic!("{p} not verified"));
        assert!(v["bytes_read"].as_u64().unwrap() <= 64 * 1024, "{p}: {v}");
    }
    assert!(
        verified
            .iter()
            .any(|v| v["outcome"] == "skipped" && v["detail"].as_str().unwrap().contains("陷阱")),
        "trap links are listed, not requested"
    );
    assert!(Path::new(env!("CARGO_BIN_EXE_zwgk")).exists());
}

#[test]
fn time_budget_ends_the_run_with_a_report_listing_what_was_not_checked() {
    // the hang and the trickle alone outlast a 2-second budget
    let r = run("/", &["--max-duration", "2"]);
    assert!(matches!(r.code, Some(0) | Some(2)), "{}", r.stderr);
    assert_eq!(r.report["crawl"]["stop_reason"], "time_budget");
    let not_checked = r.report["crawl"]["not_checked"].as_array().unwrap();
    assert!(!not_checked.is_empty(), "what was not done is listed");
    assert!(not_checked.iter().all(|n| n["reason"] == "time_budget"));
    assert!(
        r.markdown.contains("### 因预算用尽未检查"),
        "{}",
        r.markdown
    );
    let first = not_checked[0]["url"].as_str().unwrap();
    assert!(r.markdown.contains(first), "{first} not in report.md");
    assert!(r.wall < Duration::from_secs(60), "ended near the budget");
}

/// `bench/hostile.sh`: peak RSS and wall time for the bombs, the 300 MB page and the whole
/// hostile site (release build; measured, never asserted beyond the test above).
#[test]
#[ignore = "benchmark, run by bench/hostile.sh"]
fn bench_hostile() {
    let cases: [(&str, &str, &[&str]); 4] = [
        (
            "gzip bomb (5 GB inflated)",
            "/gzip-bomb.html",
            &["--max-depth", "0"],
        ),
        (
            "brotli bomb (5 GB inflated)",
            "/brotli-bomb.html",
            &["--max-depth", "0"],
        ),
        ("300 MB page", "/huge.html", &["--max-depth", "0"]),
        ("hostile site, whole run", "/", &["--max-per-pattern", "10"]),
    ];
    println!(
        "{:<30} {:>14} {:>10} {:>9}",
        "case", "peak RSS (MB)", "wall (s)", "requests"
    );
    for (label, path, extra) in cases {
        let r = run(path, extra);
        assert!(matches!(r.code, Some(0) | Some(2)), "{label}: {}", r.stderr);
        println!(
            "{label:<30} {:>14.1} {:>10.1} {:>9}",
            r.peak_kb as f64 / 1024.0,
            r.wall.as_secs_f64(),
            r.seen.len()
        );
    }
}
