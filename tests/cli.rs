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
        "--no-history",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("HOST:PORT:ADDR"), "{}", stderr(&o));
    assert!(!stderr(&o).contains("panicked"));

    let o = zwgk(&["check", "ftp://www.x.gov.cn/", "--no-dns", "--no-history"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("http"), "{}", stderr(&o));

    let o = zwgk(&[
        "check",
        "http://www.x.gov.cn/",
        "--as-of",
        "2026-13-45",
        "--no-dns",
        "--no-history",
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
        "--no-history",
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
        "--no-history",
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

#[test]
fn saved_graph_is_rechecked_offline() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("demo");
    let o = zwgk(&["demo", "--out", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let original = read_json(&out.join("report.json"));
    let statuses = |r: &serde_json::Value| -> Vec<(String, String)> {
        r["checks"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| {
                (
                    c["id"].as_str().unwrap().into(),
                    c["status"].as_str().unwrap().into(),
                )
            })
            .collect()
    };
    let graph = out.join("site-graph.json");
    // same date: the same decisions, without any server running
    let same = dir.path().join("same");
    let as_of = original["as_of"].as_str().unwrap().to_string();
    let o = zwgk(&[
        "recheck",
        graph.to_str().unwrap(),
        "--out",
        same.to_str().unwrap(),
        "--as-of",
        &as_of,
        "--kind",
        "区县",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        statuses(&read_json(&same.join("report.json"))),
        statuses(&original)
    );
    // half a year later the home page is stale: the rules really ran again
    let later = dir.path().join("later");
    let o = zwgk(&[
        "recheck",
        graph.to_str().unwrap(),
        "--out",
        later.to_str().unwrap(),
        "--as-of",
        "2027-06-30",
        "--kind",
        "区县",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let r = read_json(&later.join("report.json"));
    let v02 = r["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "GOV-V02")
        .unwrap();
    assert_eq!(v02["status"], "fail", "{}", v02["message"]);
    // a missing graph is a clear error
    let o = zwgk(&["recheck", dir.path().join("nope.json").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("nope.json"), "{}", stderr(&o));
}
