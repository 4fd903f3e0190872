//! Dated list items and Hanweb/TRS `<datastore>` records.
//!
//! A row is an `li`, `tr` or `dd`, or a `p`/`div` whose parent is a list (`ul`, `ol`, or a
//! class/id containing `list`), that holds 1–4 links and no nested rows. The row's date
//! is found where lists print it ([`super::rowdate`]): outside the link text (a title like
//! "关于2026年1月1日…" does not date the row), in a `title=` attribute, as an element of
//! its own inside the `<a>`, or at the end of the anchor text. Year-less dates (`[05-21]`)
//! take their year from the item URL or the list's other dates; those left without one
//! are kept as [`PartialItem`]s. The title is the anchor text, or its `title` attribute
//! when the text is truncated (`…`/`...`) or empty.
//!
//! Hanweb `<script type="text/xml"><datastore>` blocks: every `<record><![CDATA[…]]>` is
//! parsed as an HTML fragment; its links become [`LinkKind::Record`] links and its dated
//! rows become items. A `<nextgroup>` pointing to `/module/web/jpage/dataproxy.jsp` is not
//! emitted (it is an endpoint, not a page) and sets `needs_js`; other nextgroup links are
//! emitted as [`LinkKind::Pagination`]. A datastore/recordset without records sets
//! `needs_js`.

use super::Txt;
use super::links::{Resolver, link_text};
use super::rowdate::{RowDate, looks_dated, row_date, year_from_neighbours, year_from_url};
use super::text::{collapse, element_text};
use super::{DatedItem, Link, LinkKind, PageFacts, PageIndex, PartialItem, YearFrom};
use regex::Regex;
use scraper::{ElementRef, Html};
use std::sync::LazyLock;

static RECORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?s)<record(?:\s[^>]*)?>\s*(?:<!\[CDATA\[(.*?)\]\]>|(.*?))\s*</record>")
        .expect("record regex")
});
static NEXTGROUP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?s)<nextgroup[^>]*>.*?href\s*=\s*['"]([^'"]+)['"]"#).expect("nextgroup regex")
});

const MAX_ANCHORS_PER_ROW: usize = 4;
const MAX_ROW_CHARS: usize = 400;

/// Collect dated items from rows and datastore records.
pub(crate) fn collect(ix: &PageIndex<'_>, r: &Resolver, facts: &mut PageFacts) {
    let mut rows = Vec::new();
    for row in &ix.rows {
        if let Some(e) = row_entry(*row, r) {
            rows.push(e);
        }
    }
    for b in &ix.blocks {
        if is_list_child(*b)
            && let Some(e) = row_entry(*b, r)
        {
            rows.push(e);
        }
    }
    for s in &ix.scripts {
        let body: String = s.text().collect();
        if !(body.contains("<datastore") || body.contains("<recordset")) {
            continue;
        }
        datastore(&body, r, facts, &mut rows);
    }
    settle(rows, facts);
}

/// A row with its date as printed.
pub(crate) struct Entry {
    title: String,
    url: Option<String>,
    date: RowDate,
}

/// Give year-less rows a year from their URL or their neighbours, then store them.
fn settle(rows: Vec<Entry>, facts: &mut PageFacts) {
    let full: Vec<Option<jiff::civil::Date>> = rows
        .iter()
        .map(|e| match e.date {
            RowDate::Full(d) => Some(d),
            RowDate::Short(..) => None,
        })
        .collect();
    for (k, e) in rows.into_iter().enumerate() {
        let (date, year_from) = match e.date {
            RowDate::Full(d) => (Some(d), YearFrom::Written),
            RowDate::Short(m, d) => match year_from_url(m, d, e.url.as_deref()) {
                Some(x) => (Some(x), YearFrom::Url),
                None => {
                    let above = full[..k].iter().rev().find_map(|x| *x);
                    let below = full[k + 1..].iter().find_map(|x| *x);
                    match year_from_neighbours(m, d, above, below) {
                        Some(x) => (Some(x), YearFrom::List),
                        None => {
                            let p = PartialItem {
                                title: e.title.into(),
                                url: e.url.map(Txt::from),
                                month: m,
                                day: d,
                            };
                            if !facts.partial_items.contains(&p) {
                                facts.partial_items.push(p);
                            }
                            continue;
                        }
                    }
                }
            },
        };
        let Some(date) = date else { continue };
        let item = DatedItem {
            title: e.title.into(),
            url: e.url.map(Txt::from),
            date,
            year_from,
        };
        if !facts
            .items
            .iter()
            .any(|i| i.url == item.url && i.title == item.title && i.date == item.date)
        {
            facts.items.push(item);
        }
    }
}

