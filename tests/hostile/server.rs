//! A hostile web site of our own, served on 127.0.0.1: everything a monthly unattended run
//! may meet some day, generated on the fly (nothing large is stored).
//!
//! Faults: gzip and brotli bombs (5 GB inflated), a 300 MB page, a slow trickle, a hang, a
//! connection reset mid-body, a wrong Content-Length, a redirect loop and a 60-hop chain,
//! session-id traps in the query and in the path, a query calendar and a path calendar, an
//! endless "next page" chain, 429 with Retry-After, a flaky 503, WAF 412/521 answers,
//! binary bytes and malformed HTML served as HTML, deep nesting, and hostile hrefs
//! (`javascript:`, `data:`, a 10,000-character URL, `user:pass@`, port 1, other hosts).
//! robots.txt disallows `/private/` and sends `Crawl-delay: inf`.

use bytes::Bytes;
use http_body_util::{BodyExt, Full, StreamBody, combinators::BoxBody};
use hyper::body::{Frame, Incoming};
use hyper::{Request, Response};
use hyper_util::rt::TokioIo;
use std::convert::Infallible;
use std::io::Write as _;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The host name the site answers for.
pub const HOST: &str = "www.hostile.gov.cn";
/// Inflated size of the compression bombs.
pub const BOMB_BYTES: u64 = 5 * 1024 * 1024 * 1024;
/// Size of the huge page and the huge attachment.
pub const HUGE_BYTES: u64 = 300 * 1024 * 1024;

type Body = BoxBody<Bytes, std::io::Error>;

/// One request the site saw.
#[derive(Debug, Clone)]
pub struct Seen {
    pub host: String,
    pub path: String,
    pub at: Duration,
    pub authorization: bool,
}

#[derive(Default)]
struct State {
    seen: Mutex<Vec<Seen>>,
    counter: AtomicU64,
    started: Mutex<Option<Instant>>,
}

/// The running site.
pub struct Hostile {
    pub addr: SocketAddr,
    state: Arc<State>,
}

impl Hostile {
    /// Requests seen so far.
    pub fn seen(&self) -> Vec<Seen> {
        self.state.seen.lock().unwrap().clone()
    }
}

/// Start the site on a free loopback port (inside the caller's tokio runtime).
pub async fn start() -> Hostile {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let state = Arc::new(State::default());
    *state.started.lock().unwrap() = Some(Instant::now());
    let st = state.clone();
    tokio::spawn(async move {
        loop {
            let Ok((stream, _)) = listener.accept().await else {
                continue;
            };
            let st = st.clone();
            tokio::spawn(async move {
                let svc = hyper::service::service_fn(move |req| {
                    let st = st.clone();
                    async move { Ok::<_, Infallible>(answer(&st, req).await) }
                });
                let _ = hyper::server::conn::http1::Builder::new()
                    .serve_connection(TokioIo::new(stream), svc)
                    .await;
            });
        }
    });
    Hostile { addr, state }
}

fn full(b: impl Into<Bytes>) -> Body {
    Full::new(b.into())
        .map_err(|e: Infallible| match e {})
        .boxed()
}

fn html(status: u16, body: impl Into<Bytes>) -> Response<Body> {
    Response::builder()
        .status(status)
        .header("content-type", "text/html; charset=utf-8")
        .body(full(body))
        .unwrap()
}

fn redirect(to: &str) -> Response<Body> {
    Response::builder()
        .status(302)
        .header("location", to)
        .body(full(""))
        .unwrap()
}

/// A hex value that looks like a session id, fresh every call.
fn fresh_id(st: &State) -> String {
    let n = st.counter.fetch_add(1, Ordering::Relaxed) + 1;
    let mut x = n.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0xD1B5_4A32_D192_ED03;
    let a = x;
    x = x.rotate_left(29).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    format!("{a:016x}{x:016x}")
}

/// Repeating markup: compresses ~1000:1 and is tag-dense (a DOM-memory bomb as well).
fn pattern_chunk() -> Vec<u8> {
    b"<p>x</p>".repeat(8 * 1024)
}

