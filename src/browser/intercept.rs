//! Every request a rendering tab makes is paused (DevTools Fetch domain) and answered here:
//! requests to the page's host and the crawl's hosts go through the run's [`Fetcher`]
//! (per-host rate limit, concurrency cap, robots.txt, routes, cookie jar); requests to other
//! hosts, and for images, media, fonts and stylesheets unless the tab takes a picture
//! ([`TabMode::Shot`]) or plays the page's media ([`TabMode::Play`]), are refused without
//! touching the network. Cookies a script set in the browser are copied into the fetcher's jar before each
//! request, so a challenge's retry carries the cookie it earned, and so does the rest of the
//! crawl.

use crate::fetch::{FetchOpts, Fetcher};
use crate::model::FirstAnswer;
use crate::model::bare_host as bare;
use base64::Engine;
use chromiumoxide::Page;
use chromiumoxide::cdp::browser_protocol::fetch::{
    ContinueRequestParams, EventRequestPaused, FailRequestParams, FulfillRequestParams, HeaderEntry,
};
use chromiumoxide::cdp::browser_protocol::network::{ErrorReason, GetCookiesParams, ResourceType};
use futures::StreamExt;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU16, AtomicU32, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use url::Url;

/// What a tab loads besides documents, scripts and data requests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum TabMode {
    /// The DOM only: images, media, fonts and stylesheets are refused.
    Dom,
    /// A screenshot: stylesheets, images and fonts of the site's hosts are loaded too.
    Shot,
    /// Media played: images, video and audio of the site's hosts are loaded too (bodies up
    /// to [`PLAY_MAX_BYTES`]).
    Play,
}

/// Body cap of an image, video or audio a playing tab loads; a longer file is cut there and
/// an element that did not decode from its beginning is reported undecided.
pub(super) const PLAY_MAX_BYTES: u64 = 8 * 1024 * 1024;

/// What one rendering tab has seen of its requests.
pub(super) struct Tab {
    fetcher: Arc<Fetcher>,
    hosts: Vec<String>,
    page_host: String,
    max_body: u64,
    in_flight: AtomicUsize,
    last_activity: Mutex<Instant>,
    /// status of the main frame's latest document (0 = none yet)
    doc_status: AtomicU16,
    /// documents answered for the main frame
    docs: AtomicU32,
    /// requests refused (other host, images, media …)
    pub(super) refused: AtomicU32,
    /// answers already in hand (the crawl's own answer for the page, redirected documents),
    /// served once when the browser asks for that URL
    stash: Mutex<HashMap<String, FirstAnswer>>,
    mode: TabMode,
    /// media requests of a playing tab: URL → HTTP status (0 = no answer), cut at the cap
    pub(super) media_answers: Mutex<HashMap<String, (u16, bool)>>,
    /// the frame of the first document: the page's main frame
    main_frame: Mutex<Option<chromiumoxide::cdp::browser_protocol::page::FrameId>>,
}

impl Tab {
    pub(super) fn new(
        fetcher: Arc<Fetcher>,
        hosts: &[String],
        url: &Url,
        max_body: u64,
        first: Option<FirstAnswer>,
        mode: TabMode,
    ) -> Self {
        let mut stash = HashMap::new();
        if let Some(f) = first {
            stash.insert(url.to_string(), f);
        }
        Tab {
            fetcher,
            hosts: hosts.iter().map(|h| bare(h).to_ascii_lowercase()).collect(),
            page_host: bare(url.host_str().unwrap_or_default()).to_ascii_lowercase(),
            max_body,
            in_flight: AtomicUsize::new(0),
            last_activity: Mutex::new(Instant::now()),
            doc_status: AtomicU16::new(0),
            docs: AtomicU32::new(0),
            refused: AtomicU32::new(0),
            stash: Mutex::new(stash),
            main_frame: Mutex::new(None),
            mode,
            media_answers: Mutex::new(HashMap::new()),
        }
    }

    fn allowed_host(&self, url: &Url) -> bool {
        let h = bare(url.host_str().unwrap_or_default()).to_ascii_lowercase();
        h == self.page_host || self.hosts.contains(&h)
    }

    fn touch(&self) {
        *self.last_activity.lock().unwrap_or_else(|e| e.into_inner()) = Instant::now();
    }

    pub(super) fn doc_status(&self) -> u16 {
        self.doc_status.load(Ordering::Relaxed)
    }

    /// Wait until a document has been answered and no request has been in flight for
    /// `quiet` (scripts ran, data requests came back, a challenge reload happened).
    pub(super) async fn settle(&self, quiet: Duration) {
        loop {
            tokio::time::sleep(Duration::from_millis(100)).await;
            let idle = self
                .last_activity
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .elapsed();
            if self.docs.load(Ordering::Relaxed) > 0
                && self.in_flight.load(Ordering::Relaxed) == 0
                && idle >= quiet
            {
                return;
            }
        }
    }
}

/// Answer the tab's paused requests until the stream ends (the tab is closed).
pub(super) async fn serve(
    page: Page,
    mut events: impl futures::Stream<Item = Arc<EventRequestPaused>> + Unpin,
    tab: Arc<Tab>,
) {
    let mut tasks = tokio::task::JoinSet::new();
    while let Some(ev) = events.next().await {
        tasks.spawn(answer(page.clone(), ev, tab.clone()));
        while tasks.try_join_next().is_some() {}
    }
}

