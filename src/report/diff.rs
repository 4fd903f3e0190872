//! Comparing two runs: new failures, fixed items and unchanged failures, by check ID.
//!
//! A check is a *new failure* when it fails now and did not fail in the baseline (it passed,
//! was undecided, did not apply, or did not exist); *fixed* when it failed in the baseline and
//! now passes or no longer applies (or is no longer checked); *unchanged* when it fails in both.
//! A baseline failure that is now only undecided (`warn`: the crawl was blocked, a limit was
//! reached) is neither fixed nor new: it is listed apart as *undecided*, so a staging server
//! that blocks the crawler never looks like a fix.

use super::Report;
use crate::i18n::Lang;
use crate::rules::{CheckResult, Severity, Status};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// One check in a comparison.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DiffItem {
    pub id: String,
    pub title: String,
    pub office: String,
    pub severity: crate::rules::Severity,
    pub before: Option<crate::rules::Status>,
    pub after: Option<crate::rules::Status>,
    pub message: String,
    /// evidence URLs of this run that the baseline did not have (unchanged failures only:
    /// e.g. broken links that are new although the check already failed)
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub new_evidence: Vec<String>,
}

/// The comparison of a run with a baseline.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    /// what the baseline was (its site URL and start time)
    pub baseline: String,
    pub new_failures: Vec<DiffItem>,
    pub fixed: Vec<DiffItem>,
    pub unchanged_failures: Vec<DiffItem>,
    /// failed in the baseline, undecided (`warn`) now: neither fixed nor new
    #[serde(default)]
    pub undecided: Vec<DiffItem>,
}

/// Output format of `zwgk diff`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DiffFormat {
    #[default]
    Text,
    Md,
    Json,
}

impl std::str::FromStr for DiffFormat {
    type Err = crate::model::UnknownName;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        crate::model::name::parse_name(
            "diff format",
            s,
            &[
                ("text", DiffFormat::Text),
                ("md", DiffFormat::Md),
                ("json", DiffFormat::Json),
            ],
        )
    }
}

fn item(c: &CheckResult, before: Option<Status>, after: Option<Status>, message: &str) -> DiffItem {
    DiffItem {
        id: c.id.clone(),
        title: c.title.clone(),
        office: c.office.clone(),
        severity: c.severity,
        before,
        after,
        message: message.to_string(),
        new_evidence: Vec::new(),
    }
}

/// Order: most severe first, then by check ID.
fn sort(items: &mut [DiffItem]) {
    items.sort_by(|a, b| b.severity.cmp(&a.severity).then_with(|| a.id.cmp(&b.id)));
}

/// Compare a new report with an old one.
pub fn compare(old: &Report, new: &Report) -> Comparison {
    let before: HashMap<&str, &CheckResult> =
        old.checks.iter().map(|c| (c.id.as_str(), c)).collect();
    let mut out = Comparison {
        baseline: format!("{} @ {}", old.site.url, old.started_at),
        ..Comparison::default()
    };
    for c in &new.checks {
        let b = before.get(c.id.as_str()).copied();
        let was = b.map(|b| b.status);
        let failed_before = was == Some(Status::Fail);
        match c.status {
            Status::Fail if failed_before => {
                let mut it = item(c, was, Some(c.status), &c.message);
                let old_urls: Vec<&str> = b
                    .map(|b| b.evidence.iter().map(|e| e.url.as_str()).collect())
                    .unwrap_or_default();
                for e in &c.evidence {
                    if !old_urls.contains(&e.url.as_str()) && !it.new_evidence.contains(&e.url) {
                        it.new_evidence.push(e.url.clone());
                    }
                }
                out.unchanged_failures.push(it);
            }
            Status::Fail => out
                .new_failures
                .push(item(c, was, Some(c.status), &c.message)),
            Status::Warn if failed_before => {
                out.undecided.push(item(c, was, Some(c.status), &c.message));
            }
            Status::Pass | Status::NotApplicable if failed_before => {
                out.fixed.push(item(c, was, Some(c.status), &c.message));
            }
            _ => {}
        }
    }
    let now: HashMap<&str, ()> = new.checks.iter().map(|c| (c.id.as_str(), ())).collect();
    for c in &old.checks {
        if c.status == Status::Fail && !now.contains_key(c.id.as_str()) {
            out.fixed.push(item(c, Some(c.status), None, &c.message));
        }
    }
    sort(&mut out.new_failures);
    sort(&mut out.fixed);
    sort(&mut out.unchanged_failures);
    sort(&mut out.undecided);
    out
}

/// Short label of a severity.
pub fn severity_label(s: Severity, lang: Lang) -> &'static str {
    s.label(lang)
}

/// Short label of a status (`—` when the check was absent).
pub fn status_label(s: Option<Status>, lang: Lang) -> &'static str {
    match s {
        Some(s) => s.label(lang),
        None => lang.pick("无此检查", "not checked"),
    }
}

