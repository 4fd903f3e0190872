//! One site's page cache in the history database: HTTP validators in memory for conditional
//! requests, facts loaded on demand for pages answered 304, writes batched. Facts are stored
//! once per distinct content and compressed with the site's dictionary (trained on the first
//! batch of its pages), so a page costs a few hundred bytes instead of its whole JSON.

use super::{Store, StoreError, blob, url_id};
use crate::crawl::PageCache;
use crate::extract::PageFacts;
use crate::model::Charset;
use rusqlite::{OptionalExtension, params};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use zstd::dict::{DecoderDictionary, EncoderDictionary};

struct Pending {
    url: String,
    etag: Option<String>,
    last_modified: Option<String>,
    charset: String,
    facts: Vec<u8>,
}

struct Encoder {
    id: i64,
    dict: EncoderDictionary<'static>,
}

/// One site's page cache: validators in memory, facts loaded on demand, writes batched.
pub struct SiteCache {
    store: Arc<Store>,
    site: String,
    validators: HashMap<String, (Option<String>, Option<String>)>,
    pending: Mutex<Vec<Pending>>,
    encoder: Mutex<Option<Arc<Encoder>>>,
    decoders: Mutex<HashMap<i64, Arc<DecoderDictionary<'static>>>>,
}

const FLUSH_EVERY: usize = 256;

impl SiteCache {
    pub(super) fn open(store: Arc<Store>, site: &str) -> Result<Arc<SiteCache>, StoreError> {
        let (validators, encoder) = {
            let conn = store.conn.lock().expect("store lock");
            let mut stmt = conn
                .prepare(
                    "SELECT u.url, c.etag, c.last_modified FROM cache c
                     JOIN urls u ON u.id = c.url_id WHERE u.site = ?1",
                )
                .map_err(|e| store.err(e))?;
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
                .map_err(|e| store.err(e))?
                .collect::<Result<HashMap<_, _>, _>>()
                .map_err(|e| store.err(e))?;
            let dict: Option<(i64, Vec<u8>)> = conn
                .query_row(
                    "SELECT id, data FROM dicts WHERE site = ?1",
                    params![site],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()
                .map_err(|e| store.err(e))?;
            let encoder = dict.map(|(id, raw)| {
                Arc::new(Encoder {
                    id,
                    dict: blob::encoder(&raw),
                })
            });
            (validators, encoder)
        };
        Ok(Arc::new(SiteCache {
            store,
            site: site.to_string(),
            validators,
            pending: Mutex::new(Vec::new()),
            encoder: Mutex::new(encoder),
            decoders: Mutex::new(HashMap::new()),
        }))
    }

    /// The site's dictionary; trained on this batch when the site has none yet.
    fn encoder_for(&self, batch: &[Pending]) -> Option<Arc<Encoder>> {
        let mut slot = self.encoder.lock().expect("cache lock");
        if slot.is_none() {
            let samples: Vec<&[u8]> = batch.iter().map(|p| p.facts.as_slice()).collect();
            let raw = blob::train(&samples)?;
            let conn = self.store.conn.lock().expect("store lock");
            let saved = conn
                .execute(
                    "INSERT OR IGNORE INTO dicts (site, data) VALUES (?1, ?2)",
                    params![self.site, raw],
                )
                .and_then(|_| {
                    conn.query_row(
                        "SELECT id, data FROM dicts WHERE site = ?1",
                        params![self.site],
                        |r| Ok((r.get::<_, i64>(0)?, r.get::<_, Vec<u8>>(1)?)),
                    )
                });
            match saved {
                Ok((id, raw)) => {
                    *slot = Some(Arc::new(Encoder {
                        id,
                        dict: blob::encoder(&raw),
                    }))
                }
                Err(e) => tracing::warn!("history database: cannot save dictionary: {e}"),
            }
        }
        slot.clone()
    }

    fn decoder(&self, id: i64) -> Option<Arc<DecoderDictionary<'static>>> {
        if let Some(d) = self.decoders.lock().expect("cache lock").get(&id) {
            return Some(d.clone());
        }
        let raw: Vec<u8> = {
            let conn = self.store.conn.lock().expect("store lock");
            conn.query_row("SELECT data FROM dicts WHERE id = ?1", params![id], |r| {
                r.get(0)
            })
            .ok()?
        };
        let d = Arc::new(blob::decoder(&raw));
        self.decoders
            .lock()
            .expect("cache lock")
            .insert(id, d.clone());
        Some(d)
    }

