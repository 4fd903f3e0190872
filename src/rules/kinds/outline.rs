//! `outline`: a document contains required headings or terms (the 8 aspects of a 文字解读,
//! the six parts of the 2021 年报 template), with a minimum found; terms of an outdated
//! template may be listed as forbidden.

use super::{Located, column_evidence, column_for, default_extra, validate_column, validate_terms};
use crate::i18n::Lang;
use crate::rules::aliases::AliasTable;
use crate::rules::engine::{Cx, Outcome};
use crate::rules::{Evidence, Status};
use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    #[serde(default)]
    pub column: Option<Vec<String>>,
    #[serde(default = "default_extra")]
    pub max_extra: u32,
    /// documents checked, newest first (1 = the newest only)
    #[serde(default = "three")]
    pub sample: usize,
    /// required headings/terms
    pub required: Vec<String>,
    /// how many must be found in each document (default: all)
    #[serde(default)]
    pub min: Option<usize>,
    /// terms of an outdated template: finding one fails
    #[serde(default)]
    pub forbidden: Vec<String>,
}

fn three() -> usize {
    3
}

impl Params {
    pub fn validate(&self, aliases: &AliasTable, has_column: bool) -> Result<(), String> {
        validate_column(aliases, &self.column, has_column)?;
        if self.required.is_empty() {
            return Err("no `required` headings".into());
        }
        if self.min.is_some_and(|m| m == 0 || m > self.required.len()) {
            return Err("`min` must be between 1 and the number of required headings".into());
        }
        validate_terms(aliases, &self.required)?;
        validate_terms(aliases, &self.forbidden)
    }

    pub fn describe(&self, lang: Lang) -> String {
        tr!(
            lang,
            "抽查栏目最新{}篇文档的标题、小标题和表头，应包含 {}（至少{}项）{}",
            "in the {} newest documents of the column, the title, headings and table headers must contain {} (at least {}){}",
            self.sample,
            self.required.join("、"),
            self.min.unwrap_or(self.required.len()),
            if self.forbidden.is_empty() {
                String::new()
            } else {
                tr!(
                    lang,
                    "，且不得使用旧格式用语 {}",
                    ", and no outdated-template terms {}",
                    self.forbidden.join("、")
                )
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
        let docs = site.newest_units(&scope, self.sample, None);
        let need = self.min.unwrap_or(self.required.len());
        if docs.is_empty() {
            let ev = vec![column_evidence(cx, &col, site.name(col.page))];
            return if site.listed(col.page) > 0 || site.page(col.page).needs_js {
                Outcome::warn(tr!(
                    cx.lang,
                    "“{}”的文档页面未被抓取，无法核对提纲",
                    "the document pages of “{}” were not crawled; the outline could not be checked",
                    site.name(col.page)
                ))
                .with_evidence(ev)
            } else {
                Outcome::fail(tr!(
                    cx.lang,
                    "“{}”中没有可核对的文档",
                    "“{}” has no document to check",
                    site.name(col.page)
                ))
                .with_evidence(ev)
            };
        }
        let mut status = Status::Pass;
        let mut msgs = Vec::new();
        let mut ev = Vec::new();
        for d in &docs {
            let texts = &d.texts;
            let has = |name: &String| {
                let set = cx.aliases.term(name);
                texts.iter().any(|t| set.mentioned_in(t))
            };
            let found: Vec<&String> = self.required.iter().filter(|r| has(r)).collect();
            let lacking: Vec<&String> = self.required.iter().filter(|r| !has(r)).collect();
            let old: Vec<&String> = self.forbidden.iter().filter(|r| has(r)).collect();
            let title = d.title.clone();
            ev.push(Evidence {
                url: d.url.clone(),
                text: title.clone(),
                path: vec![],
                screenshot: None,
            });
            for (u, why) in &d.unread {
                ev.push(Evidence {
                    url: u.clone(),
                    text: why.clone(),
                    path: vec![],
                    screenshot: None,
                });
            }
            if found.len() < need && old.is_empty() && !d.unread.is_empty() {
                // the rest may be in the attachment that could not be read
                status = super::worst(status, Status::Warn);
                msgs.push(tr!(
                    cx.lang,
                    "《{}》只含{}/{}项，其附件无法读取（{}：{}），无法核对提纲",
                    "“{}” has {}/{}; its attachment could not be read ({}: {}), so the outline could not be checked",
                    title,
                    found.len(),
                    self.required.len(),
                    d.unread[0].0,
                    d.unread[0].1
                ));
            } else if found.len() < need || !old.is_empty() {
                status = Status::Fail;
                let mut m = tr!(
                    cx.lang,
                    "《{}》只含{}/{}项，缺少：{}",
                    "“{}” has {}/{}; missing: {}",
                    title,
                    found.len(),
                    self.required.len(),
                    lacking
                        .iter()
                        .map(|s| s.as_str())
                        .collect::<Vec<_>>()
                        .join("、")
                );
                if !old.is_empty() {
                    m.push_str(&tr!(
                        cx.lang,
                        "；使用了旧格式用语：{}",
                        "; uses outdated-template terms: {}",
                        old.iter()
                            .map(|s| s.as_str())
                            .collect::<Vec<_>>()
                            .join("、")
                    ));
                }
                msgs.push(m);
            } else {
                msgs.push(tr!(
                    cx.lang,
                    "《{}》含{}/{}项",
                    "“{}” has {}/{}",
                    title,
                    found.len(),
                    self.required.len()
                ));
            }
        }
        Outcome::new(
            status,
            tr!(
                cx.lang,
                "抽查“{}”{}篇（每篇应至少含{}项：{}）：{}",
                "checked “{}”, {} documents (each needs at least {} of: {}): {}",
                site.name(col.page),
                docs.len(),
                need,
                self.required.join("、"),
                msgs.join(cx.lang.pick("；", "; "))
            ),
        )
        .with_evidence(ev)
    }
}

#[cfg(test)]
#[path = "outline_tests.rs"]
mod tests;
