//! The history database through the binary: a 304 re-crawl rebuilds every page's facts
//! exactly from the compressed store, `zwgk history --prune KEEP` drops old runs but keeps
//! the page cache, and bad arguments are clear errors.

mod common;
use common::*;
use serde_json::Value;

fn check(fx: &Fixture, host: &str, db: &std::path::Path, out: &std::path::Path) -> Value {
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
        "--as-of",
        "2026-11-27",
        "--format",
        "json",
        // the store, not the browser: a rendered page after a 304 is tests/browser.rs's
        "--browser",
        "off",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    read_json(&out.join("report.json"))
}

/// What extraction found on each page, by URL (the parts a 304 page takes from the store;
/// fields holding URL ids are compared by count, since ids follow the order of discovery).
fn facts_by_url(graph: &Value) -> Vec<(String, Value)> {
    let urls = graph["urls"].as_array().unwrap();
    let mut v: Vec<(String, Value)> = graph["pages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let url = urls[p["url"].as_u64().unwrap() as usize].to_string();
            let mut kept = serde_json::Map::new();
            for k in [
                "title",
                "items",
                "phones",
                "labels",
                "pairs",
                "markers",
                "meta",
                "headings",
                "records",
                "charset",
                "text_hash",
                "text_chars",
                "empty_note",
                "needs_js",
                "status",
                "published",
            ] {
                kept.insert(k.into(), p[k].clone());
            }
            for k in ["links", "media", "frames", "breadcrumb"] {
                kept.insert(k.into(), p[k].as_array().map_or(0, |a| a.len()).into());
            }
            (url, Value::Object(kept))
        })
        .collect();
    v.sort_by(|a, b| a.0.cmp(&b.0));
    v
}

#[test]
fn a_304_recrawl_rebuilds_the_same_graph_and_prune_keeps_the_cache() {
    let fx = Fixture::serve("demo");
    let host = "www.xsq.cq.gov.cn";
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("zwgk.db");
    let first = check(&fx, host, &db, &dir.path().join("r1"));
    let second = check(&fx, host, &db, &dir.path().join("r2"));
    assert!(first["stats"]["pages"].as_u64().unwrap() > 10);
    // the demo's static pages carry validators (a few dynamic ones do not)
    let unchanged = second["stats"]["unchanged"].as_u64().unwrap();
    assert!(unchanged >= 100, "{unchanged} pages answered 304");
    let g1 = read_json(&dir.path().join("r1/site-graph.json"));
    let g2 = read_json(&dir.path().join("r2/site-graph.json"));
    let (f1, f2) = (facts_by_url(&g1), facts_by_url(&g2));
    // trap guards admit a bounded sample of calendar pages, which may differ between runs:
    // compare every page both runs fetched
    let second_by_url: std::collections::HashMap<&String, &Value> =
        f2.iter().map(|(u, f)| (u, f)).collect();
    let mut common = 0;
    for (url, a) in &f1 {
        if let Some(b) = second_by_url.get(url) {
            assert_eq!(
                a, *b,
                "page facts of {url} after a 304 equal the freshly parsed ones"
            );
            common += 1;
        }
    }
    assert!(common as u64 >= unchanged, "{common} pages in both runs");
    // the same decisions from stored facts
    let statuses = |r: &Value| -> Vec<(String, String)> {
        r["checks"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| (c["id"].to_string(), c["status"].to_string()))
            .collect()
    };
    assert_eq!(statuses(&first), statuses(&second));

    let third = check(&fx, host, &db, &dir.path().join("r3"));
    assert_eq!(third["stats"]["unchanged"].as_u64(), Some(unchanged));
    let site = format!("{host}:{}", fx.port());
    let o = zwgk(&[
        "history",
        "--db",
        db.to_str().unwrap(),
        "--prune",
        "1",
        &site,
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("已删除 2 次运行，保留 1 次"),
        "{}",
        stdout(&o)
    );
    let o = zwgk(&["history", &site, "--db", db.to_str().unwrap()]);
    let text = stdout(&o);
    assert!(text.contains("#1") && !text.contains("#2"), "{text}");
    // the page cache survives a prune: the next run is still conditional
    let fourth = check(&fx, host, &db, &dir.path().join("r4"));
    assert_eq!(fourth["stats"]["unchanged"].as_u64(), Some(unchanged));
    assert!(
        fourth["comparison"].is_object(),
        "compared with the run that was kept"
    );
}

#[test]
fn prune_needs_a_positive_count() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("zwgk.db");
    std::fs::write(&db, b"").unwrap();
    let o = zwgk(&["history", "--db", db.to_str().unwrap(), "--prune", "0"]);
    assert_eq!(o.status.code(), Some(2), "clap usage error");
    assert!(stderr(&o).contains("--prune"), "{}", stderr(&o));
}
