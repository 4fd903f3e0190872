//! Search probe (GOV-D04 站内搜索): after the crawl, the title of a crawled article is typed
//! into the site's own search form and submitted the way a browser submits it — the form's
//! action with its controls in tree order, hidden inputs included, percent-encoded in the
//! form's `accept-charset` or the page's encoding — and the results page is read for the
//! article (a link to its URL, or its title as a result entry). Up to [`MAX_ATTEMPTS`]
//! articles are tried (titles of at most [`MAX_QUERY`] characters first; of a longer title
//! its first [`PREFIX`] characters); the probe stops at the first search that lists its
//! article.
//!
//! Requests go through the run's polite fetcher (robots.txt, per-host rate and connection
//! limits, retries with `Retry-After`) and only to hosts in the crawl's scope. Nothing is
//! guessed: a POST-only form, a form sending to another host, a search URL robots.txt
//! disallows, a search box run by a script, or a results page built by JavaScript are
//! recorded with the reason, and no request is made that a browser would not make.
//! Results land in [`SiteGraph::search`]; the rules never fetch (GOV-D04 reads them there).

use crate::crawl::SiteGraph;
use crate::fetch::{FetchOpts, Fetcher};
use crate::model::graph::bare_host;
use crate::model::norm::norm;
use crate::model::{
    ErrorClass, FormMethod, Page, SearchAttempt, SearchForm, SearchProbe, SearchResult, SearchSkip,
    UrlId,
};
use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::sync::atomic::Ordering;
use url::Url;

/// Articles searched for at most.
pub const MAX_ATTEMPTS: usize = 3;
/// Titles up to this many characters are searched whole.
pub const MAX_QUERY: usize = 30;
/// Of a longer title, this many leading characters are searched.
pub const PREFIX: usize = 20;
/// Body cap of a results page.
const MAX_RESULTS_BODY: u64 = 2 * 1024 * 1024;

/// Bounds of the probe.
#[derive(Debug, Clone, Default)]
pub struct SearchLimits {
    /// Hosts added to the crawl's scope (`--host`), besides the hosts crawled.
    pub extra_hosts: Vec<String>,
    /// End of the run's time budget (`--max-duration`).
    pub deadline: Option<tokio::time::Instant>,
}

/// Run the probe and store its result in `graph.search`; the requests it makes are added
/// to `graph.stats`.
pub async fn probe(
    fetcher: Arc<Fetcher>,
    graph: &mut SiteGraph,
    limits: &SearchLimits,
    cancel: Option<tokio::sync::watch::Receiver<bool>>,
) {
    let (req0, bytes0) = (
        fetcher.counters.requests.load(Ordering::Relaxed),
        fetcher.counters.bytes.load(Ordering::Relaxed),
    );
    let mut result = run(&fetcher, graph, limits, cancel).await;
    let requests = fetcher.counters.requests.load(Ordering::Relaxed) - req0;
    result.requests = requests;
    graph.stats.requests += requests;
    graph.stats.bytes += fetcher.counters.bytes.load(Ordering::Relaxed) - bytes0;
    tracing::info!(
        requests,
        attempts = result.attempts.len(),
        found = result.found().is_some(),
        skipped = ?result.skipped,
        "search probe finished"
    );
    graph.search = Some(result);
}

/// The probe's result when `--no-search-probe` turned it off.
pub fn off() -> SearchProbe {
    SearchProbe::skipped(SearchSkip::Off, None, "")
}

const SEARCH_LINKS: &[&str] = &["搜索", "站内搜索", "高级搜索", "全站搜索", "检索"];

/// The page whose form is used: the home page's, else that of a page the home page links
/// as 搜索, else the first crawled page with one. A page showing a search box without a
/// form stands in when no page has a form.
fn form_page(g: &SiteGraph) -> Option<(usize, Option<&SearchForm>)> {
    let home = g.pages.iter().position(|p| p.depth == 0 && !p.is_frame);
    let with_form = |i: usize| {
        g.pages[i]
            .markers
            .search_form
            .as_deref()
            .map(|f| (i, Some(f)))
    };
    if let Some(found) = home.and_then(with_form) {
        return Some(found);
    }
    if let Some(h) = home {
        let linked = g.pages[h]
            .links
            .iter()
            .filter(|e| SEARCH_LINKS.contains(&g.text(e.text)))
            .filter_map(|e| {
                g.pages
                    .iter()
                    .position(|p| p.url == e.to || p.final_url == e.to)
            })
            .find_map(with_form);
        if linked.is_some() {
            return linked;
        }
    }
    let mut order: Vec<usize> = (0..g.pages.len()).collect();
    order.sort_by_key(|&i| g.pages[i].order);
    if let Some(found) = order.iter().find_map(|&i| with_form(i)) {
        return Some(found);
    }
    home.filter(|&h| g.pages[h].markers.search)
        .or_else(|| order.into_iter().find(|&i| g.pages[i].markers.search))
        .map(|i| (i, None))
}

