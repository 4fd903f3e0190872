//! `replies`: published messages (留言/来信) show when they were received and answered;
//! the lag is measured in working days (weekends, 法定节假日 and 调休 from the calendar) or
//! calendar days, and messages still unanswered past the limit are reported.
//!
//! Dates, best source first: rows of a 留言 data table (受理日期 | 答复日期 columns, no link
//! per row; an empty or 办理中 reply cell is unanswered); `标签：值` text of a message page
//! (留言时间：… 答复时间：…, several messages per page split at each question date);
//! dated entries of a message page labelled 留言时间/答复时间; else the listing row's date
//! (received) and the message page's publish date (PubDate, 发布时间, `tYYYYMMDD` URL: the
//! reply is published with it). A message page without a publish date and without any
//! reply label is unanswered. Labels match through the alias table.

use super::{Located, column_evidence, column_for, default_extra, validate_column, validate_terms};
use crate::i18n::Lang;
use crate::model::Txt;
use crate::rules::aliases::{AliasTable, NameSet};
use crate::rules::engine::{Cx, Outcome};
use crate::rules::norm::chars;
use crate::rules::site::{Site, cell_date, record_title};
use crate::rules::{Evidence, Status};
use jiff::ToSpan;
use jiff::civil::Date;
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    #[serde(default)]
    pub column: Option<Vec<String>>,
    #[serde(default = "default_extra")]
    pub max_extra: u32,
    /// labels of the question date
    pub asked: Vec<String>,
    /// labels of the reply date
    pub answered: Vec<String>,
    /// maximum lag in working days
    #[serde(default)]
    pub max_working_days: Option<i64>,
    /// maximum lag in calendar days
    #[serde(default)]
    pub max_days: Option<i64>,
    /// only messages received within this many days before the judging date
    #[serde(default)]
    pub lookback_days: Option<i64>,
    /// messages examined (newest first)
    #[serde(default = "twenty")]
    pub sample: usize,
}

fn twenty() -> usize {
    20
}

/// One message with its dates.
#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    pub title: String,
    pub url: String,
    pub asked: Date,
    pub answered: Option<Date>,
}

/// Does a field label (table header, `标签：值` label) name one of these terms?
fn names(sets: &[NameSet], label: &str) -> bool {
    sets.iter()
        .any(|s| s.match_text(label).is_some() || (chars(label) <= 12 && s.mentioned_in(label)))
}

/// A reply cell/value that says the message is still being handled.
fn pending(v: &str) -> bool {
    let v = v.trim();
    v.is_empty()
        || v == "-"
        || v == "—"
        || [
            "未答复",
            "未回复",
            "待答复",
            "待回复",
            "暂未",
            "办理中",
            "处理中",
            "正在办理",
            "未办结",
            "受理中",
        ]
        .iter()
        .any(|k| v.contains(k))
}

/// Messages of a 留言 data table (one row per message, no link per row): the question
/// date from a column labelled as such, the reply date from another. A row whose reply
/// cell is empty or says 办理中 is unanswered; a table without a reply column says nothing.
fn record_messages(
    site: &Site,
    i: usize,
    asked: &[NameSet],
    answered: &[NameSet],
    out: &mut Vec<Message>,
) -> usize {
    let mut n = 0;
    for r in &site.page(i).records {
        let Some(qc) = r.iter().position(|(l, _)| names(asked, l)) else {
            continue;
        };
        let Some(ac) = r
            .iter()
            .position(|(l, _)| names(answered, l))
            .filter(|&a| a != qc)
        else {
            continue;
        };
        let Some(q) = cell_date(&r[qc].1) else {
            continue;
        };
        let a = match cell_date(&r[ac].1) {
            Some(d) => Some(d),
            None if pending(&r[ac].1) => None,
            None => continue,
        };
        let rest: Vec<(Txt, Txt)> = r
            .iter()
            .enumerate()
            .filter(|(k, _)| *k != qc && *k != ac)
            .map(|(_, c)| c.clone())
            .collect();
        let title = record_title(&rest);
        out.push(Message {
            title: if title.is_empty() {
                site.name(i)
            } else {
                title
            },
            url: site.url(i).to_string(),
            asked: q,
            answered: a,
        });
        n += 1;
    }
    n
}

