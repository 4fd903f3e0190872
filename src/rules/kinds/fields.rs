//! `fields`: a column's listing or its items show required fields (table headers,
//! `标签：值` labels, headings), e.g. 留言摘要/受理日期/答复日期 or 名称/地址/联系电话.

use super::{Located, column_evidence, column_for, default_extra, validate_column, validate_terms};
use crate::i18n::Lang;
use crate::model::Txt;
use crate::rules::aliases::{AliasTable, NameSet};
use crate::rules::engine::{Cx, Outcome};
use crate::rules::norm::{chars, norm};
use crate::rules::site::Site;
use crate::rules::{Evidence, Status};
use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    #[serde(default)]
    pub column: Option<Vec<String>>,
    #[serde(default = "default_extra")]
    pub max_extra: u32,
    /// required fields (terms with aliases)
    pub fields: Vec<String>,
    /// detail pages sampled (newest first)
    #[serde(default = "three")]
    pub sample: usize,
    /// deduction per missing field on a sampled item
    #[serde(default)]
    pub per_missing: f64,
}

fn three() -> usize {
    3
}

/// Does a page show this field as a label or heading, a data-table column (header label
/// of its records) or the label of a `标签：值` pair?
///
/// Only the content region counts: a footer's 地址/联系电话 pair (and the label it gives
/// the page) is template, not a field of the page (see [`crate::rules::region`]).
/// What the page's frames show (a letters table in an iframe) counts for the page; a
/// heading that is the page's own name (a column titled 常见问题解答) does not.
pub fn shows(site: &Site, i: usize, set: &NameSet) -> bool {
    let hit = |l: &Txt| set.match_text(l).is_some() || (chars(l) <= 16 && set.mentioned_in(l));
    site.shown(i).into_iter().any(|s| {
        let p = site.page(s);
        let content = site.content(s);
        let template_label = |l: &Txt| {
            p.pairs.iter().any(|(k, _)| k == l)
                && !content.pairs.iter().any(|(k, _)| k == l)
                && !p.records.iter().any(|r| r.iter().any(|(k, _)| k == l))
        };
        // the page's own name (its column title, 常见问题解答) is no field of it
        let own = norm(&site.name(s));
        p.labels
            .iter()
            .filter(|l| !template_label(l))
            .chain(p.headings.iter().filter(|h| norm(h) != own))
            .any(hit)
            || p.records.iter().any(|r| r.iter().any(|(l, _)| hit(l)))
            || content.pairs.iter().any(|(l, _)| hit(l))
    })
}

/// Detail pages of a column scope, newest first.
pub fn newest_details(site: &Site, scope: &[usize], n: usize) -> Vec<usize> {
    let mut d: Vec<usize> = scope
        .iter()
        .copied()
        .filter(|&i| site.is_detail(i))
        .collect();
    d.sort_by_key(|&i| std::cmp::Reverse((site.page(i).published, site.url(i).to_string())));
    d.truncate(n);
    d
}

impl Params {
    pub fn validate(&self, aliases: &AliasTable, has_column: bool) -> Result<(), String> {
        validate_column(aliases, &self.column, has_column)?;
        if self.fields.is_empty() {
            return Err("no `fields`".into());
        }
        validate_terms(aliases, &self.fields)
    }

    pub fn describe(&self, lang: Lang) -> String {
        tr!(
            lang,
            "栏目列表页或抽查的最新{}条信息中应列明字段：{}（表头、“标签：值”或小标题，按别名表匹配）",
            "the column listing or its {} newest items must show the fields {} (table headers, `label: value` or headings, matched through the alias table)",
            self.sample,
            self.fields.join("、")
        )
    }

    pub fn eval(&self, cx: &Cx, prev: Option<&Located>) -> Outcome {
        let col = match column_for(cx, &self.column, self.max_extra, prev) {
            Ok(c) => c,
            Err(o) => return o,
        };
        let site = cx.site;
        let scope = site.scope(col.page, 300);
        let details = newest_details(site, &scope, self.sample);
        let sets: Vec<NameSet> = self.fields.iter().map(|f| cx.aliases.term(f)).collect();
        let mut missing: Vec<String> = Vec::new();
        let mut missing_count = 0usize;
        let mut ev = vec![column_evidence(cx, &col, site.name(col.page))];
        for (name, set) in self.fields.iter().zip(&sets) {
            if shows(site, col.page, set) {
                continue;
            }
            let lacking: Vec<usize> = details
                .iter()
                .copied()
                .filter(|&d| !shows(site, d, set))
                .collect();
            if details.is_empty() || !lacking.is_empty() {
                missing_count += lacking.len().max(1);
                missing.push(name.clone());
                for d in lacking.iter().take(3) {
                    ev.push(Evidence {
                        url: site.url(*d).to_string(),
                        text: tr!(cx.lang, "缺少“{}”", "lacks “{}”", name),
                        path: vec![],
                        screenshot: None,
                    });
                }
            }
        }
        if missing.is_empty() {
            return Outcome::pass(tr!(
                cx.lang,
                "“{}”列明了全部字段：{}（列表页及抽查{}条信息）",
                "“{}” shows all fields: {} (listing and {} sampled items)",
                site.name(col.page),
                self.fields.join("、"),
                details.len()
            ))
            .with_evidence(ev);
        }
        let status = if details.is_empty() && site.page(col.page).needs_js {
            Status::Warn
        } else {
            Status::Fail
        };
        Outcome::new(
            status,
            tr!(
                cx.lang,
                "“{}”（{}）应列明 {}；列表页和抽查的{}条信息中缺少：{}",
                "“{}” ({}) should show {}; missing on the listing and the {} sampled items: {}",
                site.name(col.page),
                site.url(col.page),
                self.fields.join("、"),
                details.len(),
                missing.join("、")
            ),
        )
        .with_evidence(ev)
        .with_deduction(self.per_missing * missing_count as f64)
    }
}

#[cfg(test)]
#[path = "fields_tests.rs"]
mod tests;
