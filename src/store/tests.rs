//! Store tests: the lean layout round-trips page facts and reports, deduplicates facts,
//! prunes old runs, and converts a database written by an earlier zwgk.

use super::*;
use crate::crawl::PageCache;
use crate::extract::PageFacts;
use crate::model::Charset;

/// The layout of version 0 (zwgk before the lean store), exactly as it was created.
const V0_SCHEMA: &str = "
CREATE TABLE runs (id INTEGER PRIMARY KEY, site TEXT NOT NULL, url TEXT NOT NULL,
    started_at TEXT NOT NULL, finished_at TEXT NOT NULL, as_of TEXT NOT NULL,
    pages INTEGER NOT NULL, errors INTEGER NOT NULL, unchanged INTEGER NOT NULL,
    stop_reason TEXT NOT NULL, home_ok INTEGER NOT NULL, qualified INTEGER,
    deductions REAL, report_json TEXT NOT NULL);
CREATE INDEX runs_site ON runs(site, id);
CREATE TABLE results (run_id INTEGER NOT NULL REFERENCES runs(id), check_id TEXT NOT NULL,
    status TEXT NOT NULL, severity TEXT NOT NULL, title TEXT NOT NULL, office TEXT NOT NULL,
    message TEXT NOT NULL, PRIMARY KEY (run_id, check_id));
CREATE TABLE pages (run_id INTEGER NOT NULL REFERENCES runs(id), url TEXT NOT NULL,
    status INTEGER NOT NULL, etag TEXT, last_modified TEXT, content_hash TEXT NOT NULL,
    unchanged INTEGER NOT NULL, PRIMARY KEY (run_id, url));
CREATE TABLE probes (site TEXT NOT NULL, at TEXT NOT NULL, ok INTEGER NOT NULL,
    ms INTEGER NOT NULL, detail TEXT NOT NULL);
CREATE TABLE page_cache (site TEXT NOT NULL, url TEXT NOT NULL, etag TEXT,
    last_modified TEXT, content_hash TEXT NOT NULL, charset TEXT NOT NULL, facts TEXT NOT NULL,
    PRIMARY KEY (site, url)) WITHOUT ROWID;
";

fn sample_report() -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/reports/minimal.json"),
    )
    .expect("fixture report")
}

fn facts(title: &str) -> PageFacts {
    PageFacts {
        title: Some(title.into()),
        ..PageFacts::default()
    }
}

fn charset() -> Charset {
    serde_json::from_str(r#"{"encoding":"UTF-8","source":"header","had_errors":false}"#).unwrap()
}

fn count(store: &Store, sql: &str) -> i64 {
    store
        .conn
        .lock()
        .unwrap()
        .query_row(sql, [], |r| r.get(0))
        .unwrap()
}

#[test]
fn a_version_0_database_is_converted_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    let report = sample_report();
    let old_facts = serde_json::to_string(&facts("旧页面")).unwrap();
    let charset_json = serde_json::to_string(&charset()).unwrap();
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(V0_SCHEMA).unwrap();
        for (id, hash) in [(1, "00000000000000aa"), (2, "00000000000000bb")] {
            conn.execute(
                "INSERT INTO runs VALUES (?1, 'www.x.gov.cn', 'http://www.x.gov.cn/', ?2, ?2,
                 '2026-11-01', 1, 0, 0, 'Completed', 1, 1, 0.0, ?3)",
                params![id, format!("2026-11-0{id}T00:00:00Z"), report],
            )
            .unwrap();
            conn.execute(
                "INSERT INTO pages VALUES (?1, 'http://www.x.gov.cn/', 200, NULL, NULL, ?2, 0)",
                params![id, hash],
            )
            .unwrap();
        }
        conn.execute(
            "INSERT INTO results VALUES (2, 'ZW-P01', 'fail', 'high', 't', 'o', 'm')",
            [],
        )
        .unwrap();
        conn.execute(
            "INSERT INTO page_cache VALUES ('www.x.gov.cn', 'http://www.x.gov.cn/a.html', '\"e1\"',
             NULL, '00', ?1, ?2)",
            params![charset_json, old_facts],
        )
        .unwrap();
    }
    let store = Store::open(&path).unwrap();
    assert_eq!(count(&store, "PRAGMA user_version"), schema::VERSION);
    assert_eq!(
        count(
            &store,
            "SELECT count(*) FROM sqlite_master WHERE name IN ('pages', 'page_cache')"
        ),
        0,
        "old tables dropped"
    );
    // reports, history, the home page's content hashes and the page cache survive
    let last = store.last_report("www.x.gov.cn").unwrap().expect("report");
    let expected: Report = serde_json::from_str(&report).unwrap();
    assert_eq!(last.site.url, expected.site.url);
    let runs = store.history("www.x.gov.cn").unwrap();
    assert_eq!(runs.len(), 2);
    assert_eq!(runs[1].statuses.get("ZW-P01"), Some(&Status::Fail));
    let home: Vec<u64> = store
        .home_history("www.x.gov.cn")
        .unwrap()
        .into_iter()
        .map(|(_, h)| h)
        .collect();
    assert_eq!(home, vec![0xaa, 0xbb]);
    let cache = store.site_cache("www.x.gov.cn").unwrap();
    assert_eq!(
        cache.validators("http://www.x.gov.cn/a.html"),
        Some((Some("\"e1\"".into()), None))
    );
    let (f, _) = cache.load("http://www.x.gov.cn/a.html").expect("facts");
    assert_eq!(f.title.as_deref(), Some("旧页面"));
    // opening again is a no-op
    drop(cache);
    drop(store);
    let store = Store::open(&path).unwrap();
    assert_eq!(store.history("www.x.gov.cn").unwrap().len(), 2);
}

