//! The page-source seam: where a page's HTML came from (the HTTP answer, or the DOM a
//! headless browser built after running the page's scripts), the interface a renderer
//! implements for the crawl, and what the report says about rendered pages and WAF
//! challenges. The crawl knows only [`Renderer`]; the browser stage implements it.

use super::edge::UrlId;
use serde::{Deserialize, Serialize};
use std::future::Future;
use std::path::PathBuf;
use std::pin::Pin;
use std::time::Duration;
use url::Url;

/// Why a page is rendered in the browser.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RenderReason {
    /// Extraction saw script-built menus or lists, or list containers fed by a data API.
    NeedsJs,
    /// The server answered with a JavaScript challenge (瑞数 412 `$_ts`, 加速乐 521).
    Challenge,
}

/// The DOM a browser built, serialised back to HTML, ready for the same extraction.
#[derive(Debug, Clone)]
pub struct Rendered {
    pub html: String,
    /// The document's URL when rendering ended (after script redirects and challenge reloads).
    pub final_url: Url,
    /// The page answered 2xx in the end (a passed challenge ends on the real page).
    pub status: u16,
}

/// Why a render did not produce a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RenderFailure {
    /// No browser: `--browser off`, or no Chromium found.
    Unavailable,
    /// The per-render time limit ran out.
    Timeout,
    /// The browser process died while rendering; it is restarted for the next page.
    Crashed,
    /// The challenge was still answered after rendering.
    ChallengeNotPassed,
    /// Any other DevTools error.
    Failed,
}

#[derive(Debug, Clone, thiserror::Error)]
#[error("{message}")]
pub struct RenderError {
    pub kind: RenderFailure,
    pub message: String,
}

pub type RenderFuture<'a> =
    Pin<Box<dyn Future<Output = Result<Rendered, RenderError>> + Send + 'a>>;

/// The HTTP answer the crawl already has for the page: the browser is given it instead of
/// requesting the page a second time.
#[derive(Debug, Clone)]
pub struct FirstAnswer {
    pub status: u16,
    pub content_type: Option<String>,
    pub body: bytes::Bytes,
}

pub type ShotFuture<'a> = Pin<Box<dyn Future<Output = Result<Vec<u8>, RenderError>> + Send + 'a>>;

/// What the browser saw of one image, video or audio element of a page it played.
#[derive(Debug, Clone, PartialEq)]
pub struct PlayedElement {
    /// The element's `currentSrc` (after lazy-load attributes and players set it).
    pub url: Url,
    /// `img`, `video` or `audio`.
    pub tag: String,
    /// `Some(true)`: the image decoded (`naturalWidth > 0`) or the media reached
    /// `readyState >= 2`; `Some(false)`: an error event, or a complete image with no pixels;
    /// `None`: still loading when the time ran out, or its bytes were cut at the size cap.
    pub decoded: Option<bool>,
    /// What the browser reported (`naturalWidth 0`, `MediaError 4 …`, `readyState 1` …).
    pub detail: String,
    /// The element was built by a script (absent from the HTTP answer's markup) or sits in a
    /// same-origin frame (a player page).
    pub via: PlayVia,
}

/// Where a played element came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlayVia {
    /// In the page's own DOM.
    Page,
    /// In a frame of the page (an iframe player page).
    Frame,
}

pub type PlayFuture<'a> =
    Pin<Box<dyn Future<Output = Result<Vec<PlayedElement>, RenderError>> + Send + 'a>>;

/// Renders pages in a browser whose requests go through the run's polite fetcher.
pub trait Renderer: Send + Sync {
    fn render<'a>(
        &'a self,
        url: &'a Url,
        reason: RenderReason,
        first: Option<FirstAnswer>,
    ) -> RenderFuture<'a>;

    /// A PNG of the page as a citizen's browser shows it (stylesheets and images loaded),
    /// with the first element whose text contains `focus` scrolled into view and outlined;
    /// the full page when there is no focus or it is not found.
    fn screenshot<'a>(&'a self, url: &'a Url, focus: Option<&'a str>) -> ShotFuture<'a> {
        let _ = (url, focus);
        Box::pin(async {
            Err(RenderError {
                kind: RenderFailure::Unavailable,
                message: "this renderer takes no screenshots".into(),
            })
        })
    }

    /// Load the page with its images and media (lazy-loaded and `preload="none"` elements
    /// loaded explicitly, same-origin player frames included) and report, per element,
    /// whether it decoded.
    fn play<'a>(&'a self, url: &'a Url) -> PlayFuture<'a> {
        let _ = url;
        Box::pin(async {
            Err(RenderError {
                kind: RenderFailure::Unavailable,
                message: "this renderer plays no media".into(),
            })
        })
    }
}

/// One media element the browser played on a page, as kept in the site graph
/// (`site-graph.json` `played`); the verification outcome of its URL takes the browser's
/// verdict where the bytes looked right but did not decode.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Played {
    pub page: UrlId,
    pub url: UrlId,
    pub tag: String,
    pub decoded: Option<bool>,
    pub detail: String,
    pub via: PlayVia,
}

/// A host whose pages answered a JavaScript challenge, and what came of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChallengeRecord {
    pub host: String,
    /// Which WAF (`瑞数 412`, `加速乐 521` …), as the classifier named it.
    pub kind: String,
    /// The challenge was passed in the browser and the crawl continued with its cookies.
    pub passed: bool,
    /// The pages that answered with the challenge.
    pub pages: Vec<UrlId>,
}

/// A page the browser could not render (time limit, crash …): checked from its HTTP answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RenderProblem {
    pub url: UrlId,
    pub reason: RenderReason,
    pub failure: RenderFailure,
    pub message: String,
}

/// Settings of the browser stage.
#[derive(Debug, Clone, PartialEq)]
pub struct BrowserSettings {
    /// The Chromium executable.
    pub executable: PathBuf,
    /// Pages rendered at once (tabs of the one browser process).
    pub tabs: usize,
    /// Time limit of one render (load, scripts, data requests, challenge reload).
    pub render_timeout: Duration,
    /// Hosts the browser may request besides the rendered page's own (the crawl's scope).
    pub hosts: Vec<String>,
    /// HTML body cap for documents and scripts the browser loads.
    pub max_body: u64,
    /// Screenshots of failing evidence pages taken at most per site (0 = none).
    pub screenshots: usize,
    /// Pages whose images and media are played in the browser at most per site (0 = none).
    pub play_pages: usize,
}
