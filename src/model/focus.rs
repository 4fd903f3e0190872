//! Crawl focus: what the frontier fetches first. The run layer builds a [`FocusHint`]
//! from the loaded rule packs (names, variants and URL slugs of the required columns and
//! their ancestors) and hands it to the crawl, which ranks every discovered link with a
//! [`Priority`]. Also the URL-shape tests the crawl and the rules share (detail pages,
//! list pagination) and the name/slug matching the alias table uses.

use super::norm::{chars, norm};
use serde::{Deserialize, Serialize};
use url::Url;

/// Order in which the frontier fetches URLs: lower first, breadth-first within one.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Priority {
    /// the link names a required column or one of its ancestors (text, title or URL slug)
    Focus,
    /// a list page: a column or sub-column, a further page of a focused column's list
    List,
    /// one of the newest articles of a list (`--sample` per list page)
    Sample,
    /// everything else
    #[default]
    Rest,
}

/// Names and URL slugs of the columns the selected rule packs require, with their
/// ancestors; `sample` articles per list page are fetched before the rest.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FocusHint {
    /// normalised name variants
    names: Vec<String>,
    /// lower-case slug hints; a trailing `*` matches as a prefix
    slugs: Vec<String>,
    /// articles per list page fetched early (newest first)
    pub sample: usize,
}

impl FocusHint {
    /// Build from name variants (normalised here) and slug hints.
    pub fn new(
        names: impl IntoIterator<Item = String>,
        slugs: impl IntoIterator<Item = String>,
        sample: usize,
    ) -> Self {
        let mut names: Vec<String> = names
            .into_iter()
            .map(|n| norm(&n))
            .filter(|n| !n.is_empty())
            .collect();
        names.sort();
        names.dedup();
        let mut slugs: Vec<String> = slugs
            .into_iter()
            .map(|s| s.to_ascii_lowercase())
            .filter(|s| !s.is_empty() && s != "*")
            .collect();
        slugs.sort();
        slugs.dedup();
        FocusHint {
            names,
            slugs,
            sample,
        }
    }

    /// Number of name variants and slugs (for logs).
    pub fn len(&self) -> (usize, usize) {
        (self.names.len(), self.slugs.len())
    }

    /// Does an anchor text (or title) name one of the columns?
    pub fn matches_text(&self, text: &str) -> bool {
        !text.is_empty() && name_match(&self.names, &norm(text)).is_some()
    }

    /// Does a (non-article) URL's last directory match one of the slugs?
    pub fn matches_url(&self, url: &Url) -> bool {
        if self.slugs.is_empty() || article_like(url) {
            return false;
        }
        slug_match(&self.slugs, last_dir(url.path()))
    }
}

/// At most this many extra characters around a variant still count as a match
/// (`部门预决算公开` ⊃ `部门预决算`), so long article titles do not match column names.
pub const CONTAINS_SLACK: usize = 4;

/// Match a normalised text against normalised variants: `Some(true)` when it equals
/// one, `Some(false)` when it contains one (variants of 3+ characters, short texts only).
pub fn name_match(variants: &[String], t: &str) -> Option<bool> {
    if t.is_empty() {
        return None;
    }
    if variants.iter().any(|a| a == t) {
        return Some(true);
    }
    let tl = chars(t);
    variants
        .iter()
        .any(|a| chars(a) >= 3 && tl <= chars(a) + CONTAINS_SLACK && t.contains(a.as_str()))
        .then_some(false)
}

/// Does a URL directory name match a slug hint (numeric/`_xx` suffixes ignored)?
pub fn slug_match(slugs: &[String], dir: &str) -> bool {
    if slugs.is_empty() || dir.is_empty() {
        return false;
    }
    let dir = dir.to_ascii_lowercase();
    let base = dir.split('_').next().unwrap_or(&dir);
    slugs.iter().any(|s| match s.strip_suffix('*') {
        Some(prefix) => base.starts_with(prefix),
        None => base == s || dir == *s,
    })
}

/// The last directory of a URL path: `/zwgk/czyjs/index.html` → `czyjs`.
fn last_dir(path: &str) -> &str {
    let dir = match path.rfind('/') {
        Some(i) => &path[..i],
        None => "",
    };
    dir.rsplit('/').next().unwrap_or("")
}

