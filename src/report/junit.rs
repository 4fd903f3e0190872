//! `junit.xml` for CI systems: one test suite per site, one test case per check (checks
//! marked `per_evidence`, the CI checks before a redesign, get one failing test case per
//! evidence item: each lost URL or column). A failed
//! check is a `<failure>` whose message is the check's message (type = severity; the body
//! has the requirement, the evidence and how to fix); an undecided check (`warn`) and a check
//! that does not apply are `<skipped>` with the reason; a passing check is a success.

use super::FormatError;
use crate::i18n::Lang;
use crate::report::Report;
use crate::report::view::check_meta;
use crate::rules::Status;
use quick_junit::{NonSuccessKind, TestCase, TestCaseStatus, TestSuite};
use std::fmt::Write;
use std::time::Duration;

/// Render `junit.xml`.
pub fn render(report: &Report) -> Result<String, FormatError> {
    let lang = report.lang;
    let meta = check_meta(report);
    let mut junit = quick_junit::Report::new("zwgk");
    let name = report
        .site
        .name
        .clone()
        .filter(|n| !n.trim().is_empty())
        .map(|n| format!("{n} ({})", report.site.url))
        .unwrap_or_else(|| report.site.url.clone());
    let mut suite = TestSuite::new(name);
    suite.add_property(("site", report.site.url.as_str()));
    suite.add_property(("as_of", report.as_of.as_str()));
    suite.add_property(("packs", report.packs.join(",").as_str()));
    suite.add_property(("crawl_complete", report.crawl.complete.to_string().as_str()));
    if let Some(v) = &report.verdict {
        suite.add_property(("qualified", v.qualified.to_string().as_str()));
        suite.add_property(("vetoes", v.vetoes.join(",").as_str()));
        suite.add_property(("estimated_deductions", v.deductions.to_string().as_str()));
    }
    suite.set_time(Duration::from_millis(report.stats.elapsed_ms));
    for c in &report.checks {
        if meta.get(&c.id).is_some_and(|m| m.per_evidence)
            && c.status == Status::Fail
            && !c.evidence.is_empty()
        {
            // one failing test case per lost URL / column, so CI interfaces list each
            let fix = meta
                .get(&c.id)
                .map(|m| m.fix.as_str())
                .filter(|f| !f.trim().is_empty())
                .unwrap_or(&c.requirement);
            for e in &c.evidence {
                let mut s = TestCaseStatus::non_success(NonSuccessKind::Failure);
                s.set_message(e.text.as_str());
                s.set_type(c.severity.label(Lang::En));
                let mut body = String::new();
                let _ = writeln!(body, "{} {}\n\n{}", e.url, e.text, c.message);
                let _ = writeln!(body, "\n{}: {fix}", lang.pick("整改建议", "How to fix"));
                s.set_description(body);
                let mut case = TestCase::new(format!("{} {}", c.id, e.url), s);
                case.set_classname(format!("zwgk.{}.{}", c.office, c.id));
                case.add_property(("id", c.id.as_str()));
                case.add_property(("url", e.url.as_str()));
                case.add_property(("office", c.office.as_str()));
                suite.add_test_case(case);
            }
            continue;
        }
        let status = match c.status {
            Status::Pass => TestCaseStatus::success(),
            Status::Fail => {
                let mut s = TestCaseStatus::non_success(NonSuccessKind::Failure);
                s.set_message(c.message_with_fix(lang));
                s.set_type(c.severity.label(Lang::En));
                let mut body = String::new();
                let _ = writeln!(body, "{}", c.message);
                let _ = writeln!(
                    body,
                    "\n{}: {}",
                    lang.pick("要求原文", "Requirement"),
                    c.requirement
                );
                if !c.evidence.is_empty() {
                    let _ = writeln!(body, "\n{}:", lang.pick("证据", "Evidence"));
                    for e in &c.evidence {
                        let _ = writeln!(body, "  {} {}", e.url, e.text);
                    }
                }
                let fix = meta
                    .get(&c.id)
                    .map(|m| m.fix.as_str())
                    .filter(|f| !f.trim().is_empty())
                    .unwrap_or(&c.requirement);
                let _ = writeln!(body, "\n{}: {}", lang.pick("整改建议", "How to fix"), fix);
                s.set_description(body);
                s
            }
            Status::Warn | Status::NotApplicable => {
                let mut s = TestCaseStatus::skipped();
                let label = c.status.label(lang);
                s.set_message(format!("{label}: {}", c.message_with_fix(lang)));
                s.set_type(c.status.code());
                s
            }
        };
        let mut case = TestCase::new(format!("{} {}", c.id, c.title), status);
        case.set_classname(format!(
            "zwgk.{}",
            if c.office.trim().is_empty() {
                "-"
            } else {
                c.office.as_str()
            }
        ));
        case.add_property(("id", c.id.as_str()));
        case.add_property(("office", c.office.as_str()));
        case.add_property(("severity", c.severity.label(Lang::En)));
        suite.add_test_case(case);
    }
    junit.add_test_suite(suite);
    Ok(junit.to_string()?)
}