fn is_list_child(el: ElementRef<'_>) -> bool {
    let Some(p) = el.parent().and_then(ElementRef::wrap) else {
        return false;
    };
    let pe = p.value();
    matches!(pe.name(), "ul" | "ol")
        || pe
            .classes()
            .any(|c| c.to_ascii_lowercase().contains("list"))
        || pe
            .id()
            .is_some_and(|i| i.to_ascii_lowercase().contains("list"))
}

/// A dated entry from one row element, if it has a link and a date outside its title.
pub(crate) fn row_entry(row: ElementRef<'_>, r: &Resolver) -> Option<Entry> {
    let mut anchors = Vec::new();
    for d in row.descendent_elements().skip(1) {
        match d.value().name() {
            "li" | "tr" | "dd" | "ul" | "table" => return None,
            "a" => {
                anchors.push(d);
                if anchors.len() > MAX_ANCHORS_PER_ROW {
                    return None;
                }
            }
            _ => {}
        }
    }
    if anchors.is_empty() {
        return None;
    }
    // text outside anchors
    let mut outside = String::new();
    let mut total = 0usize;
    for n in row.descendants() {
        if let Some(t) = n.value().as_text() {
            total += t.len();
            if total > MAX_ROW_CHARS * 3 {
                return None;
            }
            let in_anchor_or_script = n.ancestors().take_while(|a| a.id() != row.id()).any(|a| {
                a.value()
                    .as_element()
                    .is_some_and(|e| matches!(e.name(), "a" | "script" | "style"))
            });
            if !in_anchor_or_script {
                outside.push_str(t);
                outside.push(' ');
            }
        }
    }
    let a = anchors
        .into_iter()
        .find(|a| !element_text(*a).is_empty() || a.attr("title").is_some())?;
    let (date, cut) = match row_date(row, a, &outside) {
        Some(x) => x,
        // a date in a form not read: kept as an entry with an unknown date (month 0)
        None if looks_dated(&outside) => (RowDate::Short(0, 0), None),
        None => return None,
    };
    let text = cut.unwrap_or_else(|| link_text(a));
    let title_attr = a.attr("title").map(collapse).filter(|t| !t.is_empty());
    let title = match title_attr {
        Some(t)
            if text.is_empty()
                || text.ends_with('…')
                || text.ends_with("...")
                || text.ends_with("..") =>
        {
            t
        }
        _ => text,
    };
    if title.is_empty() {
        return None;
    }
    Some(Entry {
        title,
        url: a
            .attr("href")
            .and_then(|h| r.resolve(h))
            .map(|u| u.to_string()),
        date,
    })
}

fn datastore(body: &str, r: &Resolver, facts: &mut PageFacts, out: &mut Vec<Entry>) {
    let mut records = 0usize;
    for c in RECORD.captures_iter(body) {
        let Some(frag) = c.get(1).or_else(|| c.get(2)) else {
            continue;
        };
        records += 1;
        let doc = Html::parse_fragment(frag.as_str());
        let root = doc.root_element();
        for a in root
            .descendent_elements()
            .filter(|e| e.value().name() == "a")
        {
            if let Some(url) = a.attr("href").and_then(|h| r.resolve(h)) {
                facts.links.push(Link {
                    url,
                    text: link_text(a),
                    kind: LinkKind::Record,
                });
            }
        }
        let rows: Vec<ElementRef<'_>> = root
            .descendent_elements()
            .filter(|e| matches!(e.value().name(), "li" | "tr" | "dd"))
            .collect();
        if rows.is_empty() {
            out.extend(row_entry(root, r));
        } else {
            out.extend(rows.into_iter().filter_map(|row| row_entry(row, r)));
        }
    }
    if records == 0 {
        facts.needs_js = true;
    }
    if let Some(c) = NEXTGROUP.captures(body) {
        let href = c[1].replace("&amp;", "&");
        if href.contains("dataproxy.jsp") {
            facts.needs_js = true;
        } else if let Some(url) = r.resolve(&href)
            && !facts
                .links
                .iter()
                .any(|l| l.url == url && l.kind == LinkKind::Pagination)
        {
            facts.links.push(Link {
                url,
                text: "下一页".to_string(),
                kind: LinkKind::Pagination,
            });
        }
    }
}

