//! `empty`: columns with no items at all (空白栏目) are counted and listed; columns that
//! only say 暂无信息 are listed apart as explained-empty. Veto at the threshold.
//!
//! A column is counted once however many URLs show it: pages are grouped by
//! [`column_key`] (URL path without paging/sorting/date query parameters, `index.html` =
//! its directory) and a column is blank only when none of its pages lists anything.
//! Calendar/date variants (`/hdjl/rl/?d=2026-11-01`, generated for every day by crawler
//! traps) are not columns at all.

use super::Located;
use crate::extract::LinkKind;
use crate::i18n::Lang;
use crate::rules::aliases::AliasTable;
use crate::rules::engine::{Cx, Outcome};
use crate::rules::site::{
    Site, calendar_variant, column_key, crumbs, dir_of, pagination_url, url_path,
};
use crate::rules::{Evidence, Status};
use serde::Deserialize;
use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// this many blank columns fail the check (2019: 5)
    #[serde(default = "five")]
    pub threshold: usize,
    /// count 暂无信息 columns as blank too
    #[serde(default)]
    pub include_explained: bool,
    /// visible characters of its content region (breadcrumb, heading) a blank column page may have
    #[serde(default = "slack")]
    pub text_slack: usize,
    /// deduction per blank column (扣分 items)
    #[serde(default)]
    pub per_column: f64,
}

fn five() -> usize {
    5
}
fn slack() -> usize {
    120
}

/// Characters a breadcrumb's label takes (`您当前的位置：`).
const CRUMB_LABEL_CHARS: usize = 8;
/// More characters than this in the content region, besides its breadcrumb and heading,
/// are body text (a sentence like “名录见附件。”).
const BODY_MIN_CHARS: usize = 4;

/// Classification of a column page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Emptiness {
    Filled,
    /// says 暂无信息
    Explained,
    Blank,
    /// its list is built by JavaScript: cannot tell without a browser
    Unknown,
}

/// Is page `i` a column page, and is it empty?
pub fn emptiness(site: &Site, i: usize, text_slack: usize) -> Option<Emptiness> {
    let p = site.page(i);
    let url = site.url(i);
    if Some(i) == site.home
        || p.is_frame
        || p.status >= 400
        || site.is_detail(i)
        || pagination_url(url)
        || calendar_variant(url)
    {
        return None;
    }
    let path = url_path(url);
    let last = path.rsplit('/').next().unwrap_or("");
    let dirish = last.is_empty() || last.starts_with("index.") || last.starts_with("default.");
    if !dirish {
        return None;
    }
    if p.needs_js && site.listed(i) == 0 && p.frames.is_empty() {
        return Some(Emptiness::Unknown);
    }
    // a page framing another page shows that page's content (信箱 lists, 公开目录 platforms)
    if !p.frames.is_empty() {
        return Some(Emptiness::Filled);
    }
    // an application, letter or enquiry form is a service, not an empty list
    if p.markers.input_form {
        return Some(Emptiness::Filled);
    }
    let content = site.content(i);
    // (label–value pairs do not count: a breadcrumb reads as 当前位置：首页 > …)
    if site.listed(i) > 0 || !content.phones.is_empty() {
        return Some(Emptiness::Filled);
    }
    // a landing page linking to its own sub-columns (any region: a section's sub-column
    // menu is often its sidebar)
    let dir = dir_of(url);
    let has_children = site.links(i).iter().any(|l| {
        let u = site.g.url(l.to);
        l.to != p.final_url
            && l.to != p.url
            && url_path(u).starts_with(&dir)
            && url_path(u) != path
            && dir.len() > 1
    });
    if has_children || links_sub_columns(site, i) {
        return Some(Emptiness::Filled);
    }
    if p.empty_note {
        return Some(Emptiness::Explained);
    }
    if content.has_blocks {
        // links of its own (not the template's, not to itself or its pages)
        let lists_links = content.links.iter().any(|l| {
            l.to != p.url
                && l.to != p.final_url
                && !matches!(l.kind, LinkKind::Pagination)
                && site.idx(l.to).is_none_or(|t| t != i)
        });
        // body text of the content region beyond its breadcrumb and heading
        let crumb_chars: usize = p
            .breadcrumb
            .iter()
            .map(|c| c.text.chars().filter(|c| !c.is_whitespace()).count() + 1)
            .sum::<usize>()
            + CRUMB_LABEL_CHARS;
        let heading = site.name(i).chars().count();
        let body = content
            .text_chars
            .saturating_sub(crumb_chars)
            .saturating_sub(heading);
        if lists_links || body > BODY_MIN_CHARS {
            return Some(Emptiness::Filled);
        }
        return Some(Emptiness::Blank);
    }
    // graphs saved before text blocks were kept: labels and phones the home page shows
    // too are page chrome
    let home = site.home.map(|h| site.page(h));
    let own_label = p
        .labels
        .iter()
        .any(|l| home.is_none_or(|h| !h.labels.contains(l)));
    if own_label || p.text_chars > site.min_text + text_slack {
        return Some(Emptiness::Filled);
    }
    Some(Emptiness::Blank)
}

