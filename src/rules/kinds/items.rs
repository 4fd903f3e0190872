//! `items`: counts and pairs the items of one column — its dated list entries and the
//! article pages they lead to. A pack says which items count (terms in the title or the
//! article's headings), the window and the minimum number, how many of them must also
//! name something else (a responsible official leading a 新闻发布会), which fields and links
//! each counted item must show (a 决策草案's 意见提交方式, 征求意见期限 and its 解读), and which
//! later item must follow it (意见采纳情况 after the consultation closed, 调查处理结果 after an
//! announced investigation). Findings name the items counted and the items lacking each part.
//! Only what the crawl keeps of an article is read: title, headings and lead-ins, field
//! labels, `标签：值` pairs and link texts — and, for `among` (who led it), the body's
//! sentences naming an official (`extract::officials`) outside the site template.

use super::fields::shows;
use super::{Located, column_evidence, column_for, default_extra, validate_column, validate_days};
use super::{validate_terms, worst};
use crate::extract::dates::find_dates;
use crate::i18n::Lang;
use crate::rules::aliases::{AliasTable, NameSet};
use crate::rules::engine::{Cx, Outcome};
use crate::rules::locate::path_label;
use crate::rules::related::relates;
use crate::rules::site::Site;
use crate::rules::{Evidence, Status};
use jiff::ToSpan;
use jiff::civil::Date;
use serde::Deserialize;
use std::collections::BTreeMap;

/// Among the counted items, at least `min` must also mention one of `terms`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Among {
    /// what it is, for messages (有关负责同志带头)
    pub label: String,
    pub terms: Vec<String>,
    pub min: usize,
}

/// When a counted item needs a later item.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Due {
    /// once the date in the item's `deadline` field has passed (a consultation closed)
    Deadline,
    /// once `grace_days` have passed since the item's date (an investigation announced)
    #[default]
    Date,
}

/// What an unpaired item means.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unpaired {
    #[default]
    Fail,
    /// reported, not judged (a pairing that titles cannot make reliably)
    Warn,
}

/// A later item that must follow each counted item.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Followup {
    /// what it is, for messages (意见采纳情况)
    pub label: String,
    /// terms in the later item's title
    pub terms: Vec<String>,
    #[serde(default)]
    pub due: Due,
    /// the field (term) whose value holds the end date, for `due = "deadline"`
    #[serde(default)]
    pub deadline: Option<String>,
    /// days allowed after the deadline or the item's date
    #[serde(default)]
    pub grace_days: i64,
    #[serde(default)]
    pub unpaired: Unpaired,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    #[serde(default)]
    pub column: Option<Vec<String>>,
    #[serde(default = "default_extra")]
    pub max_extra: u32,
    /// what the counted items are, for messages (新闻发布形式的政策解读)
    pub label: String,
    /// an item counts when its title or its page's headings mention one of these terms
    pub select: Vec<String>,
    /// … and none of these (采纳情况 items among the drafts)
    #[serde(default)]
    pub exclude: Vec<String>,
    /// only items dated within this many days before the judging date
    #[serde(default)]
    pub window_days: Option<i64>,
    /// at least this many counted items
    #[serde(default = "one")]
    pub min: usize,
    #[serde(default)]
    pub among: Option<Among>,
    /// fields (terms) each counted item's page must show
    #[serde(default)]
    pub require: Vec<String>,
    /// each counted item's page links to (link text) or has a heading naming one of these
    #[serde(default)]
    pub links: Vec<String>,
    #[serde(default)]
    pub followup: Option<Followup>,
}

fn one() -> usize {
    1
}

/// One item of the column: a list entry, an article page, or both.
#[derive(Debug, Clone)]
struct Item {
    title: String,
    url: String,
    date: Option<Date>,
    page: Option<usize>,
}

impl Item {
    fn label(&self) -> String {
        match self.date {
            Some(d) => format!("{d}《{}》", self.title),
            None => format!("《{}》", self.title),
        }
    }
}