/// Messages shown as `标签：值` text (留言时间：… 答复时间：…): one per question-date label,
/// with the reply-date label that follows it. A single message on a detail page without a
/// reply date is answered on the page's publish date when the page shows a reply
/// (答复内容/回复 …), unanswered otherwise; on a page with several, messages without a reply
/// date are unanswered only when the page labels reply dates at all.
fn pair_messages(
    site: &Site,
    i: usize,
    asked: &[NameSet],
    answered: &[NameSet],
    title_set: &NameSet,
    reply_set: &NameSet,
    out: &mut Vec<Message>,
) -> usize {
    let p = site.page(i);
    let starts: Vec<usize> = p
        .pairs
        .iter()
        .enumerate()
        .filter(|(_, (l, v))| names(asked, l) && cell_date(v).is_some())
        .map(|(k, _)| k)
        .collect();
    if starts.is_empty() {
        return 0;
    }
    let single = starts.len() == 1;
    let labels_replies = p.pairs.iter().any(|(l, _)| names(answered, l));
    let shows_reply = p
        .pairs
        .iter()
        .map(|(l, _)| l)
        .chain(p.labels.iter())
        .chain(p.headings.iter())
        .any(|l| names(answered, l) || names(std::slice::from_ref(reply_set), l));
    let mut n = 0;
    for (g, &s) in starts.iter().enumerate() {
        // a single message takes every pair of the page; several split at each question date
        let (from, to) = if single {
            (0, p.pairs.len())
        } else {
            (s, starts.get(g + 1).copied().unwrap_or(p.pairs.len()))
        };
        let group = &p.pairs[from..to];
        let Some(q) = cell_date(&p.pairs[s].1) else {
            continue;
        };
        let reply = group.iter().find(|(l, _)| names(answered, l));
        let a = match reply.map(|(_, v)| (cell_date(v), v)) {
            Some((Some(d), _)) => Some(d),
            Some((None, v)) if pending(v) => None,
            Some((None, _)) => continue,
            None if single && site.is_detail(i) => match p.published {
                Some(d) if shows_reply && d >= q => Some(d),
                Some(_) | None if shows_reply => continue,
                _ => None,
            },
            None if labels_replies => None,
            None => continue,
        };
        let title = group
            .iter()
            .chain(s.checked_sub(1).map(|k| &p.pairs[k]))
            .find(|(l, v)| title_set.match_text(l).is_some() && cell_date(v).is_none())
            .map(|(_, v)| v.chars().take(60).collect::<String>())
            .filter(|_| !single || !site.is_detail(i))
            .unwrap_or_else(|| {
                p.meta
                    .get("articletitle")
                    .or(p.title.as_ref())
                    .map(|t| t.to_string())
                    .unwrap_or_else(|| site.name(i))
            });
        out.push(Message {
            title,
            url: site.url(i).to_string(),
            asked: q,
            answered: a,
        });
        n += 1;
    }
    n
}

/// Read question/reply dates of the messages of a column: rows of a 留言 data table
/// (受理日期 | 答复日期 columns), `标签：值` text on message pages (留言时间：… 答复时间：…),
/// dated entries of a message page labelled as question/reply dates, or the listing row's
/// date with the message page's publish date (the reply is published with it).
pub fn messages(cx: &Cx, col: usize, asked: &[String], answered: &[String]) -> Vec<Message> {
    let site: &Site = cx.site;
    let asked: Vec<_> = asked.iter().map(|a| cx.aliases.term(a)).collect();
    let answered: Vec<_> = answered.iter().map(|a| cx.aliases.term(a)).collect();
    let title_set = cx.aliases.term("留言摘要");
    let reply_set = cx.aliases.term("答复内容");
    let scope = site.scope(col, 500);
    let mut out: Vec<Message> = Vec::new();
    let mut done = std::collections::HashSet::new();
    for &i in &scope {
        let n = record_messages(site, i, &asked, &answered, &mut out)
            + pair_messages(site, i, &asked, &answered, &title_set, &reply_set, &mut out);
        if n > 0 {
            done.insert(site.url(i).to_string());
        }
    }
    // message pages with labelled dated entries
    for &i in scope.iter().filter(|&&i| site.is_detail(i)) {
        if done.contains(site.url(i)) {
            continue;
        }
        let p = site.page(i);
        let q = p
            .items
            .iter()
            .find(|it| asked.iter().any(|s| s.mentioned_in(&it.title)))
            .map(|it| it.date);
        let r = p
            .items
            .iter()
            .find(|it| answered.iter().any(|s| s.mentioned_in(&it.title)))
            .map(|it| it.date);
        if let Some(q) = q {
            done.insert(site.url(i).to_string());
            out.push(Message {
                title: p.title.as_deref().unwrap_or_default().to_string(),
                url: site.url(i).to_string(),
                asked: q,
                answered: r,
            });
        }
    }
    // listing rows: row date + message page publish date (not on pages whose table rows
    // were read above: the same messages)
    let mut rows: BTreeMap<String, (String, Vec<Date>)> = BTreeMap::new();
    for &i in scope.iter().filter(|&&i| !site.is_detail(i)) {
        if done.contains(site.url(i)) {
            continue;
        }
        for it in &site.items(i) {
            let Some(u) = &it.url else { continue };
            let e = rows
                .entry(u.to_string())
                .or_insert_with(|| (it.title.to_string(), vec![]));
            if !e.1.contains(&it.date) {
                e.1.push(it.date);
            }
        }
    }
    for (url, (title, mut dates)) in rows {
        if done.contains(&url) {
            continue;
        }
        let page = site.idx_str(&url);
        if let Some(d) = page.and_then(|t| site.page(t).published)
            && !dates.contains(&d)
        {
            dates.push(d);
        }
        dates.sort();
        let shows_reply = page.is_some_and(|t| {
            let p = site.page(t);
            p.labels
                .iter()
                .chain(p.headings.iter())
                .any(|l| answered.iter().any(|s| s.mentioned_in(l)))
        });
        let answered_on = match dates.len() {
            0 => continue,
            1 if page.is_some_and(|t| site.page(t).published.is_some()) => Some(dates[0]),
            1 if page.is_some() && !shows_reply => None,
            1 => continue,
            _ => dates.last().copied(),
        };
        out.push(Message {
            title,
            url,
            asked: dates[0],
            answered: answered_on,
        });
    }
    out.sort_by_key(|m| std::cmp::Reverse(m.asked));
    out
}

