//! PDF: pdf-extract (on lopdf) walks the content streams; a collecting output device keeps
//! every glyph with its position, so lines are rebuilt by baseline and a line's cells by
//! the horizontal gaps between glyphs. Each page becomes a loose [`Table`] (rows = lines,
//! with their heights), which is how 年报 tables exported from Word/WPS or printed by a
//! browser arrive. Pages with no glyph at all make the document 图片型 (no text layer).

use super::error::DocError;
use crate::model::{Extracted, Table};
use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};

/// Pages read per document.
pub const MAX_PAGES: u32 = 200;
/// Glyphs kept per document.
pub const MAX_GLYPHS: usize = 2_000_000;

/// Result of reading a PDF: the text (maybe none) and the page count.
pub fn read(bytes: &[u8]) -> Result<Extracted, DocError> {
    let mut doc = lopdf_load(bytes)?;
    if doc.is_encrypted() {
        // an owner password only (printing/copying restrictions) opens with the empty user password
        if doc.decrypt("").is_err() {
            return Err(DocError::Encrypted("PDF 设置了打开密码".into()));
        }
    }
    let pages = doc.get_pages();
    let n_pages = pages.len() as u32;
    if n_pages == 0 {
        return Err(DocError::Malformed("PDF 没有页面".into()));
    }
    let mut dev = Collect::default();
    for (&num, _) in pages.iter().take(MAX_PAGES as usize) {
        if dev.glyphs.len() >= MAX_GLYPHS {
            break;
        }
        if let Err(e) = pdf_extract::output_doc_page(&doc, &mut dev, num) {
            if dev.glyphs.is_empty() && num == 1 {
                return Err(DocError::Malformed(describe(&e)));
            }
            break;
        }
    }
    let mut out = layout(&dev.glyphs);
    out.pages = Some(n_pages);
    out.images = Some(count_images(&doc));
    Ok(out)
}

/// Image objects in the file (scanned pages are images; a PDF without any is not 图片型
/// however little text it has).
fn count_images(doc: &pdf_extract::Document) -> u32 {
    doc.objects
        .values()
        .filter(|o| match o {
            pdf_extract::Object::Stream(s) => s
                .dict
                .get(b"Subtype")
                .and_then(|v| v.as_name())
                .is_ok_and(|n| n == b"Image"),
            _ => false,
        })
        .count()
        .try_into()
        .unwrap_or(u32::MAX)
}

fn lopdf_load(bytes: &[u8]) -> Result<pdf_extract::Document, DocError> {
    pdf_extract::Document::load_mem(bytes).map_err(|e| {
        let s = e.to_string();
        let lower = s.to_ascii_lowercase();
        let has_encrypt_dict = bytes.windows(8).any(|w| w == b"/Encrypt");
        if lower.contains("decrypt") || lower.contains("encrypt") || has_encrypt_dict {
            DocError::Encrypted(s)
        } else {
            DocError::Malformed(s)
        }
    })
}

fn describe(e: &OutputError) -> String {
    match e {
        OutputError::FormatError(e) => e.to_string(),
        OutputError::IoError(e) => e.to_string(),
        OutputError::PdfError(e) => e.to_string(),
    }
}

/// One glyph: page, position (PDF units, y up), advance, size.
#[derive(Debug, Clone)]
struct Glyph {
    page: u32,
    x: f64,
    y: f64,
    end: f64,
    size: f64,
    ch: String,
}

#[derive(Default)]
struct Collect {
    page: u32,
    glyphs: Vec<Glyph>,
}

impl OutputDev for Collect {
    fn begin_page(
        &mut self,
        page_num: u32,
        _media_box: &MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.page = page_num;
        Ok(())
    }
    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        ch: &str,
    ) -> Result<(), OutputError> {
        if self.glyphs.len() >= MAX_GLYPHS {
            return Ok(());
        }
        let scale = (trm.m11 * trm.m22 - trm.m12 * trm.m21).abs().sqrt();
        let size = (font_size * scale).abs().max(0.1);
        let x = trm.m31;
        let y = trm.m32;
        if !x.is_finite() || !y.is_finite() {
            return Ok(());
        }
        self.glyphs.push(Glyph {
            page: self.page,
            x,
            y,
            end: x + width * size,
            size,
            ch: unify_ideographs(ch),
        });
        Ok(())
    }
    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

/// Lines by baseline, cells by gaps wider than 0.8 em, one loose table per page.
/// CJK fonts map one glyph to several code points, and a PDF's ToUnicode table often names
/// the Kangxi radical (U+2F2F ⼯) or a compatibility ideograph (U+F900…) instead of the
/// unified ideograph (工) a person reads: NFKC folds them back, so that 工作年度报告 in a
/// Chromium- or WPS-printed PDF is found as printed. Other characters are left alone.
fn unify_ideographs(ch: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    if ch
        .chars()
        .any(|c| matches!(c as u32, 0x2E80..=0x2FDF | 0xF900..=0xFAFF | 0x2F800..=0x2FA1F))
    {
        ch.nfkc().collect()
    } else {
        ch.to_string()
    }
}

fn layout(glyphs: &[Glyph]) -> Extracted {
    let mut out = Extracted::default();
    let mut by_page: std::collections::BTreeMap<u32, Vec<&Glyph>> = Default::default();
    for g in glyphs {
        if g.ch.trim().is_empty() && g.ch != " " {
            continue;
        }
        by_page.entry(g.page).or_default().push(g);
    }
    for (_, mut gs) in by_page {
        gs.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x.total_cmp(&b.x)));
        let mut lines: Vec<(f64, Vec<&Glyph>)> = Vec::new();
        for g in gs {
            match lines.last_mut() {
                Some((y, l)) if (*y - g.y).abs() <= g.size * 0.4 => l.push(g),
                _ => lines.push((g.y, vec![g])),
            }
        }
        let mut table = Table::default();
        for (y, mut l) in lines {
            l.sort_by(|a, b| a.x.total_cmp(&b.x));
            let mut cells: Vec<String> = Vec::new();
            let mut cur = String::new();
            let mut last_end: Option<f64> = None;
            for g in l {
                if let Some(e) = last_end
                    && g.x - e > g.size * 0.8
                    && !cur.trim().is_empty()
                {
                    cells.push(cur.trim().to_string());
                    cur.clear();
                }
                cur.push_str(&g.ch);
                last_end = Some(if g.ch == " " { g.end.max(g.x) } else { g.end });
            }
            if !cur.trim().is_empty() {
                cells.push(cur.trim().to_string());
            }
            if cells.is_empty() {
                continue;
            }
            let line = cells.join(" ");
            if out.lines.len() < super::docx::MAX_LINES {
                out.lines.push(line);
            }
            if table.rows.len() < crate::extract::grid::MAX_ROWS {
                table
                    .rows
                    .push(cells.iter().map(|c| crate::extract::grid::cut(c)).collect());
                table.y.push(y as f32);
            }
        }
        if !table.rows.is_empty() && out.tables.len() < super::MAX_TABLES {
            out.tables.push(table);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::unify_ideographs;

    #[test]
    fn kangxi_radicals_and_compatibility_ideographs_become_unified() {
        assert_eq!(unify_ideographs("\u{2F2F}"), "工");
        assert_eq!(unify_ideographs("\u{2F47}"), "日");
        assert_eq!(unify_ideographs("\u{F9DC}"), "隆");
        // full-width digits and ordinary ideographs are left as printed
        assert_eq!(unify_ideographs("１"), "１");
        assert_eq!(unify_ideographs("政"), "政");
    }
}
