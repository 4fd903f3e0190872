//! Links: `<a href>`, `<area href>`, script targets (`window.open('…')`,
//! `location.href='…'`), `<select>` link menus (友情链接), and frames.
//!
//! References are resolved against `<base href>` (or the page URL); `javascript:`,
//! `mailto:`, `tel:`, `data:` and fragment-only references are skipped and fragments are
//! stripped. Chinese characters and spaces in hrefs come out percent-encoded (url crate).
//! Links to attachments and media files (pdf, doc, xls, mp4, swf, jpg …) are recorded as
//! [`MediaRef`](super::MediaRef)s with element `a[href]` instead of links. Frames go to
//! `frames`, never to `links`. A script that loads an HTML fragment into a container
//! (`$('#list').load('/hdjl/list.jsp')`, `$.get('/x.html', d => $('#box').html(d))`) is
//! a frame too: what it loads is shown on this page.

use super::text::{collapse, element_text};
use super::urls::kind_for_url;
use super::{Link, LinkKind, MediaRef, PageFacts, PageIndex};
use regex::Regex;
use scraper::ElementRef;
use std::sync::LazyLock;
use url::Url;

/// Resolves references found in the page.
pub struct Resolver {
    base: Url,
    /// menus repeat the same href many times on a page: each is parsed once
    memo: std::cell::RefCell<foldhash::HashMap<Box<str>, Option<Url>>>,
}

impl Resolver {
    /// `page` is the page URL; `base` the first `<base href>` element, if any.
    pub(crate) fn new(page: &Url, base: Option<ElementRef<'_>>) -> Self {
        let base = base
            .and_then(|b| b.attr("href"))
            .and_then(|h| page.join(h.trim()).ok())
            .filter(|u| matches!(u.scheme(), "http" | "https"))
            .unwrap_or_else(|| page.clone());
        Resolver {
            base,
            memo: Default::default(),
        }
    }

    /// Resolver for a plain base URL (tests, fragments).
    pub fn from_url(base: &Url) -> Self {
        Resolver {
            base: base.clone(),
            memo: Default::default(),
        }
    }

    /// The base URL references are resolved against.
    pub fn base(&self) -> &Url {
        &self.base
    }

    /// Resolve a raw reference; `None` for empty, fragment-only, non-http(s) or invalid ones.
    pub fn resolve(&self, raw: &str) -> Option<Url> {
        let raw = raw.trim_matches(|c: char| c.is_whitespace() || c.is_control());
        if raw.is_empty() || raw.starts_with('#') {
            return None;
        }
        if let Some(hit) = self.memo.borrow().get(raw) {
            return hit.clone();
        }
        let resolved = self.resolve_uncached(raw);
        self.memo.borrow_mut().insert(raw.into(), resolved.clone());
        resolved
    }

    fn resolve_uncached(&self, raw: &str) -> Option<Url> {
        if has_blocked_scheme(raw) {
            return None;
        }
        let mut u = self.base.join(raw).ok()?;
        if !matches!(u.scheme(), "http" | "https") || u.host_str().is_none_or(str::is_empty) {
            return None;
        }
        u.set_fragment(None);
        crate::crawl::scope::strip_session(&mut u);
        Some(u)
    }
}

/// `javascript:`, `mailto:`, `tel:`, `data:` … (case-insensitive, whitespace inside the
/// scheme tolerated as browsers strip tabs/newlines). Allocation-free.
fn has_blocked_scheme(raw: &str) -> bool {
    let mut buf = [0u8; 11];
    let mut n = 0;
    for b in raw.bytes() {
        if b.is_ascii_whitespace() {
            continue;
        }
        if n == buf.len() || b == b':' {
            if b == b':' && n < buf.len() {
                buf[n] = b':';
                n += 1;
            }
            break;
        }
        if !b.is_ascii_alphanumeric() && !matches!(b, b'+' | b'-' | b'.') {
            return false; // not a scheme: relative reference
        }
        buf[n] = b.to_ascii_lowercase();
        n += 1;
    }
    let head = &buf[..n];
    [
        &b"javascript:"[..],
        b"mailto:",
        b"tel:",
        b"data:",
        b"about:",
        b"vbscript:",
        b"sms:",
        b"file:",
    ]
    .contains(&head)
}

