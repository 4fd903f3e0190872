//! Comparing two runs: new failures, fixed items and unchanged failures, by check ID.

use super::Report;
use crate::i18n::Lang;
use serde::{Deserialize, Serialize};

/// One check in a comparison.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DiffItem {
    pub id: String,
    pub title: String,
    pub office: String,
    pub severity: crate::rules::Severity,
    pub before: Option<crate::rules::Status>,
    pub after: Option<crate::rules::Status>,
    pub message: String,
}

/// The comparison of a run with a baseline.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    /// what the baseline was (its site URL and start time)
    pub baseline: String,
    pub new_failures: Vec<DiffItem>,
    pub fixed: Vec<DiffItem>,
    pub unchanged_failures: Vec<DiffItem>,
}

/// Output format of `zwgk diff`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum DiffFormat {
    #[default]
    Text,
    Md,
    Json,
}

/// Compare a new report with an old one.
pub fn compare(old: &Report, new: &Report) -> Comparison {
    let _ = (old, new);
    Comparison::default()
}

/// Render a comparison.
pub fn render(c: &Comparison, format: DiffFormat, lang: Lang) -> String {
    let _ = (c, format, lang);
    String::new()
}
