//! `markers`: site-level markers on the home page and on sampled pages (网站标识码, ICP
//! 备案, 公安备案, 党政机关标识, 主办单位, 联系方式, 找错 entry, viewport, search form, mobile
//! version), and page-tag meta (SiteName/SiteIDCode …; ColumnName …; ArticleTitle/PubDate …).

use super::Located;
use crate::i18n::Lang;
use crate::rules::Status;
use crate::rules::aliases::AliasTable;
use crate::rules::engine::{Cx, Outcome};
use crate::rules::norm::norm;
use crate::rules::site::{Site, pagination_url};
use serde::Deserialize;

/// Marker names a pack may use.
pub const MARKERS: &[&str] = &[
    "site_code",
    "icp",
    "psb",
    "conac",
    "jiucuo",
    "viewport",
    "search",
    "sponsor",
    "mobile_version",
    "contact",
];

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// markers required (see [`MARKERS`])
    #[serde(default)]
    pub markers: Vec<String>,
    /// one of the markers is enough (e.g. viewport or a mobile version)
    #[serde(default)]
    pub any: bool,
    /// also check this many other pages (0 = home page only)
    #[serde(default)]
    pub sample: usize,
    /// deduction per marker missing on the home page
    #[serde(default)]
    pub home_weight: f64,
    /// deduction per other page missing a marker
    #[serde(default)]
    pub other_weight: f64,
    /// meta tags required on content (detail) pages
    #[serde(default)]
    pub meta_content: Vec<String>,
    /// meta tags required on column pages
    #[serde(default)]
    pub meta_column: Vec<String>,
    /// deduction per page lacking page tags
    #[serde(default)]
    pub page_weight: f64,
    /// the search box must also work: the search probe's result decides (see [`super::search`])
    #[serde(default)]
    pub search_probe: bool,
}

fn label(m: &str, lang: Lang) -> &'static str {
    match m {
        "site_code" => lang.pick("网站标识码", "site ID code"),
        "icp" => lang.pick("ICP备案编号", "ICP filing number"),
        "psb" => lang.pick("公安机关备案标识", "public-security filing mark"),
        "conac" => lang.pick("党政机关网站标识", "party/government site badge (conac)"),
        "jiucuo" => lang.pick("“我为政府网站找错”入口", "“report an error” (jiucuo) entry"),
        "viewport" => lang.pick("移动端适配（viewport）", "mobile viewport meta"),
        "search" => lang.pick("站内搜索", "site search"),
        "sponsor" => lang.pick("主办单位", "sponsoring organisation"),
        "mobile_version" => lang.pick("手机版", "mobile version"),
        "contact" => lang.pick("联系方式", "contact details"),
        _ => "?",
    }
}

/// Does page `i` carry marker `m`?
pub fn has(site: &Site, i: usize, m: &str) -> bool {
    let p = site.page(i);
    let k = &p.markers;
    match m {
        "site_code" => k.site_code.is_some() || p.meta.contains_key("siteidcode"),
        "icp" => k.icp.is_some(),
        "psb" => k.psb.is_some(),
        "conac" => k.conac,
        "jiucuo" => k.jiucuo,
        "viewport" => k.viewport || p.meta.contains_key("viewport"),
        "search" => k.search,
        "sponsor" => k.sponsor.is_some(),
        "mobile_version" => k.mobile_version,
        "contact" => {
            !p.phones.is_empty()
                || site
                    .links(i)
                    .iter()
                    .any(|l| matches!(norm(l.text).as_str(), "联系我们" | "联系方式"))
        }
        _ => false,
    }
}

impl Params {
    pub fn validate(&self, _aliases: &AliasTable, _has_column: bool) -> Result<(), String> {
        for m in &self.markers {
            if !MARKERS.contains(&m.as_str()) {
                return Err(format!(
                    "unknown marker `{m}` (known: {})",
                    MARKERS.join(", ")
                ));
            }
        }
        if self.search_probe && !self.markers.iter().any(|m| m == "search") {
            return Err("`search_probe` needs the `search` marker".into());
        }
        if self.markers.is_empty() && self.meta_content.is_empty() && self.meta_column.is_empty() {
            return Err("no `markers` and no `meta_content`/`meta_column`".into());
        }
        Ok(())
    }

