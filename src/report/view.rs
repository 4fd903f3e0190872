//! The view model shared by the Markdown and HTML reports ([`View`], built by [`view`]
//! from a [`Report`]): verdict, summary counts, results by office and by severity, the
//! disclosure-path tree as found, the comparison with a baseline, the findings grouped by
//! 牵头处室 with requirement text, evidence and how to fix, and the crawl. Also what the CI
//! formats read from each result ([`check_meta`]).

use super::Report;
use super::diff::{self, Comparison, DiffItem};
use super::labels::labels;
use crate::i18n::Lang;
use crate::rules::{CheckResult, Severity, Status};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

/// Only web URLs become links; anything else (e.g. `javascript:`) is shown as text.
pub(crate) fn web_href(url: &str) -> Option<String> {
    let u = url.trim();
    let lower = u.to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://")).then(|| u.to_string())
}

/// What one check result carries beyond its message, as the reports use it.
#[derive(Debug, Clone, Default)]
pub struct CheckMeta {
    /// how to fix a failure (in the report's language when the pack has it)
    pub fix: String,
    /// 一级指标 / 二级指标 of a national indicator (from the check's `source`)
    pub indicator: Option<(String, String)>,
    /// deduction cap of a 扣分 item
    pub cap: Option<f64>,
    /// a required disclosure path (`path` kind)
    pub is_path: bool,
    /// CI formats write one test case / result per evidence item (each lost URL)
    pub per_evidence: bool,
}

/// What each check result says beyond its message: read from the results themselves
/// (`fix`, `indicator`, `deduction_cap`, `kinds`, `per_evidence`); the reports never reload
/// rule packs.
pub fn check_meta(report: &Report) -> HashMap<String, CheckMeta> {
    report
        .checks
        .iter()
        .map(|c| {
            (
                c.id.clone(),
                CheckMeta {
                    fix: c.fix.clone(),
                    indicator: c
                        .indicator
                        .as_ref()
                        .map(|i| (i.level1.clone(), i.level2.clone())),
                    cap: c.deduction_cap,
                    is_path: c.is_path(),
                    per_evidence: c.per_evidence,
                },
            )
        })
        .collect()
}

/// At most this many evidence entries per finding are shown (the rest: see report.json).
pub const EVIDENCE_SHOWN: usize = 20;
/// At most this many crawl errors are listed.
pub const ERRORS_SHOWN: usize = 50;

