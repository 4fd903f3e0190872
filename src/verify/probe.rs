//! One verification request: a ranged GET (`Range: bytes=0-N`, 206 or 200 accepted; a server
//! that ignores the range is cut off after N bytes), a retry without range on 416, a full
//! read of small PNGs (≤ 2 MB) so a cut `IDAT` shows, the redirect-hop limit, and the
//! soft-404 comparison for HTML answers.

use super::classify::{self, Body, Expect, Usage};
use super::magic;
use super::soft404::{self, Soft404Cache};
use crate::fetch::{FetchError, FetchOpts, Fetched, Fetcher, detect_waf};
use crate::model::{ErrorClass, VerifyOutcome};
use std::sync::Arc;
use url::Url;

/// More redirect hops than this fail the resource.
pub const MAX_HOPS: usize = 5;
/// PNGs up to this size are read whole to check their chunk structure.
pub const FULL_PNG_MAX: u64 = 2 * 1024 * 1024;

/// Shared state of the verification jobs.
pub struct Ctx {
    pub fetcher: Arc<Fetcher>,
    pub probe_bytes: u64,
    pub soft404: Soft404Cache,
    /// The site's home page (final URL), for "redirected to the home page".
    pub home: Option<Url>,
}

/// What one target needs checking for.
#[derive(Debug, Clone)]
pub struct Job {
    pub url: Url,
    pub expect: Expect,
    pub usage: Usage,
    pub external: bool,
}

/// A verification result before it is interned into the graph.
#[derive(Debug, Clone)]
pub struct Probed {
    pub outcome: VerifyOutcome,
    pub status: Option<u16>,
    pub content_type: Option<String>,
    pub detail: String,
    pub bytes_read: u64,
    /// where redirects ended, when there were any
    pub final_url: Option<Url>,
}

fn with_evidence(msg: &str, f: &Fetched, detected: Option<&str>) -> String {
    let mut d = msg.to_string();
    if !f.redirects.is_empty() {
        d.push_str(&format!(
            "；重定向 {} 次至 {}",
            f.redirects.len(),
            f.final_url
        ));
    }
    if let Some(t) = detected {
        d.push_str(&format!("；检测类型 {t}"));
    }
    if !f.body.is_empty() {
        d.push_str(&format!("；首字节 {}", magic::first_bytes(&f.body, 16)));
    }
    d
}

fn from_fetch_error(e: &FetchError, job: &Job, no_dns: bool) -> Probed {
    let outcome = if e.class == ErrorClass::Dns && job.external && no_dns {
        VerifyOutcome::Skipped
    } else {
        classify::from_error_class(e.class)
    };
    let detail = match (outcome, e.class) {
        (VerifyOutcome::Skipped, ErrorClass::Dns) => {
            "未验证：DNS 已禁用（--no-dns），外部主机没有 --resolve 映射".to_string()
        }
        (VerifyOutcome::Skipped, _) => format!("未验证：{}", e.message),
        (VerifyOutcome::Blocked, _) => format!("无法验证：{}", e.message),
        _ => e.message.clone(),
    };
    Probed {
        outcome,
        status: e.status,
        content_type: None,
        detail,
        bytes_read: 0,
        final_url: None,
    }
}

