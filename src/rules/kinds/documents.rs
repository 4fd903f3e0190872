//! `documents`: the attachments of the site (or of a column) can be read and searched:
//! a 图片型PDF (scanned pages, no text layer) fails, as does an attachment that is
//! malformed, truncated, encrypted, too large or a zip bomb (`undecodable`). Attachments
//! not read (budget, download failed) are listed and make the check warn only when
//! nothing could be read at all.

use super::{Located, column_for, default_extra, validate_column};
use crate::i18n::Lang;
use crate::model::DocStatus;
use crate::rules::Evidence;
use crate::rules::aliases::AliasTable;
use crate::rules::engine::{Cx, Outcome};
use serde::Deserialize;
use std::collections::HashSet;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// a column (default: the whole site)
    #[serde(default)]
    pub column: Option<Vec<String>>,
    #[serde(default = "default_extra")]
    pub max_extra: u32,
}

impl Params {
    pub fn validate(&self, aliases: &AliasTable, _has_column: bool) -> Result<(), String> {
        match &self.column {
            Some(_) => validate_column(aliases, &self.column, true),
            None => Ok(()),
        }
    }

    pub fn describe(&self, lang: Lang) -> String {
        tr!(
            lang,
            "下载并读取{}的附件（PDF、Word、WPS、Excel）：图片型PDF（无文字层，无法检索）或无法解析的附件（损坏、截断、加密、超限）均不合格",
            "downloads and reads the attachments of {} (PDF, Word, WPS, Excel): an image-only PDF (no text layer, not searchable) or an undecodable attachment (malformed, truncated, encrypted, too large) fails",
            match &self.column {
                Some(c) => c.join(">"),
                None => lang.pick("全站", "the whole site").to_string(),
            }
        )
    }

    pub fn eval(&self, cx: &Cx, prev: Option<&Located>) -> Outcome {
        let site = cx.site;
        let ids: Option<HashSet<crate::model::UrlId>> = match &self.column {
            None => None,
            Some(_) => {
                let col = match column_for(cx, &self.column, self.max_extra, prev) {
                    Ok(c) => c,
                    Err(o) => return o,
                };
                let scope = site.scope(col.page, 300);
                Some(scope.iter().flat_map(|&i| site.attachment_ids(i)).collect())
            }
        };
        let docs: Vec<&crate::model::Document> = site
            .g
            .documents
            .iter()
            .filter(|d| ids.as_ref().is_none_or(|s| s.contains(&d.url)))
            .collect();
        let count = |s: DocStatus| docs.iter().filter(|d| d.status == s).count();
        let mut bad: Vec<&&crate::model::Document> = docs
            .iter()
            .filter(|d| matches!(d.status, DocStatus::ImageOnly | DocStatus::Undecodable))
            .collect();
        // in URL order, whatever order the documents were read in
        bad.sort_by(|a, b| site.g.url(a.url).cmp(site.g.url(b.url)));
        let ev: Vec<Evidence> = bad
            .iter()
            .map(|d| Evidence {
                url: site.g.url(d.url).to_string(),
                text: format!("{} {}：{}", d.format.label(), d.status.label(), d.detail),
                path: vec![],
                screenshot: None,
            })
            .collect();
        let read = count(DocStatus::Read);
        if !bad.is_empty() {
            let images = count(DocStatus::ImageOnly);
            return Outcome::fail(tr!(
                cx.lang,
                "{}个附件无法检索或无法解析（图片型PDF {}个，无法解析 {}个；已读取 {}个）：{}",
                "{} attachments are not searchable or cannot be decoded ({} image-only PDFs, {} undecodable; {} read): {}",
                bad.len(),
                images,
                bad.len() - images,
                read,
                bad.iter()
                    .take(5)
                    .map(|d| site.g.url(d.url))
                    .collect::<Vec<_>>()
                    .join("、")
            ))
            .with_evidence(ev);
        }
        if docs.is_empty() {
            let linked = (0..site.g.pages.len()).any(|i| !site.attachment_ids(i).is_empty());
            return if linked {
                Outcome::warn(
                    cx.lang
                        .pick(
                            "附件未读取（文档读取阶段未运行：--no-docs）",
                            "the attachments were not read (the document stage did not run: --no-docs)",
                        )
                        .to_string(),
                )
            } else {
                Outcome::pass(
                    cx.lang
                        .pick("未发现附件", "no attachments found")
                        .to_string(),
                )
            };
        }
        if read == 0 {
            return Outcome::warn(tr!(
                cx.lang,
                "{}个附件均未能读取（下载失败或超出附件数上限）",
                "none of the {} attachments could be read (download failed or over the budget)",
                docs.len()
            ));
        }
        Outcome::pass(tr!(
            cx.lang,
            "已读取{}个附件，均可检索（未读取 {}个）",
            "{} attachments read, all searchable ({} not read)",
            read,
            docs.len() - read
        ))
    }
}
