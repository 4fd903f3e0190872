//! One Chromium process for the run: started on the first render, started again after a
//! crash (the page being rendered is reported `crashed`), at most `tabs` pages at once,
//! each render within the time limit. A render opens a tab, navigates, waits until the
//! page's scripts and data requests have settled, and reads the DOM back as HTML.

use super::BrowserSettings;
use super::intercept::{Tab, TabMode, serve, sync_cookies};
use crate::fetch::Fetcher;
use crate::model::{
    FirstAnswer, PlayFuture, PlayedElement, RenderError, RenderFailure, RenderFuture, RenderReason,
    Rendered, Renderer, ShotFuture,
};
use chromiumoxide::browser::{Browser, BrowserConfig};
use chromiumoxide::cdp::browser_protocol::fetch::EventRequestPaused;
use chromiumoxide::cdp::browser_protocol::page::NavigateParams;
use futures::StreamExt;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;
use tokio::sync::{Mutex, Semaphore};
use url::Url;

/// Launches after which a browser that keeps failing to start is given up for the run.
const MAX_LAUNCHES: u32 = 5;

/// Failed challenge renders after which a host's challenges are not rendered any more.
const MAX_CHALLENGE_FAILURES: u32 = 2;

/// Flags that work headless as root in containers; Chromium resolves no name itself (every
/// request is answered by the fetcher).
const ARGS: &[&str] = &[
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--disable-dev-shm-usage",
    "--host-resolver-rules=MAP * ~NOTFOUND",
];

struct Instance {
    browser: Arc<Browser>,
    handler: tokio::task::JoinHandle<()>,
    dir: PathBuf,
}

