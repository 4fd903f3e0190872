//! `classification`: a column separates its items into named classes (现行有效 /
//! 失效·废止), shown as sub-columns, tabs, headings or labels.

use super::{Located, column_evidence, column_for, default_extra, validate_column, validate_terms};
use crate::i18n::Lang;
use crate::rules::Evidence;
use crate::rules::aliases::AliasTable;
use crate::rules::engine::{Cx, Outcome};
use crate::rules::norm::chars;
use crate::rules::site::{crumbs, last_dir};
use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    #[serde(default)]
    pub column: Option<Vec<String>>,
    #[serde(default = "default_extra")]
    pub max_extra: u32,
    /// class names (terms with aliases)
    pub classes: Vec<String>,
}

impl Params {
    pub fn validate(&self, aliases: &AliasTable, has_column: bool) -> Result<(), String> {
        validate_column(aliases, &self.column, has_column)?;
        if self.classes.len() < 2 {
            return Err("a classification needs at least two `classes`".into());
        }
        validate_terms(aliases, &self.classes)
    }

    pub fn describe(&self, lang: Lang) -> String {
        tr!(
            lang,
            "栏目应按 {} 分类展示（子栏目、页签、小标题或表头，按别名表匹配）",
            "the column must show its items classed as {} (sub-columns, tabs, headings or labels, matched through the alias table)",
            self.classes.join(" / ")
        )
    }

    pub fn eval(&self, cx: &Cx, prev: Option<&Located>) -> Outcome {
        let col = match column_for(cx, &self.column, self.max_extra, prev) {
            Ok(c) => c,
            Err(o) => return o,
        };
        let site = cx.site;
        let scope = site.scope(col.page, 60);
        // (text, url) a person sees: links, headings and labels of the column, child column names and slugs
        let mut seen: Vec<(String, String, bool)> = Vec::new();
        for &i in scope.iter().filter(|&&i| !site.is_detail(i)) {
            let p = site.page(i);
            for l in site.links(i) {
                if !site.home_targets.contains(&l.to) {
                    seen.push((l.text.to_string(), site.g.url(l.to).to_string(), false));
                }
            }
            for h in p.headings.iter().chain(p.labels.iter()) {
                seen.push((h.to_string(), site.url(i).to_string(), false));
            }
            if i != col.page {
                if let Some(c) = crumbs(p).last() {
                    seen.push((c.to_string(), site.url(i).to_string(), false));
                }
                seen.push((last_dir(site.url(i)), site.url(i).to_string(), true));
            }
        }
        let mut found = Vec::new();
        let mut missing = Vec::new();
        let mut ev = vec![column_evidence(cx, &col, site.name(col.page))];
        for c in &self.classes {
            let set = cx.aliases.term(c);
            let hit = seen.iter().find(|(t, _, slug)| {
                if *slug {
                    set.match_slug(t)
                } else {
                    set.match_text(t).is_some() || (chars(t) <= 12 && set.mentioned_in(t))
                }
            });
            match hit {
                Some((t, u, _)) => {
                    found.push(format!("{c}（{t}）"));
                    ev.push(Evidence {
                        url: u.clone(),
                        text: t.clone(),
                        path: vec![],
                        screenshot: None,
                    });
                }
                None => missing.push(c.clone()),
            }
        }
        if missing.is_empty() {
            Outcome::pass(tr!(
                cx.lang,
                "“{}”已按分类展示：{}",
                "“{}” is classed: {}",
                site.name(col.page),
                found.join("、")
            ))
            .with_evidence(ev)
        } else {
            Outcome::fail(tr!(
                cx.lang,
                "“{}”（{}）应按“{}”分类展示，未见：{}",
                "“{}” ({}) should be classed as “{}”; not seen: {}",
                site.name(col.page),
                site.url(col.page),
                self.classes.join("”“"),
                missing.join("、")
            ))
            .with_evidence(ev)
        }
    }
}

#[cfg(test)]
#[path = "classification_tests.rs"]
mod tests;
