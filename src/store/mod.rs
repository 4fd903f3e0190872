//! History store: one SQLite file (default `reports/zwgk.db`, no server) recording every run
//! (site, time, verdict, check results, pages with HTTP validators and content hashes) and
//! the latest extracted facts of every page, so a monthly re-crawl can send conditional
//! requests and reuse the facts of pages answered `304 Not Modified`.

pub mod trend;

use crate::crawl::PageCache;
use crate::extract::PageFacts;
use crate::model::Charset;
use crate::report::Report;
use crate::rules::Status;
use rusqlite::{Connection, OptionalExtension, params};
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use thiserror::Error;

#[derive(Debug, Error)]
pub enum StoreError {
    #[error("history database {path}: {source}")]
    Sql {
        path: PathBuf,
        source: rusqlite::Error,
    },
    #[error("cannot create the folder of {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

const SCHEMA: &str = "
PRAGMA journal_mode = WAL;
PRAGMA synchronous = NORMAL;
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY,
    site TEXT NOT NULL,
    url TEXT NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT NOT NULL,
    as_of TEXT NOT NULL,
    pages INTEGER NOT NULL,
    errors INTEGER NOT NULL,
    unchanged INTEGER NOT NULL,
    stop_reason TEXT NOT NULL,
    home_ok INTEGER NOT NULL,
    qualified INTEGER,
    deductions REAL,
    report_json TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS runs_site ON runs(site, id);
CREATE TABLE IF NOT EXISTS results (
    run_id INTEGER NOT NULL REFERENCES runs(id),
    check_id TEXT NOT NULL,
    status TEXT NOT NULL,
    severity TEXT NOT NULL,
    title TEXT NOT NULL,
    office TEXT NOT NULL,
    message TEXT NOT NULL,
    PRIMARY KEY (run_id, check_id)
);
CREATE TABLE IF NOT EXISTS pages (
    run_id INTEGER NOT NULL REFERENCES runs(id),
    url TEXT NOT NULL,
    status INTEGER NOT NULL,
    etag TEXT,
    last_modified TEXT,
    content_hash TEXT NOT NULL,
    unchanged INTEGER NOT NULL,
    PRIMARY KEY (run_id, url)
);
CREATE TABLE IF NOT EXISTS probes (
    site TEXT NOT NULL,
    at TEXT NOT NULL,
    ok INTEGER NOT NULL,
    ms INTEGER NOT NULL,
    detail TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS probes_site ON probes(site, at);
CREATE TABLE IF NOT EXISTS page_cache (
    site TEXT NOT NULL,
    url TEXT NOT NULL,
    etag TEXT,
    last_modified TEXT,
    content_hash TEXT NOT NULL,
    charset TEXT NOT NULL,
    facts TEXT NOT NULL,
    PRIMARY KEY (site, url)
) WITHOUT ROWID;
";

/// The history database.
pub struct Store {
    path: PathBuf,
    conn: Mutex<Connection>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Store({})", self.path.display())
    }
}

/// One past run, for `zwgk history`.
#[derive(Debug, Clone, PartialEq)]
pub struct RunRow {
    pub id: i64,
    pub started_at: String,
    pub pages: i64,
    pub errors: i64,
    pub unchanged: i64,
    pub qualified: Option<bool>,
    pub deductions: Option<f64>,
    pub statuses: BTreeMap<String, Status>,
}

/// The key a site is filed under: host, plus the port when it is not the default.
pub fn site_key(url: &url::Url) -> String {
    match url.port() {
        Some(p) => format!("{}:{p}", url.host_str().unwrap_or("")),
        None => url.host_str().unwrap_or("").to_string(),
    }
}

fn status_str(s: Status) -> &'static str {
    match s {
        Status::Pass => "pass",
        Status::Fail => "fail",
        Status::Warn => "warn",
        Status::NotApplicable => "not_applicable",
    }
}