/// Verify one target.
pub async fn run(ctx: &Ctx, job: &Job) -> Probed {
    let no_dns = ctx.fetcher.config().no_dns;
    let probe = ctx.probe_bytes.max(64);
    let ranged = FetchOpts {
        max_body: probe,
        range: Some(probe - 1),
        ..Default::default()
    };
    let mut bytes_read = 0u64;
    let mut f = match ctx.fetcher.fetch(&job.url, &ranged).await {
        Ok(f) => f,
        Err(e) => return from_fetch_error(&e, job, no_dns),
    };
    bytes_read += f.body.len() as u64;
    if f.status == 416 {
        // a zero-byte file cannot satisfy bytes=0-N; some servers refuse ranges outright
        if f.total_len == Some(0) {
            return Probed {
                outcome: VerifyOutcome::Empty,
                status: Some(f.status),
                content_type: f.content_type.clone(),
                detail: "内容为空（0 字节；HTTP 416 Content-Range */0）".into(),
                bytes_read,
                final_url: None,
            };
        }
        let plain = FetchOpts {
            max_body: probe,
            ..Default::default()
        };
        f = match ctx.fetcher.fetch(&job.url, &plain).await {
            Ok(f) => f,
            Err(e) => return from_fetch_error(&e, job, no_dns),
        };
        bytes_read += f.body.len() as u64;
    }
    let status = Some(f.status);
    let content_type = f.content_type.clone();
    let final_url = (!f.redirects.is_empty()).then(|| f.final_url.clone());
    let done = |outcome: VerifyOutcome, detail: String, bytes_read: u64| Probed {
        outcome,
        status,
        content_type: content_type.clone(),
        detail,
        bytes_read,
        final_url: final_url.clone(),
    };
    if f.redirects.len() > MAX_HOPS {
        let msg = format!("重定向超过 {MAX_HOPS} 次（{} 次）", f.redirects.len());
        return done(
            VerifyOutcome::RedirectLoop,
            with_evidence(&msg, &f, None),
            bytes_read,
        );
    }
    if !(200..300).contains(&f.status) {
        let waf = detect_waf(f.status, &f.body);
        let (outcome, msg) = classify::from_status(f.status, waf);
        return done(outcome, with_evidence(&msg, &f, None), bytes_read);
    }
    if let Some(w) = detect_waf(f.status, &f.body) {
        let (outcome, msg) = classify::from_status(f.status, Some(w));
        return done(outcome, with_evidence(&msg, &f, None), bytes_read);
    }
    let complete = !f.truncated && f.total_len.is_none_or(|n| n <= f.body.len() as u64);
    let mut judgement = classify::judge(
        &job.expect,
        job.usage,
        &Body {
            bytes: &f.body,
            complete,
            content_type: f.content_type.as_deref(),
            total_len: f.total_len,
        },
    );
    // small PNG whose end was not in the probe: read it whole once
    if judgement.wants_full_png && f.total_len.is_some_and(|n| n <= FULL_PNG_MAX) {
        let full = FetchOpts {
            max_body: FULL_PNG_MAX,
            ..Default::default()
        };
        if let Ok(g) = ctx.fetcher.fetch(&job.url, &full).await {
            bytes_read += g.body.len() as u64;
            if (200..300).contains(&g.status) && !g.truncated {
                if let Err(e) = magic::png_structure(&g.body, true) {
                    judgement.outcome = VerifyOutcome::Undecodable;
                    judgement.message = e;
                } else {
                    judgement.message = judgement
                        .message
                        .replace("（只读取文件头）", "（整体读取）");
                }
            }
        }
    }
    let detected = judgement.detected.map(magic::Format::name);
    if judgement.html
        && let Some(why) = soft_404(ctx, job, &f).await
    {
        let msg = format!("软404：{why}（应为{}）", expect_label(&job.expect));
        return done(
            VerifyOutcome::Broken,
            with_evidence(&msg, &f, detected),
            bytes_read,
        );
    }
    if judgement.outcome == VerifyOutcome::Ok {
        let mut msg = judgement.message;
        if !f.redirects.is_empty() {
            msg.push_str(&format!(
                "；重定向 {} 次至 {}",
                f.redirects.len(),
                f.final_url
            ));
        }
        return done(VerifyOutcome::Ok, msg, bytes_read);
    }
    done(
        judgement.outcome,
        with_evidence(&judgement.message, &f, detected),
        bytes_read,
    )
}

fn expect_label(e: &Expect) -> &'static str {
    match e {
        Expect::Image => "图片",
        Expect::Video => "视频",
        Expect::Audio => "音频",
        Expect::Document(_) => "附件",
        Expect::Flash => "Flash",
        Expect::Embed => "嵌入对象",
        Expect::Page => "页面",
    }
}

/// Why an HTML answer is a soft 404, if it is one.
async fn soft_404(ctx: &Ctx, job: &Job, f: &Fetched) -> Option<String> {
    let to_home = !f.redirects.is_empty()
        && (soft404::is_home_path(&f.final_url)
            || ctx.home.as_ref().is_some_and(|h| *h == f.final_url))
        && !soft404::is_home_path(&job.url);
    if to_home {
        return Some(format!("重定向到首页 {}", f.final_url));
    }
    let text = String::from_utf8_lossy(&f.body);
    let title = soft404::title_of(&text);
    if let Some(t) = title
        .as_deref()
        .filter(|t| soft404::title_says_not_found(t))
    {
        return Some(format!("错误页面（标题“{t}”）"));
    }
    if job.expect.wants_file()
        && let Some(p) = soft404::body_says_not_found(&text)
    {
        return Some(format!("错误页面（内容含“{p}”）"));
    }
    let fp = ctx.soft404.get(&ctx.fetcher, &job.url).await?;
    let (t, hash, chars) = soft404::measure(&f.body, f.content_type.as_deref(), &f.final_url);
    fp.matches(t.as_deref(), hash, chars).then(|| {
        format!(
            "与本站不存在页面的响应相同（{}，标题“{}”）",
            fp.status,
            fp.title.unwrap_or_default()
        )
    })
}
