//! The words and codes of a check's status and severity, in Chinese or English: spelled
//! out (reports, comparisons: `undecided`, `not applicable`), short (terminal summary,
//! batch index: `warn`, `n/a`) or as a heading (`Undecided`); stable codes (CSS classes,
//! CI formats, the history database) and icons. The one place these are defined.

use super::{Severity, Status};
use crate::i18n::Lang;

impl Status {
    /// 通过 / 不通过 / 待确认 / 不适用; `pass` / `fail` / `undecided` / `not applicable`.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Status::Pass => lang.pick("通过", "pass"),
            Status::Fail => lang.pick("不通过", "fail"),
            Status::Warn => lang.pick("待确认", "undecided"),
            Status::NotApplicable => lang.pick("不适用", "not applicable"),
        }
    }

    /// The short form for narrow columns and legends: English `warn` and `n/a`.
    pub fn short_label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Status::Warn, Lang::En) => "warn",
            (Status::NotApplicable, Lang::En) => "n/a",
            _ => self.label(lang),
        }
    }

    /// The form for headings and sheet names: `Pass`, `Fail`, `Undecided`,
    /// `Not applicable`.
    pub fn heading(self, lang: Lang) -> &'static str {
        match self {
            Status::Pass => lang.pick("通过", "Pass"),
            Status::Fail => lang.pick("不通过", "Fail"),
            Status::Warn => lang.pick("待确认", "Undecided"),
            Status::NotApplicable => lang.pick("不适用", "Not applicable"),
        }
    }

    /// The name in report.json and the history database: `pass`, `fail`, `warn`,
    /// `not_applicable`.
    pub fn name(self) -> &'static str {
        match self {
            Status::Pass => "pass",
            Status::Fail => "fail",
            Status::Warn => "warn",
            Status::NotApplicable => "not_applicable",
        }
    }

    /// The status of a [`name`](Status::name).
    pub fn from_name(s: &str) -> Option<Status> {
        [
            Status::Pass,
            Status::Fail,
            Status::Warn,
            Status::NotApplicable,
        ]
        .into_iter()
        .find(|st| st.name() == s)
    }

    /// Stable code (CSS class, CI formats): `pass`, `fail`, `warn`, `na`.
    pub fn code(self) -> &'static str {
        match self {
            Status::Pass => "pass",
            Status::Fail => "fail",
            Status::Warn => "warn",
            Status::NotApplicable => "na",
        }
    }

    /// Icon for text formats (Markdown): ✅ ❌ ⚠️ ➖.
    pub fn icon(self) -> &'static str {
        match self {
            Status::Pass => "✅",
            Status::Fail => "❌",
            Status::Warn => "⚠️",
            Status::NotApplicable => "➖",
        }
    }

    /// Mark for a narrow HTML cell (the batch index's matrix): ✓ ✗ ? –.
    pub fn mark(self) -> &'static str {
        match self {
            Status::Pass => "✓",
            Status::Fail => "✗",
            Status::Warn => "?",
            Status::NotApplicable => "–",
        }
    }
}

impl Severity {
    /// 高 / 中 / 低; `high` / `medium` / `low`.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Severity::High => lang.pick("高", "high"),
            Severity::Medium => lang.pick("中", "medium"),
            Severity::Low => lang.pick("低", "low"),
        }
    }

    /// Stable code: `high`, `medium`, `low`.
    pub fn code(self) -> &'static str {
        match self {
            Severity::High => "high",
            Severity::Medium => "medium",
            Severity::Low => "low",
        }
    }
}
