//! Redirects a browser follows without a click: `<meta http-equiv="refresh">` in its
//! spellings (`0;URL=…`, `0; url='…'`, relative targets, `document.write`-n meta tags) and
//! unconditional one-line script redirects (`location.href='…'`, `location.replace(…)`,
//! `window.location='…'`, `top.location.href=…`).
//!
//! A redirect stub (a section landing page that sends the browser to its first
//! sub-column) is followed like an HTTP redirect by the crawl; it is never a column of its
//! own. Conditional redirects (`if (mobile) location.href=…`, redirects inside functions
//! or event handlers) are not followed: a person on a desktop browser stays on the page.

use super::PageIndex;
use super::links::Resolver;
use regex::Regex;
use std::sync::LazyLock;
use url::Url;

/// Body text (characters, whitespace removed) below which a page whose script touches
/// `location` may be a redirect stub the static reading cannot follow.
pub const STUB_TEXT_CHARS: usize = 120;

/// An inline script assigns or replaces `location`, or writes a refresh tag, in a way
/// [`find`] does not read (a URL built from variables, inside a timer or a function):
/// rendering tells where it goes.
static LOCATION_WRITE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r#"location(?:\s*\.\s*href)?\s*=[^=]|location\s*\.\s*(?:replace|assign)\s*\("#,
        // document.write of a refresh tag whose URL is built in script
        r#"|document\s*\.\s*write(?:ln)?\s*\([^)]*http-equiv\s*=\s*\\?['"]?(?i:refresh)"#
    ))
    .expect("location write regex")
});

/// The page may be a script redirect stub: little text of its own, and an inline script
/// that writes `location`.
pub(crate) fn script_may_redirect(ix: &PageIndex<'_>, text_chars: usize) -> bool {
    text_chars < STUB_TEXT_CHARS
        && ix.scripts.iter().any(|s| {
            s.attr("src").is_none() && LOCATION_WRITE.is_match(&s.text().collect::<String>())
        })
}

/// Refresh delays longer than this are an auto-reload notice, not a redirect.
const MAX_DELAY_S: f64 = 10.0;

/// `content` of a refresh meta: `0;URL=/a/`, `0; url='a.html'`, `3 ; URL = "x"`.
static REFRESH_CONTENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"(?is)^\s*([0-9.]*)\s*[;,]?\s*(?:url\s*=\s*)?['"]?\s*([^'"\s][^'"]*?)\s*['"]?\s*;?\s*$"#,
    )
    .expect("refresh regex")
});

/// A whole script that is one redirect statement (optionally wrapped in `<!-- -->`).
static SCRIPT_REDIRECT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r#"(?s)^(?:<!--)?\s*(?:"#,
        // location.href = '…' and friends
        r#"(?:(?:window|self|top|document|parent)\s*\.\s*)?location(?:\s*\.\s*href)?\s*=\s*['"]([^'"]+)['"]"#,
        // location.replace('…') / location.assign('…')
        r#"|(?:(?:window|self|top|document|parent)\s*\.\s*)?location\s*\.\s*(?:replace|assign)\s*\(\s*['"]([^'"]+)['"]\s*\)"#,
        // document.write('<meta http-equiv="refresh" content="0;url=…">')
        r#"|document\s*\.\s*write(?:ln)?\s*\(\s*(?:'([^']*)'|"([^"]*)")\s*\)"#,
        r#")\s*;?\s*(?://-->|-->)?\s*$"#,
    ))
    .expect("script redirect regex")
});

