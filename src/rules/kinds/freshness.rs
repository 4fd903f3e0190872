//! `freshness`: a column's newest dated item is within a window (undated items count as
//! not updated), an item for a required year exists by its deadline (本年度预算 and
//! 上一年度决算; 上一年度年报 by 1月31日), the home page was updated within two weeks, or
//! columns grouped by class (动态要闻 2 weeks, 通知公告/政策文件 6 months, others 1 year)
//! are counted as stale against the veto thresholds.

use super::{Located, column_evidence, column_for, default_extra, validate_column};
use crate::i18n::Lang;
use crate::model::Txt;
use crate::rules::aliases::AliasTable;
use crate::rules::engine::{Cx, Outcome};
use crate::rules::norm::norm;
use crate::rules::site::{
    Site, calendar_variant, column_key, pagination_url, record_dates, record_title,
};
use crate::rules::{Evidence, Status};
use jiff::ToSpan;
use jiff::civil::Date;
use regex::Regex;
use serde::Deserialize;
use std::collections::{BTreeMap, HashSet};

/// What is judged.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Target {
    /// one column (`column` or an earlier `path` step)
    #[default]
    Column,
    /// the home page (or its second-level pages when it is navigation only)
    Home,
    /// every listing column of the site, by class
    Columns,
}

/// An item for a given year must exist (`{year}年…预算`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct YearRule {
    /// what it is, for messages (本年度预算)
    pub label: String,
    /// regex over item titles; `{year}` is replaced by the year required
    pub pattern: String,
    /// year required relative to the judging date's year (0 = this year, -1 = last year)
    #[serde(default)]
    pub offset: i32,
    /// `MM-DD`: before this date of the current year, the previous cycle is required instead;
    /// an item dated after the deadline of its cycle is late
    #[serde(default)]
    pub due: Option<String>,
    /// per site kind deadline overrides (`区县 = "03-31"`)
    #[serde(default)]
    pub due_by_kind: BTreeMap<String, String>,
}

/// A class of columns with its update window.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ColumnClass {
    pub name: String,
    /// column-name fragments of this class (动态, 要闻 …)
    pub names: Vec<String>,
    pub window_days: i64,
    /// stale columns of this class count toward the veto threshold `veto_class_stale`
    #[serde(default)]
    pub veto: bool,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    #[serde(default)]
    pub target: Target,
    #[serde(default)]
    pub column: Option<Vec<String>>,
    #[serde(default = "default_extra")]
    pub max_extra: u32,
    /// newest item must be at most this old
    #[serde(default)]
    pub window_days: Option<i64>,
    #[serde(default)]
    pub years: Vec<YearRule>,
    /// column classes (target = columns)
    #[serde(default)]
    pub classes: Vec<ColumnClass>,
    /// window of columns in no class (target = columns); absent = not judged
    #[serde(default)]
    pub other_window_days: Option<i64>,
    /// column-name fragments of columns with no update duty (target = columns): archives
    /// such as 失效废止 and collections of external texts (行政法规 …) are not 应更新 columns
    #[serde(default)]
    pub exempt: Vec<String>,
    #[serde(default = "five")]
    pub veto_class_stale: usize,
    #[serde(default = "ten")]
    pub veto_total_stale: usize,
    /// deduction when stale (扣分 items)
    #[serde(default)]
    pub stale_deduction: f64,
}

fn five() -> usize {
    5
}
fn ten() -> usize {
    10
}

fn parse_md(s: &str, year: i16) -> Option<Date> {
    let (m, d) = s.split_once('-')?;
    Date::new(year, m.parse().ok()?, d.parse().ok()?).ok()
}

/// Dated entries of a set of pages, newest first.
pub struct Dated {
    /// (date, title, url)
    pub items: Vec<(Date, Txt, Txt)>,
    /// listed entries and detail pages that show no date at all
    pub undated: usize,
    /// entries whose printed date could not be read (no year and no context, unknown format)
    pub unread: usize,
}

