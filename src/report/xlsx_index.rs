//! `index.xlsx` beside a batch index: the sheet 站点 with the ranking (the columns and order
//! of index.html's ranking), then every site's findings with the site first, failures on the
//! sheet 问题清单 and undecided checks on 待确认 (as in each site's findings.xlsx).
//!
//! The findings come from each site's report.json (read one at a time, so a large batch is
//! never held in memory); a site whose report cannot be read gets one row saying why.

use super::Report;
use super::xlsx::{
    FindingRow, Findings, SITE_WIDTH, SheetWriter, Styles, findings, findings_sheet,
};
use crate::batch::Index;
use rust_xlsxwriter::{Workbook, XlsxError};
use std::path::Path;

/// Column widths of the ranking sheet.
const RANKING_WIDTHS: [f64; 9] = [6.0, SITE_WIDTH, 10.0, 16.0, 10.0, 14.0, 8.0, 8.0, 10.0];

/// index.xlsx of `index`, whose site folders are relative to `dir`.
pub fn render(index: &Index, dir: &Path) -> Result<Vec<u8>, XlsxError> {
    let lang = index.lang;
    let styles = Styles::new();
    let mut wb = Workbook::new();
    ranking_sheet(&mut wb, &styles, index, dir)?;

    let mut sites: Vec<(&str, Findings)> = Vec::new();
    for s in &index.sites {
        let Some(d) = &s.dir else { continue };
        let f = match read_report(&dir.join(d).join("report.json")) {
            Ok(r) => findings(&r, d),
            Err(why) => Findings {
                failed: vec![FindingRow {
                    id: String::new(),
                    title: String::new(),
                    office: String::new(),
                    severity: String::new(),
                    description: tr!(
                        lang,
                        "无法读取该站点的 report.json：{}",
                        "cannot read the site's report.json: {}",
                        why
                    ),
                    pages: Vec::new(),
                    pages_more: 0,
                    screenshots: Vec::new(),
                }],
                undecided: Vec::new(),
            },
        };
        sites.push((s.name.as_str(), f));
    }
    let (failed, undecided) = super::xlsx::sheet_names(lang);
    let rows: Vec<(Option<&str>, &FindingRow)> = sites
        .iter()
        .flat_map(|(name, f)| f.failed.iter().map(move |r| (Some(*name), r)))
        .collect();
    findings_sheet(&mut wb, &styles, failed, lang, &rows)?;
    let rows: Vec<(Option<&str>, &FindingRow)> = sites
        .iter()
        .flat_map(|(name, f)| f.undecided.iter().map(move |r| (Some(*name), r)))
        .collect();
    findings_sheet(&mut wb, &styles, undecided, lang, &rows)?;
    wb.save_to_buffer()
}

fn read_report(path: &Path) -> Result<Report, String> {
    let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    serde_json::from_str(&text).map_err(|e| e.to_string())
}

/// The sheet 站点: one row per site in ranking order; the site's name links to its report.
fn ranking_sheet(
    wb: &mut Workbook,
    styles: &Styles,
    index: &Index,
    dir: &Path,
) -> Result<(), XlsxError> {
    let lang = index.lang;
    let sheet = wb.add_worksheet();
    sheet.set_name(lang.pick("站点", "Sites"))?;
    let mut w = SheetWriter::new(sheet, styles);
    w.header(&index.headers(), &RANKING_WIDTHS, index.sites.len())?;
    for (i, s) in index.sites.iter().enumerate() {
        let row = i as u32 + 1;
        w.number(row, 0, s.rank as f64)?;
        let report = s.dir.as_ref().and_then(|d| {
            ["findings.xlsx", "report.html", "report.json"]
                .into_iter()
                .map(|f| format!("{}/{f}", d.trim_end_matches('/')))
                .find(|p| dir.join(p).is_file())
        });
        let label = match &s.error {
            Some(e) => format!("{}\n{}\n{e}", s.name, s.url),
            None => format!("{}\n{}", s.name, s.url),
        };
        match report {
            Some(p) => w.link(row, 1, &p, &label)?,
            None => w.text(row, 1, &label)?,
        }
        w.text(row, 2, index.verdict_text(s))?;
        w.text(row, 3, &s.vetoes.join(", "))?;
        match s.deductions {
            Some(d) => w.number(row, 4, (d * 10.0).round() / 10.0)?,
            None => w.text(row, 4, "")?,
        }
        w.text(
            row,
            5,
            &format!("{}/{}/{}", s.fail_high, s.fail_medium, s.fail_low),
        )?;
        w.number(row, 6, s.warn as f64)?;
        w.number(row, 7, s.pages as f64)?;
        w.number(row, 8, s.errors as f64)?;
    }
    Ok(())
}