impl Drop for Instance {
    fn drop(&mut self) {
        self.handler.abort();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// One Chromium process and its tabs, shared by the renderers of every site of a batch
/// (each site's renderer answers its tabs' requests with its own fetcher): a batch of
/// dozens of sites starts one browser, not one per site.
pub struct BrowserProcess {
    executable: PathBuf,
    request_timeout: Duration,
    tabs: Semaphore,
    instance: Mutex<Option<Instance>>,
    launches: AtomicU32,
}

impl BrowserProcess {
    pub fn new(settings: &BrowserSettings) -> Self {
        BrowserProcess {
            executable: settings.executable.clone(),
            request_timeout: settings.render_timeout,
            tabs: Semaphore::new(settings.tabs.max(1)),
            instance: Mutex::new(None),
            launches: AtomicU32::new(0),
        }
    }
}

/// The [`Renderer`] of a run: headless Chromium, requests answered by the fetcher.
pub struct ChromiumRenderer {
    settings: BrowserSettings,
    fetcher: Arc<Fetcher>,
    process: Arc<BrowserProcess>,
    /// challenge renders that failed, by host
    challenge_failures: std::sync::Mutex<std::collections::HashMap<String, u32>>,
    /// pages rendered, for the log
    pub rendered: AtomicU32,
}

/// A task aborted when its handle is dropped.
struct AbortOnDrop(tokio::task::JoinHandle<()>);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// What a render is for.
#[derive(Clone, Copy)]
enum Job<'a> {
    /// The DOM, for extraction.
    Dom,
    /// A PNG, focused on the text given, if any.
    Shot(Option<&'a str>),
    /// The page's images and media loaded and played.
    Play,
}

/// What a render brought besides the document's status and URL.
enum Extra {
    Nothing,
    Png(Vec<u8>),
    Played(Vec<PlayedElement>),
}

pub(super) fn err(kind: RenderFailure, message: impl Into<String>) -> RenderError {
    RenderError {
        kind,
        message: message.into(),
    }
}

impl ChromiumRenderer {
    /// A renderer with a browser process of its own.
    pub fn new(settings: BrowserSettings, fetcher: Arc<Fetcher>) -> Self {
        let process = Arc::new(BrowserProcess::new(&settings));
        Self::on(process, settings, fetcher)
    }

    /// A renderer whose tabs open in `process` (shared with other sites' renderers).
    pub fn on(
        process: Arc<BrowserProcess>,
        settings: BrowserSettings,
        fetcher: Arc<Fetcher>,
    ) -> Self {
        ChromiumRenderer {
            settings,
            fetcher,
            process,
            challenge_failures: Default::default(),
            rendered: AtomicU32::new(0),
        }
    }

    /// The running browser, started (again) when there is none or it died.
    async fn browser(&self) -> Result<Arc<Browser>, RenderError> {
        let p = &self.process;
        let mut slot = p.instance.lock().await;
        if let Some(i) = slot.as_ref()
            && !i.handler.is_finished()
        {
            return Ok(i.browser.clone());
        }
        *slot = None;
        let n = p.launches.fetch_add(1, Ordering::Relaxed);
        if n >= MAX_LAUNCHES {
            return Err(err(
                RenderFailure::Unavailable,
                format!("Chromium failed {MAX_LAUNCHES} times; no more renders in this run"),
            ));
        }
        let dir = std::env::temp_dir().join(format!("zwgk-chromium-{}-{n}", std::process::id()));
        let config = BrowserConfig::builder()
            .chrome_executable(&p.executable)
            .no_sandbox()
            .enable_request_intercept()
            .disable_cache()
            .user_data_dir(&dir)
            .args(ARGS.iter().copied())
            .launch_timeout(Duration::from_secs(30))
            .request_timeout(p.request_timeout)
            .build()
            .map_err(|e| err(RenderFailure::Unavailable, e))?;
        let (browser, mut handler) = Browser::launch(config).await.map_err(|e| {
            err(
                RenderFailure::Unavailable,
                format!("Chromium {} did not start: {e}", p.executable.display()),
            )
        })?;
        let handler = tokio::spawn(async move {
            // the handler ends, or errs without pause, when the connection to the browser is
            // gone; a single error (an event this protocol revision does not know) is not fatal
            let mut errors = 0u32;
            while let Some(ev) = handler.next().await {
                if ev.is_err() {
                    errors += 1;
                    if errors >= 50 {
                        break;
                    }
                } else {
                    errors = 0;
                }
            }
        });
        if n > 0 {
            tracing::warn!("Chromium restarted (launch {})", n + 1);
        } else {
            tracing::info!("Chromium started: {}", p.executable.display());
        }
        let browser = Arc::new(browser);
        *slot = Some(Instance {
            browser: browser.clone(),
            handler,
            dir,
        });
        Ok(browser)
    }

    async fn browser_died(&self) -> bool {
        let slot = self.process.instance.lock().await;
        slot.as_ref().is_none_or(|i| i.handler.is_finished())
    }

    /// Render a page for `job`: its DOM, a PNG, or its media played.
    async fn render_page(
        &self,
        url: &Url,
        reason: RenderReason,
        first: Option<FirstAnswer>,
        job: Job<'_>,
    ) -> Result<(Rendered, Extra), RenderError> {
        if reason == RenderReason::Challenge {
            let host = url.host_str().unwrap_or_default();
            let failed = self
                .challenge_failures
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .get(host)
                .copied()
                .unwrap_or(0);
            if failed >= MAX_CHALLENGE_FAILURES {
                return Err(err(
                    RenderFailure::ChallengeNotPassed,
                    format!("{host}: the challenge failed {failed} times; not tried again"),
                ));
            }
        }
        let _tab_slot = self.process.tabs.acquire().await.ok();
        let browser = self.browser().await?;
        let page = browser
            .new_page("about:blank")
            .await
            .map_err(|e| err(RenderFailure::Failed, format!("new tab: {e}")))?;
        let tab = Arc::new(Tab::new(
            self.fetcher.clone(),
            &self.settings.hosts,
            url,
            self.settings.max_body,
            first,
            match job {
                Job::Dom => TabMode::Dom,
                Job::Shot(_) => TabMode::Shot,
                Job::Play => TabMode::Play,
            },
        ));
        let events = page
            .event_listener::<EventRequestPaused>()
            .await
            .map_err(|e| err(RenderFailure::Failed, format!("interception: {e}")))?;
        // answering the tab's requests ends with the render, also when the render is dropped
        // (Ctrl-C): no request is made for a tab nobody waits for
        let server = AbortOnDrop(tokio::spawn(serve(page.clone(), events, tab.clone())));
        let limit = self.settings.render_timeout;
        let work = async {
            page.execute(NavigateParams::new(url.as_str()))
                .await
                .map_err(|e| err(RenderFailure::Failed, format!("navigate: {e}")))?;
            tab.settle(Duration::from_millis(600)).await;
            if reason == RenderReason::Challenge && !(200..300).contains(&tab.doc_status()) {
                // a challenge script may wait before it reloads
                tokio::time::sleep(Duration::from_millis(1500)).await;
                tab.settle(Duration::from_millis(600)).await;
            }
            // a screenshot or a playback needs no DOM (the page was extracted already)
            let html: String = if !matches!(job, Job::Dom) {
                String::new()
            } else {
                page.evaluate("document.documentElement.outerHTML")
                    .await
                    .map_err(|e| err(RenderFailure::Failed, format!("read DOM: {e}")))?
                    .into_value()
                    .map_err(|e| err(RenderFailure::Failed, format!("read DOM: {e}")))?
            };
            let href: String = page
                .evaluate("location.href")
                .await
                .ok()
                .and_then(|v| v.into_value().ok())
                .unwrap_or_default();
            let final_url = Url::parse(&href)
                .ok()
                .filter(|u| u.scheme().starts_with("http"))
                .unwrap_or_else(|| url.clone());
            sync_cookies(&page, &self.fetcher, &final_url).await;
            let extra = match job {
                Job::Dom => Extra::Nothing,
                Job::Shot(focus) => Extra::Png(capture(&page, focus).await?),
                // leave the play at most half the time limit, so its results come back
                Job::Play => Extra::Played(super::play::play(&page, &tab, limit / 2).await?),
            };
            Ok::<_, RenderError>((
                Rendered {
                    status: tab.doc_status(),
                    html,
                    final_url,
                },
                extra,
            ))
        };
        let res = tokio::time::timeout(limit, work).await;
        let _ = tokio::time::timeout(Duration::from_secs(5), page.close()).await;
        drop(server);
        let (rendered, extra) = match res {
            Err(_) => Err(err(
                RenderFailure::Timeout,
                format!("render took longer than {} s", limit.as_secs_f64()),
            )),
            Ok(r) => r,
        }?;
        if reason == RenderReason::Challenge && !(200..300).contains(&rendered.status) {
            let host = url.host_str().unwrap_or_default().to_string();
            *self
                .challenge_failures
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .entry(host)
                .or_default() += 1;
            return Err(err(
                RenderFailure::ChallengeNotPassed,
                format!(
                    "still HTTP {} after running the challenge script",
                    rendered.status
                ),
            ));
        }
        if matches!(job, Job::Dom) {
            self.rendered.fetch_add(1, Ordering::Relaxed);
        }
        Ok((rendered, extra))
    }

    /// A render error, or `Crashed` when the browser died during it.
    async fn classify(&self, e: RenderError) -> RenderError {
        if e.kind != RenderFailure::Unavailable && self.browser_died().await {
            err(
                RenderFailure::Crashed,
                format!(
                    "Chromium crashed while rendering ({}); restarted for the next page",
                    e.message
                ),
            )
        } else {
            e
        }
    }
}

/// Viewport of screenshots: a desktop browser window.
const SHOT_WIDTH: u32 = 1280;
const SHOT_HEIGHT: u32 = 900;
/// A full-page PNG larger than this is taken again as the first screen only.
const MAX_SHOT_BYTES: usize = 4 * 1024 * 1024;

/// Finds the element to outline: of the elements whose text contains the focus text, the
/// first outside the site template (header, navigation, footer, sidebars and link boxes, by
/// tag or by id/class), else the first anywhere; scrolls it into view and outlines it.
const FOCUS_JS: &str = r#"(function(t){
var TEMPLATE=/(^|[-_ ])(nav|menu|head|header|top|foot|footer|bottom|side|sidebar|aside|banner|links?|xglj|rdxx|copyright)([-_ 0-9]|$)/i;
function templ(e){for(;e&&e!==document.body;e=e.parentElement){var n=e.tagName;if(n==='HEADER'||n==='NAV'||n==='FOOTER'||n==='ASIDE')return true;var c=(e.id||'')+' '+(typeof e.className==='string'?e.className:'');if(TEMPLATE.test(e.id||'')||c.split(/\s+/).some(function(x){return TEMPLATE.test(x);}))return true;}return false;}
var w=document.createTreeWalker(document.body||document.documentElement,NodeFilter.SHOW_TEXT);var n,first=null,best=null;
while((n=w.nextNode())){if(n.nodeValue&&n.nodeValue.indexOf(t)>=0&&n.parentElement){var e=n.parentElement;if(!first)first=e;if(!templ(e)){best=e;break;}}}
var e=best||first;if(!e)return false;e.scrollIntoView({block:'center'});e.style.outline='3px solid #d00';e.style.outlineOffset='2px';return true;
})"#;