/// A gzip stream of `total` inflated bytes, compressed chunk by chunk as it is sent.
fn gzip_bomb(total: u64) -> Body {
    let chunk = pattern_chunk();
    let header: Vec<u8> = vec![0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 255];
    let state = (
        flate2::Compress::new(flate2::Compression::best(), false),
        flate2::Crc::new(),
        0u64,
        Some(header),
        false,
    );
    let s = futures::stream::unfold(state, move |(mut z, mut crc, sent, header, done)| {
        let chunk = chunk.clone();
        async move {
            if done {
                return None;
            }
            if let Some(h) = header {
                return Some((Ok(Frame::data(Bytes::from(h))), (z, crc, sent, None, false)));
            }
            let mut out = Vec::with_capacity(4096);
            if sent >= total {
                z.compress_vec(&[], &mut out, flate2::FlushCompress::Finish)
                    .unwrap();
                out.extend_from_slice(&crc.sum().to_le_bytes());
                out.extend_from_slice(&(total as u32).to_le_bytes());
                return Some((
                    Ok(Frame::data(Bytes::from(out))),
                    (z, crc, sent, None, true),
                ));
            }
            crc.update(&chunk);
            let mut input = &chunk[..];
            while !input.is_empty() {
                out.reserve(64 * 1024);
                let before = z.total_in();
                z.compress_vec(input, &mut out, flate2::FlushCompress::None)
                    .unwrap();
                input = &input[(z.total_in() - before) as usize..];
            }
            out.reserve(1024);
            z.compress_vec(&[], &mut out, flate2::FlushCompress::Sync)
                .unwrap();
            Some((
                Ok(Frame::data(Bytes::from(out))),
                (z, crc, sent + chunk.len() as u64, None, false),
            ))
        }
    });
    StreamBody::new(s).boxed()
}

/// A brotli stream of `total` inflated bytes, compressed as it is sent.
fn brotli_bomb(total: u64) -> Body {
    let chunk = pattern_chunk();
    let w = brotli::CompressorWriter::new(Vec::new(), 64 * 1024, 5, 22);
    let s = futures::stream::unfold((Some(w), 0u64), move |(w, sent)| {
        let chunk = chunk.clone();
        async move {
            let mut w = w?;
            if sent >= total {
                let rest = w.into_inner();
                return Some((Ok(Frame::data(Bytes::from(rest))), (None, sent)));
            }
            w.write_all(&chunk).unwrap();
            w.flush().unwrap();
            let out = std::mem::take(w.get_mut());
            Some((
                Ok(Frame::data(Bytes::from(out))),
                (Some(w), sent + chunk.len() as u64),
            ))
        }
    });
    StreamBody::new(s).boxed()
}

/// `total` bytes of page text, streamed in 64 KiB chunks.
fn huge(total: u64) -> Body {
    let chunk = Bytes::from("<p>政务公开 段落</p>\n".repeat(3000));
    let s = futures::stream::unfold(0u64, move |sent| {
        let chunk = chunk.clone();
        async move {
            if sent >= total {
                return None;
            }
            let n = chunk.len().min((total - sent) as usize);
            Some((Ok(Frame::data(chunk.slice(..n))), sent + n as u64))
        }
    });
    StreamBody::new(s).boxed()
}