async fn refuse(page: &Page, ev: &EventRequestPaused, reason: ErrorReason) {
    let _ = page
        .execute(FailRequestParams::new(ev.request_id.clone(), reason))
        .await;
}

/// Copy the browser's cookies for `url` into the fetcher's jar.
pub(super) async fn sync_cookies(page: &Page, fetcher: &Fetcher, url: &Url) {
    let params = GetCookiesParams::builder()
        .urls(vec![url.to_string()])
        .build();
    if let Ok(res) = page.execute(params).await {
        for c in &res.result.cookies {
            fetcher.add_cookie(&format!("{}={}; Path={}", c.name, c.value, c.path), url);
        }
    }
}

async fn answer(page: Page, ev: Arc<EventRequestPaused>, tab: Arc<Tab>) {
    let Ok(url) = Url::parse(&ev.request.url) else {
        return refuse(&page, &ev, ErrorReason::AddressUnreachable).await;
    };
    match url.scheme() {
        "http" | "https" => {}
        "data" | "blob" | "about" => {
            let _ = page
                .execute(ContinueRequestParams::new(ev.request_id.clone()))
                .await;
            return;
        }
        _ => return refuse(&page, &ev, ErrorReason::BlockedByClient).await,
    }
    let kind = ev.resource_type.clone();
    let looks = matches!(
        kind,
        ResourceType::Image | ResourceType::Font | ResourceType::Stylesheet
    );
    let media = matches!(kind, ResourceType::Image | ResourceType::Media);
    let skipped = (looks && tab.mode == TabMode::Dom)
        || (kind == ResourceType::Media && tab.mode != TabMode::Play)
        || matches!(
            kind,
            ResourceType::Ping
                | ResourceType::CspViolationReport
                | ResourceType::Prefetch
                | ResourceType::Manifest
                | ResourceType::TextTrack
                | ResourceType::WebSocket
                | ResourceType::EventSource
        );
    if skipped || !tab.allowed_host(&url) {
        tab.refused.fetch_add(1, Ordering::Relaxed);
        return refuse(&page, &ev, ErrorReason::BlockedByClient).await;
    }
    tab.in_flight.fetch_add(1, Ordering::Relaxed);
    tab.touch();
    let is_doc = kind == ResourceType::Document;
    let main_doc = is_doc && {
        let mut m = tab.main_frame.lock().unwrap_or_else(|e| e.into_inner());
        m.get_or_insert_with(|| ev.frame_id.clone()) == &ev.frame_id
    };
    sync_cookies(&page, &tab.fetcher, &url).await;
    let stashed = tab
        .stash
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .remove(url.as_str());
    let outcome = match stashed {
        Some(a) => Ok((url.clone(), a)),
        None => {
            let played = media && tab.mode == TabMode::Play;
            let opts = FetchOpts {
                max_body: if played { PLAY_MAX_BYTES } else { tab.max_body },
                ..Default::default()
            };
            let fetched = tab.fetcher.fetch(&url, &opts).await;
            if played {
                let answer = match &fetched {
                    Ok(f) => (f.status, f.truncated),
                    Err(e) => (e.status.unwrap_or(0), false),
                };
                tab.media_answers
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .insert(url.to_string(), answer);
            }
            fetched.map(|f| {
                (
                    f.final_url,
                    FirstAnswer {
                        status: f.status,
                        content_type: f.content_type,
                        body: f.body,
                    },
                )
            })
        }
    };
    match outcome {
        Ok((final_url, a)) if is_doc && final_url != url => {
            // let the browser follow the redirect, so relative URLs resolve as on the site
            let location = final_url.to_string();
            tab.stash
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .insert(location.clone(), a);
            let params = FulfillRequestParams::builder()
                .request_id(ev.request_id.clone())
                .response_code(302)
                .response_header(HeaderEntry::new("Location", location))
                .build();
            if let Ok(p) = params {
                let _ = page.execute(p).await;
            }
        }
        Ok((_, a)) => {
            if main_doc {
                tab.doc_status.store(a.status, Ordering::Relaxed);
                tab.docs.fetch_add(1, Ordering::Relaxed);
            }
            let mut params = FulfillRequestParams::builder()
                .request_id(ev.request_id.clone())
                .response_code(a.status as i64)
                .body(base64::engine::general_purpose::STANDARD.encode(&a.body));
            if let Some(ct) = &a.content_type {
                params = params.response_header(HeaderEntry::new("Content-Type", ct.clone()));
            }
            if let Ok(p) = params.build() {
                let _ = page.execute(p).await;
            }
        }
        Err(e) => {
            if main_doc {
                tab.doc_status
                    .store(e.status.unwrap_or(0), Ordering::Relaxed);
                tab.docs.fetch_add(1, Ordering::Relaxed);
            }
            let reason = match e.class {
                crate::model::ErrorClass::Robots => ErrorReason::BlockedByClient,
                crate::model::ErrorClass::Timeout => ErrorReason::TimedOut,
                _ => ErrorReason::Failed,
            };
            refuse(&page, &ev, reason).await;
        }
    }
    tab.in_flight.fetch_sub(1, Ordering::Relaxed);
    tab.touch();
}