/// Scroll the element whose text contains `focus` (see [`FOCUS_JS`]) into view and outline
/// it, then take the PNG: that screen when it was found, else the whole page (the first
/// screen when the whole page is too large).
async fn capture(page: &chromiumoxide::Page, focus: Option<&str>) -> Result<Vec<u8>, RenderError> {
    use chromiumoxide::cdp::browser_protocol::emulation::SetDeviceMetricsOverrideParams;
    use chromiumoxide::cdp::browser_protocol::page::CaptureScreenshotFormat;
    use chromiumoxide::page::ScreenshotParams;
    let shot_err =
        |e: chromiumoxide::error::CdpError| err(RenderFailure::Failed, format!("screenshot: {e}"));
    let metrics =
        SetDeviceMetricsOverrideParams::new(SHOT_WIDTH as i64, SHOT_HEIGHT as i64, 1.0, false);
    page.execute(metrics).await.map_err(shot_err)?;
    let found = match focus {
        Some(text) => {
            let js = format!(
                "{FOCUS_JS}({})",
                serde_json::to_string(text).unwrap_or_else(|_| "\"\"".into())
            );
            page.evaluate(js)
                .await
                .ok()
                .and_then(|v| v.into_value::<bool>().ok())
                .unwrap_or(false)
        }
        None => false,
    };
    let params = |full: bool| {
        ScreenshotParams::builder()
            .format(CaptureScreenshotFormat::Png)
            .full_page(full)
            .build()
    };
    let png = page.screenshot(params(!found)).await.map_err(shot_err)?;
    if png.len() > MAX_SHOT_BYTES && !found {
        return page.screenshot(params(false)).await.map_err(shot_err);
    }
    Ok(png)
}

