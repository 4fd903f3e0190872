//! Fetch stage: one polite HTTP client per run.
//!
//! Every request goes through [`Fetcher::fetch`]: robots.txt check, per-host gate
//! (governor rate limit + concurrency cap), timeout, retries with exponential backoff and
//! jitter (timeouts, connection errors, 5xx, 408, 429), `Retry-After` (capped), manual
//! redirect following with the chain recorded and loops detected, a body size cap, and
//! classification of failures into [`ErrorClass`] (TLS, DNS, WAF challenge … never
//! "page missing" for a firewall).

mod classify;
mod client;
mod gate;
mod retry;
pub mod robots;
mod route;
pub mod tls;

pub use classify::{classify_reqwest, detect_waf};
pub use client::{ResolveEntry, ResolveParseError};
pub use retry::parse_retry_after;
pub use route::{ConnectTo, ConnectToParseError};
pub use tls::{TlsIssue, TlsProblem};

use crate::i18n::Lang;
use crate::model::ErrorClass;
use bytes::Bytes;
use futures::StreamExt;
use gate::HostGates;
use robots::RobotsCache;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};
use thiserror::Error;
use url::Url;

/// Default User-Agent: names the tool honestly.
pub const DEFAULT_USER_AGENT: &str = concat!(
    "zwgk/",
    env!("CARGO_PKG_VERSION"),
    " (government-openness compliance crawler; respects robots.txt)"
);

/// The robots.txt product token zwgk obeys.
pub const ROBOTS_AGENT: &str = "zwgk";

/// Politeness and robustness settings of the fetch stage.
#[derive(Debug, Clone)]
pub struct FetchConfig {
    pub user_agent: String,
    /// Whole-request timeout (headers and body).
    pub timeout: Duration,
    pub connect_timeout: Duration,
    /// Requests per second per host; 0 = unlimited.
    pub rate: f64,
    /// Concurrent requests per host.
    pub per_host: usize,
    /// Retries after the first attempt for transient failures.
    pub retries: u32,
    /// Longest `Retry-After` honoured; longer waits give up with [`ErrorClass::RateLimited`].
    pub max_retry_after: Duration,
    /// First backoff delay (doubled each retry, with jitter).
    pub backoff_base: Duration,
    pub max_redirects: usize,
    pub respect_robots: bool,
    /// curl-style `--resolve` mappings: HOST on PORT is at ADDR.
    pub resolve: Vec<ResolveEntry>,
    /// curl-style `--connect-to` mappings: requests for HOST1:PORT1 go to HOST2:PORT2
    /// under the same URL and Host header.
    pub connect_to: Vec<ConnectTo>,
    /// Refuse DNS lookups for hosts not in `resolve` (air-gapped runs, tests).
    pub no_dns: bool,
    /// Language of the error messages recorded for the report.
    pub lang: Lang,
}

impl Default for FetchConfig {
    fn default() -> Self {
        FetchConfig {
            user_agent: DEFAULT_USER_AGENT.to_string(),
            timeout: Duration::from_secs(30),
            connect_timeout: Duration::from_secs(10),
            rate: 3.0,
            per_host: 2,
            retries: 2,
            max_retry_after: Duration::from_secs(60),
            backoff_base: Duration::from_millis(500),
            max_redirects: 10,
            respect_robots: true,
            resolve: Vec::new(),
            connect_to: Vec::new(),
            no_dns: false,
            lang: Lang::Zh,
        }
    }
}

/// Per-request options.
#[derive(Debug, Clone, Default)]
pub struct FetchOpts {
    /// Body size cap in bytes; the body is cut there and `truncated` set.
    pub max_body: u64,
    /// Do not download bodies of non-HTML responses (attachments linked as pages).
    pub html_only: bool,
    /// Send `Range: bytes=0-N` (media verification); 206 and 200 are both accepted.
    pub range: Option<u64>,
    /// Conditional request validators from a previous run.
    pub if_none_match: Option<String>,
    pub if_modified_since: Option<String>,
}

/// A response that arrived (any status).
#[derive(Debug, Clone)]
pub struct Fetched {
    pub final_url: Url,
    /// Redirect hops after the requested URL, ending with `final_url` (empty when none).
    pub redirects: Vec<Url>,
    pub status: u16,
    pub content_type: Option<String>,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    pub body: Bytes,
    pub truncated: bool,
    /// Full size of the resource: the total of `Content-Range`, else `Content-Length` of a 200.
    pub total_len: Option<u64>,
    pub elapsed: Duration,
    /// Attempts beyond the first.
    pub retries: u32,
}

