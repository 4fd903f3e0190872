//! Command-line behaviour: clear errors for bad input (never a panic), `demo` end to end,
//! and the config file.

mod common;
use common::*;

#[test]
fn bad_arguments_give_clear_errors_not_panics() {
    let o = zwgk(&[
        "check",
        "http://www.x.gov.cn/",
        "--resolve",
        "www.x.gov.cn:80",
        "--no-dns",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("HOST:PORT:ADDR"), "{}", stderr(&o));
    assert!(!stderr(&o).contains("panicked"));

    let o = zwgk(&["check", "ftp://www.x.gov.cn/", "--no-dns"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("http"), "{}", stderr(&o));

    let o = zwgk(&[
        "check",
        "http://www.x.gov.cn/",
        "--as-of",
        "2026-13-45",
        "--no-dns",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("--as-of"));

    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("zwgk.toml");
    std::fs::write(&cfg, "[crawl]\nrate = 2\nsped = 1\n").unwrap();
    let o = zwgk(&[
        "check",
        "http://www.x.gov.cn/",
        "--config",
        cfg.to_str().unwrap(),
        "--no-dns",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let e = stderr(&o);
    assert!(e.contains("zwgk.toml") && e.contains("line 3"), "{e}");
}

#[test]
fn config_file_settings_are_used() {
    let fx = Fixture::serve("fetch");
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("zwgk.toml");
    std::fs::write(
        &cfg,
        format!(
            "[crawl]\nrate = 0\nmax_pages = 3\nuser_agent = \"zwgk-test/1.0 (config)\"\nresolve = [\"{}\"]\n",
            fx.resolve("www.polite.test")
        ),
    )
    .unwrap();
    let out = dir.path().join("out");
    let o = zwgk(&[
        "check",
        &fx.url("www.polite.test"),
        "--config",
        cfg.to_str().unwrap(),
        "--no-dns",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let r = read_json(&out.join("report.json"));
    assert_eq!(r["stats"]["pages"], 3);
    assert_eq!(r["crawl"]["stop_reason"], "page_budget");
    assert_eq!(r["crawl"]["complete"], false);
    assert!(
        fx.requests_for("www.polite.test")
            .iter()
            .all(|q| q.user_agent.as_deref() == Some("zwgk-test/1.0 (config)"))
    );
}

#[test]
fn demo_command_runs_offline_and_writes_reports() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("demo");
    let o = zwgk(&["demo", "--out", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(text.contains("秀水区人民政府"), "{text}");
    assert!(text.contains("抓取："), "{text}");
    let r = read_json(&out.join("report.json"));
    assert_eq!(r["tool"]["name"], "zwgk");
    assert!(r["stats"]["pages"].as_u64().unwrap() >= 100);
    assert!(out.join("site-graph.json").exists());
    // English on request
    let out_en = dir.path().join("demo-en");
    let o = zwgk(&["demo", "--out", out_en.to_str().unwrap(), "--lang", "en"]);
    assert!(o.status.success());
    assert!(stdout(&o).contains("crawl:"), "{}", stdout(&o));
}
