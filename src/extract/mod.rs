//! Extraction: decoded HTML text → [`PageFacts`]. Pure functions, no I/O.
//!
//! Everything a person would see or click on a page is captured here once, so the
//! crawl graph and the rule checks never need the page body again:
//! links with their anchor text, frames, media references, breadcrumb (当前位置),
//! title, page-tag meta (SiteName, ColumnName, PubDate …), dated list items,
//! phone numbers, footer markers, headings, table/field labels and JS pagination.

pub mod breadcrumb;
pub mod dates;
pub mod links;
pub mod markers;
pub mod media;
pub mod pagination;
pub mod phones;
pub mod text;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use url::Url;

/// How a link was found on the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LinkKind {
    /// `<a href>`
    Anchor,
    /// `<area href>` of an image map
    Area,
    /// `onclick="window.open('…')"`, `location.href='…'` and similar script targets
    Script,
    /// `<select>` option used as a link menu
    Option,
    /// `<frame src>` / `<iframe src>`: followed as part of the page
    Frame,
    /// JS-built pagination (TRS `createPageHTML`, `countPage`) or Hanweb `<nextgroup>`
    Pagination,
    /// record inside a Hanweb `<datastore>` CDATA block
    Record,
}

/// A link with the text a person sees for it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Link {
    pub url: Url,
    /// Visible anchor text, whitespace-collapsed; falls back to `title`, then the `alt` of an image inside.
    pub text: String,
    pub kind: LinkKind,
}

/// What kind of resource a media reference points to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MediaKind {
    Image,
    Video,
    Audio,
    /// Flash (`.swf`, Flash-only players): unplayable in modern browsers
    Flash,
    /// pdf, doc, docx, xls, xlsx, wps, ppt, pptx, zip, rar, txt …
    Document,
    /// `<embed>`/`<object>` of another type
    Embed,
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

/// One segment of a breadcrumb (当前位置: 首页 > 政务公开 > …).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Crumb {
    pub text: String,
    pub url: Option<Url>,
}

/// An item of a list with a visible date (list rows, table rows, Hanweb records).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DatedItem {
    pub title: String,
    pub url: Option<Url>,
    pub date: Date,
}

/// A phone number published as text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Phone {
    /// As normalised digits with separators kept minimal, e.g. `023-63881234`, `12345`, `13812345678`.
    pub number: String,
    /// The label in front of it, if any (办公电话, 联系电话, 投诉举报电话 …).
    pub label: Option<String>,
}

/// Site-level markers, mostly found in the footer (GOV-D02..D05, ZW-P19).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Markers {
    /// 网站标识码 value if shown as text (10 digits or `bm` + 8 digits)
    pub site_code: Option<String>,
    /// ICP备案编号, e.g. `渝ICP备05003300号-1`
    pub icp: Option<String>,
    /// 公安机关备案号, e.g. `渝公网安备 50010302000001号`
    pub psb: Option<String>,
    /// 党政机关网站标识 (conac script / `_ideConac` / `dzjg.png` image / `bszs.conac.cn` link)
    pub conac: bool,
    /// “我为政府网站找错” entry (`_jiucuo_` script or a link to the jiucuo platform)
    pub jiucuo: bool,
    /// `<meta name="viewport">`
    pub viewport: bool,
    /// a site search form or search link
    pub search: bool,
    /// 主办单位 text, if any
    pub sponsor: Option<String>,
    /// page mentions a mobile twin (`_wap.html`, `m.` host) or 手机版
    pub mobile_version: bool,
}

/// Everything extracted from one HTML page.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PageFacts {
    /// `<title>` text, whitespace-collapsed.
    pub title: Option<String>,
    /// Navigable links (anchors, areas, script targets, select options, pagination, records), in page order.
    pub links: Vec<Link>,
    /// `<frame src>` / `<iframe src>` targets.
    pub frames: Vec<Url>,
    /// Media and attachment references.
    pub media: Vec<MediaRef>,
    /// Breadcrumb segments after the 当前位置 label; empty when the page has none.
    pub breadcrumb: Vec<Crumb>,
    /// `<meta name=… content=…>` page tags, names lower-cased (sitename, siteidcode, columnname, articletitle, pubdate …).
    pub meta: BTreeMap<String, String>,
    /// The page's own publish date (PubDate meta, 发布时间/发布日期 text, or `tYYYYMMDD_` in its URL).
    pub published: Option<Date>,
    /// Dated list items (column listings).
    pub items: Vec<DatedItem>,
    /// Phone numbers published as text.
    pub phones: Vec<Phone>,
    /// Footer / site-level markers.
    pub markers: Markers,
    /// Headings and heading-like lines (h1–h6, bold lead-ins, "一、出台背景", "(一)…"), normalised, at most 200.
    pub headings: Vec<String>,
    /// Field labels: table header cells and `标签：值` labels (名称, 联系电话, 答复日期 …), normalised, deduplicated.
    pub labels: Vec<String>,
    /// The page says the column has no information (暂无信息, 本栏目暂无…).
    pub empty_note: bool,
    /// Number of visible text characters in the main body (navigation and footer included).
    pub text_chars: usize,
    /// Hints that content is built by JavaScript (datastore without records, document.write lists, XHR list loaders).
    pub needs_js: bool,
    /// 64-bit hash of the visible text (soft-404 fingerprinting).
    pub text_hash: u64,
}

/// Extract everything from an HTML document.
///
/// `url` is the final URL of the page (after redirects); relative references are
/// resolved against it (or against `<base href>` when present). Never panics on
/// malformed HTML.
pub fn extract(html: &str, url: &Url) -> PageFacts {
    let _ = (html, url);
    PageFacts::default()
}
