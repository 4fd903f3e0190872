//! Crawl stage: frontier, scope, dedup and trap guards over the fetcher, producing the
//! [`SiteGraph`].
//!
//! Best-first: the frontier is ordered by [`Priority`] (what a page can decide, ranked
//! with the run layer's [`FocusHint`], see `focus.rs`), then click depth, then discovery
//! order — breadth-first within one priority. A URL found again by a shorter chain or a
//! better link is moved up, so the depth recorded for a page is the fewest clicks a person
//! needs from the home page among the links seen. Frames are loaded as part of their page
//! (same depth); pagination keeps the list's depth. Fetch + decode + extract run in spawned tasks (both
//! cores); the graph is updated by the loop alone. The crawl always ends with a
//! [`StopReason`], also when interrupted or out of budget.

mod checkpoint;
mod focus;
mod job;
pub mod scope;
pub mod sister;

pub use checkpoint::Checkpoint;
// The graph types live in the model layer; re-exported here under their former paths.
pub use crate::model::{
    Charset, CrawlError, CrawlStats, Edge, ErrorClass, LinkSharer, Links, MediaEdge, Page,
    Resource, Revisit, SiteGraph, StopReason, TextId, UrlId, Verified, VerifyOutcome,
};
pub use job::{CacheHandle, PageCache, RendererHandle};

use checkpoint::save_checkpoint;
use job::{JobResult, Parsed, RenderNote, run_job};

use crate::fetch::{Fetcher, detect_waf};
use crate::i18n::Lang;
use crate::model::Interner;
use crate::model::{FocusHint, LinkKind, Priority};
use scope::{Scope, TrapGuard, TrapLimits};
use sister::Sisters;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};
use tokio::task::JoinSet;
use url::Url;

/// Unvisited URLs listed one by one in the report (the count is in `stats.unvisited`).
pub const MAX_NOT_CHECKED: usize = 1000;

/// Limits of one site crawl.
#[derive(Debug, Clone)]
pub struct CrawlConfig {
    pub max_pages: usize,
    pub max_depth: u32,
    /// Requests in flight across all hosts.
    pub concurrency: usize,
    /// HTML body cap in bytes.
    pub max_body: u64,
    /// Hosts crawled besides the start host.
    pub extra_hosts: Vec<String>,
    pub max_duration: Option<Duration>,
    pub traps: TrapLimits,
    /// Facts of the previous run: conditional requests, 304 pages reuse stored facts.
    pub cache: Option<CacheHandle>,
    /// Where to save the crawl state (`--resume` continues from it); removed on completion.
    pub checkpoint: Option<std::path::PathBuf>,
    /// How often the state is saved while crawling (also on Ctrl-C).
    pub checkpoint_every: Duration,
    /// What to fetch first (built from the rule packs by the run layer); `None` =
    /// breadth-first.
    pub focus: Option<Arc<FocusHint>>,
    /// Articles per list page fetched early (`--sample`), newest first.
    pub sample: usize,
    /// Pages a disclosure platform on a sister host (same registrable domain) may use;
    /// 0 = do not follow disclosure links to other hosts.
    pub sister_budget: usize,
    /// Headless browser for pages that need JavaScript and WAF challenges; `None` =
    /// `--browser off` or no Chromium (those pages are listed in `render_problems`).
    pub renderer: Option<RendererHandle>,
    /// The browser to start for `renderer` (`--browser auto` with a Chromium found); the run
    /// makes the renderer from it once the fetcher exists.
    pub browser: Option<crate::model::BrowserSettings>,
}

/// Pages listed one by one in `render_problems`.
pub const MAX_RENDER_PROBLEMS: usize = 1000;