/// The column's items: its list entries (content region, the pages under it) and the
/// article pages in its scope, merged by URL.
fn column_items(site: &Site, scope: &[usize]) -> Vec<Item> {
    let mut by_url: BTreeMap<String, Item> = BTreeMap::new();
    for &i in scope {
        for it in site.content(i).items {
            let Some(url) = it.url.as_ref().map(|u| u.to_string()) else {
                continue;
            };
            let page = site.idx_str(&url);
            by_url.entry(url.clone()).or_insert(Item {
                title: it.title.trim().to_string(),
                url,
                date: Some(it.date),
                page,
            });
        }
        if site.is_detail(i) {
            let p = site.page(i);
            let url = site.url(i).to_string();
            let title = p
                .meta
                .get("articletitle")
                .or(p.title.as_ref())
                .map(|t| t.trim().to_string())
                .unwrap_or_default();
            let e = by_url.entry(url.clone()).or_insert(Item {
                title,
                url,
                date: p.published,
                page: Some(i),
            });
            e.page = Some(i);
            if e.date.is_none() {
                e.date = p.published;
            }
        }
    }
    by_url.into_values().collect()
}

/// Does the item mention one of `set` in its title, or (`deep`) in its page's headings,
/// labels, labelled values or link texts?
fn mentions(site: &Site, it: &Item, set: &NameSet, deep: bool) -> bool {
    if set.mentioned_in(&it.title) {
        return true;
    }
    let Some(i) = it.page.filter(|_| deep) else {
        return false;
    };
    let p = site.page(i);
    p.headings.iter().any(|h| set.mentioned_in(h))
        || p.labels.iter().any(|l| set.mentioned_in(l))
        || site
            .content(i)
            .pairs
            .iter()
            .any(|(k, v)| set.mentioned_in(k) || set.mentioned_in(v))
}

/// The sentence of the item's article body that mentions one of `set` (an official's
/// title), if any; sentences in lines that recur on many pages (template) do not count.
fn body_mention<'g>(site: &Site<'g>, it: &Item, set: &NameSet) -> Option<&'g str> {
    let i = it.page?;
    let r = site.regions();
    site.page(i)
        .officials
        .iter()
        .filter(|o| !r.template_block(o.block))
        .map(|o| o.text.as_str())
        .find(|t| set.mentioned_in(t))
}

/// Does the item's page link to (by link text) or head a part named in `set`?
fn links_to(site: &Site, i: usize, set: &NameSet) -> bool {
    site.content(i)
        .links
        .iter()
        .any(|l| set.mentioned_in(l.text))
        || site.page(i).headings.iter().any(|h| set.mentioned_in(h))
}

/// The last date written in the value of the field `set` (征求意见时间：…至2026年10月31日).
fn deadline_of(site: &Site, i: usize, set: &NameSet) -> Option<Date> {
    site.content(i)
        .pairs
        .iter()
        .filter(|(k, _)| set.match_text(k).is_some() || set.mentioned_in(k))
        .filter_map(|(_, v)| find_dates(v).into_iter().max())
        .max()
}

fn names(v: &[&Item]) -> String {
    const SHOWN: usize = 10;
    let mut s: Vec<String> = v.iter().take(SHOWN).map(|i| i.label()).collect();
    if v.len() > SHOWN {
        s.push(format!("…（共{}条）", v.len()));
    }
    s.join("、")
}

impl Params {
    pub fn validate(&self, aliases: &AliasTable, has_column: bool) -> Result<(), String> {
        validate_column(aliases, &self.column, has_column)?;
        if self.select.is_empty() {
            return Err("no `select` terms".into());
        }
        validate_terms(aliases, &self.select)?;
        validate_terms(aliases, &self.exclude)?;
        validate_terms(aliases, &self.require)?;
        validate_terms(aliases, &self.links)?;
        validate_days("window_days", self.window_days)?;
        if self.min == 0
            && self.among.is_none()
            && self.require.is_empty()
            && self.links.is_empty()
            && self.followup.is_none()
        {
            return Err("`min` = 0 with nothing else to check".into());
        }
        if let Some(a) = &self.among {
            if a.terms.is_empty() || a.min == 0 {
                return Err("`among` needs terms and a `min` of at least 1".into());
            }
            validate_terms(aliases, &a.terms)?;
        }
        if let Some(f) = &self.followup {
            if f.terms.is_empty() {
                return Err("`followup` needs terms".into());
            }
            validate_terms(aliases, &f.terms)?;
            validate_days("grace_days", Some(f.grace_days))?;
            match (&f.due, &f.deadline) {
                (Due::Deadline, None) => {
                    return Err("`followup.due = \"deadline\"` needs a `deadline` field".into());
                }
                (_, Some(d)) => validate_terms(aliases, std::slice::from_ref(d))?,
                _ => {}
            }
        }
        Ok(())
    }

