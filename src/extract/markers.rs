//! Site-level markers (footer), headings, field labels and "no information" notes.
//!
//! * 网站标识码 (text only; the `SiteIDCode` meta stays in `meta`), ICP备案号,
//!   公安备案号 (`…公网安备 15062102000168号` or `公安备案号：35012899001-19002`), 主办单位;
//! * conac 党政机关标识 (script src/inline script with `conac.cn`, id `_ideConac`, `dzjg`/`conac`
//!   images, links to `bszs.conac.cn`), 我为政府网站找错 (`_jiucuo_` script, jiucuo ids/links,
//!   the text), viewport meta, site search (form action/inputs or a 搜索 link), mobile twin
//!   (`_wap.html` links, `m.`/`wap.` hosts, 手机版/移动版 text);
//! * headings: h1–h6, bold lead-ins, lines starting with 一、/（一）/1./第一部分 …;
//! * labels: `th`, header-like first table rows, `dt`, and `标签：` prefixes of text lines.

use super::text::{element_text, is_han, normalize, truncate_chars};
use super::{Markers, PageFacts, PageIndex};
use regex::Regex;
use std::collections::HashSet;
use std::sync::LazyLock;

static SITE_CODE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"网站标识码\s*[:：]?\s*((?i:bm)\d{8}|\d{10})(?:\D|$)").expect("site code regex")
});
static ICP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[京津沪渝冀晋辽吉黑苏浙皖闽赣鲁豫鄂湘粤琼川蜀贵黔云滇陕秦甘陇青蒙桂藏宁新]\s*ICP\s*[备证]\s*\d+\s*号(?:\s*-\s*\d+)?")
        .expect("icp regex")
});
static PSB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[京津沪渝冀晋辽吉黑苏浙皖闽赣鲁豫鄂湘粤琼川贵云陕甘青蒙桂藏宁新]?公网安备\s*\d{10,16}\s*号?|公安(?:机关)?备案号?\s*[:：]?\s*\d[\d\-]{8,20}")
        .expect("psb regex")
});
static SPONSOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"主办(?:单位)?\s*[:：]\s*([^\s|｜,，。;；:：]{2,40})").expect("sponsor regex")
});
static NUMBERED_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[一二三四五六七八九十]{1,3}[、.．]|[(（][一二三四五六七八九十]{1,3}[)）]|\d{1,2}[.、．](?:\D|$)|[(（]\d{1,2}[)）]|第[一二三四五六七八九十百\d]{1,4}(?:部分|章|条|节|篇))")
        .expect("numbered line regex")
});
static LINE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[\s|｜\t])([\p{Han}A-Za-z()（）/、]{2,12})\s*[:：]")
        .expect("line label regex")
});

const EMPTY_NOTES: &[&str] = &[
    "暂无信息",
    "暂无相关信息",
    "本栏目暂无",
    "无此类信息",
    "暂无数据",
    "没有找到相关信息",
    "暂无内容",
    "暂无记录",
    "暂无公开信息",
    "该栏目暂无",
    "暂无相关内容",
    "没有相关信息",
];

const MAX_HEADINGS: usize = 200;
const MAX_LABELS: usize = 300;
const MAX_ITEM_CHARS: usize = 60;

