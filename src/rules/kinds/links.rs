//! `links`: broken links (HTTP errors, timeouts, DNS/TLS failures, soft-404s, redirect
//! loops) with the 2019 deduction rule: home page −0.2 each, other pages −0.1 each, cap
//! of one point. Uses the verification stage's results when present, else the crawl's errors.
//! Firewall blocks and robots exclusions are never counted as broken. With a `column`,
//! only the links, media and frames of that column's pages count (a 政务新媒体 list's
//! account links and QR codes), and no deduction is estimated.

use super::{Located, column_for, default_extra, validate_column};
use crate::i18n::Lang;
use crate::model::{ErrorClass, UrlId, VerifyOutcome};
use crate::rules::aliases::AliasTable;
use crate::rules::engine::{Cx, Outcome};
use crate::rules::site::Site;
use crate::rules::{Evidence, Status};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap, HashSet};

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    #[serde(default = "hw")]
    pub home_weight: f64,
    #[serde(default = "ow")]
    pub other_weight: f64,
    /// only the links of this column's pages (absent = the whole site)
    #[serde(default)]
    pub column: Option<Vec<String>>,
    #[serde(default = "default_extra")]
    pub max_extra: u32,
}

fn hw() -> f64 {
    0.2
}
fn ow() -> f64 {
    0.1
}

/// Does a verification outcome mean "broken"? `None` = could not be verified.
pub fn verify_broken(o: VerifyOutcome) -> Option<bool> {
    match o {
        VerifyOutcome::Ok => Some(false),
        VerifyOutcome::Blocked | VerifyOutcome::Skipped => None,
        _ => Some(true),
    }
}

/// Does a crawl error mean "broken"? `None` = could not be verified.
pub fn error_broken(c: ErrorClass) -> Option<bool> {
    match c {
        ErrorClass::Blocked | ErrorClass::Robots | ErrorClass::RateLimited => None,
        ErrorClass::TooLarge | ErrorClass::Decode => Some(false),
        _ => Some(true),
    }
}

/// For each of `ids`, the pages that reference it (links, media, frames) with the visible
/// context (anchor text, alt text), built in one pass over the graph.
pub fn referrer_index(site: &Site, ids: &HashSet<UrlId>) -> HashMap<UrlId, Vec<(usize, String)>> {
    let mut out: HashMap<UrlId, Vec<(usize, String)>> = HashMap::new();
    if ids.is_empty() {
        return out;
    }
    for (i, p) in site.g.pages.iter().enumerate() {
        let mut here: HashSet<UrlId> = HashSet::new();
        for e in &p.links {
            if ids.contains(&e.to) && here.insert(e.to) {
                out.entry(e.to)
                    .or_default()
                    .push((i, site.g.text(e.text).to_string()));
            }
        }
        for m in &p.media {
            if ids.contains(&m.to) && here.insert(m.to) {
                out.entry(m.to)
                    .or_default()
                    .push((i, site.g.text(m.context).to_string()));
            }
        }
        for f in &p.frames {
            if ids.contains(f) && here.insert(*f) {
                out.entry(*f).or_default().push((i, "iframe".into()));
            }
        }
    }
    out
}

/// "page (“anchor”), page (“anchor”) … 等共N个页面" — every referring page, the first few named.
pub fn referrer_list(site: &Site, refs: &[(usize, String)], lang: Lang) -> String {
    const SHOWN: usize = 5;
    let named: Vec<String> = refs
        .iter()
        .take(SHOWN)
        .map(|(i, t)| {
            if t.is_empty() {
                site.url(*i).to_string()
            } else {
                tr!(lang, "{}（“{}”）", "{} (“{}”)", site.url(*i), t)
            }
        })
        .collect();
    let mut s = named.join(lang.pick("、", ", "));
    if refs.len() > SHOWN {
        s.push_str(&tr!(
            lang,
            " 等共{}个页面",
            " and others, {} pages in all",
            refs.len()
        ));
    }
    if s.is_empty() {
        s.push('?');
    }
    s
}

/// A broken target with what was found.
pub struct Broken {
    pub url: UrlId,
    pub detail: String,
}