/// Dated entries of a set of pages: list items (year-less ones completed from context),
/// detail pages' publish dates, rows of data tables with their newest date cell.
pub fn dated(site: &Site, pages: &[usize]) -> Dated {
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    let mut undated = 0;
    let mut unread = 0;
    for &i in pages {
        let p = site.page(i);
        let items = site.items(i);
        for it in &items {
            let url = it.url.clone().unwrap_or_default();
            if seen.insert((url.clone(), it.title.clone())) {
                out.push((it.date, it.title.clone(), url));
            }
        }
        if !p.is_frame {
            unread += site.unread_dates(i);
        }
        // rows of a 留言-style data table (no link per row): the newest date cell of each
        let mut from_records = 0;
        if !site.is_detail(i)
            && site
                .shown(i)
                .iter()
                .any(|&s| !site.page(s).records.is_empty())
        {
            for (k, r) in site.dated_records(i).into_iter().enumerate() {
                let Some(d) = record_dates(r).into_iter().max() else {
                    continue;
                };
                let title = Txt::from(record_title(r));
                if seen.insert((format!("{}#{k}", site.url(i)).into(), title.clone())) {
                    out.push((d, title, site.url(i).into()));
                    from_records += 1;
                }
            }
        }
        if site.is_detail(i) {
            let title = p
                .meta
                .get("articletitle")
                .or(p.title.as_ref())
                .cloned()
                .unwrap_or_default();
            match p.published {
                Some(d) => {
                    let url = Txt::from(site.url(i));
                    if seen.insert((url.clone(), title.clone())) {
                        out.push((d, title, url));
                    }
                }
                None => undated += 1,
            }
        } else if items.is_empty() && !p.is_frame {
            undated += site
                .listed(i)
                .saturating_sub(from_records + site.unread_dates(i));
        }
    }
    out.sort_by_key(|x| std::cmp::Reverse(x.0));
    Dated {
        items: out,
        undated,
        unread,
    }
}

/// A column page and the detail pages it lists directly (their PubDate dates the column
/// when the list shows no dates).
pub fn column_pages(site: &Site, i: usize) -> Vec<usize> {
    let mut pages = vec![i];
    for l in site.links(i) {
        if let Some(t) = site.idx(l.to)
            && !site.home_targets.contains(&l.to)
            && site.is_detail(t)
            && !pages.contains(&t)
        {
            pages.push(t);
        }
    }
    pages
}

impl Params {
    pub fn validate(&self, aliases: &AliasTable, has_column: bool) -> Result<(), String> {
        match self.target {
            Target::Column => {
                validate_column(aliases, &self.column, has_column)?;
                if self.window_days.is_none() && self.years.is_empty() {
                    return Err("needs `window_days` or `years`".into());
                }
            }
            Target::Home => {
                if self.window_days.is_none() {
                    return Err("target = \"home\" needs `window_days`".into());
                }
            }
            Target::Columns => {
                if self.classes.is_empty() {
                    return Err("target = \"columns\" needs `classes`".into());
                }
            }
        }
        super::validate_days("window_days", self.window_days)?;
        super::validate_days("other_window_days", self.other_window_days)?;
        for c in &self.classes {
            super::validate_days("window_days", Some(c.window_days))?;
        }
        for y in &self.years {
            let p = y.pattern.replace("{year}", "2026");
            Regex::new(&p).map_err(|e| format!("bad pattern `{}`: {e}", y.pattern))?;
            for d in y.due.iter().chain(y.due_by_kind.values()) {
                parse_md(d, 2024).ok_or_else(|| format!("bad due date `{d}` (expected MM-DD)"))?;
            }
        }
        Ok(())
    }

    pub fn describe(&self, lang: Lang) -> String {
        let mut parts = Vec::new();
        if let Some(w) = self.window_days {
            parts.push(match self.target {
                Target::Home => tr!(lang, "首页最新信息不早于{}天前（未注明发布时间视为不更新）", "the home page's newest item is at most {} days old (undated items count as not updated)", w),
                _ => tr!(lang, "栏目最新信息不早于{}天前（未注明发布时间视为不更新）", "the column's newest item is at most {} days old (undated items count as not updated)", w),
            });
        }
        for y in &self.years {
            parts.push(tr!(
                lang,
                "须有{}（标题匹配 {}{}）",
                "must have {} (title matches {}{})",
                y.label,
                y.pattern,
                y.due
                    .as_deref()
                    .map(|d| tr!(lang, "，期限每年{}", ", due every year by {}", d))
                    .unwrap_or_default()
            ));
        }
        if self.target == Target::Columns {
            let cls: Vec<String> = self
                .classes
                .iter()
                .map(|c| format!("{} {}{}", c.name, c.window_days, lang.pick("天", " days")))
                .collect();
            parts.push(tr!(
                lang,
                "按栏目类别判断不更新：{}；其他栏目 {}；否决阈值：前两类累计≥{}个或应更新未更新≥{}个",
                "stale columns by class: {}; other columns {}; veto when ≥{} of the veto classes or ≥{} columns in total are stale",
                cls.join("，"),
                self.other_window_days.map(|d| d.to_string()).unwrap_or_else(|| "-".into()),
                self.veto_class_stale,
                self.veto_total_stale
            ));
            if !self.exempt.is_empty() {
                parts.push(tr!(
                    lang,
                    "无更新要求的栏目不判断（名称含：{}）",
                    "columns without an update duty are not judged (names containing {})",
                    self.exempt.join("、")
                ));
            }
        }
        parts.join(lang.pick("；", "; "))
    }

