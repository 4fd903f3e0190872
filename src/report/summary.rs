//! The readable summary printed on the terminal after a site is checked.

use super::Report;
use crate::i18n::Lang;
use crate::model::ErrorClass;
use crate::rules::Status;
use std::collections::BTreeMap;
use std::fmt::Write;

/// Chinese (or English) name of an error class.
pub fn class_name(class: ErrorClass, lang: Lang) -> &'static str {
    use ErrorClass::*;
    match class {
        NotFound => lang.pick("页面不存在(404/410)", "not found (404/410)"),
        ClientError => lang.pick("客户端错误(4xx)", "client error (4xx)"),
        ServerError => lang.pick("服务器错误(5xx)", "server error (5xx)"),
        Timeout => lang.pick("超时", "timeout"),
        Dns => lang.pick("域名解析失败", "DNS failure"),
        Connect => lang.pick("连接失败", "connection failed"),
        Tls => lang.pick("TLS/证书错误", "TLS/certificate error"),
        RedirectLoop => lang.pick("重定向循环", "redirect loop"),
        TooManyRedirects => lang.pick("重定向次数过多", "too many redirects"),
        Blocked => lang.pick(
            "被防火墙/反爬拦截(需浏览器)",
            "blocked by a firewall / anti-bot (needs a browser)",
        ),
        RateLimited => lang.pick("被限流(429)", "rate limited (429)"),
        Robots => lang.pick("robots.txt 禁止抓取", "disallowed by robots.txt"),
        TooLarge => lang.pick("页面过大(已截断)", "page too large (truncated)"),
        Decode => lang.pick("无法解码", "could not decode"),
        Other => lang.pick("其他错误", "other error"),
    }
}

/// Render the terminal summary.
pub fn render(r: &Report, out_dir: &str) -> String {
    let lang = r.lang;
    let mut s = String::new();
    let name = r.site.name.clone().unwrap_or_else(|| r.site.host.clone());
    let _ = writeln!(s, "== {} ({}) ==", name, r.site.url);
    let secs = r.stats.elapsed_ms as f64 / 1000.0;
    let _ = match lang {
        Lang::Zh => writeln!(
            s,
            "抓取：{} 个页面，{} 个链接，{} 个媒体/附件引用，{} 个错误，{} 次请求（重试 {} 次），用时 {:.1} 秒",
            r.stats.pages,
            r.stats.links,
            r.stats.media,
            r.stats.errors,
            r.stats.requests,
            r.stats.retries,
            secs
        ),
        Lang::En => writeln!(
            s,
            "crawl: {} pages, {} links, {} media/attachment refs, {} errors, {} requests ({} retries), {:.1} s",
            r.stats.pages,
            r.stats.links,
            r.stats.media,
            r.stats.errors,
            r.stats.requests,
            r.stats.retries,
            secs
        ),
    };
    let _ = writeln!(
        s,
        "{}{}",
        lang.pick("结束原因：", "stopped: "),
        r.crawl.message
    );
    let skipped = r.stats.trap_skipped + r.stats.robots_disallowed + r.stats.depth_skipped;
    if skipped > 0 {
        let _ = match lang {
            Lang::Zh => writeln!(
                s,
                "未抓取：robots.txt 禁止 {}，疑似爬虫陷阱 {}，超出深度 {}",
                r.stats.robots_disallowed, r.stats.trap_skipped, r.stats.depth_skipped
            ),
            Lang::En => writeln!(
                s,
                "not fetched: robots.txt {}, likely crawler traps {}, beyond max depth {}",
                r.stats.robots_disallowed, r.stats.trap_skipped, r.stats.depth_skipped
            ),
        };
    }
    let mut by_class: BTreeMap<&str, usize> = BTreeMap::new();
    for e in r
        .crawl
        .errors
        .iter()
        .filter(|e| e.class != ErrorClass::Robots)
    {
        *by_class.entry(class_name(e.class, lang)).or_default() += 1;
    }
    if !by_class.is_empty() {
        let parts: Vec<String> = by_class.iter().map(|(k, v)| format!("{k} {v}")).collect();
        let _ = writeln!(
            s,
            "{}{}",
            lang.pick("错误分类：", "errors by class: "),
            parts.join(lang.pick("，", ", "))
        );
    }
    if !r.checks.is_empty() {
        let _ = match lang {
            Lang::Zh => writeln!(
                s,
                "检查：通过 {}，不通过 {}，待确认 {}，不适用 {}",
                r.summary.pass, r.summary.fail, r.summary.warn, r.summary.not_applicable
            ),
            Lang::En => writeln!(
                s,
                "checks: {} pass, {} fail, {} warn, {} n/a",
                r.summary.pass, r.summary.fail, r.summary.warn, r.summary.not_applicable
            ),
        };
        if let Some(v) = &r.verdict {
            let verdict = if v.qualified {
                lang.pick("未触发单项否决", "no veto triggered")
            } else {
                lang.pick("不合格（触发单项否决）", "unqualified (veto triggered)")
            };
            let _ = match lang {
                Lang::Zh => writeln!(
                    s,
                    "国家指标：{verdict}；可测扣分项估计扣 {:.1} 分（仅覆盖可自动测量的扣分项）",
                    v.deductions
                ),
                Lang::En => writeln!(
                    s,
                    "national indicators: {verdict}; estimated deductions {:.1} (measurable items only)",
                    v.deductions
                ),
            };
        }
        // after how many crawl requests each decided check was decided
        let decided: Vec<String> = r
            .checks
            .iter()
            .filter_map(|c| c.decided_after_requests.map(|n| format!("{} {n}", c.id)))
            .collect();
        if !decided.is_empty() {
            let _ = writeln!(
                s,
                "{}{}",
                lang.pick("判定所需请求数：", "decided after N requests: "),
                decided.join(lang.pick("，", ", "))
            );
        }
        let mut by_office: BTreeMap<&str, Vec<&crate::rules::CheckResult>> = BTreeMap::new();
        for c in r
            .checks
            .iter()
            .filter(|c| matches!(c.status, Status::Fail | Status::Warn))
        {
            by_office.entry(c.office.as_str()).or_default().push(c);
        }
        for (office, checks) in by_office {
            let _ = writeln!(s, "[{office}]");
            for c in checks {
                let after = match c.decided_after_requests {
                    Some(n) => tr!(
                        lang,
                        "（第 {} 次请求后判定）",
                        " (decided after {} requests)",
                        n
                    ),
                    None => String::new(),
                };
                let _ = writeln!(
                    s,
                    "  {} {} {}{}{}{after}",
                    c.status.short_label(lang),
                    c.id,
                    c.title,
                    lang.pick("：", ": "),
                    c.message_with_fix(lang)
                );
            }
        }
    }
    let _ = writeln!(s, "{}{}", lang.pick("报告：", "report: "), out_dir);
    s
}
