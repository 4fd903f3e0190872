//! Report stage: `report.json` (the contract in the check catalogue), the saved site graph
//! (`site-graph.json`, for offline re-checks) and the terminal summary. All files are
//! written atomically (temp file + rename) so an interrupted run never leaves half a report.

pub mod crawl_view;
pub mod diff;
pub mod formats;
pub mod labels;
pub mod summary;
pub mod templates;
pub mod view;
pub mod xlsx;
pub mod xlsx_index;

use crate::atomic::{WriteError, write_atomic_with};
use crate::i18n::Lang;
use crate::model::{ErrorClass, SiteGraph, StopReason};
use crate::rules::{CheckResult, Status};
use serde::{Deserialize, Serialize};
use std::io::Write as _;
use std::path::{Path, PathBuf};
use thiserror::Error;

/// JSON Schema of `report.json` (`zwgk schema`).
pub const SCHEMA: &str = include_str!("../../schema/report.schema.json");

/// Sites with more pages than this stream `pages` to `pages.jsonl` instead.
pub const INLINE_PAGES_MAX: usize = 50_000;

#[derive(Debug, Error)]
pub enum ReportError {
    #[error("cannot write {path}: {source}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot serialise the report: {0}")]
    Json(#[from] serde_json::Error),
}

impl From<WriteError> for ReportError {
    fn from(WriteError { path, source }: WriteError) -> Self {
        ReportError::Write { path, source }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Tool {
    pub name: String,
    pub version: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SiteInfo {
    pub url: String,
    pub name: Option<String>,
    pub host: String,
    #[serde(default)]
    pub kind: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Stats {
    pub pages: usize,
    pub links: usize,
    pub media: usize,
    pub errors: usize,
    #[serde(default)]
    pub requests: u64,
    #[serde(default)]
    pub retries: u64,
    #[serde(default)]
    pub bytes: u64,
    #[serde(default)]
    pub elapsed_ms: u64,
    #[serde(default)]
    pub robots_disallowed: u64,
    #[serde(default)]
    pub trap_skipped: u64,
    #[serde(default)]
    pub out_of_scope: u64,
    #[serde(default)]
    pub depth_skipped: u64,
    #[serde(default)]
    pub unvisited: u64,
    /// pages answered 304 Not Modified since the last run (facts reused from history)
    #[serde(default)]
    pub unchanged: u64,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub pass: usize,
    pub fail: usize,
    pub warn: usize,
    pub not_applicable: usize,
}

impl Summary {
    pub fn of(checks: &[CheckResult]) -> Self {
        let mut s = Summary::default();
        for c in checks {
            match c.status {
                Status::Pass => s.pass += 1,
                Status::Fail => s.fail += 1,
                Status::Warn => s.warn += 1,
                Status::NotApplicable => s.not_applicable += 1,
            }
        }
        s
    }
}

/// One crawl error as reported.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ErrorEntry {
    pub url: String,
    pub class: ErrorClass,
    pub status: Option<u16>,
    pub message: String,
    pub parent: Option<String>,
    pub via_text: Option<String>,
}

/// How the crawl went: why it stopped, whether it is complete, what failed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CrawlInfo {
    pub stop_reason: StopReason,
    /// true when every reachable page in scope was visited
    pub complete: bool,
    /// human-readable explanation of `stop_reason`
    pub message: String,
    pub errors: Vec<ErrorEntry>,
    /// file beside the report with the full site graph
    pub graph_file: String,
    /// hosts whose pages were crawled (the start host first, then e.g. a disclosure
    /// platform on a sister host), with their page counts
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hosts: Vec<HostEntry>,
    /// URLs refused as crawler traps (crawl and verification), by reason and pattern
    #[serde(default)]
    pub traps: Vec<crate::model::TrapRecord>,
    /// hosts whose certificate failed validation: fetched with verification off
    #[serde(default)]
    pub tls: Vec<TlsEntry>,
    /// values a site sent that were out of range and clamped (Crawl-delay, Retry-After …)
    #[serde(default)]
    pub notes: Vec<String>,
    /// URLs the run did not fetch or verify (time or page budget), at most 1000 per stage
    #[serde(default)]
    pub not_checked: Vec<NotCheckedEntry>,
    /// pages rendered in headless Chromium, JavaScript challenges by host, pages that needed
    /// a browser and were not rendered
    #[serde(default, skip_serializing_if = "BrowserInfo::is_empty")]
    pub browser: BrowserInfo,
}

/// What the browser stage did (`crawl.browser`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct BrowserInfo {
    /// pages whose facts come from the rendered DOM
    pub rendered: Vec<String>,
    /// hosts that answered a JavaScript challenge (瑞数 412, 加速乐 521 …)
    pub challenges: Vec<ChallengeEntry>,
    /// pages that needed a browser and were checked from their HTTP answer instead
    pub not_rendered: Vec<NotRenderedEntry>,
}

impl BrowserInfo {
    pub fn is_empty(&self) -> bool {
        self.rendered.is_empty() && self.challenges.is_empty() && self.not_rendered.is_empty()
    }
}

/// A host that answered a JavaScript challenge.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChallengeEntry {
    pub host: String,
    pub kind: String,
    /// passed in the browser; the crawl continued with the cookies it earned
    pub passed: bool,
    pub pages: Vec<String>,
}

/// A page that needed a browser and was not rendered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NotRenderedEntry {
    pub url: String,
    pub reason: crate::model::RenderReason,
    pub failure: crate::model::RenderFailure,
    pub message: String,
}

