//! Wiring of the stages for the command line: crawl one site, evaluate the selected rule
//! packs, write the report files; and `demo`, which serves the bundled demo site on
//! loopback and checks it.

use crate::crawl::{self, CrawlConfig, CrawlProgress, SiteGraph};
use crate::events::{Event, Events};
use crate::fetch::{FetchConfig, Fetcher, ResolveEntry};
use crate::i18n::Lang;
use crate::report::{self, Report, SiteInfo};
use crate::rules::Baseline;
use crate::testsite::{DEMO_SITES, SiteServer, SiteSource};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use thiserror::Error;
use url::Url;

/// The national indicators' timeout for 站点无法访问 (15 s).
pub const PROBE_TIMEOUT_MS: u64 = 15_000;

/// Saved crawl state inside a site's output folder (for `--resume`).
pub const CHECKPOINT_FILE: &str = "crawl-state.json";

/// The demo site's host name.
pub const DEMO_HOST: &str = "www.xsq.cq.gov.cn";

#[derive(Debug, Error)]
pub enum RunError {
    #[error(transparent)]
    Fetch(#[from] crate::fetch::FetchSetupError),
    #[error(transparent)]
    Report(#[from] crate::report::ReportError),
    #[error("cannot start the demo server: {0}")]
    Demo(String),
    #[error("{0}")]
    Rules(String),
    #[error("cannot read the baseline report {0}")]
    Baseline(String),
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
    #[error("cannot resume: {0}")]
    Resume(String),
    #[error("cannot read the saved site graph {0}")]
    Recheck(String),
}

/// Everything needed to check one site.
#[derive(Debug, Clone)]
pub struct CheckOptions {
    pub url: Url,
    pub name: Option<String>,
    pub kind: Option<String>,
    pub fetch: FetchConfig,
    pub crawl: CrawlConfig,
    pub verify: crate::verify::VerifyConfig,
    /// The document stage: attachments downloaded and read.
    pub docs: crate::docs::DocConfig,
    /// Output folder; default `reports/<host>/<YYYY-MM-DD>/`.
    pub out: Option<PathBuf>,
    pub packs: Vec<String>,
    /// Report formats to write (report.json always).
    pub formats: Vec<crate::report::formats::Format>,
    /// Baseline report to compare with.
    pub baseline: Option<PathBuf>,
    /// History store: conditional re-crawls, run records, automatic comparison with the last run.
    pub history: Option<Arc<crate::store::Store>>,
    /// Column pins and not-applicable checks given inline (a sites.toml entry).
    pub pins: std::collections::BTreeMap<String, String>,
    pub not_applicable: Vec<String>,
    /// Continue an interrupted crawl from the state saved in the output folder.
    pub resume: bool,
    pub overrides: Option<PathBuf>,
    pub lang: Lang,
    /// Date the checks are evaluated against (default: today).
    pub as_of: Option<jiff::civil::Date>,
    /// Where the run tells what it is doing (resuming, batch progress); nowhere by default.
    pub events: Events,
    /// The browser process shared by the sites of a batch; `None`: the run starts its own
    /// when a page needs one.
    pub shared_browser: Option<Arc<crate::browser::SharedBrowser>>,
}

/// What a site check produced.
#[derive(Debug)]
pub struct SiteOutcome {
    pub report: Report,
    pub graph: SiteGraph,
    pub out_dir: PathBuf,
}

fn now_rfc3339() -> String {
    jiff::Timestamp::now()
        .round(jiff::Unit::Second)
        .map(|t| t.to_string())
        .unwrap_or_default()
}

/// Default output folder for a site: `reports/<host>/<YYYY-MM-DD>/`.
pub fn default_out_dir(url: &Url, date: jiff::civil::Date) -> PathBuf {
    Path::new("reports")
        .join(crate::model::site_folder(url))
        .join(date.to_string())
}

/// Crawl one site, run the checks, write the report files.
pub async fn check_site(
    opts: &CheckOptions,
    progress: Arc<CrawlProgress>,
    cancel: Option<tokio::sync::watch::Receiver<bool>>,
) -> Result<SiteOutcome, RunError> {
    let started_at = now_rfc3339();
    // one time budget for crawl, verification and checks, counted from here
    let deadline = opts
        .crawl
        .max_duration
        .and_then(|d| tokio::time::Instant::now().checked_add(d));
    // read the baseline first: a wrong path must not cost a whole crawl
    let baseline = opts.baseline.as_deref().map(load_report).transpose()?;
    let baseline_graph = match (&opts.baseline, &baseline) {
        (Some(path), Some(report)) => Some(load_baseline_graph(path, report, opts.lang)?),
        _ => None,
    };
    let (packs, overrides) = prepare_rules(opts)?;
    let today = opts.as_of.unwrap_or_else(|| jiff::Zoned::now().date());
    let site_key = crate::store::site_key(&opts.url);
    let out_dir = opts
        .out
        .clone()
        .unwrap_or_else(|| default_out_dir(&opts.url, today));
    let mut crawl_cfg = opts.crawl.clone();
    // the disclosure paths first: the columns the selected packs look for
    crawl_cfg.focus = Some(Arc::new(crate::rules::focus_hint(&packs, crawl_cfg.sample)));
    let state_file = out_dir.join(CHECKPOINT_FILE);
    crawl_cfg.checkpoint = Some(state_file.clone());
    let resume = if opts.resume {
        match crawl::Checkpoint::load(&state_file).map_err(RunError::Resume)? {
            Some(cp) if cp.start_url != opts.url.as_str() => {
                return Err(RunError::Resume(format!(
                    "{} belongs to a crawl of {}, not {}",
                    state_file.display(),
                    cp.start_url,
                    opts.url
                )));
            }
            Some(cp) => {
                opts.events.emit(Event::Resuming {
                    state_file: &state_file,
                    pages: cp.pages(),
                });
                Some(cp)
            }
            None => {
                opts.events.emit(Event::NothingToResume {
                    state_file: &state_file,
                });
                None
            }
        }
    } else {
        None
    };
    let mut previous = None;
    if let Some(store) = &opts.history {
        crawl_cfg.cache = Some(crawl::CacheHandle(store.site_cache(&site_key)?));
        previous = store.last_report(&site_key)?;
    }
    let fetcher = Fetcher::new(FetchConfig {
        lang: opts.lang,
        ..opts.fetch.clone()
    })?;
    // the run's browser, kept for the evidence screenshots after the checks
    let mut shooter: Option<(std::sync::Arc<dyn crate::model::Renderer>, usize)> = None;
    let mut play_pages = 0;
    if let Some(mut b) = crawl_cfg.browser.clone() {
        // the browser may request the start host and the hosts in scope, nothing else
        if let Some(h) = opts.url.host_str() {
            b.hosts.push(h.to_string());
        }
        b.hosts.extend(crawl_cfg.extra_hosts.iter().cloned());
        b.max_body = crawl_cfg.max_body;
        let screenshots = b.screenshots;
        play_pages = b.play_pages;
        match crate::browser::renderer(b, fetcher.clone(), opts.shared_browser.as_deref()) {
            Ok(r) => {
                shooter = Some((r.clone(), screenshots));
                crawl_cfg.renderer = Some(crawl::RendererHandle(r));
            }
            Err(e) => tracing::warn!("no browser: {e}"),
        }
    }
    let crawl_started = std::time::Instant::now();
    let (max_pages, max_duration, concurrency) = (
        crawl_cfg.max_pages,
        crawl_cfg.max_duration,
        crawl_cfg.concurrency,
    );
    let mut graph = crawl::crawl(
        fetcher.clone(),
        opts.url.clone(),
        crawl_cfg,
        progress,
        cancel.clone(),
        resume,
    )
    .await;
    log_memory("crawl done");
    let interrupted = cancel.as_ref().is_some_and(|c| *c.borrow());
    if let (Some(Baseline::Graph(base)), false) = (&baseline_graph, interrupted) {
        // the baseline's page URLs this crawl did not meet, within what is left of the
        // page budget and the time limit
        let urls: Vec<String> = base.page_urls().into_iter().map(str::to_string).collect();
        let limits = crate::verify::revisit::RevisitLimits {
            max_requests: max_pages.saturating_sub(graph.pages.len()),
            deadline: max_duration.map(|d| crawl_started + d),
            concurrency,
        };
        let n = crate::verify::revisit::revisit(
            fetcher.clone(),
            &mut graph,
            &urls,
            &limits,
            cancel.clone(),
        )
        .await;
        tracing::info!(requests = n, "baseline URLs revisited");
    }
    let interrupted = cancel.as_ref().is_some_and(|c| *c.borrow());
    if let Some((r, _)) = &shooter
        && play_pages > 0
        && opts.verify.enabled
        && !interrupted
    {
        // media as a browser plays it: script players and lazy images become media edges
        // before the probes; the browser's verdicts are applied after them
        let cancelled = || cancel.as_ref().is_some_and(|c| *c.borrow());
        let stats =
            crate::verify::playback::play(r.as_ref(), &mut graph, play_pages, &cancelled).await;
        for (url, why) in &stats.failed {
            tracing::warn!(url = %url, "media not played: {why}");
        }
        tracing::info!(
            "media played in the browser: {} pages, {} elements ({} not in the markup)",
            stats.pages,
            stats.elements,
            stats.added
        );
    }
    if opts.verify.enabled && !interrupted {
        let verify_cfg = crate::verify::VerifyConfig {
            deadline,
            traps: opts.crawl.traps.clone(),
            ..opts.verify.clone()
        };
        crate::verify::verify(fetcher.clone(), &mut graph, &verify_cfg, cancel.clone()).await;
        if cancel.as_ref().is_some_and(|c| *c.borrow()) {
            // Ctrl-C during verification: the report is partial
            graph.stop_reason = Some(crawl::StopReason::Interrupted);
        }
    }
    crate::verify::playback::apply(&mut graph);
    log_memory("verification done");
    if crate::rules::wants_search_probe(&packs) {
        // GOV-D04: search the site's own search for crawled articles
        graph.search = if !opts.verify.search_probe {
            Some(crate::verify::search::off())
        } else if cancel.as_ref().is_some_and(|c| *c.borrow()) {
            Some(crate::model::SearchProbe::skipped(
                crate::model::SearchSkip::Budget,
                None,
                "",
            ))
        } else {
            let limits = crate::verify::search::SearchLimits {
                extra_hosts: opts.crawl.extra_hosts.clone(),
                deadline,
            };
            crate::verify::search::probe(fetcher.clone(), &mut graph, &limits, cancel.clone())
                .await;
            graph.search.take()
        };
    }
    if opts.docs.enabled && !cancel.as_ref().is_some_and(|c| *c.borrow()) {
        let docs_cfg = crate::docs::DocConfig {
            deadline,
            external: opts.verify.external == crate::verify::ExternalPolicy::Check,
            ..opts.docs.clone()
        };
        crate::docs::read_documents(fetcher.clone(), &mut graph, &docs_cfg, cancel.clone()).await;
        log_memory("documents read");
    }
    graph.tls = fetcher.tls_problems();
    graph.notes.extend(fetcher.notes());
    let mut probes = Vec::new();
    if let Some(store) = &opts.history {
        // this run's home page fetch is a probe too (GOV-V01: answered within 15 s)
        let (ok, ms, detail) = match graph.home() {
            Some(h) => (
                h.elapsed_ms <= PROBE_TIMEOUT_MS,
                h.elapsed_ms,
                format!("HTTP {}", h.status),
            ),
            None => (
                false,
                0,
                graph
                    .errors
                    .first()
                    .map(|e| e.message.clone())
                    .unwrap_or_default(),
            ),
        };
        let blocked = graph.home().is_none()
            && graph.errors.first().is_some_and(|e| {
                matches!(
                    e.class,
                    crawl::ErrorClass::Blocked | crawl::ErrorClass::Robots
                )
            });
        if !interrupted && !blocked {
            store.record_probe(&site_key, jiff::Timestamp::now(), ok, ms, &detail)?;
        }
        let week = jiff::Timestamp::now()
            .checked_sub(jiff::SignedDuration::from_hours(24 * 7))
            .unwrap_or(jiff::Timestamp::UNIX_EPOCH);
        probes = store.probes_since(&site_key, week)?;
    }
    let home_history = match &opts.history {
        Some(store) => store.home_history(&site_key)?,
        None => Vec::new(),
    };
    let ctx = crate::rules::EvalContext {
        probes,
        home_history,
        today,
        lang: opts.lang,
        overrides,
        baseline: baseline_graph,
    };
    let (checks, verdict) = run_checks(&graph, &packs, &ctx);
    log_memory("checks done");
    let pack_names: Vec<String> = packs.iter().map(|p| p.name.clone()).collect();
    let finished_at = now_rfc3339();
    let site = site_info(opts, &graph);
    let mut report = report::build(
        &graph,
        site,
        pack_names,
        checks,
        Some(verdict),
        started_at,
        finished_at,
        today.to_string(),
        opts.lang,
    );
    let cancelled = || cancel.as_ref().is_some_and(|c| *c.borrow());
    if let Some((r, max)) = &shooter
        && *max > 0
        && !cancelled()
    {
        let shots = crate::shots::capture(
            r.as_ref(),
            &mut report.checks,
            &graph,
            &out_dir,
            *max,
            &cancelled,
        )
        .await;
        for (url, why) in &shots.failed {
            tracing::warn!(url = %url, "screenshot not taken: {why}");
        }
        if shots.taken > 0 || !shots.failed.is_empty() {
            tracing::info!(
                "screenshots: {} taken, {} failed, {} over --screenshots {max}",
                shots.taken,
                shots.failed.len(),
                shots.over_cap
            );
        }
    }
    // an explicit baseline wins; otherwise compare with the last run in the history store
    if let Some(old) = baseline.as_ref().or(previous.as_ref()) {
        report.comparison = Some(report::diff::compare(old, &report));
    }
    report::write_all(&out_dir, &report, &graph, &opts.formats)?;
    log_memory("reports written");
    if let Some(store) = &opts.history {
        store.record_run(&site_key, &report, &graph)?;
    }
    Ok(SiteOutcome {
        report,
        graph,
        out_dir,
    })
}

fn site_info(opts: &CheckOptions, graph: &SiteGraph) -> SiteInfo {
    let identity = crate::rules::identity::identify(graph);
    SiteInfo {
        url: opts.url.to_string(),
        name: opts.name.clone().or(identity.name),
        host: opts.url.host_str().unwrap_or("").to_string(),
        kind: opts
            .kind
            .clone()
            .or_else(|| identity.kind.map(str::to_string)),
    }
}

/// Re-run the checks on a saved `site-graph.json` without fetching anything (new or edited
/// rule packs, another `--as-of` date, other overrides). `opts.url` is ignored: the graph's
/// start URL is used.
pub fn recheck(graph_file: &Path, opts: &CheckOptions) -> Result<SiteOutcome, RunError> {
    let text = std::fs::read_to_string(graph_file)
        .map_err(|e| RunError::Recheck(format!("{}: {e}", graph_file.display())))?;
    let graph = SiteGraph::from_json(&text)
        .map_err(|e| RunError::Recheck(format!("{}: {e}", graph_file.display())))?;
    let url = Url::parse(&graph.start_url)
        .map_err(|e| RunError::Recheck(format!("{}: start URL: {e}", graph_file.display())))?;
    let opts = CheckOptions {
        url,
        ..opts.clone()
    };
    let started_at = now_rfc3339();
    let today = opts.as_of.unwrap_or_else(|| jiff::Zoned::now().date());
    let baseline = opts.baseline.as_deref().map(load_report).transpose()?;
    let baseline_graph = match (&opts.baseline, &baseline) {
        (Some(path), Some(report)) => Some(load_baseline_graph(path, report, opts.lang)?),
        _ => None,
    };
    let (packs, overrides) = prepare_rules(&opts)?;
    let ctx = crate::rules::EvalContext {
        probes: Vec::new(),
        home_history: Vec::new(),
        today,
        lang: opts.lang,
        overrides,
        baseline: baseline_graph,
    };
    let (checks, verdict) = run_checks(&graph, &packs, &ctx);
    let pack_names = packs.iter().map(|p| p.name.clone()).collect();
    let mut report = report::build(
        &graph,
        site_info(&opts, &graph),
        pack_names,
        checks,
        Some(verdict),
        started_at,
        now_rfc3339(),
        today.to_string(),
        opts.lang,
    );
    if let Some(old) = &baseline {
        report.comparison = Some(report::diff::compare(old, &report));
    }
    let out_dir = opts
        .out
        .clone()
        .unwrap_or_else(|| graph_file.parent().unwrap_or(Path::new(".")).to_path_buf());
    report::write_all(&out_dir, &report, &graph, &opts.formats)?;
    Ok(SiteOutcome {
        report,
        graph,
        out_dir,
    })
}

/// Log the resident memory at a pipeline stage (`-v`), for capacity planning.
fn log_memory(stage: &str) {
    let rss_kb = std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<u64>().ok())
        });
    if let Some(kb) = rss_kb {
        tracing::info!(stage, rss_mb = kb / 1024, "memory");
    }
}

