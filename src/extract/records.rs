//! Structured records: data tables with a header row and `标签：值` label–value pairs.
//!
//! Published 留言 (公开信箱, 留言选登, 咨询投诉) are very often a table without a link per
//! row (留言摘要 | 受理日期 | 答复日期 | 答复部门 | 答复内容); single-message pages show
//! label–value text instead (留言时间：2026-11-03 答复时间：2026-11-16 答复单位：区交通局)
//! or a two-column table (`<th>来信时间</th><td>2026-11-03</td>`).
//!
//! * **records**: for each data row of a table whose header row has ≥ 2 short cells
//!   (≤ 12 chars, no digits, no links or nested tables) and whose data rows mostly have the
//!   same cell count: (normalised header label, collapsed cell text ≤ 200 chars). Layout
//!   tables fail these tests. At most 100 rows per page.
//! * **pairs**: `标签：值` / `标签: 值` in the visible text (label ≤ 8 CJK chars and ≤ 12
//!   chars, preceded by a separator), plus label/value cells of key–value tables. At most
//!   50 per page.
//!
//! Cheap by construction: tables come from the shared [`PageIndex`] walk, cell texts are
//! read with a size bound (a layout cell holding the whole page stops early), and only text
//! lines containing a colon are scanned for pairs.

use super::text::{collapse, is_han, is_invisible, normalize, truncate_chars};
use super::{PageFacts, PageIndex};
use ego_tree::iter::Edge;
use scraper::{ElementRef, Node};
use std::collections::HashSet;

/// One table row: (header label, cell text) per column.
pub type Record = Vec<(Txt, Txt)>;

use crate::model::Txt;

/// Data rows kept per page.
pub const MAX_RECORDS: usize = 100;
/// Label–value pairs kept per page.
pub const MAX_PAIRS: usize = 50;
/// Cell and value texts are cut to this many chars.
pub const MAX_CELL_CHARS: usize = 200;
/// Header cells and labels are at most this many chars …
const MAX_LABEL_CHARS: usize = 12;
/// … and at most this many CJK ideographs.
const MAX_LABEL_HAN: usize = 8;
/// Rows of one table examined (header search and cell-count vote).
const MAX_ROWS_SCANNED: usize = 160;

/// Fill `facts.records` and `facts.pairs` from the indexed tables and the visible text.
pub(crate) fn collect(ix: &PageIndex<'_>, flat: &str, facts: &mut PageFacts) {
    let mut records: Vec<Record> = Vec::new();
    let mut pairs: Vec<(String, String)> = Vec::new();
    let mut seen: HashSet<(String, String)> = HashSet::new();
    text_pairs(flat, &mut pairs, &mut seen);
    for table in &ix.tables {
        if records.len() >= MAX_RECORDS && pairs.len() >= MAX_PAIRS {
            break;
        }
        let rows = table_rows(*table);
        if rows.len() < 2 {
            continue;
        }
        let grid: Vec<Vec<Cell>> = rows.iter().map(|r| row_cells(*r)).collect();
        if kv_table(&grid, true, &mut pairs, &mut seen) {
            continue;
        }
        if !data_table(&grid, &mut records) {
            kv_table(&grid, false, &mut pairs, &mut seen);
        }
    }
    facts.records = records;
    facts.pairs = pairs
        .into_iter()
        .map(|(l, v)| (l.into(), v.into()))
        .collect();
}

/// A table cell as read.
struct Cell {
    text: String,
    th: bool,
    /// links inside
    links: usize,
    /// holds a list, a nested table, a frame or a form control (layout, not data)
    block: bool,
}

impl Cell {
    fn busy(&self) -> bool {
        self.links > 0 || self.block
    }
}

