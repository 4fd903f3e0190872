//! `contact`: a page publishes a phone number as text (not only in an image), optionally
//! with a required label (投诉举报电话, 办公电话 …).

use super::{Located, column_evidence, column_for, default_extra, validate_column, validate_terms};
use crate::extract::phones::is_hotline;
use crate::i18n::Lang;
use crate::rules::Evidence;
use crate::rules::aliases::AliasTable;
use crate::rules::engine::{Cx, Outcome};
use regex::Regex;
use serde::Deserialize;

/// Where to look for the number.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// the column (found by `column` or an earlier `path` step) and the pages under it
    #[default]
    Column,
    /// every crawled page
    Site,
    /// the home page only
    Home,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    #[serde(default)]
    pub column: Option<Vec<String>>,
    #[serde(default = "default_extra")]
    pub max_extra: u32,
    #[serde(default)]
    pub scope: Scope,
    /// labels that qualify a number (terms); with `require_label`, only labelled numbers count
    #[serde(default)]
    pub labels: Vec<String>,
    #[serde(default)]
    pub require_label: bool,
    /// regexes over the digits of the number (separators removed)
    #[serde(default = "default_patterns")]
    pub patterns: Vec<String>,
    /// the office's own number is required: public-service hotlines (12345, 12329 …) are
    /// named in the finding but do not count
    #[serde(default)]
    pub own_line: bool,
}

fn default_patterns() -> Vec<String> {
    vec![
        r"^0\d{9,11}$".into(),
        r"^1[3-9]\d{9}$".into(),
        r"^1\d{4}$".into(),
        r"^[48]00\d{7}$".into(),
        r"^\d{7,8}$".into(),
    ]
}

impl Params {
    pub fn validate(&self, aliases: &AliasTable, has_column: bool) -> Result<(), String> {
        if self.scope == Scope::Column {
            validate_column(aliases, &self.column, has_column)?;
        }
        for p in &self.patterns {
            Regex::new(p).map_err(|e| format!("bad pattern `{p}`: {e}"))?;
        }
        if self.require_label && self.labels.is_empty() {
            return Err("`require_label` without `labels`".into());
        }
        validate_terms(aliases, &self.labels)
    }

    pub fn describe(&self, lang: Lang) -> String {
        let where_ = match self.scope {
            Scope::Column => lang.pick("该栏目页面", "the column's pages"),
            Scope::Site => lang.pick("全站任一页面", "any crawled page"),
            Scope::Home => lang.pick("首页", "the home page"),
        };
        let label = if self.require_label {
            tr!(
                lang,
                "，且标注为“{}”",
                ", labelled “{}”",
                self.labels.join("/")
            )
        } else {
            String::new()
        };
        let own = if self.own_line {
            lang.pick(
                "；12345、12329 等政务服务热线不是本机关的对外联系电话，不计入",
                "; public-service hotlines such as 12345 and 12329 are not the office's own number and do not count",
            )
        } else {
            ""
        };
        tr!(
            lang,
            "在{}以文字形式（非图片）查找电话号码{}{}",
            "look for a phone number published as text (not an image) on {}{}{}",
            where_,
            label,
            own
        )
    }

