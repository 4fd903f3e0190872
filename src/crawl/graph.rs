//! The site graph: what the crawl saw, kept compactly (URLs and anchor texts interned,
//! bodies dropped after extraction) and saved beside the report so checks can be re-run
//! offline (`site-graph.json`).

use super::links::Links;
use crate::extract::blocks::Block;
use crate::extract::{Crumb, DatedItem, LinkKind, Markers, MediaKind, Meta, Phone, Txt};
use crate::intern::Interner;
use foldhash::HashMap;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use url::Url;

/// Index into [`SiteGraph::urls`].
pub type UrlId = u32;
/// Index into [`SiteGraph::texts`].
pub type TextId = u32;

/// A link edge from a page.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Edge {
    pub to: UrlId,
    pub text: TextId,
    pub kind: LinkKind,
}

/// A media/attachment reference from a page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MediaEdge {
    pub to: UrlId,
    pub kind: MediaKind,
    pub element: Txt,
    pub context: TextId,
}

/// How the page's bytes were decoded.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Charset {
    /// encoding_rs name (UTF-8, GBK, gb18030 …)
    pub encoding: Txt,
    /// where it came from: `bom`, `header`, `meta`, `detected`, `default`
    pub source: Txt,
    /// malformed sequences were replaced
    pub had_errors: bool,
}

/// An HTML page that was fetched and parsed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Page {
    /// The URL as linked (requested).
    pub url: UrlId,
    /// The URL after redirects (same as `url` when none).
    pub final_url: UrlId,
    pub status: u16,
    /// Click depth from the start page (0 = home page).
    pub depth: u32,
    /// The page it was first discovered from, and the anchor text used.
    pub parent: Option<UrlId>,
    pub via_text: Option<TextId>,
    /// Redirect hops between `url` and `final_url`.
    pub redirects: Vec<UrlId>,
    pub title: Option<Txt>,
    pub breadcrumb: Vec<Crumb>,
    pub links: Links,
    pub frames: Vec<UrlId>,
    pub media: Vec<MediaEdge>,
    pub meta: Meta,
    pub published: Option<Date>,
    pub items: Vec<DatedItem>,
    pub phones: Vec<Phone>,
    pub markers: Markers,
    pub headings: Vec<Txt>,
    pub labels: Vec<Txt>,
    /// Data-table rows (header label, cell text), see [`crate::extract::records`].
    #[serde(default)]
    pub records: Vec<Vec<(Txt, Txt)>>,
    /// `标签：值` label–value pairs.
    #[serde(default)]
    pub pairs: Vec<(Txt, Txt)>,
    /// Text blocks of a non-article page, for telling template from content (`rules::region`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub blocks: Vec<Block>,
    /// For each of `phones`, the hash of the text block it was read in.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub phone_blocks: Vec<u32>,
    pub empty_note: bool,
    pub needs_js: bool,
    pub text_chars: usize,
    pub text_hash: u64,
    pub charset: Charset,
    /// body was cut at the size cap
    pub truncated: bool,
    /// HTTP validators, for conditional re-crawls
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    pub bytes: u64,
    pub elapsed_ms: u64,
    /// This page was loaded as a frame of another page (its parent), not by a click.
    pub is_frame: bool,
    /// The server answered 304 Not Modified; the facts come from the previous run.
    #[serde(default)]
    pub unchanged: bool,
}

impl Page {
    /// Make the page's strings share storage with equal strings of earlier pages, and
    /// drop spare capacity: the page is kept for the whole run.
    pub fn intern(&mut self, pool: &mut Interner) {
        pool.intern_opt(&mut self.title);
        for c in &mut self.breadcrumb {
            pool.intern(&mut c.text);
            pool.intern_opt(&mut c.url);
        }
        self.breadcrumb.shrink_to_fit();
        self.meta.intern(pool);
        for it in &mut self.items {
            pool.intern(&mut it.title);
            pool.intern_opt(&mut it.url);
        }
        self.items.shrink_to_fit();
        for p in &mut self.phones {
            pool.intern(&mut p.number);
            pool.intern_opt(&mut p.label);
        }
        self.phones.shrink_to_fit();
        let m = &mut self.markers;
        for t in [&mut m.site_code, &mut m.icp, &mut m.psb, &mut m.sponsor] {
            pool.intern_opt(t);
        }
        for t in self.headings.iter_mut().chain(self.labels.iter_mut()) {
            pool.intern(t);
        }
        self.headings.shrink_to_fit();
        self.labels.shrink_to_fit();
        for r in &mut self.records {
            for (l, v) in r.iter_mut() {
                pool.intern(l);
                pool.intern(v);
            }
            r.shrink_to_fit();
        }
        self.records.shrink_to_fit();
        for (l, v) in &mut self.pairs {
            pool.intern(l);
            pool.intern(v);
        }
        self.pairs.shrink_to_fit();
        pool.intern(&mut self.charset.encoding);
        pool.intern(&mut self.charset.source);
        for m in &mut self.media {
            pool.intern(&mut m.element);
        }
        self.media.shrink_to_fit();
        self.redirects.shrink_to_fit();
        self.blocks.shrink_to_fit();
        self.phone_blocks.shrink_to_fit();
        self.frames.shrink_to_fit();
    }
}

