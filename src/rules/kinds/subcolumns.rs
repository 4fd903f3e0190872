//! `subcolumns`: a column has the required child columns (matched by anchor text,
//! breadcrumb, ColumnName or URL slug through the alias table), each non-empty.

use super::{Located, column_evidence, column_for, default_extra, validate_column, validate_terms};
use crate::i18n::Lang;
use crate::rules::aliases::{AliasTable, NameSet, Quality};
use crate::rules::engine::{Cx, Outcome};
use crate::rules::locate::path_label;
use crate::rules::norm::norm;
use crate::rules::site::{Site, below, crumbs, last_dir, trail_of};
use crate::rules::{Evidence, Status};
use serde::Deserialize;
use std::collections::HashSet;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// the parent column (default: the column found by an earlier `path` step)
    #[serde(default)]
    pub column: Option<Vec<String>>,
    #[serde(default = "default_extra")]
    pub max_extra: u32,
    /// required child columns (canonical names)
    pub children: Vec<String>,
    /// how many must be present (default: all)
    #[serde(default)]
    pub min: Option<usize>,
    /// each child must list at least one entry
    #[serde(default = "yes")]
    pub nonempty: bool,
}

fn yes() -> bool {
    true
}

/// A child column found under a parent.
pub struct Child {
    pub page: Option<usize>,
    pub url: String,
    pub text: String,
}

/// Find a child column of `parent` matching `set`, not in `used`.
pub fn find_child(
    site: &Site,
    parent: usize,
    scope: &[usize],
    set: &NameSet,
    used: &HashSet<String>,
) -> Option<Child> {
    let mut best: Option<(Quality, Child)> = None;
    for l in site.links(parent) {
        let url = site.g.url(l.to).to_string();
        if used.contains(&url) {
            continue;
        }
        let t = site.idx(l.to);
        let mut q = set.match_text(l.text);
        if q.is_none()
            && let Some(t) = t
            && !site.is_detail(t)
            && t != parent
        {
            let p = site.page(t);
            if crumbs(p)
                .last()
                .is_some_and(|c| set.match_text(c).is_some())
                || p.meta
                    .get("columnname")
                    .is_some_and(|c| set.match_text(c).is_some())
                || set.match_slug(&last_dir(site.url(t)))
            {
                q = Some(Quality::Contains);
            }
        }
        if let Some(q) = q
            && best.as_ref().is_none_or(|(b, _)| q > *b)
        {
            best = Some((
                q,
                Child {
                    page: t,
                    url,
                    text: l.text.trim().to_string(),
                },
            ));
        }
    }
    if best.is_none() {
        for &t in scope {
            if t == parent || site.is_detail(t) || used.contains(site.url(t)) {
                continue;
            }
            let p = site.page(t);
            if crumbs(p)
                .last()
                .is_some_and(|c| set.match_text(c).is_some())
                || set.match_slug(&last_dir(site.url(t)))
            {
                return Some(Child {
                    page: Some(t),
                    url: site.url(t).to_string(),
                    text: site.name(t),
                });
            }
        }
    }
    best.map(|(_, c)| c)
}

/// The breadcrumb trail that names a column: its page's breadcrumb, cut after the
/// column's own name when the page stands deeper (a section landing page that redirects
/// to its first sub-column carries the sub-column's breadcrumb).
pub fn trail(site: &Site, col: &Located) -> Vec<String> {
    let all = trail_of(site.page(col.page));
    let own = col.chain.last().map(|s| norm(&s.text));
    match own.and_then(|n| all.iter().position(|c| *c == n)) {
        Some(k) => all[..=k].to_vec(),
        None => all,
    }
}

/// The columns the site's breadcrumbs put below `trail` (a person sees a section in
/// every breadcrumb under it, wherever its pages live and even when its own URL
/// redirects): each crawled column page with the segment right after the trail, its
/// depth below it and whether it lists nothing. Read once per step.
pub fn crumb_columns<'g>(
    site: &Site<'g>,
    trail: &[String],
) -> Vec<(usize, &'g str, (bool, usize))> {
    (0..site.g.pages.len())
        .filter(|&i| !site.is_detail(i))
        .filter_map(|i| {
            below(site.page(i), trail)
                .map(|(label, depth)| (i, label, (site.listed(i) == 0, depth)))
        })
        .collect()
}

/// A child column read off the breadcrumbs (see [`crumb_columns`]) matching `set`: its
/// shallowest page that lists something, else its shallowest page.
pub fn crumb_child(
    site: &Site,
    columns: &[(usize, &str, (bool, usize))],
    set: &NameSet,
    used: &HashSet<String>,
) -> Option<Child> {
    columns
        .iter()
        .filter(|(i, label, _)| set.match_text(label).is_some() && !used.contains(site.url(*i)))
        .min_by_key(|(_, _, key)| *key)
        .map(|&(i, label, _)| Child {
            page: Some(i),
            url: site.url(i).to_string(),
            text: label.to_string(),
        })
}