/// Collect footer/site markers.
pub(crate) fn collect(ix: &PageIndex<'_>, flat: &str, facts: &PageFacts) -> Markers {
    let mut m = Markers {
        site_code: SITE_CODE.captures(flat).map(|c| c[1].into()),
        icp: ICP.find(flat).map(|x| squeeze(x.as_str()).into()),
        psb: PSB
            .find(flat)
            .map(|x| super::text::collapse(x.as_str()).into()),
        sponsor: SPONSOR.captures(flat).map(|c| c[1].into()),
        conac: ix.conac_id,
        jiucuo: ix.jiucuo_id || flat.contains("政府网站找错"),
        ..Markers::default()
    };
    if m.icp.is_none() {
        // ICP number only in a link title (`<a title="闽ICP备…">`)
        m.icp = ix
            .anchors
            .iter()
            .filter_map(|a| a.attr("title"))
            .find_map(|t| ICP.find(t).map(|x| squeeze(x.as_str()).into()));
    }
    for s in &ix.scripts {
        let src = s.attr("src").unwrap_or("").to_ascii_lowercase();
        if src.contains("conac") {
            m.conac = true;
        }
        if src.contains("jiucuo") || s.attr("id").is_some_and(|i| i.contains("jiucuo")) {
            m.jiucuo = true;
        }
        if src.is_empty() && !(m.conac && m.jiucuo) {
            let body: String = s.text().collect();
            m.conac |= body.contains("conac.cn") || body.contains("_ideConac");
            m.jiucuo |= body.contains("jiucuo");
        }
    }
    for el in &ix.media {
        if el.value().name() == "img" {
            let src = el.attr("src").unwrap_or("").to_ascii_lowercase();
            if src.contains("dzjg") || src.contains("conac") {
                m.conac = true;
            }
        }
    }
    for l in &facts.links {
        let host = l.url.host_str().unwrap_or("");
        if host.contains("conac") {
            m.conac = true;
        }
        if l.url.as_str().contains("jiucuo") || l.text.contains("找错") {
            m.jiucuo = true;
        }
        let path = l.url.path();
        if path.contains("_wap.") || host.starts_with("m.") || host.starts_with("wap.") {
            m.mobile_version = true;
        }
        if matches!(
            l.text.as_str(),
            "搜索" | "站内搜索" | "高级搜索" | "全站搜索" | "检索"
        ) {
            m.search = true;
        }
    }
    m.mobile_version |= ["手机版", "移动版", "手机端", "WAP版", "wap版"]
        .iter()
        .any(|k| flat.contains(k));
    m.viewport = ix.metas.iter().any(|x| {
        x.attr("name")
            .is_some_and(|n| n.trim().eq_ignore_ascii_case("viewport"))
    });
    m.search |= ix.forms.iter().any(|f| super::search::is_search_form(*f));
    m.input_form = ix
        .forms
        .iter()
        .any(|f| !super::search::is_search_form(*f) && visitor_form(*f));
    m.search |= ix.inputs.iter().any(|i| super::search::is_query_input(*i));
    m
}

/// A form a visitor fills in: a text area, or a posted form with a field, or two fields.
fn visitor_form(f: scraper::ElementRef<'_>) -> bool {
    let posted = f
        .value()
        .attr("method")
        .is_some_and(|m| m.trim().eq_ignore_ascii_case("post"));
    let mut fields = 0;
    for n in f.descendants() {
        let Some(e) = n.value().as_element() else {
            continue;
        };
        match e.name() {
            "textarea" => return true,
            "select" => fields += 1,
            "input" => {
                let t = e.attr("type").unwrap_or("text").trim().to_ascii_lowercase();
                if matches!(
                    t.as_str(),
                    "text" | "" | "email" | "tel" | "number" | "date" | "file"
                ) {
                    fields += 1;
                }
            }
            _ => {}
        }
    }
    fields >= 2 || (posted && fields >= 1)
}

/// Collapse all whitespace out of a matched marker (`蒙ICP备 13001412号 -2` → `蒙ICP备13001412号-2`).
fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn push_unique(out: &mut Vec<String>, seen: &mut HashSet<String>, s: String, max: usize) {
    if out.len() < max && !s.is_empty() && seen.insert(s.clone()) {
        out.push(s);
    }
}

