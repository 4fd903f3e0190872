//! Extraction: decoded HTML text → [`PageFacts`]. Pure functions, no I/O.
//!
//! Everything a person would see or click on a page is captured here once, so the
//! crawl graph and the rule checks never need the page body again:
//! links with their anchor text, frames, media references, breadcrumb (当前位置),
//! title, page-tag meta (SiteName, ColumnName, PubDate …), dated list items,
//! phone numbers, footer markers, headings, table/field labels and JS pagination.

pub mod blocks;
pub mod breadcrumb;
pub mod dates;
pub mod grid;
pub mod items;
pub mod links;
pub mod markers;
pub mod media;
pub mod meta;
pub mod officials;
pub mod pagination;
pub mod phones;
pub mod records;
pub mod redirect;
pub mod rowdate;
pub mod search;
pub mod tables;
pub mod text;
pub mod urls;

use ego_tree::iter::Edge;
use jiff::civil::Date;
use scraper::{ElementRef, Html, Node};
use serde::{Deserialize, Serialize};
use url::Url;

pub use crate::model::{
    Crumb, DatedItem, LinkKind, Markers, MediaKind, Meta, PartialItem, Phone, Txt, YearFrom,
};

/// A link with the text a person sees for it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Link {
    pub url: Url,
    /// Visible anchor text, whitespace-collapsed; falls back to `title`, then the `alt` of an image inside.
    pub text: String,
    pub kind: LinkKind,
}

/// A reference to an image, video, audio file, Flash object or attachment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MediaRef {
    pub url: Url,
    pub kind: MediaKind,
    /// Element and attribute it came from, e.g. `img[src]`, `video[poster]`, `a[href]`.
    pub element: String,
    /// Visible context: alt text, anchor text, or title.
    pub context: String,
}

/// Everything extracted from one HTML page.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PageFacts {
    /// `<title>` text, whitespace-collapsed.
    pub title: Option<Txt>,
    /// Navigable links (anchors, areas, script targets, select options, pagination, records), in page order.
    pub links: Vec<Link>,
    /// `<frame src>` / `<iframe src>` targets.
    pub frames: Vec<Url>,
    /// Media and attachment references.
    pub media: Vec<MediaRef>,
    /// Breadcrumb segments after the 当前位置 label; empty when the page has none.
    pub breadcrumb: Vec<Crumb>,
    /// `<meta name=… content=…>` page tags, names lower-cased (sitename, siteidcode, columnname, articletitle, pubdate …).
    pub meta: Meta,
    /// The page's own publish date (PubDate meta, 发布时间/发布日期 text, or `tYYYYMMDD_` in its URL).
    pub published: Option<Date>,
    /// Dated list items (column listings).
    pub items: Vec<DatedItem>,
    /// List entries dated without a year that the page could not complete.
    #[serde(default)]
    pub partial_items: Vec<PartialItem>,
    /// Phone numbers published as text.
    pub phones: Vec<Phone>,
    /// Footer / site-level markers.
    pub markers: Markers,
    /// Headings and heading-like lines (h1–h6, bold lead-ins, "一、出台背景", "(一)…"), normalised, at most 200.
    pub headings: Vec<Txt>,
    /// Field labels: table header cells and `标签：值` labels (名称, 联系电话, 答复日期 …), normalised, deduplicated.
    pub labels: Vec<Txt>,
    /// The page says the column has no information (暂无信息, 本栏目暂无…).
    pub empty_note: bool,
    /// Number of visible text characters in the main body (navigation and footer included).
    pub text_chars: usize,
    /// Hints that content is built by JavaScript (datastore without records, document.write lists, XHR list loaders).
    pub needs_js: bool,
    /// 64-bit hash of the visible text (soft-404 fingerprinting).
    pub text_hash: u64,
    /// Data-table rows: (normalised header label, cell text) per column, at most 100 (see [`records`]).
    #[serde(default)]
    pub records: Vec<records::Record>,
    /// `标签：值` label–value pairs (and key–value table cells), in page order, at most 50.
    #[serde(default)]
    pub pairs: Vec<(Txt, Txt)>,
    /// Numeric tables (merged cells resolved), at most 8 (see [`tables`]).
    #[serde(default)]
    pub tables: Vec<crate::model::Table>,
    /// Where a `<meta http-equiv="refresh">` or a one-line script redirect sends the browser.
    #[serde(default)]
    pub redirect: Option<Url>,
    /// Text blocks of a page that is not an article (see [`blocks`]); empty for articles.
    #[serde(default)]
    pub blocks: Vec<blocks::Block>,
    /// For each of `phones`, the hash of the text block it was read in (template or content).
    #[serde(default)]
    pub phone_blocks: Vec<u32>,
    /// Sentences of an article naming an official by office title (see [`officials`]).
    #[serde(default)]
    pub officials: Vec<crate::model::Official>,
}