/// Script-built lists: scripts referencing `dataproxy.jsp`/`_CONFIG`, or ajax list loaders
/// next to an empty list container, on a page without dated items; script-built menus: an
/// empty menu container (`nav`/`menu` in its id or class) beside an inline script that
/// writes elements into the page, on any page.
pub(crate) fn needs_js_hint(ix: &PageIndex<'_>, facts: &PageFacts) -> bool {
    if script_built_menu(ix) {
        return true;
    }
    if !facts.items.is_empty() {
        return false;
    }
    let mut strong = false;
    let mut ajax = false;
    for s in &ix.scripts {
        if s.attr("src").is_some() {
            continue;
        }
        let body: String = s.text().collect();
        if body.contains("dataproxy.jsp") || has_gkmlpt_config(&body) || body.contains("datacall") {
            strong = true;
        }
        if body.contains("$.ajax")
            || body.contains("$.get(")
            || body.contains("$.post(")
            || body.contains("$.getJSON")
            || body.contains("XMLHttpRequest")
            || body.contains("axios")
            || body.contains("fetch(")
        {
            ajax = true;
        }
    }
    if strong {
        return true;
    }
    ajax && has_empty_list_container(ix)
}

/// `window._CONFIG` / `_CONFIG = {…}` (Guangdong gkmlpt), not `SITE_CONFIG`.
fn has_gkmlpt_config(js: &str) -> bool {
    js.match_indices("_CONFIG").any(|(i, _)| {
        !js[..i]
            .bytes()
            .next_back()
            .is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_')
    })
}

/// Inline script that builds markup (`innerHTML`, `appendChild`, `insertAdjacentHTML`,
/// `document.write('<a …')`, jQuery `.append(`/`.html(`), beside an empty `nav`/`menu`
/// container.
fn script_built_menu(ix: &PageIndex<'_>) -> bool {
    let builds = ix.scripts.iter().any(|s| {
        if s.attr("src").is_some() {
            return false;
        }
        let body: String = s.text().collect();
        body.contains("innerHTML")
            || body.contains("appendChild")
            || body.contains("insertAdjacentHTML")
            || body.contains(".append(")
            || body.contains(".html(")
            || (body.contains("document.write") && body.contains("<a"))
    });
    builds && has_empty_container(ix, &["nav", "menu"])
}

/// An element whose id or class contains one of `names` and holds nothing but whitespace.
fn has_empty_container(ix: &PageIndex<'_>, names: &[&str]) -> bool {
    ix.blocks.iter().chain(ix.lists.iter()).any(|b| {
        let e = b.value();
        let named = |v: &str| {
            let v = v.to_ascii_lowercase();
            names.iter().any(|n| v.contains(n))
        };
        (e.classes().any(named) || e.id().is_some_and(named))
            && b.children()
                .all(|c| c.value().as_text().is_some_and(|t| t.trim().is_empty()))
    })
}

fn has_empty_list_container(ix: &PageIndex<'_>) -> bool {
    ix.blocks.iter().chain(ix.lists.iter()).any(|b| {
        let e = b.value();
        let named_list = e.classes().any(|c| c.to_ascii_lowercase().contains("list"))
            || e.id()
                .is_some_and(|i| i.to_ascii_lowercase().contains("list"));
        named_list
            && b.children()
                .all(|c| c.value().as_text().is_some_and(|t| t.trim().is_empty()))
    })
}

#[cfg(test)]
mod tests {
    use crate::extract::{LinkKind, extract};
    use jiff::civil::date;
    use url::Url;

