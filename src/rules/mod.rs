//! Rule packs and the check engine: packs (`rules/*.toml`) instantiate generic check
//! kinds; each check is evaluated on the crawled [`SiteGraph`](crate::model::SiteGraph)
//! and yields exactly one [`CheckResult`]. Rules never fetch.
//!
//! Public API: [`load_packs`], [`list_text`], [`explain_text`], [`load_overrides`],
//! [`evaluate`] with an [`EvalContext`], and [`verdict`].

pub mod aliases;
pub mod calendar;
pub mod catalog;
pub mod content;
pub mod coverage;
pub mod engine;
pub mod error;
pub mod hint;
pub mod identity;
pub mod kinds;
pub mod listdates;
pub mod locate;
pub mod norm;
pub mod overrides;
pub mod pack;
pub mod region;
pub mod related;
pub mod site;
pub mod tabular;
pub mod verdict;

pub use catalog::{explain_text, list_text};
pub use engine::{Baseline, EvalContext, evaluate};
pub use error::RuleError;
pub use hint::focus_hint;
pub use overrides::{SiteOverrides, load_overrides};
pub use pack::{CheckClass, CheckDef, Pack, load_packs};
pub use verdict::{Verdict, verdict};

use serde::{Deserialize, Serialize};

/// Outcome of one check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Pass,
    Fail,
    Warn,
    NotApplicable,
}

/// Severity of a check (from its pack).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Low,
    Medium,
    High,
}

/// One step of a clicked path (text as seen, URL).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PathStep {
    pub text: String,
    pub url: String,
}

/// A piece of evidence a person can click.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    pub url: String,
    pub text: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub path: Vec<PathStep>,
}

/// The result of one check, as written to `report.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CheckResult {
    pub id: String,
    pub title: String,
    pub office: String,
    pub severity: Severity,
    pub status: Status,
    pub message: String,
    pub requirement: String,
    pub evidence: Vec<Evidence>,
    /// Estimated deduction of a failed 扣分 item (national indicators), before totals.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deduction: Option<f64>,
    /// Crawl requests until the check was decided: the latest page its decision rests on
    /// (the whole crawl for whole-site checks). Absent when not decided (warn, not applicable).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decided_after_requests: Option<u64>,
    /// How much of the site a whole-site check saw.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coverage: Option<Coverage>,
}

/// Share of the site a whole-site check saw.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Coverage {
    /// pages fetched
    pub pages: u64,
    /// pages fetched plus URLs found but not visited
    pub known: u64,
    /// the crawl visited everything it found (no budget cut it short)
    pub complete: bool,
}

impl Coverage {
    /// Pages fetched as a percentage of the known pages (rounded down; 100 when complete).
    pub fn percent(&self) -> u64 {
        if self.complete || self.known == 0 {
            100
        } else {
            (self.pages * 100 / self.known).min(99)
        }
    }
}

#[cfg(test)]
mod ci_tests;
#[cfg(test)]
mod dates_tests;
#[cfg(test)]
mod kinds_tests;
#[cfg(test)]
mod pack_tests;
#[cfg(test)]
pub(crate) mod testgraph;
#[cfg(test)]
pub(crate) mod testgraph_nb;
