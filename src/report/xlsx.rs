//! The 问题清单 spreadsheet: `findings.xlsx` beside a site's report, one row per finding
//! (序号, 检查项ID, 检查项, 牵头处室, 严重程度, 问题描述, 问题页面, 截图), and the sheets
//! shared with `index.xlsx` beside a batch index (see [`super::xlsx_index`]).
//!
//! The findings are what report.md lists under 问题清单: failed checks on the sheet 问题清单,
//! undecided ones (warn, to be confirmed by a person) on their own sheet 待确认, both in
//! report.md's order (offices with most failures first, then the most severe checks).
//! 问题描述 is the message with how to fix it; 问题页面 the evidence URLs and 截图 the
//! evidence screenshots (paths relative to the report), each cell a hyperlink to its first
//! entry. Header rows are bold and frozen with an autofilter; long text wraps.

use super::Report;
use super::view::{EVIDENCE_SHOWN, office_name, web_href};
use crate::i18n::Lang;
use crate::rules::{CheckResult, Status};
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Url, Workbook, Worksheet, XlsxError};
use std::collections::BTreeMap;

/// Excel's limit on the text of one cell (characters).
const CELL_MAX: usize = 32_000;
/// Excel's limit on the length of a hyperlink (UTF-16 units; checked on chars, which is
/// no more).
const URL_MAX: usize = 2_000;
/// Excel opens at most 65 530 hyperlinks per worksheet; later cells are plain text.
const LINKS_MAX: usize = 65_000;

/// One row of a findings sheet.
#[derive(Debug, Clone, PartialEq)]
pub struct FindingRow {
    pub id: String,
    pub title: String,
    pub office: String,
    pub severity: String,
    /// the message followed by how to fix it
    pub description: String,
    /// evidence URLs in evidence order, without repeats
    pub pages: Vec<String>,
    /// evidence URLs left out of `pages` (see report.json)
    pub pages_more: usize,
    /// screenshot paths, relative to the workbook
    pub screenshots: Vec<String>,
}

/// The findings of one report: failures and undecided checks, each in report.md's order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Findings {
    pub failed: Vec<FindingRow>,
    pub undecided: Vec<FindingRow>,
}

/// The findings of `report`; screenshot paths are prefixed with `prefix` (the site's folder
/// relative to an index, or empty).
pub fn findings(report: &Report, prefix: &str) -> Findings {
    let lang = report.lang;
    let mut counts: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for c in &report.checks {
        let e = counts.entry(office_name(&c.office, lang)).or_default();
        match c.status {
            Status::Fail => e.0 += 1,
            Status::Warn => e.1 += 1,
            _ => {}
        }
    }
    let mut checks: Vec<&CheckResult> = report
        .checks
        .iter()
        .filter(|c| matches!(c.status, Status::Fail | Status::Warn))
        .collect();
    // as report.md: offices with more failures (then more undecided) first, by name; inside
    // an office the most severe first, then by ID
    checks.sort_by(|a, b| {
        let (oa, ob) = (office_name(&a.office, lang), office_name(&b.office, lang));
        let (ca, cb) = (counts[&oa], counts[&ob]);
        cb.0.cmp(&ca.0)
            .then(cb.1.cmp(&ca.1))
            .then(oa.cmp(&ob))
            .then(b.severity.cmp(&a.severity))
            .then(a.id.cmp(&b.id))
    });
    let mut out = Findings::default();
    for c in checks {
        let row = row(c, lang, prefix);
        if c.status == Status::Fail {
            out.failed.push(row);
        } else {
            out.undecided.push(row);
        }
    }
    out
}

fn row(c: &CheckResult, lang: Lang, prefix: &str) -> FindingRow {
    let mut pages: Vec<String> = Vec::new();
    let mut screenshots: Vec<String> = Vec::new();
    for e in &c.evidence {
        let url = e.url.trim();
        if !url.is_empty() && !pages.iter().any(|p| p == url) {
            pages.push(url.to_string());
        }
        if let Some(s) = e
            .screenshot
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            let s = join(prefix, s);
            if !screenshots.contains(&s) {
                screenshots.push(s);
            }
        }
    }
    let pages_more = pages.len().saturating_sub(EVIDENCE_SHOWN);
    pages.truncate(EVIDENCE_SHOWN);
    screenshots.truncate(EVIDENCE_SHOWN);
    FindingRow {
        id: c.id.clone(),
        title: c.title.clone(),
        office: office_name(&c.office, lang),
        severity: c.severity.label(lang).to_string(),
        description: c.message_with_fix(lang),
        pages,
        pages_more,
        screenshots,
    }
}

fn join(prefix: &str, path: &str) -> String {
    let p = prefix.trim_end_matches('/');
    if p.is_empty() || p == "." {
        path.to_string()
    } else {
        format!("{p}/{path}")
    }
}

