//! What a response body is, from its first bytes: an HTML page or not, and its `<title>`.
//! The one place these are decided, for the crawl (is this a page to parse?), the
//! verification stage (an HTML error page served where a file was expected, soft-404
//! fingerprints) and the demo site.

fn starts(b: &[u8], magic: &[u8]) -> bool {
    b.len() >= magic.len() && &b[..magic.len()] == magic
}

/// Skip a UTF-8 BOM and leading ASCII whitespace.
pub fn trim_text_start(b: &[u8]) -> &[u8] {
    let b = b.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(b);
    let n = b.iter().take_while(|c| c.is_ascii_whitespace()).count();
    &b[n..]
}

/// Does the start (first 1,024 bytes) look like an HTML document?
pub fn looks_like_html(b: &[u8]) -> bool {
    let head = trim_text_start(&b[..b.len().min(1024)]);
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let has = |n: &[u8]| lower.windows(n.len()).any(|w| w == n);
    starts(&lower, b"<!doctype html")
        || starts(&lower, b"<html")
        || has(b"<html")
        || has(b"<head")
        || has(b"<body")
        || has(b"<title")
        || (starts(&lower, b"<!--") && has(b"<meta"))
        || (starts(&lower, b"<script") && !has(b"<svg"))
}

/// Is a response an HTML page: declared as HTML, or declared as plain text or undeclared
/// and looking like HTML?
pub fn is_html(content_type: Option<&str>, body: &[u8]) -> bool {
    match content_type {
        Some(ct) => {
            let ct = ct.to_ascii_lowercase();
            ct.contains("html") || (ct.starts_with("text/plain") && looks_like_html(body))
        }
        None => looks_like_html(body),
    }
}

/// `<title>` text of an HTML text (a whole page or its start), whitespace-collapsed;
/// `None` when there is none or it is empty.
pub fn title_of(html: &str) -> Option<String> {
    let lower = html.to_ascii_lowercase();
    let start = lower.find("<title")?;
    let open_end = start + lower[start..].find('>')? + 1;
    let end = open_end + lower[open_end..].find("</title")?;
    let t: String = html[open_end..end]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    (!t.is_empty()).then_some(t)
}