    fn page() -> Url {
        Url::parse("http://kjt.shandong.gov.cn/col/col103585/index.html").unwrap()
    }

    #[test]
    fn list_rows_with_dates() {
        let html = r#"<ul class="list">
            <li><a href="/a/1.html" title="关于印发《某某管理办法》的通知全文标题">关于印发《某某管理办法》...</a><span>2026-09-04</span></li>
            <li><a href="/a/2.html">2026年1月1日起施行的规定</a></li>
            <li><a href="/a/3.html">三号文件</a>[2026/8/1]</li>
            <li><a href="/a/4.html">短日期</a>[08-01]</li>
            </ul>
            <table><tr><td><a href="/t/5.html">表格行</a></td><td>000014348/2020-35428</td><td>2020年8月5日</td></tr></table>
            <div class="news_list"><div><a href="/d/6.html">块行</a> 2025.12.31</div></div>"#;
        let f = extract(html, &page());
        let got: Vec<(String, String, jiff::civil::Date)> = f
            .items
            .iter()
            .map(|i| {
                let u = url::Url::parse(i.url.as_ref().unwrap()).unwrap();
                (i.title.to_string(), u.path().to_string(), i.date)
            })
            .collect();
        let got: Vec<(&str, &str, jiff::civil::Date)> = got
            .iter()
            .map(|(a, b, d)| (a.as_str(), b.as_str(), *d))
            .collect();
        assert_eq!(
            got,
            vec![
                (
                    "关于印发《某某管理办法》的通知全文标题",
                    "/a/1.html",
                    date(2026, 9, 4)
                ),
                ("三号文件", "/a/3.html", date(2026, 8, 1)),
                // year-less: the year of the entry above it
                ("短日期", "/a/4.html", date(2026, 8, 1)),
                ("表格行", "/t/5.html", date(2020, 8, 5)),
                ("块行", "/d/6.html", date(2025, 12, 31)),
            ]
        );
    }

    fn rows(html: &str) -> Vec<(String, jiff::civil::Date, crate::extract::YearFrom)> {
        extract(html, &page())
            .items
            .iter()
            .map(|i| (i.title.to_string(), i.date, i.year_from))
            .collect()
    }

    #[test]
    fn dates_where_real_lists_print_them() {
        use crate::extract::YearFrom::*;
        let got = rows(
            r#"<ul class="list">
            <li><a href="/a/1.html"><span class="tit">在链接里的日期</span><span class="date">2021-05-21</span></a></li>
            <li><a href="/a/2.html">链接文字末尾的日期 [2021.05.20]</a></li>
            <li><a href="/a/3.html">属性里的日期</a><span title="2021-05-19 10:30:00">05-19</span></li>
            <li><a href="/a/4.html">汉字日期</a><span>二〇二一年五月十八日</span></li>
            <li><a href="/a/5.html">斜杠日期</a><span>2021/5/17</span></li>
            </ul>
            <table><tr><td>1</td><td><a href="/t/6.html">表格里的日期</a></td><td>2021年5月16日</td></tr></table>"#,
        );
        assert_eq!(
            got,
            vec![
                ("在链接里的日期".into(), date(2021, 5, 21), Written),
                ("链接文字末尾的日期".into(), date(2021, 5, 20), Written),
                ("属性里的日期".into(), date(2021, 5, 19), Written),
                ("汉字日期".into(), date(2021, 5, 18), Written),
                ("斜杠日期".into(), date(2021, 5, 17), Written),
                ("表格里的日期".into(), date(2021, 5, 16), Written),
            ]
        );
    }

