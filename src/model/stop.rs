//! Why a crawl ended, and its counters.

use serde::{Deserialize, Serialize};

/// Why the crawl ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StopReason {
    /// every reachable page in scope was visited
    Completed,
    /// `--max-pages` reached; some pages were not visited
    PageBudget,
    /// `--max-duration` reached
    TimeBudget,
    /// interrupted (Ctrl-C)
    Interrupted,
    /// the start page itself could not be fetched
    StartFailed,
}

/// A URL the run did not fetch or verify, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NotChecked {
    pub url: super::edge::UrlId,
    /// `crawl` (page not fetched), `verify` (link or media not verified) or `docs`
    /// (attachment not read)
    pub stage: super::text::Txt,
    pub reason: StopReason,
}

/// Counters for the report's `stats`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CrawlStats {
    pub pages: usize,
    pub links: usize,
    pub media: usize,
    pub errors: usize,
    pub requests: u64,
    pub retries: u64,
    pub bytes: u64,
    /// URLs skipped by trap guards (repeated segments, calendar pages, query explosion, URL length)
    pub trap_skipped: u64,
    /// links out of scope (other hosts), not crawled
    pub out_of_scope: u64,
    /// links at depth > max-depth, not crawled
    pub depth_skipped: u64,
    /// URLs still queued when the crawl stopped
    pub unvisited: u64,
    pub robots_disallowed: u64,
    pub elapsed_ms: u64,
    /// pages answered 304 Not Modified (facts reused from the history store)
    #[serde(default)]
    pub unchanged: u64,
}
