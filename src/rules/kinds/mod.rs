//! Generic check kinds. Each module defines the kind's parameters (as written in a
//! pack's `[[check.step]]` table), how they are validated, a description of how the
//! check is made, and the evaluation on the site graph.

pub mod baseline;
pub mod classification;
pub mod contact;
pub mod documents;
pub mod empty;
pub mod fields;
pub mod freshness;
pub mod items;
pub mod linkage;
pub mod links;
pub mod markers;
pub mod media;
pub mod outline;
pub mod path;
pub mod reachability;
pub mod replies;
pub mod search;
pub mod subcolumns;
pub mod table_sums;
pub mod tables;

use super::aliases::AliasTable;
use super::engine::{Cx, Outcome};
use super::locate::{Locate, Located, chain_label, path_label};
use super::{Evidence, Status};
use crate::i18n::Lang;
use serde::Deserialize;

/// One step of a check: a kind and its parameters.
#[derive(Debug, Clone, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Step {
    Path(path::Params),
    Subcolumns(subcolumns::Params),
    Fields(fields::Params),
    Items(items::Params),
    Contact(contact::Params),
    Freshness(freshness::Params),
    Empty(empty::Params),
    Classification(classification::Params),
    Outline(outline::Params),
    Linkage(linkage::Params),
    Replies(replies::Params),
    Markers(markers::Params),
    Reachability(reachability::Params),
    Links(links::Params),
    Media(media::Params),
    Tables(tables::Params),
    TableSums(table_sums::Params),
    Documents(documents::Params),
    Baseline(baseline::Params),
}

macro_rules! dispatch {
    ($self:ident, $p:ident => $e:expr) => {
        match $self {
            Step::Path($p) => $e,
            Step::Subcolumns($p) => $e,
            Step::Fields($p) => $e,
            Step::Items($p) => $e,
            Step::Contact($p) => $e,
            Step::Freshness($p) => $e,
            Step::Empty($p) => $e,
            Step::Classification($p) => $e,
            Step::Outline($p) => $e,
            Step::Linkage($p) => $e,
            Step::Replies($p) => $e,
            Step::Markers($p) => $e,
            Step::Reachability($p) => $e,
            Step::Links($p) => $e,
            Step::Media($p) => $e,
            Step::Tables($p) => $e,
            Step::TableSums($p) => $e,
            Step::Documents($p) => $e,
            Step::Baseline($p) => $e,
        }
    };
}

impl Step {
    /// The kind's name as written in packs.
    pub fn kind_name(&self) -> &'static str {
        match self {
            Step::Path(_) => "path",
            Step::Subcolumns(_) => "subcolumns",
            Step::Fields(_) => "fields",
            Step::Items(_) => "items",
            Step::Contact(_) => "contact",
            Step::Freshness(_) => "freshness",
            Step::Empty(_) => "empty",
            Step::Classification(_) => "classification",
            Step::Outline(_) => "outline",
            Step::Linkage(_) => "linkage",
            Step::Replies(_) => "replies",
            Step::Markers(_) => "markers",
            Step::Reachability(_) => "reachability",
            Step::Links(_) => "links",
            Step::Media(_) => "media",
            Step::Tables(_) => "tables",
            Step::TableSums(_) => "table_sums",
            Step::Documents(_) => "documents",
            Step::Baseline(_) => "baseline",
        }
    }

    /// The column names this step looks for (path segments, its `column`, sub-columns),
    /// for the crawl's focus hint.
    pub fn column_names(&self) -> Vec<&str> {
        let (path, column, children): (&[String], &Option<Vec<String>>, &[String]) = match self {
            Step::Path(p) => (&p.path, &None, &[]),
            Step::Subcolumns(p) => (&[], &p.column, &p.children),
            Step::Classification(p) => (&[], &p.column, &[]),
            Step::Contact(p) => (&[], &p.column, &[]),
            Step::Fields(p) => (&[], &p.column, &[]),
            Step::Items(p) => (&[], &p.column, &[]),
            Step::Freshness(p) => (&[], &p.column, &[]),
            Step::Media(p) => (&[], &p.column, &[]),
            Step::Links(p) => (&[], &p.column, &[]),
            Step::Outline(p) => (&[], &p.column, &[]),
            Step::Replies(p) => (&[], &p.column, &[]),
            Step::Linkage(p) => (&p.from, &p.to, &[]),
            _ => (&[], &None, &[]),
        };
        path.iter()
            .chain(column.iter().flatten())
            .chain(children)
            .map(|s| s.trim_end_matches('?'))
            .collect()
    }

    /// Check the parameters; `has_column` is true when an earlier step found a column.
    pub fn validate(&self, aliases: &AliasTable, has_column: bool) -> Result<(), String> {
        dispatch!(self, p => p.validate(aliases, has_column))
    }

    /// How the check is made, for `zwgk rules explain`.
    pub fn describe(&self, lang: Lang) -> String {
        dispatch!(self, p => p.describe(lang))
    }

    /// Decide the step on the site.
    pub fn eval(&self, cx: &Cx, prev: Option<&Located>) -> Outcome {
        dispatch!(self, p => p.eval(cx, prev))
    }
}

