//! Facts of a page that the site graph keeps as they were extracted: how a link was
//! found, what a media reference points to, breadcrumb segments, dated list items,
//! phone numbers and footer markers.

use super::text::Txt;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

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

/// One segment of a breadcrumb (当前位置: 首页 > 政务公开 > …).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Crumb {
    pub text: Txt,
    /// absolute URL of the segment's link
    pub url: Option<Txt>,
}

/// An item of a list with a visible date (list rows, table rows, Hanweb records).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DatedItem {
    pub title: Txt,
    /// absolute URL of the item's link
    pub url: Option<Txt>,
    pub date: Date,
    /// where the year came from when the list printed none
    #[serde(default, skip_serializing_if = "YearFrom::is_written")]
    pub year_from: YearFrom,
}

/// Where a list date's year came from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum YearFrom {
    /// the list printed it
    #[default]
    Written,
    /// the item's URL (`t20210521_…`)
    Url,
    /// the list's other dates
    List,
    /// the linked page's publish date (resolved by the rules)
    Page,
}

impl YearFrom {
    pub fn is_written(&self) -> bool {
        *self == YearFrom::Written
    }
}

/// A list entry whose date was printed without a year that no context on the page could
/// supply (`[05-21]` in a list with no full date and a URL without a date), or in a form
/// not read (`21-05-21`, `2021年5月`: month and day 0).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PartialItem {
    pub title: Txt,
    pub url: Option<Txt>,
    pub month: i8,
    pub day: i8,
}

/// A phone number published as text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Phone {
    /// As normalised digits with separators kept minimal, e.g. `023-63881234`, `12345`, `13812345678`.
    pub number: Txt,
    /// The label in front of it, if any (办公电话, 联系电话, 投诉举报电话 …).
    pub label: Option<Txt>,
}

/// Site-level markers, mostly found in the footer (GOV-D02..D05, ZW-P19).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Markers {
    /// 网站标识码 value if shown as text (10 digits or `bm` + 8 digits)
    pub site_code: Option<Txt>,
    /// ICP备案编号, e.g. `渝ICP备05003300号-1`
    pub icp: Option<Txt>,
    /// 公安机关备案号, e.g. `渝公网安备 50010302000001号`
    pub psb: Option<Txt>,
    /// 党政机关网站标识 (conac script / `_ideConac` / `dzjg.png` image / `bszs.conac.cn` link)
    pub conac: bool,
    /// “我为政府网站找错” entry (`_jiucuo_` script or a link to the jiucuo platform)
    pub jiucuo: bool,
    /// `<meta name="viewport">`
    pub viewport: bool,
    /// a site search form or search link
    pub search: bool,
    /// 主办单位 text, if any
    pub sponsor: Option<Txt>,
    /// page mentions a mobile twin (`_wap.html`, `m.` host) or 手机版
    pub mobile_version: bool,
    /// a form a visitor fills in (application, letter, enquiry): not a search form, with a
    /// text area, or posted, or with two fields or more
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub input_form: bool,
    /// the site-search form as a browser submits it (see `extract::search`)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub search_form: Option<Box<super::search::SearchForm>>,
}

/// A sentence of an article's running text naming an official by office title (see
/// `extract::officials`), with the hash of the text block it was read in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Official {
    pub text: Txt,
    pub block: u32,
}

/// One block of visible text of a column page: a hash of its whitespace-free text and its
/// length in chars (see `extract::blocks` and `rules::region`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Block(pub u32, pub u16);
