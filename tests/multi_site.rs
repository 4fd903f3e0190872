//! Many sites and monthly runs: a batch of 10 fixture sites checked concurrently (two slow,
//! one dead) with per-host politeness, the index, sharding + merge, and the history store
//! (conditional re-crawl with 304s, `zwgk history`, automatic comparison with the last run).

mod common;
use common::*;
use std::collections::HashMap;

fn write_sites(fx: &Fixture, dir: &std::path::Path, dead_port: u16) -> std::path::PathBuf {
    let mut toml = String::new();
    for i in 1..=9 {
        let host = format!("www.q{i:02}.test");
        toml.push_str(&format!(
            "[[site]]\nname = \"第{i:02}区\"\nurl = \"{}\"\nkind = \"区县\"\nresolve = [\"{}\"]\n\n",
            fx.url(&host),
            fx.resolve(&host)
        ));
    }
    toml.push_str(&format!(
        "[[site]]\nname = \"停机区\"\nurl = \"http://www.dead.test:{dead_port}/\"\nresolve = [\"www.dead.test:{dead_port}:127.0.0.1\"]\n"
    ));
    let path = dir.join("sites.toml");
    std::fs::write(&path, toml).unwrap();
    path
}

fn closed_port() -> u16 {
    let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let p = l.local_addr().unwrap().port();
    drop(l);
    p
}

