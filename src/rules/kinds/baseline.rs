//! `baseline`: compare this crawl (a staging server before a redesign) with the baseline
//! crawl of the production site (`--baseline PROD/report.json` and the `site-graph.json`
//! beside it). Three modes:
//!
//! * `urls` — every page URL of the baseline still answers: directly with a page, or through
//!   redirects ending on a page (not on the home page, not on a "not found" page). The
//!   crawl's pages and errors decide; URLs it did not meet were requested after the crawl
//!   ([`SiteGraph::revisited`](crate::crawl::SiteGraph)). Lost URLs are grouped by the
//!   column (breadcrumb) they had in the baseline; one evidence item per lost URL.
//! * `columns` — every column that a `path` step of the selected packs finds in the baseline
//!   is still found; one evidence item (the baseline URL) per lost column.
//! * `counts` — per column found in both, the list items (the column page and its
//!   pagination pages) are not fewer than the baseline's beyond `tolerance`.
//!
//! Without a baseline graph every mode is `warn` and says why. The rules never fetch.

use super::Located;
use crate::crawl::{ErrorClass, Revisit, SiteGraph, UrlId, VerifyOutcome};
use crate::extract::LinkKind;
use crate::i18n::Lang;
use crate::rules::Evidence;
use crate::rules::aliases::AliasTable;
use crate::rules::engine::{Baseline, Cx, Outcome};
use crate::rules::locate::{Locate, locate, path_label, segments};
use crate::rules::site::{Site, crumbs, dir_of, pagination_url, title_parts, url_path};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap, HashSet};

/// Lost URLs (or columns) named in the message; all of them are in the evidence.
const MESSAGE_MAX: usize = 30;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    Urls,
    Columns,
    Counts,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    pub mode: Mode,
    /// `counts`: share of the baseline's items that may be missing (0.1 = 10 %)
    #[serde(default = "default_tolerance")]
    pub tolerance: f64,
}

fn default_tolerance() -> f64 {
    0.1
}

/// How one baseline URL fares on this server.
#[derive(Debug, Clone, PartialEq)]
enum Fate {
    /// answered with a page; `true` when through redirects
    Kept(bool),
    /// does not answer with a page (the reason)
    Lost(String),
    /// could not be decided (the reason)
    Unknown(String),
}

fn needs_baseline<'b>(cx: &'b Cx) -> Result<&'b SiteGraph, Outcome> {
    match cx.baseline {
        Some(Baseline::Graph(g)) => Ok(g.as_ref()),
        Some(Baseline::Missing(why)) => Err(Outcome::warn(tr!(
            cx.lang,
            "无法与基线比较：{}",
            "cannot compare with the baseline: {}",
            why
        ))),
        None => Err(Outcome::warn(
            cx.lang
                .pick(
                    "未提供基线（--baseline 生产站点的 report.json，其旁须有 site-graph.json），无法检查此项",
                    "no baseline given (--baseline PROD/report.json with its site-graph.json beside it); this check could not be made",
                )
                .to_string(),
        )),
    }
}

impl Params {
    pub fn validate(&self, _aliases: &AliasTable, _has_column: bool) -> Result<(), String> {
        if !(0.0..1.0).contains(&self.tolerance) {
            return Err("tolerance must be a share between 0 and 1 (0.1 = 10 %)".into());
        }
        Ok(())
    }

    pub fn describe(&self, lang: Lang) -> String {
        match self.mode {
            Mode::Urls => lang
                .pick(
                    "基线（生产站点）抓取到的每个页面网址在本次（预发布站点）仍可访问：直接返回页面，或经重定向到达页面（重定向到首页或“页面不存在”页面视为丢失）；本次抓取未遇到的基线网址在抓取后逐个请求（同样遵守频率、页面上限和时间上限）",
                    "every page URL of the baseline (production) crawl still answers on this (staging) server: directly with a page, or through redirects ending on a page (a redirect to the home page or to a \"not found\" page counts as lost); baseline URLs this crawl did not meet are requested after the crawl (same rate limits, page budget and time limit)",
                )
                .to_string(),
            Mode::Columns => lang
                .pick(
                    "基线中各栏目路径检查找到的每个栏目，在本次抓取中仍能按同样方法找到",
                    "every column that a path check found in the baseline is still found in this crawl",
                )
                .to_string(),
            Mode::Counts => tr!(
                lang,
                "基线与本次都找到的栏目，本次列表条目数（栏目页及其分页）不少于基线的{}%",
                "for each column found in both, the list items (column page and its pagination) are at least {}% of the baseline's",
                ((1.0 - self.tolerance) * 100.0).round()
            ),
        }
    }