/// Broken and unverifiable targets, from `verified` or else the crawl errors.
pub fn broken_targets(
    site: &Site,
    only: Option<&HashSet<UrlId>>,
) -> (Vec<Broken>, Vec<Broken>, bool) {
    let mut broken = Vec::new();
    let mut unknown = Vec::new();
    let mut seen = HashSet::new();
    let verified = !site.g.verified.is_empty();
    for v in &site.g.verified {
        if only.is_some_and(|s| !s.contains(&v.url)) || !seen.insert(v.url) {
            continue;
        }
        let detail = format!(
            "{:?}{} {}",
            v.outcome,
            v.status.map(|s| format!(" HTTP {s}")).unwrap_or_default(),
            v.detail
        );
        match verify_broken(v.outcome) {
            Some(true) => broken.push(Broken { url: v.url, detail }),
            None => unknown.push(Broken { url: v.url, detail }),
            Some(false) => {}
        }
    }
    for e in &site.g.errors {
        if only.is_some_and(|s| !s.contains(&e.url)) || !seen.insert(e.url) {
            continue;
        }
        let detail = format!(
            "{:?}{} {}",
            e.class,
            e.status.map(|s| format!(" HTTP {s}")).unwrap_or_default(),
            e.message
        );
        match error_broken(e.class) {
            Some(true) => broken.push(Broken { url: e.url, detail }),
            None => unknown.push(Broken { url: e.url, detail }),
            Some(false) => {}
        }
    }
    // in URL order, whatever order the URLs were met in
    broken.sort_by(|a, b| site.g.url(a.url).cmp(site.g.url(b.url)));
    unknown.sort_by(|a, b| site.g.url(a.url).cmp(site.g.url(b.url)));
    (broken, unknown, verified)
}

impl Params {
    pub fn validate(&self, aliases: &AliasTable, _has_column: bool) -> Result<(), String> {
        if self.home_weight < 0.0 || self.other_weight < 0.0 {
            return Err("weights must not be negative".into());
        }
        if self.column.is_some() {
            validate_column(aliases, &self.column, true)?;
        }
        Ok(())
    }

    pub fn describe(&self, lang: Lang) -> String {
        if let Some(c) = &self.column {
            return tr!(
                lang,
                "“{}”中的链接、图片和附件逐个请求验证，列出不可用的（HTTP错误、超时、DNS/TLS失败、软404、重定向循环）及其所在页面；防火墙拦截不计为失效",
                "every link, image and attachment of “{}” is requested and verified; the broken ones (HTTP error, timeout, DNS/TLS failure, soft 404, redirect loop) are listed with their page; firewall blocks are not counted",
                crate::rules::locate::path_label(c)
            );
        }
        tr!(
            lang,
            "全站链接、图片、附件、外链不可用（HTTP错误、超时、DNS/TLS失败、软404、重定向循环）逐个列出；首页每处扣{}分，其他页面每处扣{}分；防火墙拦截不计为失效",
            "every broken link, image, attachment or external link (HTTP error, timeout, DNS/TLS failure, soft 404, redirect loop) is listed; {} per item on the home page, {} elsewhere; firewall blocks are not counted",
            self.home_weight,
            self.other_weight
        )
    }