    pub fn eval(&self, cx: &Cx, prev: Option<&Located>) -> Outcome {
        match self.target {
            Target::Home => self.eval_home(cx),
            Target::Columns => self.eval_columns(cx),
            Target::Column => {
                let col = match column_for(cx, &self.column, self.max_extra, prev) {
                    Ok(c) => c,
                    Err(o) => return o,
                };
                let mut o = Outcome::pass(String::new());
                let mut msgs = Vec::new();
                if let Some(w) = self.window_days {
                    let r = self.eval_window(cx, &col, w);
                    o.status = super::worst(o.status, r.status);
                    msgs.push(r.message);
                    o.evidence.extend(r.evidence);
                }
                if !self.years.is_empty() {
                    let r = self.eval_years(cx, &col);
                    o.status = super::worst(o.status, r.status);
                    msgs.push(r.message);
                    o.evidence.extend(r.evidence);
                }
                if o.status == Status::Fail {
                    o.deduction = self.stale_deduction;
                }
                o.message = msgs.join(cx.lang.pick("；", "; "));
                o
            }
        }
    }

    fn eval_window(&self, cx: &Cx, col: &Located, window: i64) -> Outcome {
        let site = cx.site;
        let scope = site.scope(col.page, 300);
        let Dated {
            items,
            undated,
            unread,
        } = dated(site, &scope);
        let limit = cx.today.checked_sub(window.days()).unwrap_or(cx.today);
        let name = site.name(col.page);
        let ev = vec![column_evidence(cx, col, name.clone())];
        if unread > 0 && items.first().is_none_or(|(d, _, _)| *d < limit) {
            // the entries whose dates were not read may be the new ones: never stale for that
            return Outcome::warn(tr!(
                cx.lang,
                "“{}”有{}条信息的日期未能读取（未写年份且页面、链接和详情页均无法确定年份，或格式无法识别）{}，无法判断是否在{}天内更新",
                "the dates of {} entries of “{}” could not be read (no year and none from the page, the links or the item pages, or an unknown format){}; whether it was updated within {} days cannot be decided",
                name,
                unread,
                items
                    .first()
                    .map(|(d, t, _)| tr!(cx.lang, "；可读的最新信息为 {}《{}》", "; the newest readable item is {} “{}”", d, t))
                    .unwrap_or_default(),
                window
            ))
            .with_evidence(ev);
        }
        match items.first() {
            Some((d, title, url)) if *d >= limit => Outcome::pass(tr!(
                cx.lang,
                "“{}”最新信息为 {}《{}》，在{}天内",
                "the newest item of “{}” is {} “{}”, within {} days",
                name,
                d,
                title,
                window
            ))
            .with_evidence(vec![Evidence { url: url.to_string(), text: title.to_string(), path: col.chain.clone(), screenshot: None,  }]),
            Some((d, title, url)) => Outcome::fail(tr!(
                cx.lang,
                "“{}”应在{}天内更新（{}之后），最新信息为 {}《{}》，已{}天未更新",
                "“{}” should have an item newer than {} days (after {}); the newest is {} “{}”, {} days old",
                name,
                window,
                limit,
                d,
                title,
                (cx.today - *d).get_days()
            ))
            .with_evidence(vec![Evidence { url: url.to_string(), text: title.to_string(), path: col.chain.clone(), screenshot: None,  }]),
            None if undated > 0 => Outcome::fail(tr!(
                cx.lang,
                "“{}”的{}条信息均未注明发布时间，按规定视为不更新",
                "none of the {} entries of “{}” shows a publish date; undated items count as not updated",
                name,
                undated
            ))
            .with_evidence(ev),
            None if site.page(col.page).needs_js => Outcome::warn(tr!(
                cx.lang,
                "“{}”的列表由 JavaScript 生成，无法读取信息日期",
                "the listing of “{}” is built by JavaScript; no dates could be read",
                name
            ))
            .with_evidence(ev),
            None => Outcome::fail(tr!(cx.lang, "“{}”没有任何信息", "“{}” lists nothing", name)).with_evidence(ev),
        }
    }

