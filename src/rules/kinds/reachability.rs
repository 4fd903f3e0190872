//! `reachability`: the home page answered (one-shot sample of the 站点无法访问 indicator,
//! which needs a week of probes), classified apart: down, TLS failure, blocked by a WAF;
//! and whether HTTPS with a valid certificate is in use.

use super::Located;
use crate::i18n::Lang;
use crate::model::{CrawlError, ErrorClass};
use crate::rules::Evidence;
use crate::rules::aliases::AliasTable;
use crate::rules::engine::{Cx, Outcome};
use crate::rules::site::Site;
use serde::Deserialize;

/// What is checked.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// the home page opens within the timeout
    #[default]
    Home,
    /// HTTPS with a valid certificate
    Tls,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    #[serde(default)]
    pub mode: Mode,
    /// seconds a probe may take (2019: 15)
    #[serde(default = "fifteen")]
    pub timeout_secs: u64,
}

fn fifteen() -> u64 {
    15
}

fn start_error<'g>(site: &Site<'g>) -> Option<&'g CrawlError> {
    site.g
        .find_url(&site.g.start_url)
        .and_then(|id| site.error(id))
        .or_else(|| site.g.errors.iter().find(|e| e.depth == 0))
}

impl Params {
    pub fn validate(&self, _aliases: &AliasTable, _has_column: bool) -> Result<(), String> {
        if self.timeout_secs == 0 {
            return Err("`timeout_secs` must be positive".into());
        }
        Ok(())
    }

    pub fn describe(&self, lang: Lang) -> String {
        match self.mode {
            Mode::Home => tr!(
                lang,
                "首页应在{}秒内打开（本次抓取为单次探测；正式指标需连续一周每天20次以上探测，失败≥5%为否决）；防火墙拦截、TLS错误与无法访问分别归类",
                "the home page must open within {} s (this run is a single probe; the indicator needs a week of ≥20 probes a day, ≥5 % failures veto); firewall blocks, TLS errors and outages are classified apart",
                self.timeout_secs
            ),
            Mode::Tls => lang
                .pick("首页通过 HTTPS 访问且证书有效（未过期、域名匹配）", "the home page is served over HTTPS with a valid certificate (not expired, matching host)")
                .into(),
        }
    }

    /// The 2019 rule itself: a week of probes, failure share ≥ 5 % → 站点无法访问. Used when
    /// the history store holds at least `MIN_PROBES` probes of the last 7 days.
    fn week_of_probes(&self, cx: &Cx) -> Option<Outcome> {
        const MIN_PROBES: usize = 20;
        let now = jiff::Timestamp::now();
        let week_ago = now
            .checked_sub(jiff::SignedDuration::from_hours(24 * 7))
            .ok()?;
        let recent: Vec<bool> = cx
            .probes
            .iter()
            .filter(|(t, _)| *t >= week_ago)
            .map(|(_, ok)| *ok)
            .collect();
        if recent.len() < MIN_PROBES {
            return None;
        }
        let failed = recent.iter().filter(|ok| !**ok).count();
        let share = failed as f64 * 100.0 / recent.len() as f64;
        let text = tr!(
            cx.lang,
            "近7天首页探测{}次，{}次超过{}秒未打开（{:.1}%；否决线5%）",
            "{} home-page probes in the last 7 days, {} not answered within {} s ({:.1} %; veto at 5 %)",
            recent.len(),
            failed,
            self.timeout_secs,
            share
        );
        let ev = vec![Evidence {
            url: cx.site.g.start_url.clone(),
            text: text.clone(),
            path: vec![],
            screenshot: None,
        }];
        Some(if share >= 5.0 {
            Outcome::fail(text).with_evidence(ev)
        } else {
            Outcome::pass(text).with_evidence(ev)
        })
    }

