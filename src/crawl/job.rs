//! One crawl job: fetch a URL (conditionally when the history store knows it), then decode
//! and extract the page on the blocking pool. A page that needs JavaScript (extraction says
//! so) or answers a WAF challenge is rendered by the [`Renderer`] when there is one, and the
//! rendered DOM goes through the same extraction ([`PageSource`]). Also the page-cache
//! interface the history store implements.

use super::QueueItem;
use crate::decode::decode_html;
use crate::extract::{self, PageFacts};
use crate::fetch::{FetchError, FetchOpts, Fetched, Fetcher, detect_waf};
use crate::model::{
    Charset, ErrorClass, FirstAnswer, RenderFailure, RenderReason, Rendered, Renderer,
};
use std::sync::Arc;
use url::Url;

/// A shareable [`Renderer`] (the browser stage), for [`super::CrawlConfig`].
#[derive(Clone)]
pub struct RendererHandle(pub Arc<dyn Renderer>);

impl std::fmt::Debug for RendererHandle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("RendererHandle")
    }
}

/// Where the HTML that extraction reads comes from.
pub(super) enum PageSource {
    /// The HTTP answer's body, decoded by [`decode_html`].
    Http {
        body: bytes::Bytes,
        content_type: Option<String>,
    },
    /// The DOM a browser built after running the page's scripts (already text).
    Rendered(String),
}

/// Decode (HTTP bodies) and extract a page from either source: one extraction for both.
fn extract_source(source: PageSource, url: &Url) -> (extract::PageFacts, Charset, bool) {
    match source {
        PageSource::Http { body, content_type } => {
            let decoded = decode_html(&body, content_type.as_deref());
            drop(body);
            let (html, markup_cut) = extract::bounded_markup(&decoded.text);
            let facts = extract::extract(html, url);
            let charset = Charset {
                encoding: decoded.encoding.name().into(),
                source: decoded.source.as_str().into(),
                had_errors: decoded.had_errors,
            };
            (facts, charset, markup_cut)
        }
        PageSource::Rendered(html) => {
            let (cut, markup_cut) = extract::bounded_markup(&html);
            let facts = extract::extract(cut, url);
            let charset = Charset {
                encoding: "UTF-8".into(),
                source: "rendered".into(),
                had_errors: false,
            };
            (facts, charset, markup_cut)
        }
    }
}

/// What the browser did for this job (for `crawl.challenges` and `crawl.render_problems`).
#[derive(Debug, Clone)]
pub(super) struct RenderNote {
    pub(super) reason: RenderReason,
    /// `None` when rendered; else why not
    pub(super) failure: Option<(RenderFailure, String)>,
    /// the WAF the HTTP answer showed (challenges only)
    pub(super) waf: Option<String>,
}

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
    /// the facts come from the browser's DOM
    pub(super) rendered: bool,
}

/// Pages decoded and parsed at once. Parsing is CPU work (two cores are plenty), and each
/// parse holds a body, its decoded text and a DOM: this cap, not the number of requests in
/// flight, bounds that memory.
static PARSE_SLOTS: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(2);

pub(super) struct JobResult {
    pub(super) item: QueueItem,
    pub(super) outcome: Result<Fetched, FetchError>,
    pub(super) parsed: Option<Parsed>,
    pub(super) render: Option<RenderNote>,
}

/// The URL to render (after HTTP redirects) and the answer handed to the browser for it,
/// so the page is not requested twice.
fn first_answer(outcome: &Result<Fetched, FetchError>, url: &Url) -> (Url, Option<FirstAnswer>) {
    match outcome {
        Ok(f) => (
            f.final_url.clone(),
            (!f.truncated).then(|| FirstAnswer {
                status: f.status,
                content_type: f.content_type.clone(),
                body: f.body.clone(),
            }),
        ),
        Err(_) => (url.clone(), None),
    }
}

/// Extract a rendered DOM on the blocking pool (under the parse slots, like HTTP pages).
async fn parse_rendered(r: Rendered, charset: Option<Charset>) -> Option<Parsed> {
    let slot = PARSE_SLOTS.acquire().await.ok();
    let parsed = tokio::task::spawn_blocking(move || {
        let (mut facts, rendered_cs, markup_cut) =
            extract_source(PageSource::Rendered(r.html), &r.final_url);
        // the scripts have run: what is still missing is missing
        facts.needs_js = false;
        Parsed {
            facts,
            // the HTTP answer's charset evidence stays the page's
            charset: charset.unwrap_or(rendered_cs),
            unchanged: false,
            markup_cut,
            rendered: true,
        }
    })
    .await
    .ok();
    drop(slot);
    parsed
}

/// The rendered document is another page than the one rendered (fragments aside).
fn moved(target: &Url, end: &Url) -> bool {
    let (mut a, mut b) = (target.clone(), end.clone());
    a.set_fragment(None);
    b.set_fragment(None);
    a != b
}

/// Extraction saw a page that needs JavaScript (and is not a redirect stub).
fn wants_render(facts: &PageFacts) -> bool {
    facts.needs_js && facts.redirect.is_none()
}