/// Probe a home page `count` times, `interval` apart, recording each probe in the history
/// store (for GOV-V01's week of monitoring). Returns (ok, failed).
pub async fn probe(
    url: &Url,
    fetch: FetchConfig,
    store: &crate::store::Store,
    count: usize,
    interval: std::time::Duration,
    events: &Events,
) -> Result<(usize, usize), RunError> {
    let fetch = FetchConfig {
        timeout: std::time::Duration::from_millis(PROBE_TIMEOUT_MS),
        retries: 0,
        respect_robots: false,
        ..fetch
    };
    let fetcher = Fetcher::new(fetch)?;
    let site = crate::store::site_key(url);
    let opts = crate::fetch::FetchOpts {
        max_body: 1024 * 1024,
        ..Default::default()
    };
    let (mut ok, mut failed) = (0, 0);
    for i in 0..count.max(1) {
        if i > 0 {
            tokio::time::sleep(interval).await;
        }
        let started = std::time::Instant::now();
        let result = fetcher.fetch(url, &opts).await;
        let ms = started.elapsed().as_millis() as u64;
        let (good, detail) = match &result {
            Ok(f)
                if (200..400).contains(&f.status)
                    && crate::fetch::detect_waf(f.status, &f.body).is_none() =>
            {
                (
                    ms <= PROBE_TIMEOUT_MS,
                    format!("HTTP {} in {ms} ms", f.status),
                )
            }
            Ok(f) => (false, format!("HTTP {}", f.status)),
            Err(e) => (false, e.message.clone()),
        };
        if good {
            ok += 1;
        } else {
            failed += 1;
        }
        store.record_probe(&site, jiff::Timestamp::now(), good, ms, &detail)?;
        events.emit(Event::Probed {
            url,
            ok: good,
            detail: &detail,
        });
    }
    Ok((ok, failed))
}