#[test]
fn equal_facts_are_stored_once_and_pages_round_trip_through_the_dictionary() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("z.db")).unwrap();
    let cache = store.site_cache("www.x.gov.cn").unwrap();
    // enough pages to train the site's dictionary, two of them identical
    for i in 0..100 {
        let title = if i < 2 {
            "同一页".to_string()
        } else {
            format!("第{i}页")
        };
        cache.save(
            &format!("http://www.x.gov.cn/p{i}.html"),
            Some("\"e\""),
            None,
            &facts(&title),
            &charset(),
        );
    }
    cache.finish();
    assert_eq!(count(&store, "SELECT count(*) FROM cache"), 100);
    assert_eq!(count(&store, "SELECT count(*) FROM facts"), 99);
    assert_eq!(count(&store, "SELECT count(*) FROM dicts"), 1);
    assert_eq!(
        count(&store, "SELECT count(*) FROM facts WHERE dict_id IS NULL"),
        0,
        "compressed with the site's dictionary"
    );
    let again = store.site_cache("www.x.gov.cn").unwrap();
    for i in [0, 1, 57] {
        let (f, c) = again
            .load(&format!("http://www.x.gov.cn/p{i}.html"))
            .unwrap();
        let want = if i < 2 {
            "同一页".to_string()
        } else {
            format!("第{i}页")
        };
        assert_eq!(f.title.as_deref(), Some(want.as_str()));
        assert_eq!(c, charset());
    }
    // a page whose content changed leaves no stale facts behind
    again.save(
        "http://www.x.gov.cn/p57.html",
        Some("\"f\""),
        None,
        &facts("新"),
        &charset(),
    );
    again.finish();
    assert_eq!(count(&store, "SELECT count(*) FROM facts"), 99);
    assert_eq!(
        again
            .load("http://www.x.gov.cn/p57.html")
            .unwrap()
            .0
            .title
            .as_deref(),
        Some("新")
    );
}

#[test]
fn prune_keeps_the_newest_runs_of_each_site() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("z.db");
    let report: Report = serde_json::from_str(&sample_report()).unwrap();
    let store = Store::open(&path).unwrap();
    let graph = crate::crawl::SiteGraph::default();
    for site in ["a.gov.cn", "b.gov.cn"] {
        for _ in 0..3 {
            store.record_run(site, &report, &graph).unwrap();
        }
    }
    let st = store.prune(2, Some("a.gov.cn")).unwrap();
    assert_eq!((st.runs_removed, st.runs_kept), (1, 2));
    assert_eq!(store.history("a.gov.cn").unwrap().len(), 2);
    assert_eq!(store.history("b.gov.cn").unwrap().len(), 3);
    let ids: Vec<i64> = store
        .history("a.gov.cn")
        .unwrap()
        .iter()
        .map(|r| r.id)
        .collect();
    assert_eq!(ids, vec![2, 3], "the newest runs are kept");
    let st = store.prune(1, None).unwrap();
    assert_eq!((st.runs_removed, st.runs_kept), (3, 2));
    assert!(store.last_report("b.gov.cn").unwrap().is_some());
}