/// Headings and heading-like lines, normalised, ≤ 60 chars each, at most 200.
pub(crate) fn headings(ix: &PageIndex<'_>, flat: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    for h in &ix.headings {
        let t = truncate_chars(&normalize(&element_text(*h)), MAX_ITEM_CHARS);
        push_unique(&mut out, &mut seen, t, MAX_HEADINGS);
    }
    for b in &ix.bolds {
        let t = normalize(&element_text(*b));
        let n = t.chars().count();
        if !(2..=MAX_ITEM_CHARS).contains(&n) {
            continue;
        }
        // lead-in: nothing but whitespace (or empty inline elements) before it in its parent
        let lead = b.prev_siblings().all(|s| match s.value() {
            scraper::Node::Text(x) => x.chars().all(char::is_whitespace),
            scraper::Node::Element(e) => {
                matches!(e.name(), "br" | "img" | "i" | "span" | "a" | "font")
                    && s.children()
                        .all(|c| c.value().as_text().is_some_and(|x| x.trim().is_empty()))
            }
            _ => true,
        });
        if lead {
            push_unique(&mut out, &mut seen, t, MAX_HEADINGS);
        }
    }
    for line in flat.lines() {
        let line = line.trim_start_matches(|c: char| c.is_whitespace() || c == '\t');
        if line.is_empty() || !NUMBERED_LINE.is_match(line) {
            continue;
        }
        let t = truncate_chars(&normalize(line), MAX_ITEM_CHARS);
        if t.chars().count() >= 3 {
            push_unique(&mut out, &mut seen, t, MAX_HEADINGS);
        }
    }
    out
}

fn clean_label(s: &str) -> String {
    normalize(s)
        .trim_end_matches([':', '：'])
        .trim_matches(['*', '[', ']', '【', '】'])
        .to_string()
}

/// Field labels, normalised, deduplicated, ≤ 60 chars each.
pub(crate) fn labels(ix: &PageIndex<'_>, flat: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    let ok = |s: &String| {
        let n = s.chars().count();
        (1..=MAX_ITEM_CHARS).contains(&n) && s.chars().any(|c| is_han(c) || c.is_alphabetic())
    };
    for th in &ix.ths {
        let t = clean_label(&element_text(*th));
        if ok(&t) {
            push_unique(&mut out, &mut seen, t, MAX_LABELS);
        }
    }
    for dt in &ix.dts {
        let t = clean_label(&element_text(*dt));
        if ok(&t) {
            push_unique(&mut out, &mut seen, t, MAX_LABELS);
        }
    }
    for table in &ix.tables {
        // first row of cells that looks like a header: ≥ 2 short cells without links/dates
        let Some(tr) = table
            .descendent_elements()
            .find(|e| e.value().name() == "tr")
        else {
            continue;
        };
        if tr
            .descendent_elements()
            .any(|e| matches!(e.value().name(), "table" | "a" | "th"))
        {
            continue;
        }
        let cells: Vec<String> = tr
            .child_elements()
            .filter(|c| c.value().name() == "td")
            .map(|c| clean_label(&element_text(c)))
            .collect();
        let header_like = cells.len() >= 2
            && cells.iter().all(|c| {
                let n = c.chars().count();
                (1..=12).contains(&n) && c.chars().all(|ch| !ch.is_ascii_digit())
            });
        if header_like {
            for c in cells {
                push_unique(&mut out, &mut seen, c, MAX_LABELS);
            }
        }
    }
    for line in flat.lines() {
        if !(line.contains('：') || line.contains(':')) {
            continue;
        }
        for c in LINE_LABEL.captures_iter(line) {
            let t = clean_label(&c[1]);
            if ok(&t) && t.chars().any(is_han) && !t.contains("位置") {
                push_unique(&mut out, &mut seen, t, MAX_LABELS);
            }
        }
    }
    out
}

/// Does the (normalised) visible text say the column has no information?
pub fn has_empty_note(norm: &str) -> bool {
    EMPTY_NOTES.iter().any(|k| norm.contains(k))
}

#[cfg(test)]
mod tests {
    use crate::extract::extract;
    use url::Url;

    fn page() -> Url {
        Url::parse("http://www.x.gov.cn/").unwrap()
    }

