//! Browser stage: pages that need JavaScript, and WAF challenges, rendered in headless
//! Chromium over the DevTools protocol (chromiumoxide), for the crawl's [`Renderer`] seam.
//!
//! The browser never touches the network itself: every request it makes is paused with the
//! protocol's Fetch domain ([`intercept`]) and answered by the run's polite [`Fetcher`] (the
//! same per-host rate limit, concurrency cap, robots.txt, `--resolve`/`--no-dns` routes and
//! cookie jar as every other request), or refused: other hosts, images, media and fonts.
//! One browser process is started on the first render and reused; at most `tabs` pages
//! render at once, each within `render_timeout`; a crashed browser is started again for the
//! next page and the page it was rendering is reported. A batch shares one browser
//! process between its sites ([`SharedBrowser`]); each site's tabs are answered by that
//! site's own fetcher.
//!
//! Besides rendering DOMs, the browser takes evidence screenshots and plays media
//! ([`play`]): a page's images, video and audio loaded as a citizen's browser loads them,
//! recorded as decoding or not.

mod find;
#[cfg(feature = "browser")]
mod intercept;
#[cfg(feature = "browser")]
mod play;
#[cfg(feature = "browser")]
mod pool;

pub use find::{BrowserMode, find_chromium};

pub use crate::model::BrowserSettings;

#[cfg(feature = "browser")]
pub use pool::ChromiumRenderer;

/// One browser process for many sites (a batch): made once, handed to each site's run.
pub struct SharedBrowser {
    #[cfg(feature = "browser")]
    process: std::sync::Arc<pool::BrowserProcess>,
}

impl SharedBrowser {
    /// A browser process (started on its first render) for the given settings.
    pub fn new(settings: &BrowserSettings) -> Self {
        #[cfg(not(feature = "browser"))]
        let _ = settings;
        SharedBrowser {
            #[cfg(feature = "browser")]
            process: std::sync::Arc::new(pool::BrowserProcess::new(settings)),
        }
    }
}

impl std::fmt::Debug for SharedBrowser {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SharedBrowser")
    }
}

/// Why no renderer could be made.
#[derive(Debug, thiserror::Error)]
pub enum BrowserSetupError {
    #[error("this zwgk was built without the `browser` feature")]
    NotBuilt,
}

/// The renderer for a run (its tabs in `shared` when given, else in a browser of its
/// own), or why there is none.
#[cfg(feature = "browser")]
pub fn renderer(
    settings: BrowserSettings,
    fetcher: std::sync::Arc<crate::fetch::Fetcher>,
    shared: Option<&SharedBrowser>,
) -> Result<std::sync::Arc<dyn crate::model::Renderer>, BrowserSetupError> {
    Ok(std::sync::Arc::new(match shared {
        Some(s) => ChromiumRenderer::on(s.process.clone(), settings, fetcher),
        None => ChromiumRenderer::new(settings, fetcher),
    }))
}

/// The renderer for a run, or why there is none.
#[cfg(not(feature = "browser"))]
pub fn renderer(
    _settings: BrowserSettings,
    _fetcher: std::sync::Arc<crate::fetch::Fetcher>,
    _shared: Option<&SharedBrowser>,
) -> Result<std::sync::Arc<dyn crate::model::Renderer>, BrowserSetupError> {
    Err(BrowserSetupError::NotBuilt)
}