/// Is this URL a detail (article) page by its shape (`t20260305_123.html`, `art_…`, `content_…`)?
pub fn detail_url(url: &str) -> bool {
    let last = url.rsplit('/').next().unwrap_or("");
    let b = last.as_bytes();
    (b.len() > 10 && b[0] == b't' && b[1..9].iter().all(|c| c.is_ascii_digit()) && b[9] == b'_')
        || last.starts_with("art_")
        || last.starts_with("content_")
        || last.starts_with("post_")
}

/// Is this a pagination page of a listing (`index_3.html`)?
pub fn pagination_url(url: &str) -> bool {
    let last = url.rsplit('/').next().unwrap_or("");
    last.strip_prefix("index_")
        .and_then(|r| r.split('.').next())
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|c| c.is_ascii_digit()))
}

/// Does a URL look like an article rather than a list page? [`detail_url`] shapes, a file
/// name with a long number (`/art/2026/3/5/12345.html`, `show_20260305.htm`) or an item
/// id in the query (`?id=123`, `articleId=…`). Guesses only the crawl order.
pub fn article_like(url: &Url) -> bool {
    let path = url.path();
    let last = path.rsplit('/').next().unwrap_or("");
    if detail_url(path) {
        return true;
    }
    if !last.is_empty() && !pagination_url(path) {
        let stem = last.split('.').next().unwrap_or(last);
        let mut run = 0;
        for b in stem.bytes() {
            run = if b.is_ascii_digit() { run + 1 } else { 0 };
            if run >= 5 {
                return true;
            }
        }
    }
    url.query_pairs().any(|(k, v)| {
        let k = k.to_ascii_lowercase();
        (k == "id" || k.ends_with("id")) && !v.is_empty() && v.bytes().all(|c| c.is_ascii_digit())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn u(s: &str) -> Url {
        Url::parse(s).unwrap()
    }

    #[test]
    fn hint_matches_anchor_texts_and_list_slugs_not_articles() {
        let h = FocusHint::new(
            [
                "政府信息公开".to_string(),
                "预算/决算".into(),
                "财政预决算".into(),
            ],
            ["zfxxgk".to_string(), "czyjs".into(), "fzhsx*".into()],
            5,
        );
        assert!(h.matches_text(" 政府信息公开 "));
        assert!(h.matches_text("【财政预决算】"));
        assert!(h.matches_text("部门财政预决算公开"));
        assert!(!h.matches_text("关于2026年财政预决算公开工作的通知全文"));
        assert!(!h.matches_text(""));
        assert!(h.matches_url(&u("http://x.gov.cn/zwgk/czyjs_221/")));
        assert!(h.matches_url(&u("http://x.gov.cn/zwgk/czyjs/index.html")));
        assert!(h.matches_url(&u("http://x.gov.cn/fzhsxzfgz_52610/")));
        assert!(!h.matches_url(&u("http://x.gov.cn/zwgk/czyjs/202603/t20260320_1.html")));
        assert!(!h.matches_url(&u("http://x.gov.cn/xwdt/")));
    }

    #[test]
    fn article_shapes() {
        assert!(article_like(&u("http://x/a/202603/t20260320_1.html")));
        assert!(article_like(&u("http://x/art/2026/3/5/art_1_12345.html")));
        assert!(article_like(&u("http://x/news/123456.html")));
        assert!(article_like(&u("http://x/show.php?id=42")));
        assert!(article_like(&u("http://x/info?articleId=42")));
        assert!(!article_like(&u("http://x/zwgk/czyjs/")));
        assert!(!article_like(&u("http://x/zwgk/czyjs/index_12.html")));
        assert!(!article_like(&u("http://x/zwgk/czyjs/index.html")));
        assert!(!article_like(&u("http://x/list.php?page=3")));
    }

    #[test]
    fn priorities_order_focus_first() {
        assert!(Priority::Focus < Priority::List);
        assert!(Priority::List < Priority::Sample);
        assert!(Priority::Sample < Priority::Rest);
    }
}