impl Default for CrawlConfig {
    fn default() -> Self {
        CrawlConfig {
            max_pages: 5000,
            max_depth: 10,
            concurrency: 8,
            max_body: 10 * 1024 * 1024,
            extra_hosts: Vec::new(),
            max_duration: None,
            traps: TrapLimits::default(),
            cache: None,
            checkpoint: None,
            checkpoint_every: Duration::from_secs(30),
            focus: None,
            sample: 5,
            sister_budget: 500,
            renderer: None,
            browser: None,
        }
    }
}

/// Live counters for a progress display.
#[derive(Debug, Default)]
pub struct CrawlProgress {
    pub pages: AtomicU64,
    pub queued: AtomicU64,
    pub errors: AtomicU64,
    pub in_flight: AtomicU64,
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
struct QueueItem {
    url: Url,
    id: UrlId,
    depth: u32,
    parent: Option<UrlId>,
    via_text: Option<TextId>,
    is_frame: bool,
    /// "next page" links followed in a row to reach this page (endless-pagination guard)
    #[serde(default)]
    pager_chain: u32,
    /// frontier priority (older checkpoints: `rest`)
    #[serde(default)]
    prio: Priority,
    /// the crawl request that fetched it (set when scheduled)
    #[serde(default)]
    order: u32,
}

/// Frontier order: priority, then click depth, then discovery order.
type QueueKey = (Priority, u32, u64);

const PAGER_TEXTS: &[&str] = &[
    "下一页",
    "下页",
    "上一页",
    "上页",
    "尾页",
    "末页",
    "next",
    "prev",
];

fn is_pager(kind: LinkKind, text: &str) -> bool {
    kind == LinkKind::Pagination
        || PAGER_TEXTS.iter().any(|t| text.eq_ignore_ascii_case(t))
        || (!text.is_empty() && text.len() <= 4 && text.chars().all(|c| c.is_ascii_digit()))
}

/// The crawler's mutable state while the loop runs.
struct State {
    graph: SiteGraph,
    queue: BTreeMap<QueueKey, QueueItem>,
    /// where each queued URL sits in `queue` (for moving it up)
    queued: foldhash::HashMap<UrlId, QueueKey>,
    seq: u64,
    seen: foldhash::HashSet<UrlId>,
    scope: Scope,
    traps: TrapGuard,
    cfg: CrawlConfig,
    sharer: LinkSharer,
    pool: Interner,
    /// disclosure platforms on sister hosts
    sisters: Sisters,
    /// language of recorded error messages (the fetcher's)
    lang: Lang,
}

impl State {
    fn push(&mut self, item: QueueItem) {
        self.seq += 1;
        let key = (item.prio, item.depth, self.seq);
        self.queued.insert(item.id, key);
        self.queue.insert(key, item);
    }

    fn pop(&mut self) -> Option<QueueItem> {
        let (_, item) = self.queue.pop_first()?;
        self.queued.remove(&item.id);
        Some(item)
    }

    /// A URL already seen was found again: move a queued one up when this link ranks it
    /// higher or reaches it in fewer clicks; a fetched page keeps the fewest clicks.
    fn rediscover(
        &mut self,
        id: UrlId,
        depth: u32,
        prio: Priority,
        parent: UrlId,
        via_text: TextId,
    ) {
        if let Some(&key) = self.queued.get(&id) {
            if prio < key.0 || (prio == key.0 && depth < key.1) {
                let Some(mut item) = self.queue.remove(&key) else {
                    return;
                };
                item.prio = prio;
                if depth < item.depth {
                    item.depth = depth;
                    item.parent = Some(parent);
                    item.via_text = Some(via_text);
                }
                self.push(item);
            } else if depth < key.1
                && let Some(item) = self.queue.get_mut(&key)
            {
                // a lower priority: keep the place, note the shorter chain
                item.depth = depth;
                item.parent = Some(parent);
                item.via_text = Some(via_text);
            }
        } else if let Some(p) = self.graph.page_by_url_mut(id)
            && depth < p.depth
            && p.url == id
        {
            p.depth = depth;
            p.parent = Some(parent);
            p.via_text = Some(via_text);
        }
    }