/// Elements and text gathered in one walk over the document, shared by the submodules.
pub(crate) struct PageIndex<'a> {
    pub anchors: Vec<ElementRef<'a>>,
    /// a, area, select and any element with `onclick`, in document order
    pub linkish: Vec<ElementRef<'a>>,
    /// img, video, audio, source, embed, object, iframe, frame (media candidates), in order
    pub media: Vec<ElementRef<'a>>,
    pub frames: Vec<ElementRef<'a>>,
    pub scripts: Vec<ElementRef<'a>>,
    pub metas: Vec<ElementRef<'a>>,
    pub forms: Vec<ElementRef<'a>>,
    pub inputs: Vec<ElementRef<'a>>,
    pub headings: Vec<ElementRef<'a>>,
    pub bolds: Vec<ElementRef<'a>>,
    pub ths: Vec<ElementRef<'a>>,
    pub tables: Vec<ElementRef<'a>>,
    pub dts: Vec<ElementRef<'a>>,
    /// li, tr, dd
    pub rows: Vec<ElementRef<'a>>,
    /// p, div (row candidates inside lists)
    pub blocks: Vec<ElementRef<'a>>,
    /// ul, ol, tbody
    pub lists: Vec<ElementRef<'a>>,
    /// elements whose class/id looks like a breadcrumb container
    pub crumb_boxes: Vec<ElementRef<'a>>,
    /// text nodes containing 位置 (breadcrumb labels)
    pub position_texts: Vec<ego_tree::NodeRef<'a, Node>>,
    pub title: Option<ElementRef<'a>>,
    pub base: Option<ElementRef<'a>>,
    /// an element id/class mentions conac (`_ideConac`)
    pub conac_id: bool,
    /// an element id mentions jiucuo (`_jiucuo_`, `_span_jiucuo`)
    pub jiucuo_id: bool,
    /// Visible text (no script/style/head), block boundaries as `\n`, cells as `\t`.
    pub text: String,
}

const CRUMB_TOKENS: &[&str] = &[
    "crumb",
    "position",
    "location",
    "dqwz",
    "bread",
    "weizhi",
    "curpos",
    "current-pos",
    "nav-path",
    "navpath",
];

static CRUMB_MATCHER: std::sync::LazyLock<aho_corasick::AhoCorasick> =
    std::sync::LazyLock::new(|| {
        aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(CRUMB_TOKENS)
            .expect("crumb tokens")
    });

fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "li"
            | "tr"
            | "ul"
            | "ol"
            | "dl"
            | "dd"
            | "dt"
            | "table"
            | "tbody"
            | "thead"
            | "tfoot"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "br"
            | "hr"
            | "section"
            | "article"
            | "header"
            | "footer"
            | "nav"
            | "aside"
            | "main"
            | "form"
            | "blockquote"
            | "pre"
            | "address"
            | "center"
            | "option"
            | "fieldset"
            | "figure"
            | "figcaption"
            | "caption"
            | "marquee"
    )
}