/// A request that produced no usable response.
#[derive(Debug, Clone, Error)]
#[error("{message}")]
pub struct FetchError {
    pub class: ErrorClass,
    pub status: Option<u16>,
    pub message: String,
    pub redirects: Vec<Url>,
}

impl FetchError {
    fn new(class: ErrorClass, message: impl Into<String>) -> Self {
        FetchError {
            class,
            status: None,
            message: message.into(),
            redirects: Vec::new(),
        }
    }
}

/// Errors building the fetcher.
#[derive(Debug, Error)]
pub enum FetchSetupError {
    #[error("cannot build HTTP client: {0}")]
    Client(#[from] reqwest::Error),
    #[error("cannot set up TLS: {0}")]
    Tls(String),
}

/// Running totals across all requests of a run.
#[derive(Debug, Default)]
pub struct FetchCounters {
    pub requests: AtomicU64,
    pub retries: AtomicU64,
    pub bytes: AtomicU64,
}

/// The polite HTTP client.
pub struct Fetcher {
    router: route::Router,
    cfg: FetchConfig,
    gates: HostGates,
    robots: RobotsCache,
    tls: tls::TlsLog,
    notes: std::sync::Mutex<Vec<String>>,
    /// the run's cookie jar, shared with the browser stage (WAF challenge cookies)
    jar: Arc<reqwest::cookie::Jar>,
    pub counters: FetchCounters,
}

impl Fetcher {
    pub fn new(cfg: FetchConfig) -> Result<Arc<Self>, FetchSetupError> {
        let jar = Arc::new(reqwest::cookie::Jar::default());
        let tls = tls::TlsLog::default();
        let client_cfg = cfg.clone();
        let client_tls = tls.clone();
        let client_jar = jar.clone();
        let router = route::Router::new(
            route::Routes {
                connect_to: cfg.connect_to.clone(),
                resolve: cfg.resolve.clone(),
                no_dns: cfg.no_dns,
            },
            Box::new(move |resolver: Arc<dyn reqwest::dns::Resolve>| {
                client::build(&client_cfg, resolver, client_jar.clone(), &client_tls)
            }),
        )?;
        Ok(Arc::new(Fetcher {
            gates: HostGates::new(cfg.rate, cfg.per_host),
            robots: RobotsCache::default(),
            tls,
            notes: Default::default(),
            jar,
            router,
            cfg,
            counters: FetchCounters::default(),
        }))
    }

    pub fn config(&self) -> &FetchConfig {
        &self.cfg
    }

    /// Add a cookie (`name=value; Path=/ …`, as in `Set-Cookie`) for later requests to `url`'s
    /// host: cookies a browser earned by passing a JavaScript challenge.
    pub fn add_cookie(&self, cookie: &str, url: &Url) {
        use reqwest::cookie::CookieStore;
        let header = reqwest::header::HeaderValue::from_str(cookie);
        if let Ok(h) = header {
            self.jar.set_cookies(&mut std::iter::once(&h), url);
        }
    }

    /// Hosts whose certificate failed validation (they were fetched with verification off).
    pub fn tls_problems(&self) -> Vec<TlsProblem> {
        self.tls.problems()
    }