    pub fn describe(&self, lang: Lang) -> String {
        let mut parts = Vec::new();
        if !self.markers.is_empty() {
            let names: Vec<&str> = self.markers.iter().map(|m| label(m, lang)).collect();
            parts.push(tr!(
                lang,
                "首页{}应有{}：{}",
                "the home page{} must show {}: {}",
                if self.sample > 0 {
                    tr!(
                        lang,
                        "及抽查的{}个其他页面",
                        " and {} sampled pages",
                        self.sample
                    )
                } else {
                    String::new()
                },
                if self.any {
                    lang.pick("其中之一", "one of")
                } else {
                    lang.pick("全部", "all of")
                },
                names.join("、")
            ));
        }
        if !self.meta_content.is_empty() || !self.meta_column.is_empty() {
            parts.push(tr!(
                lang,
                "抽查{}个内容页应有页面标签 {}，{}个栏目页应有 {}",
                "{} sampled content pages must carry the meta tags {}; {} column pages {}",
                self.sample.max(1),
                self.meta_content.join("/"),
                self.sample.max(1),
                self.meta_column.join("/")
            ));
        }
        let mut s = parts.join(lang.pick("；", "; "));
        if self.search_probe {
            s.push_str(lang.pick("，", ", "));
            s.push_str(&super::search::describe(lang));
        }
        s
    }

    fn sample_pages(&self, site: &Site, detail: Option<bool>) -> Vec<usize> {
        let mut v: Vec<usize> = (0..site.g.pages.len())
            .filter(|&i| Some(i) != site.home)
            .filter(|&i| {
                let p = site.page(i);
                !p.is_frame && p.status < 400 && !pagination_url(site.url(i))
            })
            .filter(|&i| detail.is_none_or(|d| site.is_detail(i) == d))
            .collect();
        v.sort_by_key(|&i| (site.page(i).depth, site.url(i).to_string()));
        v.truncate(self.sample.max(if detail.is_some() { 1 } else { 0 }));
        v
    }

