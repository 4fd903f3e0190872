//! What the Markdown and HTML reports show of the crawl beyond its counts: the hosts
//! crawled, crawler traps refused (by pattern), certificate problems, values the site sent
//! that were clamped, what a budget left unchecked, and what needed a browser (pages
//! rendered, JavaScript challenges by host, pages not rendered) — so that a person reading the
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
    /// pages rendered in headless Chromium
    pub rendered: usize,
    pub challenges: Vec<ChallengeRow>,
    pub not_rendered: Vec<NotRenderedRow>,
    pub not_rendered_more: usize,
}

/// A host that answered a JavaScript challenge.
#[derive(Debug, Clone, Serialize)]
pub struct ChallengeRow {
    pub host: String,
    pub kind: String,
    /// 已通过（继续抓取）/ 未通过, in words
    pub outcome: String,
    pub pages: usize,
    pub example: String,
}

/// A page that needed a browser and was checked from its HTTP answer.
#[derive(Debug, Clone, Serialize)]
pub struct NotRenderedRow {
    pub url: String,
    pub why: String,
}

fn render_reason(r: crate::model::RenderReason, lang: Lang) -> &'static str {
    match r {
        crate::model::RenderReason::NeedsJs => {
            lang.pick("内容由脚本生成", "content built by scripts")
        }
        crate::model::RenderReason::Challenge => {
            lang.pick("防火墙脚本验证", "WAF JavaScript challenge")
        }
    }
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
        rendered: c.browser.rendered.len(),
        challenges: c
            .browser
            .challenges
            .iter()
            .map(|x| ChallengeRow {
                host: x.host.clone(),
                kind: x.kind.clone(),
                outcome: if x.passed {
                    lang.pick(
                        "已在浏览器中通过，带其 Cookie 继续抓取",
                        "passed in the browser; crawled on with its cookies",
                    )
                } else {
                    lang.pick(
                        "未通过：这些页面未能检查",
                        "not passed: these pages could not be checked",
                    )
                }
                .to_string(),
                pages: x.pages.len(),
                example: x.pages.first().cloned().unwrap_or_default(),
            })
            .collect(),
        not_rendered: c
            .browser
            .not_rendered
            .iter()
            .take(NOT_CHECKED_SHOWN)
            .map(|x| NotRenderedRow {
                url: x.url.clone(),
                why: format!("{}：{}", render_reason(x.reason, lang), x.message),
            })
            .collect(),
        not_rendered_more: c
            .browser
            .not_rendered
            .len()
            .saturating_sub(NOT_CHECKED_SHOWN),
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
        "rendered_pages",
        "{n} 个页面由无头浏览器（Chromium）渲染后检查",
        "{n} pages were checked after rendering in headless Chromium",
    ),
    (
        "challenges",
        "需要浏览器通过的防火墙验证",
        "JavaScript challenges (a browser is needed)",
    ),
    ("challenge_kind", "类型", "Kind"),
    ("challenge_outcome", "结果", "Outcome"),
    (
        "not_rendered",
        "需要浏览器但未渲染的页面（按抓取到的原始内容检查）",
        "Pages that needed a browser and were not rendered (checked from the HTTP answer)",
    ),
    ("not_rendered_why", "原因", "Why"),
    (
        "not_rendered_more",
        "另有 {n} 个页面，见 report.json 的 crawl.browser.not_rendered",
        "{n} more in report.json (crawl.browser.not_rendered)",
    ),
    (
        "not_checked_more",
        "另有 {n} 个网址未检查，见 report.json 的 crawl.not_checked",
        "{n} more in report.json (crawl.not_checked)",
    ),
];
