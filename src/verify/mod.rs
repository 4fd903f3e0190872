//! Verification stage: every media reference, attachment and link found by the crawl is
//! checked once (deduplicated across pages) under the same per-host politeness: status
//! after redirects, non-empty body, magic bytes matching the declared kind, decodable image
//! headers, soft-404 pages, Flash. Results land in [`SiteGraph::verified`].
//!
//! * media and attachments (`pages[].media`) are requested with a ranged GET
//!   ([`probe`]); a target that already failed in the crawl is not requested again;
//! * links (`pages[].links`, frames) whose target was crawled take the crawl's result (an OK
//!   page is OK unless it is the host's soft-404 page or a redirect to the home page);
//!   targets not crawled (other hosts, depth or page budget) are requested like media;
//! * with `--external skip` nothing on another host is requested: it is listed as
//!   [`VerifyOutcome::Skipped`].
//!
//! Requests run concurrently (at most [`CONCURRENCY`] at once, [`EXTERNAL_CONCURRENCY`] for
//! other hosts); the fetcher's per-host gates keep each host's rate and concurrency.

pub mod classify;
pub mod magic;
pub mod playback;
pub mod probe;
pub mod revisit;
pub mod search;
pub mod soft404;

use crate::extract::urls::extension;
use crate::fetch::Fetcher;
use crate::model::MediaKind;
use crate::model::{SiteGraph, UrlId, Verified, VerifyOutcome};
use classify::{Expect, Usage};
use probe::{Ctx, Job, Probed};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;
use tokio::sync::Semaphore;
use tokio::task::JoinSet;
use url::Url;

/// Verification requests in flight at once (all hosts).
pub const CONCURRENCY: usize = 16;
/// Of which at most this many go to hosts other than the site's.
pub const EXTERNAL_CONCURRENCY: usize = 4;

/// Whether links and media on other hosts are requested.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ExternalPolicy {
    /// request them (HEAD/GET, no recursion)
    #[default]
    Check,
    /// list them as not verified, never request them
    Skip,
}

impl std::str::FromStr for ExternalPolicy {
    type Err = crate::model::UnknownName;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        crate::model::name::parse_name(
            "external-link policy",
            s,
            &[
                ("check", ExternalPolicy::Check),
                ("skip", ExternalPolicy::Skip),
            ],
        )
    }
}

/// Settings of the verification stage.
#[derive(Debug, Clone)]
pub struct VerifyConfig {
    /// Run the stage at all.
    pub enabled: bool,
    pub external: ExternalPolicy,
    /// Bytes read per resource (Range request); enough for magic bytes and image headers.
    pub probe_bytes: u64,
    /// End of the run's time budget (`--max-duration`): what is not verified by then is
    /// listed as not checked.
    pub deadline: Option<tokio::time::Instant>,
    /// The crawl's trap limits, applied to every verification request too.
    pub traps: crate::crawl::scope::TrapLimits,
    /// Search the site's own search for crawled articles (GOV-D04; see [`search`]).
    pub search_probe: bool,
}

impl Default for VerifyConfig {
    fn default() -> Self {
        VerifyConfig {
            enabled: true,
            external: ExternalPolicy::Check,
            probe_bytes: 64 * 1024,
            deadline: None,
            traps: Default::default(),
            search_probe: true,
        }
    }
}

/// Host without a leading `www.`, for "same site" comparisons.
use crate::model::graph::bare_host as bare;

/// Merged facts of all references to one media target.
struct MediaTarget {
    kind: MediaKind,
    link_only: bool,
}

/// Precedence when pages reference one URL with different kinds.
fn kind_rank(k: MediaKind) -> u8 {
    match k {
        MediaKind::Flash => 5,
        MediaKind::Image => 4,
        MediaKind::Video | MediaKind::Audio => 3,
        MediaKind::Document => 2,
        MediaKind::Embed => 1,
    }
}

const TIME_BUDGET: &str = "未验证：时间预算用完（--max-duration）";
const TRAP: &str = "未验证：疑似爬虫陷阱，已按模式计数列入 crawl.traps";

fn skipped(detail: &str) -> Probed {
    Probed {
        outcome: VerifyOutcome::Skipped,
        status: None,
        content_type: None,
        detail: detail.to_string(),
        bytes_read: 0,
        final_url: None,
    }
}