    pub fn eval(&self, cx: &Cx, _prev: Option<&Located>) -> Outcome {
        let site = cx.site;
        let Some(home) = site.home else {
            return Outcome::warn(
                cx.lang
                    .pick("首页未能抓取", "the home page was not fetched")
                    .into(),
            );
        };
        let mut status = Status::Pass;
        let mut msgs = Vec::new();
        let mut ev = Vec::new();
        let mut deduction = 0.0;
        if !self.markers.is_empty() {
            let on_home: Vec<&String> =
                self.markers.iter().filter(|m| has(site, home, m)).collect();
            let missing_home: Vec<&String> = self
                .markers
                .iter()
                .filter(|m| !has(site, home, m))
                .collect();
            if self.any {
                if on_home.is_empty() {
                    status = Status::Fail;
                    msgs.push(tr!(
                        cx.lang,
                        "首页未见{}中的任何一项",
                        "the home page shows none of {}",
                        self.markers
                            .iter()
                            .map(|m| label(m, cx.lang))
                            .collect::<Vec<_>>()
                            .join("、")
                    ));
                    ev.push(cx.page_evidence(home, cx.lang.pick("首页", "Home").into()));
                } else {
                    msgs.push(tr!(
                        cx.lang,
                        "首页有{}",
                        "the home page has {}",
                        on_home
                            .iter()
                            .map(|m| label(m, cx.lang))
                            .collect::<Vec<_>>()
                            .join("、")
                    ));
                }
            } else {
                let others = self.sample_pages(site, None);
                let mut lacking_pages = Vec::new();
                for &i in &others {
                    let miss: Vec<&str> = self
                        .markers
                        .iter()
                        .filter(|m| !has(site, i, m))
                        .map(|m| label(m, cx.lang))
                        .collect();
                    if !miss.is_empty() {
                        deduction += self.other_weight;
                        lacking_pages.push((i, miss));
                    }
                }
                deduction += self.home_weight * missing_home.len() as f64;
                if missing_home.is_empty() && lacking_pages.is_empty() {
                    msgs.push(tr!(
                        cx.lang,
                        "首页{}均有：{}",
                        "the home page{} shows all of: {}",
                        if others.is_empty() {
                            String::new()
                        } else {
                            tr!(
                                cx.lang,
                                "及抽查的{}个页面",
                                " and {} sampled pages",
                                others.len()
                            )
                        },
                        self.markers
                            .iter()
                            .map(|m| label(m, cx.lang))
                            .collect::<Vec<_>>()
                            .join("、")
                    ));
                } else {
                    status = Status::Fail;
                    if !missing_home.is_empty() {
                        let names: Vec<&str> =
                            missing_home.iter().map(|m| label(m, cx.lang)).collect();
                        msgs.push(tr!(
                            cx.lang,
                            "首页缺少：{}",
                            "missing on the home page: {}",
                            names.join("、")
                        ));
                        ev.push(cx.page_evidence(
                            home,
                            tr!(
                                cx.lang,
                                "首页缺少：{}",
                                "missing on the home page: {}",
                                names.join("、")
                            ),
                        ));
                    }
                    if !lacking_pages.is_empty() {
                        msgs.push(tr!(
                            cx.lang,
                            "抽查的{}个页面中有{}个缺少标识（如 {} 缺少 {}）",
                            "{1} of {0} sampled pages lack markers (e.g. {2} lacks {3})",
                            others.len(),
                            lacking_pages.len(),
                            site.url(lacking_pages[0].0),
                            lacking_pages[0].1.join(cx.lang.pick("、", ", "))
                        ));
                        for (i, miss) in lacking_pages.iter().take(10) {
                            ev.push(cx.page_evidence(*i, miss.join("、")));
                        }
                    }
                }
            }
        }
        for (required, detail, what) in [
            (
                &self.meta_content,
                true,
                cx.lang.pick("内容页", "content page"),
            ),
            (
                &self.meta_column,
                false,
                cx.lang.pick("栏目页", "column page"),
            ),
        ] {
            if required.is_empty() {
                continue;
            }
            let pages = self.sample_pages(site, Some(detail));
            if pages.is_empty() {
                msgs.push(tr!(
                    cx.lang,
                    "未抓取到{}，未检查页面标签",
                    "no {} crawled; page tags not checked",
                    what
                ));
                status = super::worst(status, Status::Warn);
                continue;
            }
            let mut bad = 0;
            for &i in &pages {
                let miss: Vec<&str> = required
                    .iter()
                    .filter(|t| !site.page(i).meta.keys().any(|k| k.eq_ignore_ascii_case(t)))
                    .map(|t| t.as_str())
                    .collect();
                if !miss.is_empty() {
                    bad += 1;
                    deduction += self.page_weight;
                    ev.push(cx.page_evidence(
                        i,
                        tr!(
                            cx.lang,
                            "缺少页面标签：{}",
                            "missing page tags: {}",
                            miss.join("、")
                        ),
                    ));
                }
            }
            if bad > 0 {
                status = Status::Fail;
            }
            msgs.push(tr!(
                cx.lang,
                "抽查{}个{}，{}个缺少页面标签（应有 {}）",
                "{} {}s sampled, {} lack page tags (required: {})",
                pages.len(),
                what,
                bad,
                required.join("/")
            ));
        }
        let out = Outcome::new(status, msgs.join(cx.lang.pick("；", "; ")))
            .with_evidence(ev)
            .with_deduction(deduction);
        if self.search_probe && out.status == Status::Pass {
            // the box is there: whether searching works decides
            return super::search::judge(cx, home, out, self.home_weight);
        }
        out
    }
}

#[cfg(test)]
#[path = "markers_tests.rs"]
mod tests;