fn browser_info(g: &SiteGraph) -> BrowserInfo {
    BrowserInfo {
        rendered: g
            .pages
            .iter()
            .filter(|p| p.rendered)
            .map(|p| g.url(p.url).to_string())
            .collect(),
        challenges: g
            .challenges
            .iter()
            .map(|c| ChallengeEntry {
                host: c.host.clone(),
                kind: c.kind.clone(),
                passed: c.passed,
                pages: c.pages.iter().map(|&u| g.url(u).to_string()).collect(),
            })
            .collect(),
        not_rendered: g
            .render_problems
            .iter()
            .map(|r| NotRenderedEntry {
                url: g.url(r.url).to_string(),
                reason: r.reason,
                failure: r.failure,
                message: r.message.clone(),
            })
            .collect(),
    }
}

/// A host whose certificate failed validation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TlsEntry {
    pub host: String,
    /// the problems in words (Chinese, or English with `--lang en`)
    pub message: String,
    pub issues: Vec<crate::model::TlsIssue>,
    /// always true: the host was crawled with certificate verification turned off
    pub verification_off: bool,
}

/// A URL not fetched (`crawl`) or not verified (`verify`), and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NotCheckedEntry {
    pub url: String,
    pub stage: String,
    pub reason: StopReason,
}

/// A host the crawl visited.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HostEntry {
    pub host: String,
    pub pages: usize,
}

/// Hosts of the crawled pages with page counts, the start host first.
pub fn crawled_hosts(g: &SiteGraph) -> Vec<HostEntry> {
    let start = url::Url::parse(&g.start_url)
        .ok()
        .and_then(|u| u.host_str().map(str::to_string))
        .unwrap_or_default();
    let mut counts: std::collections::BTreeMap<String, usize> = Default::default();
    for p in &g.pages {
        if let Some(h) = url::Url::parse(g.url(p.final_url))
            .ok()
            .and_then(|u| u.host_str().map(str::to_string))
        {
            *counts.entry(h).or_default() += 1;
        }
    }
    let mut v: Vec<HostEntry> = counts
        .into_iter()
        .map(|(host, pages)| HostEntry { host, pages })
        .collect();
    v.sort_by_key(|h| h.host != start);
    v
}

/// One fetched HTML page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PageEntry {
    pub url: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub final_url: Option<String>,
    pub status: u16,
    pub title: Option<String>,
    pub depth: u32,
    #[serde(default)]
    pub charset: String,
}

/// The national indicators' overall verdict (单项否决 + estimated deductions).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VerdictInfo {
    pub qualified: bool,
    pub vetoes: Vec<String>,
    pub deductions: f64,
    pub deduction_items: Vec<(String, f64)>,
    pub note: String,
}