/// Verify the graph's media, attachments and links; fills `graph.verified`.
///
/// `cancel` (Ctrl-C) stops the stage: no new requests are made, requests in flight are
/// abandoned, and every resource not verified yet is listed as `skipped`.
pub async fn verify(
    fetcher: Arc<Fetcher>,
    graph: &mut SiteGraph,
    cfg: &VerifyConfig,
    cancel: Option<tokio::sync::watch::Receiver<bool>>,
) {
    let cancelled = || cancel.as_ref().is_some_and(|c| *c.borrow());
    let started = std::time::Instant::now();
    let requests_before = fetcher
        .counters
        .requests
        .load(std::sync::atomic::Ordering::Relaxed);
    // the site's hosts: the start URL's and every host a page was crawled on
    let site_hosts = graph.site_hosts();
    let is_external = |u: &Url| u.host_str().is_none_or(|h| !site_hosts.contains(bare(h)));
    let home = graph
        .home()
        .and_then(|h| Url::parse(graph.url(h.final_url)).ok());

    // media targets, deduplicated
    let mut media: BTreeMap<UrlId, MediaTarget> = BTreeMap::new();
    for p in &graph.pages {
        for m in &p.media {
            let link = m.element.starts_with("a[") || m.element.starts_with("area[");
            media
                .entry(m.to)
                .and_modify(|t| {
                    if kind_rank(m.kind) > kind_rank(t.kind) {
                        t.kind = m.kind;
                    }
                    t.link_only &= link;
                })
                .or_insert(MediaTarget {
                    kind: m.kind,
                    link_only: link,
                });
        }
    }
    // link and frame targets that are not media
    let mut links: Vec<UrlId> = Vec::new();
    let mut seen: HashSet<UrlId> = media.keys().copied().collect();
    for p in &graph.pages {
        for id in p.links.iter().map(|e| e.to).chain(p.frames.iter().copied()) {
            if seen.insert(id) {
                links.push(id);
            }
        }
    }
    let trapped: HashSet<UrlId> = graph.trapped.iter().copied().collect();
    let mut guard = crate::crawl::scope::TrapGuard::new(cfg.traps.clone());
    let errors: HashMap<UrlId, &crate::model::CrawlError> =
        graph.errors.iter().rev().map(|e| (e.url, e)).collect();
    let resources: HashMap<UrlId, &crate::model::Resource> =
        graph.resources.iter().map(|r| (r.url, r)).collect();

    let ctx = Arc::new(Ctx {
        fetcher: fetcher.clone(),
        probe_bytes: cfg.probe_bytes,
        soft404: soft404::Soft404Cache::default(),
        home: home.clone(),
    });
    let mut results: Vec<(UrlId, Probed)> = Vec::new();
    let mut jobs: Vec<(UrlId, Job)> = Vec::new();

    for (&id, t) in &media {
        let Ok(url) = Url::parse(graph.url(id)) else {
            results.push((id, skipped("未验证：URL 无效")));
            continue;
        };
        if !matches!(url.scheme(), "http" | "https") {
            results.push((id, skipped("未验证：非 HTTP(S) 地址")));
            continue;
        }
        let external = is_external(&url);
        if external && cfg.external == ExternalPolicy::Skip {
            results.push((id, skipped("未验证：外部资源（--external skip）")));
            continue;
        }
        if let Some(e) = errors.get(&id) {
            results.push((id, from_crawl_error(e)));
            continue;
        }
        if trapped.contains(&id) || guard.admit(&url).is_err() {
            results.push((id, skipped(TRAP)));
            continue;
        }
        let expect = Expect::from_kind(t.kind, extension(&url));
        jobs.push((
            id,
            Job {
                url,
                expect,
                usage: Usage {
                    link_only: t.link_only,
                },
                external,
            },
        ));
    }

    // fingerprints of the site's hosts, for crawled pages reached by links
    let mut page_fps: HashMap<String, Option<soft404::Fingerprint>> = HashMap::new();
    for id in &links {
        let Ok(url) = Url::parse(graph.url(*id)) else {
            results.push((*id, skipped("未验证：URL 无效")));
            continue;
        };
        if let Some(page) = graph.page_by_url(*id) {
            let origin = url.origin().ascii_serialization();
            if !page_fps.contains_key(&origin) {
                let fp = ctx.soft404.get(&fetcher, &url).await;
                page_fps.insert(origin.clone(), fp);
            }
            let fp = page_fps.get(&origin).and_then(|f| f.as_ref());
            results.push((*id, judge_page(graph, *id, &url, page, fp, home.as_ref())));
            continue;
        }
        if let Some(e) = errors.get(id) {
            results.push((*id, from_crawl_error(e)));
            continue;
        }
        if trapped.contains(id) {
            results.push((*id, skipped(TRAP)));
            continue;
        }
        if let Some(r) = resources.get(id) {
            results.push((
                *id,
                Probed {
                    outcome: if r.bytes == 0 {
                        VerifyOutcome::Empty
                    } else {
                        VerifyOutcome::Ok
                    },
                    status: Some(r.status),
                    content_type: r.content_type.clone(),
                    detail: if r.bytes == 0 {
                        "内容为空（0 字节）".into()
                    } else {
                        "可访问（非 HTML 资源）".into()
                    },
                    bytes_read: r.bytes,
                    final_url: None,
                },
            ));
            continue;
        }
        if !matches!(url.scheme(), "http" | "https") {
            results.push((*id, skipped("未验证：非 HTTP(S) 地址")));
            continue;
        }
        let external = is_external(&url);
        if external && cfg.external == ExternalPolicy::Skip {
            results.push((*id, skipped("未验证：外部链接（--external skip）")));
            continue;
        }
        if guard.admit(&url).is_err() {
            results.push((*id, skipped(TRAP)));
            continue;
        }
        jobs.push((
            *id,
            Job {
                url,
                expect: Expect::Page,
                usage: Usage::default(),
                external,
            },
        ));
    }

    let n_jobs = jobs.len();
    tracing::info!(
        media = media.len(),
        links = links.len(),
        requests = n_jobs,
        "verification started"
    );
    let external_gate = Arc::new(Semaphore::new(EXTERNAL_CONCURRENCY));
    let mut set: JoinSet<(UrlId, Probed)> = JoinSet::new();
    let mut task_ids: HashMap<tokio::task::Id, UrlId> = HashMap::new();
    let mut jobs = jobs.into_iter();
    let out_of_time = || {
        cfg.deadline
            .is_some_and(|d| tokio::time::Instant::now() >= d)
    };
    let mut timed_out: Vec<UrlId> = Vec::new();
    let until_deadline = || async {
        match cfg.deadline {
            Some(d) => tokio::time::sleep_until(d).await,
            None => std::future::pending::<()>().await,
        }
    };
    'spawn: while let Some((id, job)) = jobs.next() {
        if cancelled() {
            results.push((id, skipped("未验证：检查被中断（Ctrl-C）")));
            results.extend(
                jobs.by_ref()
                    .map(|(id, _)| (id, skipped("未验证：检查被中断（Ctrl-C）"))),
            );
            break;
        }
        if out_of_time() {
            timed_out.push(id);
            timed_out.extend(jobs.by_ref().map(|(id, _)| id));
            break;
        }
        while set.len() >= CONCURRENCY {
            tokio::select! {
                r = set.join_next_with_id() => {
                    if let Some(Ok((tid, r))) = r {
                        task_ids.remove(&tid);
                        results.push(r);
                    }
                }
                _ = until_deadline() => {
                    timed_out.push(id);
                    timed_out.extend(jobs.by_ref().map(|(id, _)| id));
                    break 'spawn;
                }
            }
        }
        let ctx = ctx.clone();
        let gate = external_gate.clone();
        let handle = set.spawn(async move {
            let _permit = if job.external {
                gate.acquire_owned().await.ok()
            } else {
                None
            };
            (id, probe::run(&ctx, &job).await)
        });
        task_ids.insert(handle.id(), id);
    }
    let mut aborted = cancelled() || out_of_time();
    if aborted {
        set.abort_all();
    }
    loop {
        let r = tokio::select! {
            r = set.join_next_with_id() => r,
            _ = until_deadline(), if !aborted => {
                aborted = true;
                set.abort_all();
                continue;
            }
        };
        let Some(r) = r else { break };
        if cancelled() {
            set.abort_all();
        }
        match r {
            Ok((tid, r)) => {
                task_ids.remove(&tid);
                results.push(r);
            }
            Err(e) => {
                let why = if e.is_cancelled() && out_of_time() && !cancelled() {
                    if let Some(id) = task_ids.remove(&e.id()) {
                        timed_out.push(id);
                    }
                    continue;
                } else if e.is_cancelled() {
                    "未验证：检查被中断（Ctrl-C）"
                } else {
                    tracing::warn!("verification task failed: {e}");
                    "未验证：内部错误"
                };
                if let Some(id) = task_ids.remove(&e.id()) {
                    results.push((id, skipped(why)));
                }
            }
        }
    }

    if !timed_out.is_empty() {
        tracing::warn!(
            not_verified = timed_out.len(),
            "time budget used up during verification"
        );
        graph.stop_reason = Some(crate::crawl::StopReason::TimeBudget);
        for (i, id) in timed_out.iter().enumerate() {
            results.push((*id, skipped(TIME_BUDGET)));
            if i >= crate::crawl::MAX_NOT_CHECKED {
                continue;
            }
            graph.not_checked.push(crate::model::NotChecked {
                url: *id,
                stage: "verify".into(),
                reason: crate::crawl::StopReason::TimeBudget,
            });
        }
    }
    let mut traps = graph.traps.clone();
    let new_traps = guard.records();
    if !new_traps.is_empty() {
        let mut merged = crate::crawl::scope::TrapGuard::default();
        merged.merge_records(&traps);
        merged.merge_records(&new_traps);
        traps = merged.records();
    }
    graph.traps = traps;
    results.sort_by_key(|(id, _)| *id);
    results.dedup_by_key(|(id, _)| *id);
    let bytes: u64 = results.iter().map(|(_, p)| p.bytes_read).sum();
    let requests = fetcher
        .counters
        .requests
        .load(std::sync::atomic::Ordering::Relaxed)
        - requests_before;
    tracing::info!(
        resources = results.len(),
        requests,
        bytes_read = bytes,
        elapsed_ms = started.elapsed().as_millis() as u64,
        "verification finished"
    );
    graph.verified = results
        .into_iter()
        .map(|(url, p)| Verified {
            url,
            outcome: p.outcome,
            status: p.status,
            content_type: p.content_type,
            detail: p.detail,
            bytes_read: p.bytes_read,
        })
        .collect();
}

