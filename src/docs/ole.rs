//! Word 97–2003 binary documents (DOC) and Kingsoft WPS text files, which share the OLE2
//! compound-file layout: the `WordDocument` stream's FIB locates the piece table (CLX) in
//! the `0Table`/`1Table` stream, and each piece is 8-bit (cp1252) or UTF-16LE text.
//! Paragraph marks end lines; cell marks (U+0007) split table rows into cells, a bare
//! cell mark ends a row. Spreadsheets in OLE files (XLS, ET) go to [`super::sheet`].

use super::error::DocError;
use crate::model::{Extracted, Table};
use std::io::{Cursor, Read};

/// Bytes of one stream read at most.
const MAX_STREAM: u64 = 64 * 1024 * 1024;
/// Pieces read at most.
const MAX_PIECES: usize = 100_000;

fn stream(cf: &mut cfb::CompoundFile<Cursor<&[u8]>>, name: &str) -> Result<Vec<u8>, DocError> {
    let s = cf
        .open_stream(name)
        .map_err(|e| DocError::Malformed(format!("{name}: {e}")))?;
    let mut out = Vec::new();
    s.take(MAX_STREAM)
        .read_to_end(&mut out)
        .map_err(DocError::malformed)?;
    Ok(out)
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    b.get(at..at + 2).map(|s| u16::from_le_bytes([s[0], s[1]]))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    b.get(at..at + 4)
        .map(|s| u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
}

/// Text of a DOC/WPS file.
pub fn read_word(bytes: &[u8]) -> Result<Extracted, DocError> {
    let mut cf = cfb::CompoundFile::open(Cursor::new(bytes)).map_err(DocError::malformed)?;
    let wd = stream(&mut cf, "/WordDocument")?;
    let bad = |what: &str| DocError::Malformed(format!("WordDocument：{what}"));
    if u16_at(&wd, 0) != Some(0xA5EC) {
        return Err(bad("FIB 标识不符"));
    }
    let flags = u16_at(&wd, 0x0A).ok_or_else(|| bad("FIB 过短"))?;
    if flags & 0x0100 != 0 {
        return Err(DocError::Encrypted("DOC 设置了打开密码".into()));
    }
    let table_name = if flags & 0x0200 != 0 {
        "/1Table"
    } else {
        "/0Table"
    };
    let table = stream(&mut cf, table_name)?;
    let fc_clx = u32_at(&wd, 0x01A2).ok_or_else(|| bad("FIB 过短"))? as usize;
    let lcb_clx = u32_at(&wd, 0x01A6).ok_or_else(|| bad("FIB 过短"))? as usize;
    let clx = table
        .get(fc_clx..fc_clx.saturating_add(lcb_clx))
        .ok_or_else(|| bad("CLX 越界"))?;
    // skip Prc entries (0x01), find the Pcdt (0x02)
    let mut at = 0;
    while clx.get(at) == Some(&0x01) {
        let cb = u16_at(clx, at + 1).ok_or_else(|| bad("Prc 越界"))? as usize;
        at += 3 + cb;
    }
    if clx.get(at) != Some(&0x02) {
        return Err(bad("没有片段表"));
    }
    let lcb = u32_at(clx, at + 1).ok_or_else(|| bad("Pcdt 越界"))? as usize;
    let plc = clx
        .get(at + 5..(at + 5).saturating_add(lcb))
        .ok_or_else(|| bad("PlcPcd 越界"))?;
    if plc.len() < 4 {
        return Err(bad("PlcPcd 过短"));
    }
    let n = ((plc.len() - 4) / 12).min(MAX_PIECES);
    let mut text = String::new();
    for i in 0..n {
        let (Some(cp0), Some(cp1)) = (u32_at(plc, i * 4), u32_at(plc, i * 4 + 4)) else {
            break;
        };
        let pcd = 4 * (n + 1) + i * 8;
        let Some(fc) = u32_at(plc, pcd + 2) else {
            break;
        };
        let len = cp1.saturating_sub(cp0) as usize;
        if fc & 0x4000_0000 != 0 {
            let start = ((fc & !0x4000_0000) / 2) as usize;
            let Some(b) = wd.get(start..start.saturating_add(len)) else {
                return Err(bad("文本片段越界"));
            };
            let (s, _, _) = encoding_rs::WINDOWS_1252.decode(b);
            text.push_str(&s);
        } else {
            let start = fc as usize;
            let Some(b) = wd.get(start..start.saturating_add(len.saturating_mul(2))) else {
                return Err(bad("文本片段越界"));
            };
            let units: Vec<u16> = b
                .chunks_exact(2)
                .map(|c| u16::from_le_bytes([c[0], c[1]]))
                .collect();
            text.push_str(&String::from_utf16_lossy(&units));
        }
        if text.len() > MAX_STREAM as usize {
            break;
        }
    }
    Ok(split_word_text(&text))
}

/// Lines at paragraph marks; rows of cells at cell marks.
pub fn split_word_text(text: &str) -> Extracted {
    let mut out = Extracted::default();
    let mut table = Table::default();
    let mut row: Vec<String> = Vec::new();
    let mut y = 0f32;
    for para in text.split(['\r', '\n', '\u{0b}', '\u{0c}']) {
        if para.contains('\u{07}') {
            let mut segs: Vec<&str> = para.split('\u{07}').collect();
            // text after the last cell mark belongs to no cell
            let tail = segs.pop().unwrap_or("");
            for s in segs {
                let s = clean(s);
                if s.is_empty() && !row.is_empty() {
                    push_row(&mut table, &mut row, &mut y);
                } else {
                    row.push(s);
                }
            }
            let tail = clean(tail);
            if !tail.is_empty() {
                out.lines.push(tail);
            }
            continue;
        }
        if !row.is_empty() {
            push_row(&mut table, &mut row, &mut y);
        }
        if !table.rows.is_empty() {
            out.tables.push(std::mem::take(&mut table));
        }
        let p = clean(para);
        if !p.is_empty() && out.lines.len() < super::docx::MAX_LINES {
            out.lines.push(p);
        }
    }
    if !row.is_empty() {
        push_row(&mut table, &mut row, &mut y);
    }
    if !table.rows.is_empty() {
        out.tables.push(table);
    }
    for t in &out.tables {
        for r in &t.rows {
            out.lines.push(r.join(" "));
        }
    }
    out.tables.truncate(super::MAX_TABLES);
    out
}

fn push_row(table: &mut Table, row: &mut Vec<String>, y: &mut f32) {
    if table.rows.len() < crate::extract::grid::MAX_ROWS {
        table.rows.push(std::mem::take(row));
        // one text line per row, top to bottom (rows read like positioned text)
        table.y.push(*y);
        *y -= 12.0;
    } else {
        row.clear();
    }
}

/// Field codes and control characters removed, whitespace collapsed.
fn clean(s: &str) -> String {
    let s: String = s
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    crate::extract::grid::cut(&s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_and_rows_from_cell_marks() {
        let x = split_word_text(
            "一、总体情况\r行政复议\u{07}结果维持\u{07}\u{07}1\u{07}2\u{07}\u{07}\r五、存在的主要问题",
        );
        assert_eq!(x.tables.len(), 1);
        assert_eq!(
            x.tables[0].rows,
            vec![vec!["行政复议", "结果维持"], vec!["1", "2"]]
        );
        assert!(x.lines.iter().any(|l| l == "五、存在的主要问题"));
    }

    #[test]
    fn garbage_is_an_error() {
        assert!(read_word(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1garbage").is_err());
        assert!(read_word(b"").is_err());
    }
}
