//! One crawl job: fetch a URL (conditionally when the history store knows it), then decode
//! and extract the page on the blocking pool. Also the page-cache interface the history
//! store implements.

use super::QueueItem;
use crate::decode::decode_html;
use crate::extract::{self, PageFacts};
use crate::fetch::{FetchError, FetchOpts, Fetched, Fetcher, detect_waf};
use crate::model::{Charset, ErrorClass};
use std::sync::Arc;

/// Stored page facts from a previous run (implemented by the history store).
pub trait PageCache: Send + Sync {
    /// (ETag, Last-Modified) recorded for a URL.
    fn validators(&self, url: &str) -> Option<(Option<String>, Option<String>)>;
    /// The facts stored for a URL (used when the server answers 304).
    fn load(&self, url: &str) -> Option<(PageFacts, Charset)>;
    /// Remember a freshly parsed page.
    fn save(
        &self,
        url: &str,
        etag: Option<&str>,
        last_modified: Option<&str>,
        facts: &PageFacts,
        charset: &Charset,
    );
    /// The crawl ended: write what is buffered.
    fn finish(&self);
}

/// A shareable [`PageCache`].
#[derive(Clone)]
pub struct CacheHandle(pub Arc<dyn PageCache>);

impl std::fmt::Debug for CacheHandle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("CacheHandle")
    }
}

pub(super) struct Parsed {
    pub(super) facts: PageFacts,
    pub(super) charset: Charset,
    /// answered 304: facts come from the previous run
    pub(super) unchanged: bool,
    /// more tags than [`extract::MAX_TAGS`]: only the first ones were parsed
    pub(super) markup_cut: bool,
}

/// Pages decoded and parsed at once. Parsing is CPU work (two cores are plenty), and each
/// parse holds a body, its decoded text and a DOM: this cap, not the number of requests in
/// flight, bounds that memory.
static PARSE_SLOTS: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(2);

pub(super) struct JobResult {
    pub(super) item: QueueItem,
    pub(super) outcome: Result<Fetched, FetchError>,
    pub(super) parsed: Option<Parsed>,
}

fn is_html(content_type: Option<&str>, body: &[u8]) -> bool {
    match content_type {
        Some(ct) => {
            let ct = ct.to_ascii_lowercase();
            ct.contains("html") || (ct.starts_with("text/plain") && looks_like_html(body))
        }
        None => looks_like_html(body),
    }
}

fn looks_like_html(body: &[u8]) -> bool {
    let head = &body[..body.len().min(512)];
    let s = String::from_utf8_lossy(head).to_ascii_lowercase();
    s.contains("<html")
        || s.contains("<!doctype html")
        || s.contains("<head")
        || s.contains("<body")
}

pub(super) async fn run_job(
    fetcher: Arc<Fetcher>,
    item: QueueItem,
    max_body: u64,
    cache: Option<CacheHandle>,
) -> JobResult {
    let mut opts = FetchOpts {
        max_body,
        html_only: true,
        ..Default::default()
    };
    if let Some((etag, lm)) = cache
        .as_ref()
        .and_then(|c| c.0.validators(item.url.as_str()))
    {
        opts.if_none_match = etag;
        opts.if_modified_since = lm;
    }
    let mut outcome = fetcher.fetch(&item.url, &opts).await;
    if let (Ok(f), Some(c)) = (&mut outcome, &cache)
        && f.status == 304
    {
        let key = item.url.to_string();
        let c = c.clone();
        let stored = tokio::task::spawn_blocking(move || c.0.load(&key))
            .await
            .ok()
            .flatten();
        if let Some((facts, charset)) = stored {
            f.status = 200;
            return JobResult {
                item,
                outcome,
                parsed: Some(Parsed {
                    facts,
                    charset,
                    unchanged: true,
                    markup_cut: false,
                }),
            };
        }
        // validators without stored facts: fetch again unconditionally
        opts.if_none_match = None;
        opts.if_modified_since = None;
        outcome = fetcher.fetch(&item.url, &opts).await;
    }
    let mut parse_failed = false;
    let parsed = match &outcome {
        Ok(f)
            if (200..300).contains(&f.status)
                && is_html(f.content_type.as_deref(), &f.body)
                && detect_waf(f.status, &f.body).is_none() =>
        {
            let body = f.body.clone();
            let ct = f.content_type.clone();
            let url = f.final_url.clone();
            let key = item.url.to_string();
            let (etag, lm) = (f.etag.clone(), f.last_modified.clone());
            // parsing is CPU work: keep it off the async workers' hot path
            let slot = PARSE_SLOTS.acquire().await.ok();
            let parsed = tokio::task::spawn_blocking(move || {
                let decoded = decode_html(&body, ct.as_deref());
                drop(body);
                let (html, markup_cut) = extract::bounded_markup(&decoded.text);
                let facts = extract::extract(html, &url);
                let charset = Charset {
                    encoding: decoded.encoding.name().into(),
                    source: decoded.source.as_str().into(),
                    had_errors: decoded.had_errors,
                };
                if let Some(c) = &cache {
                    c.0.save(&key, etag.as_deref(), lm.as_deref(), &facts, &charset);
                }
                Parsed {
                    facts,
                    charset,
                    unchanged: false,
                    markup_cut,
                }
            })
            .await
            .inspect_err(|e| {
                tracing::error!(url = %item.url, "page parser crashed: {e}");
                parse_failed = true;
            })
            .ok();
            drop(slot);
            parsed
        }
        _ => None,
    };
    if parse_failed {
        // never drop a page silently: report it as not checkable
        outcome = Err(FetchError {
            class: ErrorClass::Decode,
            status: outcome.as_ref().ok().map(|f| f.status),
            message: fetcher
                .config()
                .lang
                .pick(
                    "页面无法解析（提取器内部错误），请附上网址报告此问题",
                    "the page could not be parsed (internal error in the extractor); please report it with the URL",
                )
                .into(),
            redirects: Vec::new(),
        });
    }
    JobResult {
        item,
        outcome,
        parsed,
    }
}