impl<'a> PageIndex<'a> {
    pub fn build(html: &'a Html) -> Self {
        let mut ix = PageIndex {
            anchors: Vec::new(),
            linkish: Vec::new(),
            media: Vec::new(),
            frames: Vec::new(),
            scripts: Vec::new(),
            metas: Vec::new(),
            forms: Vec::new(),
            inputs: Vec::new(),
            headings: Vec::new(),
            bolds: Vec::new(),
            ths: Vec::new(),
            tables: Vec::new(),
            dts: Vec::new(),
            rows: Vec::new(),
            blocks: Vec::new(),
            lists: Vec::new(),
            crumb_boxes: Vec::new(),
            position_texts: Vec::new(),
            title: None,
            base: None,
            conac_id: false,
            jiucuo_id: false,
            text: String::new(),
        };
        // depth of elements whose text is not visible (script, style, head …)
        let mut hidden = 0usize;
        for edge in html.tree.root().traverse() {
            match edge {
                Edge::Open(node) => match node.value() {
                    Node::Element(e) => {
                        let name = e.name();
                        if matches!(
                            name,
                            "script" | "style" | "template" | "noscript" | "head" | "title"
                        ) {
                            hidden += 1;
                        }
                        let Some(el) = ElementRef::wrap(node) else {
                            continue;
                        };
                        match name {
                            "a" => {
                                ix.anchors.push(el);
                                ix.linkish.push(el);
                            }
                            "area" | "select" => ix.linkish.push(el),
                            "img" | "video" | "audio" | "source" | "embed" | "object" => {
                                ix.media.push(el)
                            }
                            "iframe" | "frame" => {
                                ix.media.push(el);
                                ix.frames.push(el);
                            }
                            "script" => ix.scripts.push(el),
                            "meta" => ix.metas.push(el),
                            "form" => ix.forms.push(el),
                            "input" | "button" => ix.inputs.push(el),
                            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => ix.headings.push(el),
                            "strong" | "b" => ix.bolds.push(el),
                            "th" => ix.ths.push(el),
                            "table" => ix.tables.push(el),
                            "dt" => ix.dts.push(el),
                            "li" | "tr" | "dd" => ix.rows.push(el),
                            "p" | "div" => ix.blocks.push(el),
                            "ul" | "ol" | "tbody" => ix.lists.push(el),
                            "title" if ix.title.is_none() => ix.title = Some(el),
                            "base" if ix.base.is_none() && e.attr("href").is_some() => {
                                ix.base = Some(el)
                            }
                            _ => {}
                        }
                        if e.attr("onclick").is_some() && !matches!(name, "a" | "area" | "select") {
                            ix.linkish.push(el);
                        }
                        let id = e.id().unwrap_or("");
                        if !id.is_empty() {
                            let lid = id.to_ascii_lowercase();
                            ix.conac_id |= lid.contains("conac");
                            ix.jiucuo_id |= lid.contains("jiucuo");
                        }
                        let class = e.attr("class").unwrap_or("");
                        if (!class.is_empty() || !id.is_empty())
                            && !matches!(name, "a" | "span" | "i" | "img" | "li")
                            && (CRUMB_MATCHER.is_match(class) || CRUMB_MATCHER.is_match(id))
                        {
                            ix.crumb_boxes.push(el);
                        }
                        if hidden == 0 {
                            if matches!(name, "td" | "th") {
                                ix.text.push('\t');
                            } else if is_block(name) {
                                ix.text.push('\n');
                            }
                        }
                    }
                    Node::Text(t) if hidden == 0 => {
                        ix.text.push_str(t);
                        if t.contains("位置") {
                            ix.position_texts.push(node);
                        }
                    }
                    _ => {}
                },
                Edge::Close(node) => {
                    if let Node::Element(e) = node.value() {
                        let name = e.name();
                        if matches!(
                            name,
                            "script" | "style" | "template" | "noscript" | "head" | "title"
                        ) {
                            hidden = hidden.saturating_sub(1);
                        } else if hidden == 0 && is_block(name) {
                            ix.text.push('\n');
                        }
                    }
                }
            }
        }
        ix
    }
}

/// Most tags parsed per page. The DOM costs far more than the bytes it is built from
/// (a 10 MB page of bare `<p>` tags is millions of nodes): with this cap a page's tree
/// stays within a few tens of MB whatever the site sends. Real pages have a few thousand.
pub const MAX_TAGS: usize = 100_000;

/// The part of a page that is parsed: everything up to the [`MAX_TAGS`]-th tag. Returns
/// the text to parse and whether it was cut.
pub fn bounded_markup(html: &str) -> (&str, bool) {
    match memchr::memchr_iter(b'<', html.as_bytes()).nth(MAX_TAGS) {
        // `<` is ASCII, so the cut is on a character boundary
        Some(cut) => (&html[..cut], true),
        None => (html, false),
    }
}