/// Validate that a column path only names known columns.
pub fn validate_path(aliases: &AliasTable, path: &[String]) -> Result<(), String> {
    if path.is_empty() {
        return Err("empty path".into());
    }
    for s in path {
        if !aliases.knows_column(s) {
            return Err(format!(
                "unknown column name `{}` (add it to rules/aliases.toml or a [column.\"…\"] table of the pack)",
                s.trim_end_matches('?')
            ));
        }
    }
    if path.last().is_some_and(|s| s.ends_with('?')) {
        return Err("the last segment of a path cannot be optional".into());
    }
    Ok(())
}

/// Validate an optional `column` parameter for kinds that work on a column.
pub fn validate_column(
    aliases: &AliasTable,
    column: &Option<Vec<String>>,
    has_column: bool,
) -> Result<(), String> {
    match column {
        Some(p) => validate_path(aliases, p),
        None if has_column => Ok(()),
        None => Err("needs a `column` path or an earlier `path` step".into()),
    }
}

/// Validate that names are known terms or columns.
/// Longest day count a pack may give (100 years): beyond it date arithmetic would overflow.
pub const MAX_DAYS: i64 = 36_600;

/// A pack's day count must be within 0..=[`MAX_DAYS`].
pub fn validate_days(name: &str, v: Option<i64>) -> Result<(), String> {
    match v {
        Some(d) if !(0..=MAX_DAYS).contains(&d) => Err(format!(
            "`{name}` = {d} is out of range (0 to {MAX_DAYS} days)"
        )),
        _ => Ok(()),
    }
}

pub fn validate_terms(aliases: &AliasTable, names: &[String]) -> Result<(), String> {
    for n in names {
        if !aliases.terms.contains_key(n) && !aliases.knows_column(n) {
            return Err(format!(
                "unknown term `{n}` (add it to rules/aliases.toml [term.\"…\"])"
            ));
        }
    }
    Ok(())
}

/// The column a step works on: its own `column` path, else the one an earlier step found.
/// A column that cannot be found yields the outcome to report instead.
pub fn column_for(
    cx: &Cx,
    column: &Option<Vec<String>>,
    max_extra: u32,
    prev: Option<&Located>,
) -> Result<Located, Outcome> {
    let Some(path) = column else {
        return prev.cloned().ok_or_else(|| {
            Outcome::warn(
                cx.lang
                    .pick("前置栏目未找到", "the column was not found")
                    .into(),
            )
        });
    };
    match cx.locate(path, max_extra) {
        Locate::Found(l) => Ok(l),
        Locate::Missing { partial, warn, .. } => {
            let label = path_label(path);
            let ev: Vec<Evidence> = partial
                .last()
                .map(|s| Evidence {
                    url: s.url.clone(),
                    text: chain_label(&partial),
                    path: partial.clone(),
                    screenshot: None,
                })
                .into_iter()
                .collect();
            Err(match warn {
                Some(w) => Outcome::warn(tr!(
                    cx.lang,
                    "未能确认栏目“{}”：{}",
                    "could not confirm the column “{}”: {}",
                    label,
                    w
                )),
                None => Outcome::fail(tr!(
                    cx.lang,
                    "未找到栏目“{}”，此项无从满足",
                    "the column “{}” was not found, so this cannot be met",
                    label
                )),
            }
            .with_evidence(ev))
        }
    }
}

/// Evidence for a located column.
pub fn column_evidence(cx: &Cx, l: &Located, text: String) -> Evidence {
    Evidence {
        url: cx.site.url(l.page).to_string(),
        text,
        path: l.chain.clone(),
        screenshot: None,
    }
}

/// Worst of two statuses.
pub fn worst(a: Status, b: Status) -> Status {
    let r = |s| match s {
        Status::Fail => 2,
        Status::Warn => 1,
        _ => 0,
    };
    if r(b) > r(a) { b } else { a }
}

/// Documents judged by year default to last year's (the 年报 of 2025 is judged in 2026).
fn last_year() -> i32 {
    -1
}

fn default_extra() -> u32 {
    2
}

#[cfg(test)]
pub(crate) mod test_support;
#[cfg(test)]
#[path = "all_tests.rs"]
mod tests;
