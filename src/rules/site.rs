//! Read-only helpers over a crawled [`SiteGraph`]: page lookup by URL id, the links a
//! person sees on a page (its frames included), page names, detail-page detection,
//! column scopes (a column page and what lies under it) and crawl problems.

use super::norm::norm;
use crate::extract::dates::find_dates;
use crate::extract::urls::{date_like, is_calendar_url};
use crate::model::{CrawlError, ErrorClass, Page, SiteGraph, StopReason, UrlId};
use crate::model::{LinkKind, Txt};
use jiff::civil::Date;
use std::collections::{BTreeSet, HashMap, HashSet, VecDeque};

/// A link as seen on a page.
#[derive(Debug, Clone, Copy)]
pub struct SeenLink<'g> {
    pub to: UrlId,
    pub text: &'g str,
    pub kind: LinkKind,
}

/// Indexes over the graph built once per evaluation.
pub struct Site<'g> {
    pub g: &'g SiteGraph,
    by_url: HashMap<UrlId, usize>,
    errors_by_url: HashMap<UrlId, usize>,
    /// index of the home page
    pub home: Option<usize>,
    /// URL ids linked from the home page (site navigation)
    pub home_targets: HashSet<UrlId>,
    /// smallest visible text size of any page (the page chrome)
    pub min_text: usize,
    /// host of the start URL
    pub host: String,
    /// template vs content, computed on first use (see [`super::region`])
    regions: std::sync::OnceLock<super::region::Regions>,
}

pub use crate::model::focus::{detail_url, pagination_url};

/// URL path without query; `""` when it does not parse.
pub fn url_path(url: &str) -> String {
    url::Url::parse(url)
        .map(|u| u.path().to_string())
        .unwrap_or_default()
}

/// The directory a column page stands for: `/zwgk/czyjs/index.html` → `/zwgk/czyjs/`.
pub fn dir_of(url: &str) -> String {
    let p = url_path(url);
    if p.ends_with('/') {
        return p;
    }
    match p.rfind('/') {
        Some(i) => {
            let last = &p[i + 1..];
            if last.contains('.') {
                p[..=i].to_string()
            } else {
                format!("{p}/")
            }
        }
        None => "/".to_string(),
    }
}

/// The last directory name of a URL (`/zwgk_221/fdzdgknr/czyjs/` → `czyjs`).
pub fn last_dir(url: &str) -> String {
    dir_of(url)
        .trim_end_matches('/')
        .rsplit('/')
        .next()
        .unwrap_or("")
        .to_string()
}

impl<'g> Site<'g> {
    pub fn new(g: &'g SiteGraph) -> Self {
        let mut by_url = HashMap::new();
        for (i, p) in g.pages.iter().enumerate() {
            by_url.entry(p.url).or_insert(i);
            by_url.entry(p.final_url).or_insert(i);
            for r in &p.redirects {
                by_url.entry(*r).or_insert(i);
            }
        }
        // meta-refresh / script stubs and HTTP redirects to known pages
        for (from, to) in g.alias_ends() {
            if let Some(&i) = by_url.get(&to) {
                by_url.entry(from).or_insert(i);
            }
        }
        let mut errors_by_url = HashMap::new();
        for (i, e) in g.errors.iter().enumerate() {
            errors_by_url.entry(e.url).or_insert(i);
        }
        let home = g.pages.iter().position(|p| p.depth == 0 && !p.is_frame);
        let mut s = Site {
            g,
            by_url,
            errors_by_url,
            home,
            home_targets: HashSet::new(),
            min_text: g.pages.iter().map(|p| p.text_chars).min().unwrap_or(0),
            host: url::Url::parse(&g.start_url)
                .ok()
                .and_then(|u| u.host_str().map(str::to_string))
                .unwrap_or_default(),
            regions: std::sync::OnceLock::new(),
        };
        if let Some(h) = home {
            s.home_targets = s.links(h).iter().map(|l| l.to).collect();
        }
        s
    }

    /// Template statistics of the whole site (built once).
    pub fn regions(&self) -> &super::region::Regions {
        self.regions
            .get_or_init(|| super::region::Regions::build(self))
    }