    /// Values a site sent that were out of range and clamped (for the report).
    pub fn notes(&self) -> Vec<String> {
        self.notes.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// Remember a clamped site value (once per text).
    pub(crate) fn note(&self, text: String) {
        let mut n = self.notes.lock().unwrap_or_else(|e| e.into_inner());
        if !n.contains(&text) && n.len() < 100 {
            n.push(text);
        }
    }

    /// Is this URL allowed by the host's robots.txt? (Fetches robots.txt once per origin.)
    pub async fn robots_allowed(&self, url: &Url) -> Result<(), FetchError> {
        if !self.cfg.respect_robots {
            return Ok(());
        }
        let rules = self.robots.get(self, url).await;
        if let Some(delay) = rules.crawl_delay {
            self.gates.apply_crawl_delay(url, delay);
        }
        if rules.allowed(url) {
            Ok(())
        } else {
            Err(FetchError::new(
                ErrorClass::Robots,
                rules.refusal_message(self.cfg.lang),
            ))
        }
    }

    /// Fetch a URL politely: robots, gate, retries, redirects, size cap.
    pub async fn fetch(&self, url: &Url, opts: &FetchOpts) -> Result<Fetched, FetchError> {
        self.robots_allowed(url).await?;
        self.fetch_inner(url, opts, self.cfg.respect_robots).await
    }

    /// Like [`fetch`](Self::fetch) without the robots.txt check (used for robots.txt itself).
    pub(crate) async fn fetch_unchecked(
        &self,
        url: &Url,
        opts: &FetchOpts,
    ) -> Result<Fetched, FetchError> {
        self.fetch_inner(url, opts, false).await
    }

    async fn fetch_inner(
        &self,
        url: &Url,
        opts: &FetchOpts,
        check_robots: bool,
    ) -> Result<Fetched, FetchError> {
        let started = Instant::now();
        let mut current = url.clone();
        let mut chain: Vec<Url> = Vec::new();
        let mut seen = vec![url.to_string()];
        let mut total_retries = 0;
        loop {
            let (resp, retries, permit) =
                self.send_with_retries(&current, opts)
                    .await
                    .map_err(|mut e| {
                        e.redirects = chain.clone();
                        e
                    })?;
            total_retries += retries;
            let status = resp.status().as_u16();
            if (300..400).contains(&status)
                && status != 304
                && let Some(loc) = resp
                    .headers()
                    .get(reqwest::header::LOCATION)
                    .and_then(|v| v.to_str().ok())
            {
                {
                    let next = match current.join(loc.trim()) {
                        Ok(mut u) => {
                            u.set_fragment(None);
                            u
                        }
                        Err(_) => {
                            return Err(FetchError {
                                class: ErrorClass::Other,
                                status: Some(status),
                                message: tr!(
                                    self.cfg.lang,
                                    "重定向地址无效：{loc}",
                                    "invalid redirect Location: {loc}"
                                ),
                                redirects: chain,
                            });
                        }
                    };
                    let key = next.to_string();
                    chain.push(next.clone());
                    if seen.contains(&key) {
                        return Err(FetchError {
                            class: ErrorClass::RedirectLoop,
                            status: Some(status),
                            message: format!(
                                "{}{}",
                                self.cfg.lang.pick("重定向循环：", "redirect loop: "),
                                std::iter::once(url.as_str())
                                    .chain(chain.iter().map(|u| u.as_str()))
                                    .collect::<Vec<_>>()
                                    .join(" -> ")
                            ),
                            redirects: chain,
                        });
                    }
                    if chain.len() > self.cfg.max_redirects {
                        return Err(FetchError {
                            class: ErrorClass::TooManyRedirects,
                            status: Some(status),
                            message: tr!(
                                self.cfg.lang,
                                "重定向超过 {} 次",
                                "more than {} redirects",
                                self.cfg.max_redirects
                            ),
                            redirects: chain,
                        });
                    }
                    seen.push(key);
                    if check_robots {
                        Box::pin(self.robots_allowed(&next))
                            .await
                            .map_err(|mut e| {
                                e.redirects = chain.clone();
                                e
                            })?;
                    }
                    drop(permit);
                    current = next;
                    continue;
                }
            }
            let header = |name: reqwest::header::HeaderName| {
                resp.headers()
                    .get(name)
                    .and_then(|v| v.to_str().ok())
                    .map(str::to_string)
            };
            let content_type = header(reqwest::header::CONTENT_TYPE);
            let etag = header(reqwest::header::ETAG);
            let last_modified = header(reqwest::header::LAST_MODIFIED);
            let total_len = header(reqwest::header::CONTENT_RANGE)
                .and_then(|v| v.rsplit_once('/').and_then(|(_, t)| t.trim().parse().ok()))
                .or_else(|| {
                    if status == 206 {
                        None
                    } else {
                        resp.content_length()
                    }
                });
            let skip_body = opts.html_only
                && content_type.as_deref().is_some_and(|ct| {
                    let ct = ct.to_ascii_lowercase();
                    !(ct.contains("html") || ct.starts_with("text/") || ct.contains("xml"))
                });
            let cap = if skip_body { 1 } else { opts.max_body };
            let (body, truncated) = read_capped(resp, cap).await.map_err(|mut e| {
                e.redirects = chain.clone();
                e
            })?;
            drop(permit);
            self.counters
                .bytes
                .fetch_add(body.len() as u64, Ordering::Relaxed);
            return Ok(Fetched {
                final_url: current,
                redirects: chain,
                status,
                content_type,
                etag,
                last_modified,
                body,
                truncated,
                total_len,
                elapsed: started.elapsed(),
                retries: total_retries,
            });
        }
    }

    /// One hop: gate, send, retry transient failures. Returns the response (headers read).
    async fn send_with_retries(
        &self,
        url: &Url,
        opts: &FetchOpts,
    ) -> Result<(reqwest::Response, u32, tokio::sync::OwnedSemaphorePermit), FetchError> {
        let gate = self.gates.gate(url);
        let mut attempt: u32 = 0;
        loop {
            let permit = gate.acquire().await;
            self.counters.requests.fetch_add(1, Ordering::Relaxed);
            let mut req = self.router.get(url).timeout(self.cfg.timeout);
            if let Some(n) = opts.range {
                req = req.header(reqwest::header::RANGE, format!("bytes=0-{n}"));
            }
            if let Some(v) = &opts.if_none_match {
                req = req.header(reqwest::header::IF_NONE_MATCH, v);
            }
            if let Some(v) = &opts.if_modified_since {
                req = req.header(reqwest::header::IF_MODIFIED_SINCE, v);
            }
            let outcome = req.send().await;
            let retry_wait = match &outcome {
                Ok(resp) => {
                    let status = resp.status().as_u16();
                    if matches!(status, 408 | 429 | 500 | 502 | 503 | 504) {
                        let ra = resp
                            .headers()
                            .get(reqwest::header::RETRY_AFTER)
                            .and_then(|v| v.to_str().ok())
                            .and_then(parse_retry_after);
                        match ra {
                            Some(wait) if wait > self.cfg.max_retry_after => {
                                return Err(FetchError {
                                    class: if status == 429 {
                                        ErrorClass::RateLimited
                                    } else {
                                        ErrorClass::ServerError
                                    },
                                    status: Some(status),
                                    message: tr!(
                                        self.cfg.lang,
                                        "HTTP {status}，Retry-After {} 秒超过上限 {} 秒",
                                        "HTTP {status}, Retry-After {}s exceeds the {}s cap",
                                        wait.as_secs(),
                                        self.cfg.max_retry_after.as_secs()
                                    ),
                                    redirects: Vec::new(),
                                });
                            }
                            Some(wait) => Some(wait),
                            None => Some(retry::backoff(self.cfg.backoff_base, attempt)),
                        }
                    } else {
                        None
                    }
                }
                Err(e) => {
                    let class = classify_reqwest(e);
                    if matches!(
                        class,
                        ErrorClass::Timeout | ErrorClass::Connect | ErrorClass::Other
                    ) {
                        Some(retry::backoff(self.cfg.backoff_base, attempt))
                    } else {
                        None
                    }
                }
            };
            match retry_wait {
                Some(wait) if attempt < self.cfg.retries => {
                    drop(permit);
                    attempt += 1;
                    self.counters.retries.fetch_add(1, Ordering::Relaxed);
                    tracing::debug!(%url, attempt, ?wait, "retrying");
                    tokio::time::sleep(wait).await;
                }
                _ => {
                    return match outcome {
                        Ok(resp) => Ok((resp, attempt, permit)),
                        Err(e) => {
                            let class = classify_reqwest(&e);
                            Err(FetchError::new(class, classify::describe(&e, class)))
                        }
                    };
                }
            }
        }
    }
}

/// Read a body up to `cap` bytes (0 = unlimited); the rest is not downloaded.
async fn read_capped(resp: reqwest::Response, cap: u64) -> Result<(Bytes, bool), FetchError> {
    let mut stream = resp.bytes_stream();
    let mut buf: Vec<u8> = Vec::new();
    while let Some(chunk) = stream.next().await {
        let chunk = chunk.map_err(|e| {
            let class = classify_reqwest(&e);
            FetchError::new(class, classify::describe(&e, class))
        })?;
        if cap > 0 && (buf.len() + chunk.len()) as u64 > cap {
            let take = cap as usize - buf.len();
            buf.extend_from_slice(&chunk[..take]);
            return Ok((Bytes::from(buf), true));
        }
        buf.extend_from_slice(&chunk);
    }
    Ok((Bytes::from(buf), false))
}
