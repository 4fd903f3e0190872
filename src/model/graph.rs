//! The site graph: what the crawl saw, kept compactly (URLs and anchor texts interned,
//! bodies dropped after extraction) and saved beside the report so checks can be re-run
//! offline (`site-graph.json`).

use super::edge::{TextId, UrlId};
use super::error::CrawlError;
pub use super::host::bare_host;
use super::page::{Page, Resource};
use super::stop::{CrawlStats, StopReason};
use super::verify::{Revisit, Verified};
use foldhash::HashMap;
use serde::{Deserialize, Serialize};
use url::Url;

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
    /// Attachments read by the document stage (text, tables, or why not); empty when it did not run.
    #[serde(default)]
    pub documents: Vec<super::document::Document>,
    pub stop_reason: Option<StopReason>,
    pub stats: CrawlStats,
    /// URLs refused by the trap guards, by reason and pattern (crawl and verification)
    #[serde(default)]
    pub traps: Vec<super::trap::TrapRecord>,
    /// The URLs behind `traps` that pages link to (verification does not request them)
    #[serde(default)]
    pub trapped: Vec<UrlId>,
    /// Values a site sent that were out of range and clamped (Crawl-delay 1e20 …)
    #[serde(default)]
    pub notes: Vec<String>,
    /// Hosts whose certificate failed validation; crawled with verification off
    #[serde(default)]
    pub tls: Vec<super::tls::TlsProblem>,
    /// What the run did not get to (time budget, page budget): URLs not fetched or verified
    #[serde(default)]
    pub not_checked: Vec<super::stop::NotChecked>,
    /// Hosts that answered JavaScript challenges, the pages concerned and whether the
    /// browser passed them
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub challenges: Vec<super::render::ChallengeRecord>,
    /// Pages that needed a browser and were not rendered (no browser, time limit, crash)
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub render_problems: Vec<super::render::RenderProblem>,
    /// Images, videos and audio the browser played on the pages it loaded with their media
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub played: Vec<super::render::Played>,
    /// What searching the site's own search for its articles showed (GOV-D04); `None`
    /// in graphs saved before the probe existed
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub search: Option<super::search::SearchProbe>,
    // foldhash: every link of every page is looked up here
    #[serde(skip)]
    url_index: HashMap<String, UrlId>,
    #[serde(skip)]
    text_index: HashMap<String, TextId>,
    #[serde(skip)]
    page_index: HashMap<UrlId, usize>,
}

impl SiteGraph {
    /// The site's own hosts, without a leading `www.`: the start URL's and every host a
    /// page was crawled on. Links and media elsewhere are external (`--external`).
    pub fn site_hosts(&self) -> std::collections::HashSet<String> {
        let mut hosts = std::collections::HashSet::new();
        let mut add = |u: &str| {
            if let Some(h) = Url::parse(u)
                .ok()
                .and_then(|u| u.host_str().map(str::to_string))
            {
                hosts.insert(bare_host(&h).to_string());
            }
        };
        add(&self.start_url);
        for p in &self.pages {
            add(self.url(p.final_url));
        }
        hosts
    }

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

    /// Set each page's depth to its click distance from the home page over the crawled
    /// links (redirects and stubs followed, frames one click in), where that is shorter
    /// than the depth the crawl first met it at: with several requests in flight, a page
    /// can first arrive through a longer path, and the report should not depend on that.
    pub fn settle_depths(&mut self) {
        let Some(home) = self.pages.iter().position(|p| p.depth == 0 && !p.is_frame) else {
            return;
        };
        let ends = self.alias_ends();
        let index = |id: UrlId| {
            self.page_index
                .get(&id)
                .or_else(|| ends.get(&id).and_then(|e| self.page_index.get(e)))
                .copied()
        };
        let mut dist = vec![u32::MAX; self.pages.len()];
        dist[home] = 0;
        let mut queue = std::collections::VecDeque::from([home]);
        while let Some(i) = queue.pop_front() {
            let p = &self.pages[i];
            let next = dist[i] + 1;
            for to in p.links.iter().map(|e| e.to).chain(p.frames.iter().copied()) {
                if let Some(t) = index(to)
                    && dist[t] > next
                {
                    dist[t] = next;
                    queue.push_back(t);
                }
            }
        }
        for (p, d) in self.pages.iter_mut().zip(dist) {
            if d < p.depth {
                p.depth = d;
            }
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

    /// Mutable access to the page fetched at this URL (requested or final), if any.
    pub fn page_by_url_mut(&mut self, id: UrlId) -> Option<&mut Page> {
        let i = *self.page_index.get(&id)?;
        self.pages.get_mut(i)
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