impl Params {
    pub fn validate(&self, aliases: &AliasTable, has_column: bool) -> Result<(), String> {
        validate_column(aliases, &self.column, has_column)?;
        if self.max_working_days.is_none() && self.max_days.is_none() {
            return Err("needs `max_working_days` or `max_days`".into());
        }
        super::validate_days("max_working_days", self.max_working_days)?;
        super::validate_days("max_days", self.max_days)?;
        super::validate_days("lookback_days", self.lookback_days)?;
        if self.asked.is_empty() || self.answered.is_empty() {
            return Err("needs `asked` and `answered` labels".into());
        }
        validate_terms(aliases, &self.asked)?;
        validate_terms(aliases, &self.answered)
    }

    fn limit(&self, lang: Lang) -> String {
        match (self.max_working_days, self.max_days) {
            (Some(w), _) => tr!(lang, "{}个工作日", "{} working days", w),
            (None, Some(d)) => tr!(lang, "{}天", "{} days", d),
            _ => String::new(),
        }
    }

    pub fn describe(&self, lang: Lang) -> String {
        tr!(
            lang,
            "读取已公开留言的{}与{}，答复间隔不得超过{}（工作日按法定节假日和调休计算）{}",
            "read the {} and {} of published messages; the reply must come within {} (working days follow the holiday calendar){}",
            self.asked.join("/"),
            self.answered.join("/"),
            self.limit(lang),
            self.lookback_days
                .map(|d| tr!(
                    lang,
                    "；只看最近{}天内的留言",
                    "; only messages of the last {} days",
                    d
                ))
                .unwrap_or_default()
        )
    }

    fn lag(&self, cx: &Cx, from: Date, to: Date) -> i64 {
        match self.max_working_days {
            Some(_) => cx.cal.working_days_between(from, to),
            None => (to - from).get_days() as i64,
        }
    }

