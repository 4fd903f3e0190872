//! What the document stage records for one attachment: its format, whether it could be
//! read (and why not), its heading-like lines and its tables as rows of cell texts.

use serde::{Deserialize, Serialize};

/// File format, recognised by magic bytes first and the URL's extension second.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DocFormat {
    Pdf,
    Docx,
    Doc,
    Wps,
    Xlsx,
    Xls,
    Et,
    /// not a format the stage reads (zip, rar, ofd, an HTML error page …)
    Other,
}

impl DocFormat {
    pub fn label(self) -> &'static str {
        match self {
            DocFormat::Pdf => "PDF",
            DocFormat::Docx => "DOCX",
            DocFormat::Doc => "DOC",
            DocFormat::Wps => "WPS",
            DocFormat::Xlsx => "XLSX",
            DocFormat::Xls => "XLS",
            DocFormat::Et => "ET",
            DocFormat::Other => "其他",
        }
    }
}

/// Outcome of reading one attachment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocStatus {
    /// text (and tables) extracted
    Read,
    /// a PDF without a text layer (scanned pages): 图片型PDF, not searchable
    ImageOnly,
    /// malformed, truncated, encrypted, too large, a zip bomb, a parser time-out …
    Undecodable,
    /// the download failed (HTTP error, blocked, robots)
    FetchFailed,
    /// not read: document budget reached, run interrupted, format not read
    Skipped,
}

impl DocStatus {
    pub fn label(self) -> &'static str {
        match self {
            DocStatus::Read => "read",
            DocStatus::ImageOnly => "image_only",
            DocStatus::Undecodable => "undecodable",
            DocStatus::FetchFailed => "fetch_failed",
            DocStatus::Skipped => "skipped",
        }
    }
}

/// One table: rows of cell texts. Merged cells are repeated into every grid position
/// they cover; numbers stay as printed (full-width digits, blanks).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Table {
    pub rows: Vec<Vec<String>>,
    /// Baseline height of each row on its page (PDF text layout only; empty otherwise).
    /// Such tables come from positioned text: a wrapped label is split over several rows
    /// and blank cells are absent.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub y: Vec<f32>,
}

impl Table {
    /// Built from text layout (PDF) rather than a real grid.
    pub fn loose(&self) -> bool {
        !self.y.is_empty()
    }
}

/// A read attachment.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Document {
    /// interned URL of the attachment
    pub url: super::edge::UrlId,
    pub format: DocFormat,
    pub status: DocStatus,
    /// why it could not be read (or a short note on what was read)
    pub detail: String,
    /// bytes downloaded
    pub bytes: u64,
    /// pages (PDF)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pages: Option<u32>,
    /// visible text characters
    pub text_chars: usize,
    /// the document's own title: its first text line
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// heading-like lines (short lines, numbered lines such as 一、总体情况), at most 300
    #[serde(default)]
    pub headings: Vec<String>,
    #[serde(default)]
    pub tables: Vec<Table>,
}

/// What a parser returns: text lines and tables.
#[derive(Debug, Default)]
pub struct Extracted {
    pub lines: Vec<String>,
    pub tables: Vec<Table>,
    pub pages: Option<u32>,
    /// image objects (PDF), to tell a scan from a document that just has little text
    pub images: Option<u32>,
}
