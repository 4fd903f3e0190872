//! The history database's tables, and the one-off migration of a database written by an
//! earlier zwgk (version 0: every page's facts as JSON text, the whole report.json as text,
//! page URLs repeated in every run) into the lean layout (version 2).

use super::blob;
use rusqlite::{Connection, params};

/// `PRAGMA user_version` of the current layout.
pub const VERSION: i64 = 2;

/// Connection settings, set on every open (outside any transaction).
pub const PRAGMAS: &str = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;";

/// The tables of the current layout.
pub const TABLES: &str = "
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
    report BLOB NOT NULL
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
CREATE TABLE IF NOT EXISTS urls (
    id INTEGER PRIMARY KEY,
    site TEXT NOT NULL,
    url TEXT NOT NULL,
    UNIQUE (site, url)
);
CREATE TABLE IF NOT EXISTS run_pages (
    run_id INTEGER NOT NULL,
    url_id INTEGER NOT NULL,
    status INTEGER NOT NULL,
    content_hash INTEGER NOT NULL,
    unchanged INTEGER NOT NULL,
    PRIMARY KEY (run_id, url_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS probes (
    site TEXT NOT NULL,
    at TEXT NOT NULL,
    ok INTEGER NOT NULL,
    ms INTEGER NOT NULL,
    detail TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS probes_site ON probes(site, at);
CREATE TABLE IF NOT EXISTS dicts (
    id INTEGER PRIMARY KEY,
    site TEXT NOT NULL UNIQUE,
    data BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS facts (
    key BLOB PRIMARY KEY,
    dict_id INTEGER,
    data BLOB NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS cache (
    url_id INTEGER PRIMARY KEY,
    etag TEXT,
    last_modified TEXT,
    charset TEXT NOT NULL,
    facts BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS cache_facts ON cache(facts);
";

fn has_table(conn: &Connection, name: &str) -> rusqlite::Result<bool> {
    conn.query_row(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?1",
        params![name],
        |r| r.get::<_, i64>(0),
    )
    .map(|n| n > 0)
}

fn has_column(conn: &Connection, table: &str, column: &str) -> rusqlite::Result<bool> {
    let mut stmt = conn.prepare(&format!("PRAGMA table_info({table})"))?;
    let names = stmt.query_map([], |r| r.get::<_, String>(1))?;
    for n in names {
        if n? == column {
            return Ok(true);
        }
    }
    Ok(false)
}

fn io_to_sql(e: std::io::Error) -> rusqlite::Error {
    rusqlite::Error::ToSqlConversionFailure(Box::new(e))
}

/// Bring the database to [`VERSION`]: create the tables, and convert a version-0 database
/// in place (one transaction), then reclaim the space the old text columns took.
pub fn upgrade(conn: &mut Connection) -> rusqlite::Result<()> {
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if version >= VERSION {
        return Ok(());
    }
    let old = has_table(conn, "runs")? && has_column(conn, "runs", "report_json")?;
    if old {
        let tx = conn.transaction()?;
        tx.execute_batch("ALTER TABLE runs ADD COLUMN report BLOB NOT NULL DEFAULT x''")?;
        migrate_v0(&tx)?;
        tx.execute_batch(TABLES)?;
        migrate_v0_pages(&tx)?;
        tx.execute_batch(&format!("PRAGMA user_version = {VERSION}"))?;
        tx.commit()?;
        conn.execute_batch("VACUUM")?;
    } else {
        let tx = conn.transaction()?;
        tx.execute_batch(TABLES)?;
        tx.execute_batch(&format!("PRAGMA user_version = {VERSION}"))?;
        tx.commit()?;
    }
    Ok(())
}

/// Reports: text → compressed blob.
fn migrate_v0(tx: &rusqlite::Transaction<'_>) -> rusqlite::Result<()> {
    let rows: Vec<(i64, String)> = {
        let mut stmt = tx.prepare("SELECT id, report_json FROM runs")?;
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?
    };
    let mut up = tx.prepare("UPDATE runs SET report = ?2 WHERE id = ?1")?;
    for (id, json) in rows {
        up.execute(params![
            id,
            blob::pack(json.as_bytes(), None).map_err(io_to_sql)?
        ])?;
    }
    drop(up);
    tx.execute_batch("ALTER TABLE runs DROP COLUMN report_json")
}

/// A `page_cache` row of version 0: site, url, etag, last_modified, charset, facts.
type CacheRowV0 = (
    String,
    String,
    Option<String>,
    Option<String>,
    String,
    String,
);

/// Pages of every run and the page cache: URLs into `urls`, facts compressed into `facts`.
fn migrate_v0_pages(tx: &rusqlite::Transaction<'_>) -> rusqlite::Result<()> {
    if has_table(tx, "pages")? {
        tx.execute_batch(
            "INSERT OR IGNORE INTO urls (site, url)
                 SELECT r.site, p.url FROM pages p JOIN runs r ON r.id = p.run_id;",
        )?;
        let rows: Vec<(i64, i64, i64, String, bool)> = {
            let mut stmt = tx.prepare(
                "SELECT p.run_id, u.id, p.status, p.content_hash, p.unchanged FROM pages p
                 JOIN runs r ON r.id = p.run_id JOIN urls u ON u.site = r.site AND u.url = p.url",
            )?;
            stmt.query_map([], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })?
            .collect::<Result<_, _>>()?
        };
        let mut ins = tx.prepare(
            "INSERT OR REPLACE INTO run_pages (run_id, url_id, status, content_hash, unchanged)
             VALUES (?1, ?2, ?3, ?4, ?5)",
        )?;
        for (run, url, status, hash, unchanged) in rows {
            let h = u64::from_str_radix(&hash, 16).unwrap_or(0) as i64;
            ins.execute(params![run, url, status, h, unchanged])?;
        }
        drop(ins);
        tx.execute_batch("DROP TABLE pages")?;
    }
    if has_table(tx, "page_cache")? {
        let rows: Vec<CacheRowV0> = {
            let mut stmt = tx
                .prepare("SELECT site, url, etag, last_modified, charset, facts FROM page_cache")?;
            stmt.query_map([], |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                ))
            })?
            .collect::<Result<_, _>>()?
        };
        for (site, url, etag, lm, charset, facts) in rows {
            let url_id = super::url_id(tx, &site, &url)?;
            let key = blob::key(facts.as_bytes());
            let data = blob::pack(facts.as_bytes(), None).map_err(io_to_sql)?;
            tx.execute(
                "INSERT OR IGNORE INTO facts (key, dict_id, data) VALUES (?1, NULL, ?2)",
                params![key.as_slice(), data],
            )?;
            tx.execute(
                "INSERT OR REPLACE INTO cache (url_id, etag, last_modified, charset, facts)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![url_id, etag, lm, charset, key.as_slice()],
            )?;
        }
        tx.execute_batch("DROP TABLE page_cache")?;
    }
    Ok(())
}