pub(super) async fn run_job(
    fetcher: Arc<Fetcher>,
    item: QueueItem,
    max_body: u64,
    cache: Option<CacheHandle>,
    renderer: Option<RendererHandle>,
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
                    rendered: false,
                }),
                render: None,
            };
        }
        // validators without stored facts: fetch again unconditionally
        opts.if_none_match = None;
        opts.if_modified_since = None;
        outcome = fetcher.fetch(&item.url, &opts).await;
    }
    // a JavaScript challenge: a browser passes it by running the script and retrying with
    // the cookie it sets; the cookies land in the fetcher's jar for the rest of the crawl
    let waf = match &outcome {
        Ok(f) => detect_waf(f.status, &f.body).map(str::to_string),
        Err(_) => None,
    };
    if let Some(kind) = waf {
        let mut note = RenderNote {
            reason: RenderReason::Challenge,
            failure: None,
            waf: Some(kind),
        };
        let mut parsed = None;
        match &renderer {
            None => note.failure = Some((RenderFailure::Unavailable, String::new())),
            Some(r) => {
                let (target, first) = first_answer(&outcome, &item.url);
                let result = r.0.render(&target, RenderReason::Challenge, first).await;
                match result {
                    Ok(rendered) => {
                        let status = rendered.status;
                        parsed = parse_rendered(rendered, None).await;
                        if let (Ok(f), Some(_)) = (&mut outcome, &parsed) {
                            f.status = status;
                        }
                    }
                    Err(e) => note.failure = Some((e.kind, e.message)),
                }
            }
        }
        return JobResult {
            item,
            outcome,
            parsed,
            render: Some(note),
        };
    }
    let mut parse_failed = false;
    let mut save_later: Option<(String, Option<String>, Option<String>)> = None;
    let parsed = match &outcome {
        Ok(f)
            if (200..300).contains(&f.status)
                && crate::sniff::is_html(f.content_type.as_deref(), &f.body)
                && detect_waf(f.status, &f.body).is_none() =>
        {
            let body = f.body.clone();
            let ct = f.content_type.clone();
            let url = f.final_url.clone();
            let key = item.url.to_string();
            let (etag, lm) = (f.etag.clone(), f.last_modified.clone());
            let will_render = renderer.is_some();
            // only pages that may be rendered are stored after the render step
            if will_render && cache.is_some() {
                save_later = Some((key.clone(), etag.clone(), lm.clone()));
            }
            let cache = cache.clone();
            // parsing is CPU work: keep it off the async workers' hot path
            let slot = PARSE_SLOTS.acquire().await.ok();
            let parsed = tokio::task::spawn_blocking(move || {
                let source = PageSource::Http {
                    body,
                    content_type: ct,
                };
                let (facts, charset, markup_cut) = extract_source(source, &url);
                // a page that is about to be rendered is stored after rendering, with the
                // facts this run used (so that a 304 next time gives the same page)
                if let Some(c) = &cache
                    && !(will_render && wants_render(&facts))
                {
                    c.0.save(&key, etag.as_deref(), lm.as_deref(), &facts, &charset);
                }
                Parsed {
                    facts,
                    charset,
                    unchanged: false,
                    markup_cut,
                    rendered: false,
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
    // what extraction saw needs JavaScript: render it and extract the DOM instead
    let mut parsed = parsed;
    let mut render = None;
    if let Some(p) = &parsed
        && wants_render(&p.facts)
    {
        let mut note = RenderNote {
            reason: RenderReason::NeedsJs,
            failure: None,
            waf: None,
        };
        match &renderer {
            None => note.failure = Some((RenderFailure::Unavailable, String::new())),
            Some(r) => {
                let (target, first) = first_answer(&outcome, &item.url);
                let result = r.0.render(&target, RenderReason::NeedsJs, first).await;
                match result {
                    Ok(rendered)
                        if (200..300).contains(&rendered.status)
                            && moved(&target, &rendered.final_url) =>
                    {
                        // the page's script sent the browser elsewhere: a redirect stub,
                        // followed like an HTTP redirect (never a column of its own)
                        if let Some(p) = parsed.as_mut() {
                            p.facts.redirect = Some(rendered.final_url);
                            p.facts.needs_js = false;
                            p.rendered = true;
                        }
                    }
                    Ok(rendered) if (200..300).contains(&rendered.status) => {
                        if let Some(rp) = parse_rendered(rendered, Some(p.charset.clone())).await {
                            parsed = Some(rp);
                        }
                    }
                    Ok(rendered) => {
                        note.failure =
                            Some((RenderFailure::Failed, format!("HTTP {}", rendered.status)))
                    }
                    Err(e) => note.failure = Some((e.kind, e.message)),
                }
            }
        }
        render = Some(note);
        if let (Some(c), Some((key, etag, lm)), Some(p)) = (&cache, save_later, &parsed) {
            let (c, facts, charset) = (c.clone(), p.facts.clone(), p.charset.clone());
            let _ = tokio::task::spawn_blocking(move || {
                c.0.save(&key, etag.as_deref(), lm.as_deref(), &facts, &charset)
            })
            .await;
        }
    }
    JobResult {
        item,
        outcome,
        parsed,
        render,
    }
}