impl Renderer for ChromiumRenderer {
    fn render<'a>(
        &'a self,
        url: &'a Url,
        reason: RenderReason,
        first: Option<FirstAnswer>,
    ) -> RenderFuture<'a> {
        Box::pin(async move {
            match self.render_page(url, reason, first, Job::Dom).await {
                Ok((r, _)) => Ok(r),
                Err(e) => Err(self.classify(e).await),
            }
        })
    }

    fn screenshot<'a>(&'a self, url: &'a Url, focus: Option<&'a str>) -> ShotFuture<'a> {
        Box::pin(async move {
            match self
                .render_page(url, RenderReason::NeedsJs, None, Job::Shot(focus))
                .await
            {
                Ok((_, Extra::Png(png))) => Ok(png),
                Ok(_) => Err(err(RenderFailure::Failed, "no screenshot taken")),
                Err(e) => Err(self.classify(e).await),
            }
        })
    }

    fn play<'a>(&'a self, url: &'a Url) -> PlayFuture<'a> {
        Box::pin(async move {
            match self
                .render_page(url, RenderReason::NeedsJs, None, Job::Play)
                .await
            {
                Ok((r, _)) if !(200..300).contains(&r.status) => {
                    Err(err(RenderFailure::Failed, format!("HTTP {}", r.status)))
                }
                Ok((_, Extra::Played(p))) => Ok(p),
                Ok(_) => Err(err(RenderFailure::Failed, "nothing played")),
                Err(e) => Err(self.classify(e).await),
            }
        })
    }
}