impl Params {
    pub fn validate(&self, aliases: &AliasTable, has_column: bool) -> Result<(), String> {
        validate_column(aliases, &self.column, has_column)?;
        if self.children.is_empty() {
            return Err("no `children`".into());
        }
        if self.min.is_some_and(|m| m == 0 || m > self.children.len()) {
            return Err("`min` must be between 1 and the number of children".into());
        }
        validate_terms(aliases, &self.children)
    }

    pub fn describe(&self, lang: Lang) -> String {
        let parent = self
            .column
            .as_ref()
            .map(|p| path_label(p))
            .unwrap_or_else(|| lang.pick("该栏目", "the column").into());
        tr!(
            lang,
            "在“{}”下查找子栏目 {}（至少{}个{}）",
            "under “{}” look for the child columns {} (at least {}{})",
            parent,
            self.children.join("、"),
            self.min.unwrap_or(self.children.len()),
            if self.nonempty {
                lang.pick("，且每个都有内容", ", each with content")
            } else {
                ""
            }
        )
    }

    pub fn eval(&self, cx: &Cx, prev: Option<&Located>) -> Outcome {
        let col = match column_for(cx, &self.column, self.max_extra, prev) {
            Ok(c) => c,
            Err(o) => return o,
        };
        let site = cx.site;
        let scope = site.scope(col.page, 200);
        let trail = trail(site, &col);
        // a section whose URL redirects to its first sub-column is named as the section,
        // not as the sub-column it lands on
        let name = match col.chain.last() {
            Some(s) if trail.len() < crumbs(site.page(col.page)).len() => s.text.trim().to_string(),
            _ => site.name(col.page),
        };
        let mut by_crumbs = None;
        let mut used = HashSet::new();
        let mut ok = Vec::new();
        let mut missing = Vec::new();
        let mut empty = Vec::new();
        let mut unknown = Vec::new();
        let mut ev = vec![column_evidence(cx, &col, name.clone())];
        for name in &self.children {
            let set = cx.aliases.term(name);
            let found = find_child(site, col.page, &scope, &set, &used).or_else(|| {
                let columns = by_crumbs.get_or_insert_with(|| crumb_columns(site, &trail));
                crumb_child(site, columns, &set, &used)
            });
            match found {
                None => missing.push(name.clone()),
                Some(c) => {
                    used.insert(c.url.clone());
                    ev.push(Evidence {
                        url: c.url.clone(),
                        text: c.text.clone(),
                        path: vec![],
                        screenshot: None,
                    });
                    match c.page {
                        Some(t) if !self.nonempty || site.listed(t) > 0 => {
                            ok.push(format!("{}（{}）", name, c.text))
                        }
                        Some(t) if site.page(t).needs_js => unknown.push(format!(
                            "{name}（{}）",
                            cx.lang.pick("需JavaScript", "needs JavaScript")
                        )),
                        Some(_) => empty.push(format!("{}（{}）", name, c.text)),
                        None => unknown.push(format!("{name}（{}）", c.url)),
                    }
                }
            }
        }
        let need = self.min.unwrap_or(self.children.len());
        let present = ok.len() + empty.len() + unknown.len();
        let status = if ok.len() >= need {
            Status::Pass
        } else if ok.len() + unknown.len() >= need {
            Status::Warn
        } else {
            Status::Fail
        };
        let _ = present;
        let none = cx.lang.pick("无", "none");
        let list = |v: &Vec<String>| {
            if v.is_empty() {
                none.to_string()
            } else {
                v.join("、")
            }
        };
        let need_text = if self.nonempty {
            tr!(cx.lang, "至少{}个有内容", "at least {} with content", need)
        } else {
            tr!(cx.lang, "至少{}个", "at least {}", need)
        };
        let msg = tr!(
            cx.lang,
            "“{}”（{}）下应有子栏目 {}（{}）；已有：{}；缺少：{}；空白：{}；未能打开：{}",
            "under “{}” ({}) expected child columns {} ({}); present: {}; missing: {}; empty: {}; could not open: {}",
            name,
            site.url(col.page),
            self.children.join("、"),
            need_text,
            list(&ok),
            list(&missing),
            list(&empty),
            list(&unknown)
        );
        Outcome::new(status, msg).with_evidence(ev)
    }
}

#[cfg(test)]
#[path = "subcolumns_tests.rs"]
mod tests;