    fn eval_years(&self, cx: &Cx, col: &Located) -> Outcome {
        let site = cx.site;
        let scope = site.scope(col.page, 400);
        let titles = site.titles(&scope);
        let items = dated(site, &scope).items;
        let mut status = Status::Pass;
        let mut msgs = Vec::new();
        let mut ev = Vec::new();
        for y in &self.years {
            let due_s = y.due_by_kind.get(cx.kind).or(y.due.as_ref());
            let this_year = cx.today.year();
            let mut year = this_year as i32 + y.offset;
            let mut deadline = None;
            if let Some(ds) = due_s
                && let Some(due) = parse_md(ds, this_year)
            {
                if cx.today < due {
                    year -= 1;
                    deadline = parse_md(ds, this_year - 1);
                } else {
                    deadline = Some(due);
                }
            }
            let re = match Regex::new(&y.pattern.replace("{year}", &year.to_string())) {
                Ok(r) => r,
                Err(_) => continue,
            };
            let hits: Vec<&(String, String)> = titles
                .iter()
                .filter(|(t, _)| re.is_match(&norm(t)))
                .collect();
            let label = format!("{}（{}年）", y.label, year);
            match hits.first() {
                None => {
                    status = Status::Fail;
                    msgs.push(tr!(
                        cx.lang,
                        "未找到{}{}",
                        "no {} found{}",
                        label,
                        deadline
                            .map(|d| tr!(cx.lang, "，应于{}前公开", ", due by {}", d))
                            .unwrap_or_default()
                    ));
                }
                Some((t, u)) => {
                    let date = items
                        .iter()
                        .find(|(_, it, iu)| iu == u || it == t)
                        .map(|(d, _, _)| *d);
                    ev.push(Evidence {
                        url: u.clone(),
                        text: t.clone(),
                        path: col.chain.clone(),
                        screenshot: None,
                    });
                    match (date, deadline) {
                        (Some(d), Some(dl)) if d > dl => {
                            status = super::worst(status, Status::Fail);
                            msgs.push(tr!(
                                cx.lang,
                                "{}《{}》于{}公开，晚于期限{}",
                                "{} “{}” was published on {}, after the deadline {}",
                                label,
                                t,
                                d,
                                dl
                            ));
                        }
                        _ => msgs.push(tr!(
                            cx.lang,
                            "已有{}《{}》{}",
                            "found {} “{}”{}",
                            label,
                            t,
                            date.map(|d| tr!(cx.lang, "（{}）", " ({})", d))
                                .unwrap_or_default()
                        )),
                    }
                }
            }
        }
        let mut o = Outcome::new(
            status,
            tr!(
                cx.lang,
                "“{}”：{}",
                "“{}”: {}",
                site.name(col.page),
                msgs.join(cx.lang.pick("；", "; "))
            ),
        );
        o.evidence = ev;
        if o.evidence.is_empty() {
            o.evidence
                .push(column_evidence(cx, col, site.name(col.page)));
        }
        o
    }

    /// Dates first (the indicator's rule); then the history store: a home page whose text
    /// has not changed at all across the runs of the whole window was not updated, whatever
    /// dates it shows.
    fn eval_home(&self, cx: &Cx) -> Outcome {
        let outcome = self.eval_home_dates(cx);
        let Some(home) = cx.site.home else {
            return outcome;
        };
        let current = cx.site.page(home).text_hash;
        let mut since = None;
        let mut runs = 0;
        for (t, h) in cx.home_history.iter().rev() {
            if *h != current {
                break;
            }
            since = Some(*t);
            runs += 1;
        }
        let window = self.window_days.unwrap_or(14);
        let Some(since) = since else {
            return outcome;
        };
        let days = jiff::Timestamp::now().duration_since(since).as_hours() / 24;
        if days < window || outcome.status == Status::Fail {
            return outcome;
        }
        Outcome::fail(tr!(
            cx.lang,
            "首页内容自{}起{}天未发生任何变化（历史记录中连续{}次检查相同），超过{}天，视为不更新",
            "the home page has not changed at all for {1} days, since {0} ({2} earlier checks saw the same content), more than {3} days: not updated",
            since.strftime("%Y-%m-%d"),
            days,
            runs,
            window
        ))
        .with_evidence(vec![cx.page_evidence(home, cx.lang.pick("首页", "Home").into())])
    }