static SCRIPT_TARGET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r#"(?:window\.open|open|location\.replace|location\.assign|navigate)\s*\(\s*['"]([^'"]+)['"]"#,
        r#"|(?:location|location\.href|window\.location|document\.location|top\.location|parent\.location)(?:\.href)?\s*=\s*['"]([^'"]+)['"]"#,
    ))
    .expect("script target regex")
});

/// URLs targeted by an inline script snippet (`onclick`, `javascript:` href).
pub fn script_targets(js: &str) -> Vec<&str> {
    SCRIPT_TARGET
        .captures_iter(js)
        .filter_map(|c| c.get(1).or_else(|| c.get(2)).map(|m| m.as_str()))
        .collect()
}

/// Text shown for a link: its text, else `title`, else the `alt` of an image inside.
pub fn link_text(el: ElementRef<'_>) -> String {
    let t = element_text(el);
    if !t.is_empty() {
        return t;
    }
    if let Some(t) = el.attr("title").map(collapse).filter(|t| !t.is_empty()) {
        return t;
    }
    el.descendent_elements()
        .filter(|d| d.value().name() == "img")
        .find_map(|img| img.attr("alt").map(collapse).filter(|t| !t.is_empty()))
        .unwrap_or_default()
}

/// Does an `<option value>` look like a link target rather than a form value?
fn looks_like_url(v: &str) -> bool {
    let v = v.trim();
    let l = v.to_ascii_lowercase();
    l.starts_with("http://")
        || l.starts_with("https://")
        || l.starts_with("//")
        || (v.starts_with('/') && v.len() > 1)
        || v.starts_with("./")
        || v.starts_with("../")
        || (l.starts_with("www.") && l.contains('.'))
}

fn push(facts: &mut PageFacts, url: Url, text: String, kind: LinkKind, element: &str) {
    if let Some(mk) = kind_for_url(&url) {
        facts.media.push(MediaRef {
            url,
            kind: mk,
            element: element.to_string(),
            context: text,
        });
    } else {
        facts.links.push(Link { url, text, kind });
    }
}

/// Collect links, script targets, option menus (in page order) and frames.
pub(crate) fn collect(ix: &PageIndex<'_>, r: &Resolver, facts: &mut PageFacts) {
    for el in &ix.linkish {
        match el.value().name() {
            "a" => {
                if let Some(href) = el.attr("href") {
                    if let Some(url) = r.resolve(href) {
                        push(facts, url, link_text(*el), LinkKind::Anchor, "a[href]");
                    } else if href
                        .trim_start()
                        .to_ascii_lowercase()
                        .starts_with("javascript:")
                    {
                        for t in script_targets(href) {
                            if let Some(url) = r.resolve(t) {
                                push(facts, url, link_text(*el), LinkKind::Script, "a[href]");
                            }
                        }
                    }
                }
            }
            "area" => {
                if let Some(url) = el.attr("href").and_then(|h| r.resolve(h)) {
                    let text = el
                        .attr("alt")
                        .or_else(|| el.attr("title"))
                        .map(collapse)
                        .unwrap_or_default();
                    push(facts, url, text, LinkKind::Area, "area[href]");
                }
            }
            "select" => {
                for opt in el
                    .descendent_elements()
                    .filter(|o| o.value().name() == "option")
                {
                    let Some(v) = opt.attr("value").filter(|v| looks_like_url(v)) else {
                        continue;
                    };
                    let v = v.trim();
                    let v = if v.to_ascii_lowercase().starts_with("www.") {
                        format!("http://{v}")
                    } else {
                        v.to_string()
                    };
                    if let Some(url) = r.resolve(&v) {
                        push(
                            facts,
                            url,
                            element_text(opt),
                            LinkKind::Option,
                            "option[value]",
                        );
                    }
                }
            }
            _ => {}
        }
        if let Some(js) = el.attr("onclick") {
            for t in script_targets(js) {
                if let Some(url) = r.resolve(t) {
                    let element = format!("{}[onclick]", el.value().name());
                    push(facts, url, link_text(*el), LinkKind::Script, &element);
                }
            }
        }
    }
    for f in &ix.frames {
        if let Some(url) = f.attr("src").and_then(|s| r.resolve(s))
            && kind_for_url(&url).is_none()
            && !facts.frames.contains(&url)
        {
            facts.frames.push(url);
        }
    }
    for s in &ix.scripts {
        if s.attr("src").is_some() {
            continue;
        }
        let js: String = s.text().collect();
        for t in container_loads(&js) {
            if let Some(url) = r.resolve(t)
                && kind_for_url(&url).is_none()
                && !facts.frames.contains(&url)
            {
                facts.frames.push(url);
            }
        }
    }
}

