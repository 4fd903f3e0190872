//! Error classes a user can act on, shared by the fetcher, the crawl, the verification
//! stage, the checks and the reports; and a URL that could not be fetched.

use super::edge::{TextId, UrlId};
use serde::{Deserialize, Serialize};

/// Error classes a user can act on. Never "page missing" for a firewall or TLS problem.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorClass {
    /// HTTP 404/410
    NotFound,
    /// other 4xx
    ClientError,
    /// 5xx
    ServerError,
    Timeout,
    Dns,
    Connect,
    Tls,
    RedirectLoop,
    TooManyRedirects,
    /// WAF / anti-bot challenge (瑞数 412 `$_ts`, 加速乐 521, 403 challenge pages)
    Blocked,
    /// 429 still after retries
    RateLimited,
    /// disallowed by robots.txt (not fetched)
    Robots,
    /// body over the size cap (page still parsed up to the cap)
    TooLarge,
    /// response could not be decoded/parsed
    Decode,
    /// anything else (protocol errors, invalid responses)
    Other,
}

/// A URL that could not be fetched (or was fetched with an error status).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CrawlError {
    pub url: UrlId,
    pub class: ErrorClass,
    pub status: Option<u16>,
    /// Human-readable detail (Chinese or English, per `--lang`).
    pub message: String,
    /// The page that linked to it and the anchor text, if known.
    pub parent: Option<UrlId>,
    pub via_text: Option<TextId>,
    pub depth: u32,
}