/// A non-HTML response met while crawling (an attachment linked as a page, an image …).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Resource {
    pub url: UrlId,
    pub status: u16,
    pub content_type: Option<String>,
    pub bytes: u64,
}

/// Error classes a user can act on. Never "page missing" for a firewall or TLS problem.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorClass {
    /// HTTP 404/410
    NotFound,
    /// other 4xx
    ClientError,
    /// 5xx
    ServerError,
    Timeout,
    Dns,
    Connect,
    Tls,
    RedirectLoop,
    TooManyRedirects,
    /// WAF / anti-bot challenge (瑞数 412 `$_ts`, 加速乐 521, 403 challenge pages)
    Blocked,
    /// 429 still after retries
    RateLimited,
    /// disallowed by robots.txt (not fetched)
    Robots,
    /// body over the size cap (page still parsed up to the cap)
    TooLarge,
    /// response could not be decoded/parsed
    Decode,
    /// anything else (protocol errors, invalid responses)
    Other,
}

/// A URL that could not be fetched (or was fetched with an error status).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CrawlError {
    pub url: UrlId,
    pub class: ErrorClass,
    pub status: Option<u16>,
    /// Human-readable detail (Chinese or English, per `--lang`).
    pub message: String,
    /// The page that linked to it and the anchor text, if known.
    pub parent: Option<UrlId>,
    pub via_text: Option<TextId>,
    pub depth: u32,
}

/// Verdict of the verification stage for one media/attachment/link target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VerifyOutcome {
    /// loads and matches its declared kind
    Ok,
    /// 404/410 or a soft 404 (HTML error page / redirect to home where a file was expected)
    Broken,
    ServerError,
    Timeout,
    Dns,
    Tls,
    /// WAF challenge (403/412/521): could not verify, not counted as broken
    Blocked,
    /// bytes do not match the declared kind (e.g. HTML served as .jpg)
    WrongType,
    /// zero-byte body
    Empty,
    /// header does not decode (truncated image, garbage container)
    Undecodable,
    /// Flash: unplayable in modern browsers
    Flash,
    RedirectLoop,
    /// not requested (external host with `--external skip`, robots)
    Skipped,
}

/// One verified resource (deduplicated across pages; referrers are in the pages' edges).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Verified {
    pub url: UrlId,
    pub outcome: VerifyOutcome,
    pub status: Option<u16>,
    pub content_type: Option<String>,
    /// what was found (detected type, first bytes, redirect chain …)
    pub detail: String,
    pub bytes_read: u64,
}

/// A page URL of the baseline crawl (`--baseline`) that this crawl did not meet, requested
/// on this server after the crawl (see [`crate::verify::revisit`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Revisit {
    pub url: UrlId,
    /// `ok` (answered with a page), `broken` (404/410, soft 404, redirect to the home
    /// page), `skipped` (not requested: budget, time limit, robots) …
    pub outcome: VerifyOutcome,
    pub status: Option<u16>,
    /// where redirects ended, when there were any
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub final_url: Option<UrlId>,
    pub detail: String,
}

/// Why the crawl ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StopReason {
    /// every reachable page in scope was visited
    Completed,
    /// `--max-pages` reached; some pages were not visited
    PageBudget,
    /// `--max-duration` reached
    TimeBudget,
    /// interrupted (Ctrl-C)
    Interrupted,
    /// the start page itself could not be fetched
    StartFailed,
}