/// `report.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub schema_version: u32,
    pub tool: Tool,
    pub site: SiteInfo,
    pub started_at: String,
    pub finished_at: String,
    /// the date checks were evaluated against (freshness windows)
    pub as_of: String,
    pub lang: Lang,
    pub packs: Vec<String>,
    pub stats: Stats,
    pub summary: Summary,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verdict: Option<VerdictInfo>,
    pub checks: Vec<CheckResult>,
    pub crawl: CrawlInfo,
    pub pages: Vec<PageEntry>,
    /// comparison with a baseline report (`--baseline`), if any
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comparison: Option<diff::Comparison>,
    /// set when `pages` was streamed to a separate file (very large sites)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pages_file: Option<String>,
}

/// Threshold of `--fail-on`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FailOn {
    /// no check fails the run (exit 0 whatever the findings)
    #[default]
    None,
    /// fail on high-severity failures
    High,
    /// fail on medium or high
    Medium,
    /// fail on any failure
    Low,
    /// fail only on failures not in the baseline (needs --baseline)
    New,
}

impl std::str::FromStr for FailOn {
    type Err = crate::model::UnknownName;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        crate::model::name::parse_name(
            "--fail-on threshold",
            s,
            &[
                ("none", FailOn::None),
                ("high", FailOn::High),
                ("medium", FailOn::Medium),
                ("low", FailOn::Low),
                ("new", FailOn::New),
            ],
        )
    }
}

/// Whether the run must fail (exit code 2) under the threshold.
pub fn fails(report: &Report, fail_on: FailOn) -> bool {
    use crate::rules::Severity;
    let at_least = |min: Severity| {
        report
            .checks
            .iter()
            .any(|c| c.status == Status::Fail && c.severity >= min)
    };
    match fail_on {
        FailOn::None => false,
        FailOn::High => at_least(Severity::High),
        FailOn::Medium => at_least(Severity::Medium),
        FailOn::Low => at_least(Severity::Low),
        // the CI checks before a redesign compare with the baseline themselves
        FailOn::New => {
            report
                .comparison
                .as_ref()
                .is_some_and(|c| !c.new_failures.is_empty())
                || report
                    .checks
                    .iter()
                    .any(|c| c.status == Status::Fail && crate::rules::pack::is_ci_check(&c.id))
        }
    }
}

/// Explain a stop reason to a person.
pub fn stop_message(reason: StopReason, graph: &SiteGraph, lang: Lang) -> String {
    let s = &graph.stats;
    match reason {
        StopReason::Completed => lang
            .pick(
                "已访问范围内全部可达页面",
                "every reachable page in scope was visited",
            )
            .to_string(),
        StopReason::PageBudget => tr!(
            lang,
            "达到页面上限（--max-pages），仍有 {} 个网址未访问；部分检查可能无法判定",
            "page budget (--max-pages) reached with {} URLs not visited; some checks may be undecidable",
            s.unvisited
        ),
        StopReason::TimeBudget => tr!(
            lang,
            "达到时间上限（--max-duration），检查未完成：{} 个网址未抓取或未验证（见 crawl.not_checked）",
            "time budget (--max-duration) reached; the run is incomplete: {} URLs not fetched or not verified (see crawl.not_checked)",
            (s.unvisited as usize).max(graph.not_checked.len())
        ),
        StopReason::Interrupted => lang
            .pick(
                "抓取被中断（Ctrl-C），本报告为部分结果",
                "crawl interrupted (Ctrl-C); this report is partial",
            )
            .to_string(),
        StopReason::StartFailed => {
            let why = graph
                .errors
                .first()
                .map(|e| e.message.clone())
                .unwrap_or_default();
            tr!(
                lang,
                "首页无法抓取：{why}",
                "the start page could not be fetched: {why}"
            )
        }
    }
}

