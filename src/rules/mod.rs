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
pub mod labels;
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
pub use hint::{focus_hint, wants_search_probe};
pub use overrides::{SiteOverrides, load_overrides};
pub use pack::{CheckClass, CheckDef, Pack, load_packs};
pub use verdict::{Verdict, verdict};

use crate::i18n::Lang;
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
    /// A screenshot of the page (PNG), relative to the report's folder, when the browser
    /// stage took one; shown in findings.xlsx (截图).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub screenshot: Option<String>,
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
    /// How to fix a failure, in the report's language (the pack's `how_to_fix`); the
    /// message does not repeat it (see [`CheckResult::message_with_fix`]).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub fix: String,
    /// How the check counts: 单项否决, 扣分, 提示 or seed (the pack's `class`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub class: Option<String>,
    /// The national indicator the check measures (一级指标, 二级指标 of its `source`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub indicator: Option<Indicator>,
    /// Deduction cap of a 扣分 item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deduction_cap: Option<f64>,
    /// The kinds of the check's steps (`path`, `freshness` …).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub kinds: Vec<String>,
    /// CI formats write one test case / result per evidence item (each lost URL).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub per_evidence: bool,
    /// Crawl requests until the check was decided: the latest page its decision rests on
    /// (the whole crawl for whole-site checks). Absent when not decided (warn, not applicable).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decided_after_requests: Option<u64>,
    /// How much of the site a whole-site check saw.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coverage: Option<Coverage>,
    /// What each step that ran decided, in order (the steps after a path that was not
    /// found did not run): which step made a check fail, and its part of `evidence`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub steps: Vec<StepResult>,
}

/// One step's own decision within a check.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StepResult {
    /// the step's kind (`path`, `freshness` …)
    pub kind: String,
    pub status: Status,
    /// how many items of the check's `evidence` this step gave, in order after the
    /// previous steps' items
    pub evidence: usize,
}

/// A national indicator: 一级指标 and 二级指标.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Indicator {
    pub level1: String,
    pub level2: String,
}

impl CheckResult {
    /// The message followed by how to fix it, for formats that show one text (JUnit,
    /// SARIF, the terminal): `…。整改建议：…` when the check did not pass.
    pub fn message_with_fix(&self, lang: Lang) -> String {
        if self.status == Status::Pass || self.fix.trim().is_empty() {
            return self.message.clone();
        }
        let head = self.message.trim_end();
        let head = head.strip_suffix(['。', '.']).unwrap_or(head);
        tr!(
            lang,
            "{}。整改建议：{}",
            "{}. How to fix: {}",
            head,
            self.fix
        )
    }

    /// Is this a required disclosure path (a `path` step)?
    pub fn is_path(&self) -> bool {
        self.kinds.iter().any(|k| k == "path")
    }
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
mod pack_tests;
#[cfg(test)]
pub(crate) mod testgraph;
#[cfg(test)]
pub(crate) mod testgraph_nb;
