//! `path`: a required disclosure path (栏目路径) can be reached from the home page by
//! following links whose text, the target's breadcrumb, title or URL slug match each
//! segment in order (bounded extra levels). Reports the chain and the click depth, or the
//! closest partial chain.

use super::{Located, column_evidence, default_extra, validate_path};
use crate::i18n::Lang;
use crate::rules::Evidence;
use crate::rules::aliases::AliasTable;
use crate::rules::engine::{Cx, Outcome};
use crate::rules::locate::{Locate, chain_label, path_label};
use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// canonical column names; a trailing `?` marks an optional level
    pub path: Vec<String>,
    /// extra levels a site may insert between segments
    #[serde(default = "default_extra")]
    pub max_extra: u32,
    /// a column with the right name found off the required path: `fail` (default) or
    /// `pass` with a note; either way the steps and checks that need the column use it
    #[serde(default)]
    pub off_path: OffPath,
}

/// What an off-path column means for a `path` step.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OffPath {
    #[default]
    Fail,
    Pass,
}

impl Params {
    pub fn validate(&self, aliases: &AliasTable, _has_column: bool) -> Result<(), String> {
        if self.max_extra > 5 {
            return Err("max_extra above 5 makes almost any page match".into());
        }
        validate_path(aliases, &self.path)
    }

    pub fn describe(&self, lang: Lang) -> String {
        let off = match self.off_path {
            OffPath::Fail => lang.pick(
                "；栏目存在但不在规定路径上时不合格（说明实际位置）",
                "; a column found elsewhere than on the path fails (its actual place is named)",
            ),
            OffPath::Pass => lang.pick(
                "；栏目存在但不在规定路径上时合格并注明实际位置",
                "; a column found elsewhere than on the path passes with a note naming its place",
            ),
        };
        tr!(
            lang,
            "从首页逐级点击查找栏目路径“{}”：链接文字、目标页面包屑（当前位置）、标题或URL目录名（别名表）与各级名称相符即可，中间最多允许插入{}级（带?的级别可省略）{}",
            "from the home page, follow links level by level to “{}”: the anchor text, the target's breadcrumb, title or URL slug (alias table) must match each level; up to {} inserted levels allowed (levels marked ? may be absent){}",
            path_label(&self.path),
            self.max_extra,
            off
        )
    }

    pub fn eval(&self, cx: &Cx, _prev: Option<&Located>) -> Outcome {
        let label = path_label(&self.path);
        match cx.locate(&self.path, self.max_extra) {
            Locate::Found(l) if l.off_path => {
                let chain: Vec<&str> = l.chain.iter().map(|s| s.text.as_str()).collect();
                let msg = tr!(
                    cx.lang,
                    "栏目“{}”存在于 首页 > {}（{}），不在规定路径“{}”",
                    "the column “{}” exists at Home > {} ({}), not on the required path “{}”",
                    self.path
                        .last()
                        .map(|s| s.trim_end_matches('?'))
                        .unwrap_or(""),
                    chain.join(" > "),
                    cx.site.url(l.page),
                    label
                );
                let ev = column_evidence(cx, &l, cx.site.name(l.page));
                let mut o = match self.off_path {
                    OffPath::Pass => Outcome::pass(msg),
                    OffPath::Fail => Outcome::fail(msg),
                }
                .with_evidence(vec![ev]);
                o.column = Some(l);
                o
            }
            Locate::Found(l) => {
                let how = if l.pinned {
                    cx.lang
                        .pick("（站点配置指定）", " (pinned in the site overrides)")
                } else if l.by_breadcrumb {
                    cx.lang.pick(
                        "（由页面面包屑确认）",
                        " (confirmed by the page breadcrumb)",
                    )
                } else {
                    ""
                };
                let msg = tr!(
                    cx.lang,
                    "已找到栏目“{}”：首页 > {}，点击深度{}{}，地址 {}",
                    "found the column “{}”: Home > {}, click depth {}{}, at {}",
                    label,
                    chain_label(&l.chain),
                    l.depth,
                    how,
                    cx.site.url(l.page)
                );
                let ev = column_evidence(cx, &l, cx.site.name(l.page));
                let mut o = Outcome::pass(msg).with_evidence(vec![ev]);
                o.column = Some(l);
                o
            }
            Locate::Missing {
                partial,
                matched,
                warn,
                searched,
            } => {
                let closest = if partial.is_empty() {
                    cx.lang
                        .pick("首页上没有相符的链接", "no matching link on the home page")
                        .to_string()
                } else {
                    tr!(
                        cx.lang,
                        "最接近的路径为 首页 > {}（{}）",
                        "the closest chain is Home > {} ({})",
                        chain_label(&partial),
                        partial.last().map(|s| s.url.as_str()).unwrap_or("")
                    )
                };
                let found = if matched.is_empty() {
                    String::new()
                } else {
                    tr!(
                        cx.lang,
                        "，已匹配：{}",
                        "; matched: {}",
                        matched.join(" > ")
                    )
                };
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
                match warn {
                    Some(w) => Outcome::warn(tr!(
                        cx.lang,
                        "未能确认栏目“{}”：{}；{}{}",
                        "could not confirm the column “{}”: {}; {}{}",
                        label,
                        w,
                        closest,
                        found
                    )),
                    None => Outcome::fail(tr!(
                        cx.lang,
                        "应有栏目“{}”，但从首页按链接文字、面包屑、标题和URL均未找到；{}{}",
                        "expected the column “{}”, but it could not be reached from the home page by anchor text, breadcrumb, title or URL; {}{}",
                        label,
                        closest,
                        found
                    ))
                    .needing(searched),
                }
                .with_evidence(ev)
            }
        }
    }
}

#[cfg(test)]
#[path = "path_tests.rs"]
mod tests;