    pub fn describe(&self, lang: Lang) -> String {
        let col = self
            .column
            .as_ref()
            .map(|c| path_label(c))
            .unwrap_or_else(|| lang.pick("该栏目", "the column").into());
        let window = match self.window_days {
            Some(d) => tr!(lang, "近{}天内", "within {} days, ", d),
            None => String::new(),
        };
        let mut s = tr!(
            lang,
            "在“{}”的列表和文章中，{}标题或小标题含 {} 的{}至少{}条",
            "in the lists and articles of “{0}”, {1}at least {4} items whose title or headings mention {2} ({3})",
            col,
            window,
            self.select.join("、"),
            self.label,
            self.min
        );
        if let Some(a) = &self.among {
            s.push_str(&tr!(
                lang,
                "，其中至少{}条为{}（标题、小标题、“标签：值”或正文中含 {}）",
                "; at least {} of them {} (title, headings, labelled values or body text mention {})",
                a.min,
                a.label,
                a.terms.join("、")
            ));
        }
        if !self.require.is_empty() {
            s.push_str(&tr!(
                lang,
                "；每条应列明 {}",
                "; each must show {}",
                self.require.join("、")
            ));
        }
        if !self.links.is_empty() {
            s.push_str(&tr!(
                lang,
                "；每条应链接或包含 {}",
                "; each must link to or contain {}",
                self.links.join("、")
            ));
        }
        if let Some(f) = &self.followup {
            let when = match f.due {
                Due::Deadline => tr!(
                    lang,
                    "“{}”截止{}天后",
                    "{1} days after its “{0}” ended",
                    f.deadline.as_deref().unwrap_or(""),
                    f.grace_days
                ),
                Due::Date => tr!(lang, "发布{}天后", "{} days after it", f.grace_days),
            };
            s.push_str(&tr!(
                lang,
                "；{}应有标题相关的{}（标题含 {}）{}",
                "; {} a related {} must follow (title mentions {}){}",
                when,
                f.label,
                f.terms.join("、"),
                match f.unpaired {
                    Unpaired::Fail => "",
                    Unpaired::Warn => lang.pick(
                        "，配对不上时只列出、不判定",
                        ", listed but not judged when no pair is found",
                    ),
                }
            ));
        }
        s
    }

