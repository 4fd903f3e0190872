//! Reading a table the way 年报 print it: row labels and numbers. Cell texts are
//! normalised (NFKC: full-width digits and brackets; whitespace removed); the numeric
//! columns are the last cells of a row; a blank cell (or `-`, `—`, `/`, `无`) means 0.
//! Tables rebuilt from PDF text ([`Table::loose`]) have no blank cells and split wrapped
//! labels over several lines: label-only lines join the nearest line with numbers.
//! Several loose tables of one document (one per page) are read as one, since the big
//! 第三部分 table often runs over a page break.

use crate::model::Table;
use unicode_normalization::UnicodeNormalization;

/// NFKC, whitespace removed.
pub fn norm_cell(s: &str) -> String {
    s.nfkc().filter(|c| !c.is_whitespace()).collect()
}

/// A number as printed (`12`, `１２`, `1,234`, `3.5`).
pub fn number(s: &str) -> Option<f64> {
    let t: String = norm_cell(s).chars().filter(|c| *c != ',').collect();
    if t.is_empty() {
        return None;
    }
    t.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// A cell that stands for 0.
pub fn blank(s: &str) -> bool {
    matches!(
        norm_cell(s).as_str(),
        "" | "-" | "—" | "–" | "/" | "无" | "--" | "——"
    )
}

/// One logical row: its label text (normalised) and its cells' numbers.
#[derive(Debug, Clone)]
pub struct Row {
    pub label: String,
    /// the trailing numeric cells (blank = 0 in grids)
    pub numbers: Vec<f64>,
    /// all cell texts (normalised), for marker search
    pub cells: Vec<String>,
}

/// Rows of one table, or of one document's loose tables joined.
pub fn rows(tables: &[&Table]) -> Vec<Row> {
    let mut out = Vec::new();
    let loose: Vec<&Table> = tables.iter().copied().filter(|t| t.loose()).collect();
    for t in tables.iter().filter(|t| !t.loose()) {
        out.extend(grid_rows(t));
    }
    if !loose.is_empty() {
        out.extend(loose_rows(&loose));
    }
    out
}

fn grid_rows(t: &Table) -> Vec<Row> {
    t.rows
        .iter()
        .map(|r| {
            let cells: Vec<String> = r.iter().map(|c| norm_cell(c)).collect();
            // trailing cells that are numbers or blanks
            let mut k = cells.len();
            while k > 0 && (number(&cells[k - 1]).is_some() || blank(&cells[k - 1])) {
                k -= 1;
            }
            let numbers: Vec<f64> = cells[k..]
                .iter()
                .map(|c| number(c).unwrap_or(0.0))
                .collect();
            let mut label = String::new();
            let mut last = "";
            for c in &cells[..k] {
                if c != last {
                    label.push_str(c);
                    last = c;
                }
            }
            Row {
                label,
                numbers: if cells[k..].iter().any(|c| number(c).is_some()) {
                    numbers
                } else {
                    Vec::new()
                },
                cells,
            }
        })
        .collect()
}

/// Lines of positioned text: label-only lines join the nearest numbered line (within two
/// line heights); pages follow each other.
fn loose_rows(tables: &[&Table]) -> Vec<Row> {
    struct Line {
        y: f64,
        label: String,
        numbers: Vec<f64>,
        cells: Vec<String>,
    }
    let mut lines: Vec<Line> = Vec::new();
    for (page, t) in tables.iter().enumerate() {
        let base = -(page as f64) * 100_000.0;
        for (r, y) in t.rows.iter().zip(t.y.iter()) {
            let cells: Vec<String> = r.iter().map(|c| norm_cell(c)).collect();
            let mut k = cells.len();
            while k > 0 && number(&cells[k - 1]).is_some() {
                k -= 1;
            }
            lines.push(Line {
                y: base + f64::from(*y),
                label: cells[..k].concat(),
                numbers: cells[k..].iter().filter_map(|c| number(c)).collect(),
                cells,
            });
        }
    }
    let anchors: Vec<usize> = (0..lines.len())
        .filter(|&i| !lines[i].numbers.is_empty())
        .collect();
    // label fragments per anchor, in reading order
    let mut parts: Vec<Vec<usize>> = vec![Vec::new(); lines.len()];
    for i in 0..lines.len() {
        if !lines[i].numbers.is_empty() {
            parts[i].push(i);
            continue;
        }
        let near = anchors
            .iter()
            .copied()
            .min_by(|&a, &b| {
                (lines[a].y - lines[i].y)
                    .abs()
                    .total_cmp(&(lines[b].y - lines[i].y).abs())
            })
            .filter(|&a| (lines[a].y - lines[i].y).abs() <= 26.0);
        match near {
            Some(a) => parts[a].push(i),
            None => parts[i].push(i),
        }
    }
    let mut out = Vec::new();
    for (i, p) in parts.into_iter().enumerate() {
        if p.is_empty() {
            continue;
        }
        let mut p = p;
        p.sort_by(|&a, &b| lines[b].y.total_cmp(&lines[a].y));
        let label: String = p.iter().map(|&j| lines[j].label.as_str()).collect();
        let cells: Vec<String> = p.iter().flat_map(|&j| lines[j].cells.clone()).collect();
        out.push(Row {
            label,
            numbers: lines[i].numbers.clone(),
            cells,
        });
    }
    out
}

/// Does any cell of these rows contain the text (normalised)?
pub fn mentions(rows: &[Row], text: &str) -> bool {
    let t = norm_cell(text);
    rows.iter()
        .any(|r| r.label.contains(&t) || r.cells.iter().any(|c| c.contains(&t)))
}

/// Index of the first row mentioning the text.
pub fn find(rows: &[Row], text: &str) -> Option<usize> {
    let t = norm_cell(text);
    rows.iter()
        .position(|r| r.label.contains(&t) || r.cells.iter().any(|c| c.contains(&t)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(rows: &[&[&str]]) -> Table {
        Table {
            rows: rows
                .iter()
                .map(|r| r.iter().map(|c| c.to_string()).collect())
                .collect(),
            y: Vec::new(),
        }
    }

    #[test]
    fn numbers_are_read_as_printed() {
        assert_eq!(number("１２"), Some(12.0));
        assert_eq!(number(" 1,234 "), Some(1234.0));
        assert_eq!(number("3.5"), Some(3.5));
        assert_eq!(number("五"), None);
        assert!(blank("") && blank("—") && blank(" / "));
    }

    #[test]
    fn blank_cells_count_as_zero_in_grids() {
        let tb = t(&[&["一、本年新收", "一、本年新收", "3", "", "１"]]);
        let r = rows(&[&tb]);
        assert_eq!(r[0].label, "一、本年新收");
        assert_eq!(r[0].numbers, vec![3.0, 0.0, 1.0]);
    }

    #[test]
    fn wrapped_pdf_labels_join_their_numbers() {
        let tb = Table {
            rows: vec![
                vec!["1.申请人无正当理由逾期".into()],
                vec!["不补正、行政机关不再".into(), "0".into(), "1".into()],
                vec!["处理其政府信息公开申请".into()],
                vec!["2.重复申请".into(), "2".into(), "2".into()],
            ],
            y: vec![100.0, 90.0, 80.0, 60.0],
        };
        let r = rows(&[&tb]);
        assert_eq!(r.len(), 2);
        assert_eq!(
            r[0].label,
            "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"
        );
        assert_eq!(r[0].numbers, vec![0.0, 1.0]);
        assert_eq!(r[1].label, "2.重复申请");
    }
}
