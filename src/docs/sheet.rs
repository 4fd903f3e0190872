//! Spreadsheets (XLSX, XLS, and WPS ET files, which are BIFF8 workbooks) with calamine:
//! each sheet becomes a table; merged regions repeat their top-left value; numbers are
//! printed without a trailing `.0`. XLSX archives pass the zip-bomb guard first.

use super::error::DocError;
use crate::model::{DocFormat, Extracted, Table};
use calamine::{Data, Reader};
use std::io::Cursor;

/// Cells read per sheet at most.
const MAX_CELLS: usize = 200_000;

pub fn read(bytes: &[u8], format: DocFormat) -> Result<Extracted, DocError> {
    let mut out = Extracted::default();
    match format {
        DocFormat::Xlsx => {
            super::zipguard::open(bytes)?;
            let mut wb: calamine::Xlsx<_> =
                calamine::Xlsx::new(Cursor::new(bytes)).map_err(DocError::malformed)?;
            let names = wb.sheet_names().to_vec();
            for name in names.iter().take(super::MAX_TABLES) {
                let Ok(range) = wb.worksheet_range(name) else {
                    continue;
                };
                let merges: Vec<calamine::Dimensions> =
                    wb.merge_cells_by_sheet_name(name).unwrap_or_default();
                push_sheet(&mut out, &range, &merges);
            }
        }
        _ => {
            let mut wb: calamine::Xls<_> = calamine::Xls::new(Cursor::new(bytes)).map_err(|e| {
                let s = e.to_string();
                if s.to_ascii_lowercase().contains("password") {
                    DocError::Encrypted(s)
                } else {
                    DocError::Malformed(s)
                }
            })?;
            let names = wb.sheet_names().to_vec();
            for name in names.iter().take(super::MAX_TABLES) {
                let Ok(range) = wb.worksheet_range(name) else {
                    continue;
                };
                let merges = wb.merge_cells_by_sheet_name(name).unwrap_or_default();
                push_sheet(&mut out, &range, &merges);
            }
        }
    }
    Ok(out)
}

fn cell_text(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        other => other.to_string(),
    }
}

fn push_sheet(out: &mut Extracted, range: &calamine::Range<Data>, merges: &[calamine::Dimensions]) {
    let (h, w) = range.get_size();
    if h == 0 || w == 0 || h.saturating_mul(w) > MAX_CELLS {
        return;
    }
    let (r0, c0) = range.start().unwrap_or((0, 0));
    let mut rows: Vec<Vec<String>> = range
        .rows()
        .take(crate::extract::grid::MAX_ROWS)
        .map(|r| {
            r.iter()
                .take(crate::extract::grid::MAX_COLS)
                .map(|c| crate::extract::grid::cut(&cell_text(c)))
                .collect()
        })
        .collect();
    for m in merges {
        let (sr, sc) = (
            m.start.0.saturating_sub(r0) as usize,
            m.start.1.saturating_sub(c0) as usize,
        );
        let (er, ec) = (
            m.end.0.saturating_sub(r0) as usize,
            m.end.1.saturating_sub(c0) as usize,
        );
        let Some(v) = rows.get(sr).and_then(|r| r.get(sc)).cloned() else {
            continue;
        };
        for row in rows.iter_mut().take(er + 1).skip(sr) {
            for c in row.iter_mut().take(ec + 1).skip(sc) {
                if c.is_empty() {
                    *c = v.clone();
                }
            }
        }
    }
    for r in &rows {
        let line = super::docx::dedup_join(r);
        if !line.is_empty() {
            out.lines.push(line);
        }
    }
    out.tables.push(Table {
        rows,
        y: Vec::new(),
    });
}