    /// Consider a discovered URL for the frontier.
    #[allow(clippy::too_many_arguments)]
    fn discover(
        &mut self,
        url: &Url,
        depth: u32,
        parent: UrlId,
        via_text: TextId,
        is_frame: bool,
        parent_patterns: &[String],
        pager_chain: u32,
        prio: Priority,
    ) -> UrlId {
        let id = self.graph.url_id(url.as_str());
        if !self.seen.insert(id) {
            self.rediscover(id, depth, prio, parent, via_text);
            return id;
        }
        if !self.scope.contains(url) {
            if self.sisters.admit(url, self.graph.text(via_text)) {
                self.scope.add(url);
            } else {
                self.graph.stats.out_of_scope += 1;
                return id;
            }
        }
        if depth > self.cfg.max_depth {
            self.graph.stats.depth_skipped += 1;
            return id;
        }
        let verdict = self
            .traps
            .admit_from(url, parent_patterns)
            .and_then(|()| self.traps.admit_pagination(url, pager_chain));
        if let Err(reason) = verdict {
            tracing::debug!(%url, ?reason, "trap guard");
            self.graph.stats.trap_skipped += 1;
            self.graph.trapped.push(id);
            return id;
        }
        if !self.sisters.take(url) {
            self.graph.stats.out_of_scope += 1;
            return id;
        }
        self.push(QueueItem {
            url: url.clone(),
            id,
            depth,
            parent: Some(parent),
            via_text: Some(via_text),
            is_frame,
            pager_chain,
            prio,
            order: 0,
        });
        id
    }

    fn record_error(
        &mut self,
        item: &QueueItem,
        class: ErrorClass,
        status: Option<u16>,
        message: String,
    ) {
        if class == ErrorClass::Robots {
            self.graph.stats.robots_disallowed += 1;
        } else {
            self.graph.stats.errors += 1;
        }
        self.graph.errors.push(CrawlError {
            url: item.id,
            class,
            status,
            message,
            parent: item.parent,
            via_text: item.via_text,
            depth: item.depth,
        });
    }

    /// A page whose meta refresh or one-line script sends the browser on: like an HTTP
    /// redirect, the stub becomes an alias of its target (same depth, same parent and
    /// anchor text) and is never a page of its own.
    fn follow_soft_redirect(&mut self, item: &QueueItem, stub: UrlId, target: &Url) {
        let to = self.graph.url_id(target.as_str());
        self.graph.add_soft_alias(item.id, to);
        if stub != item.id {
            self.graph.add_soft_alias(stub, to);
        }
        if item.depth == 0 && !item.is_frame {
            self.scope.add(target);
        }
        match (item.parent, item.via_text) {
            (Some(parent), Some(via)) => {
                let patterns = TrapGuard::patterns(&item.url);
                self.discover(
                    target,
                    item.depth,
                    parent,
                    via,
                    item.is_frame,
                    &patterns,
                    item.pager_chain,
                    // the stub's place in the frontier goes to its target
                    item.prio,
                );
            }
            _ => {
                if self.seen.insert(to) && self.scope.contains(target) {
                    self.push(QueueItem {
                        url: target.clone(),
                        id: to,
                        depth: item.depth,
                        parent: None,
                        via_text: None,
                        is_frame: item.is_frame,
                        pager_chain: item.pager_chain,
                        prio: item.prio,
                        order: 0,
                    });
                }
            }
        }
    }