/// Read a saved `report.json`.
pub fn load_report(path: &Path) -> Result<Report, RunError> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| RunError::Baseline(format!("{}: {e}", path.display())))?;
    serde_json::from_str(&text).map_err(|e| RunError::Baseline(format!("{}: {e}", path.display())))
}

/// The site graph that lies beside a baseline report (its `crawl.graph_file`,
/// `site-graph.json`, in the same folder). A missing graph is not an error: the
/// `ci-redesign` checks then say why they cannot decide. A graph that is there but
/// unreadable is.
pub fn load_baseline_graph(path: &Path, report: &Report, lang: Lang) -> Result<Baseline, RunError> {
    let name = if report.crawl.graph_file.trim().is_empty() {
        "site-graph.json"
    } else {
        report.crawl.graph_file.as_str()
    };
    let file = path.parent().unwrap_or(Path::new(".")).join(name);
    if !file.is_file() {
        return Ok(Baseline::Missing(tr!(
            lang,
            "基线报告 {} 旁没有 {}（请保留生产站点检查的整个输出目录，而不只是 report.json）",
            "{1} is not beside the baseline report {0} (keep the whole output folder of the production check, not only report.json)",
            path.display(),
            file.display()
        )));
    }
    let text = std::fs::read_to_string(&file)
        .map_err(|e| RunError::Baseline(format!("{}: {e}", file.display())))?;
    let graph = SiteGraph::from_json(&text)
        .map_err(|e| RunError::Baseline(format!("{}: {e}", file.display())))?;
    Ok(Baseline::Graph(Arc::new(graph)))
}