/// Extract everything from an HTML document.
///
/// `url` is the final URL of the page (after redirects); relative references are
/// resolved against it (or against `<base href>` when present). Never panics on
/// malformed HTML.
///
/// Notes on semantics:
/// * year-less list dates (`[11-03]`) are ignored (no context year is assumed);
/// * `empty_note` is set only when an "暂无信息"-style phrase is visible and the page has
///   no dated items;
/// * links are not deduplicated (each occurrence keeps its own anchor text), media are
///   deduplicated by (url, kind), JS pagination links by url.
pub fn extract(html: &str, url: &Url) -> PageFacts {
    let doc = Html::parse_document(html);
    let ix = PageIndex::build(&doc);
    let resolver = links::Resolver::new(url, ix.base);
    let mut facts = PageFacts {
        title: ix
            .title
            .map(text::element_text)
            .filter(|t| !t.is_empty())
            .map(Txt::from),
        ..PageFacts::default()
    };

    // visible text: `flat` keeps block structure; `norm` is whitespace-free for hashing and
    // phrase matching (no NFKC here: it would cost more than the rest of extraction; the
    // regexes accept full- and half-width punctuation and phones fold widths themselves)
    let flat: &str = &ix.text;
    let norm: String = flat
        .chars()
        .filter(|c| !c.is_whitespace() && !text::is_invisible(*c))
        .collect();
    facts.text_chars = norm.chars().count();
    facts.text_hash = text::fast_hash(&norm);

    facts.meta = meta::collect(&ix.metas);
    links::collect(&ix, &resolver, &mut facts);
    media::collect(&ix, &resolver, &mut facts);
    facts.breadcrumb = breadcrumb::extract(&ix, &resolver);
    items::collect(&ix, &resolver, &mut facts);
    pagination::collect(&ix, &resolver, url, &mut facts);
    facts.phones =
        phones::find_phones_in(flat, url.host_str().and_then(phones::area_code_for_host));
    facts.markers = markers::collect(&ix, flat, &facts);
    facts.markers.search_form = search::find(&ix, &resolver, url);
    facts.markers.search |= facts.markers.search_form.is_some();
    facts.published = facts
        .meta
        .iter()
        .filter(|(k, _)| {
            matches!(
                k.as_str(),
                "pubdate" | "publishdate" | "firstpublishedtime" | "publishtime" | "pubtime"
            )
        })
        .find_map(|(_, v)| dates::parse_date(v))
        .or_else(|| published_from_text(flat))
        .or_else(|| dates::date_from_url(url.as_str()));
    facts.headings = markers::headings(&ix, flat)
        .into_iter()
        .map(Txt::from)
        .collect();
    facts.labels = markers::labels(&ix, flat)
        .into_iter()
        .map(Txt::from)
        .collect();
    records::collect(&ix, flat, &mut facts);
    facts.tables = tables::collect(&ix);
    facts.empty_note =
        facts.items.is_empty() && facts.partial_items.is_empty() && markers::has_empty_note(&norm);
    facts.needs_js |= items::needs_js_hint(&ix, &facts);
    facts.redirect = redirect::find(&ix, &resolver, url);
    // a stub whose script builds its target: the browser follows it
    facts.needs_js |= facts.redirect.is_none()
        && facts.items.is_empty()
        && redirect::script_may_redirect(&ix, facts.text_chars);
    facts.phone_blocks = facts
        .phones
        .iter()
        .map(|ph| {
            let digits: String = ph.number.chars().filter(|c| c.is_ascii_digit()).collect();
            blocks::containing_digits(flat, &digits).unwrap_or(0)
        })
        .collect();
    if facts.published.is_none() && !facts.meta.contains_key("articletitle") {
        facts.blocks = blocks::split(flat);
    } else {
        facts.officials = officials::collect(flat, &facts.links);
    }
    facts
}

static PUBLISHED_LABEL: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"(?:发布时间|发布日期|发布于|公开日期|发稿时间|发文时间|信息时间|上传时间|更新时间|更新日期|录入时间|时间|日期)\s*[\]】]?\s*[:：]?\s*[\[【]?",
    )
    .expect("published regex")
});

/// The first date right after a 发布时间/发布日期/日期/时间 label in the visible text.
/// Specific labels win over the generic 日期/时间; the generic ones must not be part of a
/// longer word (成文日期, 生成日期 …).
fn published_from_text(flat: &str) -> Option<Date> {
    let mut generic: Option<Date> = None;
    for m in PUBLISHED_LABEL.find_iter(flat) {
        let label = m.as_str();
        let is_generic = label.starts_with("时间") || label.starts_with("日期");
        if is_generic
            && flat[..m.start()]
                .chars()
                .next_back()
                .is_some_and(text::is_han)
        {
            continue;
        }
        let rest = &flat[m.end()..];
        let window = match rest.char_indices().nth(24) {
            Some((i, _)) => &rest[..i],
            None => rest,
        };
        if let Some((pos, d)) = dates::find_dates_at(window).first().copied() {
            if pos > 3 {
                continue;
            }
            if !is_generic {
                return Some(d);
            }
            generic.get_or_insert(d);
        }
    }
    generic
}

#[cfg(test)]
mod tests;