static WRITTEN_META: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?is)<meta\s[^>]*http-equiv\s*=\s*\\?['"]?refresh\\?['"]?[^>]*content\s*=\s*\\?(?:"([^"\\]*)|'([^'\\]*))"#)
        .expect("written meta regex")
});

/// The target of a refresh meta's `content`, if it redirects soon enough.
fn refresh_target(content: &str) -> Option<&str> {
    let c = REFRESH_CONTENT.captures(content)?;
    let delay = c.get(1).map(|m| m.as_str()).unwrap_or("");
    let delay: f64 = if delay.is_empty() {
        0.0
    } else {
        delay.parse().ok()?
    };
    if delay > MAX_DELAY_S {
        return None;
    }
    let target = c.get(2)?.as_str().trim();
    // `content="5"` (reload) has no target; a bare number is matched as delay only
    (!target.is_empty()).then_some(target)
}

/// Where the page sends the browser, if anywhere (not the page itself).
pub(crate) fn find(ix: &PageIndex<'_>, r: &Resolver, page: &Url) -> Option<Url> {
    let resolve = |t: &str| r.resolve(t).filter(|u| !same_page(u, page));
    for m in &ix.metas {
        let refresh = m
            .attr("http-equiv")
            .is_some_and(|v| v.trim().eq_ignore_ascii_case("refresh"));
        if refresh && let Some(u) = m.attr("content").and_then(refresh_target).and_then(resolve) {
            return Some(u);
        }
    }
    for s in &ix.scripts {
        if s.attr("src").is_some() {
            continue;
        }
        let js: String = s.text().collect();
        let js = js.trim();
        if js.len() > 600 {
            continue;
        }
        let Some(c) = SCRIPT_REDIRECT.captures(js) else {
            continue;
        };
        if let Some(t) = c.get(1).or_else(|| c.get(2)) {
            if let Some(u) = resolve(t.as_str()) {
                return Some(u);
            }
            continue;
        }
        let Some(written) = c.get(3).or_else(|| c.get(4)).map(|m| m.as_str()) else {
            continue;
        };
        if let Some(w) = WRITTEN_META.captures(written)
            && let Some(u) = w
                .get(1)
                .or_else(|| w.get(2))
                .and_then(|m| refresh_target(m.as_str()))
                .and_then(resolve)
        {
            return Some(u);
        }
    }
    None
}

fn same_page(a: &Url, b: &Url) -> bool {
    let strip = |u: &Url| {
        let mut u = u.clone();
        u.set_fragment(None);
        u
    };
    strip(a) == strip(b)
}

#[cfg(test)]
mod tests {
    use crate::extract::extract;
    use url::Url;

    fn target(html: &str) -> Option<String> {
        let base = Url::parse("http://www.x.gov.cn/zwgk/index.html").unwrap();
        extract(html, &base).redirect.map(|u| u.to_string())
    }

    #[test]
    fn meta_refresh_in_real_spellings() {
        for (html, want) in [
            (
                r#"<meta http-equiv="refresh" content="0;URL=./zfxxgkml/">"#,
                "http://www.x.gov.cn/zwgk/zfxxgkml/",
            ),
            (
                r#"<META HTTP-EQUIV="Refresh" CONTENT="0; url='zcjd/index.html'">"#,
                "http://www.x.gov.cn/zwgk/zcjd/index.html",
            ),
            (
                r#"<meta http-equiv=refresh content='1;url=/zwgk/tzgg/'>"#,
                "http://www.x.gov.cn/zwgk/tzgg/",
            ),
            (
                r#"<meta http-equiv="Refresh" content="0; URL = &quot;../a.html&quot;">"#,
                "http://www.x.gov.cn/a.html",
            ),
        ] {
            assert_eq!(target(html).as_deref(), Some(want), "{html}");
        }
    }

    #[test]
    fn script_redirects_one_line() {
        for (html, want) in [
            (
                r#"<script>location.href='./fdzdgknr/';</script>"#,
                "http://www.x.gov.cn/zwgk/fdzdgknr/",
            ),
            (
                r#"<script type="text/javascript">window.location.replace("/zwgk/zcjd/")</script>"#,
                "http://www.x.gov.cn/zwgk/zcjd/",
            ),
            (
                "<script>\n<!--\nwindow.location = \"lzyj/index.html\";\n//-->\n</script>",
                "http://www.x.gov.cn/zwgk/lzyj/index.html",
            ),
            (
                r#"<script>document.write('<meta http-equiv="Refresh" content="0;URL=./jgjj/">');</script>"#,
                "http://www.x.gov.cn/zwgk/jgjj/",
            ),
            (
                r#"<script>top.location.href = "http://www.x.gov.cn/zwgk/ysqgk/"</script>"#,
                "http://www.x.gov.cn/zwgk/ysqgk/",
            ),
        ] {
            assert_eq!(target(html).as_deref(), Some(want), "{html}");
        }
    }

    #[test]
    fn not_redirects() {
        for html in [
            // auto reload
            r#"<meta http-equiv="refresh" content="300">"#,
            // long delay notice
            r#"<meta http-equiv="refresh" content="600;url=/index.html">"#,
            // mobile redirect is conditional
            r#"<script>if(/Android|iPhone/i.test(navigator.userAgent)){location.href='index_wap.html';}</script>"#,
            // inside a function
            r#"<script>function go(){ location.href='/a/'; }</script>"#,
            // to itself
            r#"<meta http-equiv="refresh" content="0;url=index.html">"#,
            // a click handler is a link, not a redirect
            r#"<span onclick="location.href='/go.html'">跳转</span>"#,
        ] {
            assert_eq!(target(html), None, "{html}");
        }
    }
}