    pub fn eval(&self, cx: &Cx, prev: Option<&Located>) -> Outcome {
        if self.column.is_some() {
            return self.eval_column(cx, prev);
        }
        let site = cx.site;
        let (broken, unknown, verified) = broken_targets(site, None);
        let mut deduction = 0.0;
        let mut on_home = 0;
        let mut ev = Vec::new();
        let ids: HashSet<UrlId> = broken.iter().map(|b| b.url).collect();
        let index = referrer_index(site, &ids);
        let none = Vec::new();
        let mut by_parent: BTreeMap<String, usize> = BTreeMap::new();
        for b in &broken {
            let refs = index.get(&b.url).unwrap_or(&none);
            let home_ref = refs.iter().any(|(i, _)| Some(*i) == site.home);
            if home_ref {
                on_home += 1;
                deduction += self.home_weight;
            } else {
                deduction += self.other_weight;
            }
            let parent = refs
                .first()
                .map(|(i, _)| site.url(*i).to_string())
                .unwrap_or_default();
            *by_parent.entry(parent).or_default() += 1;
            if ev.len() < 50 {
                ev.push(Evidence {
                    url: site.g.url(b.url).to_string(),
                    text: tr!(
                        cx.lang,
                        "{}（引用页面：{}）",
                        "{} (referenced from {})",
                        b.detail.trim(),
                        referrer_list(site, refs, cx.lang)
                    ),
                    path: vec![],
                    screenshot: None,
                });
            }
        }
        let note = if verified {
            String::new()
        } else {
            cx.lang
                .pick(
                    "（媒体与附件未经逐个验证，仅依据抓取错误）",
                    " (media and attachments were not verified; based on crawl errors only)",
                )
                .to_string()
        };
        let blocked = if unknown.is_empty() {
            String::new()
        } else {
            tr!(
                cx.lang,
                "；另有{}个地址被拦截或未请求，未计入",
                "; {} more were blocked or not requested and are not counted",
                unknown.len()
            )
        };
        if broken.is_empty() {
            return Outcome::pass(tr!(
                cx.lang,
                "未发现不可用链接{}{}",
                "no broken links found{}{}",
                note,
                blocked
            ));
        }
        let (deduction, cap_note) = cx.capped(deduction);
        Outcome::new(
            Status::Fail,
            tr!(
                cx.lang,
                "发现{}个不可用链接（首页{}个，其他页面{}个），估计扣{:.1}分{}{}{}",
                "{} broken links ({} on the home page, {} elsewhere), estimated deduction {:.1}{}{}{}",
                broken.len(),
                on_home,
                broken.len() - on_home,
                deduction,
                cap_note,
                note,
                blocked
            ),
        )
        .with_evidence(ev)
        .with_deduction(deduction)
    }

    /// The links of one column's pages (its list and the pages under it).
    fn eval_column(&self, cx: &Cx, prev: Option<&Located>) -> Outcome {
        let col = match column_for(cx, &self.column, self.max_extra, prev) {
            Ok(c) => c,
            Err(o) => return o,
        };
        let site = cx.site;
        let pages = site.scope(col.page, 300);
        let mut targets: HashSet<UrlId> = HashSet::new();
        for &i in &pages {
            let p = site.page(i);
            // the column's own links, not the site template's menus
            targets.extend(site.content(i).links.iter().map(|l| l.to));
            targets.extend(p.media.iter().map(|m| m.to));
            targets.extend(p.frames.iter().copied());
        }
        let (broken, unknown, verified) = broken_targets(site, Some(&targets));
        let name = site.name(col.page);
        let mut ev = vec![super::column_evidence(cx, &col, name.clone())];
        let ids: HashSet<UrlId> = broken.iter().map(|b| b.url).collect();
        let index = referrer_index(site, &ids);
        let none = Vec::new();
        for b in broken.iter().take(50) {
            let refs: Vec<(usize, String)> = index
                .get(&b.url)
                .unwrap_or(&none)
                .iter()
                .filter(|(i, _)| pages.contains(i))
                .cloned()
                .collect();
            ev.push(Evidence {
                url: site.g.url(b.url).to_string(),
                text: tr!(
                    cx.lang,
                    "{}（引用页面：{}）",
                    "{} (referenced from {})",
                    b.detail.trim(),
                    referrer_list(site, &refs, cx.lang)
                ),
                path: vec![],
                screenshot: None,
            });
        }
        if !broken.is_empty() {
            return Outcome::fail(tr!(
                cx.lang,
                "“{}”的{}个链接和图片中有{}个不可用",
                "{2} of the {1} links and images of “{0}” are broken",
                name,
                targets.len(),
                broken.len()
            ))
            .with_evidence(ev);
        }
        if targets.is_empty() {
            return Outcome::pass(tr!(
                cx.lang,
                "“{}”没有需要验证的链接",
                "“{}” has no link to verify",
                name
            ))
            .with_evidence(ev);
        }
        if !verified || !unknown.is_empty() {
            return Outcome::warn(tr!(
                cx.lang,
                "“{}”的{}个链接和图片中有{}个未能验证（未运行链接验证、被拦截或未请求）",
                "{2} of the {1} links and images of “{0}” could not be verified (verification did not run, was blocked or not requested)",
                name,
                targets.len(),
                if verified { unknown.len() } else { targets.len() }
            ))
            .with_evidence(ev);
        }
        Outcome::pass(tr!(
            cx.lang,
            "“{}”的{}个链接和图片均可正常访问",
            "all {1} links and images of “{0}” work",
            name,
            targets.len()
        ))
        .with_evidence(ev)
    }
}

#[cfg(test)]
#[path = "links_tests.rs"]
mod tests;
