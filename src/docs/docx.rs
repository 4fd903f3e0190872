//! DOCX (Office Open XML): `word/document.xml` read with quick-xml through the zip-bomb
//! guard. Paragraphs become text lines; top-level tables (`w:tbl`) become grids with
//! `w:gridSpan` and `w:vMerge` resolved; text of nested tables stays in its outer cell.

use super::error::DocError;
use super::zipguard;
use crate::extract::grid::{Grid, SpanCell};
use crate::model::Extracted;
use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

/// Text lines kept per document.
pub const MAX_LINES: usize = 20_000;

pub fn read(bytes: &[u8]) -> Result<Extracted, DocError> {
    let mut zip = zipguard::open(bytes)?;
    if zipguard::read_entry(&mut zip, "EncryptionInfo")?.is_some() {
        return Err(DocError::Encrypted("DOCX 加密".into()));
    }
    let xml = zipguard::read_entry(&mut zip, "word/document.xml")?
        .ok_or_else(|| DocError::Malformed("缺少 word/document.xml".into()))?;
    let xml = String::from_utf8_lossy(&xml);
    parse_document_xml(&xml)
}

fn attr(e: &BytesStart<'_>, name: &str) -> Option<String> {
    e.try_get_attribute(name)
        .ok()
        .flatten()
        .map(|a| a.value.to_string())
}

#[derive(Default)]
struct State {
    out: Extracted,
    /// nesting depth of w:tbl
    depth: usize,
    grid: Grid,
    row: Vec<SpanCell>,
    cell: Option<SpanCell>,
    para: String,
    in_text: bool,
}

impl State {
    fn text(&mut self, s: &str) {
        if self.in_text {
            self.para.push_str(s);
        }
    }

    fn end_para(&mut self) {
        let p = std::mem::take(&mut self.para);
        let p = p.trim();
        if p.is_empty() {
            return;
        }
        match self.cell.as_mut() {
            Some(c) => {
                if !c.text.is_empty() {
                    c.text.push(' ');
                }
                c.text.push_str(p);
            }
            None => {
                if self.out.lines.len() < MAX_LINES {
                    self.out.lines.push(p.to_string());
                }
            }
        }
    }
}

/// Parse the main document part.
pub fn parse_document_xml(xml: &str) -> Result<Extracted, DocError> {
    let mut r = Reader::from_str(xml);
    let mut st = State::default();
    loop {
        let ev = r.read_event().map_err(DocError::malformed)?;
        match ev {
            Event::Start(e) => start(&mut st, &e, false),
            Event::Empty(e) => start(&mut st, &e, true),
            Event::End(e) => match e.local_name().as_ref() {
                "t" => st.in_text = false,
                "p" => st.end_para(),
                "tc" if st.depth == 1 => {
                    st.end_para();
                    if let Some(c) = st.cell.take() {
                        st.row.push(c);
                    }
                }
                "tr" if st.depth == 1 => {
                    let row = std::mem::take(&mut st.row);
                    st.grid.push_row(row);
                }
                "tbl" => {
                    st.depth = st.depth.saturating_sub(1);
                    if st.depth == 0 {
                        let g = std::mem::take(&mut st.grid);
                        if !g.is_empty() && st.out.tables.len() < super::MAX_TABLES {
                            let t = g.finish();
                            // the table's text also counts as text lines (outline markers)
                            for row in &t.rows {
                                if st.out.lines.len() < MAX_LINES {
                                    st.out.lines.push(dedup_join(row));
                                }
                            }
                            st.out.tables.push(t);
                        }
                    }
                }
                _ => {}
            },
            Event::Text(t) => {
                let s = t.xml10_content();
                st.text(&s);
            }
            Event::GeneralRef(g) => {
                if let Ok(Some(c)) = g.resolve_char_ref() {
                    st.text(c.encode_utf8(&mut [0u8; 4]));
                } else {
                    let name = g.xml10_content();
                    if let Some(v) = quick_xml::escape::resolve_predefined_entity(&name) {
                        st.text(v);
                    }
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(st.out)
}

fn start(st: &mut State, e: &BytesStart<'_>, empty: bool) {
    match e.local_name().as_ref() {
        "t" if !empty => st.in_text = true,
        "tab" => st.para.push(' '),
        "br" | "cr" => st.para.push(' '),
        "tbl" if !empty => {
            st.end_para();
            st.depth += 1;
        }
        "tc" if st.depth == 1 && !empty => {
            st.cell = Some(SpanCell {
                colspan: 1,
                rowspan: 1,
                ..Default::default()
            });
        }
        "gridSpan" if st.depth == 1 => {
            if let (Some(c), Some(v)) = (st.cell.as_mut(), attr(e, "w:val")) {
                c.colspan = v.parse().unwrap_or(1);
            }
        }
        "vMerge" if st.depth == 1 => {
            if let Some(c) = st.cell.as_mut() {
                c.continues = attr(e, "w:val").is_none_or(|v| v != "restart");
            }
        }
        _ => {}
    }
}

/// A row's cells joined, repeated (merged) neighbours once.
pub fn dedup_join(row: &[String]) -> String {
    let mut out: Vec<&str> = Vec::new();
    for c in row {
        if !c.is_empty() && out.last() != Some(&c.as_str()) {
            out.push(c);
        }
    }
    out.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_and_merged_table_cells() {
        let xml = r#"<w:document xmlns:w="w"><w:body>
<w:p><w:r><w:t>一、总体情况</w:t></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">A &amp; B</w:t></w:r></w:p>
<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>行政复议</w:t></w:r></w:p></w:tc></w:tr>
<w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>甲</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>１</w:t></w:r></w:p></w:tc></w:tr>
<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:p><w:r><w:t>2</w:t></w:r></w:p></w:tc></w:tr>
</w:tbl></w:body></w:document>"#;
        let x = parse_document_xml(xml).unwrap();
        assert_eq!(x.lines[0], "一、总体情况");
        assert_eq!(x.lines[1], "A & B");
        assert_eq!(x.tables.len(), 1);
        assert_eq!(x.tables[0].rows[0], ["行政复议", "行政复议"]);
        assert_eq!(x.tables[0].rows[2], ["甲", "2"]);
    }

    #[test]
    fn broken_xml_is_an_error_not_a_panic() {
        assert!(parse_document_xml("<w:p><w:t>x</w:p></w:t>").is_err());
    }
}