fn parse_status(s: &str) -> Option<Status> {
    Some(match s {
        "pass" => Status::Pass,
        "fail" => Status::Fail,
        "warn" => Status::Warn,
        "not_applicable" => Status::NotApplicable,
        _ => return None,
    })
}

impl Store {
    /// Open (or create) the database.
    pub fn open(path: &Path) -> Result<Arc<Store>, StoreError> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|source| StoreError::Io {
                path: path.to_path_buf(),
                source,
            })?;
        }
        let sql = |source| StoreError::Sql {
            path: path.to_path_buf(),
            source,
        };
        let conn = Connection::open(path).map_err(sql)?;
        conn.busy_timeout(std::time::Duration::from_secs(30))
            .map_err(sql)?;
        conn.execute_batch(SCHEMA).map_err(sql)?;
        Ok(Arc::new(Store {
            path: path.to_path_buf(),
            conn: Mutex::new(conn),
        }))
    }

    fn err(&self, source: rusqlite::Error) -> StoreError {
        StoreError::Sql {
            path: self.path.clone(),
            source,
        }
    }

    /// The most recent report of a site, if any.
    pub fn last_report(&self, site: &str) -> Result<Option<Report>, StoreError> {
        let conn = self.conn.lock().expect("store lock");
        let json: Option<String> = conn
            .query_row(
                "SELECT report_json FROM runs WHERE site = ?1 ORDER BY id DESC LIMIT 1",
                params![site],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| self.err(e))?;
        Ok(json.and_then(|j| serde_json::from_str(&j).ok()))
    }

    /// Record a finished run with its results and pages; returns the run id.
    pub fn record_run(
        &self,
        site: &str,
        report: &Report,
        graph: &crate::model::SiteGraph,
    ) -> Result<i64, StoreError> {
        let mut conn = self.conn.lock().expect("store lock");
        let tx = conn.transaction().map_err(|e| self.err(e))?;
        let report_json = serde_json::to_string(report).unwrap_or_default();
        let home_ok = graph.home().is_some();
        tx.execute(
            "INSERT INTO runs (site, url, started_at, finished_at, as_of, pages, errors, unchanged,
                               stop_reason, home_ok, qualified, deductions, report_json)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
            params![
                site,
                report.site.url,
                report.started_at,
                report.finished_at,
                report.as_of,
                report.stats.pages as i64,
                report.stats.errors as i64,
                graph.stats.unchanged as i64,
                format!("{:?}", report.crawl.stop_reason),
                home_ok,
                report.verdict.as_ref().map(|v| v.qualified),
                report.verdict.as_ref().map(|v| v.deductions),
                report_json,
            ],
        )
        .map_err(|e| self.err(e))?;
        let run_id = tx.last_insert_rowid();
        {
            let mut stmt = tx
                .prepare(
                    "INSERT OR REPLACE INTO results (run_id, check_id, status, severity, title, office, message)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                )
                .map_err(|e| self.err(e))?;
            for c in &report.checks {
                stmt.execute(params![
                    run_id,
                    c.id,
                    status_str(c.status),
                    format!("{:?}", c.severity).to_lowercase(),
                    c.title,
                    c.office,
                    c.message
                ])
                .map_err(|e| self.err(e))?;
            }
            let mut stmt = tx
                .prepare(
                    "INSERT OR REPLACE INTO pages (run_id, url, status, etag, last_modified, content_hash, unchanged)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                )
                .map_err(|e| self.err(e))?;
            for p in &graph.pages {
                stmt.execute(params![
                    run_id,
                    graph.url(p.url),
                    p.status as i64,
                    p.etag,
                    p.last_modified,
                    format!("{:016x}", p.text_hash),
                    p.unchanged
                ])
                .map_err(|e| self.err(e))?;
            }
        }
        tx.commit().map_err(|e| self.err(e))?;
        Ok(run_id)
    }

    /// Every run of a site, oldest first, with its check statuses.
    pub fn history(&self, site: &str) -> Result<Vec<RunRow>, StoreError> {
        let conn = self.conn.lock().expect("store lock");
        let mut stmt = conn
            .prepare(
                "SELECT id, started_at, pages, errors, unchanged, qualified, deductions
                 FROM runs WHERE site = ?1 ORDER BY id",
            )
            .map_err(|e| self.err(e))?;
        let mut runs: Vec<RunRow> = stmt
            .query_map(params![site], |r| {
                Ok(RunRow {
                    id: r.get(0)?,
                    started_at: r.get(1)?,
                    pages: r.get(2)?,
                    errors: r.get(3)?,
                    unchanged: r.get(4)?,
                    qualified: r.get(5)?,
                    deductions: r.get(6)?,
                    statuses: BTreeMap::new(),
                })
            })
            .map_err(|e| self.err(e))?
            .collect::<Result<_, _>>()
            .map_err(|e| self.err(e))?;
        let mut stmt = conn
            .prepare("SELECT check_id, status FROM results WHERE run_id = ?1")
            .map_err(|e| self.err(e))?;
        for run in &mut runs {
            let rows = stmt
                .query_map(params![run.id], |r| {
                    Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
                })
                .map_err(|e| self.err(e))?;
            for row in rows {
                let (id, st) = row.map_err(|e| self.err(e))?;
                if let Some(s) = parse_status(&st) {
                    run.statuses.insert(id, s);
                }
            }
        }
        Ok(runs)
    }

    /// Record one home-page probe (`at` as RFC 3339 UTC).
    pub fn record_probe(
        &self,
        site: &str,
        at: jiff::Timestamp,
        ok: bool,
        ms: u64,
        detail: &str,
    ) -> Result<(), StoreError> {
        let conn = self.conn.lock().expect("store lock");
        conn.execute(
            "INSERT INTO probes (site, at, ok, ms, detail) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![site, at.to_string(), ok, ms as i64, detail],
        )
        .map_err(|e| self.err(e))?;
        Ok(())
    }

    /// Probes of a site since a time, oldest first: (time, answered in time).
    pub fn probes_since(
        &self,
        site: &str,
        since: jiff::Timestamp,
    ) -> Result<Vec<(jiff::Timestamp, bool)>, StoreError> {
        let conn = self.conn.lock().expect("store lock");
        let mut stmt = conn
            .prepare("SELECT at, ok FROM probes WHERE site = ?1 AND at >= ?2 ORDER BY at")
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map(params![site, since.to_string()], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, bool>(1)?))
            })
            .map_err(|e| self.err(e))?;
        let mut out = Vec::new();
        for row in rows {
            let (at, ok) = row.map_err(|e| self.err(e))?;
            if let Ok(t) = at.parse::<jiff::Timestamp>() {
                out.push((t, ok));
            }
        }
        Ok(out)
    }

    /// The home page's text hash in each earlier run of a site, oldest first.
    pub fn home_history(&self, site: &str) -> Result<Vec<(jiff::Timestamp, u64)>, StoreError> {
        let conn = self.conn.lock().expect("store lock");
        let mut stmt = conn
            .prepare(
                "SELECT r.started_at, p.content_hash FROM runs r
                 JOIN pages p ON p.run_id = r.id AND p.url = r.url
                 WHERE r.site = ?1 ORDER BY r.id",
            )
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map(params![site], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
            })
            .map_err(|e| self.err(e))?;
        let mut out = Vec::new();
        for row in rows {
            let (at, hash) = row.map_err(|e| self.err(e))?;
            if let (Ok(t), Ok(h)) = (
                at.parse::<jiff::Timestamp>(),
                u64::from_str_radix(&hash, 16),
            ) {
                out.push((t, h));
            }
        }
        Ok(out)
    }

    /// Sites with at least one run.
    pub fn sites(&self) -> Result<Vec<String>, StoreError> {
        let conn = self.conn.lock().expect("store lock");
        let mut stmt = conn
            .prepare("SELECT DISTINCT site FROM runs ORDER BY site")
            .map_err(|e| self.err(e))?;
        let v = stmt
            .query_map([], |r| r.get(0))
            .map_err(|e| self.err(e))?
            .collect::<Result<Vec<String>, _>>()
            .map_err(|e| self.err(e))?;
        Ok(v)
    }

    /// The page cache of one site, for a crawl.
    pub fn site_cache(self: &Arc<Self>, site: &str) -> Result<Arc<SiteCache>, StoreError> {
        let conn = self.conn.lock().expect("store lock");
        let mut stmt = conn
            .prepare("SELECT url, etag, last_modified FROM page_cache WHERE site = ?1")
            .map_err(|e| self.err(e))?;
        let validators = stmt
            .query_map(params![site], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    (
                        r.get::<_, Option<String>>(1)?,
                        r.get::<_, Option<String>>(2)?,
                    ),
                ))
            })
            .map_err(|e| self.err(e))?
            .collect::<Result<HashMap<_, _>, _>>()
            .map_err(|e| self.err(e))?;
        Ok(Arc::new(SiteCache {
            store: self.clone(),
            site: site.to_string(),
            validators,
            pending: Mutex::new(Vec::new()),
        }))
    }
}