/// Counters for the report's `stats`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CrawlStats {
    pub pages: usize,
    pub links: usize,
    pub media: usize,
    pub errors: usize,
    pub requests: u64,
    pub retries: u64,
    pub bytes: u64,
    /// URLs skipped by trap guards (repeated segments, calendar pages, query explosion, URL length)
    pub trap_skipped: u64,
    /// links out of scope (other hosts), not crawled
    pub out_of_scope: u64,
    /// links at depth > max-depth, not crawled
    pub depth_skipped: u64,
    /// URLs still queued when the crawl stopped
    pub unvisited: u64,
    pub robots_disallowed: u64,
    pub elapsed_ms: u64,
    /// pages answered 304 Not Modified (facts reused from the history store)
    #[serde(default)]
    pub unchanged: u64,
}

/// The crawl's result: pages, resources, errors, with interned URLs and texts.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct SiteGraph {
    pub start_url: String,
    pub urls: Vec<String>,
    pub texts: Vec<String>,
    pub pages: Vec<Page>,
    pub resources: Vec<Resource>,
    pub errors: Vec<CrawlError>,
    /// URLs that redirected to a page already in the graph: (requested, page's final URL).
    #[serde(default)]
    pub aliases: Vec<(UrlId, UrlId)>,
    /// Results of the verification stage (media, attachments, links); empty when it did not run.
    #[serde(default)]
    pub verified: Vec<Verified>,
    /// Baseline page URLs the crawl did not meet, requested afterwards (`--baseline`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub revisited: Vec<Revisit>,
    pub stop_reason: Option<StopReason>,
    pub stats: CrawlStats,
    // foldhash: every link of every page is looked up here
    #[serde(skip)]
    url_index: HashMap<String, UrlId>,
    #[serde(skip)]
    text_index: HashMap<String, TextId>,
    #[serde(skip)]
    page_index: HashMap<UrlId, usize>,
}

impl SiteGraph {
    pub fn new(start: &Url) -> Self {
        SiteGraph {
            start_url: start.to_string(),
            ..Default::default()
        }
    }

    /// Intern a URL.
    pub fn url_id(&mut self, url: &str) -> UrlId {
        if let Some(id) = self.url_index.get(url) {
            return *id;
        }
        let id = self.urls.len() as UrlId;
        self.urls.push(url.to_string());
        self.url_index.insert(url.to_string(), id);
        id
    }

    /// Look up an interned URL without adding it.
    pub fn find_url(&self, url: &str) -> Option<UrlId> {
        self.url_index.get(url).copied()
    }

    /// Intern a text.
    pub fn text_id(&mut self, text: &str) -> TextId {
        if let Some(id) = self.text_index.get(text) {
            return *id;
        }
        let id = self.texts.len() as TextId;
        self.texts.push(text.to_string());
        self.text_index.insert(text.to_string(), id);
        id
    }

    pub fn url(&self, id: UrlId) -> &str {
        &self.urls[id as usize]
    }

    pub fn text(&self, id: TextId) -> &str {
        &self.texts[id as usize]
    }

    /// Add a page; later lookups by its requested or final URL find it.
    pub fn add_page(&mut self, page: Page) -> usize {
        let idx = self.pages.len();
        self.page_index.entry(page.url).or_insert(idx);
        self.page_index.entry(page.final_url).or_insert(idx);
        self.pages.push(page);
        idx
    }

    /// Record that `from` redirected to the already-known page at `to`.
    pub fn add_alias(&mut self, from: UrlId, to: UrlId) {
        if let Some(idx) = self.page_index.get(&to).copied() {
            self.page_index.entry(from).or_insert(idx);
            self.aliases.push((from, to));
        }
    }

    /// Record that the page at `from` sends the browser to `to` (meta refresh, script
    /// redirect). `to` may not be fetched yet; lookups resolve it once it is.
    pub fn add_soft_alias(&mut self, from: UrlId, to: UrlId) {
        if from == to || self.aliases.contains(&(from, to)) {
            return;
        }
        self.aliases.push((from, to));
        if let Some(idx) = self.page_index.get(&to).copied() {
            self.page_index.entry(from).or_insert(idx);
        }
    }

    /// Every alias with the end of its chain (`a → b → c` gives `a → c`, `b → c`);
    /// cycles end where they would repeat.
    pub fn alias_ends(&self) -> HashMap<UrlId, UrlId> {
        let direct: HashMap<UrlId, UrlId> = self.aliases.iter().copied().collect();
        direct
            .keys()
            .map(|&from| {
                let mut cur = from;
                for _ in 0..8 {
                    match direct.get(&cur) {
                        Some(&t) if t != from => cur = t,
                        _ => break,
                    }
                }
                (from, cur)
            })
            .collect()
    }