/// One byte every 200 ms, for a minute.
fn trickle() -> Body {
    let s = futures::stream::unfold(0u32, |n| async move {
        if n >= 300 {
            return None;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
        Some((Ok(Frame::data(Bytes::from_static(b"<"))), n + 1))
    });
    StreamBody::new(s).boxed()
}

/// Some bytes, then the connection breaks.
fn reset_after_start() -> Body {
    let s = futures::stream::iter(vec![
        Ok(Frame::data(Bytes::from_static(b"<html><body><p>start"))),
        Err(std::io::Error::new(
            std::io::ErrorKind::ConnectionReset,
            "reset",
        )),
    ]);
    StreamBody::new(s).boxed()
}

fn binary_junk(len: usize) -> Vec<u8> {
    let mut x: u64 = 0x2545_F491_4F6C_DD1D;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect()
}

fn malformed() -> Vec<u8> {
    let mut b: Vec<u8> = Vec::new();
    b.extend_from_slice(b"<html><head><title>\xff\xfe broken \x00 title</title><meta charset=\"gb2312\"><base href=\"javascript:alert(1)\">");
    b.extend_from_slice(
        b"<body><table><tr><td><a href=\"/private/secret.html\">x</a><a href='\x00\x01'>y</a>",
    );
    b.extend_from_slice(&b"<div>".repeat(20_000));
    b.extend_from_slice("<p>当前位置：首页 > ".as_bytes());
    b.extend_from_slice(&b"<a href=\"".repeat(500));
    b.extend_from_slice(b"<script>location.href='");
    b.extend_from_slice(b"<!-- unterminated comment <select><option value=\"%zz%\">");
    b.extend_from_slice(&[0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1]);
    b
}

fn home(port: u16) -> String {
    let long = format!("/long?q={}", "a".repeat(10_000));
    format!(
        r#"<!doctype html><html><head><title>敌意测试站</title></head><body>
<div class="position">当前位置：<a href="/">首页</a></div>
<ul>
<li><a href="/gzip-bomb.html">压缩炸弹</a></li>
<li><a href="/brotli-bomb.html">brotli 炸弹</a></li>
<li><a href="/huge.html">超大页面</a></li>
<li><a href="/trickle.html">慢速正文</a></li>
<li><a href="/hang.html">挂起</a></li>
<li><a href="/reset.html">连接重置</a></li>
<li><a href="/short.html">长度错误</a></li>
<li><a href="/loop/a.html">重定向循环</a></li>
<li><a href="/chain/1.html">重定向链</a></li>
<li><a href="/session/?sid={sid}">会话</a></li>
<li><a href="/s/0123456789abcdef0123456789abcdef/index.html">路径会话</a></li>
<li><a href="/cal/?d=2026-11-05">日历</a></li>
<li><a href="/rl/2026/11/05/">路径日历</a></li>
<li><a href="/list/index_1.html">列表</a></li>
<li><a href="/busy.html">限流</a></li>
<li><a href="/flaky.html">不稳定</a></li>
<li><a href="/waf412.html">防火墙412</a></li>
<li><a href="/waf521.html">防火墙521</a></li>
<li><a href="/binary.html">二进制</a></li>
<li><a href="/malformed.html">畸形</a></li>
<li><a href="/private/secret.html">禁止抓取</a></li>
<li><a href="javascript:alert(1)">脚本</a></li>
<li><a href="data:text/html,<script>alert(1)</script>">data</a></li>
<li><a href="{long}">超长网址</a></li>
<li><a href="http://user:pass@{HOST}:{port}/cred.html">带口令</a></li>
<li><a href="http://{HOST}:1/port1.html">端口1</a></li>
<li><a href="http://www.other-host.example.com/">其他主机</a></li>
<li><a href="https://evil.example.net:{port}/">其他主机2</a></li>
</ul>
<img src="/img/bomb.jpg" alt="炸弹图片"><a href="/files/huge.pdf">超大附件.pdf</a>
</body></html>"#,
        sid = "f00dfeedf00dfeedf00dfeedf00dfeed",
    )
}

async fn answer(st: &State, req: Request<Incoming>) -> Response<Body> {
    let host = req
        .headers()
        .get("host")
        .and_then(|h| h.to_str().ok())
        .unwrap_or("")
        .split(':')
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    let pq = req
        .uri()
        .path_and_query()
        .map(|p| p.as_str().to_string())
        .unwrap_or_default();
    let path = req.uri().path().to_string();
    let query = req.uri().query().unwrap_or("").to_string();
    let at = st
        .started
        .lock()
        .unwrap()
        .map(|s| s.elapsed())
        .unwrap_or_default();
    let hits = {
        let mut seen = st.seen.lock().unwrap();
        let hits = seen.iter().filter(|s| s.path == pq).count();
        seen.push(Seen {
            host: host.clone(),
            path: pq.clone(),
            at,
            authorization: req.headers().contains_key("authorization"),
        });
        hits
    };
    let port = req
        .headers()
        .get("host")
        .and_then(|h| h.to_str().ok())
        .and_then(|h| h.rsplit_once(':'))
        .and_then(|(_, p)| p.parse().ok())
        .unwrap_or(80);
    match path.as_str() {
        "/" | "/index.html" => html(200, home(port)),
        "/robots.txt" => Response::builder()
            .header("content-type", "text/plain")
            .body(full(
                "User-agent: *\nCrawl-delay: inf\nDisallow: /private/\n",
            ))
            .unwrap(),
        "/gzip-bomb.html" | "/img/bomb.jpg" => Response::builder()
            .header(
                "content-type",
                if path.ends_with(".jpg") {
                    "image/jpeg"
                } else {
                    "text/html"
                },
            )
            .header("content-encoding", "gzip")
            .body(gzip_bomb(BOMB_BYTES))
            .unwrap(),
        "/brotli-bomb.html" => Response::builder()
            .header("content-type", "text/html")
            .header("content-encoding", "br")
            .body(brotli_bomb(BOMB_BYTES))
            .unwrap(),
        "/huge.html" | "/files/huge.pdf" => Response::builder()
            .header(
                "content-type",
                if path.ends_with(".pdf") {
                    "application/pdf"
                } else {
                    "text/html; charset=utf-8"
                },
            )
            .header("content-length", HUGE_BYTES.to_string())
            .body(huge(HUGE_BYTES))
            .unwrap(),
        "/trickle.html" => Response::builder()
            .header("content-type", "text/html")
            .body(trickle())
            .unwrap(),
        "/hang.html" => {
            tokio::time::sleep(Duration::from_secs(3600)).await;
            html(200, "too late")
        }
        "/reset.html" => Response::builder()
            .header("content-type", "text/html")
            .body(reset_after_start())
            .unwrap(),
        // streamed, so hyper sends the header as given and the body ends early
        "/short.html" => Response::builder()
            .header("content-type", "text/html")
            .header("content-length", "100000")
            .body(BodyExt::boxed(StreamBody::new(futures::stream::iter(
                vec![Ok::<_, std::io::Error>(Frame::data(Bytes::from_static(
                    b"<html><body>only this</body></html>",
                )))],
            ))))
            .unwrap(),
        "/loop/a.html" => redirect("/loop/b.html"),
        "/loop/b.html" => redirect("/loop/a.html"),
        p if p.starts_with("/chain/") => {
            let n: u32 = p
                .trim_start_matches("/chain/")
                .trim_end_matches(".html")
                .parse()
                .unwrap_or(60);
            if n < 60 {
                redirect(&format!("/chain/{}.html", n + 1))
            } else {
                html(200, "<html><body>end of the chain</body></html>")
            }
        }
        "/session/" => html(
            200,
            format!(
                "<html><body><a href=\"/session/?sid={}\">刷新</a><a href=\"/session/;jsessionid={}?PHPSESSID={}\">再来</a></body></html>",
                fresh_id(st),
                fresh_id(st),
                fresh_id(st)
            ),
        ),
        p if p.starts_with("/s/") => html(
            200,
            format!(
                "<html><body><a href=\"/s/{}/index.html\">下一会话</a></body></html>",
                fresh_id(st)
            ),
        ),
        "/cal/" => {
            let d = query.trim_start_matches("d=");
            let day = jiff::civil::Date::strptime("%Y-%m-%d", d)
                .unwrap_or(jiff::civil::date(2026, 11, 5));
            let prev = day.yesterday().unwrap_or(day);
            let next = day.tomorrow().unwrap_or(day);
            html(
                200,
                format!(
                    "<html><body><a href=\"/cal/?d={prev}\">前一天</a><a href=\"/cal/?d={next}\">后一天</a></body></html>"
                ),
            )
        }
        p if p.starts_with("/rl/") => {
            let parts: Vec<i32> = p.split('/').filter_map(|s| s.parse().ok()).collect();
            let day = match parts.as_slice() {
                [y, m, d] => jiff::civil::Date::new(*y as i16, *m as i8, *d as i8)
                    .unwrap_or(jiff::civil::date(2026, 11, 5)),
                _ => jiff::civil::date(2026, 11, 5),
            };
            let next = day.tomorrow().unwrap_or(day);
            html(
                200,
                format!(
                    "<html><body><a href=\"/rl/{}/{:02}/{:02}/\">后一天</a></body></html>",
                    next.year(),
                    next.month(),
                    next.day()
                ),
            )
        }
        p if p.starts_with("/list/index_") => {
            let n: u64 = p
                .trim_start_matches("/list/index_")
                .trim_end_matches(".html")
                .parse()
                .unwrap_or(1);
            html(
                200,
                format!(
                    "<html><body><ul><li><a href=\"/list/art{n}.html\">文章{n}</a></li></ul><a href=\"/list/index_{}.html\">下一页</a></body></html>",
                    n + 1
                ),
            )
        }
        "/busy.html" if hits == 0 => Response::builder()
            .status(429)
            .header("retry-after", "1")
            .body(full("slow down"))
            .unwrap(),
        "/flaky.html" if hits < 2 => html(503, "try again"),
        "/waf412.html" => html(
            412,
            "<html><script>$_ts=window['$_ts'];if(!$_ts)$_ts={};$_ts.nsd=1;</script></html>",
        ),
        "/waf521.html" => html(
            521,
            "<script>document.cookie='__jsluid_s=abc';location.reload()</script>",
        ),
        "/binary.html" => html(200, binary_junk(200_000)),
        "/malformed.html" => html(200, malformed()),
        _ => html(
            200,
            format!("<html><head><title>{path}</title></head><body><p>页面</p></body></html>"),
        ),
    }
}