/// Does page `i` link to pages whose breadcrumb names it as their parent column (a landing
/// page of sub-columns that live in other directories, e.g. Hanweb `/col/colN/`)?
fn links_sub_columns(site: &Site, i: usize) -> bool {
    let own = crate::rules::norm::norm(&site.name(i));
    if own.is_empty() {
        return false;
    }
    site.links(i).iter().any(|l| {
        site.idx(l.to).is_some_and(|t| {
            t != i && !site.is_detail(t) && {
                let cs = crumbs(site.page(t));
                cs.len() >= 2
                    && cs[..cs.len() - 1]
                        .iter()
                        .any(|c| crate::rules::norm::norm(c) == own)
            }
        })
    })
}

impl Params {
    pub fn validate(&self, _aliases: &AliasTable, _has_column: bool) -> Result<(), String> {
        if self.threshold == 0 {
            return Err("`threshold` must be at least 1".into());
        }
        Ok(())
    }

    pub fn describe(&self, lang: Lang) -> String {
        tr!(
            lang,
            "统计没有任何信息的栏目页（空白栏目，逐个列出；仅写“暂无信息”的另列），达到{}个即不合格",
            "count column pages listing nothing (blank columns, each listed; those only saying 暂无信息 listed apart); {} or more fail",
            self.threshold
        )
    }

    pub fn eval(&self, cx: &Cx, _prev: Option<&Located>) -> Outcome {
        let site = cx.site;
        // one verdict per column: the best of the pages showing it (filled > 暂无信息 > blank)
        let rank = |e: Emptiness| match e {
            Emptiness::Filled => 3,
            Emptiness::Unknown => 2,
            Emptiness::Explained => 1,
            Emptiness::Blank => 0,
        };
        let mut columns: Vec<(usize, Emptiness)> = Vec::new();
        let mut by_key: HashMap<String, usize> = HashMap::new();
        let mut seen = HashSet::new();
        for i in 0..site.g.pages.len() {
            if !seen.insert(site.page(i).final_url) {
                continue;
            }
            let Some(e) = emptiness(site, i, self.text_slack) else {
                continue;
            };
            match by_key.entry(column_key(site.url(i))) {
                Entry::Occupied(o) => {
                    let c = &mut columns[*o.get()];
                    if rank(e) > rank(c.1) {
                        *c = (i, e);
                    }
                }
                Entry::Vacant(v) => {
                    v.insert(columns.len());
                    columns.push((i, e));
                }
            }
        }
        // in URL order: the same site gives the same report whatever order the pages came in
        let pick = |want: Emptiness| -> Vec<usize> {
            let mut v: Vec<usize> = columns
                .iter()
                .filter(|(_, e)| *e == want)
                .map(|(i, _)| *i)
                .collect();
            v.sort_by(|a, b| site.url(*a).cmp(site.url(*b)));
            v
        };
        let blank = pick(Emptiness::Blank);
        let explained = pick(Emptiness::Explained);
        let unknown = pick(Emptiness::Unknown);
        let counted = blank.len()
            + if self.include_explained {
                explained.len()
            } else {
                0
            };
        let label = |v: &Vec<usize>| {
            v.iter()
                .map(|&i| format!("{}（{}）", site.name(i), site.url(i)))
                .collect::<Vec<_>>()
                .join("、")
        };
        let none = cx.lang.pick("无", "none");
        let msg = tr!(
            cx.lang,
            "空白栏目{}个（否决阈值{}个）：{}；注明“暂无信息”的栏目{}个：{}",
            "{} blank columns (veto at {}): {}; {} columns saying 暂无信息: {}",
            blank.len(),
            self.threshold,
            if blank.is_empty() {
                none.to_string()
            } else {
                label(&blank)
            },
            explained.len(),
            if explained.is_empty() {
                none.to_string()
            } else {
                label(&explained)
            }
        );
        let mut msg = msg;
        if !unknown.is_empty() {
            msg.push_str(&tr!(
                cx.lang,
                "；{}个栏目的列表由 JavaScript 生成，无法判断是否空白：{}",
                "; {} columns build their lists with JavaScript and could not be judged: {}",
                unknown.len(),
                label(&unknown)
            ));
        }
        let ev: Vec<Evidence> = blank
            .iter()
            .map(|&i| (i, cx.lang.pick("空白栏目", "blank column")))
            .chain(
                explained
                    .iter()
                    .map(|&i| (i, cx.lang.pick("暂无信息", "says 暂无信息"))),
            )
            .map(|(i, t)| Evidence {
                url: site.url(i).to_string(),
                text: format!("{}：{}", site.name(i), t),
                path: vec![],
                screenshot: None,
            })
            .collect();
        let mut status = if counted >= self.threshold {
            Status::Fail
        } else {
            Status::Pass
        };
        let mut message = msg;
        if status == Status::Pass && site.truncated().is_some() {
            status = Status::Warn;
            message.push_str(cx.lang.pick(
                "；抓取未完成，未访问的栏目未统计",
                "; the crawl did not finish, unvisited columns were not counted",
            ));
        }
        Outcome::new(status, message)
            .with_evidence(ev)
            .with_deduction(self.per_column * counted as f64)
    }
}

#[cfg(test)]
#[path = "empty_tests.rs"]
mod tests;