    pub fn page(&self, i: usize) -> &'g Page {
        &self.g.pages[i]
    }

    /// The page fetched at this URL id (requested, final or a redirect hop).
    pub fn idx(&self, id: UrlId) -> Option<usize> {
        self.by_url.get(&id).copied()
    }

    /// The page at this URL string.
    pub fn idx_str(&self, url: &str) -> Option<usize> {
        self.g
            .find_url(url)
            .and_then(|id| self.idx(id))
            .or_else(|| {
                self.g
                    .urls
                    .iter()
                    .position(|u| u == url)
                    .and_then(|id| self.idx(id as UrlId))
            })
    }

    /// Final URL of a page.
    pub fn url(&self, i: usize) -> &'g str {
        self.g.url(self.g.pages[i].final_url)
    }

    /// The crawl error recorded for a URL, if any.
    pub fn error(&self, id: UrlId) -> Option<&'g CrawlError> {
        self.errors_by_url.get(&id).map(|i| &self.g.errors[*i])
    }

    /// Links a person sees on the page, including those of its frames.
    pub fn links(&self, i: usize) -> Vec<SeenLink<'g>> {
        let p = &self.g.pages[i];
        let mut out: Vec<SeenLink<'g>> = p
            .links
            .iter()
            .map(|e| SeenLink {
                to: e.to,
                text: self.g.text(e.text),
                kind: e.kind,
            })
            .collect();
        for f in &p.frames {
            if let Some(fi) = self.idx(*f)
                && fi != i
            {
                out.extend(self.g.pages[fi].links.iter().map(|e| SeenLink {
                    to: e.to,
                    text: self.g.text(e.text),
                    kind: e.kind,
                }));
            }
        }
        out
    }

    /// A display name for a page: ColumnName meta, last breadcrumb segment, anchor text, title.
    pub fn name(&self, i: usize) -> String {
        let p = &self.g.pages[i];
        if let Some(c) = p.meta.get("columnname").filter(|s| !s.trim().is_empty())
            && !self.is_detail(i)
        {
            return c.trim().to_string();
        }
        if let Some(c) = crumbs(p).last() {
            return c.to_string();
        }
        if let Some(t) = p.via_text {
            let t = self.g.text(t).trim();
            if !t.is_empty() {
                return t.to_string();
            }
        }
        p.title
            .as_deref()
            .map(|t| title_parts(t).into_iter().next().unwrap_or_default())
            .unwrap_or_else(|| self.url(i).to_string())
    }

    /// Does this page look like a detail (article) page rather than a column page?
    pub fn is_detail(&self, i: usize) -> bool {
        let p = &self.g.pages[i];
        p.published.is_some() || p.meta.contains_key("articletitle") || detail_url(self.url(i))
    }

    /// The crawl stopped before visiting everything.
    pub fn truncated(&self) -> Option<StopReason> {
        match self.g.stop_reason {
            Some(
                r @ (StopReason::PageBudget | StopReason::TimeBudget | StopReason::Interrupted),
            ) => Some(r),
            _ => None,
        }
    }

    /// Pages of a column: the column page, pages under its directory, its sub-columns
    /// (by breadcrumb, wherever they live) and the detail pages its and their own lists
    /// link to (bounded).
    pub fn scope(&self, col: usize, max: usize) -> Vec<usize> {
        let dir = dir_of(self.url(col));
        let deep_dir = dir.len() > 1;
        // what the column page shows in frames (a letters list in an iframe) is the column
        let shown = self.shown(col);
        let mut seen: HashSet<usize> = shown.iter().copied().collect();
        let mut out = shown.clone();
        let mut q: VecDeque<(usize, u32)> = shown.into_iter().map(|s| (s, 0u32)).collect();
        // the column's own list (its content region and frames), not sidebars or template
        let own: HashSet<UrlId> = self.content(col).links.iter().map(|l| l.to).collect();
        // sub-columns in other directories (Hanweb `/col/colN/`, JSP `?channelId=`), found
        // the way a person finds them in a side menu: their breadcrumb is this column's
        // plus one segment
        let trail = trail_of(&self.g.pages[col]);
        let child = |t: usize| {
            !self.is_detail(t)
                && below(&self.g.pages[t], &trail).is_some_and(|(_, depth)| depth == 1)
        };
        // pages whose own list counts: the column (and its frames), then its sub-columns
        let mut lists: HashMap<usize, HashSet<UrlId>> = HashMap::new();
        for &s in &out {
            lists.insert(s, own.clone());
        }
        while let Some((i, d)) = q.pop_front() {
            if out.len() >= max || d >= 3 {
                continue;
            }
            let own_list = lists.get(&i).cloned();
            for l in self.links(i) {
                let Some(t) = self.idx(l.to) else { continue };
                if seen.contains(&t) {
                    continue;
                }
                let under = deep_dir && url_path(self.url(t)).starts_with(&dir);
                let sub = d == 0 && child(t);
                let listed = own_list
                    .as_ref()
                    .is_some_and(|o| o.contains(&l.to) && self.is_detail(t));
                if under || sub || listed {
                    seen.insert(t);
                    out.push(t);
                    if sub {
                        lists.insert(t, self.content(t).links.iter().map(|l| l.to).collect());
                    }
                    if under || sub {
                        q.push_back((t, d + 1));
                    }
                }
            }
        }
        out
    }

    /// Pages the content regions of `pages` link to on their own host that the crawl
    /// neither fetched nor failed on (a crawl cut short): how many, and the first by URL.
    pub fn unfetched(&self, pages: &[usize]) -> Option<(usize, String)> {
        let host = |u: &str| url::Url::parse(u).ok()?.host_str().map(str::to_string);
        let mut missed: BTreeSet<&str> = BTreeSet::new();
        for &i in pages {
            let Some(own) = host(self.url(i)) else {
                continue;
            };
            for l in self.content(i).links {
                let u = self.g.url(l.to);
                if self.idx(l.to).is_none()
                    && self.error(l.to).is_none()
                    && host(u).as_deref() == Some(own.as_str())
                {
                    missed.insert(u);
                }
            }
        }
        missed.first().map(|f| (missed.len(), f.to_string()))
    }

    /// Is this error class one that hides content without meaning "missing"?
    pub fn blocking(class: ErrorClass) -> bool {
        matches!(
            class,
            ErrorClass::Blocked
                | ErrorClass::Robots
                | ErrorClass::Timeout
                | ErrorClass::RateLimited
                | ErrorClass::Tls
                | ErrorClass::Connect
                | ErrorClass::ServerError
        )
    }
}