/// Build the report from the graph and check results.
#[allow(clippy::too_many_arguments)]
pub fn build(
    graph: &SiteGraph,
    site: SiteInfo,
    packs: Vec<String>,
    checks: Vec<CheckResult>,
    verdict: Option<VerdictInfo>,
    started_at: String,
    finished_at: String,
    as_of: String,
    lang: Lang,
) -> Report {
    let g = graph;
    let reason = g.stop_reason.unwrap_or(StopReason::Completed);
    let errors = g
        .errors
        .iter()
        .map(|e| ErrorEntry {
            url: g.url(e.url).to_string(),
            class: e.class,
            status: e.status,
            message: e.message.clone(),
            parent: e.parent.map(|p| g.url(p).to_string()),
            via_text: e.via_text.map(|t| g.text(t).to_string()),
        })
        .collect();
    let pages = g
        .pages
        .iter()
        .map(|p| PageEntry {
            url: g.url(p.url).to_string(),
            final_url: (p.final_url != p.url).then(|| g.url(p.final_url).to_string()),
            status: p.status,
            title: p.title.as_deref().map(str::to_string),
            depth: p.depth,
            charset: p.charset.encoding.to_string(),
        })
        .collect();
    let s = &g.stats;
    Report {
        schema_version: 1,
        tool: Tool {
            name: "zwgk".into(),
            version: env!("CARGO_PKG_VERSION").into(),
        },
        site,
        started_at,
        finished_at,
        as_of,
        lang,
        packs,
        stats: Stats {
            pages: s.pages,
            links: s.links,
            media: s.media,
            errors: s.errors,
            requests: s.requests,
            retries: s.retries,
            bytes: s.bytes,
            elapsed_ms: s.elapsed_ms,
            robots_disallowed: s.robots_disallowed,
            trap_skipped: s.trap_skipped,
            out_of_scope: s.out_of_scope,
            depth_skipped: s.depth_skipped,
            unvisited: s.unvisited,
            unchanged: s.unchanged,
        },
        summary: Summary::of(&checks),
        verdict,
        checks,
        crawl: CrawlInfo {
            stop_reason: reason,
            complete: reason == StopReason::Completed,
            message: stop_message(reason, g, lang),
            errors,
            graph_file: "site-graph.json".into(),
            hosts: crawled_hosts(g),
            traps: g.traps.clone(),
            tls: g
                .tls
                .iter()
                .map(|t| TlsEntry {
                    host: t.host.clone(),
                    message: tr!(
                        lang,
                        "{}；已对该主机关闭证书校验继续抓取",
                        "{}; crawled with certificate verification turned off for this host",
                        t.describe(lang)
                    ),
                    issues: t.issues.clone(),
                    verification_off: true,
                })
                .collect(),
            notes: g.notes.clone(),
            not_checked: g
                .not_checked
                .iter()
                .map(|n| NotCheckedEntry {
                    url: g.url(n.url).to_string(),
                    stage: n.stage.to_string(),
                    reason: n.reason,
                })
                .collect(),
            browser: browser_info(g),
        },
        pages,
        comparison: None,
        pages_file: None,
    }
}

/// Write `report.json`, `site-graph.json` (and `pages.jsonl` for very large sites) and the
/// other selected formats.
pub fn write_all(
    dir: &Path,
    report: &Report,
    graph: &SiteGraph,
    formats: &[formats::Format],
) -> Result<(), ReportError> {
    formats::write_formats(dir, report, formats)?;
    let json = |e: serde_json::Error| std::io::Error::other(e);
    write_atomic_with(&dir.join("site-graph.json"), |w| {
        serde_json::to_writer(w, graph).map_err(json)
    })?;
    if report.pages.len() > INLINE_PAGES_MAX {
        write_atomic_with(&dir.join("pages.jsonl"), |w| {
            for p in &report.pages {
                serde_json::to_writer(&mut *w, p).map_err(json)?;
                w.write_all(b"\n")?;
            }
            Ok(())
        })?;
        let slim = Report {
            pages: Vec::new(),
            pages_file: Some("pages.jsonl".into()),
            ..report.clone()
        };
        write_atomic_with(&dir.join("report.json"), |w| {
            serde_json::to_writer_pretty(w, &slim).map_err(json)
        })?;
    } else {
        write_atomic_with(&dir.join("report.json"), |w| {
            serde_json::to_writer_pretty(w, report).map_err(json)
        })?;
    }
    Ok(())
}
