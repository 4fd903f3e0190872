//! The hyper service: host selection, routes, static files, validators, ranges, recording.

use std::collections::HashMap;
use std::convert::Infallible;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use bytes::Bytes;
use http_body_util::{BodyExt, Full, StreamBody, combinators::BoxBody};
use hyper::body::{Frame, Incoming};
use hyper::header::{self, HeaderMap, HeaderValue};
use hyper::{Method, Request, Response, StatusCode};
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::task::JoinSet;

use super::RequestRecord;
use super::httpdate;
use super::routes::{self, Route, RouteBody};
use super::site::{FileEntry, HostSite};

type Body = BoxBody<Bytes, Infallible>;

/// Grace period for in-flight requests at shutdown.
const SHUTDOWN_GRACE: Duration = Duration::from_millis(500);
/// Chunk size for trickled and generated bodies.
const SLOW_CHUNK: usize = 1024;
const FILLER_CHUNK: usize = 64 * 1024;

/// Shared server state.
pub(crate) struct State {
    hosts: HashMap<String, Arc<HostSite>>,
    records: Mutex<Vec<RequestRecord>>,
    started: Instant,
}

impl State {
    pub fn new(hosts: HashMap<String, Arc<HostSite>>) -> Self {
        State {
            hosts,
            records: Mutex::new(Vec::new()),
            started: Instant::now(),
        }
    }

    pub fn records(&self) -> Vec<RequestRecord> {
        self.records
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    pub fn host_names(&self) -> Vec<String> {
        let mut v: Vec<String> = self.hosts.keys().cloned().collect();
        v.sort();
        v
    }

    fn record(&self, r: RequestRecord) {
        self.records
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(r);
    }
}

/// Accept connections until the shutdown signal (or the sender being dropped).
pub(crate) async fn accept_loop(
    listener: TcpListener,
    state: Arc<State>,
    mut shutdown: watch::Receiver<bool>,
) {
    let mut conns = JoinSet::new();
    loop {
        tokio::select! {
            res = listener.accept() => {
                let Ok((stream, _peer)) = res else { continue };
                let _ = stream.set_nodelay(true);
                let state = state.clone();
                let mut stop = shutdown.clone();
                conns.spawn(async move {
                    let svc = hyper::service::service_fn(move |req| {
                        let state = state.clone();
                        async move { Ok::<_, Infallible>(handle(&state, req).await) }
                    });
                    let conn = hyper::server::conn::http1::Builder::new()
                        .timer(TokioTimer::new())
                        .keep_alive(true)
                        .serve_connection(TokioIo::new(stream), svc);
                    tokio::pin!(conn);
                    tokio::select! {
                        _ = conn.as_mut() => {}
                        _ = async { stop.wait_for(|v| *v).await.is_ok() } => {
                            conn.as_mut().graceful_shutdown();
                            let _ = conn.await;
                        }
                    }
                });
            }
            _ = shutdown.changed() => break,
            Some(_) = conns.join_next(), if !conns.is_empty() => {}
        }
    }
    // Closing the listener first; then give in-flight requests a short grace period.
    drop(listener);
    let _ = tokio::time::timeout(SHUTDOWN_GRACE, async {
        while conns.join_next().await.is_some() {}
    })
    .await;
    conns.abort_all();
}

fn full(b: impl Into<Bytes>) -> Body {
    Full::new(b.into()).boxed()
}

fn header_str(h: &HeaderMap, name: header::HeaderName) -> Option<String> {
    h.get(name)
        .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned())
}

/// Host name from the Host header or the absolute-form URI: port stripped, lower-cased.
fn host_of(req: &Request<Incoming>) -> String {
    let raw = req
        .headers()
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
        .or_else(|| req.uri().host().map(str::to_string))
        .unwrap_or_default();
    let raw = raw.trim();
    let name = if let Some(rest) = raw.strip_prefix('[') {
        rest.split(']').next().unwrap_or("")
    } else {
        raw.rsplit_once(':').map_or(raw, |(h, _)| h)
    };
    name.trim_end_matches('.').to_ascii_lowercase()
}

