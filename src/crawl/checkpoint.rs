//! Crawl checkpoints for `--resume`: the graph so far, the frontier (queued and in-flight
//! URLs) and the seen set, written atomically every few seconds and on Ctrl-C.

use super::{QueueItem, State};
use crate::model::{SiteGraph, UrlId};
use std::collections::HashMap;
use url::Url;

/// A saved crawl state: the graph so far, the frontier and the seen set.
#[derive(serde::Serialize, serde::Deserialize)]
pub struct Checkpoint {
    pub version: u32,
    pub start_url: String,
    pub(super) graph: SiteGraph,
    pub(super) queue: Vec<QueueItem>,
    pub(super) seen: Vec<UrlId>,
    pub(super) scheduled: usize,
}

impl Checkpoint {
    /// Load a saved state; `None` when there is none.
    pub fn load(path: &std::path::Path) -> Result<Option<Checkpoint>, String> {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(format!("{}: {e}", path.display())),
        };
        let mut cp: Checkpoint =
            serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        cp.graph.reindex();
        Ok(Some(cp))
    }

    /// Pages already fetched in the saved state.
    pub fn pages(&self) -> usize {
        self.graph.pages.len()
    }
}

pub(super) fn save_checkpoint(
    path: &std::path::Path,
    start: &Url,
    st: &State,
    in_flight: &HashMap<UrlId, QueueItem>,
    scheduled: usize,
) {
    let queue: Vec<QueueItem> = in_flight
        .values()
        .chain(st.queue.values())
        .cloned()
        .collect();
    let cp = CheckpointRef {
        version: 1,
        start_url: start.as_str(),
        graph: &st.graph,
        queue: &queue,
        seen: st.seen.iter().copied().collect(),
        scheduled: scheduled.saturating_sub(in_flight.len()),
    };
    // streamed: a large graph is never held as one JSON buffer
    if let Err(e) = crate::atomic::write_atomic_with(path, |w| {
        serde_json::to_writer(w, &cp).map_err(std::io::Error::other)
    }) {
        tracing::warn!("cannot save the crawl state: {e}");
    }
}

/// Borrowing twin of [`Checkpoint`] for writing without cloning the graph.
#[derive(serde::Serialize)]
struct CheckpointRef<'a> {
    version: u32,
    start_url: &'a str,
    graph: &'a SiteGraph,
    queue: &'a [QueueItem],
    seen: Vec<UrlId>,
    scheduled: usize,
}
