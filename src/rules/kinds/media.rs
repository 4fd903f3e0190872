//! `media`: every image, video, audio, animation and attached document in scope really
//! loads (verification stage: status, type, magic bytes, non-empty, decodable header);
//! Flash counts as unplayable. Without verification, fetched resources and crawl errors
//! are used and unverified media make the result `warn`.

use super::links::{error_broken, verify_broken};
use super::{Located, column_for, default_extra, validate_column};
use crate::i18n::Lang;
use crate::model::MediaKind;
use crate::model::UrlId;
use crate::rules::aliases::AliasTable;
use crate::rules::engine::{Cx, Outcome};
use crate::rules::site::is_document;
use crate::rules::{Evidence, Status};
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// the column in scope (absent = the whole site)
    #[serde(default)]
    pub column: Option<Vec<String>>,
    #[serde(default = "default_extra")]
    pub max_extra: u32,
    /// include documents linked as attachments (pdf, doc …)
    #[serde(default = "yes")]
    pub attachments: bool,
}

fn yes() -> bool {
    true
}

impl Params {
    pub fn validate(&self, aliases: &AliasTable, _has_column: bool) -> Result<(), String> {
        if let Some(c) = &self.column {
            validate_column(aliases, &Some(c.clone()), true)?;
        }
        Ok(())
    }

    pub fn describe(&self, lang: Lang) -> String {
        tr!(
            lang,
            "{}中的图片、视频、音频、动画{}逐个请求验证：状态码、类型、文件头、非空、可解码；Flash 视为无法播放",
            "every image, video, audio, animation{1} in {0} is requested and verified: status, type, magic bytes, non-empty, decodable; Flash counts as unplayable",
            self.column
                .as_ref()
                .map(|c| format!("“{}”", crate::rules::locate::path_label(c)))
                .unwrap_or_else(|| lang.pick("全站", "the whole site").into()),
            if self.attachments {
                lang.pick("及附件", " and attachment")
            } else {
                ""
            }
        )
    }

    pub fn eval(&self, cx: &Cx, prev: Option<&Located>) -> Outcome {
        let site = cx.site;
        let (pages, where_) = match &self.column {
            Some(_) => match column_for(cx, &self.column, self.max_extra, prev) {
                Ok(c) => (site.scope(c.page, 2000), format!("“{}”", site.name(c.page))),
                Err(o) => return o,
            },
            None => (
                (0..site.g.pages.len()).collect(),
                cx.lang.pick("全站", "the site").to_string(),
            ),
        };
        // media URL → (kind, every referring page with its context)
        type Refs = Vec<(usize, String)>;
        let mut media: BTreeMap<UrlId, (Option<MediaKind>, Refs)> = BTreeMap::new();
        // a column's media are its own: the template's logo and badges belong to the
        // whole site (the site-wide steps and GOV-D01 name them)
        let regions = self.column.is_some().then(|| site.regions());
        for &i in &pages {
            let p = site.page(i);
            for m in &p.media {
                if regions.as_ref().is_some_and(|r| r.template_media(m.to)) {
                    continue;
                }
                let entry = media.entry(m.to).or_insert((Some(m.kind), Vec::new()));
                if !entry.1.iter().any(|(pi, _)| *pi == i) {
                    entry.1.push((i, site.g.text(m.context).to_string()));
                }
            }
            if self.attachments {
                for l in &p.links {
                    if is_document(site.g.url(l.to)) {
                        let entry = media
                            .entry(l.to)
                            .or_insert((Some(MediaKind::Document), Vec::new()));
                        if !entry.1.iter().any(|(pi, _)| *pi == i) {
                            entry.1.push((i, site.g.text(l.text).to_string()));
                        }
                    }
                }
            }
        }
        let verified: BTreeMap<UrlId, _> = site.g.verified.iter().map(|v| (v.url, v)).collect();
        let resources: BTreeMap<UrlId, _> = site.g.resources.iter().map(|r| (r.url, r)).collect();
        let mut broken = Vec::new();
        let mut unverified = 0;
        let mut ok = 0;
        for (id, (kind, refs)) in &media {
            let url = site.g.url(*id).to_string();
            let verdict: Option<Option<String>> = if *kind == Some(MediaKind::Flash) {
                Some(Some(
                    cx.lang
                        .pick(
                            "Flash 动画，现代浏览器无法播放",
                            "Flash, unplayable in modern browsers",
                        )
                        .into(),
                ))
            } else if let Some(v) = verified.get(id) {
                verify_broken(v.outcome).map(|b| b.then(|| format!("{:?} {}", v.outcome, v.detail)))
            } else if let Some(e) = site.error(*id) {
                error_broken(e.class).map(|b| b.then(|| format!("{:?} {}", e.class, e.message)))
            } else {
                resources.get(id).map(|r| {
                    (r.status >= 400 || r.bytes == 0)
                        .then(|| format!("HTTP {} ({} bytes)", r.status, r.bytes))
                })
            };
            match verdict {
                Some(Some(why)) => broken.push(Evidence {
                    url: url.clone(),
                    text: tr!(
                        cx.lang,
                        "{}（位于 {}）",
                        "{} (on {})",
                        why.trim(),
                        super::links::referrer_list(site, refs, cx.lang)
                    ),
                    path: vec![],
                    screenshot: None,
                }),
                Some(None) => ok += 1,
                None => unverified += 1,
            }
        }
        // in URL order, whatever order the media were met in
        broken.sort_by(|a, b| a.url.cmp(&b.url));
        if !broken.is_empty() {
            return Outcome::new(
                Status::Fail,
                tr!(
                    cx.lang,
                    "{}共{}个媒体/附件，{}个无法正常显示或播放",
                    "{} has {} media/attachments, {} cannot be displayed or played",
                    where_,
                    media.len(),
                    broken.len()
                ),
            )
            .with_evidence(broken);
        }
        if unverified > 0 {
            return Outcome::warn(tr!(
                cx.lang,
                "{}共{}个媒体/附件，{}个未经验证（未运行媒体验证），{}个正常",
                "{} has {} media/attachments; {} were not verified (media verification did not run), {} are fine",
                where_,
                media.len(),
                unverified,
                ok
            ));
        }
        // a crawl cut short may not have reached the column's own pages: what was not
        // seen is not a pass
        if let (Some(reason), Some(missed)) = (
            site.truncated(),
            self.column.as_ref().and(site.unfetched(&pages)),
        ) {
            return Outcome::warn(tr!(
                cx.lang,
                "抓取因{}提前结束，{}的{}个页面未抓取（如 {}）；已抓取部分共{}个媒体/附件，均能正常加载，其余无法检查",
                "the crawl was cut short by {}; {} has {} pages that were not fetched (e.g. {}); the {} media/attachments fetched all load, the rest could not be checked",
                crate::rules::coverage::cut_reason(cx.lang, reason),
                where_,
                missed.0,
                missed.1,
                media.len()
            ));
        }
        Outcome::pass(tr!(
            cx.lang,
            "{}共{}个媒体/附件，均能正常加载",
            "{} has {} media/attachments, all load correctly",
            where_,
            media.len()
        ))
    }
}

#[cfg(test)]
#[path = "media_tests.rs"]
mod tests;