#[derive(Debug, Clone, Serialize)]
pub struct SiteView {
    pub name: String,
    pub url: String,
    pub href: Option<String>,
    pub host: String,
    pub kind: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Named {
    pub id: String,
    pub title: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct DeductionRow {
    pub level1: String,
    pub level2: String,
    pub id: String,
    pub title: String,
    pub cap: String,
    pub amount: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct VerdictView {
    pub qualified: bool,
    /// 合格 / 不合格
    pub label: String,
    pub vetoes: Vec<Named>,
    pub deductions: String,
    pub score: String,
    pub rows: Vec<DeductionRow>,
    pub note: String,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Counts {
    pub label: String,
    pub fail: usize,
    pub warn: usize,
    pub pass: usize,
    pub na: usize,
    pub total: usize,
}

impl Counts {
    fn add(&mut self, s: Status) {
        match s {
            Status::Pass => self.pass += 1,
            Status::Fail => self.fail += 1,
            Status::Warn => self.warn += 1,
            Status::NotApplicable => self.na += 1,
        }
        self.total += 1;
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct StepView {
    pub text: String,
    pub url: String,
    pub href: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct EvidenceView {
    pub text: String,
    pub url: String,
    pub href: Option<String>,
    pub path: Vec<StepView>,
    /// the page's screenshot, relative to the report
    pub screenshot: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    pub id: String,
    pub anchor: String,
    pub title: String,
    pub office: String,
    pub severity: &'static str,
    pub severity_label: &'static str,
    pub status: &'static str,
    pub status_label: &'static str,
    pub icon: &'static str,
    pub message: String,
    pub requirement: String,
    pub fix: String,
    pub evidence: Vec<EvidenceView>,
    pub evidence_more: usize,
    /// in the comparison: new / fixed / unchanged / undecided (empty without a baseline)
    pub change: String,
    /// after how many requests of the crawl the check was decided (empty when unknown)
    pub decided: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct OfficeGroup {
    pub office: String,
    pub anchor: String,
    pub counts: Counts,
    pub findings: Vec<Finding>,
}

/// A check marker in the path tree: where a required path ends (or stops).
#[derive(Debug, Clone, Serialize)]
pub struct Marker {
    pub id: String,
    pub title: String,
    pub status: &'static str,
    pub status_label: &'static str,
    pub icon: &'static str,
    pub message: String,
    pub anchor: String,
}

/// A node of the disclosure-path tree: a page reached by clicking `text`.
#[derive(Debug, Clone, Serialize)]
pub struct TreeNode {
    pub text: String,
    pub url: String,
    pub href: Option<String>,
    /// on the chain of at least one passing required path
    pub ok: bool,
    pub markers: Vec<Marker>,
    pub children: Vec<TreeNode>,
}

/// The tree flattened for Markdown: one line each, with its depth.
#[derive(Debug, Clone, Serialize)]
pub struct TreeLine {
    pub indent: String,
    pub node: Option<StepView>,
    pub marker: Option<Marker>,
}

#[derive(Debug, Clone, Serialize)]
pub struct DiffRow {
    pub id: String,
    pub title: String,
    pub office: String,
    pub severity_label: &'static str,
    pub before: &'static str,
    pub after: &'static str,
    pub message: String,
    pub new_evidence: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct DiffGroup {
    pub heading: &'static str,
    pub kind: &'static str,
    pub items: Vec<DiffRow>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ComparisonView {
    pub baseline: String,
    pub counts: String,
    pub groups: Vec<DiffGroup>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ErrorRow {
    pub url: String,
    pub href: Option<String>,
    pub class: String,
    pub status: String,
    pub message: String,
    pub parent: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct CrawlView {
    pub complete: bool,
    pub message: String,
    pub pages: usize,
    pub links: usize,
    pub media: usize,
    pub errors: usize,
    pub requests: u64,
    pub seconds: String,
    pub error_rows: Vec<ErrorRow>,
    pub errors_more: usize,
    /// hosts, traps, certificates, clamped values, what a budget left unchecked
    pub limits: super::crawl_view::CrawlLimits,
}

/// Everything the Markdown and HTML templates show.
#[derive(Debug, Clone, Serialize)]
pub struct View {
    pub lang: &'static str,
    pub html_lang: &'static str,
    pub t: BTreeMap<&'static str, &'static str>,
    pub tool: String,
    pub site: SiteView,
    pub as_of: String,
    pub started_at: String,
    pub finished_at: String,
    pub packs: String,
    pub verdict: Option<VerdictView>,
    pub summary: Counts,
    pub by_office: Vec<Counts>,
    pub by_severity: Vec<Counts>,
    pub tree: TreeNode,
    pub tree_lines: Vec<TreeLine>,
    pub has_paths: bool,
    pub comparison: Option<ComparisonView>,
    pub offices: Vec<OfficeGroup>,
    /// offices whose checks all pass or do not apply
    pub clean_offices: Vec<String>,
    pub checks: Vec<Finding>,
    pub crawl: CrawlView,
    pub findings_total: usize,
}

fn fmt_points(x: f64) -> String {
    let s = format!("{:.2}", x);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s.is_empty() || s == "-0" {
        "0".into()
    } else {
        s.to_string()
    }
}

/// An anchor usable in HTML ids and Markdown links.
fn anchor(prefix: &str, s: &str) -> String {
    let mut out = String::from(prefix);
    for ch in s.chars() {
        if ch.is_alphanumeric() || ch == '-' || ch == '_' {
            out.push(ch.to_ascii_lowercase());
        } else {
            out.push('-');
        }
    }
    out
}

fn steps(path: &[crate::rules::PathStep]) -> Vec<StepView> {
    path.iter()
        .map(|s| StepView {
            text: s.text.clone(),
            url: s.url.clone(),
            href: web_href(&s.url),
        })
        .collect()
}

fn finding(c: &CheckResult, meta: Option<&CheckMeta>, change: &str, lang: Lang) -> Finding {
    let fix = meta
        .map(|m| m.fix.clone())
        .filter(|f| !f.trim().is_empty())
        .unwrap_or_else(|| c.requirement.clone());
    Finding {
        id: c.id.clone(),
        anchor: anchor("check-", &c.id),
        title: c.title.clone(),
        office: office_name(&c.office, lang),
        severity: c.severity.code(),
        severity_label: c.severity.label(lang),
        status: c.status.code(),
        status_label: c.status.label(lang),
        icon: c.status.icon(),
        message: c.message.clone(),
        requirement: c.requirement.clone(),
        decided: c
            .decided_after_requests
            .map(|n| tr!(lang, "第 {} 次请求后判定", "decided after {} requests", n))
            .unwrap_or_default(),
        fix,
        evidence: c
            .evidence
            .iter()
            .take(EVIDENCE_SHOWN)
            .map(|e| EvidenceView {
                text: e.text.clone(),
                url: e.url.clone(),
                href: web_href(&e.url),
                path: steps(&e.path),
                screenshot: e
                    .screenshot
                    .clone()
                    .filter(|p| super::xlsx::is_relative_file(p)),
            })
            .collect(),
        evidence_more: c.evidence.len().saturating_sub(EVIDENCE_SHOWN),
        change: change.to_string(),
    }
}

pub(crate) fn office_name(office: &str, lang: Lang) -> String {
    if office.trim().is_empty() {
        labels(lang)["no_office"].to_string()
    } else {
        office.to_string()
    }
}

fn marker(c: &CheckResult, lang: Lang) -> Marker {
    Marker {
        id: c.id.clone(),
        title: c.title.clone(),
        status: c.status.code(),
        status_label: c.status.label(lang),
        icon: c.status.icon(),
        message: if c.status == Status::Pass {
            String::new()
        } else {
            c.message.clone()
        },
        anchor: anchor("check-", &c.id),
    }
}

/// Insert a clicked chain into the tree; returns the node where it ends.
fn insert<'t>(root: &'t mut TreeNode, chain: &[crate::rules::PathStep]) -> &'t mut TreeNode {
    let mut node = root;
    for step in chain {
        let i = match node
            .children
            .iter()
            .position(|n| n.url == step.url && n.text == step.text)
        {
            Some(i) => i,
            None => {
                node.children.push(TreeNode {
                    text: step.text.clone(),
                    url: step.url.clone(),
                    href: web_href(&step.url),
                    ok: false,
                    markers: Vec::new(),
                    children: Vec::new(),
                });
                node.children.len() - 1
            }
        };
        node = &mut node.children[i];
    }
    node
}

fn mark_ok(root: &mut TreeNode, chain: &[crate::rules::PathStep]) {
    root.ok = true;
    let mut node = root;
    for step in chain {
        let Some(i) = node
            .children
            .iter()
            .position(|n| n.url == step.url && n.text == step.text)
        else {
            return;
        };
        node = &mut node.children[i];
        node.ok = true;
    }
}

/// The disclosure-path tree as found: every required path check with its clicked chain.
pub fn path_tree(report: &Report, meta: &HashMap<String, CheckMeta>) -> (TreeNode, bool) {
    let lang = report.lang;
    let mut root = TreeNode {
        text: labels(lang)["home"].to_string(),
        url: report.site.url.clone(),
        href: web_href(&report.site.url),
        ok: false,
        markers: Vec::new(),
        children: Vec::new(),
    };
    let mut any = false;
    for c in &report.checks {
        let has_chain = c.evidence.iter().any(|e| !e.path.is_empty());
        let is_path = meta.get(&c.id).is_some_and(|m| m.is_path) || has_chain;
        if !is_path || c.status == Status::NotApplicable {
            continue;
        }
        any = true;
        let chains: Vec<&[crate::rules::PathStep]> = c
            .evidence
            .iter()
            .filter(|e| !e.path.is_empty())
            .map(|e| e.path.as_slice())
            .collect();
        if chains.is_empty() {
            root.markers.push(marker(c, lang));
            continue;
        }
        for chain in chains {
            let end = insert(&mut root, chain);
            if !end.markers.iter().any(|m| m.id == c.id) {
                end.markers.push(marker(c, lang));
            }
            if c.status == Status::Pass {
                mark_ok(&mut root, chain);
            }
        }
    }
    (root, any)
}

fn flatten(node: &TreeNode, depth: usize, out: &mut Vec<TreeLine>) {
    let indent = "  ".repeat(depth);
    out.push(TreeLine {
        indent: indent.clone(),
        node: Some(StepView {
            text: node.text.clone(),
            url: node.url.clone(),
            href: node.href.clone(),
        }),
        marker: None,
    });
    for m in &node.markers {
        out.push(TreeLine {
            indent: "  ".repeat(depth + 1),
            node: None,
            marker: Some(m.clone()),
        });
    }
    for c in &node.children {
        flatten(c, depth + 1, out);
    }
}

fn diff_rows(items: &[DiffItem], lang: Lang) -> Vec<DiffRow> {
    items
        .iter()
        .map(|i| DiffRow {
            id: i.id.clone(),
            title: i.title.clone(),
            office: office_name(&i.office, lang),
            severity_label: i.severity.label(lang),
            before: diff::status_label(i.before, lang),
            after: diff::status_label(i.after, lang),
            message: i.message.clone(),
            new_evidence: i.new_evidence.clone(),
        })
        .collect()
}

fn comparison_view(c: &Comparison, lang: Lang) -> ComparisonView {
    let kinds = ["new", "fixed", "unchanged", "undecided"];
    ComparisonView {
        baseline: c.baseline.clone(),
        counts: diff::counts_line(c, lang),
        groups: diff::groups(c, lang)
            .into_iter()
            .zip(kinds)
            .filter(|((_, items), _)| !items.is_empty())
            .map(|((heading, items), kind)| DiffGroup {
                heading,
                kind,
                items: diff_rows(items, lang),
            })
            .collect(),
    }
}

fn change_of(c: &CheckResult, cmp: Option<&Comparison>) -> &'static str {
    let Some(cmp) = cmp else { return "" };
    let has = |v: &[DiffItem]| v.iter().any(|i| i.id == c.id);
    if has(&cmp.new_failures) {
        "new"
    } else if has(&cmp.unchanged_failures) {
        "unchanged"
    } else if has(&cmp.undecided) {
        "undecided"
    } else if has(&cmp.fixed) {
        "fixed"
    } else {
        ""
    }
}

/// Build the view model of a report.
pub fn view(report: &Report) -> View {
    let lang = report.lang;
    let t = labels(lang);
    let meta = check_meta(report);
    let title_of = |id: &str| {
        report
            .checks
            .iter()
            .find(|c| c.id == id)
            .map(|c| c.title.clone())
            .unwrap_or_default()
    };
    let verdict = report.verdict.as_ref().map(|v| VerdictView {
        qualified: v.qualified,
        label: lang
            .pick(
                if v.qualified { "合格" } else { "不合格" },
                if v.qualified {
                    "Qualified (合格)"
                } else {
                    "Not qualified (不合格)"
                },
            )
            .to_string(),
        vetoes: v
            .vetoes
            .iter()
            .map(|id| Named {
                id: id.clone(),
                title: title_of(id),
            })
            .collect(),
        deductions: fmt_points(v.deductions),
        score: fmt_points((100.0 - v.deductions).max(0.0)),
        rows: v
            .deduction_items
            .iter()
            .map(|(id, amount)| {
                let m = meta.get(id);
                let (l1, l2) = m
                    .and_then(|m| m.indicator.clone())
                    .unwrap_or_else(|| ("—".into(), "—".into()));
                DeductionRow {
                    level1: l1,
                    level2: l2,
                    id: id.clone(),
                    title: title_of(id),
                    cap: m
                        .and_then(|m| m.cap)
                        .map(fmt_points)
                        .unwrap_or_else(|| "—".into()),
                    amount: fmt_points(*amount),
                }
            })
            .collect(),
        note: v.note.clone(),
    });

    let mut summary = Counts {
        label: t["total"].to_string(),
        ..Counts::default()
    };
    let mut by_office: BTreeMap<String, Counts> = BTreeMap::new();
    let mut by_severity: BTreeMap<std::cmp::Reverse<Severity>, Counts> = BTreeMap::new();
    for c in &report.checks {
        summary.add(c.status);
        let office = office_name(&c.office, lang);
        by_office
            .entry(office.clone())
            .or_insert_with(|| Counts {
                label: office,
                ..Counts::default()
            })
            .add(c.status);
        by_severity
            .entry(std::cmp::Reverse(c.severity))
            .or_insert_with(|| Counts {
                label: c.severity.label(lang).to_string(),
                ..Counts::default()
            })
            .add(c.status);
    }
    let mut by_office: Vec<Counts> = by_office.into_values().collect();
    by_office.sort_by(|a, b| {
        b.fail
            .cmp(&a.fail)
            .then(b.warn.cmp(&a.warn))
            .then(a.label.cmp(&b.label))
    });
    let by_severity: Vec<Counts> = by_severity.into_values().collect();

    let cmp = report.comparison.as_ref();
    let mut offices = Vec::new();
    let mut clean_offices = Vec::new();
    for counts in &by_office {
        let mut findings: Vec<Finding> = report
            .checks
            .iter()
            .filter(|c| office_name(&c.office, lang) == counts.label)
            .filter(|c| matches!(c.status, Status::Fail | Status::Warn))
            .map(|c| finding(c, meta.get(&c.id), change_of(c, cmp), lang))
            .collect();
        if findings.is_empty() {
            clean_offices.push(counts.label.clone());
            continue;
        }
        // failures before undecided, most severe first, then by ID
        findings.sort_by(|a, b| {
            (a.status != "fail")
                .cmp(&(b.status != "fail"))
                .then(sev_rank(b.severity).cmp(&sev_rank(a.severity)))
                .then(a.id.cmp(&b.id))
        });
        offices.push(OfficeGroup {
            office: counts.label.clone(),
            anchor: anchor("office-", &counts.label),
            counts: counts.clone(),
            findings,
        });
    }
    let findings_total = offices.iter().map(|o| o.findings.len()).sum();
    let checks = report
        .checks
        .iter()
        .map(|c| finding(c, meta.get(&c.id), change_of(c, cmp), lang))
        .collect();

    let (tree, has_paths) = path_tree(report, &meta);
    let mut tree_lines = Vec::new();
    flatten(&tree, 0, &mut tree_lines);

    let crawl = CrawlView {
        complete: report.crawl.complete,
        message: report.crawl.message.clone(),
        pages: report.stats.pages,
        links: report.stats.links,
        media: report.stats.media,
        errors: report.stats.errors,
        requests: report.stats.requests,
        seconds: format!("{:.1}", report.stats.elapsed_ms as f64 / 1000.0),
        error_rows: report
            .crawl
            .errors
            .iter()
            .take(ERRORS_SHOWN)
            .map(|e| ErrorRow {
                url: e.url.clone(),
                href: web_href(&e.url),
                class: super::summary::class_name(e.class, lang).to_string(),
                status: e.status.map(|s| s.to_string()).unwrap_or_default(),
                message: e.message.clone(),
                parent: e.parent.clone().unwrap_or_default(),
            })
            .collect(),
        errors_more: report.crawl.errors.len().saturating_sub(ERRORS_SHOWN),
        limits: super::crawl_view::crawl_limits(report, lang),
    };

    View {
        lang: lang.pick("zh", "en"),
        html_lang: lang.pick("zh-CN", "en"),
        t,
        tool: format!("{} {}", report.tool.name, report.tool.version),
        site: SiteView {
            name: report
                .site
                .name
                .clone()
                .filter(|n| !n.trim().is_empty())
                .unwrap_or_else(|| report.site.host.clone()),
            url: report.site.url.clone(),
            href: web_href(&report.site.url),
            host: report.site.host.clone(),
            kind: report.site.kind.clone().unwrap_or_default(),
        },
        as_of: report.as_of.clone(),
        started_at: report.started_at.clone(),
        finished_at: report.finished_at.clone(),
        packs: report.packs.join(", "),
        verdict,
        summary,
        by_office,
        by_severity,
        tree,
        tree_lines,
        has_paths,
        comparison: cmp.map(|c| comparison_view(c, lang)),
        offices,
        clean_offices,
        checks,
        crawl,
        findings_total,
    }
}

fn sev_rank(code: &str) -> u8 {
    match code {
        "high" => 2,
        "medium" => 1,
        _ => 0,
    }
}
