//! Output formats besides `report.json`: Markdown, self-contained HTML, JUnit XML, SARIF and
//! the 问题清单 spreadsheet (findings.xlsx, see [`super::xlsx`]).
//!
//! This file is the dispatch: the [`Format`]s, [`render`] and [`write_formats`]. One file per
//! format beside it (`html.rs`, `markdown.rs`, `junit.rs`, `sarif.rs`, `xlsx.rs`); Markdown
//! and HTML are rendered from one view model ([`super::view`]) through the template engine
//! ([`super::templates`]) with the labels of [`super::labels`]. Every file is written
//! atomically (temp file + rename).

#[path = "html.rs"]
pub mod html;
#[path = "junit.rs"]
pub mod junit;
#[path = "markdown.rs"]
pub mod markdown;
#[path = "sarif.rs"]
pub mod sarif;

use super::{Report, ReportError};
use serde::{Deserialize, Serialize};
use std::path::Path;
use thiserror::Error;

pub use crate::escape::{html_escape, md_inline, md_url};

/// A report file format (`--format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// report.json (always written)
    Json,
    /// report.md
    Md,
    /// report.html
    Html,
    /// junit.xml
    Junit,
    /// report.sarif
    Sarif,
    /// findings.xlsx (问题清单 spreadsheet)
    Xlsx,
}

impl std::str::FromStr for Format {
    type Err = crate::model::UnknownName;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        crate::model::name::parse_name(
            "report format",
            s,
            &[
                ("json", Format::Json),
                ("md", Format::Md),
                ("html", Format::Html),
                ("junit", Format::Junit),
                ("sarif", Format::Sarif),
                ("xlsx", Format::Xlsx),
            ],
        )
    }
}

/// Every format.
pub const ALL: &[Format] = &[
    Format::Json,
    Format::Md,
    Format::Html,
    Format::Junit,
    Format::Sarif,
    Format::Xlsx,
];

impl Format {
    /// The file this format is written to.
    pub fn file_name(self) -> &'static str {
        match self {
            Format::Json => "report.json",
            Format::Md => "report.md",
            Format::Html => "report.html",
            Format::Junit => "junit.xml",
            Format::Sarif => "report.sarif",
            Format::Xlsx => "findings.xlsx",
        }
    }
}

/// A report could not be rendered in one format.
#[derive(Debug, Error)]
pub enum FormatError {
    #[error("template error: {0:#}")]
    Template(#[from] minijinja::Error),
    #[error("JUnit XML: {0}")]
    Junit(#[from] quick_junit::SerializeError),
    #[error("JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error("spreadsheet: {0}")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
}

/// Render one format (not JSON, which [`super::write_all`] writes).
pub fn render(report: &Report, format: Format) -> Result<Vec<u8>, FormatError> {
    Ok(match format {
        Format::Json => serde_json::to_vec_pretty(report)?,
        Format::Md => markdown::render(report)?.into_bytes(),
        Format::Html => html::render(report)?.into_bytes(),
        Format::Junit => junit::render(report)?.into_bytes(),
        Format::Sarif => sarif::render(report)?.into_bytes(),
        Format::Xlsx => super::xlsx::render(report)?,
    })
}

/// Write the selected formats (other than JSON) into `dir`, atomically.
///
/// Everything is rendered first and written afterwards, so a rendering problem leaves no
/// file of this run behind.
pub fn write_formats(dir: &Path, report: &Report, formats: &[Format]) -> Result<(), ReportError> {
    let mut files = Vec::new();
    for &f in formats {
        if f == Format::Json || files.iter().any(|(g, _)| *g == f) {
            continue;
        }
        let bytes = render(report, f).map_err(|e| ReportError::Write {
            path: dir.join(f.file_name()),
            source: std::io::Error::other(e.to_string()),
        })?;
        files.push((f, bytes));
    }
    for (f, bytes) in files {
        crate::atomic::write_atomic(&dir.join(f.file_name()), &bytes)?;
    }
    Ok(())
}