    /// Record what the browser did for a page: challenges by host, pages not rendered.
    fn note_render(&mut self, item: &QueueItem, note: RenderNote) {
        if let Some(kind) = note.waf {
            let host = item.url.host_str().unwrap_or_default().to_string();
            let passed = note.failure.is_none();
            match self
                .graph
                .challenges
                .iter_mut()
                .find(|c| c.host == host && c.kind == kind)
            {
                Some(c) => {
                    c.passed |= passed;
                    if c.pages.len() < MAX_RENDER_PROBLEMS {
                        c.pages.push(item.id);
                    }
                }
                None => self.graph.challenges.push(crate::model::ChallengeRecord {
                    host,
                    kind,
                    passed,
                    pages: vec![item.id],
                }),
            }
        }
        if let Some((failure, message)) = note.failure
            && self.graph.render_problems.len() < MAX_RENDER_PROBLEMS
        {
            let message = if message.is_empty() {
                self.lang
                    .pick(
                        "未渲染：没有可用的浏览器（--browser off，或未找到 Chromium）",
                        "not rendered: no browser available (--browser off, or Chromium not found)",
                    )
                    .to_string()
            } else {
                message
            };
            self.graph
                .render_problems
                .push(crate::model::RenderProblem {
                    url: item.id,
                    reason: note.reason,
                    failure,
                    message,
                });
        }
    }

