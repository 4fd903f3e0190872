//! The shared alias table (`rules/aliases.toml`): canonical column names and document
//! terms, each with the anchor-text variants seen on real sites and URL slug hints.
//! A pack file may add or extend entries with its own `[column."…"]` / `[term."…"]` tables.

use super::error::{RuleError, from_toml};
use super::norm::norm;
use crate::model::focus::{name_match, slug_match};
use serde::Deserialize;
use std::collections::BTreeMap;

/// One canonical name with its variants.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AliasEntry {
    /// Anchor-text / heading variants (the canonical name itself is always included).
    #[serde(default)]
    pub aliases: Vec<String>,
    /// URL slug hints (pinyin initials); a trailing `*` matches as a prefix (`fzhsx*`).
    #[serde(default)]
    pub slugs: Vec<String>,
}

/// Parsed alias file (or the alias part of a pack file).
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct AliasFile {
    #[serde(default)]
    pub column: BTreeMap<String, AliasEntry>,
    #[serde(default)]
    pub term: BTreeMap<String, AliasEntry>,
}

/// How well a text matched a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Quality {
    /// the text contains a variant (short texts only)
    Contains,
    /// the normalised text equals a variant
    Exact,
}

/// A resolved name: canonical name, normalised variants, slugs.
#[derive(Debug, Clone, PartialEq)]
pub struct NameSet {
    pub name: String,
    pub norms: Vec<String>,
    pub slugs: Vec<String>,
}

impl NameSet {
    /// Build from a canonical name and its entry.
    pub fn new(name: &str, entry: Option<&AliasEntry>) -> Self {
        let mut norms = vec![norm(name)];
        let mut slugs = Vec::new();
        if let Some(e) = entry {
            for a in &e.aliases {
                let n = norm(a);
                if !n.is_empty() && !norms.contains(&n) {
                    norms.push(n);
                }
            }
            slugs = e.slugs.iter().map(|s| s.to_ascii_lowercase()).collect();
        }
        NameSet {
            name: name.to_string(),
            norms,
            slugs,
        }
    }

    /// Does this (anchor/heading/title) text name this column or term?
    pub fn match_text(&self, text: &str) -> Option<Quality> {
        let t = norm(text);
        self.match_norm(&t)
    }

    /// Same as [`match_text`](Self::match_text) on an already normalised text.
    pub fn match_norm(&self, t: &str) -> Option<Quality> {
        name_match(&self.norms, t).map(|exact| {
            if exact {
                Quality::Exact
            } else {
                Quality::Contains
            }
        })
    }

    /// Does a longer text (heading, label line) mention this term anywhere?
    pub fn mentioned_in(&self, text: &str) -> bool {
        let t = norm(text);
        self.norms
            .iter()
            .any(|a| !a.is_empty() && t.contains(a.as_str()))
    }

    /// Does a URL directory name match a slug hint (numeric/`_xx` suffixes ignored)?
    pub fn match_slug(&self, dir: &str) -> bool {
        slug_match(&self.slugs, dir)
    }
}

/// All columns and terms known to the engine.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AliasTable {
    pub columns: BTreeMap<String, AliasEntry>,
    pub terms: BTreeMap<String, AliasEntry>,
}

impl AliasTable {
    /// Parse an alias file.
    pub fn parse(file: &str, text: &str) -> Result<Self, RuleError> {
        let f: AliasFile = toml::from_str(text).map_err(|e| from_toml(file, text, &e))?;
        let mut t = AliasTable::default();
        t.merge(&f);
        Ok(t)
    }

    /// Add entries; aliases and slugs of an existing name are extended.
    pub fn merge(&mut self, f: &AliasFile) {
        for (map, add) in [(&mut self.columns, &f.column), (&mut self.terms, &f.term)] {
            for (k, v) in add {
                let e = map.entry(k.clone()).or_default();
                for a in &v.aliases {
                    if !e.aliases.contains(a) {
                        e.aliases.push(a.clone());
                    }
                }
                for s in &v.slugs {
                    if !e.slugs.contains(s) {
                        e.slugs.push(s.clone());
                    }
                }
            }
        }
    }

    /// Merge a whole table.
    pub fn merge_table(&mut self, other: &AliasTable) {
        self.merge(&AliasFile {
            column: other.columns.clone(),
            term: other.terms.clone(),
        });
    }

    /// The canonical column entry a name refers to: the name itself, or the one entry
    /// that lists it as an alias.
    fn find<'a>(
        map: &'a BTreeMap<String, AliasEntry>,
        name: &str,
    ) -> Option<(&'a str, &'a AliasEntry)> {
        if let Some((k, e)) = map.get_key_value(name) {
            return Some((k.as_str(), e));
        }
        let n = norm(name);
        map.iter()
            .find(|(k, e)| norm(k) == n || e.aliases.iter().any(|a| norm(a) == n))
            .map(|(k, e)| (k.as_str(), e))
    }

    /// Is this column name known?
    pub fn knows_column(&self, name: &str) -> bool {
        Self::find(&self.columns, name.trim_end_matches('?')).is_some()
    }

    /// Resolve a column name (a path segment).
    pub fn column(&self, name: &str) -> NameSet {
        match Self::find(&self.columns, name) {
            Some((_, e)) => NameSet::new(name, Some(e)),
            None => NameSet::new(name, None),
        }
    }

    /// Resolve a term (heading, field label, class name); falls back to columns.
    pub fn term(&self, name: &str) -> NameSet {
        match Self::find(&self.terms, name).or_else(|| Self::find(&self.columns, name)) {
            Some((_, e)) => NameSet::new(name, Some(e)),
            None => NameSet::new(name, None),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> AliasTable {
        AliasTable::parse(
            "t.toml",
            r#"
[column."预算/决算"]
aliases = ["财政预决算", "预决算公开", "财政资金", "预算决算"]
slugs = ["czyjs", "ysjs", "czzj"]
[column."失效/废止"]
aliases = ["废止和失效"]
slugs = ["fzhsx*"]
"#,
        )
        .unwrap()
    }

    #[test]
    fn matches_variants_exactly_and_by_short_containment() {
        let t = table();
        let ys = t.column("预算/决算");
        assert_eq!(ys.match_text(" 财政预决算 "), Some(Quality::Exact));
        assert_eq!(ys.match_text("财政资金"), Some(Quality::Exact));
        assert_eq!(ys.match_text("部门预决算公开"), Some(Quality::Contains));
        // a long article title is not a column name
        assert_eq!(
            ys.match_text("重庆市文化旅游委2026年部门预决算公开说明"),
            None
        );
        assert_eq!(ys.match_text("政策解读"), None);
    }

    #[test]
    fn alias_names_resolve_to_their_canonical_entry() {
        let t = table();
        assert!(t.knows_column("预算决算"));
        assert!(t.column("预算决算").match_slug("czyjs"));
        assert!(!t.knows_column("不存在的栏目"));
    }

    #[test]
    fn slugs_ignore_suffixes_and_support_prefixes() {
        let t = table();
        let ys = t.column("预算/决算");
        assert!(ys.match_slug("czyjs_221"));
        assert!(ys.match_slug("CZZJ"));
        assert!(!ys.match_slug("czyjsx"));
        let fz = t.column("失效/废止");
        assert!(fz.match_slug("fzhsxzfgz_52610"));
        assert!(!fz.match_slug("zfgz"));
    }
}
