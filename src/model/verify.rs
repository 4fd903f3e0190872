//! Verification outcome of one media/attachment/link target.

use super::edge::UrlId;
use serde::{Deserialize, Serialize};

/// Verdict of the verification stage for one media/attachment/link target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VerifyOutcome {
    /// loads and matches its declared kind
    Ok,
    /// 404/410 or a soft 404 (HTML error page / redirect to home where a file was expected)
    Broken,
    ServerError,
    Timeout,
    Dns,
    Tls,
    /// WAF challenge (403/412/521): could not verify, not counted as broken
    Blocked,
    /// bytes do not match the declared kind (e.g. HTML served as .jpg)
    WrongType,
    /// zero-byte body
    Empty,
    /// header does not decode (truncated image, garbage container)
    Undecodable,
    /// Flash: unplayable in modern browsers
    Flash,
    RedirectLoop,
    /// not requested (external host with `--external skip`, robots)
    Skipped,
}

/// One verified resource (deduplicated across pages; referrers are in the pages' edges).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Verified {
    pub url: UrlId,
    pub outcome: VerifyOutcome,
    pub status: Option<u16>,
    pub content_type: Option<String>,
    /// what was found (detected type, first bytes, redirect chain …)
    pub detail: String,
    pub bytes_read: u64,
}

/// A page URL of the baseline crawl (`--baseline`) that this crawl did not meet, requested
/// on this server after the crawl (see [`crate::verify::revisit`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Revisit {
    pub url: UrlId,
    /// `ok` (answered with a page), `broken` (404/410, soft 404, redirect to the home
    /// page), `skipped` (not requested: budget, time limit, robots) …
    pub outcome: VerifyOutcome,
    pub status: Option<u16>,
    /// where redirects ended, when there were any
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub final_url: Option<UrlId>,
    pub detail: String,
}