/// Percent-decode a path as UTF-8 (invalid sequences replaced).
fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() {
            let hex = |c: u8| (c as char).to_digit(16);
            if let (Some(h), Some(l)) = (hex(b[i + 1]), hex(b[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Remove `.` and `..` segments so paths cannot escape the host directory.
fn normalize(path: &str) -> String {
    let mut segs: Vec<&str> = Vec::new();
    for s in path.split('/') {
        match s {
            "" | "." => {}
            ".." => {
                segs.pop();
            }
            s => segs.push(s),
        }
    }
    let mut out = String::with_capacity(path.len() + 1);
    for s in &segs {
        out.push('/');
        out.push_str(s);
    }
    if path.ends_with('/') || out.is_empty() {
        out.push('/');
    }
    out
}

fn simple_page(status: u16, text: &str) -> Bytes {
    Bytes::from(format!(
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{status} {text}</title></head>\
<body><h1>{status}</h1><p>{text}</p></body></html>\n"
    ))
}

fn status_text(status: u16) -> &'static str {
    match status {
        301 | 302 | 303 | 307 | 308 => "页面已移动",
        403 => "禁止访问",
        404 => "您访问的页面不存在",
        412 => "请求被拒绝",
        429 => "访问过于频繁，请稍后再试",
        500 => "服务器内部错误",
        502 | 504 => "网关错误",
        503 => "服务暂不可用",
        521 => "源站连接失败",
        _ => "服务器响应",
    }
}

async fn handle(state: &State, req: Request<Incoming>) -> Response<Body> {
    let at_ms = state.started.elapsed().as_millis() as u64;
    let host = host_of(&req);
    let raw_path = req.uri().path().to_string();
    let query = req.uri().query().map(str::to_string);
    let path_and_query = req
        .uri()
        .path_and_query()
        .map_or_else(|| raw_path.clone(), |pq| pq.as_str().to_string());
    let headers = req.headers();
    let mut record = RequestRecord {
        host: host.clone(),
        method: req.method().to_string(),
        path: path_and_query,
        at_ms,
        status: 0,
        user_agent: header_str(headers, header::USER_AGENT),
        range: header_str(headers, header::RANGE),
        if_none_match: header_str(headers, header::IF_NONE_MATCH),
        if_modified_since: header_str(headers, header::IF_MODIFIED_SINCE),
        cookie: header_str(headers, header::COOKIE),
    };
    let resp = respond(state, &req, &host, &raw_path, query.as_deref()).await;
    record.status = resp.status().as_u16();
    state.record(record);
    resp
}

async fn respond(
    state: &State,
    req: &Request<Incoming>,
    host: &str,
    raw_path: &str,
    query: Option<&str>,
) -> Response<Body> {
    let head = req.method() == Method::HEAD;
    let cookie = header_str(req.headers(), header::COOKIE);
    let Some(site) = state.hosts.get(host) else {
        return plain(404, simple_page(404, "未知主机"), head);
    };
    // like a servlet container: a `;jsessionid=` path parameter names the session, not the file
    let raw_path = match raw_path.to_ascii_lowercase().find(";jsessionid=") {
        Some(at) => {
            let end = raw_path[at..].find('/').map_or(raw_path.len(), |e| at + e);
            std::borrow::Cow::Owned(format!("{}{}", &raw_path[..at], &raw_path[end..]))
        }
        None => std::borrow::Cow::Borrowed(raw_path),
    };
    let path = normalize(&percent_decode(&raw_path));
    let resolved = if path.ends_with('/') {
        format!("{path}index.html")
    } else {
        path.clone()
    };

    let route = site
        .routes
        .iter()
        .find(|r| r.matches_with(&path, &resolved, query, cookie.as_deref()) && r.claim());
    if let Some(route) = route {
        if route.delay_ms > 0 {
            tokio::time::sleep(Duration::from_millis(route.delay_ms)).await;
        }
        if route.is_synthetic() {
            return synthetic(site, route, &path, &resolved, query, head).await;
        }
    }

    if req.method() != Method::GET && !head {
        let mut r = plain(405, simple_page(405, "不支持的请求方法"), head);
        r.headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        return r;
    }

    let Some(entry) = site.files.get(&resolved) else {
        let dir = path.trim_end_matches('/');
        if !path.ends_with('/') && site.dirs.contains(dir) {
            let loc = match query {
                Some(q) => format!("{raw_path}/?{q}"),
                None => format!("{raw_path}/"),
            };
            let mut r = plain(301, simple_page(301, status_text(301)), head);
            if let Ok(v) = HeaderValue::from_str(&loc) {
                r.headers_mut().insert(header::LOCATION, v);
            }
            return r;
        }
        return plain(404, simple_page(404, status_text(404)), head);
    };
    let mut resp = serve_file(entry, req.headers(), head).await;
    if let Some(route) = route {
        for (k, v) in &route.headers {
            resp.headers_mut().insert(k.clone(), v.clone());
        }
        if route.slow_body_ms > 0 && !head {
            let (parts, body) = resp.into_parts();
            let bytes = body
                .collect()
                .await
                .map(|c| c.to_bytes())
                .unwrap_or_default();
            resp = Response::from_parts(parts, trickle(bytes, route.slow_body_ms));
        }
    }
    resp
}

/// A response with a fixed HTML body.
fn plain(status: u16, body: Bytes, head: bool) -> Response<Body> {
    let len = body.len();
    let mut r = Response::new(if head { full(Bytes::new()) } else { full(body) });
    *r.status_mut() = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let h = r.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/html"));
    h.insert(header::CONTENT_LENGTH, HeaderValue::from(len));
    r
}

/// Body sent in 1 KiB chunks with a pause after each.
fn trickle(bytes: Bytes, pause_ms: u64) -> Body {
    let stream = futures::stream::unfold(bytes, move |mut rest| async move {
        if rest.is_empty() {
            return None;
        }
        let chunk = rest.split_to(rest.len().min(SLOW_CHUNK));
        tokio::time::sleep(Duration::from_millis(pause_ms)).await;
        Some((Ok::<_, Infallible>(Frame::data(chunk)), rest))
    });
    BodyExt::boxed(StreamBody::new(stream))
}

/// Generated filler body of exactly `len` bytes, optionally trickled.
fn filler(len: u64, pause_ms: u64) -> Body {
    let mut pattern = Vec::with_capacity(FILLER_CHUNK);
    let head = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>超大页面</title></head><body>\n";
    let line = b"<p>zwgk filler 0123456789 abcdefghijklmnopqrstuvwxyz</p>\n";
    while pattern.len() < FILLER_CHUNK {
        pattern.extend_from_slice(line);
    }
    pattern.truncate(FILLER_CHUNK);
    let first = {
        let mut f = head.as_bytes().to_vec();
        f.extend_from_slice(&pattern[..FILLER_CHUNK - head.len()]);
        Bytes::from(f)
    };
    let pattern = Bytes::from(pattern);
    let chunk = if pause_ms > 0 {
        SLOW_CHUNK as u64
    } else {
        FILLER_CHUNK as u64
    };
    let stream = futures::stream::unfold(0u64, move |sent| {
        let (first, pattern) = (first.clone(), pattern.clone());
        async move {
            if sent >= len {
                return None;
            }
            let n = (len - sent).min(chunk) as usize;
            let src = if sent == 0 { first } else { pattern };
            if pause_ms > 0 {
                tokio::time::sleep(Duration::from_millis(pause_ms)).await;
            }
            Some((
                Ok::<_, Infallible>(Frame::data(src.slice(..n))),
                sent + n as u64,
            ))
        }
    });
    BodyExt::boxed(StreamBody::new(stream))
}

async fn synthetic(
    site: &HostSite,
    route: &Route,
    path: &str,
    resolved: &str,
    query: Option<&str>,
    head: bool,
) -> Response<Body> {
    let status = route.status;
    let mut content_type = HeaderValue::from_static("text/html");
    let (body, len): (Body, u64) = match &route.body {
        RouteBody::Fixed(b) => (
            if route.slow_body_ms > 0 {
                trickle(b.clone(), route.slow_body_ms)
            } else {
                full(b.clone())
            },
            b.len() as u64,
        ),
        RouteBody::Filler(n) => (filler(*n, route.slow_body_ms), *n),
        RouteBody::Trap(t) => {
            let b = routes::trap_page(*t, path, query);
            (full(b.clone()), b.len() as u64)
        }
        RouteBody::Search(spec) => {
            let b = super::search::results(site, spec, query).await;
            (full(b.clone()), b.len() as u64)
        }
        RouteBody::Default => {
            let file = site.files.get(resolved);
            let b = match file {
                Some(f) if (200..300).contains(&status) => {
                    content_type = HeaderValue::from_static(f.content_type);
                    f.bytes().await.unwrap_or_default()
                }
                _ if (300..400).contains(&status) || status == 204 || status == 304 => Bytes::new(),
                _ => simple_page(status, status_text(status)),
            };
            (full(b.clone()), b.len() as u64)
        }
    };
    let body = if head { full(Bytes::new()) } else { body };
    let mut r = Response::new(body);
    *r.status_mut() = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let h = r.headers_mut();
    h.insert(header::CONTENT_TYPE, content_type);
    if status != 204 && status != 304 {
        h.insert(header::CONTENT_LENGTH, HeaderValue::from(len));
    }
    if let Some(loc) = &route.location
        && let Ok(v) = HeaderValue::from_str(loc)
    {
        h.insert(header::LOCATION, v);
    }
    for (k, v) in &route.headers {
        h.insert(k.clone(), v.clone());
    }
    r
}

/// Parsed `Range` header against a body of `len` bytes.
enum RangeReq {
    /// No usable single range: serve the whole body.
    Full,
    /// Inclusive byte range.
    Part(u64, u64),
    /// Syntactically valid but outside the body.
    Unsatisfiable,
}

fn parse_range(h: &str, len: u64) -> RangeReq {
    let Some(spec) = h.trim().strip_prefix("bytes=") else {
        return RangeReq::Full;
    };
    if spec.contains(',') {
        return RangeReq::Full;
    }
    let Some((a, b)) = spec.trim().split_once('-') else {
        return RangeReq::Full;
    };
    let (a, b) = (a.trim(), b.trim());
    if a.is_empty() {
        let Ok(n) = b.parse::<u64>() else {
            return RangeReq::Full;
        };
        if n == 0 || len == 0 {
            return RangeReq::Unsatisfiable;
        }
        return RangeReq::Part(len.saturating_sub(n), len - 1);
    }
    let Ok(start) = a.parse::<u64>() else {
        return RangeReq::Full;
    };
    let end = if b.is_empty() {
        u64::MAX
    } else {
        match b.parse::<u64>() {
            Ok(e) if e >= start => e,
            _ => return RangeReq::Full,
        }
    };
    if start >= len {
        return RangeReq::Unsatisfiable;
    }
    RangeReq::Part(start, end.min(len - 1))
}

/// Whether an `If-None-Match` list matches `etag` (weak comparison).
fn etag_matches(list: &str, etag: &str) -> bool {
    let strip = |s: &str| s.trim().trim_start_matches("W/").to_string();
    let want = strip(etag);
    list.split(',').any(|t| t.trim() == "*" || strip(t) == want)
}

async fn serve_file(entry: &FileEntry, headers: &HeaderMap, head: bool) -> Response<Body> {
    let mut r = Response::new(full(Bytes::new()));
    let h = r.headers_mut();
    if let Ok(v) = HeaderValue::from_str(&entry.etag) {
        h.insert(header::ETAG, v);
    }
    if let Ok(v) = HeaderValue::from_str(&httpdate::format(entry.mtime)) {
        h.insert(header::LAST_MODIFIED, v);
    }
    h.insert(header::ACCEPT_RANGES, HeaderValue::from_static("bytes"));
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(entry.content_type),
    );

    let inm = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok());
    let not_modified = match inm {
        Some(list) => etag_matches(list, &entry.etag),
        None => headers
            .get(header::IF_MODIFIED_SINCE)
            .and_then(|v| v.to_str().ok())
            .and_then(httpdate::parse)
            .is_some_and(|since| since >= entry.mtime),
    };
    if not_modified {
        *r.status_mut() = StatusCode::NOT_MODIFIED;
        return r;
    }

    let range = headers
        .get(header::RANGE)
        .and_then(|v| v.to_str().ok())
        .map_or(RangeReq::Full, |v| parse_range(v, entry.len));
    match range {
        RangeReq::Unsatisfiable => {
            *r.status_mut() = StatusCode::RANGE_NOT_SATISFIABLE;
            let h = r.headers_mut();
            if let Ok(v) = HeaderValue::from_str(&format!("bytes */{}", entry.len)) {
                h.insert(header::CONTENT_RANGE, v);
            }
            h.insert(header::CONTENT_LENGTH, HeaderValue::from(0u64));
            r
        }
        RangeReq::Part(start, end) => {
            *r.status_mut() = StatusCode::PARTIAL_CONTENT;
            let h = r.headers_mut();
            if let Ok(v) = HeaderValue::from_str(&format!("bytes {start}-{end}/{}", entry.len)) {
                h.insert(header::CONTENT_RANGE, v);
            }
            h.insert(header::CONTENT_LENGTH, HeaderValue::from(end - start + 1));
            if !head {
                match entry.bytes().await {
                    Ok(b) => {
                        let end = (end as usize + 1).min(b.len());
                        let start = (start as usize).min(end);
                        *r.body_mut() = full(b.slice(start..end));
                    }
                    Err(_) => return plain(500, simple_page(500, status_text(500)), head),
                }
            }
            r
        }
        RangeReq::Full => {
            r.headers_mut()
                .insert(header::CONTENT_LENGTH, HeaderValue::from(entry.len));
            if !head {
                match entry.bytes().await {
                    Ok(b) => *r.body_mut() = full(b),
                    Err(_) => return plain(500, simple_page(500, status_text(500)), head),
                }
            }
            r
        }
    }
}

#[cfg(test)]
mod unit {
    use super::*;

    #[test]
    fn decode_and_normalize() {
        assert_eq!(
            percent_decode("/zwgk/%E9%A2%84%E7%AE%97/index.html"),
            "/zwgk/预算/index.html"
        );
        assert_eq!(percent_decode("/a%2"), "/a%2");
        assert_eq!(normalize("/a/../../b/./c/"), "/b/c/");
        assert_eq!(normalize("/"), "/");
        assert_eq!(normalize(""), "/");
    }

    #[test]
    fn ranges() {
        assert!(matches!(
            parse_range("bytes=0-9", 100),
            RangeReq::Part(0, 9)
        ));
        assert!(matches!(
            parse_range("bytes=90-", 100),
            RangeReq::Part(90, 99)
        ));
        assert!(matches!(
            parse_range("bytes=-10", 100),
            RangeReq::Part(90, 99)
        ));
        assert!(matches!(
            parse_range("bytes=0-999", 100),
            RangeReq::Part(0, 99)
        ));
        assert!(matches!(
            parse_range("bytes=100-", 100),
            RangeReq::Unsatisfiable
        ));
        assert!(matches!(parse_range("bytes=0-1,3-4", 100), RangeReq::Full));
        assert!(matches!(parse_range("items=0-1", 100), RangeReq::Full));
        assert!(etag_matches("W/\"abc\", \"def\"", "\"abc\""));
        assert!(!etag_matches("\"x\"", "\"abc\""));
    }
}