/// A target the crawl already failed on: its class, without a new request.
fn from_crawl_error(e: &crate::model::CrawlError) -> Probed {
    let outcome = classify::from_error_class(e.class);
    let prefix = match outcome {
        VerifyOutcome::Blocked | VerifyOutcome::Skipped => "无法验证：",
        _ => "",
    };
    Probed {
        outcome,
        status: e.status,
        content_type: None,
        detail: format!("{prefix}{}（抓取时）", e.message),
        bytes_read: 0,
        final_url: None,
    }
}

/// A link whose target page was crawled: OK unless it is a soft 404.
fn judge_page(
    graph: &SiteGraph,
    id: UrlId,
    url: &Url,
    page: &crate::model::Page,
    fp: Option<&soft404::Fingerprint>,
    home: Option<&Url>,
) -> Probed {
    let final_url = graph.url(page.final_url);
    let ok = |detail: String| Probed {
        outcome: VerifyOutcome::Ok,
        status: Some(page.status),
        content_type: Some("text/html".into()),
        detail,
        bytes_read: 0,
        final_url: None,
    };
    let broken = |detail: String| Probed {
        outcome: VerifyOutcome::Broken,
        status: Some(page.status),
        content_type: Some("text/html".into()),
        detail,
        bytes_read: 0,
        final_url: None,
    };
    let is_home =
        home.is_some_and(|h| h.as_str() == final_url) || (page.depth == 0 && !page.is_frame);
    // reached through a redirect (this URL is not the page's final URL) that ended on the
    // home page: a soft 404, unless the URL is itself a home-page path (`/`, `/index.html`)
    if is_home && id != page.final_url && !soft404::is_home_path(url) {
        return broken(format!("软404：重定向到首页 {final_url}（抓取时）"));
    }
    if let Some(t) = page
        .title
        .as_deref()
        .filter(|t| soft404::title_says_not_found(t))
    {
        return broken(format!("软404：页面标题“{t}”（抓取时）"));
    }
    if let Some(fp) = fp
        && !is_home
        && fp.matches(page.title.as_deref(), page.text_hash, page.text_chars)
    {
        return broken(format!(
            "软404：与本站不存在页面的响应相同（标题“{}”）",
            page.title.as_deref().unwrap_or("")
        ));
    }
    ok("页面已抓取".into())
}