    pub fn eval(&self, cx: &Cx, _prev: Option<&Located>) -> Outcome {
        let base = match needs_baseline(cx) {
            Ok(g) => g,
            Err(o) => return o,
        };
        let bsite = Site::new(base);
        match self.mode {
            Mode::Urls => urls(cx, &bsite),
            Mode::Columns => columns(cx, &bsite),
            Mode::Counts => counts(cx, &bsite, self.tolerance),
        }
    }
}

/// The column a baseline page belonged to: its breadcrumb, else its URL directory.
fn group_of(bsite: &Site, url: &str) -> String {
    let Some(i) = bsite.idx_str(url) else {
        return dir_of(url);
    };
    if Some(i) == bsite.home {
        return "首页".to_string();
    }
    let p = bsite.page(i);
    let mut cs = crumbs(p);
    // a detail page's breadcrumb may end with its own title
    if bsite.is_detail(i)
        && let (Some(last), Some(t)) = (cs.last(), p.title.as_deref())
        && (t.trim() == *last || title_parts(t).first().is_some_and(|f| f.as_str() == *last))
        && cs.len() > 1
    {
        cs.pop();
    }
    if cs.is_empty() {
        dir_of(url)
    } else {
        cs.join(" > ")
    }
}

/// What this crawl (and the revisit stage) says about a baseline URL.
fn fate(
    cx: &Cx,
    revisited: &HashMap<UrlId, &Revisit>,
    url: &str,
    home_requested: Option<&str>,
) -> Fate {
    let g = cx.site.g;
    let lang = cx.lang;
    let Some(id) = g.find_url(url) else {
        return Fate::Unknown(lang.pick("未请求", "not requested").to_string());
    };
    if let Some(i) = cx.site.idx(id) {
        let p = cx.site.page(i);
        let final_url = cx.site.url(i);
        let redirected = final_url != url;
        let is_home_path = url::Url::parse(url)
            .map(|u| crate::verify::soft404::is_home_path(&u))
            .unwrap_or(false);
        if redirected && Some(i) == cx.site.home && !is_home_path && home_requested != Some(url) {
            return Fate::Lost(tr!(
                lang,
                "重定向到首页 {}",
                "redirected to the home page {}",
                final_url
            ));
        }
        if let Some(t) = p
            .title
            .as_deref()
            .filter(|t| crate::verify::soft404::title_says_not_found(t))
        {
            return Fate::Lost(tr!(
                lang,
                "错误页面（标题“{}”）",
                "error page (title “{}”)",
                t
            ));
        }
        return Fate::Kept(redirected);
    }
    if let Some(e) = cx.site.error(id) {
        let status = e.status.map(|s| format!("HTTP {s}: ")).unwrap_or_default();
        return match e.class {
            ErrorClass::NotFound
            | ErrorClass::ClientError
            | ErrorClass::ServerError
            | ErrorClass::RedirectLoop
            | ErrorClass::TooManyRedirects => Fate::Lost(format!("{status}{}", e.message)),
            _ => Fate::Unknown(format!("{status}{}", e.message)),
        };
    }
    if let Some(r) = revisited.get(&id) {
        let status = r.status.map(|s| format!("HTTP {s}: ")).unwrap_or_default();
        return match r.outcome {
            VerifyOutcome::Ok => Fate::Kept(r.final_url.is_some()),
            VerifyOutcome::Broken
            | VerifyOutcome::ServerError
            | VerifyOutcome::RedirectLoop
            | VerifyOutcome::Empty => Fate::Lost(format!("{status}{}", r.detail)),
            _ => Fate::Unknown(format!("{status}{}", r.detail)),
        };
    }
    Fate::Unknown(lang.pick("未请求", "not requested").to_string())
}