struct Pending {
    url: String,
    etag: Option<String>,
    last_modified: Option<String>,
    hash: String,
    charset: String,
    facts: String,
}

/// One site's page cache: validators in memory, facts loaded on demand, writes batched.
pub struct SiteCache {
    store: Arc<Store>,
    site: String,
    validators: HashMap<String, (Option<String>, Option<String>)>,
    pending: Mutex<Vec<Pending>>,
}

const FLUSH_EVERY: usize = 256;

impl SiteCache {
    /// Write buffered entries.
    pub fn flush(&self) {
        let batch: Vec<Pending> = std::mem::take(&mut *self.pending.lock().expect("cache lock"));
        if batch.is_empty() {
            return;
        }
        let mut conn = self.store.conn.lock().expect("store lock");
        let result = (|| -> rusqlite::Result<()> {
            let tx = conn.transaction()?;
            {
                let mut stmt = tx.prepare(
                    "INSERT OR REPLACE INTO page_cache (site, url, etag, last_modified, content_hash, charset, facts)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                )?;
                for p in &batch {
                    stmt.execute(params![
                        self.site,
                        p.url,
                        p.etag,
                        p.last_modified,
                        p.hash,
                        p.charset,
                        p.facts
                    ])?;
                }
            }
            tx.commit()
        })();
        if let Err(e) = result {
            tracing::warn!("history database: cannot save page cache: {e}");
        }
    }
}

impl PageCache for SiteCache {
    fn validators(&self, url: &str) -> Option<(Option<String>, Option<String>)> {
        self.validators.get(url).cloned()
    }

