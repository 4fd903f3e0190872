//! Soft 404s: error pages answered with 200. Per host, one request for a random URL that
//! cannot exist gives the host's "not found" fingerprint (status, final URL, title, text
//! hash); later HTML answers are compared with it. Independently of the fingerprint, an HTML
//! page whose title says "页面不存在 / 404 / 找不到 / 已删除", or a redirect to the home page,
//! where a file or a specific page was expected, is a soft 404.

use crate::decode::decode_html;
use crate::fetch::{FetchOpts, Fetcher};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use tokio::sync::OnceCell;
use url::Url;

/// What a host answers for a URL that does not exist.
#[derive(Debug, Clone)]
pub struct Fingerprint {
    pub status: u16,
    pub final_url: Url,
    pub title: Option<String>,
    pub text_hash: u64,
    pub text_chars: usize,
    /// The random URL was redirected to the home page.
    pub to_home: bool,
}

impl Fingerprint {
    /// Does an HTML answer (title, text hash, size) look like this host's not-found page?
    pub fn matches(&self, title: Option<&str>, text_hash: u64, text_chars: usize) -> bool {
        if !(200..300).contains(&self.status) || self.to_home {
            return false;
        }
        if text_hash == self.text_hash && text_chars > 0 {
            return true;
        }
        // error pages often echo the requested URL: same title, nearly the same length
        match (title, self.title.as_deref()) {
            (Some(a), Some(b)) if a == b => {
                self.text_chars < 2000 && text_chars.abs_diff(self.text_chars) <= 64
            }
            _ => false,
        }
    }
}

/// Phrases of a "not found" page title or body.
const NOT_FOUND_PHRASES: &[&str] = &[
    "页面不存在",
    "您访问的页面不存在",
    "找不到",
    "无法找到",
    "已删除",
    "已被删除",
    "不存在或已",
    "页面未找到",
    "文件不存在",
    "not found",
    "404",
];

/// Does a page title say "not found"?
pub fn title_says_not_found(title: &str) -> bool {
    let t = title.trim().to_lowercase();
    if t.is_empty() {
        return false;
    }
    // "404" alone is a weak signal inside a long title (document numbers): only count it
    // at the start or as "404 …" / "错误404"
    if t.starts_with("404")
        || t.contains("错误404")
        || t.contains("404错误")
        || t.contains("404 not")
    {
        return true;
    }
    NOT_FOUND_PHRASES[..NOT_FOUND_PHRASES.len() - 1]
        .iter()
        .any(|p| t.contains(p))
}

/// Does the start of an HTML body say "not found" (title or visible text)?
pub fn body_says_not_found(html: &str) -> Option<&'static str> {
    let head: String = html.chars().take(8192).collect::<String>().to_lowercase();
    NOT_FOUND_PHRASES.iter().copied().find(|p| head.contains(p))
}

pub use crate::sniff::title_of;

/// A path a home page is served under (`/`, `/index.html`, `/default.htm` …).
pub fn is_home_path(url: &Url) -> bool {
    let p = url.path();
    if p == "/" || p.is_empty() {
        return true;
    }
    let Some(name) = p.strip_prefix('/') else {
        return false;
    };
    !name.contains('/')
        && ["index.", "default.", "main.", "home."]
            .iter()
            .any(|s| name.to_ascii_lowercase().starts_with(s))
}

/// Title, text hash and visible-text length of an HTML body (the same measures the crawl
/// stores for pages, so fingerprints compare with crawled pages).
pub fn measure(body: &[u8], content_type: Option<&str>, url: &Url) -> (Option<String>, u64, usize) {
    let decoded = decode_html(body, content_type);
    let facts = crate::extract::extract(&decoded.text, url);
    (
        facts.title.map(String::from),
        facts.text_hash,
        facts.text_chars,
    )
}

/// Per-origin fingerprints, each requested at most once per run.
#[derive(Default)]
pub struct Soft404Cache {
    cells: Mutex<HashMap<String, Arc<OnceCell<Option<Fingerprint>>>>>,
}

impl Soft404Cache {
    /// The fingerprint of `url`'s origin (requests it on first use; `None` when the probe
    /// failed).
    pub async fn get(&self, fetcher: &Fetcher, url: &Url) -> Option<Fingerprint> {
        let origin = url.origin().ascii_serialization();
        let cell = {
            let mut map = self.cells.lock().unwrap_or_else(|e| e.into_inner());
            map.entry(origin.clone()).or_default().clone()
        };
        cell.get_or_init(|| probe(fetcher, origin)).await.clone()
    }
}

async fn probe(fetcher: &Fetcher, origin: String) -> Option<Fingerprint> {
    let url = Url::parse(&format!(
        "{origin}/zwgk-no-such-page-{:016x}.html",
        rand::random::<u64>()
    ))
    .ok()?;
    let opts = FetchOpts {
        max_body: 256 * 1024,
        ..Default::default()
    };
    let f = fetcher.fetch(&url, &opts).await.ok()?;
    let (title, text_hash, text_chars) = measure(&f.body, f.content_type.as_deref(), &f.final_url);
    let to_home = !f.redirects.is_empty() && is_home_path(&f.final_url);
    tracing::debug!(%url, status = f.status, ?title, to_home, "soft-404 fingerprint");
    Some(Fingerprint {
        status: f.status,
        final_url: f.final_url,
        title,
        text_hash,
        text_chars,
        to_home,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn not_found_titles() {
        assert!(title_says_not_found("404 Not Found"));
        assert!(title_says_not_found("您访问的页面不存在"));
        assert!(title_says_not_found("抱歉，找不到该页面 - 秀水区人民政府"));
        assert!(title_says_not_found("该信息已删除"));
        assert!(!title_says_not_found("秀水区人民政府关于第404号建议的答复"));
        assert!(!title_says_not_found("政策解读"));
        assert!(!title_says_not_found(""));
    }

    #[test]
    fn titles_and_home_paths() {
        assert_eq!(
            title_of("<html><head><TITLE>\n 页面 不存在 </TITLE></head>").as_deref(),
            Some("页面 不存在")
        );
        assert_eq!(title_of("<p>no title</p>"), None);
        for (u, home) in [
            ("http://x.gov.cn/", true),
            ("http://x.gov.cn/index.html", true),
            ("http://x.gov.cn/Default.aspx", true),
            ("http://x.gov.cn/zwgk/index.html", false),
            ("http://x.gov.cn/a.pdf", false),
        ] {
            assert_eq!(is_home_path(&Url::parse(u).unwrap()), home, "{u}");
        }
    }

    #[test]
    fn fingerprint_matching() {
        let fp = Fingerprint {
            status: 200,
            final_url: Url::parse("http://x.gov.cn/zwgk-no-such-page-1.html").unwrap(),
            title: Some("出错了".into()),
            text_hash: 42,
            text_chars: 120,
            to_home: false,
        };
        assert!(fp.matches(Some("其他"), 42, 120));
        assert!(fp.matches(Some("出错了"), 7, 150));
        assert!(!fp.matches(Some("出错了"), 7, 5000));
        assert!(!fp.matches(Some("政策解读"), 7, 120));
        let real_404 = Fingerprint { status: 404, ..fp };
        assert!(!real_404.matches(Some("其他"), 42, 120));
    }
}
