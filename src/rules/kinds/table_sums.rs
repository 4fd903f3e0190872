//! `table_sums`: the arithmetic (勾稽关系) of a table in the newest report of a column,
//! with the equations as data: named rows (found in order by a label text; a row may be a
//! group of part rows), named numeric columns (the last cells of each row; a name ending
//! in `?` is optional and present when a header cell names it), row equations checked in
//! every column and column equations checked in every row. A failure names the document
//! URL, the row and column, and both sides with their numbers.

use super::{Located, column_evidence, column_for, default_extra, validate_column};
use crate::i18n::Lang;
use crate::rules::Evidence;
use crate::rules::aliases::AliasTable;
use crate::rules::content::Unit;
use crate::rules::engine::{Cx, Outcome};
use crate::rules::tabular::{self, Row, norm_cell};
use serde::Deserialize;
use std::collections::HashMap;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RowDef {
    /// name used in equations and messages (一, （七）…)
    pub id: String,
    /// text the row's label contains ("" = the first row with numbers)
    pub label: String,
    /// labels of its part rows, found in order after it; the group's value is its own
    /// row's when printed (then checked against the parts), else the sum of the parts
    #[serde(default)]
    pub parts: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Equation {
    pub left: Vec<String>,
    pub right: Vec<String>,
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
    /// what the table is called in messages
    pub table: String,
    /// texts that identify the table; reading starts at the first
    pub markers: Vec<String>,
    /// numeric columns, left to right
    pub columns: Vec<String>,
    pub rows: Vec<RowDef>,
    #[serde(default)]
    pub equations: Vec<Equation>,
    #[serde(default)]
    pub column_equations: Vec<Equation>,
}

impl Params {
    pub fn validate(&self, _aliases: &AliasTable, has_column: bool) -> Result<(), String> {
        validate_column(_aliases, &self.column, has_column)?;
        if self.markers.is_empty() || self.columns.is_empty() || self.rows.is_empty() {
            return Err("`markers`, `columns` and `rows` must not be empty".into());
        }
        let cols: Vec<&str> = self
            .columns
            .iter()
            .map(|c| c.trim_end_matches('?'))
            .collect();
        let rows: Vec<&str> = self.rows.iter().map(|r| r.id.as_str()).collect();
        for e in &self.equations {
            for n in e.left.iter().chain(e.right.iter()) {
                if !rows.contains(&n.as_str()) {
                    return Err(format!("equation names unknown row `{n}`"));
                }
            }
        }
        for e in &self.column_equations {
            for n in e.left.iter().chain(e.right.iter()) {
                if !cols.contains(&n.as_str()) {
                    return Err(format!("column equation names unknown column `{n}`"));
                }
            }
        }
        Ok(())
    }

    pub fn describe(&self, lang: Lang) -> String {
        let eqs: Vec<String> = self
            .equations
            .iter()
            .map(|e| format!("{} = {}", e.left.join(" + "), e.right.join(" + ")))
            .chain(self.rows.iter().filter(|r| !r.parts.is_empty()).map(|r| {
                tr!(
                    lang,
                    "{} = 其{}个子项之和",
                    "{} = the sum of its {} parts",
                    r.id,
                    r.parts.len()
                )
            }))
            .collect();
        let ceqs: Vec<String> = self
            .column_equations
            .iter()
            .map(|e| format!("{} = {}", e.left.join(" + "), e.right.join(" + ")))
            .collect();
        tr!(
            lang,
            "核对最新一期报告（优先上一年度）的{}：每列 {}；每行 {}。表格按印刷方式读取（合并单元格、全角数字、空白为0），HTML 表格、PDF 和 Word 附件均可",
            "checks the {} of the newest report (last year's first): in every column {}; in every row {}. Tables are read as printed (merged cells, full-width digits, blank = 0), from HTML, PDF or Word",
            self.table,
            if eqs.is_empty() {
                "—".to_string()
            } else {
                eqs.join("；")
            },
            if ceqs.is_empty() {
                "—".to_string()
            } else {
                ceqs.join("；")
            }
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
        let units = site.newest_units(&scope, 1, Some(year));
        let Some(unit) = units.first() else {
            return Outcome::warn(tr!(
                cx.lang,
                "“{}”中没有可核对的报告",
                "“{}” has no report to check",
                site.name(col.page)
            ))
            .with_evidence(vec![column_evidence(cx, &col, site.name(col.page))]);
        };
        match find_table(unit, &self.markers) {
            None => no_table(cx, unit, &self.table),
            Some((src, rows)) => self.judge(cx, unit, src, &rows),
        }
    }

    fn judge(&self, cx: &Cx, unit: &Unit, src: &str, rows: &[Row]) -> Outcome {
        let start = tabular::find(rows, &self.markers[0]).unwrap_or(0);
        // optional columns present when a header cell near the table start names them
        let head = &rows[start.saturating_sub(12)..(start + 2).min(rows.len())];
        let cols: Vec<&str> = self
            .columns
            .iter()
            .filter_map(|c| match c.strip_suffix('?') {
                Some(name) => tabular::mentions(head, name).then_some(name),
                None => Some(c.as_str()),
            })
            .collect();
        let n = cols.len();
        let mut problems: Vec<String> = Vec::new();
        // values: row id -> numbers; group own rows and part sums kept apart
        let mut values: HashMap<&str, Vec<f64>> = HashMap::new();
        let mut failures: Vec<(String, String)> = Vec::new();
        let mut checked = 0usize;
        let mut cursor = start;
        let read = |r: &Row, what: &str, problems: &mut Vec<String>| -> Option<Vec<f64>> {
            if r.numbers.len() >= n {
                Some(r.numbers[r.numbers.len() - n..].to_vec())
            } else {
                problems.push(tr!(
                    cx.lang,
                    "行“{}”读到{}个数字（应为{}个）",
                    "row “{}” has {} numbers ({} expected)",
                    what,
                    r.numbers.len(),
                    n
                ));
                None
            }
        };
        for def in &self.rows {
            let label = norm_cell(&def.label);
            let parts: Vec<String> = def.parts.iter().map(|p| norm_cell(p)).collect();
            // a group's own row names the group and none of its parts (`（六）其他处理` vs
            // its part `3.其他`, whose merged label also carries the group's name)
            let own_match = |r: &Row| {
                if label.is_empty() {
                    return !r.numbers.is_empty();
                }
                if !r.label.contains(&label) {
                    return false;
                }
                let rest = r.label.replacen(&label, "", 1);
                !parts.iter().any(|p| rest.contains(p.as_str()))
            };
            let found = (cursor..rows.len()).find(|&i| {
                own_match(&rows[i]) && (!label.is_empty() || !rows[i].numbers.is_empty())
            });
            let mut own: Option<Vec<f64>> = None;
            if let Some(i) = found
                && (!rows[i].numbers.is_empty() || parts.is_empty())
            {
                let what = if def.label.is_empty() {
                    cx.lang.pick("数字行", "the number row")
                } else {
                    def.label.as_str()
                };
                own = read(&rows[i], what, &mut problems);
                cursor = i + 1;
            } else if let Some(i) = found {
                cursor = i;
            }
            if parts.is_empty() {
                match own {
                    Some(v) => {
                        values.insert(&def.id, v);
                    }
                    None if found.is_none() => problems.push(tr!(
                        cx.lang,
                        "未找到行“{}”",
                        "row “{}” not found",
                        def.label
                    )),
                    None => {}
                }
                continue;
            }
            // the part rows, in order
            let mut sum = vec![0.0; n];
            let mut all = true;
            for (p, raw) in parts.iter().zip(def.parts.iter()) {
                match (cursor..rows.len()).find(|&i| rows[i].label.contains(p.as_str())) {
                    Some(i) => {
                        cursor = i + 1;
                        match read(&rows[i], raw, &mut problems) {
                            Some(v) => {
                                for (s, x) in sum.iter_mut().zip(v.iter()) {
                                    *s += x;
                                }
                                // column equations also hold in part rows
                                checked += self.column_checks(&cols, raw, &v, &mut failures);
                            }
                            None => all = false,
                        }
                    }
                    None => {
                        all = false;
                        problems.push(tr!(cx.lang, "未找到行“{}”", "row “{}” not found", raw));
                    }
                }
            }
            match (own, all) {
                (Some(v), true) => {
                    for (c, (a, b)) in cols.iter().zip(v.iter().zip(sum.iter())) {
                        checked += 1;
                        if (a - b).abs() > 1e-6 {
                            failures.push((
                                format!("{}「{}」", def.id, c),
                                tr!(
                                    cx.lang,
                                    "「{}」列：{} {}（{}）≠ 其{}个子项之和 {}",
                                    "column “{}”: {} {} ({}) ≠ the sum of its {} parts {}",
                                    c,
                                    def.id,
                                    def.label,
                                    fmt(*a),
                                    parts.len(),
                                    fmt(*b)
                                ),
                            ));
                        }
                    }
                    values.insert(&def.id, v);
                }
                (Some(v), false) => {
                    values.insert(&def.id, v);
                }
                (None, true) => {
                    values.insert(&def.id, sum);
                }
                (None, false) => {}
            }
        }
        // column equations in the named rows
        for def in &self.rows {
            if let Some(v) = values.get(def.id.as_str()) {
                let v = v.clone();
                checked += self.column_checks(&cols, &def.id, &v, &mut failures);
            }
        }
        // row equations in every column
        for e in &self.equations {
            let side = |names: &[String], c: usize| -> Option<(f64, Vec<String>)> {
                let mut total = 0.0;
                let mut terms = Vec::new();
                for nm in names {
                    let x = values.get(nm.as_str())?.get(c)?;
                    total += x;
                    terms.push(format!("{nm}({})", fmt(*x)));
                }
                Some((total, terms))
            };
            for (c, cname) in cols.iter().enumerate() {
                let (Some((l, lt)), Some((r, rt))) = (side(&e.left, c), side(&e.right, c)) else {
                    continue;
                };
                checked += 1;
                if (l - r).abs() > 1e-6 {
                    failures.push((
                        format!("{}「{}」", e.left.join("+"), cname),
                        tr!(
                            cx.lang,
                            "「{}」列：{} = {} ≠ {} = {}",
                            "column “{}”: {} = {} ≠ {} = {}",
                            cname,
                            lt.join(" + "),
                            fmt(l),
                            rt.join(" + "),
                            fmt(r)
                        ),
                    ));
                }
            }
        }
        let ev_src = |text: String| Evidence {
            url: src.to_string(),
            text,
            path: vec![],
            screenshot: None,
        };
        if !failures.is_empty() {
            let shown: Vec<&str> = failures.iter().take(10).map(|(_, m)| m.as_str()).collect();
            return Outcome::fail(tr!(
                cx.lang,
                "《{}》{}的勾稽关系不成立（{}处）：{}{}",
                "“{}”: the {} does not add up ({} places): {}{}",
                unit.title,
                self.table,
                failures.len(),
                shown.join(cx.lang.pick("；", "; ")),
                if failures.len() > 10 { "…" } else { "" }
            ))
            .with_evidence(failures.iter().map(|(_, m)| ev_src(m.clone())).collect());
        }
        if !problems.is_empty() || checked == 0 {
            return Outcome::warn(tr!(
                cx.lang,
                "《{}》{}无法完整核对：{}",
                "“{}”: the {} could not be fully checked: {}",
                unit.title,
                self.table,
                if problems.is_empty() {
                    cx.lang
                        .pick("没有可核对的数字", "no numbers to check")
                        .to_string()
                } else {
                    shorten(cx.lang, &problems)
                }
            ))
            .with_evidence(vec![ev_src(unit.title.clone())]);
        }
        Outcome::pass(tr!(
            cx.lang,
            "《{}》{}的勾稽关系成立（核对{}个等式）",
            "“{}”: the {} adds up ({} equations checked)",
            unit.title,
            self.table,
            checked
        ))
        .with_evidence(vec![ev_src(unit.title.clone())])
    }

    /// Column equations in one row; returns how many were checked.
    fn column_checks(
        &self,
        cols: &[&str],
        row: &str,
        v: &[f64],
        failures: &mut Vec<(String, String)>,
    ) -> usize {
        let mut checked = 0;
        let at = |name: &str| cols.iter().position(|c| *c == name).and_then(|i| v.get(i));
        for e in &self.column_equations {
            let side = |names: &[String]| -> Option<(f64, Vec<String>)> {
                let mut total = 0.0;
                let mut terms = Vec::new();
                for nm in names {
                    let x = at(nm)?;
                    total += x;
                    terms.push(format!("{nm}({})", fmt(*x)));
                }
                Some((total, terms))
            };
            let (Some((l, lt)), Some((r, rt))) = (side(&e.left), side(&e.right)) else {
                continue;
            };
            checked += 1;
            if (l - r).abs() > 1e-6 {
                failures.push((
                    format!("{row}「{}」", e.left.join("+")),
                    format!(
                        "「{row}」行：{} = {} ≠ {} = {}",
                        lt.join(" + "),
                        fmt(l),
                        rt.join(" + "),
                        fmt(r)
                    ),
                ));
            }
        }
        checked
    }
}

/// The first problems, and how many there were in all (a shortened table lacks most rows).
fn shorten(lang: Lang, problems: &[String]) -> String {
    const SHOWN: usize = 6;
    let head = problems[..problems.len().min(SHOWN)].join(lang.pick("；", "; "));
    if problems.len() > SHOWN {
        tr!(lang, "{}……共{}处", "{} … {} in all", head, problems.len())
    } else {
        head
    }
}

fn fmt(x: f64) -> String {
    if x.fract() == 0.0 {
        format!("{}", x as i64)
    } else {
        format!("{x}")
    }
}

/// The first table source of the unit holding all markers: (source URL, rows).
pub fn find_table<'g>(unit: &Unit<'g>, markers: &[String]) -> Option<(&'g str, Vec<Row>)> {
    // group the tables by source so one document's pages read as one table
    let mut sources: Vec<&'g str> = Vec::new();
    for (s, _) in &unit.tables {
        if !sources.contains(s) {
            sources.push(s);
        }
    }
    for s in sources {
        let tables: Vec<&crate::model::Table> = unit
            .tables
            .iter()
            .filter(|(u, _)| *u == s)
            .map(|(_, t)| *t)
            .collect();
        // a grid table on its own; loose pages together
        for t in tables.iter().filter(|t| !t.loose()) {
            let rows = tabular::rows(&[t]);
            if markers.iter().all(|m| tabular::mentions(&rows, m)) {
                return Some((s, rows));
            }
        }
        let loose: Vec<&crate::model::Table> =
            tables.iter().copied().filter(|t| t.loose()).collect();
        if !loose.is_empty() {
            let rows = tabular::rows(&loose);
            if markers.iter().all(|m| tabular::mentions(&rows, m)) {
                return Some((s, rows));
            }
        }
    }
    None
}

/// The unit holds no such table: warn (an attachment could not be read, or no table).
fn no_table(cx: &Cx, unit: &Unit, table: &str) -> Outcome {
    let mut ev = vec![Evidence {
        url: unit.url.clone(),
        text: unit.title.clone(),
        path: vec![],
        screenshot: None,
    }];
    ev.extend(unit.unread.iter().map(|(u, why)| Evidence {
        url: u.clone(),
        text: why.clone(),
        path: vec![],
        screenshot: None,
    }));
    let why = match unit.unread.first() {
        Some((u, d)) => tr!(
            cx.lang,
            "附件 {} 无法读取：{}",
            "attachment {} could not be read: {}",
            u,
            d
        ),
        None => tr!(cx.lang, "报告中没有该表格", "the report has no such table"),
    };
    Outcome::warn(tr!(
        cx.lang,
        "《{}》：未能读取{}，无法核对勾稽关系（{}）",
        "“{}”: the {} could not be read, so its arithmetic was not checked ({})",
        unit.title,
        table,
        why
    ))
    .with_evidence(ev)
}