    /// The page fetched at this URL (requested or final), if any.
    pub fn page_by_url(&self, id: UrlId) -> Option<&Page> {
        self.page_index.get(&id).map(|i| &self.pages[*i])
    }

    /// The page whose requested or final URL is `url`.
    pub fn page(&self, url: &str) -> Option<&Page> {
        self.find_url(url).and_then(|id| self.page_by_url(id))
    }

    /// The home page (depth 0), if it was fetched.
    pub fn home(&self) -> Option<&Page> {
        self.pages.iter().find(|p| p.depth == 0 && !p.is_frame)
    }

    /// Every page URL of the crawl: requested and final URLs of the pages (frames
    /// included) and the URLs that redirected to them, each once, in crawl order.
    pub fn page_urls(&self) -> Vec<&str> {
        let mut seen = std::collections::HashSet::new();
        let mut out = Vec::new();
        let ids = self
            .pages
            .iter()
            .flat_map(|p| [p.url, p.final_url])
            .chain(self.aliases.iter().map(|(from, _)| *from));
        for id in ids {
            if seen.insert(id) {
                out.push(self.url(id));
            }
        }
        out
    }

    /// Rebuild the lookup indexes after deserialising a saved graph.
    pub fn reindex(&mut self) {
        self.url_index = self
            .urls
            .iter()
            .enumerate()
            .map(|(i, u)| (u.clone(), i as UrlId))
            .collect();
        self.text_index = self
            .texts
            .iter()
            .enumerate()
            .map(|(i, t)| (t.clone(), i as TextId))
            .collect();
        self.page_index.clear();
        for (idx, p) in self.pages.iter().enumerate() {
            self.page_index.entry(p.url).or_insert(idx);
            self.page_index.entry(p.final_url).or_insert(idx);
        }
        for (from, to) in self.alias_ends() {
            if let Some(idx) = self.page_index.get(&to).copied() {
                self.page_index.entry(from).or_insert(idx);
            }
        }
    }

    /// Load a saved graph (`site-graph.json`).
    pub fn from_json(s: &str) -> Result<Self, serde_json::Error> {
        let mut g: SiteGraph = serde_json::from_str(s)?;
        g.reindex();
        Ok(g)
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::{Crumb, Phone};
    use crate::intern::Interner;
    use crate::rules::testgraph::B;

    #[test]
    fn interning_pages_shares_every_repeated_string() {
        let mut b = B::new();
        let a = b.page("/a.html", 1, "通知公告_某区人民政府");
        let c = b.page("/c.html", 1, "通知公告_某区人民政府");
        for i in [a, c] {
            let p = b.p(i);
            p.breadcrumb = vec![Crumb {
                text: "首页".into(),
                url: Some("http://www.example.gov.cn/".into()),
            }];
            p.meta.insert("sitename", "某区人民政府");
            p.phones = vec![Phone {
                number: "023-63881234".into(),
                label: Some("联系电话".into()),
            }];
            p.labels = vec!["发布时间".into()];
            p.pairs = vec![("发布机构".into(), "区政府办公室".into())];
            p.records = vec![vec![("标题".into(), "关于征求意见的公告".into())]];
        }
        let mut pool = Interner::default();
        for i in [a, c] {
            b.p(i).intern(&mut pool);
        }
        let (pa, pc) = (&b.g.pages[a], &b.g.pages[c]);
        assert!(
            pa.title
                .as_ref()
                .unwrap()
                .shares_storage(pc.title.as_ref().unwrap())
        );
        assert!(pa.breadcrumb[0].text.shares_storage(&pc.breadcrumb[0].text));
        let (ua, uc) = (&pa.breadcrumb[0].url, &pc.breadcrumb[0].url);
        assert!(ua.as_ref().unwrap().shares_storage(uc.as_ref().unwrap()));
        assert!(pa.meta["sitename"].shares_storage(&pc.meta["sitename"]));
        assert!(pa.phones[0].number.shares_storage(&pc.phones[0].number));
        assert!(pa.labels[0].shares_storage(&pc.labels[0]));
        assert!(pa.pairs[0].1.shares_storage(&pc.pairs[0].1));
        assert!(pa.records[0][0].1.shares_storage(&pc.records[0][0].1));
        assert!(pa.charset.encoding.shares_storage(&pc.charset.encoding));
        // values are unchanged
        assert_eq!(pa.meta["sitename"], "某区人民政府");
        assert_eq!(pa.phones[0].label.as_deref(), Some("联系电话"));
    }
}
