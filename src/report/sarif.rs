//! `report.sarif` (SARIF 2.1.0) for CI systems and code-scanning dashboards: one rule per
//! check ID (title, requirement text and how to fix as help), one result per failed or
//! undecided check, located at the offending URL (the first evidence URL; the others are
//! related locations; the site URL when a check has no evidence). Checks marked
//! `per_evidence` (the CI checks before a redesign) get one result per evidence item.
//!
//! Hand-written serde structs cover the part of the 2.1.0 schema we emit; the tests
//! validate the output against the official schema.

use super::FormatError;
use crate::escape::md_inline;
use crate::i18n::Lang;
use crate::report::Report;
use crate::report::view::check_meta;
use crate::rules::{Severity, Status};
use serde::Serialize;
use std::collections::BTreeMap;

/// At most this many related locations per result.
const RELATED_MAX: usize = 200;

#[derive(Debug, Serialize)]
pub struct Log {
    #[serde(rename = "$schema")]
    pub schema: &'static str,
    pub version: &'static str,
    pub runs: Vec<Run>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Run {
    pub tool: Tool,
    pub automation_details: AutomationDetails,
    pub invocations: Vec<Invocation>,
    pub results: Vec<SarifResult>,
    pub properties: BTreeMap<String, serde_json::Value>,
}

#[derive(Debug, Serialize)]
pub struct Tool {
    pub driver: Driver,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Driver {
    pub name: String,
    pub version: String,
    pub semantic_version: String,
    pub language: &'static str,
    pub rules: Vec<Rule>,
}

#[derive(Debug, Serialize)]
pub struct Text {
    pub text: String,
}

#[derive(Debug, Serialize)]
pub struct MultiformatText {
    pub text: String,
    pub markdown: String,
}

#[derive(Debug, Serialize)]
pub struct Configuration {
    pub level: &'static str,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Rule {
    pub id: String,
    pub name: String,
    pub short_description: Text,
    pub full_description: Text,
    pub help: MultiformatText,
    pub default_configuration: Configuration,
    pub properties: BTreeMap<String, serde_json::Value>,
}

#[derive(Debug, Serialize)]
pub struct AutomationDetails {
    pub id: String,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Invocation {
    pub execution_successful: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start_time_utc: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_time_utc: Option<String>,
    pub tool_execution_notifications: Vec<Notification>,
}

#[derive(Debug, Serialize)]
pub struct Notification {
    pub level: &'static str,
    pub message: Text,
}

#[derive(Debug, Serialize)]
pub struct ArtifactLocation {
    pub uri: String,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PhysicalLocation {
    pub artifact_location: ArtifactLocation,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Location {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<usize>,
    pub physical_location: PhysicalLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<Text>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SarifResult {
    pub rule_id: String,
    pub rule_index: usize,
    pub kind: &'static str,
    pub level: &'static str,
    pub message: Text,
    pub locations: Vec<Location>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub related_locations: Vec<Location>,
    pub partial_fingerprints: BTreeMap<String, String>,
    pub properties: BTreeMap<String, serde_json::Value>,
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::High => "error",
        Severity::Medium => "warning",
        Severity::Low => "note",
    }
}

/// A SARIF date-time (`…Z`), or nothing when the report's time is not one.
fn utc(s: &str) -> Option<String> {
    s.parse::<jiff::Timestamp>().ok().map(|t| t.to_string())
}

fn location(uri: &str, id: Option<usize>, text: &str) -> Location {
    Location {
        id,
        physical_location: PhysicalLocation {
            artifact_location: ArtifactLocation {
                uri: uri.to_string(),
            },
        },
        message: (!text.trim().is_empty()).then(|| Text {
            text: text.to_string(),
        }),
    }
}

/// Build the SARIF log of a report.
pub fn log(report: &Report) -> Log {
    let lang = report.lang;
    let meta = check_meta(report);
    let rules: Vec<Rule> = report
        .checks
        .iter()
        .map(|c| {
            let fix = meta
                .get(&c.id)
                .map(|m| m.fix.clone())
                .filter(|f| !f.trim().is_empty())
                .unwrap_or_else(|| c.requirement.clone());
            let req = lang.pick("要求原文", "Requirement");
            let how = lang.pick("整改建议", "How to fix");
            let office = lang.pick("牵头处室", "Office");
            let mut props = BTreeMap::new();
            props.insert("office".into(), c.office.clone().into());
            props.insert("severity".into(), c.severity.label(Lang::En).into());
            props.insert(
                "tags".into(),
                serde_json::json!(["zwgk", "政务公开", c.office.clone()]),
            );
            Rule {
                id: c.id.clone(),
                name: c.id.replace('-', ""),
                short_description: Text {
                    text: c.title.clone(),
                },
                full_description: Text {
                    text: c.requirement.clone(),
                },
                help: MultiformatText {
                    text: format!(
                        "{req}: {}\n{how}: {fix}\n{office}: {}",
                        c.requirement, c.office
                    ),
                    markdown: format!(
                        "**{req}**: {}\n\n**{how}**: {}\n\n**{office}**: {}",
                        md_inline(&c.requirement),
                        md_inline(&fix),
                        md_inline(&c.office)
                    ),
                },
                default_configuration: Configuration {
                    level: level(c.severity),
                },
                properties: props,
            }
        })
        .collect();
    let mut results = Vec::new();
    for (i, c) in report.checks.iter().enumerate() {
        let (kind, lvl) = match c.status {
            Status::Fail => ("fail", level(c.severity)),
            Status::Warn => ("review", "none"),
            Status::Pass | Status::NotApplicable => continue,
        };
        let per_evidence = meta.get(&c.id).is_some_and(|m| m.per_evidence);
        if per_evidence && c.status == Status::Fail && !c.evidence.is_empty() {
            // one result per lost URL / column, so code-scanning views list each
            results.extend(
                c.evidence
                    .iter()
                    .map(|e| evidence_result(report, c, i, kind, lvl, e)),
            );
            continue;
        }
        let mut urls: Vec<(&str, &str)> = Vec::new();
        for e in &c.evidence {
            if !e.url.trim().is_empty() && !urls.iter().any(|(u, _)| *u == e.url) {
                urls.push((&e.url, &e.text));
            }
        }
        let (primary, primary_text) = urls
            .first()
            .copied()
            .unwrap_or((report.site.url.as_str(), ""));
        let related = urls
            .iter()
            .skip(1)
            .take(RELATED_MAX)
            .enumerate()
            .map(|(n, (u, t))| location(u, Some(n + 1), t))
            .collect();
        let mut fp = BTreeMap::new();
        fp.insert(
            "zwgkCheck/v1".to_string(),
            format!("{}|{}", c.id, report.site.host),
        );
        let mut props = BTreeMap::new();
        props.insert("office".to_string(), c.office.clone().into());
        props.insert("status".to_string(), c.status.code().to_string().into());
        props.insert("evidenceCount".to_string(), c.evidence.len().into());
        results.push(SarifResult {
            rule_id: c.id.clone(),
            rule_index: i,
            kind,
            level: lvl,
            message: Text {
                text: if c.message.trim().is_empty() {
                    c.title.clone()
                } else {
                    c.message_with_fix(report.lang)
                },
            },
            locations: vec![location(primary, None, primary_text)],
            related_locations: related,
            partial_fingerprints: fp,
            properties: props,
        });
    }
    let mut notifications = Vec::new();
    if !report.crawl.complete {
        notifications.push(Notification {
            level: "warning",
            message: Text {
                text: report.crawl.message.clone(),
            },
        });
    }
    let mut run_props = BTreeMap::new();
    run_props.insert("site".to_string(), report.site.url.clone().into());
    run_props.insert("asOf".to_string(), report.as_of.clone().into());
    run_props.insert("packs".to_string(), serde_json::json!(report.packs));
    if let Some(v) = &report.verdict {
        run_props.insert("qualified".to_string(), v.qualified.into());
        run_props.insert("vetoes".to_string(), serde_json::json!(v.vetoes));
        run_props.insert("estimatedDeductions".to_string(), v.deductions.into());
    }
    Log {
        schema: "https://json.schemastore.org/sarif-2.1.0.json",
        version: "2.1.0",
        runs: vec![Run {
            tool: Tool {
                driver: Driver {
                    name: report.tool.name.clone(),
                    version: report.tool.version.clone(),
                    semantic_version: report.tool.version.clone(),
                    language: lang.pick("zh-CN", "en"),
                    rules,
                },
            },
            automation_details: AutomationDetails {
                id: format!("zwgk/{}/{}", report.site.host, report.as_of),
            },
            invocations: vec![Invocation {
                execution_successful: true,
                start_time_utc: utc(&report.started_at),
                end_time_utc: utc(&report.finished_at),
                tool_execution_notifications: notifications,
            }],
            results,
            properties: run_props,
        }],
    }
}

/// The result of one evidence item of a check that reports each item apart.
fn evidence_result(
    report: &Report,
    c: &crate::rules::CheckResult,
    rule_index: usize,
    kind: &'static str,
    level: &'static str,
    e: &crate::rules::Evidence,
) -> SarifResult {
    let uri = if e.url.trim().is_empty() {
        report.site.url.as_str()
    } else {
        e.url.as_str()
    };
    let mut fp = BTreeMap::new();
    fp.insert(
        "zwgkCheck/v1".to_string(),
        format!("{}|{}|{uri}", c.id, report.site.host),
    );
    let mut props = BTreeMap::new();
    props.insert("office".to_string(), c.office.clone().into());
    props.insert("status".to_string(), c.status.code().to_string().into());
    SarifResult {
        rule_id: c.id.clone(),
        rule_index,
        kind,
        level,
        message: Text {
            text: format!("{}: {} ({uri})", c.title, e.text),
        },
        locations: vec![location(uri, None, &e.text)],
        related_locations: Vec::new(),
        partial_fingerprints: fp,
        properties: props,
    }
}

/// Render `report.sarif`.
pub fn render(report: &Report) -> Result<String, FormatError> {
    let mut s = serde_json::to_string_pretty(&log(report))?;
    s.push('\n');
    Ok(s)
}
