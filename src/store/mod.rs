//! History store: one SQLite file (default `reports/zwgk.db`, no server) recording every run
//! (site, time, verdict, check results, pages with HTTP validators and content hashes) and
//! the latest extracted facts of every page, so a monthly re-crawl can send conditional
//! requests and reuse the facts of pages answered `304 Not Modified`.
//!
//! Lean by design: page URLs are stored once per site (`urls`), facts once per distinct
//! content (`facts`, keyed by a content hash, zstd-compressed with a dictionary trained on
//! the site's own pages), reports compressed; `prune` drops old runs.

mod blob;
mod cache;
mod prune;
mod schema;
pub mod trend;

pub use cache::SiteCache;
pub use prune::PruneStats;

use crate::report::Report;
use crate::rules::Status;
use rusqlite::{Connection, OptionalExtension, params};
use std::collections::BTreeMap;
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
        let mut conn = Connection::open(path).map_err(sql)?;
        conn.busy_timeout(std::time::Duration::from_secs(30))
            .map_err(sql)?;
        conn.execute_batch(schema::PRAGMAS).map_err(sql)?;
        schema::upgrade(&mut conn).map_err(sql)?;
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
        let packed: Option<Vec<u8>> = conn
            .query_row(
                "SELECT report FROM runs WHERE site = ?1 ORDER BY id DESC LIMIT 1",
                params![site],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| self.err(e))?;
        Ok(packed
            .and_then(|b| blob::unpack(&b, None).ok())
            .and_then(|j| serde_json::from_slice(&j).ok()))
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
        let report_blob = serde_json::to_vec(report)
            .ok()
            .and_then(|j| blob::pack(&j, None).ok())
            .unwrap_or_default();
        let home_ok = graph.home().is_some();
        tx.execute(
            "INSERT INTO runs (site, url, started_at, finished_at, as_of, pages, errors, unchanged,
                               stop_reason, home_ok, qualified, deductions, report)
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
                report_blob,
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
                    c.status.name(),
                    format!("{:?}", c.severity).to_lowercase(),
                    c.title,
                    c.office,
                    c.message
                ])
                .map_err(|e| self.err(e))?;
            }
            let mut stmt = tx
                .prepare(
                    "INSERT OR REPLACE INTO run_pages (run_id, url_id, status, content_hash, unchanged)
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                )
                .map_err(|e| self.err(e))?;
            for p in &graph.pages {
                let url_id = url_id(&tx, site, graph.url(p.url)).map_err(|e| self.err(e))?;
                stmt.execute(params![
                    run_id,
                    url_id,
                    p.status as i64,
                    p.text_hash as i64,
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
                if let Some(s) = Status::from_name(&st) {
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
                 JOIN urls u ON u.site = r.site AND u.url = r.url
                 JOIN run_pages p ON p.run_id = r.id AND p.url_id = u.id
                 WHERE r.site = ?1 ORDER BY r.id",
            )
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map(params![site], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?))
            })
            .map_err(|e| self.err(e))?;
        let mut out = Vec::new();
        for row in rows {
            let (at, hash) = row.map_err(|e| self.err(e))?;
            if let Ok(t) = at.parse::<jiff::Timestamp>() {
                out.push((t, hash as u64));
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
        SiteCache::open(self.clone(), site)
    }

    /// Size of the database file (with its write-ahead log), in bytes.
    pub fn file_bytes(&self) -> u64 {
        let wal = PathBuf::from(format!("{}-wal", self.path.display()));
        [self.path.as_path(), wal.as_path()]
            .iter()
            .filter_map(|p| std::fs::metadata(p).ok())
            .map(|m| m.len())
            .sum()
    }
}

/// The id of a site's URL in `urls`, added when new.
fn url_id(conn: &Connection, site: &str, url: &str) -> rusqlite::Result<i64> {
    conn.execute(
        "INSERT OR IGNORE INTO urls (site, url) VALUES (?1, ?2)",
        params![site, url],
    )?;
    conn.query_row(
        "SELECT id FROM urls WHERE site = ?1 AND url = ?2",
        params![site, url],
        |r| r.get(0),
    )
}

#[cfg(test)]
mod tests;
