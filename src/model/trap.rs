//! Crawler traps as the report lists them: why a URL was refused and the URL family it
//! belongs to (the guard that decides lives in `crawl::scope`).

use serde::{Deserialize, Serialize};

/// Why a URL was refused as a likely crawler trap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TrapReason {
    TooLong,
    RepeatedSegments,
    TooDeep,
    QueryExplosion,
    Calendar,
    /// more than `max_per_pattern` URLs differing in one query value or one path segment
    Pattern,
    /// more than `max_per_pattern` pages followed through "next page" links in a row
    Pagination,
}

/// URLs refused for one (reason, pattern): what the report lists.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrapRecord {
    pub reason: TrapReason,
    /// the URL family, varying part written `*` (dates `#`)
    pub pattern: String,
    /// URLs refused (links and media met more than once count once)
    pub count: u64,
    /// a few refused URLs
    pub examples: Vec<String>,
}
