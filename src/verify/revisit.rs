//! Revisit stage (`--baseline`): the page URLs of the baseline crawl that this crawl did not
//! meet are requested on this server after the crawl, the way links are verified (status
//! after redirects, soft 404s, redirects to the home page, WAF pages), through the same
//! polite fetcher (robots.txt, per-host rate limit and concurrency cap). The crawl's page
//! budget (`--max-pages`) and time limit (`--max-duration`) bound them: URLs beyond either
//! are listed as not requested. Results land in [`SiteGraph::revisited`]; the rules never
//! fetch (CI-01 reads them there).

use super::classify::{Expect, Usage};
use super::probe::{self, Ctx, Job};
use super::soft404::Soft404Cache;
use crate::crawl::{Revisit, SiteGraph, VerifyOutcome};
use crate::fetch::Fetcher;
use std::sync::Arc;
use std::time::Instant;
use tokio::task::JoinSet;
use url::Url;

/// Bounds of the stage.
#[derive(Debug, Clone)]
pub struct RevisitLimits {
    /// Requests allowed (what is left of the page budget).
    pub max_requests: usize,
    /// Stop making requests at this instant (the crawl's `--max-duration`).
    pub deadline: Option<Instant>,
    /// Requests in flight at once (the crawl's `--concurrency`).
    pub concurrency: usize,
}

/// Request the baseline URLs that `graph` has neither as a page nor as an error; fills
/// `graph.revisited`. Returns how many requests were made.
pub async fn revisit(
    fetcher: Arc<Fetcher>,
    graph: &mut SiteGraph,
    baseline_urls: &[String],
    limits: &RevisitLimits,
    cancel: Option<tokio::sync::watch::Receiver<bool>>,
) -> usize {
    let lang = fetcher.config().lang;
    let cancelled = || cancel.as_ref().is_some_and(|c| *c.borrow());
    let errors: std::collections::HashSet<crate::crawl::UrlId> =
        graph.errors.iter().map(|e| e.url).collect();
    let known = |g: &SiteGraph, u: &str| {
        g.find_url(u)
            .is_some_and(|id| g.page_by_url(id).is_some() || errors.contains(&id))
    };
    let mut todo: Vec<Url> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for u in baseline_urls {
        if known(graph, u) || !seen.insert(u.as_str()) {
            continue;
        }
        if let Ok(url) = Url::parse(u)
            && matches!(url.scheme(), "http" | "https")
        {
            todo.push(url);
        }
    }
    if todo.is_empty() {
        return 0;
    }
    tracing::info!(urls = todo.len(), "revisiting baseline URLs");
    let home = graph
        .home()
        .and_then(|h| Url::parse(graph.url(h.final_url)).ok());
    let ctx = Arc::new(Ctx {
        fetcher: fetcher.clone(),
        probe_bytes: 256 * 1024,
        soft404: Soft404Cache::default(),
        home,
    });
    let mut results: Vec<(Url, Option<probe::Probed>, String)> = Vec::new();
    let mut set: JoinSet<(Url, probe::Probed)> = JoinSet::new();
    let mut requests = 0usize;
    for url in todo {
        let why = if cancelled() {
            Some(lang.pick(
                "未请求：检查被中断（Ctrl-C）",
                "not requested: interrupted (Ctrl-C)",
            ))
        } else if requests >= limits.max_requests {
            Some(lang.pick(
                "未请求：已达页面上限（--max-pages）",
                "not requested: page budget (--max-pages) reached",
            ))
        } else if limits.deadline.is_some_and(|d| Instant::now() >= d) {
            Some(lang.pick(
                "未请求：已达时间上限（--max-duration）",
                "not requested: time limit (--max-duration) reached",
            ))
        } else {
            None
        };
        if let Some(why) = why {
            results.push((url, None, why.to_string()));
            continue;
        }
        while set.len() >= limits.concurrency.max(1) {
            if let Some(Ok((u, p))) = set.join_next().await {
                results.push((u, Some(p), String::new()));
            }
        }
        requests += 1;
        let ctx = ctx.clone();
        set.spawn(async move {
            let job = Job {
                url: url.clone(),
                expect: Expect::Page,
                usage: Usage::default(),
                external: false,
            };
            let p = probe::run(&ctx, &job).await;
            (url, p)
        });
    }
    while let Some(r) = set.join_next().await {
        if let Ok((u, p)) = r {
            results.push((u, Some(p), String::new()));
        }
    }
    results.sort_by(|a, b| a.0.as_str().cmp(b.0.as_str()));
    for (url, probed, why) in results {
        let id = graph.url_id(url.as_str());
        let r = match probed {
            Some(p) => Revisit {
                url: id,
                outcome: p.outcome,
                status: p.status,
                final_url: p.final_url.map(|f| graph.url_id(f.as_str())),
                detail: p.detail,
            },
            None => Revisit {
                url: id,
                outcome: VerifyOutcome::Skipped,
                status: None,
                final_url: None,
                detail: why,
            },
        };
        graph.revisited.push(r);
    }
    requests
}