/// The four groups with their headings, in display order.
pub fn groups(c: &Comparison, lang: Lang) -> [(&'static str, &[DiffItem]); 4] {
    [
        (lang.pick("新增问题", "New failures"), &c.new_failures),
        (lang.pick("已整改", "Fixed"), &c.fixed),
        (
            lang.pick("仍未整改", "Unchanged failures"),
            &c.unchanged_failures,
        ),
        (
            lang.pick("原不通过、现无法判定", "Failed before, undecided now"),
            &c.undecided,
        ),
    ]
}

/// Render a comparison.
pub fn render(c: &Comparison, format: DiffFormat, lang: Lang) -> String {
    match format {
        DiffFormat::Json => {
            let mut s = serde_json::to_string_pretty(c).unwrap_or_else(|_| "{}".into());
            s.push('\n');
            s
        }
        DiffFormat::Text => render_text(c, lang),
        DiffFormat::Md => render_md(c, lang),
    }
}

/// "新增问题 N 项，已整改 N 项 …" — the one-line summary of a comparison.
pub(crate) fn counts_line(c: &Comparison, lang: Lang) -> String {
    tr!(
        lang,
        "新增问题 {} 项，已整改 {} 项，仍未整改 {} 项，原不通过现无法判定 {} 项",
        "{} new failures, {} fixed, {} unchanged failures, {} failed before and undecided now",
        c.new_failures.len(),
        c.fixed.len(),
        c.unchanged_failures.len(),
        c.undecided.len()
    )
}

/// The text template of `zwgk diff` (embedded).
pub const TEXT_TEMPLATE: &str = include_str!("templates/diff.txt.j2");
/// The Markdown template of `zwgk diff` (embedded).
pub const MD_TEMPLATE: &str = include_str!("templates/diff.md.j2");

/// One check of a comparison as the templates show it.
#[derive(Debug, Serialize)]
struct ItemView<'a> {
    id: &'a str,
    title: &'a str,
    office: &'a str,
    /// the office, `—` when none
    office_or_dash: &'a str,
    severity: &'static str,
    before: &'static str,
    after: &'static str,
    message: &'a str,
    /// the message on one line
    message_line: String,
    new_evidence: &'a [String],
}

#[derive(Debug, Serialize)]
struct GroupView<'a> {
    heading: &'static str,
    items: Vec<ItemView<'a>>,
}

/// What the comparison templates show.
#[derive(Debug, Serialize)]
struct DiffView<'a> {
    title: &'static str,
    baseline_label: &'static str,
    baseline: &'a str,
    counts: String,
    headers: [&'static str; 6],
    groups: Vec<GroupView<'a>>,
}

fn diff_view(c: &Comparison, lang: Lang, md: bool) -> DiffView<'_> {
    DiffView {
        title: lang.pick("与基线比较", "Comparison with the baseline"),
        baseline_label: if md {
            lang.pick("基线：", "Baseline: ")
        } else {
            lang.pick("基线：", "baseline: ")
        },
        baseline: &c.baseline,
        counts: counts_line(c, lang),
        headers: [
            lang.pick("编号", "ID"),
            lang.pick("检查项", "Check"),
            lang.pick("牵头处室", "Office"),
            lang.pick("严重程度", "Severity"),
            lang.pick("变化", "Change"),
            lang.pick("说明", "Message"),
        ],
        groups: groups(c, lang)
            .into_iter()
            .filter(|(_, items)| !items.is_empty())
            .map(|(heading, items)| GroupView {
                heading,
                items: items
                    .iter()
                    .map(|i| ItemView {
                        id: &i.id,
                        title: &i.title,
                        office: &i.office,
                        office_or_dash: if i.office.is_empty() {
                            "—"
                        } else {
                            &i.office
                        },
                        severity: severity_label(i.severity, lang),
                        before: status_label(i.before, lang),
                        after: status_label(i.after, lang),
                        message: &i.message,
                        message_line: i.message.replace('\n', " "),
                        new_evidence: &i.new_evidence,
                    })
                    .collect(),
            })
            .collect(),
    }
}

/// Render a comparison through one of its templates (embedded, so an error is a bug the
/// tests catch).
fn render_template(c: &Comparison, lang: Lang, name: &str, template: &str) -> String {
    let render = || -> Result<String, minijinja::Error> {
        let mut env = super::templates::environment()?;
        env.add_template(name, template)?;
        let v = diff_view(c, lang, name.ends_with(".md.j2"));
        env.get_template(name)?.render(minijinja::value::Serde(&v))
    };
    render().expect("the embedded comparison templates render")
}

fn render_text(c: &Comparison, lang: Lang) -> String {
    render_template(c, lang, "diff.txt.j2", TEXT_TEMPLATE)
}

fn render_md(c: &Comparison, lang: Lang) -> String {
    render_template(c, lang, "diff.md.j2", MD_TEMPLATE)
}