    pub fn eval(&self, cx: &Cx, prev: Option<&Located>) -> Outcome {
        let col = match column_for(cx, &self.column, self.max_extra, prev) {
            Ok(c) => c,
            Err(o) => return o,
        };
        let site = cx.site;
        let max = self.max_working_days.or(self.max_days).unwrap_or(i64::MAX);
        let since = self
            .lookback_days
            .and_then(|d| cx.today.checked_sub(d.days()).ok());
        let mut msgs = messages(cx, col.page, &self.asked, &self.answered);
        msgs.retain(|m| since.is_none_or(|s| m.asked >= s));
        msgs.truncate(self.sample);
        let ev0 = column_evidence(cx, &col, site.name(col.page));
        if msgs.is_empty() {
            return Outcome::warn(tr!(
                cx.lang,
                "“{}”（{}）中未能读取到留言的{}和{}，无法计算答复时限（{}）",
                "no message of “{}” ({}) showed a readable {} and {}; the reply time ({}) could not be measured",
                site.name(col.page),
                site.url(col.page),
                self.asked.join("/"),
                self.answered.join("/"),
                self.limit(cx.lang)
            ))
            .with_evidence(vec![ev0]);
        }
        let mut late = Vec::new();
        let mut unsure = Vec::new();
        let mut unknown_years = std::collections::BTreeSet::new();
        let mut ev = vec![ev0];
        for m in &msgs {
            let (lag, answered) = match m.answered {
                Some(a) => (self.lag(cx, m.asked, a), true),
                None => (self.lag(cx, m.asked, cx.today), false),
            };
            let end = m.answered.unwrap_or(cx.today);
            let uncovered: Vec<i16> = if self.max_working_days.is_some() {
                (m.asked.year()..=end.year())
                    .filter(|y| !cx.cal.covers_year(*y))
                    .collect()
            } else {
                vec![]
            };
            unknown_years.extend(uncovered.iter().copied());
            // without the year's holidays only weekends are rest days: a lag just over the
            // limit may be within it once a holiday is counted
            if lag > max && !uncovered.is_empty() && lag <= max + HOLIDAY_MARGIN {
                let what = tr!(
                    cx.lang,
                    "《{}》{}受理、{}，按周末计{}个工作日（{}年法定节假日未知）",
                    "“{}” received {}, {}, {} working days counting weekends only (holidays of {} not known)",
                    m.title,
                    m.asked,
                    m.answered
                        .map(|a| tr!(cx.lang, "{}答复", "answered {}", a))
                        .unwrap_or_else(|| cx.lang.pick("至今未答复", "not answered yet").into()),
                    lag,
                    uncovered
                        .iter()
                        .map(|y| y.to_string())
                        .collect::<Vec<_>>()
                        .join("、")
                );
                unsure.push(what.clone());
                ev.push(Evidence {
                    url: m.url.clone(),
                    text: what,
                    path: vec![],
                    screenshot: None,
                });
                continue;
            }
            if lag > max {
                let what = if answered {
                    tr!(
                        cx.lang,
                        "《{}》{}受理、{}答复，用时{}",
                        "“{}” received {}, answered {}, took {}",
                        m.title,
                        m.asked,
                        m.answered.unwrap(),
                        lag
                    )
                } else {
                    tr!(
                        cx.lang,
                        "《{}》{}受理，至今未答复，已{}",
                        "“{}” received {}, still unanswered after {}",
                        m.title,
                        m.asked,
                        lag
                    )
                };
                late.push(what.clone());
                ev.push(Evidence {
                    url: m.url.clone(),
                    text: what,
                    path: vec![],
                    screenshot: None,
                });
            }
        }
        let unit = if self.max_working_days.is_some() {
            cx.lang.pick("个工作日", " working days")
        } else {
            cx.lang.pick("天", " days")
        };
        let holidays_note = if unknown_years.is_empty() {
            String::new()
        } else {
            tr!(
                cx.lang,
                "（{}年的法定节假日和调休不在节假日表 rules/calendar.toml 中，工作日只扣除了周末）",
                " (the holidays and adjusted working days of {} are not in the holiday table rules/calendar.toml; only weekends were taken out)",
                unknown_years
                    .iter()
                    .map(|y| y.to_string())
                    .collect::<Vec<_>>()
                    .join("、")
            )
        };
        let mut o = if late.is_empty() && !unsure.is_empty() {
            Outcome::warn(tr!(
                cx.lang,
                "“{}”抽查{}条留言，{}条按周末计超过{}，但所在年份的法定节假日未知，无法确定：{}",
                "{1} messages of “{0}” checked; {2} exceed {3} counting weekends only, but the holidays of their years are not known: {4}",
                site.name(col.page),
                msgs.len(),
                unsure.len(),
                self.limit(cx.lang),
                unsure.join("；")
            ))
            .with_evidence(ev)
        } else if late.is_empty() {
            Outcome::pass(tr!(
                cx.lang,
                "“{}”抽查{}条留言，均在{}内答复",
                "{1} messages of “{0}” checked, all answered within {2}",
                site.name(col.page),
                msgs.len(),
                self.limit(cx.lang)
            ))
            .with_evidence(ev)
        } else {
            Outcome::new(
                Status::Fail,
                tr!(
                    cx.lang,
                    "“{}”抽查{}条留言，{}条超过{}：{}",
                    "{1} messages of “{0}” checked, {2} exceed {3}: {4}",
                    site.name(col.page),
                    msgs.len(),
                    late.len(),
                    self.limit(cx.lang),
                    late.iter()
                        .map(|l| format!("{l}{unit}"))
                        .collect::<Vec<_>>()
                        .join("；")
                ),
            )
            .with_evidence(ev)
        };
        o.message.push_str(&holidays_note);
        o
    }
}

/// Working days a year's holidays can take out of a reply lag (春节: up to 6 weekdays).
const HOLIDAY_MARGIN: i64 = 6;

#[cfg(test)]
#[path = "replies_tests.rs"]
mod tests;