/// A running demo server with the host mapping needed to reach it.
pub struct DemoServer {
    pub server: SiteServer,
    pub url: Url,
    pub resolve: ResolveEntry,
}

/// Serve the bundled demo site on 127.0.0.1 (a free port).
pub async fn start_demo(port: u16) -> Result<DemoServer, RunError> {
    let bind: SocketAddr = ([127, 0, 0, 1], port).into();
    let server = SiteServer::start(SiteSource::Embedded(&DEMO_SITES), bind)
        .await
        .map_err(|e| RunError::Demo(e.to_string()))?;
    let port = server.addr().port();
    let url = Url::parse(&format!("http://{DEMO_HOST}:{port}/"))
        .map_err(|e| RunError::Demo(e.to_string()))?;
    let resolve = ResolveEntry {
        host: DEMO_HOST.to_string(),
        port,
        addr: server.addr().ip(),
    };
    Ok(DemoServer {
        server,
        url,
        resolve,
    })
}

/// Load the selected rule packs and the site's overrides (before crawling: a malformed
/// rule file must fail fast, not after an hour of crawling).
pub fn prepare_rules(
    opts: &CheckOptions,
) -> Result<(Vec<crate::rules::Pack>, crate::rules::SiteOverrides), RunError> {
    let mut selectors = opts.packs.clone();
    if opts.baseline.is_some() && !selectors.iter().any(|s| s == crate::rules::pack::CI_PACK) {
        // comparing with a baseline: the CI checks before a redesign apply
        if selectors.is_empty() {
            selectors = crate::rules::pack::DEFAULT_PACKS
                .iter()
                .map(|s| s.to_string())
                .collect();
        }
        selectors.push(crate::rules::pack::CI_PACK.to_string());
    }
    let packs = crate::rules::load_packs(&selectors).map_err(|e| RunError::Rules(e.to_string()))?;
    let host = opts.url.host_str().unwrap_or("");
    let mut overrides = match &opts.overrides {
        Some(path) => {
            let text = std::fs::read_to_string(path).map_err(|e| {
                RunError::Rules(format!(
                    "cannot read overrides file {}: {e}",
                    path.display()
                ))
            })?;
            crate::rules::load_overrides(&text, host)
                .map_err(|e| RunError::Rules(format!("{}: {e}", path.display())))?
        }
        None => crate::rules::SiteOverrides::default(),
    };
    if opts.kind.is_some() {
        overrides.kind = opts.kind.clone();
    }
    for (k, v) in &opts.pins {
        overrides.columns.insert(k.clone(), v.clone());
    }
    overrides
        .not_applicable
        .extend(opts.not_applicable.iter().cloned());
    Ok((packs, overrides))
}

/// Evaluate the packs on the graph and compute the national verdict.
pub fn run_checks(
    graph: &SiteGraph,
    packs: &[crate::rules::Pack],
    ctx: &crate::rules::EvalContext,
) -> (Vec<crate::rules::CheckResult>, report::VerdictInfo) {
    let results = crate::rules::evaluate(graph, packs, ctx);
    let v = crate::rules::verdict(&results, packs);
    let verdict = report::VerdictInfo {
        qualified: v.qualified,
        vetoes: v.vetoes,
        deductions: v.deductions,
        deduction_items: v.deduction_items,
        note: v.partial_note,
    };
    (results, verdict)
}