    pub fn eval(&self, cx: &Cx, prev: Option<&Located>) -> Outcome {
        let site = cx.site;
        let (pages, col) = match self.scope {
            Scope::Home => (site.home.into_iter().collect::<Vec<_>>(), None),
            Scope::Site => ((0..site.g.pages.len()).collect(), None),
            Scope::Column => match column_for(cx, &self.column, self.max_extra, prev) {
                Ok(c) => (site.scope(c.page, 30), Some(c)),
                Err(o) => return o,
            },
        };
        let pats: Vec<Regex> = self
            .patterns
            .iter()
            .filter_map(|p| Regex::new(p).ok())
            .collect();
        let labels: Vec<_> = self.labels.iter().map(|l| cx.aliases.term(l)).collect();
        let mut found: Vec<Evidence> = Vec::new();
        // numbers of the site template (footer 联系电话 …): cited, never decisive
        let mut template: Vec<Evidence> = Vec::new();
        let mut unlabelled = 0;
        let mut hotlines: Vec<Evidence> = Vec::new();
        for &i in &pages {
            let content = site.content(i);
            let all = content
                .phones
                .iter()
                .map(|ph| (ph, false))
                .chain(content.template_phones.iter().map(|ph| (ph, true)));
            for (ph, in_template) in all {
                // the number without its extension (023-63881234转801)
                let main = ph.number.split('转').next().unwrap_or(&ph.number);
                let digits: String = main.chars().filter(|c| c.is_ascii_digit()).collect();
                if !pats.iter().any(|r| r.is_match(&digits)) {
                    continue;
                }
                if self.own_line && is_hotline(&ph.number) {
                    if !hotlines
                        .iter()
                        .any(|e| e.text.ends_with(ph.number.as_str()))
                    {
                        hotlines.push(phone_evidence(site.url(i), ph));
                    }
                    continue;
                }
                let labelled = ph
                    .label
                    .as_deref()
                    .is_some_and(|l| !not_own_line(l) && labels.iter().any(|s| s.mentioned_in(l)));
                if self.require_label && !labelled {
                    if !in_template {
                        unlabelled += 1;
                    }
                    continue;
                }
                let to = if in_template {
                    &mut template
                } else {
                    &mut found
                };
                if to.iter().any(|e| e.text.ends_with(ph.number.as_str())) {
                    continue;
                }
                to.push(phone_evidence(site.url(i), ph));
            }
        }
        let where_ = match &col {
            Some(c) => format!("“{}”（{}）", site.name(c.page), site.url(c.page)),
            None => match self.scope {
                Scope::Home => cx.lang.pick("首页", "the home page").to_string(),
                _ => cx.lang.pick("全站", "the site").to_string(),
            },
        };
        let mut ev: Vec<Evidence> = col
            .iter()
            .map(|c| column_evidence(cx, c, site.name(c.page)))
            .collect();
        if !found.is_empty() {
            let shown: Vec<String> = found.iter().take(3).map(|e| e.text.clone()).collect();
            ev.extend(found.into_iter().take(5));
            return Outcome::pass(tr!(
                cx.lang,
                "{}公开了电话：{}",
                "{} publishes the phone number(s): {}",
                where_,
                shown.join("，")
            ))
            .with_evidence(ev);
        }
        if pages.iter().all(|&i| site.page(i).needs_js) && !pages.is_empty() {
            return Outcome::warn(tr!(
                cx.lang,
                "{}的内容由 JavaScript 生成，无法读取电话",
                "{} is built by JavaScript; no phone number could be read",
                where_
            ))
            .with_evidence(ev);
        }
        let cited = if template.is_empty() {
            String::new()
        } else {
            tr!(
                cx.lang,
                "；页面模板（页脚、侧栏）中的电话“{}”每页都有，不算作本栏目公开的电话",
                "; the phone number(s) “{}” of the page template (footer, sidebar) appear on every page and do not count as published by this column",
                template
                    .iter()
                    .take(3)
                    .map(|e| e.text.as_str())
                    .collect::<Vec<_>>()
                    .join("，")
            )
        };
        ev.extend(template.into_iter().take(2).map(|mut e| {
            e.text = format!(
                "{}（{}）",
                e.text,
                cx.lang.pick("页面模板", "page template")
            );
            e
        }));
        let hot_note = if hotlines.is_empty() {
            String::new()
        } else {
            tr!(
                cx.lang,
                "（只公开了政务服务热线 {}，热线不是本机关的对外联系电话）",
                " (only the public-service hotline(s) {} are published; a hotline is not the office's own number)",
                hotlines
                    .iter()
                    .map(|e| e.text.clone())
                    .collect::<Vec<_>>()
                    .join("、")
            )
        };
        ev.extend(hotlines.into_iter().take(3));
        let extra = if unlabelled > 0 {
            tr!(
                cx.lang,
                "（有{}个电话未标注为“{}”）",
                " ({} numbers are not labelled “{}”)",
                unlabelled,
                self.labels.join("/")
            )
        } else {
            String::new()
        };
        // the labels name the number already (投诉举报电话, 联系电话/办公电话)
        let what = match (self.labels.is_empty(), cx.lang) {
            (true, crate::i18n::Lang::En) => "phone number".to_string(),
            (true, _) => "电话".to_string(),
            (false, crate::i18n::Lang::En) => format!("{} phone number", self.labels.join("/")),
            (false, _) => self.labels.join("/"),
        };
        Outcome::fail(tr!(
            cx.lang,
            "{}未以文字形式公开{}{}{}（电话若只在图片中，无法被识别和复制）{}",
            "{} publishes no {} as text{}{} (numbers only inside images cannot be read or copied){}",
            where_,
            what,
            extra,
            hot_note,
            cited
        ))
        .with_evidence(ev)
    }
}

/// Labels of numbers that are never the unit's own line, whatever words they share with
/// the required label: the 网信 reporting line for illegal online content
/// (违法和不良信息举报电话, 12377) printed in many footers.
fn not_own_line(label: &str) -> bool {
    label.contains("违法和不良") || label.contains("不良信息") || label.contains("网络举报")
}

/// A published number as evidence: `办公电话：023-63881234` on its page.
fn phone_evidence(url: &str, ph: &crate::extract::Phone) -> Evidence {
    Evidence {
        url: url.to_string(),
        text: format!(
            "{}{}",
            ph.label
                .as_deref()
                .map(|l| format!("{l}："))
                .unwrap_or_default(),
            ph.number
        ),
        path: vec![],
        screenshot: None,
    }
}

#[cfg(test)]
#[path = "contact_tests.rs"]
mod tests;
