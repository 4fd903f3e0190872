//! A page of the site graph as kept after extraction (body dropped), and the non-HTML
//! resources met while crawling.

use super::edge::{MediaEdge, TextId, UrlId};
use super::facts::{Block, Crumb, DatedItem, Markers, Official, PartialItem, Phone};
use super::links::Links;
use super::meta::Meta;
use super::text::{Interner, Txt};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

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
    /// List entries dated without a year the page could not complete.
    #[serde(default)]
    pub partial_items: Vec<PartialItem>,
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
    /// Numeric tables (a 年报 published as HTML), see `crate::extract::tables`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tables: Vec<super::document::Table>,
    /// Text blocks of a non-article page, for telling template from content (`rules::region`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub blocks: Vec<Block>,
    /// For each of `phones`, the hash of the text block it was read in.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub phone_blocks: Vec<u32>,
    /// Sentences of an article's text naming an official (局长, 副区长 …), see
    /// `crate::extract::officials`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub officials: Vec<Official>,
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
    /// The facts come from the DOM headless Chromium built (scripts run), not the HTTP body.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub rendered: bool,
    /// The crawl request that fetched this page (1 = the first; 0 = not known, e.g. a
    /// graph saved by an older version). "Decided after N requests" counts these.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub order: u32,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
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
        for it in &mut self.partial_items {
            pool.intern(&mut it.title);
            pool.intern_opt(&mut it.url);
        }
        self.partial_items.shrink_to_fit();
        for p in &mut self.phones {
            pool.intern(&mut p.number);
            pool.intern_opt(&mut p.label);
        }
        self.phones.shrink_to_fit();
        let m = &mut self.markers;
        for t in [&mut m.site_code, &mut m.icp, &mut m.psb, &mut m.sponsor] {
            pool.intern_opt(t);
        }
        if let Some(f) = &mut m.search_form {
            // the header's search form is on every page: its strings are shared
            pool.intern(&mut f.action);
            pool.intern_opt(&mut f.charset);
            for (n, v) in &mut f.fields {
                pool.intern(n);
                pool.intern(v);
            }
            f.fields.shrink_to_fit();
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
        for o in &mut self.officials {
            pool.intern(&mut o.text);
        }
        self.officials.shrink_to_fit();
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