    #[test]
    fn visitor_forms_are_told_from_search_boxes() {
        let form = |h: &str| extract(h, &page()).markers.input_form;
        // a search box alone is no service form
        assert!(!form(
            r#"<form action="/search" method="get"><input name="q"><input type="submit" value="搜索"></form>"#
        ));
        // a letter form with a text area, a posted one-field form, a two-field form
        assert!(form(
            r#"<form method="get" action="/was5/web/search"><input name="searchword"></form><form method="post" action="/hdjl/submit"><input name="bt"><textarea name="nr"></textarea></form>"#
        ));
        assert!(form(
            r#"<form method="POST" action="/x"><input name="bt"></form>"#
        ));
        assert!(form(
            r#"<form action="/apply"><input name="name"><select name="kind"><option>1</option></select></form>"#
        ));
        // hidden fields and buttons are not fields
        assert!(!form(
            r#"<form action="/x"><input type="hidden" name="a"><input type="submit"></form>"#
        ));
    }

    #[test]
    fn footer_markers() {
        let html = r#"<html><head><meta name="Viewport" content="width=device-width"></head><body>
            <form action="/was5/web/search"><input name="searchword"></form>
            <div>主办单位：重庆市文化和旅游发展委员会　承办：信息中心</div>
            <p>网站标识码：5000000047 渝ICP备 05003300号-1 渝公网安备 50010302000001号</p>
            <span id="_ideConac"></span><script id="_jiucuo_" sitecode="5000000047" src="https://zfwzgl.www.gov.cn/exposure/jiucuo.js"></script>
            <a href="/index_wap.html">手机版</a></body></html>"#;
        let m = extract(html, &page()).markers;
        assert_eq!(m.site_code.as_deref(), Some("5000000047"));
        assert_eq!(m.icp.as_deref(), Some("渝ICP备05003300号-1"));
        assert_eq!(m.psb.as_deref(), Some("渝公网安备 50010302000001号"));
        assert_eq!(m.sponsor.as_deref(), Some("重庆市文化和旅游发展委员会"));
        assert!(m.conac && m.jiucuo && m.viewport && m.search && m.mobile_version);
        let m = extract("<p>网站标识码 bm17000009</p>", &page()).markers;
        assert_eq!(m.site_code.as_deref(), Some("bm17000009"));
        let m = extract("<p>hello</p>", &page()).markers;
        assert_eq!(m, crate::extract::Markers::default());
    }

    #[test]
    fn headings_and_labels() {
        let html = r#"<h1>政策解读</h1><p><strong>一、出台背景</strong>为了……</p>
            <p>（二）主要内容 本办法共五章</p><p>3.实施时间</p><p>第一部分 总体要求</p>
            <table><tr><td>名 称</td><td>资质或者等级</td><td>业务范围</td></tr><tr><td>某公司</td><td>甲级</td><td>2026</td></tr></table>
            <table><tr><th>留言时间</th><th>答复单位</th></tr></table>
            <dl><dt>办公时间：</dt><dd>9:00</dd></dl>
            <p>地址：重庆市渝中区 联系电话：023-63881234</p>"#;
        let f = extract(html, &page());
        for h in [
            "政策解读",
            "一、出台背景",
            "(二)主要内容本办法共五章",
            "3.实施时间",
            "第一部分总体要求",
        ] {
            assert!(
                f.headings.iter().any(|x| x == h),
                "{h} missing in {:?}",
                f.headings
            );
        }
        for l in [
            "名称",
            "资质或者等级",
            "业务范围",
            "留言时间",
            "答复单位",
            "办公时间",
            "地址",
            "联系电话",
        ] {
            assert!(
                f.labels.iter().any(|x| x == l),
                "{l} missing in {:?}",
                f.labels
            );
        }
        assert!(!f.labels.iter().any(|x| x == "某公司"));
    }

    #[test]
    fn empty_note() {
        assert!(extract("<div class=list>本栏目暂无信息</div>", &page()).empty_note);
        assert!(extract("<div>暂无 数据</div>", &page()).empty_note);
        assert!(!extract("<div>有数据</div>", &page()).empty_note);
    }
}
