//! Per-host special behaviours read from `<root>/<host>/_routes.toml` (the file is not served).
//!
//! ```toml
//! [[route]]
//! path = "/slow/index.html"       # exact decoded path; query ignored unless `query` is given
//! query = "d=1"                   # optional: exact query string required
//! prefix = false                  # true: `path` matches as a prefix
//! delay_ms = 4000                 # delay before the response headers
//! status = 302                    # default 200
//! location = "/loop/b.html"       # Location header
//! headers = { "Retry-After" = "1" }
//! times = 1                       # apply only to the first N matching requests
//! body = "<html>…</html>"         # inline body, or
//! body_file = "_bodies/waf412.html" # a file relative to the host dir, or
//! body_bytes = 20000000           # generated filler of this size (streamed)
//! slow_body_ms = 0                # pause after each 1 KiB body chunk
//! trap = "calendar"               # or "deep": generated crawler-trap pages under the prefix
//! unless_cookie = "ts=ok"          # the route does not apply to requests carrying this cookie
//!                                  # (a WAF challenge that a browser passes)
//! search = "searchword"            # a search engine: results for the parameter's value
//! search_charset = "gbk"           #   (see [`super::search`]), decoded in this charset,
//! search_require = ["websiteid=1"] #   and only when these parameters are sent
//! ```
//!
//! A route that sets neither a non-200 `status`, a `location`, a body nor a trap only modifies
//! the normal static answer (delay, extra headers, trickled body). The first matching route
//! that still has `times` left applies.

use std::collections::{BTreeMap, HashMap};
use std::sync::atomic::{AtomicU64, Ordering};

use bytes::Bytes;
use hyper::header::{HeaderName, HeaderValue};
use serde::Deserialize;

use super::TestSiteError;
use super::httpdate;
use super::site::HostSite;

#[derive(Debug, Deserialize)]
struct RoutesFile {
    #[serde(default)]
    route: Vec<RouteSpec>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RouteSpec {
    path: String,
    #[serde(default)]
    query: Option<String>,
    #[serde(default)]
    prefix: bool,
    #[serde(default)]
    delay_ms: u64,
    #[serde(default)]
    status: Option<u16>,
    #[serde(default)]
    location: Option<String>,
    #[serde(default)]
    headers: BTreeMap<String, String>,
    #[serde(default)]
    times: Option<u64>,
    #[serde(default)]
    body: Option<String>,
    #[serde(default)]
    body_file: Option<String>,
    #[serde(default)]
    body_bytes: Option<u64>,
    #[serde(default)]
    slow_body_ms: u64,
    #[serde(default)]
    trap: Option<String>,
    #[serde(default)]
    unless_cookie: Option<String>,
    #[serde(default)]
    search: Option<String>,
    #[serde(default)]
    search_charset: Option<String>,
    #[serde(default)]
    search_require: Vec<String>,
}

/// Generated crawler-trap families.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Trap {
    /// `?d=YYYY-MM-DD` pages linking to the previous and next day, forever.
    Calendar,
    /// Every path under the prefix links to `./a/`, one level deeper, forever.
    Deep,
}

/// The body a route answers with.
#[derive(Debug, Clone)]
pub(crate) enum RouteBody {
    /// Serve the static file (or a default body for non-2xx statuses).
    Default,
    /// A fixed body.
    Fixed(Bytes),
    /// Generated filler of this many bytes.
    Filler(u64),
    /// A trap page.
    Trap(Trap),
    /// Generated search results.
    Search(super::search::SearchSpec),
}

/// A compiled route.
#[derive(Debug)]
pub(crate) struct Route {
    pub path: String,
    pub query: Option<String>,
    pub prefix: bool,
    pub delay_ms: u64,
    pub status: u16,
    pub location: Option<String>,
    pub headers: Vec<(HeaderName, HeaderValue)>,
    pub times: Option<u64>,
    pub body: RouteBody,
    pub slow_body_ms: u64,
    /// `name=value`: requests with this cookie are answered normally
    pub unless_cookie: Option<String>,
    hits: AtomicU64,
}

impl Route {
    /// Whether the request (decoded path, also tried with `index.html` appended for
    /// directory requests; raw query) matches this route.
    /// The request's `Cookie` header decides `unless_cookie`.
    pub fn matches_with(
        &self,
        path: &str,
        resolved: &str,
        query: Option<&str>,
        cookie: Option<&str>,
    ) -> bool {
        if let (Some(want), Some(have)) = (&self.unless_cookie, cookie)
            && have.split(';').any(|c| c.trim() == want)
        {
            return false;
        }
        if let Some(q) = &self.query
            && query != Some(q.as_str())
        {
            return false;
        }
        if self.prefix {
            path.starts_with(&self.path) || resolved.starts_with(&self.path)
        } else {
            path == self.path || resolved == self.path
        }
    }

    /// Count a matching request; true while the route still applies (`times` not exhausted).
    pub fn claim(&self) -> bool {
        let n = self.hits.fetch_add(1, Ordering::Relaxed);
        self.times.is_none_or(|t| n < t)
    }

    /// Whether the route replaces the static answer rather than only modifying it.
    pub fn is_synthetic(&self) -> bool {
        self.status != 200 || self.location.is_some() || !matches!(self.body, RouteBody::Default)
    }
}