    fn eval_home_dates(&self, cx: &Cx) -> Outcome {
        let site = cx.site;
        let Some(home) = site.home else {
            return Outcome::warn(
                cx.lang
                    .pick("首页未能抓取", "the home page was not fetched")
                    .into(),
            );
        };
        let window = self.window_days.unwrap_or(14);
        let limit = cx.today.checked_sub(window.days()).unwrap_or(cx.today);
        let mut pages = vec![home];
        for l in site.links(home) {
            if let Some(t) = site.idx(l.to)
                && site.is_detail(t)
            {
                pages.push(t);
            }
        }
        let mut found = dated(site, &pages);
        let mut nav_only = false;
        if found.items.is_empty() {
            nav_only = true;
            let second: Vec<usize> = (0..site.g.pages.len())
                .filter(|&i| site.page(i).depth == 1 && !site.is_detail(i))
                .collect();
            let home_unread = found.unread;
            found = dated(site, &second);
            found.unread += home_unread;
        }
        let Dated {
            items,
            undated,
            unread,
        } = found;
        if unread > 0 && items.first().is_none_or(|(d, _, _)| *d < limit) {
            return Outcome::warn(tr!(
                cx.lang,
                "首页有{}条信息的日期未能读取（未写年份且无法从上下文确定，或格式无法识别），无法判断首页是否在{}天内更新",
                "the dates of {} home-page entries could not be read (no year and none from the context, or an unknown format); whether the home page was updated within {} days cannot be decided",
                unread,
                window
            ))
            .with_evidence(vec![cx.page_evidence(home, cx.lang.pick("首页", "Home").into())]);
        }
        let how = if nav_only {
            cx.lang.pick(
                "（首页无日期信息，按二级页面判断）",
                " (no dated items on the home page; judged on the second-level pages)",
            )
        } else {
            ""
        };
        let ev = vec![cx.page_evidence(home, cx.lang.pick("首页", "Home").into())];
        match items.first() {
            Some((d, t, u)) if *d >= limit => Outcome::pass(tr!(
                cx.lang,
                "首页最新信息 {}《{}》在{}天内{}",
                "the newest home-page item, {} “{}”, is within {} days{}",
                d,
                t,
                window,
                how
            ))
            .with_evidence(vec![Evidence { url: u.to_string(), text: t.to_string(), path: vec![], screenshot: None,  }]),
            Some((d, t, u)) => Outcome::fail(tr!(
                cx.lang,
                "首页{}天内无更新（{}之后）：最新信息为 {}《{}》{}",
                "the home page has no new item within {} days (after {}): the newest is {} “{}”{}",
                window,
                limit,
                d,
                t,
                how
            ))
            .with_evidence(vec![Evidence { url: u.to_string(), text: t.to_string(), path: vec![], screenshot: None,  }]),
            None if site.page(home).needs_js => Outcome::warn(
                cx.lang.pick("首页内容由 JavaScript 生成，无法读取信息日期", "the home page is built by JavaScript; no dates could be read").into(),
            )
            .with_evidence(ev),
            None => Outcome::fail(tr!(
                cx.lang,
                "首页及二级页面的信息均未注明发布时间（{}条），视为不更新",
                "no item on the home page or second-level pages shows a publish date ({} entries); counts as not updated",
                undated
            ))
            .with_evidence(ev),
        }
    }

