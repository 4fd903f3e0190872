//! Merged cells into a plain grid: a cell spanning columns (`colspan`, Word's
//! `w:gridSpan`) or rows (`rowspan`, `w:vMerge`) is repeated into every grid position it
//! covers, so each row reads left to right the way a person reads the printed table
//! (`三、本年度办理结果 | （三）不予公开 | 1.属于国家秘密 | 0 | 0 …`). Bounded in rows, columns and
//! spans.

use crate::model::Table;

/// Rows kept per table.
pub const MAX_ROWS: usize = 400;
/// Grid columns kept per row.
pub const MAX_COLS: usize = 60;
/// Characters kept per cell.
pub const MAX_CELL: usize = 120;

/// A cell as written in the source.
#[derive(Debug, Clone, Default)]
pub struct SpanCell {
    pub text: String,
    pub colspan: usize,
    pub rowspan: usize,
    /// Word's `<w:vMerge/>` without `restart`: continues the cell above
    pub continues: bool,
}

/// Builds a [`Table`] row by row.
#[derive(Debug, Default)]
pub struct Grid {
    rows: Vec<Vec<String>>,
    /// (text, rows still covered) per grid column, from rowspans above
    pending: Vec<Option<(String, usize)>>,
}

impl Grid {
    pub fn push_row(&mut self, cells: Vec<SpanCell>) {
        if self.rows.len() >= MAX_ROWS {
            return;
        }
        let mut row: Vec<String> = Vec::new();
        let mut cells = cells.into_iter();
        let mut col = 0;
        loop {
            if col >= MAX_COLS {
                break;
            }
            if let Some(Some((text, left))) = self.pending.get_mut(col) {
                row.push(text.clone());
                *left -= 1;
                if *left == 0 {
                    self.pending[col] = None;
                }
                col += 1;
                continue;
            }
            let Some(c) = cells.next() else { break };
            let text = if c.continues {
                self.rows
                    .last()
                    .and_then(|r| r.get(col))
                    .cloned()
                    .unwrap_or_default()
            } else {
                cut(&c.text)
            };
            let span = c.colspan.clamp(1, MAX_COLS);
            let down = c.rowspan.clamp(1, MAX_ROWS);
            for _ in 0..span {
                if col >= MAX_COLS {
                    break;
                }
                if down > 1 {
                    if self.pending.len() <= col {
                        self.pending.resize(col + 1, None);
                    }
                    self.pending[col] = Some((text.clone(), down - 1));
                }
                row.push(text.clone());
                col += 1;
            }
        }
        // the row's own cells, blank ones included: a blank last cell is a printed 0
        let own = row.len();
        // rowspans reaching past the row's own cells
        while col < self.pending.len().min(MAX_COLS) {
            match self.pending.get_mut(col) {
                Some(Some((text, left))) => {
                    row.push(text.clone());
                    *left -= 1;
                    if *left == 0 {
                        self.pending[col] = None;
                    }
                }
                _ => row.push(String::new()),
            }
            col += 1;
        }
        // padding between the row's cells and a rowspan further right, when none follows
        while row.len() > own.max(1) && row.last().is_some_and(|c| c.is_empty()) {
            row.pop();
        }
        self.rows.push(row);
    }

    pub fn finish(self) -> Table {
        Table {
            rows: self.rows,
            y: Vec::new(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }
}

/// Whitespace-collapsed, cut to [`MAX_CELL`] chars.
pub fn cut(s: &str) -> String {
    let collapsed = s.split_whitespace().collect::<Vec<_>>().join(" ");
    collapsed.chars().take(MAX_CELL).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(t: &str, colspan: usize, rowspan: usize) -> SpanCell {
        SpanCell {
            text: t.into(),
            colspan,
            rowspan,
            continues: false,
        }
    }

    #[test]
    fn spans_are_repeated_into_the_grid() {
        let mut g = Grid::default();
        g.push_row(vec![
            c("三、本年度办理结果", 1, 3),
            c("（三）不予公开", 1, 2),
            c("1.国家秘密", 1, 1),
            c("0", 1, 1),
        ]);
        g.push_row(vec![c("2.法律禁止", 1, 1), c("１", 1, 1)]);
        g.push_row(vec![c("（七）总计", 2, 1), c("5", 1, 1)]);
        let t = g.finish();
        assert_eq!(
            t.rows[0],
            ["三、本年度办理结果", "（三）不予公开", "1.国家秘密", "0"]
        );
        assert_eq!(
            t.rows[1],
            ["三、本年度办理结果", "（三）不予公开", "2.法律禁止", "１"]
        );
        assert_eq!(
            t.rows[2],
            ["三、本年度办理结果", "（七）总计", "（七）总计", "5"]
        );
    }

    #[test]
    fn word_vmerge_continues_the_cell_above() {
        let mut g = Grid::default();
        g.push_row(vec![c("行政复议", 2, 1), c("x", 1, 1)]);
        g.push_row(vec![
            SpanCell {
                continues: true,
                colspan: 2,
                ..Default::default()
            },
            c("y", 1, 1),
        ]);
        let t = g.finish();
        assert_eq!(t.rows[1], ["行政复议", "行政复议", "y"]);
    }

    #[test]
    fn a_blank_last_cell_stays_a_cell() {
        // 年报 print 0 as a blank: the 总计 cell of an all-zero row is empty
        let mut g = Grid::default();
        g.push_row(vec![
            c("2.重复申请", 1, 1),
            c("０", 1, 1),
            c("", 1, 1),
            c("", 1, 1),
        ]);
        let t = g.finish();
        assert_eq!(t.rows[0], ["2.重复申请", "０", "", ""]);
    }

    #[test]
    fn huge_spans_are_bounded() {
        let mut g = Grid::default();
        g.push_row(vec![c("a", 1_000_000, 1_000_000)]);
        for _ in 0..1000 {
            g.push_row(vec![]);
        }
        let t = g.finish();
        assert_eq!(t.rows.len(), MAX_ROWS);
        assert!(t.rows.iter().all(|r| r.len() <= MAX_COLS));
    }
}