fn urls(cx: &Cx, bsite: &Site) -> Outcome {
    let lang = cx.lang;
    let base_urls = bsite.g.page_urls();
    let home_requested = cx.site.home.map(|h| cx.site.g.url(cx.site.page(h).url));
    let revisited: HashMap<UrlId, &Revisit> =
        cx.site.g.revisited.iter().map(|r| (r.url, r)).collect();
    let (mut direct, mut redirected) = (0usize, 0usize);
    let mut lost: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
    let mut unknown: Vec<(String, String)> = Vec::new();
    for u in &base_urls {
        match fate(cx, &revisited, u, home_requested) {
            Fate::Kept(false) => direct += 1,
            Fate::Kept(true) => redirected += 1,
            Fate::Lost(why) => lost
                .entry(group_of(bsite, u))
                .or_default()
                .push((u.to_string(), why)),
            Fate::Unknown(why) => unknown.push((u.to_string(), why)),
        }
    }
    // each group's URLs in URL order, whatever order the baseline listed them in
    for v in lost.values_mut() {
        v.sort();
    }
    unknown.sort();
    let n_lost: usize = lost.values().map(Vec::len).sum();
    let total = base_urls.len();
    let unknown_note = if unknown.is_empty() {
        String::new()
    } else {
        let mut reasons: Vec<&str> = unknown.iter().map(|(_, w)| w.as_str()).collect();
        reasons.sort();
        reasons.dedup();
        reasons.truncate(3);
        tr!(
            lang,
            "；另有 {} 个未能核对（{}）",
            "; {} more could not be checked ({})",
            unknown.len(),
            reasons.join("；")
        )
    };
    if n_lost == 0 {
        let msg = tr!(
            lang,
            "基线的 {} 个页面网址中 {} 个直接可访问，{} 个已正确重定向到页面{}",
            "of the baseline's {} page URLs, {} answer directly and {} are correctly redirected to a page{}",
            total,
            direct,
            redirected,
            unknown_note
        );
        let ev: Vec<Evidence> = unknown
            .iter()
            .take(MESSAGE_MAX)
            .map(|(u, w)| Evidence {
                url: u.clone(),
                text: w.clone(),
                path: vec![],
                screenshot: None,
            })
            .collect();
        return if unknown.is_empty() {
            Outcome::pass(msg)
        } else {
            Outcome::warn(msg).with_evidence(ev)
        };
    }
    let mut listed = Vec::new();
    let mut shown = 0;
    let mut evidence = Vec::new();
    for (group, items) in &lost {
        let mut line = Vec::new();
        for (u, why) in items {
            if shown < MESSAGE_MAX {
                line.push(format!("{u}（{why}）"));
                shown += 1;
            }
            evidence.push(Evidence {
                url: u.clone(),
                text: tr!(lang, "{}：{}", "{}: {}", group, why),
                path: vec![],
                screenshot: None,
            });
        }
        if !line.is_empty() {
            listed.push(format!("【{group}】{}", line.join("、")));
        }
    }
    let more = if n_lost > shown {
        tr!(
            lang,
            "等（共 {} 个，见证据）",
            " … ({} in all, see the evidence)",
            n_lost
        )
    } else {
        String::new()
    };
    Outcome::fail(tr!(
        lang,
        "基线的 {} 个页面网址中有 {} 个在新站无法访问：{}{}；{} 个已正确重定向，{} 个直接可访问{}",
        "{1} of the baseline's {0} page URLs no longer answer: {2}{3}; {4} are correctly redirected, {5} answer directly{6}",
        total,
        n_lost,
        listed.join("；"),
        more,
        redirected,
        direct,
        unknown_note
    ))
    .with_evidence(evidence)
}

/// The column paths of the selected packs' `path` steps, each once.
fn column_paths(cx: &Cx) -> Vec<(Vec<String>, u32)> {
    let mut seen = HashSet::new();
    cx.column_paths
        .iter()
        .filter(|(p, _)| seen.insert(p.join(">")))
        .cloned()
        .collect()
}

/// Columns found in the baseline: (path, max_extra, baseline page index).
fn baseline_columns(cx: &Cx, bsite: &Site) -> Vec<(Vec<String>, u32, usize)> {
    column_paths(cx)
        .into_iter()
        .filter_map(|(path, extra)| {
            let segs = segments(&path, cx.aliases);
            match locate(bsite, &segs, extra, cx.overrides, cx.lang) {
                Locate::Found(l) => Some((path, extra, l.page)),
                Locate::Missing { .. } => None,
            }
        })
        .collect()
}

