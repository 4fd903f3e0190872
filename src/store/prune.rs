//! `zwgk history --prune KEEP`: drop all but the newest KEEP runs of each site (their check
//! results and per-run page rows), the URLs nothing refers to any more, and give the space
//! back to the file system. Probes are kept: GOV-V01 reads the last week of them.

use super::{Store, StoreError};
use rusqlite::params;

/// What a prune removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PruneStats {
    pub runs_removed: u64,
    pub runs_kept: u64,
    pub bytes_before: u64,
    pub bytes_after: u64,
}

impl Store {
    /// Keep the newest `keep` runs of `site` (every site when `None`).
    pub fn prune(&self, keep: usize, site: Option<&str>) -> Result<PruneStats, StoreError> {
        let bytes_before = self.file_bytes();
        let sites = match site {
            Some(s) => vec![s.to_string()],
            None => self.sites()?,
        };
        let mut stats = PruneStats {
            bytes_before,
            ..PruneStats::default()
        };
        {
            let mut conn = self.conn.lock().expect("store lock");
            let tx = conn.transaction().map_err(|e| self.err(e))?;
            for s in &sites {
                let ids: Vec<i64> = {
                    let mut stmt = tx
                        .prepare("SELECT id FROM runs WHERE site = ?1 ORDER BY id DESC")
                        .map_err(|e| self.err(e))?;
                    stmt.query_map(params![s], |r| r.get(0))
                        .map_err(|e| self.err(e))?
                        .collect::<Result<_, _>>()
                        .map_err(|e| self.err(e))?
                };
                stats.runs_kept += ids.len().min(keep) as u64;
                for id in ids.iter().skip(keep) {
                    for sql in [
                        "DELETE FROM results WHERE run_id = ?1",
                        "DELETE FROM run_pages WHERE run_id = ?1",
                        "DELETE FROM runs WHERE id = ?1",
                    ] {
                        tx.execute(sql, params![id]).map_err(|e| self.err(e))?;
                    }
                    stats.runs_removed += 1;
                }
            }
            tx.execute(
                "DELETE FROM urls WHERE NOT EXISTS (SELECT 1 FROM run_pages p WHERE p.url_id = urls.id)
                   AND NOT EXISTS (SELECT 1 FROM cache c WHERE c.url_id = urls.id)",
                [],
            )
            .map_err(|e| self.err(e))?;
            tx.commit().map_err(|e| self.err(e))?;
            conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE); VACUUM;")
                .map_err(|e| self.err(e))?;
        }
        stats.bytes_after = self.file_bytes();
        Ok(stats)
    }
}