    fn handle(&mut self, res: JobResult) {
        let JobResult {
            item,
            outcome,
            parsed,
            render,
        } = res;
        if let Some(note) = render {
            self.note_render(&item, note);
        }
        let fetched = match outcome {
            Err(e) => {
                self.record_error(&item, e.class, e.status, e.message);
                return;
            }
            Ok(f) => f,
        };
        let redirects: Vec<UrlId> = fetched
            .redirects
            .iter()
            .map(|u| self.graph.url_id(u.as_str()))
            .collect();
        let final_id = redirects.last().copied().unwrap_or(item.id);
        if item.depth == 0 && !item.is_frame && final_id != item.id {
            self.scope.add(&fetched.final_url);
        }
        self.seen.insert(final_id);
        let status = fetched.status;
        if !(200..300).contains(&status) {
            let waf = detect_waf(status, &fetched.body);
            let (class, msg) = match (status, waf) {
                (_, Some(w)) => (ErrorClass::Blocked, format!("HTTP {status}: {w}")),
                (404 | 410, _) => (ErrorClass::NotFound, format!("HTTP {status}")),
                (429, _) => (ErrorClass::RateLimited, format!("HTTP {status}")),
                (400..=499, _) => (ErrorClass::ClientError, format!("HTTP {status}")),
                (500..=599, _) => (ErrorClass::ServerError, format!("HTTP {status}")),
                _ => (ErrorClass::Other, format!("HTTP {status}")),
            };
            self.record_error(&item, class, Some(status), msg);
            return;
        }
        let Some(parsed) = parsed else {
            if let Some(w) = detect_waf(status, &fetched.body) {
                self.record_error(
                    &item,
                    ErrorClass::Blocked,
                    Some(status),
                    format!("HTTP {status}: {w}"),
                );
            } else {
                self.graph.resources.push(Resource {
                    url: final_id,
                    status,
                    content_type: fetched.content_type.clone(),
                    bytes: fetched.body.len() as u64,
                });
            }
            return;
        };
        if self.graph.page_by_url(final_id).is_some() {
            // reached again through a redirect: the page is already in the graph
            self.graph.add_alias(item.id, final_id);
            return;
        }
        if let Some(target) = parsed.facts.redirect.clone() {
            self.follow_soft_redirect(&item, final_id, &target);
            return;
        }
        if fetched.truncated {
            self.record_error(
                &item,
                ErrorClass::TooLarge,
                Some(status),
                tr!(
                    self.lang,
                    "正文（解压后）超过上限 {} 字节，只读取并解析了上限以内的部分",
                    "body (decompressed) larger than the {}-byte cap; read and parsed up to the cap",
                    self.cfg.max_body
                ),
            );
        }
        let Parsed {
            facts,
            charset,
            unchanged,
            markup_cut,
            rendered,
        } = parsed;
        if markup_cut && !fetched.truncated {
            self.record_error(
                &item,
                ErrorClass::TooLarge,
                Some(status),
                tr!(
                    self.lang,
                    "页面标签超过 {} 个，只解析了前 {} 个",
                    "more than {} tags; the first {} were parsed",
                    crate::extract::MAX_TAGS,
                    crate::extract::MAX_TAGS
                ),
            );
        }
        if unchanged {
            self.graph.stats.unchanged += 1;
        }
        let page_depth = item.depth;
        let parent_patterns = TrapGuard::patterns(&fetched.final_url);
        let pagers: Vec<bool> = facts
            .links
            .iter()
            .map(|l| is_pager(l.kind, &l.text))
            .collect();
        let hint = self.cfg.focus.clone();
        let origin = focus::Origin {
            prio: item.prio,
            depth: page_depth,
            focus: hint.as_deref().is_some_and(|h| {
                focus::page_is_focus(
                    h,
                    facts.title.as_deref(),
                    facts.breadcrumb.last().map(|c| c.text.as_ref()),
                    facts.meta.get("columnname").map(|t| t.as_ref()),
                )
            }),
            items: &facts.items,
        };
        let prios = focus::rank_links(hint.as_deref(), &origin, &facts.links, &pagers);
        let mut links = Vec::with_capacity(facts.links.len());
        for ((l, &pager), &prio) in facts.links.iter().zip(&pagers).zip(&prios) {
            let text = self.graph.text_id(&l.text);
            let (d, chain) = if pager {
                (page_depth, item.pager_chain + 1)
            } else {
                (page_depth + 1, 0)
            };
            let to = self.discover(
                &l.url,
                d,
                final_id,
                text,
                false,
                &parent_patterns,
                chain,
                prio,
            );
            links.push(Edge {
                to,
                text,
                kind: l.kind,
            });
        }
        let mut frames = Vec::with_capacity(facts.frames.len());
        for f in &facts.frames {
            let text = self.graph.text_id("");
            frames.push(self.discover(
                f,
                page_depth,
                final_id,
                text,
                true,
                &parent_patterns,
                item.pager_chain,
                // a frame is part of its page: fetched right after it
                Priority::Focus,
            ));
        }
        let media = facts
            .media
            .iter()
            .map(|m| MediaEdge {
                to: self.graph.url_id(m.url.as_str()),
                kind: m.kind,
                element: m.element.as_str().into(),
                context: self.graph.text_id(&m.context),
            })
            .collect::<Vec<_>>();
        self.graph.stats.links += links.len();
        self.graph.stats.media += media.len();
        let mut page = Page {
            url: item.id,
            final_url: final_id,
            status,
            depth: page_depth,
            parent: item.parent,
            via_text: item.via_text,
            redirects,
            title: facts.title,
            breadcrumb: facts.breadcrumb,
            links: self.sharer.share(links),
            frames,
            media,
            meta: facts.meta,
            published: facts.published,
            items: facts.items,
            partial_items: facts.partial_items,
            phones: facts.phones,
            markers: facts.markers,
            headings: facts.headings,
            labels: facts.labels,
            records: facts.records,
            pairs: facts.pairs,
            tables: facts.tables,
            blocks: facts.blocks,
            phone_blocks: facts.phone_blocks,
            officials: facts.officials,
            empty_note: facts.empty_note,
            needs_js: facts.needs_js,
            text_chars: facts.text_chars,
            text_hash: facts.text_hash,
            charset,
            truncated: fetched.truncated,
            etag: fetched.etag,
            last_modified: fetched.last_modified,
            bytes: fetched.body.len() as u64,
            elapsed_ms: fetched.elapsed.as_millis() as u64,
            is_frame: item.is_frame,
            unchanged,
            rendered,
            order: item.order,
        };
        page.intern(&mut self.pool);
        self.graph.add_page(page);
        self.graph.stats.pages += 1;
    }
}

/// Crawl one site from `start`. Always returns a graph; `stop_reason` says how it ended.
/// `cancel` flips to `true` on Ctrl-C.
pub async fn crawl(
    fetcher: Arc<Fetcher>,
    start: Url,
    cfg: CrawlConfig,
    progress: Arc<CrawlProgress>,
    mut cancel: Option<tokio::sync::watch::Receiver<bool>>,
    resume: Option<Checkpoint>,
) -> SiteGraph {
    let started = Instant::now();
    let deadline = cfg.max_duration.map(|d| tokio::time::Instant::now() + d);
    let mut st = State {
        graph: SiteGraph::new(&start),
        queue: BTreeMap::new(),
        queued: Default::default(),
        seq: 0,
        seen: Default::default(),
        scope: Scope::new(&start, &cfg.extra_hosts),
        traps: TrapGuard::new(cfg.traps.clone()),
        cfg: cfg.clone(),
        sharer: LinkSharer::default(),
        pool: Interner::default(),
        sisters: Sisters::new(&start, cfg.sister_budget),
        lang: fetcher.config().lang,
    };
    let mut scheduled = 0usize;
    match resume {
        Some(cp) => {
            tracing::info!(
                pages = cp.graph.pages.len(),
                queued = cp.queue.len(),
                "resuming crawl"
            );
            st.graph = cp.graph;
            st.traps.merge_records(&st.graph.traps);
            st.seen = cp.seen.into_iter().collect();
            scheduled = cp.scheduled;
            for item in cp.queue {
                st.push(item);
            }
            for p in &st.graph.pages {
                if p.depth == 0 && !p.is_frame && p.final_url != p.url {
                    let u = st.graph.url(p.final_url).to_string();
                    if let Ok(u) = Url::parse(&u) {
                        st.scope.add(&u);
                    }
                }
            }
        }
        None => {
            let start_id = st.graph.url_id(start.as_str());
            st.seen.insert(start_id);
            st.push(QueueItem {
                url: start.clone(),
                id: start_id,
                depth: 0,
                parent: None,
                via_text: None,
                is_frame: false,
                pager_chain: 0,
                prio: Priority::Focus,
                order: 0,
            });
        }
    }
    let mut jobs: JoinSet<JobResult> = JoinSet::new();
    let mut in_flight: HashMap<UrlId, QueueItem> = HashMap::new();
    let mut task_urls: HashMap<tokio::task::Id, UrlId> = HashMap::new();
    let mut stop: Option<StopReason> = None;
    let mut last_checkpoint = Instant::now();
    loop {
        if let Some(path) = &cfg.checkpoint
            && (last_checkpoint.elapsed() >= cfg.checkpoint_every
                || stop == Some(StopReason::Interrupted))
            && stop != Some(StopReason::Completed)
        {
            save_checkpoint(path, &start, &st, &in_flight, scheduled);
            last_checkpoint = Instant::now();
        }
        if stop == Some(StopReason::Interrupted) {
            break;
        }

        if stop.is_none() {
            while jobs.len() < cfg.concurrency.max(1) {
                if scheduled >= cfg.max_pages {
                    if !st.queue.is_empty() {
                        stop = Some(StopReason::PageBudget);
                    }
                    break;
                }
                // best-first also across the requests in flight: nothing of a lower
                // priority starts while a better page is still being fetched (it may
                // link to more of its kind)
                let Some((&(best, _, _), _)) = st.queue.first_key_value() else {
                    break;
                };
                if in_flight.values().any(|i| i.prio < best) {
                    break;
                }
                let Some(mut item) = st.pop() else {
                    break;
                };
                scheduled += 1;
                item.order = u32::try_from(scheduled).unwrap_or(u32::MAX);
                in_flight.insert(item.id, item.clone());
                let url_id = item.id;
                let handle = jobs.spawn(run_job(
                    fetcher.clone(),
                    item,
                    cfg.max_body,
                    cfg.cache.clone(),
                    cfg.renderer.clone(),
                ));
                task_urls.insert(handle.id(), url_id);
            }
        }
        progress
            .queued
            .store(st.queue.len() as u64, Ordering::Relaxed);
        progress
            .in_flight
            .store(jobs.len() as u64, Ordering::Relaxed);
        if jobs.is_empty() {
            break;
        }
        let cancelled = async {
            match cancel.as_mut() {
                Some(rx) => {
                    while !*rx.borrow() {
                        if rx.changed().await.is_err() {
                            std::future::pending::<()>().await;
                        }
                    }
                }
                None => std::future::pending::<()>().await,
            }
        };
        let timeout = async {
            match deadline {
                Some(d) => tokio::time::sleep_until(d).await,
                None => std::future::pending::<()>().await,
            }
        };
        tokio::select! {
            res = jobs.join_next_with_id() => {
                match res {
                    Some(Ok((id, res))) => {
                        task_urls.remove(&id);
                        in_flight.remove(&res.item.id);
                        st.handle(res);
                    }
                    Some(Err(e)) if e.is_panic() => {
                        // a crashed job must not make its page vanish from the report
                        if let Some(item) = task_urls.remove(&e.id()).and_then(|u| in_flight.remove(&u)) {
                            tracing::error!(url = %item.url, "crawl job crashed: {e}");
                            st.record_error(
                                &item,
                                ErrorClass::Other,
                                None,
                                st.lang.pick(
                                    "抓取或解析此页面时发生内部错误，请附上网址报告此问题",
                                    "internal error while fetching or parsing this page; please report it with the URL",
                                ).into(),
                            );
                        }
                    }
                    _ => {}
                }
                progress.pages.store(st.graph.stats.pages as u64, Ordering::Relaxed);
                progress.errors.store(st.graph.stats.errors as u64, Ordering::Relaxed);
            }
            _ = cancelled, if stop != Some(StopReason::Interrupted) => {
                stop = Some(StopReason::Interrupted);
                jobs.abort_all();
                // aborted jobs stay in `in_flight` and are saved with the frontier
                while jobs.join_next().await.is_some() {}
                continue;
            }
            _ = timeout, if stop.is_none() => {
                stop = Some(StopReason::TimeBudget);
                jobs.abort_all();
            }
        }
    }
    if let Some(c) = &cfg.cache {
        let c = c.clone();
        let _ = tokio::task::spawn_blocking(move || c.0.finish()).await;
    }
    if let Some(path) = &cfg.checkpoint {
        match stop {
            Some(StopReason::Interrupted) | Some(StopReason::TimeBudget) => {
                save_checkpoint(path, &start, &st, &in_flight, scheduled)
            }
            _ => {
                let _ = std::fs::remove_file(path);
            }
        }
    }
    let mut graph = st.graph;
    graph.traps = st.traps.records();
    if let Some(reason @ (StopReason::TimeBudget | StopReason::PageBudget)) = stop {
        graph.not_checked.extend(
            in_flight
                .values()
                .map(|i| i.id)
                .chain(st.queue.values().map(|i| i.id))
                .take(MAX_NOT_CHECKED)
                .map(|url| crate::model::NotChecked {
                    url,
                    stage: "crawl".into(),
                    reason,
                }),
        );
    }
    graph.stats.unvisited = (st.queue.len() + in_flight.len()) as u64;
    graph.stats.requests = fetcher.counters.requests.load(Ordering::Relaxed);
    graph.stats.retries = fetcher.counters.retries.load(Ordering::Relaxed);
    graph.stats.bytes = fetcher.counters.bytes.load(Ordering::Relaxed);
    graph.stats.elapsed_ms = started.elapsed().as_millis() as u64;
    graph.stop_reason = Some(if graph.home().is_none() {
        StopReason::StartFailed
    } else {
        stop.unwrap_or(StopReason::Completed)
    });
    graph.settle_depths();
    graph
}