/// Column headers of a findings sheet (with a leading 站点 column in the index).
pub fn finding_headers(lang: Lang, with_site: bool) -> Vec<&'static str> {
    let mut h = Vec::new();
    if with_site {
        h.push(lang.pick("站点", "Site"));
    }
    h.extend([
        lang.pick("序号", "No."),
        lang.pick("检查项ID", "Check ID"),
        lang.pick("检查项", "Check"),
        lang.pick("牵头处室", "Office"),
        lang.pick("严重程度", "Severity"),
        lang.pick("问题描述", "Finding"),
        lang.pick("问题页面", "Pages"),
        lang.pick("截图", "Screenshot"),
    ]);
    h
}

/// Names of the sheets of failures and of undecided checks.
pub fn sheet_names(lang: Lang) -> (&'static str, &'static str) {
    (
        lang.pick("问题清单", "Findings"),
        Status::Warn.heading(lang),
    )
}

/// The cell formats of a workbook.
pub struct Styles {
    pub header: Format,
    pub text: Format,
    pub number: Format,
    pub link: Format,
}

impl Styles {
    pub fn new() -> Self {
        let base = Format::new()
            .set_text_wrap()
            .set_align(FormatAlign::Top)
            .set_border(FormatBorder::Thin)
            .set_border_color(0xBFBFBF);
        Styles {
            header: base
                .clone()
                .set_bold()
                .set_align(FormatAlign::VerticalCenter)
                .set_background_color(0xF2F2F2),
            number: base.clone().set_align(FormatAlign::Center),
            link: base.clone().set_hyperlink(),
            text: base,
        }
    }
}

impl Default for Styles {
    fn default() -> Self {
        Self::new()
    }
}

/// Writes rows into one worksheet, counting hyperlinks against Excel's limit.
pub struct SheetWriter<'a> {
    pub sheet: &'a mut Worksheet,
    pub styles: &'a Styles,
    links: usize,
}

impl<'a> SheetWriter<'a> {
    pub fn new(sheet: &'a mut Worksheet, styles: &'a Styles) -> Self {
        SheetWriter {
            sheet,
            styles,
            links: 0,
        }
    }

    /// The header row, frozen, with an autofilter over `rows` data rows, and column widths.
    pub fn header(
        &mut self,
        headers: &[&str],
        widths: &[f64],
        rows: usize,
    ) -> Result<(), XlsxError> {
        for (col, h) in headers.iter().enumerate() {
            let col = col as u16;
            self.sheet
                .write_string_with_format(0, col, *h, &self.styles.header)?;
            if let Some(w) = widths.get(col as usize) {
                self.sheet.set_column_width(col, *w)?;
            }
        }
        self.sheet.set_freeze_panes(1, 0)?;
        let last_col = headers.len().saturating_sub(1) as u16;
        self.sheet.autofilter(0, 0, rows as u32, last_col)?;
        Ok(())
    }

    pub fn text(&mut self, row: u32, col: u16, s: &str) -> Result<(), XlsxError> {
        self.sheet
            .write_string_with_format(row, col, cell_text(s), &self.styles.text)?;
        Ok(())
    }

    pub fn number(&mut self, row: u32, col: u16, n: f64) -> Result<(), XlsxError> {
        self.sheet
            .write_number_with_format(row, col, n, &self.styles.number)?;
        Ok(())
    }

    /// A cell showing `text` that links to `target` (a web URL or a relative file path);
    /// plain text when the target cannot be a link.
    pub fn link(&mut self, row: u32, col: u16, target: &str, text: &str) -> Result<(), XlsxError> {
        let url = if let Some(href) = web_href(target) {
            Some(href)
        } else if is_relative_file(target) {
            Some(format!("file:///{target}"))
        } else {
            None
        };
        match url {
            Some(u) if u.chars().count() <= URL_MAX && self.links < LINKS_MAX => {
                self.links += 1;
                let link = Url::new(u).set_text(cell_text(text));
                self.sheet
                    .write_url_with_format(row, col, link, &self.styles.link)?;
                Ok(())
            }
            _ => self.text(row, col, text),
        }
    }

    /// Lines of `items` (and a note of `more` left out), linked to the first item.
    fn list(
        &mut self,
        row: u32,
        col: u16,
        items: &[String],
        more: usize,
        lang: Lang,
    ) -> Result<(), XlsxError> {
        let Some(first) = items.first() else {
            return self.text(row, col, "");
        };
        let mut text = items.join("\n");
        if more > 0 {
            text.push('\n');
            text.push_str(&tr!(
                lang,
                "另有 {} 个，见 report.json",
                "{} more in report.json",
                more
            ));
        }
        self.link(row, col, first, &text)
    }