    fn load(&self, url: &str) -> Option<(PageFacts, Charset)> {
        let conn = self.store.conn.lock().expect("store lock");
        let row: Option<(String, String)> = conn
            .query_row(
                "SELECT facts, charset FROM page_cache WHERE site = ?1 AND url = ?2",
                params![self.site, url],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .ok()
            .flatten();
        let (facts, charset) = row?;
        Some((
            serde_json::from_str(&facts).ok()?,
            serde_json::from_str(&charset).ok()?,
        ))
    }

    fn save(
        &self,
        url: &str,
        etag: Option<&str>,
        last_modified: Option<&str>,
        facts: &PageFacts,
        charset: &Charset,
    ) {
        if etag.is_none() && last_modified.is_none() {
            return; // nothing to revalidate with next time
        }
        let entry = Pending {
            url: url.to_string(),
            etag: etag.map(str::to_string),
            last_modified: last_modified.map(str::to_string),
            hash: format!("{:016x}", facts.text_hash),
            charset: serde_json::to_string(charset).unwrap_or_default(),
            facts: serde_json::to_string(facts).unwrap_or_default(),
        };
        let full = {
            let mut p = self.pending.lock().expect("cache lock");
            p.push(entry);
            p.len() >= FLUSH_EVERY
        };
        if full {
            self.flush();
        }
    }

    fn finish(&self) {
        self.flush();
    }
}