fn columns(cx: &Cx, bsite: &Site) -> Outcome {
    let lang = cx.lang;
    let found = baseline_columns(cx, bsite);
    let mut lost = Vec::new();
    let mut unknown = Vec::new();
    let mut kept = 0;
    for (path, extra, bi) in &found {
        match cx.locate(path, *extra) {
            Locate::Found(_) => kept += 1,
            Locate::Missing { warn: Some(w), .. } => unknown.push((path_label(path), w)),
            Locate::Missing { .. } => lost.push((path_label(path), bsite.url(*bi).to_string())),
        }
    }
    if found.is_empty() {
        return Outcome::warn(
            lang.pick(
                "基线中没有找到任何栏目，无法比较",
                "the baseline has no column found by a path check; nothing to compare",
            )
            .to_string(),
        );
    }
    let unknown_note = if unknown.is_empty() {
        String::new()
    } else {
        tr!(
            lang,
            "；{} 个栏目未能确认（{}）",
            "; {} columns could not be confirmed ({})",
            unknown.len(),
            unknown
                .iter()
                .map(|(l, w)| format!("{l}: {w}"))
                .collect::<Vec<_>>()
                .join("；")
        )
    };
    if lost.is_empty() {
        let msg = tr!(
            lang,
            "基线中找到的 {} 个栏目在新站均仍能找到{}",
            "all {} columns found in the baseline are still found{}",
            kept,
            unknown_note
        );
        return if unknown.is_empty() {
            Outcome::pass(msg)
        } else {
            Outcome::warn(msg)
        };
    }
    let names: Vec<String> = lost
        .iter()
        .map(|(l, u)| tr!(lang, "“{}”（基线地址 {}）", "“{}” (baseline URL {})", l, u))
        .collect();
    let evidence = lost
        .iter()
        .map(|(l, u)| Evidence {
            url: u.clone(),
            text: tr!(
                lang,
                "栏目“{}”在新站未找到",
                "column “{}” not found on the new site",
                l
            ),
            path: vec![],
            screenshot: None,
        })
        .collect();
    Outcome::fail(tr!(
        lang,
        "基线中找到的 {} 个栏目中有 {} 个在新站找不到：{}{}",
        "{1} of the {0} columns found in the baseline are not found on the new site: {2}{3}",
        found.len(),
        lost.len(),
        names.join("、"),
        unknown_note
    ))
    .with_evidence(evidence)
}

/// List items of a column: its page and the pagination pages it links to (crawled).
pub fn column_items(site: &Site, col: usize) -> usize {
    let dir = dir_of(site.url(col));
    let mut total = site.listed(col);
    let mut seen = HashSet::from([col]);
    for l in site.links(col) {
        let Some(t) = site.idx(l.to) else { continue };
        let url = site.url(t);
        let pager = matches!(l.kind, LinkKind::Pagination)
            || (pagination_url(url) && url_path(url).starts_with(&dir));
        if pager && seen.insert(t) {
            total += site.listed(t);
        }
    }
    total
}

fn counts(cx: &Cx, bsite: &Site, tolerance: f64) -> Outcome {
    let lang = cx.lang;
    let mut fewer = Vec::new();
    let mut compared = 0;
    for (path, extra, bi) in baseline_columns(cx, bsite) {
        let Locate::Found(l) = cx.locate(&path, extra) else {
            continue; // a lost column is CI-02's finding
        };
        let before = column_items(bsite, bi);
        if before == 0 {
            continue;
        }
        compared += 1;
        let now = column_items(cx.site, l.page);
        let floor = (before as f64 * (1.0 - tolerance)).ceil() as usize;
        if now < floor {
            fewer.push((
                path_label(&path),
                cx.site.url(l.page).to_string(),
                before,
                now,
            ));
        }
    }
    if compared == 0 {
        return Outcome::warn(
            lang.pick(
                "基线与新站都找到且基线有列表条目的栏目为零，无法比较条目数",
                "no column with list items is found in both the baseline and this crawl; nothing to compare",
            )
            .to_string(),
        );
    }
    if fewer.is_empty() {
        return Outcome::pass(tr!(
            lang,
            "{} 个栏目的列表条目数均未少于基线（容差 {}%）",
            "none of {} columns lists fewer items than the baseline (tolerance {}%)",
            compared,
            (tolerance * 100.0).round()
        ));
    }
    let names: Vec<String> = fewer
        .iter()
        .map(|(l, _, b, n)| {
            tr!(
                lang,
                "“{}”基线 {} 条、新站 {} 条",
                "“{}” baseline {}, now {}",
                l,
                b,
                n
            )
        })
        .collect();
    let evidence: Vec<Evidence> = fewer
        .iter()
        .map(|(l, u, b, n)| Evidence {
            url: u.clone(),
            text: tr!(
                lang,
                "栏目“{}”：基线 {} 条，新站 {} 条",
                "column “{}”: baseline {} items, now {}",
                l,
                b,
                n
            ),
            path: vec![],
            screenshot: None,
        })
        .collect();
    let msg = tr!(
        lang,
        "{} 个栏目的列表条目比基线少（容差 {}%）：{}",
        "{} columns list fewer items than the baseline (tolerance {}%): {}",
        fewer.len(),
        (tolerance * 100.0).round(),
        names.join("；")
    );
    // pages not visited may hold the missing items: undecided, not failed
    match cx.site.truncated() {
        Some(r) => Outcome::warn(tr!(
            lang,
            "{}；但本次抓取未完成（{:?}），条目可能未全部抓到",
            "{}; but this crawl did not finish ({:?}), items may not all have been seen",
            msg,
            r
        ))
        .with_evidence(evidence),
        None => Outcome::fail(msg).with_evidence(evidence),
    }
}
