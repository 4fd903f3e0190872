//! Many sites in one go: a site list (`sites.toml` or CSV), sharding across machines
//! (`--shard I/N`), concurrent site checks (`--parallel-sites N`, each host keeping its own
//! politeness limits), and the index of all sites (ranking + sites × checks matrix) as
//! `index.json`, `index.md` and `index.html` (and `index.xlsx` with the findings); `merge`
//! combines the indexes of several shards.

pub mod index;
pub mod sites;

pub use index::{Index, IndexEntry};
pub use sites::{SiteEntry, load_sites, shard};

use crate::crawl::CrawlProgress;
use crate::events::Event;
use crate::fetch::ResolveEntry;
use crate::run::{CheckOptions, check_site};
use futures::StreamExt;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use thiserror::Error;

#[derive(Debug, Error)]
pub enum BatchError {
    #[error("cannot read site list {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("site list {path}: {message}")]
    Parse { path: PathBuf, message: String },
    #[error("--shard {0:?}: expected I/N with 1 ≤ I ≤ N, e.g. 2/5")]
    Shard(String),
    #[error(transparent)]
    Report(#[from] crate::report::ReportError),
    #[error(transparent)]
    Write(#[from] crate::atomic::WriteError),
    #[error("cannot read index {path}: {message}")]
    Index { path: PathBuf, message: String },
}

/// Folder name of a site inside the batch output.
pub fn site_dir_name(url: &url::Url) -> String {
    crate::model::site_folder(url)
}

/// Build one site's options from the batch defaults and its entry.
pub fn options_for(
    base: &CheckOptions,
    entry: &SiteEntry,
    out: &Path,
) -> Result<CheckOptions, String> {
    let url = url::Url::parse(&entry.url).map_err(|e| format!("{}: {e}", entry.url))?;
    let mut o = base.clone();
    o.url = url.clone();
    o.name = entry.name.clone();
    o.kind = entry.kind.clone().or(base.kind.clone());
    o.out = Some(out.join(site_dir_name(&url)));
    for r in &entry.resolve {
        o.fetch
            .resolve
            .push(r.parse::<ResolveEntry>().map_err(|e| e.to_string())?);
    }
    for c in &entry.connect_to {
        o.fetch.connect_to.push(
            c.parse::<crate::fetch::ConnectTo>()
                .map_err(|e| e.to_string())?,
        );
    }
    if !entry.rules.is_empty() {
        o.packs = entry.rules.clone();
    }
    o.pins = entry.columns.clone();
    o.not_applicable = entry.not_applicable.clone();
    if let Some(v) = entry.max_pages {
        o.crawl.max_pages = v;
    }
    if let Some(v) = entry.max_depth {
        o.crawl.max_depth = v;
    }
    let site = entry.name.clone().unwrap_or_else(|| entry.url.clone());
    if let Some(v) = entry.rate {
        o.fetch.rate = crate::config::user_rate(&format!("rate of site {site}"), v)?;
    }
    if let Some(v) = entry.per_host {
        o.fetch.per_host = v.max(1);
    }
    if let Some(v) = entry.timeout {
        o.fetch.timeout = crate::config::user_seconds(
            &format!("timeout of site {site}"),
            v,
            crate::config::MAX_TIMEOUT_SECS,
        )?;
    }
    if let Some(v) = entry.max_duration {
        o.crawl.max_duration = if v == 0.0 {
            None
        } else {
            Some(crate::config::user_seconds(
                &format!("max_duration of site {site}"),
                v,
                crate::config::MAX_DURATION_SECS,
            )?)
        };
    }
    if entry.ignore_robots == Some(true) {
        o.fetch.respect_robots = false;
    }
    o.crawl.extra_hosts.extend(entry.hosts.iter().cloned());
    Ok(o)
}

/// Check every site (at most `parallel` at a time) and write the index into `out`.
pub async fn run_batch(
    sites: &[SiteEntry],
    base: &CheckOptions,
    out: &Path,
    parallel: usize,
    shard_label: Option<String>,
    cancel: Option<tokio::sync::watch::Receiver<bool>>,
) -> Result<Index, BatchError> {
    let total = sites.len();
    // one browser process for the whole batch, its tabs shared by the sites
    let shared = base.shared_browser.clone().or_else(|| {
        base.crawl
            .browser
            .as_ref()
            .map(|b| Arc::new(crate::browser::SharedBrowser::new(b)))
    });
    let results = futures::stream::iter(sites.iter().cloned().enumerate())
        .map(|(i, entry)| {
            let cancel = cancel.clone();
            let shared = shared.clone();
            async move {
                let opts = match options_for(base, &entry, out) {
                    Ok(o) => CheckOptions {
                        shared_browser: shared,
                        ..o
                    },
                    Err(e) => return IndexEntry::failed(&entry, e),
                };
                let (n, url) = (i + 1, entry.url.as_str());
                base.events.emit(Event::SiteStarted { n, total, url });
                let progress = Arc::new(CrawlProgress::default());
                match check_site(&opts, progress, cancel).await {
                    Ok(outcome) => {
                        let e = IndexEntry::from_outcome(&entry, &outcome, out);
                        base.events.emit(Event::SiteDone {
                            n,
                            total,
                            url,
                            pages: e.pages,
                            failed_checks: e.fail_high + e.fail_medium + e.fail_low,
                        });
                        e
                    }
                    Err(err) => {
                        let error = err.to_string();
                        base.events.emit(Event::SiteFailed {
                            n,
                            total,
                            url,
                            error: &error,
                        });
                        IndexEntry::failed(&entry, err.to_string())
                    }
                }
            }
        })
        .buffer_unordered(parallel.max(1))
        .collect::<Vec<_>>()
        .await;
    let index = Index::new(results, shard_label, base.lang);
    index.write(out)?;
    if base.formats.contains(&crate::report::formats::Format::Xlsx) {
        index.write_xlsx(out)?;
    }
    Ok(index)
}