    pub fn eval(&self, cx: &Cx, prev: Option<&Located>) -> Outcome {
        let col = match column_for(cx, &self.column, self.max_extra, prev) {
            Ok(c) => c,
            Err(o) => return o,
        };
        let site = cx.site;
        let lang = cx.lang;
        let scope = site.scope(col.page, 400);
        let items = column_items(site, &scope);
        let set = |names: &[String]| -> Vec<NameSet> {
            names.iter().map(|n| cx.aliases.term(n)).collect()
        };
        let any = |it: &Item, sets: &[NameSet], deep: bool| {
            sets.iter().any(|s| mentions(site, it, s, deep))
        };
        let select = set(&self.select);
        let exclude = set(&self.exclude);
        let from = self
            .window_days
            .and_then(|d| cx.today.checked_sub(d.days()).ok());
        let in_window = |it: &Item| match (from, it.date) {
            (None, _) => true,
            (Some(f), Some(d)) => d >= f && d <= cx.today,
            (Some(_), None) => false,
        };
        let chosen: Vec<&Item> = items
            .iter()
            .filter(|it| any(it, &select, true) && !any(it, &exclude, false))
            .collect();
        let undated = chosen.iter().filter(|it| it.date.is_none()).count();
        let counted: Vec<&Item> = chosen.iter().copied().filter(|it| in_window(it)).collect();
        let name = site.name(col.page);
        let mut ev = vec![column_evidence(cx, &col, name.clone())];
        let mut status = Status::Pass;
        let mut msgs: Vec<String> = Vec::new();
        let window = match self.window_days {
            Some(d) => tr!(lang, "近{}天内", "within {} days", d),
            None => String::new(),
        };
        msgs.push(tr!(
            lang,
            "“{}”{}有{}{}条（应至少{}条）：{}",
            "“{}” has {} {} items of {} (at least {} needed): {}",
            name,
            window,
            self.label,
            counted.len(),
            self.min,
            if counted.is_empty() {
                lang.pick("无", "none").to_string()
            } else {
                names(&counted)
            }
        ));
        for it in &counted {
            ev.push(Evidence {
                url: it.url.clone(),
                text: it.label(),
                path: vec![],
                screenshot: None,
            });
        }
        if counted.len() < self.min {
            let js = site.page(col.page).needs_js;
            if undated > 0 {
                msgs.push(tr!(
                    lang,
                    "另有{}条未读到日期，无法确认",
                    "{} more have no readable date",
                    undated
                ));
            }
            if js {
                msgs.push(
                    lang.pick(
                        "列表的其余页由JavaScript加载，未能读取",
                        "the list's further pages are loaded by JavaScript and were not read",
                    )
                    .to_string(),
                );
            }
            let s = if undated > 0 || js {
                Status::Warn
            } else {
                Status::Fail
            };
            status = worst(status, s);
        }
        if let Some(a) = &self.among {
            let terms = set(&a.terms);
            // the title, headings or labelled values name it, else a sentence of the body
            let mut from_body: Vec<(String, &str)> = Vec::new();
            let led: Vec<&Item> = counted
                .iter()
                .copied()
                .filter(|it| {
                    any(it, &terms, true)
                        || match terms.iter().find_map(|t| body_mention(site, it, t)) {
                            Some(s) => {
                                from_body.push((it.url.clone(), s));
                                true
                            }
                            None => false,
                        }
                })
                .collect();
            msgs.push(tr!(
                lang,
                "其中{}{}条（应至少{}条）：{}",
                "{} of them: {} (at least {} needed): {}",
                a.label,
                led.len(),
                a.min,
                if led.is_empty() {
                    lang.pick("无", "none").to_string()
                } else {
                    names(&led)
                }
            ));
            if !from_body.is_empty() {
                let said: Vec<String> = from_body
                    .iter()
                    .map(|(url, s)| {
                        let title = led
                            .iter()
                            .find(|it| &it.url == url)
                            .map(|it| it.title.as_str())
                            .unwrap_or("");
                        tr!(lang, "《{}》正文：“{}”", "“{}”, body: “{}”", title, s)
                    })
                    .collect();
                if let Some(m) = msgs.last_mut() {
                    m.push_str(&tr!(
                        lang,
                        "（据正文：{}）",
                        " (from the body: {})",
                        said.join(lang.pick("；", "; "))
                    ));
                }
                for (url, s) in &from_body {
                    if let Some(e) = ev.iter_mut().find(|e| &e.url == url) {
                        e.text = tr!(lang, "{}（正文：“{}”）", "{} (body: “{}”)", e.text, s);
                    }
                }
            }
            if led.len() < a.min {
                status = worst(status, Status::Fail);
            }
        }
        // fields and links each counted item must show
        let mut unread: Vec<&Item> = Vec::new();
        let mut parts: Vec<(String, NameSet, bool)> = self
            .require
            .iter()
            .map(|r| (r.clone(), cx.aliases.term(r), false))
            .collect();
        parts.extend(
            self.links
                .iter()
                .map(|r| (r.clone(), cx.aliases.term(r), true)),
        );
        if !parts.is_empty() {
            for it in &counted {
                if it.page.is_none() {
                    unread.push(it);
                }
            }
            for (part, ns, is_link) in &parts {
                let lacking: Vec<&Item> = counted
                    .iter()
                    .copied()
                    .filter(|it| match it.page {
                        Some(i) if *is_link => !links_to(site, i, ns),
                        Some(i) => !shows(site, i, ns),
                        None => false,
                    })
                    .collect();
                if !lacking.is_empty() {
                    status = worst(status, Status::Fail);
                    msgs.push(tr!(
                        lang,
                        "缺少“{}”的{}条：{}",
                        "{1} lack “{0}”: {2}",
                        part,
                        lacking.len(),
                        names(&lacking)
                    ));
                    for it in &lacking {
                        ev.push(Evidence {
                            url: it.url.clone(),
                            text: tr!(lang, "缺少“{}”", "lacks “{}”", part),
                            path: vec![],
                            screenshot: None,
                        });
                    }
                }
            }
        }
        // the later item that must follow
        if let Some(f) = &self.followup {
            let terms = set(&f.terms);
            let deadline = f.deadline.as_ref().map(|d| cx.aliases.term(d));
            let answers: Vec<&Item> = items.iter().filter(|it| any(it, &terms, false)).collect();
            let mut paired: Vec<String> = Vec::new();
            let mut unpaired: Vec<&Item> = Vec::new();
            for it in &counted {
                let due = match f.due {
                    Due::Date => it.date,
                    Due::Deadline => match (it.page, &deadline) {
                        (Some(i), Some(ns)) => deadline_of(site, i, ns),
                        _ => None,
                    },
                };
                let Some(due) = due else {
                    if f.due == Due::Deadline && !unread.iter().any(|u| u.url == it.url) {
                        unread.push(it);
                    }
                    continue;
                };
                let Ok(limit) = due.checked_add(f.grace_days.days()) else {
                    continue;
                };
                if limit >= cx.today {
                    continue; // not due yet
                }
                let answer = answers.iter().find(|a| {
                    a.url != it.url
                        && a.date.is_none_or(|d| it.date.is_none_or(|s| d >= s))
                        && relates(&a.title, &it.title)
                });
                match answer {
                    Some(a) => {
                        paired.push(format!("{} → {}", it.label(), a.label()));
                        ev.push(Evidence {
                            url: a.url.clone(),
                            text: tr!(lang, "{}（{}）", "{} ({})", a.label(), f.label),
                            path: vec![],
                            screenshot: None,
                        });
                    }
                    None => unpaired.push(it),
                }
            }
            if !paired.is_empty() {
                msgs.push(tr!(
                    lang,
                    "已有{}：{}",
                    "{} found: {}",
                    f.label,
                    paired.join("、")
                ));
            }
            if !unpaired.is_empty() {
                let s = match f.unpaired {
                    Unpaired::Fail => Status::Fail,
                    Unpaired::Warn => Status::Warn,
                };
                status = worst(status, s);
                msgs.push(tr!(
                    lang,
                    "未找到相应{}的{}条{}：{}",
                    "{1} without a related {0}{2}: {3}",
                    f.label,
                    unpaired.len(),
                    match f.unpaired {
                        Unpaired::Fail => "",
                        Unpaired::Warn => lang.pick(
                            "（按标题未能配对，请人工核实）",
                            " (titles could not be paired; check by hand)",
                        ),
                    },
                    names(&unpaired)
                ));
                for it in &unpaired {
                    ev.push(Evidence {
                        url: it.url.clone(),
                        text: tr!(lang, "未见{}", "no {}", f.label),
                        path: vec![],
                        screenshot: None,
                    });
                }
            }
        }
        if !unread.is_empty() {
            status = worst(status, Status::Warn);
            msgs.push(tr!(
                lang,
                "{}条的页面未抓取或未读到所需内容，无法核对：{}",
                "{} items' pages were not crawled or show nothing to read: {}",
                unread.len(),
                names(&unread)
            ));
        }
        Outcome::new(status, msgs.join(lang.pick("；", "; "))).with_evidence(ev)
    }
}

#[cfg(test)]
#[path = "items_tests.rs"]
mod tests;
