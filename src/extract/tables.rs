//! Numeric tables of a page (the tables of a 年报 published as an HTML article), kept as
//! plain grids: `colspan`/`rowspan` resolved by [`grid`](super::grid), cell text collapsed
//! and cut. Only tables that hold numbers are kept (layout and link tables are not):
//! at least [`MIN_NUMBERS`] numeric cells making up at least a fifth of the cells, no
//! nested table. At most [`MAX_TABLES`] per page.

use super::PageIndex;
use super::grid::{Grid, MAX_CELL, SpanCell};
use crate::model::Table;
use scraper::{ElementRef, Node};

/// Tables kept per page.
pub const MAX_TABLES: usize = 8;
/// Numeric cells a kept table has at least.
const MIN_NUMBERS: usize = 4;
/// Cells examined per table.
const MAX_CELLS: usize = 4000;

/// Is this cell text a number as 年报 print it (`12`, `１２`, `3.5`, `1,234`)?
pub fn numeric(s: &str) -> bool {
    let t: String = s
        .chars()
        .filter(|c| !c.is_whitespace() && *c != ',' && *c != '，')
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '．' => '.',
            c => c,
        })
        .collect();
    !t.is_empty() && t.parse::<f64>().is_ok_and(f64::is_finite)
}

fn cell_text(el: ElementRef<'_>) -> String {
    let cap = MAX_CELL * 4;
    let mut s = String::new();
    for n in el.descendants() {
        if let Node::Text(t) = n.value() {
            s.push_str(t);
            if s.len() > cap {
                break;
            }
        }
    }
    super::grid::cut(&s)
}

fn span(el: ElementRef<'_>, name: &str) -> usize {
    el.value()
        .attr(name)
        .and_then(|v| v.trim().parse::<usize>().ok())
        .unwrap_or(1)
        .max(1)
}

fn rows(table: ElementRef<'_>) -> Vec<ElementRef<'_>> {
    let mut out = Vec::new();
    for c in table.child_elements() {
        match c.value().name() {
            "tr" => out.push(c),
            "thead" | "tbody" | "tfoot" => {
                out.extend(c.child_elements().filter(|r| r.value().name() == "tr"))
            }
            _ => {}
        }
    }
    out
}

/// The page's numeric tables.
pub(crate) fn collect(ix: &PageIndex<'_>) -> Vec<Table> {
    let mut out = Vec::new();
    for table in &ix.tables {
        if out.len() >= MAX_TABLES {
            break;
        }
        if table
            .descendants()
            .skip(1)
            .any(|n| n.value().as_element().is_some_and(|e| e.name() == "table"))
        {
            continue;
        }
        let mut grid = Grid::default();
        let (mut cells, mut numbers) = (0usize, 0usize);
        for tr in rows(*table) {
            if cells >= MAX_CELLS {
                break;
            }
            let row: Vec<SpanCell> = tr
                .child_elements()
                .filter(|c| matches!(c.value().name(), "td" | "th"))
                .map(|c| {
                    let text = cell_text(c);
                    cells += 1;
                    if numeric(&text) {
                        numbers += 1;
                    }
                    SpanCell {
                        text,
                        colspan: span(c, "colspan"),
                        rowspan: span(c, "rowspan"),
                        continues: false,
                    }
                })
                .collect();
            grid.push_row(row);
        }
        if numbers >= MIN_NUMBERS && numbers * 5 >= cells {
            out.push(grid.finish());
        }
    }
    out
}