/// A page's breadcrumb, normalised: the trail that names where it stands.
pub fn trail_of(p: &Page) -> Vec<String> {
    crumbs(p).iter().map(|c| norm(c)).collect()
}

/// Where a page stands below a non-empty `trail`: the breadcrumb segment right after it (as
/// written) and how many segments further down the page is (1 = a direct child).
pub fn below<'p>(p: &'p Page, trail: &[String]) -> Option<(&'p str, usize)> {
    if trail.is_empty() {
        return None;
    }
    let c = crumbs(p);
    (c.len() > trail.len() && c.iter().zip(trail).all(|(a, b)| norm(a) == *b))
        .then(|| (c[trail.len()], c.len() - trail.len()))
}

/// Breadcrumb segments without the leading 首页 and a trailing 正文/详情.
pub fn crumbs(p: &Page) -> Vec<&str> {
    let mut v: Vec<&str> = p
        .breadcrumb
        .iter()
        .map(|c| c.text.trim())
        .filter(|t| !t.is_empty())
        .collect();
    if v.first()
        .is_some_and(|t| matches!(norm(t).as_str(), "首页" | "网站首页" | "home" | "主页"))
    {
        v.remove(0);
    }
    if v.last().is_some_and(|t| {
        matches!(
            norm(t).as_str(),
            "正文" | "详情" | "文章详情" | "内容" | "详细内容" | "正文内容"
        )
    }) {
        v.pop();
    }
    v
}