fn is_article(g: &SiteGraph, p: &Page) -> bool {
    p.published.is_some()
        || p.meta.contains_key("articletitle")
        || crate::model::focus::detail_url(g.url(p.url))
}

fn truncated(t: &str) -> bool {
    t.ends_with('…') || t.ends_with("...") || t.ends_with("..")
}

/// An article's title as the site shows it: its ArticleTitle tag, the list entry linking
/// it, its first heading when the `<title>` holds it, else the longest part of `<title>`.
fn article_title(p: &Page, listed: &HashMap<UrlId, &str>) -> Option<String> {
    let clean = |s: &str| crate::extract::text::collapse(s).trim().to_string();
    if let Some(t) = p.meta.get("articletitle").map(|t| clean(t))
        && !t.is_empty()
    {
        return Some(t);
    }
    if let Some(t) = listed.get(&p.url).or(listed.get(&p.final_url)) {
        return Some(clean(t));
    }
    let title = p.title.as_deref().map(clean).unwrap_or_default();
    if let Some(h) = p.headings.first()
        && norm(&title).contains(&norm(h))
    {
        return Some(clean(h));
    }
    title
        .split(['_', '|', '｜', '—', '－'])
        .chain(title.split(" - "))
        .map(str::trim)
        .max_by_key(|s| s.chars().count())
        .map(str::to_string)
}

/// Up to [`MAX_ATTEMPTS`] (article, title, query): newest first, short titles first.
fn articles(g: &SiteGraph, skip: usize) -> Vec<(UrlId, String, String)> {
    let mut listed: HashMap<UrlId, &str> = HashMap::new();
    for p in &g.pages {
        for it in &p.items {
            if let Some(u) = it.url.as_deref().and_then(|u| g.find_url(u))
                && !truncated(&it.title)
            {
                listed.entry(u).or_insert(it.title.as_str());
            }
        }
    }
    let mut cands: Vec<(&Page, String)> = g
        .pages
        .iter()
        .enumerate()
        .filter(|(i, p)| *i != skip && !p.is_frame && p.depth > 0 && (200..300).contains(&p.status))
        .filter(|(_, p)| is_article(g, p))
        .filter_map(|(_, p)| article_title(p, &listed).map(|t| (p, t)))
        .filter(|(_, t)| t.chars().count() >= 4 && !truncated(t))
        .collect();
    // articles the form page does not link first: a results page in the site's template
    // may show the same 最新 box as the form page, which is not a search result
    let on_form_page: HashSet<UrlId> = g.pages[skip].links.iter().map(|e| e.to).collect();
    cands.sort_by(|a, b| {
        let long = |t: &str| t.chars().count() > MAX_QUERY;
        let shown = |p: &Page| on_form_page.contains(&p.url) || on_form_page.contains(&p.final_url);
        long(&a.1)
            .cmp(&long(&b.1))
            .then(shown(a.0).cmp(&shown(b.0)))
            .then(b.0.published.cmp(&a.0.published))
            // ties by URL, not crawl order: the same site is searched the same way each run
            .then(g.url(a.0.url).cmp(g.url(b.0.url)))
    });
    let mut seen = HashSet::new();
    cands
        .into_iter()
        .filter(|(_, t)| seen.insert(norm(t)))
        .take(MAX_ATTEMPTS)
        .map(|(p, t)| {
            let q = if t.chars().count() > MAX_QUERY {
                let q: String = t.chars().take(PREFIX).collect();
                q.trim_end_matches(|c: char| !c.is_alphanumeric())
                    .to_string()
            } else {
                t.clone()
            };
            (p.final_url, t, q)
        })
        .collect()
}