    fn eval_columns(&self, cx: &Cx) -> Outcome {
        let site = cx.site;
        let mut stale_veto = Vec::new();
        let mut stale_all = Vec::new();
        let mut judged = 0;
        let mut seen = HashSet::new();
        let mut unread_cols = Vec::new();
        for i in 0..site.g.pages.len() {
            let p = site.page(i);
            if Some(i) == site.home
                || p.is_frame
                || site.is_detail(i)
                || pagination_url(site.url(i))
            {
                continue;
            }
            // one judgement per column: URLs differing only in paging/date parameters (and
            // `index.html` vs its directory) are the same column; calendar pages are none
            if calendar_variant(site.url(i))
                || (site.content(i).items.is_empty() && site.listed(i) == 0)
                || !seen.insert(column_key(site.url(i)))
            {
                continue;
            }
            let name = site.name(i);
            let n = norm(&name);
            if self.exempt.iter().any(|k| n.contains(&norm(k))) {
                continue;
            }
            let class = self
                .classes
                .iter()
                .find(|c| c.names.iter().any(|k| n.contains(&norm(k))));
            let Some(window) = class.map(|c| c.window_days).or(self.other_window_days) else {
                continue;
            };
            judged += 1;
            let found = dated(site, &column_pages(site, i));
            let limit = cx.today.checked_sub(window.days()).unwrap_or(cx.today);
            let newest = found.items.first().map(|x| x.0);
            // no date anywhere (list, linked pages): when it was updated is not known, and
            // a column is never called stale for that
            if (found.unread > 0 && newest.is_none_or(|d| d < limit)) || newest.is_none() {
                judged -= 1;
                unread_cols.push(Evidence {
                    url: site.url(i).to_string(),
                    text: name.clone(),
                    path: vec![],
                    screenshot: None,
                });
                continue;
            }
            if newest.is_none_or(|d| d < limit) {
                let label = format!(
                    "{}（{}，{}）",
                    name,
                    class
                        .map(|c| c.name.as_str())
                        .unwrap_or(cx.lang.pick("其他", "other")),
                    newest
                        .map(|d| d.to_string())
                        .unwrap_or_else(|| cx.lang.pick("无日期", "undated").into())
                );
                let e = Evidence {
                    url: site.url(i).to_string(),
                    text: label.clone(),
                    path: vec![],
                    screenshot: None,
                };
                if class.is_some_and(|c| c.veto) {
                    stale_veto.push(e.clone());
                }
                stale_all.push(e);
            }
        }
        // in URL order, whatever order the pages were crawled in
        stale_all.sort_by(|a, b| a.url.cmp(&b.url));
        stale_veto.sort_by(|a, b| a.url.cmp(&b.url));
        unread_cols.sort_by(|a, b| a.url.cmp(&b.url));
        let names = |v: &Vec<Evidence>| {
            v.iter()
                .map(|e| e.text.clone())
                .collect::<Vec<_>>()
                .join("、")
        };
        let veto =
            stale_veto.len() >= self.veto_class_stale || stale_all.len() >= self.veto_total_stale;
        let msg = tr!(
            cx.lang,
            "判断了{}个栏目：动态要闻/通知公告/政策类未按期更新{}个（否决阈值{}），应更新未更新共{}个（否决阈值{}）{}{}",
            "{} columns judged: {} stale dynamic/notice/policy columns (veto at {}), {} stale columns in total (veto at {}){}{}",
            judged,
            stale_veto.len(),
            self.veto_class_stale,
            stale_all.len(),
            self.veto_total_stale,
            if stale_all.is_empty() {
                ""
            } else {
                cx.lang.pick("：", ": ")
            },
            names(&stale_all)
        );
        let mut msg = msg;
        if !unread_cols.is_empty() {
            msg.push_str(&tr!(
                cx.lang,
                "；{}个栏目的日期未能读取，未作判断：{}",
                "; {} columns not judged because their dates could not be read: {}",
                unread_cols.len(),
                names(&unread_cols)
            ));
        }
        let mut o = Outcome::new(if veto { Status::Fail } else { Status::Pass }, msg);
        if judged == 0 {
            o.status = Status::Warn;
            o.message = cx
                .lang
                .pick(
                    "未抓取到任何带列表的栏目页，无法判断栏目更新情况",
                    "no listing columns were crawled; column updates could not be judged",
                )
                .into();
        }
        o.evidence = stale_all.into_iter().take(20).collect();
        o.evidence.extend(unread_cols.into_iter().take(10));
        if veto {
            o.deduction = self.stale_deduction;
        }
        o
    }
}

#[cfg(test)]
#[path = "freshness_tests.rs"]
mod tests;