/// Parts of a `<title>` split at the usual separators (`预算/决算 - 某某委`).
pub fn title_parts(t: &str) -> Vec<String> {
    t.split([' ', '-', '_', '|', '—', '–', '－', '｜'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

impl<'g> Site<'g> {
    /// How many entries a column page lists: dated items, or links to detail pages
    /// (not site navigation) when the listing shows no dates.
    /// Data-table rows with a date column (留言 tables without a link per row) count too.
    /// Only the page's content region counts (not a 热点信息 sidebar, see [`super::region`]).
    pub fn listed(&self, i: usize) -> usize {
        let shown = self.shown(i);
        let content = self.content(i);
        // only the content region counts (not a 热点信息 sidebar), frames included
        let entries: usize = shown
            .iter()
            .map(|&s| self.content(s).items.len() + self.g.pages[s].partial_items.len())
            .sum();
        if entries > 0 {
            return entries;
        }
        let records = if shown.iter().all(|&s| self.g.pages[s].records.is_empty()) {
            0
        } else {
            self.dated_records(i).len()
        };
        let mut seen = HashSet::new();
        for l in content.links {
            if matches!(l.kind, LinkKind::Pagination) {
                continue;
            }
            let url = self.g.url(l.to);
            let detail = match self.idx(l.to) {
                Some(t) => t != i && self.is_detail(t),
                None => detail_url(url) || is_document(url),
            };
            if detail {
                seen.insert(l.to);
            }
        }
        seen.len().max(records)
    }

    /// Data-table rows of a page that show a date column, leaving out tables the home
    /// page shows too (page chrome).
    /// Rows of tables in the page's frames count for the page.
    pub fn dated_records(&self, i: usize) -> Vec<&'g [(Txt, Txt)]> {
        let home = self.home.filter(|&h| h != i).map(|h| &self.g.pages[h]);
        self.shown(i)
            .into_iter()
            .flat_map(|s| self.g.pages[s].records.iter())
            .filter(|r| !record_dates(r).is_empty())
            .filter(|r| home.is_none_or(|h| !h.records.contains(r)))
            .map(|r| r.as_slice())
            .collect()
    }

    /// Titles listed under a column scope: item titles, detail page titles and the anchor
    /// texts of links to detail pages.
    pub fn titles(&self, scope: &[usize]) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = Vec::new();
        for &i in scope {
            let p = &self.g.pages[i];
            let content = self.content(i);
            for it in &content.items {
                out.push((
                    it.title.to_string(),
                    it.url
                        .as_ref()
                        .map(|u| u.to_string())
                        .unwrap_or_else(|| self.url(i).to_string()),
                ));
            }
            if self.is_detail(i) {
                if let Some(t) = p.meta.get("articletitle").or(p.title.as_ref()) {
                    out.push((t.to_string(), self.url(i).to_string()));
                }
                // an article that only wraps its attachment (附件1): the document's own title
                for id in self.attachment_ids(i) {
                    if let Some(t) = self.document(id).and_then(|d| d.title.as_deref()) {
                        out.push((t.to_string(), self.url(i).to_string()));
                    }
                }
            } else {
                for l in content.links {
                    let url = self.g.url(l.to);
                    if detail_url(url) || is_document(url) {
                        out.push((l.text.to_string(), url.to_string()));
                        if let Some(t) = self.document(l.to).and_then(|d| d.title.as_deref()) {
                            out.push((t.to_string(), url.to_string()));
                        }
                    }
                }
            }
        }
        out
    }
}

pub use crate::extract::urls::is_document;

/// A cell is a date cell when it is short and shows a full date (`2026-11-03`,
/// `2026年11月3日 10:20`); dates mentioned inside longer texts (答复内容) do not count.
const DATE_CELL_CHARS: usize = 24;

/// Dates of the date cells of a data-table row.
pub fn record_dates(r: &[(Txt, Txt)]) -> Vec<Date> {
    r.iter().filter_map(|(_, v)| cell_date(v)).collect()
}

/// The date of a date cell (`2026-11-03`, `2026年11月3日 10:20`), if it is one.
pub fn cell_date(v: &str) -> Option<Date> {
    if v.chars().count() > DATE_CELL_CHARS {
        return None;
    }
    find_dates(v).first().copied()
}

/// A display title for a data-table row: its first non-empty cell that is not a date
/// (留言摘要, 标题 …), at most 60 chars.
pub fn record_title(r: &[(Txt, Txt)]) -> String {
    r.iter()
        .map(|(_, v)| v.trim())
        .find(|v| !v.is_empty() && cell_date(v).is_none())
        .map(|v| v.chars().take(60).collect())
        .unwrap_or_default()
}

/// Is this URL a calendar/date variant of a page (`/hdjl/rl/?d=2026-11-01`)? Such pages
/// are generated for every day and are never columns of their own.
pub fn calendar_variant(url: &str) -> bool {
    url::Url::parse(url).is_ok_and(|u| is_calendar_url(&u))
}

/// The column a page stands for, for counting columns: its host (without `www.`) and URL
/// path without the query,
/// (`index.html`/`default.*` stand for their directory), except for query keys that name a column on script-driven sites (`list.jsp?channelId=12`,
/// `?cid=`, `?catid=`, `?lmid=`). Paging, sorting, date and session parameters are dropped,
/// so pages differing only in those are one column.
pub fn column_key(url: &str) -> String {
    let Ok(u) = url::Url::parse(url) else {
        return url.to_string();
    };
    let mut ids: Vec<(String, String)> = u
        .query_pairs()
        .filter(|(k, v)| {
            let k = k.to_ascii_lowercase();
            !v.is_empty()
                && !date_like(v)
                && !k.contains("page")
                && (k.contains("channel")
                    || k.contains("column")
                    || k.contains("catid")
                    || k.contains("classid")
                    || k.contains("lmid")
                    || k.contains("nodeid")
                    || k == "cid"
                    || k == "id"
                    || k == "lm")
        })
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    ids.sort();
    let path = u.path();
    let last = path.rsplit('/').next().unwrap_or("");
    // the host too: a disclosure platform on a sister host has its own `/zwgk/`
    let host = u.host_str().unwrap_or("");
    let mut key = crate::model::bare_host(host).to_string();
    key.push_str(
        if last.starts_with("index.") || last.starts_with("default.") {
            &path[..path.len() - last.len()]
        } else {
            path
        },
    );
    for (k, v) in ids {
        key.push_str(&format!("&{k}={v}"));
    }
    key
}