static LOAD_CALL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"\.load\(\s*['"]([^'"\s]+)['"]"#).expect("load regex"));
static FETCH_CALL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?:\$\.(?:get|post)\(\s*|\burl\s*:\s*)['"]([^'"\s]+)['"]"#).expect("get regex")
});

/// URLs of HTML fragments a script loads into a container of the page.
pub fn container_loads(js: &str) -> Vec<&str> {
    let mut out: Vec<&str> = LOAD_CALL
        .captures_iter(js)
        .filter_map(|c| c.get(1).map(|m| m.as_str()))
        .collect();
    if js.contains(".html(") || js.contains("innerHTML") {
        out.extend(
            FETCH_CALL
                .captures_iter(js)
                .filter_map(|c| c.get(1).map(|m| m.as_str()))
                .filter(|u| {
                    let path = u.split(['?', '#']).next().unwrap_or(u).to_ascii_lowercase();
                    [".html", ".htm", ".shtml", ".jsp", ".asp", ".aspx", ".php"]
                        .iter()
                        .any(|e| path.ends_with(e))
                }),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{MediaKind, extract};

    fn page() -> Url {
        Url::parse("http://www.example.gov.cn/zwgk/zfxxgkml/index.html").unwrap()
    }

    #[test]
    fn session_ids_are_not_part_of_the_page() {
        let r = Resolver::new(&page(), None);
        assert_eq!(
            r.resolve("/xxgk/list.jsp;jsessionid=8F3A2B61C0D1E2F3?columnId=12")
                .unwrap()
                .as_str(),
            "http://www.example.gov.cn/xxgk/list.jsp?columnId=12"
        );
        assert_eq!(
            r.resolve("content.jsp;JSESSIONID=ab12").unwrap().as_str(),
            "http://www.example.gov.cn/zwgk/zfxxgkml/content.jsp"
        );
        assert_eq!(
            r.resolve("/a;b/c.html").unwrap().as_str(),
            "http://www.example.gov.cn/a;b/c.html"
        );
    }

    #[test]
    fn container_loads_are_frames() {
        let f = extract(
            r##"<div id="xjlist"></div><script>$(function(){ $("#xjlist").load("/hdjl/ldxx/list.jsp?page=1"); });</script>
            <script>$.get('/hdjl/box.html', function(d){ $('#box').html(d); });</script>
            <script>$.get('/api/count.json', function(d){ $('#n').text(d.n); });</script>"##,
            &page(),
        );
        let got: Vec<&str> = f.frames.iter().map(Url::as_str).collect();
        assert_eq!(
            got,
            [
                "http://www.example.gov.cn/hdjl/ldxx/list.jsp?page=1",
                "http://www.example.gov.cn/hdjl/box.html"
            ]
        );
    }

    #[test]
    fn resolver_skips_and_strips() {
        let r = Resolver::from_url(&page());
        assert_eq!(r.resolve("javascript:void(0)"), None);
        assert_eq!(r.resolve(" JavaScript :;"), None);
        assert_eq!(r.resolve("mailto:a@b.cn"), None);
        assert_eq!(r.resolve("tel:12345"), None);
        assert_eq!(r.resolve("#top"), None);
        assert_eq!(r.resolve(""), None);
        assert_eq!(
            r.resolve("./lzyj/index.html#x").unwrap().as_str(),
            "http://www.example.gov.cn/zwgk/zfxxgkml/lzyj/index.html"
        );
        assert_eq!(
            r.resolve("/zwgk/预算决算/index.html").unwrap().as_str(),
            "http://www.example.gov.cn/zwgk/%E9%A2%84%E7%AE%97%E5%86%B3%E7%AE%97/index.html"
        );
        assert_eq!(
            r.resolve("../a b.html").unwrap().as_str(),
            "http://www.example.gov.cn/zwgk/a%20b.html"
        );
    }

    #[test]
    fn anchors_text_fallbacks_and_kinds() {
        let html = r##"<html><head><base href="http://base.gov.cn/root/"></head><body>
            <a href="a.html">&nbsp; 政务 公开&nbsp;</a>
            <a href="b.html" title="标题回退"></a>
            <a href="c.html"><img src="x.png" alt="图片回退"></a>
            <a href="javascript:;" onclick="window.open('/open.html')">打开</a>
            <span onclick="location.href='/go.html'">跳转</span>
            <a href="javascript:window.location='/js.html'">脚本</a>
            <map><area href="/area.html" alt="区域"></map>
            <select onchange="window.open(this.value)"><option>友情链接</option>
              <option value="http://www.gov.cn/">中国政府网</option>
              <option value="www.cq.gov.cn">重庆</option>
              <option value="all">全部</option></select>
            <a href="mailto:x@y.cn">信箱</a><a href="#">顶部</a>
            <a href="/files/附件1.PDF">附件1</a>
            <iframe src="/frame.html"></iframe><iframe src="/frame.html"></iframe>
            </body></html>"##;
        let f = extract(html, &page());
        let got: Vec<(&str, &str, LinkKind)> = f
            .links
            .iter()
            .map(|l| (l.url.as_str(), l.text.as_str(), l.kind))
            .collect();
        assert_eq!(
            got,
            vec![
                (
                    "http://base.gov.cn/root/a.html",
                    "政务 公开",
                    LinkKind::Anchor
                ),
                (
                    "http://base.gov.cn/root/b.html",
                    "标题回退",
                    LinkKind::Anchor
                ),
                (
                    "http://base.gov.cn/root/c.html",
                    "图片回退",
                    LinkKind::Anchor
                ),
                ("http://base.gov.cn/open.html", "打开", LinkKind::Script),
                ("http://base.gov.cn/go.html", "跳转", LinkKind::Script),
                ("http://base.gov.cn/js.html", "脚本", LinkKind::Script),
                ("http://base.gov.cn/area.html", "区域", LinkKind::Area),
                ("http://www.gov.cn/", "中国政府网", LinkKind::Option),
                ("http://www.cq.gov.cn/", "重庆", LinkKind::Option),
            ]
        );
        assert_eq!(
            f.frames.iter().map(Url::as_str).collect::<Vec<_>>(),
            ["http://base.gov.cn/frame.html"]
        );
        let fs = extract(
            r#"<frameset><frame src="top.html"><frame src="/main.html"></frameset>"#,
            &page(),
        );
        assert_eq!(fs.frames.len(), 2);
        assert!(fs.links.is_empty());
        let pdf = f.media.iter().find(|m| m.element == "a[href]").unwrap();
        assert_eq!(pdf.kind, MediaKind::Document);
        assert_eq!(pdf.context, "附件1");
        assert!(pdf.url.as_str().ends_with("/files/%E9%99%84%E4%BB%B61.PDF"));
    }
}
