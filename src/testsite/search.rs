//! Generated search results for fixture sites, so that a site's search form really
//! searches: a route with `search = "PARAM"` answers every request to its path with a
//! results page listing the host's HTML pages whose `<title>` contains the value of the
//! query parameter `PARAM` (percent-decoded in `search_charset`, default UTF-8; `+` is a
//! space). `search_require = ["websiteid=101", …]` names parameters the engine needs (the
//! hidden inputs of a Hanweb `jsearchfront` form): without them the page lists nothing.
//! The results page is written in the same charset, with relative links to the pages.

use bytes::Bytes;
use encoding_rs::Encoding;

use super::site::HostSite;

/// Most results listed.
const MAX_RESULTS: usize = 20;

/// A compiled `search` route.
#[derive(Debug, Clone)]
pub(crate) struct SearchSpec {
    pub param: String,
    pub charset: &'static Encoding,
    pub require: Vec<(String, String)>,
}

impl SearchSpec {
    pub fn new(param: &str, charset: Option<&str>, require: &[String]) -> Result<Self, String> {
        let charset = match charset {
            Some(c) => Encoding::for_label(c.as_bytes())
                .ok_or_else(|| format!("未知 search_charset: {c}"))?,
            None => encoding_rs::UTF_8,
        };
        let mut req = Vec::new();
        for r in require {
            let (k, v) = r
                .split_once('=')
                .ok_or_else(|| format!("search_require 应为 name=value: {r}"))?;
            req.push((k.to_string(), v.to_string()));
        }
        Ok(SearchSpec {
            param: param.to_string(),
            charset,
            require: req,
        })
    }
}

/// Percent-decode a form value (`+` = space) into bytes.
fn unescape(s: &str) -> Vec<u8> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < b.len() => {
                let hex = |c: u8| (c as char).to_digit(16);
                match (hex(b[i + 1]), hex(b[i + 2])) {
                    (Some(h), Some(l)) => {
                        out.push((h * 16 + l) as u8);
                        i += 3;
                        continue;
                    }
                    _ => out.push(b'%'),
                }
            }
            c => out.push(c),
        }
        i += 1;
    }
    out
}

use crate::escape::html_escape as esc;

/// The `<title>` of an HTML page, its site-name suffix (`_站名`, ` - 站名`) dropped.
fn title_of(html: &str) -> Option<String> {
    let t = crate::sniff::title_of(html)?;
    let t = t.split(['_']).next().unwrap_or(&t);
    let t = t.split(" - ").next().unwrap_or(t).trim();
    (!t.is_empty()).then(|| t.to_string())
}

/// The results page for the request's raw query string.
pub(crate) async fn results(site: &HostSite, spec: &SearchSpec, query: Option<&str>) -> Bytes {
    let enc = spec.charset;
    let params: Vec<(String, String)> = query
        .unwrap_or("")
        .split('&')
        .filter_map(|kv| kv.split_once('=').or(Some((kv, ""))))
        .map(|(k, v)| {
            let text = |s: &str| enc.decode(&unescape(s)).0.into_owned();
            (text(k), text(v).trim().to_string())
        })
        .collect();
    let get = |name: &str| {
        params
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    };
    let keyword = get(&spec.param).unwrap_or("").to_string();
    let complete = spec.require.iter().all(|(k, v)| get(k) == Some(v.as_str()));
    let mut hits: Vec<(String, String)> = Vec::new();
    if complete && !keyword.is_empty() {
        let mut paths: Vec<&String> = site
            .files
            .iter()
            .filter(|(_, f)| f.content_type == "text/html")
            .map(|(p, _)| p)
            .collect();
        paths.sort();
        for p in paths {
            let Some(f) = site.files.get(p) else { continue };
            let Ok(bytes) = f.bytes().await else { continue };
            let (html, _, _) = enc.decode(&bytes);
            if let Some(t) = title_of(&html)
                && t.contains(&keyword)
            {
                let link = p.strip_suffix("index.html").unwrap_or(p).to_string();
                hits.push((link, t));
                if hits.len() >= MAX_RESULTS {
                    break;
                }
            }
        }
    }
    let mut list = String::new();
    for (u, t) in &hits {
        list.push_str(&format!(
            "<li><a href=\"{}\" target=\"_blank\">{}</a><span class=\"url\">{}</span></li>\n",
            esc(u),
            esc(t).replace(&esc(&keyword), &format!("<em>{}</em>", esc(&keyword))),
            esc(u)
        ));
    }
    let note = if !complete {
        "检索参数不完整，请从网站首页的搜索框检索。".to_string()
    } else if keyword.is_empty() {
        "请输入检索词。".to_string()
    } else {
        format!("共找到 {} 条与“{}”相关的结果", hits.len(), esc(&keyword))
    };
    let page = format!(
        "<!DOCTYPE html>\n<html><head><meta charset=\"{}\"><title>检索结果</title></head>\n\
<body><div class=\"search-head\"><form action=\"\" method=\"get\"><input type=\"text\" name=\"{}\" value=\"{}\"></form></div>\n\
<div class=\"search-note\">{note}</div>\n<ul class=\"search-list\">\n{list}</ul>\n</body></html>\n",
        enc.name(),
        esc(&spec.param),
        esc(&keyword)
    );
    let (bytes, _, _) = enc.encode(&page);
    Bytes::from(bytes.into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_values_decode_in_their_charset() {
        let bytes = unescape("%CE%C4%C2%C3+a");
        let (v, _, _) = encoding_rs::GBK.decode(&bytes);
        assert_eq!(v, "文旅 a");
        assert_eq!(unescape("a%2"), b"a%2");
        assert_eq!(
            title_of("<TITLE>标题_站名</TITLE>").as_deref(),
            Some("标题")
        );
    }
}