/// Parse and validate a host's `_routes.toml`.
pub(crate) fn compile(
    host: &str,
    text: &str,
    internal: &HashMap<String, Bytes>,
    site: &HostSite,
) -> Result<Vec<Route>, TestSiteError> {
    let file: RoutesFile = toml::from_str(text).map_err(|e| TestSiteError::Routes {
        host: host.to_string(),
        source: Box::new(e),
    })?;
    let mut out = Vec::with_capacity(file.route.len());
    for spec in file.route {
        let invalid = |message: String| TestSiteError::InvalidRoute {
            host: host.to_string(),
            path: spec.path.clone(),
            message,
        };
        if !spec.path.starts_with('/') {
            return Err(invalid("path 必须以 / 开头".into()));
        }
        let status = spec.status.unwrap_or(200);
        if !(100..=999).contains(&status) {
            return Err(invalid(format!("状态码无效: {status}")));
        }
        let sources = usize::from(spec.body.is_some())
            + usize::from(spec.body_file.is_some())
            + usize::from(spec.body_bytes.is_some())
            + usize::from(spec.trap.is_some())
            + usize::from(spec.search.is_some());
        if sources > 1 {
            return Err(invalid(
                "body / body_file / body_bytes / trap / search 只能设置一个".into(),
            ));
        }
        let body = if let Some(b) = spec.body {
            RouteBody::Fixed(Bytes::from(b))
        } else if let Some(f) = &spec.body_file {
            let key = f.trim_start_matches("./").trim_start_matches('/');
            let bytes = internal.get(key).cloned().or_else(|| {
                site.files
                    .get(&format!("/{key}"))
                    .and_then(|e| match &e.data {
                        super::site::FileData::Mem(b) => Some(b.clone()),
                        super::site::FileData::Disk { path, .. } => {
                            std::fs::read(path).ok().map(Bytes::from)
                        }
                    })
            });
            RouteBody::Fixed(bytes.ok_or_else(|| invalid(format!("找不到 body_file {f}")))?)
        } else if let Some(n) = spec.body_bytes {
            RouteBody::Filler(n)
        } else if let Some(t) = &spec.trap {
            match t.as_str() {
                "calendar" => RouteBody::Trap(Trap::Calendar),
                "deep" => RouteBody::Trap(Trap::Deep),
                other => return Err(invalid(format!("未知 trap 类型: {other}"))),
            }
        } else if let Some(param) = &spec.search {
            RouteBody::Search(
                super::search::SearchSpec::new(
                    param,
                    spec.search_charset.as_deref(),
                    &spec.search_require,
                )
                .map_err(invalid)?,
            )
        } else {
            RouteBody::Default
        };
        let mut headers = Vec::with_capacity(spec.headers.len());
        for (k, v) in &spec.headers {
            let name = HeaderName::from_bytes(k.as_bytes())
                .map_err(|e| invalid(format!("响应头名称无效 {k}: {e}")))?;
            let value =
                HeaderValue::from_str(v).map_err(|e| invalid(format!("响应头值无效 {k}: {e}")))?;
            headers.push((name, value));
        }
        if let Some(loc) = &spec.location {
            HeaderValue::from_str(loc).map_err(|e| invalid(format!("location 无效: {e}")))?;
        }
        out.push(Route {
            path: spec.path,
            query: spec.query,
            prefix: spec.prefix,
            delay_ms: spec.delay_ms,
            status,
            location: spec.location,
            headers,
            times: spec.times,
            body,
            slow_body_ms: spec.slow_body_ms,
            unless_cookie: spec.unless_cookie,
            hits: AtomicU64::new(0),
        });
    }
    Ok(out)
}

use crate::escape::html_escape as esc;

/// Generate a trap page for the decoded request path and raw query.
pub(crate) fn trap_page(trap: Trap, path: &str, query: Option<&str>) -> Bytes {
    match trap {
        Trap::Calendar => {
            let day = query
                .and_then(|q| {
                    q.split('&')
                        .find_map(|kv| kv.strip_prefix("d="))
                        .and_then(httpdate::parse_ymd)
                })
                .unwrap_or_else(|| httpdate::days_from_civil(2026, 11, 1));
            let (d, prev, next) = (
                httpdate::format_ymd(day),
                httpdate::format_ymd(day - 1),
                httpdate::format_ymd(day + 1),
            );
            let p = esc(path);
            Bytes::from(format!(
                "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>活动日历 {d} - 秀水区人民政府</title>\
<meta name=\"SiteName\" content=\"秀水区人民政府\"><meta name=\"ColumnName\" content=\"活动日历\"></head>\n\
<body><div class=\"position\">您当前的位置：<a href=\"/\">首页</a> &gt; <a href=\"/hdjl/\">互动交流</a> &gt; 活动日历</div>\n\
<div class=\"rl\"><h1>{d} 活动安排</h1><p>本日暂无活动安排。</p>\n\
<a class=\"prev\" href=\"{p}?d={prev}\">前一天</a> | <a class=\"next\" href=\"{p}?d={next}\">后一天</a></div>\n\
</body></html>\n"
            ))
        }
        Trap::Deep => {
            let depth = path.split('/').filter(|s| !s.is_empty()).count();
            Bytes::from(format!(
                "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>资料目录（第{depth}层）</title></head>\n\
<body><div class=\"position\">您当前的位置：<a href=\"/\">首页</a> &gt; 资料目录</div>\n\
<ul><li><a href=\"./a/\">下一级目录</a></li><li><a href=\"../\">上一级</a></li></ul>\n</body></html>\n"
            ))
        }
    }
}