    /// One finding from column `col` on: 序号 `n` and the seven columns after it.
    pub fn finding(
        &mut self,
        row: u32,
        col: u16,
        n: usize,
        f: &FindingRow,
        lang: Lang,
    ) -> Result<(), XlsxError> {
        self.number(row, col, n as f64)?;
        self.text(row, col + 1, &f.id)?;
        self.text(row, col + 2, &f.title)?;
        self.text(row, col + 3, &f.office)?;
        self.text(row, col + 4, &f.severity)?;
        self.text(row, col + 5, &f.description)?;
        self.list(row, col + 6, &f.pages, f.pages_more, lang)?;
        self.list(row, col + 7, &f.screenshots, 0, lang)?;
        Ok(())
    }
}

/// Column widths of a findings sheet (characters; CJK characters count about double).
pub const FINDING_WIDTHS: [f64; 8] = [6.0, 12.0, 26.0, 14.0, 9.0, 60.0, 48.0, 24.0];
/// Width of the 站点 column of the index.
pub const SITE_WIDTH: f64 = 22.0;

/// A relative path inside the output folder (no scheme, no root, no `..`).
pub(crate) fn is_relative_file(p: &str) -> bool {
    !p.is_empty()
        && !p.contains("://")
        && !p.starts_with(['/', '\\'])
        && !p.contains(':')
        && !p.split(['/', '\\']).any(|s| s == "..")
}

/// Text fit for a cell: control characters dropped, cut at Excel's cell limit.
pub fn cell_text(s: &str) -> String {
    let mut out: String = s
        .chars()
        .filter(|c| !c.is_control() || matches!(c, '\n' | '\t'))
        .take(CELL_MAX)
        .collect();
    if s.chars().count() > CELL_MAX {
        out.push('…');
    }
    out
}

/// Write a findings sheet named `name`: a header row and `rows` (with a 站点 column first
/// when the rows name their site).
pub fn findings_sheet(
    wb: &mut Workbook,
    styles: &Styles,
    name: &str,
    lang: Lang,
    rows: &[(Option<&str>, &FindingRow)],
) -> Result<(), XlsxError> {
    let with_site = rows.iter().any(|(s, _)| s.is_some());
    let sheet = wb.add_worksheet();
    sheet.set_name(name)?;
    let mut w = SheetWriter::new(sheet, styles);
    let mut widths = Vec::new();
    if with_site {
        widths.push(SITE_WIDTH);
    }
    widths.extend(FINDING_WIDTHS);
    w.header(&finding_headers(lang, with_site), &widths, rows.len())?;
    for (i, (site, f)) in rows.iter().enumerate() {
        let row = i as u32 + 1;
        let col = match site {
            Some(s) => {
                w.text(row, 0, s)?;
                1
            }
            None => 0,
        };
        w.finding(row, col, i + 1, f, lang)?;
    }
    Ok(())
}

/// findings.xlsx of one report.
pub fn render(report: &Report) -> Result<Vec<u8>, XlsxError> {
    let lang = report.lang;
    let f = findings(report, "");
    let styles = Styles::new();
    let mut wb = Workbook::new();
    let (failed, undecided) = sheet_names(lang);
    let failed_rows: Vec<(Option<&str>, &FindingRow)> =
        f.failed.iter().map(|r| (None, r)).collect();
    let undecided_rows: Vec<(Option<&str>, &FindingRow)> =
        f.undecided.iter().map(|r| (None, r)).collect();
    findings_sheet(&mut wb, &styles, failed, lang, &failed_rows)?;
    findings_sheet(&mut wb, &styles, undecided, lang, &undecided_rows)?;
    wb.save_to_buffer()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_text_drops_control_characters_and_respects_the_cell_limit() {
        assert_eq!(cell_text("a\u{0}b\nc"), "ab\nc");
        let long = "字".repeat(CELL_MAX + 5);
        assert_eq!(cell_text(&long).chars().count(), CELL_MAX + 1);
    }

    #[test]
    fn only_relative_paths_inside_the_folder_become_file_links() {
        assert!(is_relative_file("screenshots/ZW-P01-1.png"));
        assert!(!is_relative_file("../secret.png"));
        assert!(!is_relative_file("/etc/passwd"));
        assert!(!is_relative_file("C:\\x.png"));
        assert!(!is_relative_file("javascript:alert(1)"));
    }

    #[test]
    fn prefix_joins_site_folders() {
        assert_eq!(join("", "a.png"), "a.png");
        assert_eq!(join(".", "a.png"), "a.png");
        assert_eq!(join("www.x.gov.cn/", "s/a.png"), "www.x.gov.cn/s/a.png");
    }
}