/// Rows of a table (directly, or through thead/tbody/tfoot), not those of nested tables.
fn table_rows(table: ElementRef<'_>) -> Vec<ElementRef<'_>> {
    let mut rows = Vec::new();
    for c in table.child_elements() {
        match c.value().name() {
            "tr" => rows.push(c),
            "thead" | "tbody" | "tfoot" => {
                rows.extend(c.child_elements().filter(|r| r.value().name() == "tr"))
            }
            _ => {}
        }
        if rows.len() >= MAX_ROWS_SCANNED {
            rows.truncate(MAX_ROWS_SCANNED);
            break;
        }
    }
    rows
}

fn row_cells(tr: ElementRef<'_>) -> Vec<Cell> {
    tr.child_elements()
        .filter(|c| matches!(c.value().name(), "td" | "th"))
        .map(|c| {
            let (text, links, block) = bounded_text(c, MAX_CELL_CHARS);
            Cell {
                text,
                th: c.value().name() == "th",
                links,
                block,
            }
        })
        .collect()
}

/// Collapsed text of a cell, cut at `max` chars, reading no further than needed; the
/// number of links inside; whether it holds a list, nested table, frame or form control.
fn bounded_text(el: ElementRef<'_>, max: usize) -> (String, usize, bool) {
    let cap = max * 4 + 64;
    let mut raw = String::new();
    let mut links = 0;
    let mut skip: Option<ego_tree::NodeId> = None;
    for edge in el.traverse() {
        match edge {
            Edge::Open(n) if skip.is_none() => match n.value() {
                Node::Text(t) if raw.len() < cap => raw.push_str(t),
                Node::Element(e) => match e.name() {
                    "script" | "style" | "template" => skip = Some(n.id()),
                    "a" => links += 1,
                    // a layout cell: its text does not matter
                    "table" | "ul" | "ol" | "iframe" | "form" | "input" | "select" | "textarea" => {
                        return (truncate_chars(&collapse(&raw), max), links, true);
                    }
                    "br" | "p" | "div" | "li" => raw.push(' '),
                    _ => {}
                },
                _ => {}
            },
            Edge::Close(n) if skip == Some(n.id()) => skip = None,
            _ => {}
        }
        if raw.len() >= cap {
            break;
        }
    }
    (truncate_chars(&collapse(&raw), max), links, false)
}

/// Normalised label: NFKC, no whitespace, no trailing colon or decoration.
fn clean_label(s: &str) -> String {
    normalize(s)
        .trim_end_matches([':', '：'])
        .trim_matches(['*', '[', ']', '【', '】', '|'])
        .to_string()
}

/// A short field name: ≤ 12 chars, ≤ 8 ideographs, no digits, some ideograph or letter.
fn label_like(s: &str) -> bool {
    let n = s.chars().count();
    let han = s.chars().filter(|c| is_han(*c)).count();
    (1..=MAX_LABEL_CHARS).contains(&n)
        && han <= MAX_LABEL_HAN
        && !s.chars().any(|c| c.is_ascii_digit())
        && s.chars().any(|c| is_han(c) || c.is_alphabetic())
}

/// Records of a data table; false when the table does not look like one.
fn data_table(grid: &[Vec<Cell>], out: &mut Vec<Record>) -> bool {
    // header: the first row with ≥ 2 cells, among the first three (a caption row may precede)
    let Some(h) = grid.iter().take(3).position(|r| r.len() >= 2) else {
        return false;
    };
    let header = &grid[h];
    if header.iter().any(Cell::busy) {
        return false;
    }
    let labels: Vec<String> = header.iter().map(|c| clean_label(&c.text)).collect();
    let named = labels.iter().filter(|l| !l.is_empty()).count();
    if named < 2
        || named * 2 < labels.len()
        || labels.iter().any(|l| !l.is_empty() && !label_like(l))
    {
        return false;
    }
    let data: Vec<&Vec<Cell>> = grid[h + 1..]
        .iter()
        .filter(|r| r.iter().any(|c| !c.text.is_empty()))
        .collect();
    let width = labels.len();
    // a data row has the header's shape and no layout cells (lists, menus of links)
    let fits = |r: &Vec<Cell>| r.len() == width && r.iter().all(|c| !c.block && c.links < 2);
    let same = data.iter().filter(|r| fits(r)).count();
    if same == 0 || same * 2 <= data.len() {
        return false;
    }
    for row in data.into_iter().filter(|r| fits(r)) {
        if out.len() >= MAX_RECORDS {
            break;
        }
        // a repeated header row is not data
        if row
            .iter()
            .zip(&labels)
            .all(|(c, l)| clean_label(&c.text) == *l)
        {
            continue;
        }
        out.push(
            labels
                .iter()
                .zip(row.iter())
                .filter(|(l, _)| !l.is_empty())
                .map(|(l, c)| (l.as_str().into(), c.text.as_str().into()))
                .collect(),
        );
    }
    true
}

/// Pairs of a key–value table: every row is label, value (, label, value). `strict`
/// requires the labels to be marked (`<th>` or a trailing colon); otherwise any short
/// label-like cell will do. False when the table is not one.
fn kv_table(
    grid: &[Vec<Cell>],
    strict: bool,
    out: &mut Vec<(String, String)>,
    seen: &mut HashSet<(String, String)>,
) -> bool {
    let rows: Vec<&Vec<Cell>> = grid.iter().filter(|r| !r.is_empty()).collect();
    if rows.len() < 2 {
        return false;
    }
    let shaped = rows.iter().all(|r| {
        (r.len() == 2 || r.len() == 4)
            && r.chunks(2).all(|kv| {
                let k = &kv[0];
                let marked = k.th || k.text.ends_with([':', '：']);
                !k.busy()
                    && !kv[1].block
                    && !kv[1].th
                    && label_like(&clean_label(&k.text))
                    && (!strict || marked)
            })
    });
    if !shaped {
        return false;
    }
    for r in rows {
        for kv in r.chunks(2) {
            push_pair(out, seen, clean_label(&kv[0].text), kv[1].text.clone());
        }
    }
    true
}

fn push_pair(
    out: &mut Vec<(String, String)>,
    seen: &mut HashSet<(String, String)>,
    label: String,
    value: String,
) {
    if out.len() >= MAX_PAIRS || label.is_empty() || value.is_empty() {
        return;
    }
    let value = truncate_chars(&value, MAX_CELL_CHARS);
    if seen.insert((label.clone(), value.clone())) {
        out.push((label, value));
    }
}

/// Characters a `标签：` label is made of.
fn label_char(c: char) -> bool {
    is_han(c) || c.is_ascii_alphabetic() || matches!(c, '（' | '）' | '(' | ')' | '/' | '、')
}

/// Labels of one line: (label start, value start) byte offsets, in order.
fn line_labels(line: &str) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    for (p, colon) in line.match_indices([':', '：']) {
        let mut start = p;
        let mut n = 0;
        for (q, ch) in line[..p].char_indices().rev() {
            if !label_char(ch) {
                break;
            }
            n += 1;
            start = q;
            if n > MAX_LABEL_CHARS {
                break;
            }
        }
        let label = &line[start..p];
        if n == 0 || n > MAX_LABEL_CHARS {
            continue;
        }
        let value_start = p + colon.len();
        // `http://`, `https://`: not a label
        if line[value_start..].starts_with("//") {
            continue;
        }
        let clean = clean_label(label);
        if label_like(&clean) && (clean.chars().any(is_han) || clean.chars().count() >= 2) {
            out.push((start, value_start, clean));
        }
    }
    out
}

