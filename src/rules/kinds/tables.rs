//! `tables`: the newest report of a column holds the named tables, each recognised by
//! marker texts in its cells (an HTML table, a Word table, or the text of a PDF).

use super::table_sums::find_table;
use super::{Located, column_evidence, column_for, default_extra, validate_column};
use crate::i18n::Lang;
use crate::rules::Evidence;
use crate::rules::aliases::AliasTable;
use crate::rules::engine::{Cx, Outcome};
use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NamedTable {
    pub name: String,
    /// texts that must all appear in the table
    pub markers: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    #[serde(default)]
    pub column: Option<Vec<String>>,
    #[serde(default = "default_extra")]
    pub max_extra: u32,
    /// prefer the report of this year relative to the evaluation date (−1 = last year's)
    #[serde(default = "super::last_year")]
    pub year_offset: i32,
    pub tables: Vec<NamedTable>,
}

impl Params {
    pub fn validate(&self, aliases: &AliasTable, has_column: bool) -> Result<(), String> {
        validate_column(aliases, &self.column, has_column)?;
        if self.tables.is_empty() || self.tables.iter().any(|t| t.markers.is_empty()) {
            return Err("`tables` needs at least one table, each with `markers`".into());
        }
        Ok(())
    }

    pub fn describe(&self, lang: Lang) -> String {
        tr!(
            lang,
            "最新一期报告（优先上一年度）应含表格：{}（按表内文字识别，HTML、PDF、Word 均可）",
            "the newest report (last year's first) must hold the tables {} (recognised by texts in their cells, from HTML, PDF or Word)",
            self.tables
                .iter()
                .map(|t| format!("{}（{}）", t.name, t.markers.join("、")))
                .collect::<Vec<_>>()
                .join("；")
        )
    }

    pub fn eval(&self, cx: &Cx, prev: Option<&Located>) -> Outcome {
        let col = match column_for(cx, &self.column, self.max_extra, prev) {
            Ok(c) => c,
            Err(o) => return o,
        };
        let site = cx.site;
        let scope = site.scope(col.page, 300);
        let year = cx.today.year() as i32 + self.year_offset;
        let Some(unit) = site.newest_units(&scope, 1, Some(year)).into_iter().next() else {
            return Outcome::warn(tr!(
                cx.lang,
                "“{}”中没有可核对的报告",
                "“{}” has no report to check",
                site.name(col.page)
            ))
            .with_evidence(vec![column_evidence(cx, &col, site.name(col.page))]);
        };
        let mut found = Vec::new();
        let mut missing = Vec::new();
        for t in &self.tables {
            match find_table(&unit, &t.markers) {
                Some((src, _)) => found.push((t.name.as_str(), src)),
                None => missing.push(t.name.as_str()),
            }
        }
        let mut ev = vec![Evidence {
            url: unit.url.clone(),
            text: unit.title.clone(),
            path: vec![],
            screenshot: None,
        }];
        ev.extend(found.iter().map(|(n, src)| Evidence {
            url: src.to_string(),
            text: n.to_string(),
            path: vec![],
            screenshot: None,
        }));
        if missing.is_empty() {
            return Outcome::pass(tr!(
                cx.lang,
                "《{}》含{}张表格：{}",
                "“{}” holds the {} tables: {}",
                unit.title,
                found.len(),
                found.iter().map(|(n, _)| *n).collect::<Vec<_>>().join("、")
            ))
            .with_evidence(ev);
        }
        if let Some((u, why)) = unit.unread.first() {
            ev.extend(unit.unread.iter().map(|(u, w)| Evidence {
                url: u.clone(),
                text: w.clone(),
                path: vec![],
                screenshot: None,
            }));
            return Outcome::warn(tr!(
                cx.lang,
                "《{}》未见表格：{}；其附件 {} 无法读取（{}），无法核对",
                "“{}”: tables not seen: {}; its attachment {} could not be read ({})",
                unit.title,
                missing.join("、"),
                u,
                why
            ))
            .with_evidence(ev);
        }
        Outcome::fail(tr!(
            cx.lang,
            "《{}》缺少表格：{}",
            "“{}” lacks the tables: {}",
            unit.title,
            missing.join("、")
        ))
        .with_evidence(ev)
    }
}