#[test]
fn ten_sites_concurrently_with_an_index_and_per_host_politeness() {
    let fx = Fixture::serve("multi");
    let dir = tempfile::tempdir().unwrap();
    let sites = write_sites(&fx, dir.path(), closed_port());
    let out = dir.path().join("out");
    let o = zwgk(&[
        "check",
        "--sites",
        sites.to_str().unwrap(),
        "--parallel-sites",
        "10",
        "--rate",
        "5",
        // ten Chromiums taking screenshots side by side load this 2-core test machine so
        // much that arrival times at the fixture server jitter; this test is the crawl's
        "--browser",
        "off",
        "--no-dns",
        "--retries",
        "0",
        "--out",
        out.to_str().unwrap(),
        "--no-history",
        "--as-of",
        "2026-11-27",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let index = read_json(&out.join("index.json"));
    let rows = index["sites"].as_array().unwrap();
    assert_eq!(rows.len(), 10);
    // every live site has its report; the dead one is ranked last and marked unreachable
    for i in 1..=9 {
        let host = format!("www.q{i:02}.test_{}", fx.port());
        let r = read_json(&out.join(&host).join("report.json"));
        assert_eq!(r["stats"]["pages"], 6, "{host}");
    }
    let last = rows.last().unwrap();
    assert_eq!(last["name"], "停机区");
    assert_eq!(last["stop_reason"], "start_failed");
    assert!(rows.iter().all(|r| r["rank"].as_u64().is_some()));
    assert!(
        !index["check_ids"].as_array().unwrap().is_empty(),
        "matrix columns"
    );
    let md = std::fs::read_to_string(out.join("index.md")).unwrap();
    assert!(md.contains("检查矩阵") && md.contains("第01区"), "{md}");
    let html = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(html.contains("id=\"ranking\"") && html.contains("id=\"matrix\""));

    // politeness held per host while the sites ran side by side
    let mut by_host: HashMap<String, Vec<u64>> = HashMap::new();
    for r in fx.server.requests() {
        by_host.entry(r.host.clone()).or_default().push(r.at_ms);
    }
    assert_eq!(by_host.len(), 9, "all live hosts were crawled");
    let mut overlapped = false;
    for (host, mut times) in by_host.clone() {
        times.sort();
        for w in times.windows(2) {
            assert!(
                w[1] - w[0] >= 150,
                "{host}: requests {}ms apart",
                w[1] - w[0]
            );
        }
        // sites really ran concurrently: some other host was served within this host's span
        let (lo, hi) = (times[0], *times.last().unwrap());
        overlapped |= by_host
            .iter()
            .any(|(h, t)| h != &host && t.iter().any(|x| *x > lo && *x < hi));
    }
    assert!(overlapped, "sites were crawled concurrently");
}

#[test]
fn shards_split_the_list_and_merge_recombines_it() {
    let fx = Fixture::serve("multi");
    let dir = tempfile::tempdir().unwrap();
    let sites = write_sites(&fx, dir.path(), closed_port());
    let mut outs = Vec::new();
    for i in 1..=3 {
        let out = dir.path().join(format!("shard{i}"));
        let o = zwgk(&[
            "check",
            "--sites",
            sites.to_str().unwrap(),
            "--shard",
            &format!("{i}/3"),
            "--rate",
            "0",
            "--no-dns",
            "--retries",
            "0",
            "--no-history",
            "--out",
            out.to_str().unwrap(),
        ]);
        assert!(o.status.success(), "{}", stderr(&o));
        let idx = read_json(&out.join("index.json"));
        assert_eq!(idx["shard"], format!("{i}/3"));
        assert!(!idx["sites"].as_array().unwrap().is_empty());
        outs.push(out);
    }
    let merged = dir.path().join("all");
    let mut args = vec!["merge"];
    let outs_s: Vec<String> = outs
        .iter()
        .map(|p| p.to_string_lossy().to_string())
        .collect();
    args.extend(outs_s.iter().map(String::as_str));
    args.extend(["--out", merged.to_str().unwrap()]);
    let o = zwgk(&args);
    assert!(o.status.success(), "{}", stderr(&o));
    let idx = read_json(&merged.join("index.json"));
    let rows = idx["sites"].as_array().unwrap();
    assert_eq!(rows.len(), 10, "every site exactly once");
    let first = rows.iter().find(|r| r["dir"].is_string()).unwrap();
    let dir_rel = first["dir"].as_str().unwrap();
    assert!(dir_rel.starts_with("../shard"), "{dir_rel}");
    assert!(merged.join(dir_rel).join("report.json").exists());
}

#[test]
fn second_run_is_conditional_and_compared_with_the_first() {
    let fx = Fixture::serve("multi");
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("zwgk.db");
    let run = |name: &str| {
        let out = dir.path().join(name);
        let o = zwgk(&[
            "check",
            &fx.url("www.q01.test"),
            "--resolve",
            &fx.resolve("www.q01.test"),
            "--no-dns",
            "--rate",
            "0",
            "--db",
            db.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
            "--as-of",
            "2026-11-27",
        ]);
        assert!(o.status.success(), "{}", stderr(&o));
        read_json(&out.join("report.json"))
    };
    let first = run("run1");
    assert_eq!(first["stats"]["unchanged"], 0);
    assert!(first.get("comparison").is_none() || first["comparison"].is_null());
    let second = run("run2");
    assert_eq!(second["stats"]["pages"], first["stats"]["pages"]);
    assert_eq!(
        second["stats"]["unchanged"], second["stats"]["pages"],
        "every page answered 304"
    );
    assert!(
        second["comparison"].is_object(),
        "compared with the last run automatically"
    );
    let n304 = fx
        .requests_for("www.q01.test")
        .iter()
        .filter(|r| r.status == 304)
        .count();
    assert_eq!(n304 as u64, second["stats"]["pages"].as_u64().unwrap());
    // the graph of a 304 page still carries its facts
    let graph = read_json(&dir.path().join("run2").join("site-graph.json"));
    assert!(
        graph["pages"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| !p["items"].as_array().unwrap().is_empty())
    );

    let site = format!("www.q01.test:{}", fx.port());
    let o = zwgk(&["history", &site, "--db", db.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(
        text.contains("#1") && text.contains("#2") && text.contains("未变化 6"),
        "{text}"
    );
    let o = zwgk(&["history", "--db", db.to_str().unwrap()]);
    assert!(stdout(&o).contains(&site));
}

#[test]
fn a_week_of_probes_decides_site_reachability() {
    let fx = Fixture::serve("multi");
    let dir = tempfile::tempdir().unwrap();
    let status_of = |host: &str, db: &std::path::Path| {
        let out = dir.path().join(host);
        let o = zwgk(&[
            "check",
            &fx.url(host),
            "--resolve",
            &fx.resolve(host),
            "--no-dns",
            "--rate",
            "0",
            "--db",
            db.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ]);
        assert!(o.status.success(), "{}", stderr(&o));
        let r = read_json(&out.join("report.json"));
        let c = r["checks"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == "GOV-V01")
            .unwrap()
            .clone();
        (
            c["status"].as_str().unwrap().to_string(),
            c["message"].as_str().unwrap().to_string(),
        )
    };
    // a site that answered every probe
    let db = dir.path().join("up.db");
    let o = zwgk(&[
        "probe",
        &fx.url("www.q02.test"),
        "--resolve",
        &fx.resolve("www.q02.test"),
        "--no-dns",
        "--count",
        "20",
        "--interval",
        "0",
        "--db",
        db.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("20 ok, 0 failed"), "{}", stdout(&o));
    let (status, message) = status_of("www.q02.test", &db);
    assert_eq!(status, "pass", "{message}");
    assert!(message.contains("21次"), "{message}");

    // the same host:port was down for 20 probes (mapped to an address nobody listens on)
    let db = dir.path().join("down.db");
    let down = format!("www.q03.test:{}:127.0.0.2", fx.port());
    let o = zwgk(&[
        "probe",
        &fx.url("www.q03.test"),
        "--resolve",
        &down,
        "--no-dns",
        "--count",
        "20",
        "--interval",
        "0",
        "--db",
        db.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("0 ok, 20 failed"), "{}", stdout(&o));
    let (status, message) = status_of("www.q03.test", &db);
    assert_eq!(
        status, "fail",
        "up today, but down for 20 of the 21 probes this week: {message}"
    );
}

#[test]
fn batch_fail_on_new_compares_each_site_with_its_last_run() {
    let fx = Fixture::serve("multi");
    let dir = tempfile::tempdir().unwrap();
    let mut toml = String::new();
    for i in [1, 2] {
        let host = format!("www.q{i:02}.test");
        toml.push_str(&format!(
            "[[site]]\nurl = \"{}\"\nresolve = [\"{}\"]\n\n",
            fx.url(&host),
            fx.resolve(&host)
        ));
    }
    let sites = dir.path().join("sites.toml");
    std::fs::write(&sites, toml).unwrap();
    let db = dir.path().join("zwgk.db");
    for run in 0..2 {
        let out = dir.path().join(format!("run{run}"));
        let o = zwgk(&[
            "check",
            "--sites",
            sites.to_str().unwrap(),
            "--rate",
            "0",
            "--no-dns",
            "--db",
            db.to_str().unwrap(),
            "--fail-on",
            "new",
            "--out",
            out.to_str().unwrap(),
        ]);
        // the sites fail many checks, but none is new: exit 0
        assert_eq!(o.status.code(), Some(0), "run {run}: {}", stderr(&o));
        let idx = read_json(&out.join("index.json"));
        for s in idx["sites"].as_array().unwrap() {
            assert!(s["fail_high"].as_u64().unwrap() + s["fail_medium"].as_u64().unwrap() > 0);
            if run == 1 {
                assert_eq!(s["new_failures"], 0, "{s}");
            } else {
                assert!(s["new_failures"].is_null(), "no previous run: {s}");
            }
        }
    }
    // with a threshold the same findings fail the batch
    let out = dir.path().join("run2");
    let o = zwgk(&[
        "check",
        "--sites",
        sites.to_str().unwrap(),
        "--rate",
        "0",
        "--no-dns",
        "--db",
        db.to_str().unwrap(),
        "--fail-on",
        "medium",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
}