/// The URL a browser requests when `query` is typed into `form` (GET): the action with
/// its query replaced by the form data, encoded in `encoding`.
pub fn search_url(
    form: &SearchForm,
    query: &str,
    encoding: &'static encoding_rs::Encoding,
) -> Option<Url> {
    let mut url = Url::parse(&form.action).ok()?;
    let enc = encoding.output_encoding();
    // application/x-www-form-urlencoded in the form's encoding (UTF-16 forms send UTF-8;
    // characters the encoding lacks become `&#NNNN;`, as browsers send them)
    let part = |s: &str| -> String {
        let bytes = enc.encode(s).0;
        url::form_urlencoded::byte_serialize(&bytes).collect()
    };
    let query_string = form
        .fields
        .iter()
        .enumerate()
        .map(|(i, (name, value))| {
            let v = if i == form.query as usize {
                query
            } else {
                value.as_str()
            };
            format!("{}={}", part(name), part(v))
        })
        .collect::<Vec<_>>()
        .join("&");
    url.set_query(Some(&query_string));
    url.set_fragment(None);
    Some(url)
}

/// Same page: host (without `www.`), port, path (`dir/` = `dir/index.html`) and query.
fn same_page(a: &Url, b: &Url) -> bool {
    let path = |u: &Url| {
        let p = u.path();
        p.strip_suffix("index.html")
            .or(p.strip_suffix("index.htm"))
            .or(p.strip_suffix("index.shtml"))
            .unwrap_or(p)
            .to_string()
    };
    a.host_str().map(bare_host) == b.host_str().map(bare_host)
        && a.port_or_known_default() == b.port_or_known_default()
        && path(a) == path(b)
        && a.query() == b.query()
}

/// Does a result entry's text show the title? (Result titles are often cut: `前半部分…`.)
fn shows_title(text: &str, title: &str) -> bool {
    let t = norm(text.trim_end_matches(['…', '.']));
    let n = t.chars().count();
    !t.is_empty()
        && (t.contains(title) || (n >= 8.min(title.chars().count()) && title.starts_with(&t)))
}

