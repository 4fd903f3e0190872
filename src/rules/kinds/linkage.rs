//! `linkage`: items of one column (政策解读) link to a policy document, and that document
//! links back (解读关联), on a sample of the newest items.

use super::fields::newest_details;
use super::{Located, column_evidence, default_extra, validate_path};
use crate::i18n::Lang;
use crate::rules::aliases::AliasTable;
use crate::rules::engine::{Cx, Outcome};
use crate::rules::locate::{Locate, path_label};
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
        for &d in &items {
            let title = site
                .page(d)
                .title
                .as_deref()
                .unwrap_or(site.url(d))
                .to_string();
            let targets: Vec<usize> = site
                .links(d)
                .iter()
                .filter_map(|l| site.idx(l.to))
                .filter(|&t| t != d && !from_set.contains(&t) && site.is_detail(t))
                .filter(|t| to_scope.as_ref().is_none_or(|s| s.contains(t)))
                .collect();
            match targets.first() {
                None => {
                    missing += 2;
                    msgs.push(tr!(
                        cx.lang,
                        "《{}》未链接政策文件",
                        "“{}” links to no policy document",
                        title
                    ));
                    ev.push(Evidence {
                        url: site.url(d).to_string(),
                        text: title,
                        path: vec![],
                    });
                }
                Some(_) => {
                    let back = targets.iter().copied().find(|&t| {
                        site.links(t).iter().any(|l| {
                            site.idx(l.to)
                                .is_some_and(|x| x == d || from_set.contains(&x))
                        })
                    });
                    match back {
                        Some(_) => msgs.push(tr!(
                            cx.lang,
                            "《{}》与文件相互链接",
                            "“{}” and its document link both ways",
                            title
                        )),
                        None => {
                            missing += 1;
                            let t = targets[0];
                            msgs.push(tr!(
                                cx.lang,
                                "《{}》链接了文件 {}，但该文件未链接回解读",
                                "“{}” links to {}, but that document does not link back",
                                title,
                                site.url(t)
                            ));
                            ev.push(Evidence {
                                url: site.url(t).to_string(),
                                text: site
                                    .page(t)
                                    .title
                                    .as_deref()
                                    .unwrap_or_default()
                                    .to_string(),
                                path: vec![],
                            });
                        }
                    }
                }
            }
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
