//! JS-built list pagination (TRS WCM).
//!
//! Recognised in inline scripts: `createPageHTML(9, 0, "index", "html")`,
//! `createPage(9, 0, "index", "shtml")`, and the expanded pager
//! `var currentPage = 0; … var countPage = 17` (base name and extension read from the
//! `document.write` code, defaulting to `index` and the page URL's `.html`/`.shtml`).
//! Pages are 0-indexed: page 0 is `index.html`, page N is `index_N.html`. Every page except
//! the current one is emitted as a [`LinkKind::Pagination`] link with text `第N页`
//! (1-based), resolved against the base URL; at most [`MAX_PAGES`] pages.
//! Plain `<a>下一页</a>` links are ordinary anchors and are handled by the links stage.

use super::links::Resolver;
use super::{Link, LinkKind, PageFacts, PageIndex};
use regex::Regex;
use std::sync::LazyLock;
use url::Url;

/// Upper bound on generated page links.
pub const MAX_PAGES: usize = 500;

static CREATE_PAGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"createPage(?:HTML)?\s*\(\s*(\d+)\s*,\s*(\d+)\s*,\s*["']([\w\-]+)["']\s*,\s*["'](\w+)["']"#)
        .expect("createPage regex")
});
static COUNT_PAGE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\bcountPage\s*=\s*(\d+)").expect("countPage regex"));
static CURRENT_PAGE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\bcurrentPage\s*=\s*(\d+)").expect("currentPage regex"));
static PAGER_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"href=\\?["']([A-Za-z][\w\-]*)(?:"\s*\+\s*"_|_"\s*\+)"#).expect("pager name regex")
});
static PAGER_EXT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?:"\."\s*\+\s*"|\.)(s?html?)\\?["']"#).expect("pager ext regex")
});

/// A recognised JS pager.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pager {
    pub count: usize,
    pub current: usize,
    pub name: String,
    pub ext: String,
}

impl Pager {
    /// Relative file name of page `i` (0-indexed).
    pub fn file(&self, i: usize) -> String {
        if i == 0 {
            format!("{}.{}", self.name, self.ext)
        } else {
            format!("{}_{}.{}", self.name, i, self.ext)
        }
    }
}

/// Find a JS pager in script text. `default_ext` is used when the script does not say.
pub fn find_pager(js: &str, default_ext: &str) -> Option<Pager> {
    if let Some(c) = CREATE_PAGE.captures(js) {
        return Some(Pager {
            count: c[1].parse().ok()?,
            current: c[2].parse().ok()?,
            name: c[3].to_string(),
            ext: c[4].to_string(),
        });
    }
    let count: usize = COUNT_PAGE.captures(js)?[1].parse().ok()?;
    let current = CURRENT_PAGE
        .captures(js)
        .and_then(|c| c[1].parse().ok())
        .unwrap_or(0);
    let name = PAGER_NAME
        .captures(js)
        .map_or_else(|| "index".to_string(), |c| c[1].to_string());
    let ext = PAGER_EXT
        .captures(js)
        .map_or_else(|| default_ext.to_string(), |c| c[1].to_string());
    Some(Pager {
        count,
        current,
        name,
        ext,
    })
}

fn page_ext(url: &Url) -> &'static str {
    if url.path().ends_with(".shtml") {
        "shtml"
    } else if url.path().ends_with(".htm") {
        "htm"
    } else {
        "html"
    }
}

/// Emit pagination links for every JS pager found in inline scripts.
pub(crate) fn collect(ix: &PageIndex<'_>, r: &Resolver, page: &Url, facts: &mut PageFacts) {
    let default_ext = page_ext(page);
    for s in &ix.scripts {
        if s.attr("src").is_some() {
            continue;
        }
        let js: String = s.text().collect();
        if !(js.contains("countPage") || js.contains("createPage")) {
            continue;
        }
        let Some(p) = find_pager(&js, default_ext) else {
            continue;
        };
        for i in 0..p.count.min(MAX_PAGES) {
            if i == p.current {
                continue;
            }
            let Some(url) = r.resolve(&p.file(i)) else {
                continue;
            };
            if facts
                .links
                .iter()
                .any(|l| l.kind == LinkKind::Pagination && l.url == url)
            {
                continue;
            }
            facts.links.push(Link {
                url,
                text: format!("第{}页", i + 1),
                kind: LinkKind::Pagination,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::extract;

    #[test]
    fn create_page_html() {
        let p = find_pager(r#"createPageHTML(9, 0, "index", "html");"#, "html").unwrap();
        assert_eq!(
            p,
            Pager {
                count: 9,
                current: 0,
                name: "index".into(),
                ext: "html".into()
            }
        );
        let p = find_pager(r#"createPage(3,2,"index","shtml")"#, "html").unwrap();
        assert_eq!(p.file(0), "index.shtml");
        assert_eq!(p.file(1), "index_1.shtml");
    }

    #[test]
    fn expanded_count_page_form() {
        let js = r#"var currentPage = 0;//所在页从0开始
var countPage = 17//共多少页
document.write("<a href=\"index"+"_" + nextPage + "."+"shtml\">下一页</a>");"#;
        let p = find_pager(js, "html").unwrap();
        assert_eq!(
            (p.count, p.current, p.name.as_str(), p.ext.as_str()),
            (17, 0, "index", "shtml")
        );
        assert!(find_pager("var x = 1;", "html").is_none());
    }

    #[test]
    fn links_skip_current_and_resolve() {
        let page = Url::parse("http://www.x.gov.cn/zwgk/tzgg/index_2.html").unwrap();
        let f = extract(
            r#"<script>createPageHTML(4, 2, "index", "html");</script>"#,
            &page,
        );
        let got: Vec<(&str, &str)> = f
            .links
            .iter()
            .filter(|l| l.kind == LinkKind::Pagination)
            .map(|l| (l.url.path(), l.text.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("/zwgk/tzgg/index.html", "第1页"),
                ("/zwgk/tzgg/index_1.html", "第2页"),
                ("/zwgk/tzgg/index_3.html", "第4页")
            ]
        );
        let f = extract(
            r#"<script>createPageHTML(100000, 0, "index", "html");</script>"#,
            &page,
        );
        assert_eq!(f.links.len(), MAX_PAGES - 1);
    }
}