/// The value text between a label and the next label (or the end of the line): leading
/// whitespace skipped, cut at the next cell boundary (tab), separators trimmed.
fn value_of(s: &str) -> String {
    let s = s.trim_start_matches(|c: char| c.is_whitespace() || is_invisible(c));
    let s = s.split('\t').next().unwrap_or("");
    let v = collapse(s);
    v.trim_end_matches([' ', '，', ',', '；', ';', '|', '｜', '　'])
        .to_string()
}

/// `标签：值` pairs of the visible text. A label with nothing after it takes the next line
/// as its value (`答复内容：` ⏎ text), unless that line starts with a label itself.
fn text_pairs(flat: &str, out: &mut Vec<(String, String)>, seen: &mut HashSet<(String, String)>) {
    if !flat.contains('：') && !flat.contains(':') {
        return;
    }
    // only lines holding a colon are read: jump from colon to colon
    let mut pos = 0;
    while out.len() < MAX_PAIRS {
        let Some(off) = flat[pos..].find([':', '：']) else {
            break;
        };
        let c = pos + off;
        let ls = flat[..c].rfind('\n').map_or(0, |i| i + 1);
        let le = flat[c..].find('\n').map_or(flat.len(), |i| c + i);
        pos = (le + 1).min(flat.len());
        let line = &flat[ls..le];
        let labels = line_labels(line);
        for (k, (_, vs, label)) in labels.iter().enumerate() {
            let end = labels.get(k + 1).map_or(line.len(), |n| n.0);
            let mut value = value_of(&line[*vs..end.max(*vs)]);
            if value.is_empty()
                && k + 1 == labels.len()
                && let Some(next) = flat[pos..]
                    .split('\n')
                    .find(|l| l.chars().any(|c| !c.is_whitespace() && !is_invisible(c)))
            {
                let starts_with_label = line_labels(next).first().is_some_and(|(s, _, _)| {
                    next[..*s]
                        .chars()
                        .all(|c| c.is_whitespace() || is_invisible(c))
                });
                if !starts_with_label {
                    value = value_of(next);
                }
            }
            push_pair(out, seen, label.clone(), value);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::extract;
    use url::Url;

    fn run(html: &str) -> crate::extract::PageFacts {
        extract(
            html,
            &Url::parse("http://www.test.gov.cn/hdjl/lyxd/").unwrap(),
        )
    }

    fn page(body: &str) -> String {
        format!("<html><head><meta charset=utf-8><title>t</title></head><body>{body}</body></html>")
    }

    #[test]
    fn demo_message_table() {
        let html = include_str!("../../tests/sites/demo/www.xsq.cq.gov.cn/hdjl/lyxd/index.html");
        let f = run(html);
        assert_eq!(f.records.len(), 6, "{:#?}", f.records);
        let labels: Vec<&str> = f.records[0].iter().map(|(l, _)| l.as_str()).collect();
        assert_eq!(
            labels,
            ["留言摘要", "受理日期", "答复日期", "答复部门", "答复内容"]
        );
        let r = &f.records[2];
        assert_eq!(r[0].1, "建议增设秀水一中附近公交站点");
        assert_eq!(r[1].1, "2026-11-03");
        assert_eq!(r[2].1, "2026-11-16");
        assert_eq!(r[3].1, "区交通运输委");
        // the header and footer layout tables give nothing
        assert!(f.records.iter().all(|r| r.len() == 5));
        // footer text pairs
        assert!(
            f.pairs
                .iter()
                .any(|(l, v)| l == "联系电话" && v == "023-68861234"),
            "{:?}",
            f.pairs
        );
        assert!(!f.pairs.iter().any(|(l, _)| l == "http" || l == "https"));
    }

    #[test]
    fn layout_tables_are_ignored() {
        let html = page(
            r#"<table width="1000"><tr><td><a href="/">首页</a></td><td><a href="/zwgk/">政务公开</a></td><td><a href="/hdjl/">互动交流</a></td></tr>
<tr><td colspan="3"><table><tr><td>左侧导航</td><td>正文</td></tr><tr><td><ul><li><a href="/a">栏目一</a></li></ul></td><td>这是一段很长的正文内容，说明本页面的布局是用表格完成的，而不是数据表。</td></tr></table></td></tr></table>
<table><tr><td class="logo">秀水区人民政府</td><td class="search"><form><input name=q></form></td></tr></table>
<table><tr><td>这是一段超过十二个字的说明文字不是表头</td><td>另一段说明</td></tr><tr><td>a</td><td>b</td></tr></table>"#,
        );
        let f = run(&html);
        // the menu row has links, the nested 左侧导航|正文 table holds a list of links, the
        // logo row is a single row with a form, the last one has no short header cells
        assert!(f.records.is_empty(), "{:?}", f.records);
    }

    #[test]
    fn cell_count_vote_rejects_ragged_tables() {
        let html = page(
            "<table><tr><td>栏目</td><td>说明</td></tr><tr><td colspan=2>一大段内容</td></tr>\
             <tr><td colspan=2>又一段内容</td></tr><tr><td>甲</td><td>乙</td></tr></table>",
        );
        assert!(run(&html).records.is_empty());
    }

    #[test]
    fn pairs_on_a_message_page() {
        let html = page(
            r#"<div class="xl"><h1>关于增设公交站点的建议</h1>
<p><span>留言时间：2026-11-03 10:21:05</span>&nbsp;<span>答复时间：2026-11-16</span>　答复单位：区交通局</p>
<p>留言内容：秀水一中附近没有公交站点，学生上下学不便。</p>
<p>答复内容：</p><p>已纳入公交线网优化方案。</p>
<p>详见 http://www.test.gov.cn/a.html</p></div>"#,
        );
        let f = run(&html);
        let get = |k: &str| {
            f.pairs
                .iter()
                .find(|(l, _)| l == k)
                .map(|(_, v)| v.as_str())
        };
        assert_eq!(
            get("留言时间"),
            Some("2026-11-03 10:21:05"),
            "{:?}",
            f.pairs
        );
        assert_eq!(get("答复时间"), Some("2026-11-16"));
        assert_eq!(get("答复单位"), Some("区交通局"));
        assert_eq!(
            get("留言内容"),
            Some("秀水一中附近没有公交站点，学生上下学不便。")
        );
        assert_eq!(get("答复内容"), Some("已纳入公交线网优化方案。"));
        assert_eq!(get("http"), None);
        assert!(f.records.is_empty());
    }

    #[test]
    fn key_value_tables_give_pairs_not_records() {
        let html = page(
            "<table class=xx><tr><th>来信标题</th><td>反映农村公路破损的问题，请尽快处理</td></tr>\
             <tr><th>来信时间</th><td>2026-09-21</td></tr><tr><th>回复单位</th><td>区交通运输委</td>\
             </tr><tr><th>回复时间</th><td>2026年9月24日</td></tr></table>\
             <table class=gkxl-top><tr><td>索引号：</td><td>11500199MB1234567X/2026-00001</td>\
             <td>发布机构：</td><td>秀水区财政局</td></tr><tr><td>生成日期：</td><td>2026-03-05</td>\
             <td>文号：</td><td>秀水财〔2026〕1号</td></tr></table>",
        );
        let f = run(&html);
        assert!(f.records.is_empty(), "{:?}", f.records);
        for (l, v) in [
            ("来信时间", "2026-09-21"),
            ("回复时间", "2026年9月24日"),
            ("回复单位", "区交通运输委"),
            ("发布机构", "秀水区财政局"),
            ("生成日期", "2026-03-05"),
        ] {
            assert!(
                f.pairs.iter().any(|(a, b)| a == l && b == v),
                "{l}: {:?}",
                f.pairs
            );
        }
    }

    #[test]
    fn synthetic_table_with_td_header_thead_and_limits() {
        let mut rows = String::new();
        for i in 0..130 {
            rows.push_str(&format!(
                "<tr><td>  咨询\u{3000}事项{i} </td><td>2026-10-{:02}</td><td>{}</td></tr>",
                i % 28 + 1,
                "很长的答复".repeat(60)
            ));
        }
        let html = page(&format!(
            "<table><tr><td colspan=3>留言选登</td></tr><thead><tr><td>标题：</td><td>受理 时间</td>\
             <td>回复</td></tr></thead><tbody>{rows}</tbody></table>"
        ));
        let f = run(&html);
        assert_eq!(f.records.len(), super::MAX_RECORDS);
        let r = &f.records[0];
        assert_eq!(r[0], ("标题".into(), "咨询 事项0".into()));
        assert_eq!(r[1], ("受理时间".into(), "2026-10-01".into()));
        assert_eq!(r[2].1.chars().count(), super::MAX_CELL_CHARS);
    }

    #[test]
    fn pairs_are_capped_and_deduplicated() {
        let mut body = String::new();
        for i in 0..80 {
            body.push_str(&format!(
                "<p>字段{}：值{i}</p><p>字段：重复</p>",
                "甲乙丙丁"
            ));
        }
        let f = run(&page(&body));
        assert_eq!(f.pairs.len(), super::MAX_PAIRS);
        assert_eq!(f.pairs.iter().filter(|(_, v)| v == "重复").count(), 1);
    }
}
