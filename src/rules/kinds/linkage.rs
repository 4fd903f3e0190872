//! `linkage`: items of one column (政策解读) link to the policy document they explain, and
//! that document links back (解读关联), on a sample of the newest items. A link counts when
//! it is labelled (原文链接/相关文件/政策原文; 相关解读 back) or names the other page's
//! title, and is not a sidebar that unrelated articles show too. The two directions are
//! reported separately, each with the page it was judged on.

use super::fields::newest_details;
use super::{Located, column_evidence, default_extra, validate_path};
use crate::i18n::Lang;
use crate::rules::aliases::AliasTable;
use crate::rules::engine::{Cx, Outcome};
use crate::rules::locate::{Locate, path_label};
use crate::rules::related::{TO_DOCUMENT, TO_INTERPRETATION, relates};
use crate::rules::{Evidence, Status};
use serde::Deserialize;
use std::collections::HashSet;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// the column whose items are sampled (政策解读)
    pub from: Vec<String>,
    /// the column the targets must belong to (政策文件); absent = any detail page outside `from`
    #[serde(default)]
    pub to: Option<Vec<String>>,
    #[serde(default = "default_extra")]
    pub max_extra: u32,
    #[serde(default = "three")]
    pub sample: usize,
    /// deduction per missing direction (2019 解读关联: 0.5)
    #[serde(default)]
    pub per_missing: f64,
}

fn three() -> usize {
    3
}

impl Params {
    pub fn validate(&self, aliases: &AliasTable, _has_column: bool) -> Result<(), String> {
        validate_path(aliases, &self.from)?;
        if let Some(t) = &self.to {
            validate_path(aliases, t)?;
        }
        if self.sample == 0 {
            return Err("`sample` must be at least 1".into());
        }
        Ok(())
    }

    pub fn describe(&self, lang: Lang) -> String {
        tr!(
            lang,
            "抽查“{}”最新{}篇：每篇应链接到被解读的政策文件{}，该文件页面也应链接回解读",
            "sample the {1} newest items of “{0}”: each must link to the policy document it explains{2}, and that document must link back",
            path_label(&self.from),
            self.sample,
            self.to
                .as_ref()
                .map(|t| tr!(lang, "（“{}”中）", " (in “{}”)", path_label(t)))
                .unwrap_or_default()
        )
    }