    #[test]
    fn year_less_dates_take_the_year_from_context() {
        use crate::extract::YearFrom::*;
        // from the URL, from the list's other dates (across a new year), or not at all
        let html = r#"<ul class="list">
            <li><a href="/zwgk/202105/t20210521_1.html">网址带日期</a>[05-21]</li>
            <li><a href="/a/2.jsp">列表有年份</a><span>2021-01-05</span></li>
            <li><a href="/a/3.jsp">跨年</a><span>12-28</span></li>
            </ul>"#;
        assert_eq!(
            rows(html),
            vec![
                ("网址带日期".into(), date(2021, 5, 21), Url),
                ("列表有年份".into(), date(2021, 1, 5), Written),
                ("跨年".into(), date(2020, 12, 28), List),
            ]
        );
        let f = extract(
            r#"<ul class="list"><li><a href="/a/9.jsp">无从知道年份</a><span>[05-21]</span></li>
            <li><a href="/a/8.jsp">格式不认识</a><span>21-05-20</span></li></ul>"#,
            &page(),
        );
        assert!(f.items.is_empty());
        let partial: Vec<(&str, i8, i8)> = f
            .partial_items
            .iter()
            .map(|p| (p.title.as_ref(), p.month, p.day))
            .collect();
        assert_eq!(partial, [("无从知道年份", 5, 21), ("格式不认识", 0, 0)]);
    }

    #[test]
    fn hanweb_datastore_records() {
        let html = r#"<div id="764752"><script type="text/xml"><datastore>
<nextgroup><![CDATA[<a href="/module/web/jpage/dataproxy.jsp?page=1&webid=73&columnid=103585&unitid=764752"></a>]]></nextgroup>
<recordset><ul id="information-list"></ul>
<record><![CDATA[
<li><s></s><a class="ellipsis-line-clamp" href="http://kjt.shandong.gov.cn/art/2026/9/4/art_103585_10328790.html" target="_blank">关于印发《山东省自然科学基金绩效评价工作细则（试行）》的通知</a><span class="pull-right">2026-09-04</span></li>]]></record>
<record><![CDATA[<li><a href="/art/2026/9/1/art_103585_1.html">第二条</a><span>2026-09-01</span></li>]]></record>
</recordset></datastore></script></div>"#;
        let f = extract(html, &page());
        assert_eq!(f.items.len(), 2);
        assert_eq!(f.items[0].date, date(2026, 9, 4));
        assert!(f.items[0].title.starts_with("关于印发《山东省自然科学基金"));
        let rec: Vec<_> = f
            .links
            .iter()
            .filter(|l| l.kind == LinkKind::Record)
            .collect();
        assert_eq!(rec.len(), 2);
        assert_eq!(
            rec[1].url.as_str(),
            "http://kjt.shandong.gov.cn/art/2026/9/1/art_103585_1.html"
        );
        assert!(!f.links.iter().any(|l| l.url.as_str().contains("dataproxy")));
        assert!(f.needs_js, "nextgroup via dataproxy.jsp cannot be followed");
    }

    #[test]
    fn script_built_menu_needs_js() {
        let built = r#"<html><body><ul id="nav"></ul><p>首页</p>
            <script>var m=[["政府信息公开","/zwgk/"]];var h="";
            for(var i=0;i<m.length;i++){h+='<li><a href="'+m[i][1]+'">'+m[i][0]+'</a></li>';}
            document.getElementById("nav").innerHTML=h;</script></body></html>"#;
        assert!(extract(built, &page()).needs_js);
        // the same menu written in the markup: nothing to run
        let plain = r#"<html><body><ul id="nav"><li><a href="/zwgk/">政府信息公开</a></li></ul>
            <script>document.getElementById("x").innerHTML="";</script></body></html>"#;
        assert!(!extract(plain, &page()).needs_js);
    }

    #[test]
    fn empty_datastore_needs_js() {
        let f = extract(
            r#"<script type="text/xml"><datastore><recordset></recordset></datastore></script>"#,
            &page(),
        );
        assert!(f.needs_js);
        assert!(f.items.is_empty());
        let f = extract(
            r#"<ul id="list"></ul><script>$.ajax({url:'/api/list'})</script>"#,
            &page(),
        );
        assert!(f.needs_js);
        let f = extract(
            r#"<ul><li><a href="/x">x</a> 2026-01-01</li></ul>"#,
            &page(),
        );
        assert!(!f.needs_js);
        let f = extract(
            r#"<div id="app"></div><script>window._CONFIG = {SID: "1"};</script>"#,
            &page(),
        );
        assert!(f.needs_js);
        let f = extract(
            r#"<p>正文</p><script>var SITE_CONFIG = {};</script>"#,
            &page(),
        );
        assert!(!f.needs_js);
    }
}