    pub fn eval(&self, cx: &Cx, _prev: Option<&Located>) -> Outcome {
        let site = cx.site;
        let start = site.g.start_url.clone();
        let ev = |text: String| {
            vec![Evidence {
                url: start.clone(),
                text,
                path: vec![],
                screenshot: None,
            }]
        };
        match self.mode {
            Mode::Home => {
                if let Some(o) = self.week_of_probes(cx) {
                    return o;
                }
                if let Some(h) = site.home {
                    let p = site.page(h);
                    let secs = p.elapsed_ms as f64 / 1000.0;
                    if p.elapsed_ms > self.timeout_secs * 1000 {
                        return Outcome::fail(tr!(
                            cx.lang,
                            "首页打开用时{:.1}秒，超过{}秒",
                            "the home page took {:.1} s, over {} s",
                            secs,
                            self.timeout_secs
                        ))
                        .with_evidence(ev(format!("HTTP {}", p.status)));
                    }
                    return Outcome::pass(tr!(
                        cx.lang,
                        "首页可访问（HTTP {}，{:.1}秒；单次探测，正式指标需连续监测一周）",
                        "the home page answered (HTTP {}, {:.1} s; a single probe — the indicator needs a week of monitoring)",
                        p.status,
                        secs
                    ))
                    .with_evidence(ev(format!("HTTP {}", p.status)));
                }
                match start_error(site) {
                    Some(e) if matches!(e.class, ErrorClass::Blocked | ErrorClass::RateLimited) => Outcome::warn(tr!(
                        cx.lang,
                        "首页被防火墙/反爬虫拦截（{:?}，{}），不等于网站无法访问；请在浏览器中确认",
                        "the home page was blocked by a firewall/anti-bot check ({:?}, {}); this is not an outage — confirm in a browser",
                        e.class,
                        e.message
                    ))
                    .with_evidence(ev(e.message.clone())),
                    Some(e) if e.class == ErrorClass::Robots => Outcome::warn(
                        cx.lang.pick("robots.txt 禁止抓取首页，未能探测", "robots.txt disallows the home page; not probed").into(),
                    ),
                    Some(e) => Outcome::fail(tr!(
                        cx.lang,
                        "首页无法访问：{}（{:?}{}）",
                        "the home page could not be opened: {} ({:?}{})",
                        e.message,
                        e.class,
                        e.status.map(|s| format!(", HTTP {s}")).unwrap_or_default()
                    ))
                    .with_evidence(ev(e.message.clone())),
                    None => Outcome::warn(
                        cx.lang.pick("首页未被抓取，原因未知", "the home page was not fetched; reason unknown").into(),
                    ),
                }
            }
            Mode::Tls => {
                if let Some(h) = site.home {
                    let url = site.url(h);
                    let host = url::Url::parse(url)
                        .ok()
                        .and_then(|u| u.host_str().map(str::to_ascii_lowercase));
                    if let Some(p) = site
                        .g
                        .tls
                        .iter()
                        .find(|p| host.as_deref() == Some(p.host.as_str()))
                    {
                        let what = p.describe(cx.lang);
                        return Outcome::fail(tr!(
                            cx.lang,
                            "HTTPS 证书无效：{what}（已关闭证书校验继续检查其余项目）",
                            "invalid HTTPS certificate: {what} (the other checks ran with certificate verification turned off)"
                        ))
                        .with_evidence(ev(what.clone()));
                    }
                    if url.starts_with("https://") {
                        return Outcome::pass(tr!(
                            cx.lang,
                            "首页通过 HTTPS 访问，证书校验通过：{}",
                            "the home page is served over HTTPS with a valid certificate: {}",
                            url
                        ))
                        .with_evidence(ev(url.to_string()));
                    }
                    if site.g.errors.iter().any(|e| e.class == ErrorClass::Tls) {
                        return Outcome::fail(
                            cx.lang
                                .pick(
                                    "HTTPS 证书校验失败（详见抓取错误）",
                                    "HTTPS certificate validation failed (see crawl errors)",
                                )
                                .into(),
                        );
                    }
                    return Outcome::warn(tr!(
                        cx.lang,
                        "首页以 HTTP 访问（{}），本次未检测 HTTPS 证书；可用 https:// 地址重新检查",
                        "the home page was fetched over plain HTTP ({}); no certificate was checked — re-run with the https:// address",
                        url
                    ))
                    .with_evidence(ev(url.to_string()));
                }
                match start_error(site) {
                    Some(e) if e.class == ErrorClass::Tls => Outcome::fail(tr!(
                        cx.lang,
                        "HTTPS 证书无效：{}",
                        "invalid HTTPS certificate: {}",
                        e.message
                    ))
                    .with_evidence(ev(e.message.clone())),
                    _ => Outcome::warn(
                        cx.lang
                            .pick(
                                "首页未能抓取，未检测证书",
                                "the home page was not fetched; certificate not checked",
                            )
                            .into(),
                    ),
                }
            }
        }
    }
}

#[cfg(test)]
#[path = "reachability_tests.rs"]
mod tests;