async fn run(
    fetcher: &Arc<Fetcher>,
    g: &SiteGraph,
    limits: &SearchLimits,
    cancel: Option<tokio::sync::watch::Receiver<bool>>,
) -> SearchProbe {
    let lang = fetcher.config().lang;
    let Some((fp, form)) = form_page(g) else {
        return SearchProbe::skipped(SearchSkip::NoForm, None, "");
    };
    let page = &g.pages[fp];
    let form_page = Some(page.final_url);
    let Some(form) = form.filter(|f| f.method != FormMethod::Script) else {
        return SearchProbe::skipped(SearchSkip::ScriptOnly, form_page, "");
    };
    let with_form = |mut p: SearchProbe| {
        p.form = Some(form.clone());
        p
    };
    if form.method == FormMethod::Post {
        return with_form(SearchProbe::skipped(SearchSkip::PostOnly, form_page, ""));
    }
    let action = Url::parse(&form.action).ok();
    let host = action
        .as_ref()
        .and_then(|u| u.host_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    let mut scope = g.site_hosts();
    scope.extend(
        limits
            .extra_hosts
            .iter()
            .map(|h| bare_host(&h.to_ascii_lowercase()).to_string()),
    );
    if !scope.contains(bare_host(&host)) {
        return with_form(SearchProbe::skipped(SearchSkip::OtherHost, form_page, host));
    }
    let encoding = form
        .charset
        .as_deref()
        .and_then(|c| encoding_rs::Encoding::for_label(c.as_bytes()))
        .or_else(|| encoding_rs::Encoding::for_label(page.charset.encoding.as_bytes()))
        .unwrap_or(encoding_rs::UTF_8);
    let todo = articles(g, fp);
    if todo.is_empty() {
        return with_form(SearchProbe::skipped(SearchSkip::NoArticles, form_page, ""));
    }
    let stopped = || {
        cancel.as_ref().is_some_and(|c| *c.borrow())
            || limits
                .deadline
                .is_some_and(|d| tokio::time::Instant::now() >= d)
    };
    let mut out = with_form(SearchProbe {
        form_page,
        form: None,
        skipped: None,
        detail: String::new(),
        attempts: Vec::new(),
        requests: 0,
    });
    for (article, title, query) in todo {
        if stopped() {
            break;
        }
        let Some(url) = search_url(form, &query, encoding) else {
            break;
        };
        if out.attempts.is_empty() && fetcher.robots_allowed(&url).await.is_err() {
            out.skipped = Some(SearchSkip::Robots);
            out.detail = url.path().to_string();
            return out;
        }
        let attempt = search_once(fetcher, g, &url, article, &title, &query, lang).await;
        let done = matches!(
            attempt.result,
            SearchResult::LinkedUrl | SearchResult::ListedTitle
        ) || attempt.error == Some(ErrorClass::Robots);
        out.attempts.push(attempt);
        if done {
            break;
        }
    }
    if out.attempts.is_empty() {
        out.skipped = Some(SearchSkip::Budget);
    }
    out
}

async fn search_once(
    fetcher: &Arc<Fetcher>,
    g: &SiteGraph,
    url: &Url,
    article: UrlId,
    title: &str,
    query: &str,
    lang: crate::i18n::Lang,
) -> SearchAttempt {
    let mut a = SearchAttempt {
        article,
        title: title.to_string(),
        query: query.to_string(),
        url: url.to_string(),
        status: None,
        result: SearchResult::Failed,
        links: 0,
        error: None,
        detail: String::new(),
    };
    let opts = FetchOpts {
        max_body: MAX_RESULTS_BODY,
        html_only: true,
        ..FetchOpts::default()
    };
    let f = match fetcher.fetch(url, &opts).await {
        Ok(f) => f,
        Err(e) => {
            a.status = e.status;
            a.error = Some(e.class);
            a.detail = e.message;
            return a;
        }
    };
    a.status = Some(f.status);
    if let Some(waf) = crate::fetch::detect_waf(f.status, &f.body) {
        a.error = Some(ErrorClass::Blocked);
        a.detail = waf.to_string();
        return a;
    }
    if f.status >= 400 {
        a.result = SearchResult::HttpError;
        a.error = Some(match f.status {
            404 | 410 => ErrorClass::NotFound,
            500.. => ErrorClass::ServerError,
            _ => ErrorClass::ClientError,
        });
        a.detail = format!("HTTP {}", f.status);
        return a;
    }
    let decoded = crate::decode::decode_html(&f.body, f.content_type.as_deref());
    let facts = crate::extract::extract(&decoded.text, &f.final_url);
    a.links = facts.links.len();
    let target = Url::parse(g.url(article)).ok();
    let wanted = norm(title);
    if let Some(l) = facts
        .links
        .iter()
        .find(|l| target.as_ref().is_some_and(|t| same_page(&l.url, t)))
    {
        a.result = SearchResult::LinkedUrl;
        a.detail = l.url.to_string();
    } else if let Some(t) = facts
        .links
        .iter()
        .map(|l| l.text.as_str())
        .chain(facts.items.iter().map(|i| i.title.as_str()))
        .find(|t| shows_title(t, &wanted))
    {
        a.result = SearchResult::ListedTitle;
        a.detail = t.to_string();
    } else if facts.needs_js {
        a.result = SearchResult::NeedsJs;
        a.detail = lang
            .pick(
                "结果页由JavaScript生成",
                "the results page is built by JavaScript",
            )
            .to_string();
    } else {
        a.result = SearchResult::NotListed;
    }
    a
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{SearchForm, Txt};

    fn form(fields: &[(&str, &str)], query: u16) -> SearchForm {
        SearchForm {
            method: FormMethod::Get,
            action: Txt::from("http://www.x.gov.cn/was5/web/search?old=1#top"),
            fields: fields
                .iter()
                .map(|(n, v)| (Txt::from(*n), Txt::from(*v)))
                .collect(),
            query,
            charset: None,
        }
    }

    #[test]
    fn url_as_a_browser_builds_it() {
        let f = form(
            &[("channelid", "2436"), ("searchword", ""), ("perpage", "20")],
            1,
        );
        let u = search_url(&f, "文旅 消费季", encoding_rs::UTF_8).unwrap();
        assert_eq!(
            u.as_str(),
            "http://www.x.gov.cn/was5/web/search?channelid=2436&searchword=%E6%96%87%E6%97%85+%E6%B6%88%E8%B4%B9%E5%AD%A3&perpage=20"
        );
        let u = search_url(&f, "文旅", encoding_rs::GBK).unwrap();
        assert_eq!(
            u.query(),
            Some("channelid=2436&searchword=%CE%C4%C2%C3&perpage=20")
        );
    }

    #[test]
    fn result_titles_may_be_cut() {
        let t = norm("秀安县2026年文旅消费季新闻发布会");
        assert!(shows_title("秀安县2026年文旅消费季新闻发布会", &t));
        assert!(shows_title("秀安县2026年文旅消费季…", &t));
        assert!(!shows_title("秀安县", &t));
        assert!(!shows_title("首页", &t));
    }

    #[test]
    fn index_pages_are_the_directory() {
        let a = Url::parse("http://www.x.gov.cn/a/index.html").unwrap();
        let b = Url::parse("http://x.gov.cn/a/").unwrap();
        assert!(same_page(&a, &b));
        let c = Url::parse("http://www.x.gov.cn/a/?id=2").unwrap();
        assert!(!same_page(&a, &c));
    }
}
