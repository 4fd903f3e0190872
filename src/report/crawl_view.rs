//! What the Markdown and HTML reports show of the crawl beyond its counts: the hosts
//! crawled, crawler traps refused (by pattern), certificate problems, values the site sent
//! that were clamped, and what a budget left unchecked — so that a person reading the
//! report, not only a script reading report.json, sees what could not be checked.

use super::{HostEntry, Report};
use crate::i18n::Lang;
use crate::model::TrapReason;
use serde::Serialize;

/// Rows of "not checked" shown; the rest are counted.
const NOT_CHECKED_SHOWN: usize = 20;

/// A family of URLs refused as a crawler trap.
#[derive(Debug, Clone, Serialize)]
pub struct TrapRow {
    pub reason: String,
    pub pattern: String,
    pub count: u64,
    pub example: String,
}

/// A host whose certificate failed validation.
#[derive(Debug, Clone, Serialize)]
pub struct TlsRow {
    pub host: String,
    pub message: String,
}

/// A URL a budget left unfetched or unverified.
#[derive(Debug, Clone, Serialize)]
pub struct NotCheckedRow {
    pub url: String,
    pub stage: String,
}

/// The crawl's limits as the reports show them.
#[derive(Debug, Clone, Default, Serialize)]
pub struct CrawlLimits {
    /// only when more than one host was crawled
    pub hosts: Vec<HostEntry>,
    pub traps: Vec<TrapRow>,
    pub tls: Vec<TlsRow>,
    pub notes: Vec<String>,
    pub not_checked: Vec<NotCheckedRow>,
    pub not_checked_more: usize,
}

/// The trap reason in words.
pub fn trap_reason(r: TrapReason, lang: Lang) -> &'static str {
    match r {
        TrapReason::TooLong => lang.pick("网址过长", "URL too long"),
        TrapReason::RepeatedSegments => lang.pick("路径段重复", "repeated path segments"),
        TrapReason::TooDeep => lang.pick("路径过深", "path too deep"),
        TrapReason::QueryExplosion => lang.pick("查询参数组合过多", "query explosion"),
        TrapReason::Calendar => lang.pick("日历页面", "calendar pages"),
        TrapReason::Pattern => lang.pick("同一模式的网址过多", "too many URLs of one pattern"),
        TrapReason::Pagination => lang.pick("无尽翻页", "endless pagination"),
    }
}

fn stage_name(stage: &str, lang: Lang) -> String {
    match stage {
        "crawl" => lang.pick("未抓取", "not fetched").to_string(),
        "verify" => lang.pick("未验证", "not verified").to_string(),
        other => other.to_string(),
    }
}

/// The crawl's limits of one report.
pub fn crawl_limits(report: &Report, lang: Lang) -> CrawlLimits {
    let c = &report.crawl;
    CrawlLimits {
        hosts: if c.hosts.len() > 1 {
            c.hosts.clone()
        } else {
            Vec::new()
        },
        traps: c
            .traps
            .iter()
            .map(|t| TrapRow {
                reason: trap_reason(t.reason, lang).to_string(),
                pattern: t.pattern.clone(),
                count: t.count,
                example: t.examples.first().cloned().unwrap_or_default(),
            })
            .collect(),
        tls: c
            .tls
            .iter()
            .map(|t| TlsRow {
                host: t.host.clone(),
                message: t.message.clone(),
            })
            .collect(),
        notes: c.notes.clone(),
        not_checked: c
            .not_checked
            .iter()
            .take(NOT_CHECKED_SHOWN)
            .map(|n| NotCheckedRow {
                url: n.url.clone(),
                stage: stage_name(&n.stage, lang),
            })
            .collect(),
        not_checked_more: c.not_checked.len().saturating_sub(NOT_CHECKED_SHOWN),
    }
}

/// Template labels of these sections.
pub const LABELS: &[(&str, &str, &str)] = &[
    ("hosts_crawled", "抓取的主机", "Hosts crawled"),
    (
        "traps",
        "疑似爬虫陷阱（未逐个请求）",
        "Likely crawler traps (not requested one by one)",
    ),
    ("trap_reason", "原因", "Reason"),
    ("trap_pattern", "网址模式", "URL pattern"),
    ("trap_count", "网址数", "URLs"),
    ("trap_example", "示例", "Example"),
    ("tls", "证书问题", "Certificate problems"),
    (
        "site_notes",
        "站点给出的超范围取值（已修正）",
        "Out-of-range values the site sent (clamped)",
    ),
    (
        "not_checked",
        "因预算用尽未检查",
        "Not checked: a budget ran out",
    ),
    ("stage", "环节", "Stage"),
    (
        "not_checked_more",
        "另有 {n} 个网址未检查，见 report.json 的 crawl.not_checked",
        "{n} more in report.json (crawl.not_checked)",
    ),
];