    pub fn eval(&self, cx: &Cx, _prev: Option<&Located>) -> Outcome {
        let site = cx.site;
        let from = match cx.locate(&self.from, self.max_extra) {
            Locate::Found(l) => l,
            Locate::Missing { warn: Some(w), .. } => return Outcome::warn(w),
            Locate::Missing { .. } => {
                return Outcome::fail(tr!(
                    cx.lang,
                    "未找到栏目“{}”，无法核对解读与文件的关联",
                    "the column “{}” was not found, so the linkage cannot be met",
                    path_label(&self.from)
                ));
            }
        };
        let to_scope: Option<HashSet<usize>> = match &self.to {
            Some(t) => match cx.locate(t, self.max_extra) {
                Locate::Found(l) => Some(site.scope(l.page, 2000).into_iter().collect()),
                _ => None,
            },
            None => None,
        };
        let from_scope = site.scope(from.page, 2000);
        let from_set: HashSet<usize> = from_scope.iter().copied().collect();
        let items = newest_details(site, &from_scope, self.sample);
        let mut ev = vec![column_evidence(cx, &from, site.name(from.page))];
        if items.is_empty() {
            let status = if site.listed(from.page) > 0 {
                Status::Warn
            } else {
                Status::Fail
            };
            return Outcome::new(
                status,
                tr!(
                    cx.lang,
                    "“{}”中没有可抽查的解读页面",
                    "“{}” has no item page to sample",
                    site.name(from.page)
                ),
            )
            .with_evidence(ev);
        }
        let mut missing = 0usize;
        let mut msgs = Vec::new();
        let doc_ok = |t: usize| {
            !from_set.contains(&t)
                && site.is_detail(t)
                && to_scope.as_ref().is_none_or(|s| s.contains(&t))
        };
        for &d in &items {
            let title = site.doc_title(d);
            let title = if title.is_empty() {
                site.url(d).to_string()
            } else {
                title
            };
            // links of the interpretation that point at its document: labelled, or naming
            // it, and not a sidebar that unrelated articles show too
            let mut sidebar = Vec::new();
            let mut doc = None;
            for l in site.links(d).into_iter().take(400) {
                let Some(t) = site.idx(l.to) else { continue };
                if t == d || !doc_ok(t) {
                    continue;
                }
                let labelled = site.labelled_link(d, l.text, TO_DOCUMENT);
                let named = relates(&title, &site.doc_title(t)) || relates(&title, l.text);
                if labelled || (named && !site.template_link(d, t, l.text)) {
                    doc = Some(t);
                    break;
                }
                if named && sidebar.len() < 3 && !sidebar.contains(&t) {
                    sidebar.push(t);
                }
            }
            let forward = doc.is_some();
            // the document, when the interpretation does not link it: one whose title it names
            // (of several, the first by URL: the same site gives the same report whatever
            // order its pages were crawled in)
            let doc = doc.or_else(|| {
                (0..site.g.pages.len())
                    .filter(|&t| t != d && doc_ok(t) && relates(&title, &site.doc_title(t)))
                    .min_by(|&a, &b| site.url(a).cmp(site.url(b)))
            });
            let Some(t) = doc else {
                missing += 2;
                let why = if sidebar.is_empty() {
                    String::new()
                } else {
                    tr!(
                        cx.lang,
                        "（{} 只出现在页面模板的侧栏中，不算关联）",
                        " ({} only appears in a template sidebar, which is no linkage)",
                        sidebar
                            .iter()
                            .map(|&t| site.url(t))
                            .collect::<Vec<_>>()
                            .join("、")
                    )
                };
                msgs.push(tr!(
                    cx.lang,
                    "《{}》未链接被解读的政策文件，也未找到该文件{}",
                    "“{}” links to no policy document it explains, and none was found{}",
                    title,
                    why
                ));
                ev.push(Evidence {
                    url: site.url(d).to_string(),
                    text: tr!(
                        cx.lang,
                        "解读→文件：无链接：{}",
                        "interpretation → document: no link: {}",
                        title
                    ),
                    path: vec![],
                    screenshot: None,
                });
                continue;
            };
            let doc_title = site.doc_title(t);
            // the document links back to this interpretation (or another one of it)
            let back = site.links(t).into_iter().take(400).any(|l| {
                site.idx(l.to).is_some_and(|x| {
                    x != t
                        && (x == d || from_set.contains(&x))
                        && site.is_detail(x)
                        && (site.labelled_link(t, l.text, TO_INTERPRETATION)
                            || ((x == d || relates(&site.doc_title(x), &doc_title))
                                && !site.template_link(t, x, l.text)))
                })
            });
            missing += usize::from(!forward) + usize::from(!back);
            let yes = cx.lang.pick("有链接", "linked");
            let no_fwd = cx.lang.pick("未链接该文件", "no link to it");
            let no_back = cx.lang.pick("未链接回解读", "does not link back");
            msgs.push(tr!(
                cx.lang,
                "解读《{}》→文件《{}》：{}{}；文件→解读：{}",
                "interpretation “{}” → document “{}”: {}{}; document → interpretation: {}",
                title,
                doc_title,
                if forward { yes } else { no_fwd },
                if !forward && !sidebar.is_empty() {
                    cx.lang
                        .pick("（仅模板侧栏列出）", " (only a template sidebar lists it)")
                } else {
                    ""
                },
                if back { yes } else { no_back }
            ));
            ev.push(Evidence {
                url: site.url(d).to_string(),
                text: tr!(
                    cx.lang,
                    "解读→文件：{}（{}）",
                    "interpretation → document: {} ({})",
                    if forward { yes } else { no_fwd },
                    site.url(t)
                ),
                path: vec![],
                screenshot: None,
            });
            ev.push(Evidence {
                url: site.url(t).to_string(),
                text: tr!(
                    cx.lang,
                    "文件→解读：{}（{}）",
                    "document → interpretation: {} ({})",
                    if back { yes } else { no_back },
                    site.url(d)
                ),
                path: vec![],
                screenshot: None,
            });
        }
        let status = if missing == 0 {
            Status::Pass
        } else {
            Status::Fail
        };
        Outcome::new(
            status,
            tr!(
                cx.lang,
                "抽查“{}”{}篇：{}",
                "sampled {1} items of “{0}”: {2}",
                site.name(from.page),
                items.len(),
                msgs.join(cx.lang.pick("；", "; "))
            ),
        )
        .with_evidence(ev)
        .with_deduction(self.per_missing * missing as f64)
    }
}

#[cfg(test)]
#[path = "linkage_tests.rs"]
mod tests;