    /// Write buffered entries (compressed outside the database lock).
    pub fn flush(&self) {
        let batch: Vec<Pending> = std::mem::take(&mut *self.pending.lock().expect("cache lock"));
        if batch.is_empty() {
            return;
        }
        let encoder = self.encoder_for(&batch);
        let packed: Vec<([u8; 16], Vec<u8>)> = batch
            .iter()
            .filter_map(|p| {
                let data = blob::pack(&p.facts, encoder.as_ref().map(|e| &e.dict)).ok()?;
                Some((blob::key(&p.facts), data))
            })
            .collect();
        let dict_id = encoder.as_ref().map(|e| e.id);
        let mut conn = self.store.conn.lock().expect("store lock");
        let result = (|| -> rusqlite::Result<()> {
            let tx = conn.transaction()?;
            {
                let mut facts = tx.prepare(
                    "INSERT OR IGNORE INTO facts (key, dict_id, data) VALUES (?1, ?2, ?3)",
                )?;
                let mut cache = tx.prepare(
                    "INSERT OR REPLACE INTO cache (url_id, etag, last_modified, charset, facts)
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                )?;
                for (p, (key, data)) in batch.iter().zip(&packed) {
                    facts.execute(params![key.as_slice(), dict_id, data])?;
                    let id = url_id(&tx, &self.site, &p.url)?;
                    cache.execute(params![
                        id,
                        p.etag,
                        p.last_modified,
                        p.charset,
                        key.as_slice()
                    ])?;
                }
            }
            tx.commit()
        })();
        if let Err(e) = result {
            tracing::warn!("history database: cannot save page cache: {e}");
        }
    }

    /// Drop facts no cached page refers to any more (a page whose content changed).
    fn collect_garbage(&self) {
        let conn = self.store.conn.lock().expect("store lock");
        if let Err(e) = conn.execute(
            "DELETE FROM facts WHERE NOT EXISTS (SELECT 1 FROM cache c WHERE c.facts = facts.key)",
            [],
        ) {
            tracing::warn!("history database: cannot drop stale facts: {e}");
        }
    }
}

impl PageCache for SiteCache {
    fn validators(&self, url: &str) -> Option<(Option<String>, Option<String>)> {
        self.validators.get(url).cloned()
    }

    fn load(&self, url: &str) -> Option<(PageFacts, Charset)> {
        let row: Option<(String, Option<i64>, Vec<u8>)> = {
            let conn = self.store.conn.lock().expect("store lock");
            conn.query_row(
                "SELECT c.charset, f.dict_id, f.data FROM cache c
                 JOIN urls u ON u.id = c.url_id JOIN facts f ON f.key = c.facts
                 WHERE u.site = ?1 AND u.url = ?2",
                params![self.site, url],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()
            .ok()
            .flatten()
        };
        let (charset, dict_id, data) = row?;
        let json = match dict_id {
            Some(id) => blob::unpack(&data, Some(&*self.decoder(id)?)).ok()?,
            None => blob::unpack(&data, None).ok()?,
        };
        Some((
            serde_json::from_slice(&json).ok()?,
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
        let Ok(facts) = serde_json::to_vec(facts) else {
            return;
        };
        let entry = Pending {
            url: url.to_string(),
            etag: etag.map(str::to_string),
            last_modified: last_modified.map(str::to_string),
            charset: serde_json::to_string(charset).unwrap_or_default(),
            facts,
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
        self.collect_garbage();
    }
}
