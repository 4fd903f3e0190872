//! Comparing runs: `compare` sorts checks into new failures, fixed, unchanged and undecided;
//! `zwgk diff` prints them as text, Markdown or JSON; `--baseline` adds the comparison to the
//! report; `--fail-on` gives the documented exit codes (0 / 1 / 2), and `--fail-on new` fails
//! only on failures that are not in the baseline.

mod common;
use common::*;
use serde_json::Value;
use std::path::{Path, PathBuf};
use zwgk::report::diff::{self, Comparison, DiffFormat};
use zwgk::report::{FailOn, Report, fails};

fn fixture_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/reports")
        .join(name)
}

fn fixture(name: &str) -> Report {
    serde_json::from_str(&std::fs::read_to_string(fixture_path(name)).unwrap()).unwrap()
}

fn ids(items: &[diff::DiffItem]) -> Vec<&str> {
    items.iter().map(|i| i.id.as_str()).collect()
}

fn sample_vs_baseline() -> Comparison {
    diff::compare(&fixture("baseline.json"), &fixture("sample.json"))
}

#[test]
fn compare_sorts_checks_into_new_fixed_unchanged_and_undecided() {
    let c = sample_vs_baseline();
    assert_eq!(
        c.baseline,
        "http://www.xsq.cq.gov.cn/ @ 2026-10-27T02:00:00Z"
    );
    // passed before, fails now; most severe first
    assert_eq!(ids(&c.new_failures), ["ZW-P05", "ZW-P15"]);
    // failed before, passes now; a check no longer run counts as fixed, with after = None
    assert_eq!(ids(&c.fixed), ["ZW-P01", "GOV-D04", "ZW-P99"]);
    assert_eq!(c.fixed[2].after, None);
    assert_eq!(
        ids(&c.unchanged_failures),
        ["GOV-V04", "ZW-M01", "ZW-P02", "ZW-P11", "GOV-D01"]
    );
    // failed before, blocked now: neither fixed nor new
    assert_eq!(ids(&c.undecided), ["ZW-P18"]);
    // the three broken media files that are new although ZW-M01 already failed
    let m01 = &c.unchanged_failures[1];
    assert_eq!(m01.new_evidence.len(), 3);
    assert!(m01.new_evidence[0].ends_with("v21.mp4"));
    // a check new in this run that is only undecided is not a new failure
    assert!(!ids(&c.new_failures).contains(&"GOV-I01"));
    // comparing a run with itself: nothing new, nothing fixed
    let same = diff::compare(&fixture("sample.json"), &fixture("sample.json"));
    assert!(same.new_failures.is_empty() && same.fixed.is_empty() && same.undecided.is_empty());
    assert_eq!(
        same.unchanged_failures.len(),
        fixture("sample.json").summary.fail
    );
}

#[test]
fn fail_on_thresholds() {
    let mut r = fixture("sample.json");
    assert!(!fails(&r, FailOn::None));
    assert!(fails(&r, FailOn::High));
    assert!(fails(&r, FailOn::Medium));
    assert!(fails(&r, FailOn::Low));
    // only low-severity failures: fail on low, not on medium or high
    for c in &mut r.checks {
        if c.status == zwgk::rules::Status::Fail && c.severity != zwgk::rules::Severity::Low {
            c.status = zwgk::rules::Status::Pass;
        }
    }
    r.checks[0].status = zwgk::rules::Status::Fail;
    r.checks[0].severity = zwgk::rules::Severity::Low;
    assert!(!fails(&r, FailOn::High) && !fails(&r, FailOn::Medium));
    assert!(fails(&r, FailOn::Low));
    // new: only with new failures in the comparison
    let mut r = fixture("sample.json");
    r.comparison = Some(sample_vs_baseline());
    assert!(fails(&r, FailOn::New));
    r.comparison = Some(diff::compare(&fixture("sample.json"), &r));
    assert!(!fails(&r, FailOn::New));
}

#[test]
fn render_text_markdown_and_json() {
    let c = sample_vs_baseline();
    let text = diff::render(&c, DiffFormat::Text, zwgk::i18n::Lang::Zh);
    assert!(text.contains("新增问题 (2)"), "{text}");
    assert!(text.contains("  [高] ZW-P05 政策解读至少设置"));
    assert!(text.contains("(通过 → 不通过)"));
    assert!(text.contains("已整改 (3)") && text.contains("仍未整改 (5)"));
    assert!(text.contains("(不通过 → 无此检查)"));
    assert!(text.contains("      + http://www.xsq.cq.gov.cn/zwgk_229/fdzdgknr/zcjd/spjd/v21.mp4"));
    let en = diff::render(&c, DiffFormat::Text, zwgk::i18n::Lang::En);
    assert!(en.contains("New failures (2)") && en.contains("(pass → fail)"));
    let md = diff::render(&c, DiffFormat::Md, zwgk::i18n::Lang::Zh);
    assert!(md.starts_with("## 与基线比较"));
    assert!(md.contains("### 新增问题 (2)"));
    // the `|` inside a message is escaped in the table
    assert!(md.contains(r"视频解读 \| 动漫解读"), "{md}");
    let json: Comparison =
        serde_json::from_str(&diff::render(&c, DiffFormat::Json, zwgk::i18n::Lang::Zh)).unwrap();
    assert_eq!(json, c);
}

#[test]
fn diff_subcommand() {
    let old = fixture_path("baseline.json");
    let new = fixture_path("sample.json");
    let (old, new) = (old.to_str().unwrap(), new.to_str().unwrap());
    let out = zwgk(&["diff", old, new]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("新增问题 (2)"), "{text}");
    let out = zwgk(&["diff", old, new, "--format", "json"]);
    assert!(out.status.success());
    let c: Comparison = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(c, sample_vs_baseline());
    let out = zwgk(&["diff", old, new, "--format", "md", "--lang", "en"]);
    assert!(out.status.success());
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("### New failures (2)")
    );
    // a missing file is a usage error (exit 1) with a clear message, not a panic
    let out = zwgk(&["diff", "/nonexistent/report.json", new]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("/nonexistent/report.json"));
}

/// `zwgk check` that is expected to stop before writing a report (usage errors).
fn check_usage_error(fx: &Fixture, host: &str, extra: &[&str]) -> std::process::Output {
    let out = tempfile::tempdir().unwrap();
    let (url, resolve) = (fx.url(host), fx.resolve(host));
    let mut args = vec![
        "check",
        &url,
        "--resolve",
        &resolve,
        "--no-dns",
        "--out",
        out.path().to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    let o = zwgk(&args);
    assert!(
        !out.path().join("report.json").exists(),
        "a usage error must not write a report"
    );
    o
}

/// `zwgk check` on the demo fixture site: exit codes with --fail-on and --baseline.
#[test]
fn check_exit_codes_with_fail_on_and_baseline() {
    const HOST: &str = "www.xsq.cq.gov.cn";
    let fx = Fixture::serve("demo");
    let fast = ["--rate", "0", "--per-host", "4"];
    // default: findings never fail the run
    let (out, report, first) = check(&fx, HOST, &fast);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let failed: Vec<&Value> = report["checks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["status"] == "fail")
        .collect();
    let high = failed.iter().any(|c| c["severity"] == "high");
    // --fail-on high: exit 2 exactly when a high-severity check fails
    let (out, _, _) = check(&fx, HOST, &[&fast[..], &["--fail-on", "high"]].concat());
    assert_eq!(out.status.code(), Some(if high { 2 } else { 0 }));
    let (out, _, _) = check(&fx, HOST, &[&fast[..], &["--fail-on", "low"]].concat());
    assert_eq!(
        out.status.code(),
        Some(if failed.is_empty() { 0 } else { 2 })
    );
    // --fail-on new with nothing to compare with (no baseline, no history) is a usage error
    let out = check_usage_error(
        &fx,
        HOST,
        &[&fast[..], &["--fail-on", "new", "--no-history"]].concat(),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("--baseline"), "{}", stderr(&out));

    // with the history database, "new" means new since the site's last run
    let db_dir = tempfile::tempdir().unwrap();
    let db = db_dir.path().join("zwgk.db");
    let db_s = db.to_str().unwrap();
    for run in 0..2 {
        let (out, report, _dir) = check(
            &fx,
            HOST,
            &[&fast[..], &["--db", db_s, "--fail-on", "new"]].concat(),
        );
        assert_eq!(out.status.code(), Some(0), "run {run}: {}", stderr(&out));
        if run == 1 {
            let cmp = &report["comparison"];
            assert_eq!(cmp["new_failures"].as_array().unwrap().len(), 0);
            assert!(!cmp["unchanged_failures"].as_array().unwrap().is_empty());
        }
    }

    // against its own earlier run: nothing new, exit 0 even though checks fail
    let base = first.path().join("report.json");
    let base_s = base.to_str().unwrap();
    let (out, report, dir) = check(
        &fx,
        HOST,
        &[&fast[..], &["--baseline", base_s, "--fail-on", "new"]].concat(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let cmp = &report["comparison"];
    assert_eq!(cmp["new_failures"].as_array().unwrap().len(), 0);
    assert_eq!(
        cmp["unchanged_failures"].as_array().unwrap().len(),
        failed.len()
    );
    let md = std::fs::read_to_string(dir.path().join("report.md")).unwrap();
    assert!(md.contains("## 与基线比较"));

    // against a baseline where everything passed: every failure is new, exit 2
    if !failed.is_empty() {
        let mut clean = read_json(&base);
        for c in clean["checks"].as_array_mut().unwrap() {
            c["status"] = "pass".into();
        }
        let clean_path = first.path().join("clean.json");
        std::fs::write(&clean_path, serde_json::to_vec(&clean).unwrap()).unwrap();
        let (out, report, dir) = check(
            &fx,
            HOST,
            &[
                &fast[..],
                &[
                    "--baseline",
                    clean_path.to_str().unwrap(),
                    "--fail-on",
                    "new",
                ],
            ]
            .concat(),
        );
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        assert_eq!(
            report["comparison"]["new_failures"]
                .as_array()
                .unwrap()
                .len(),
            failed.len()
        );
        let html = std::fs::read_to_string(dir.path().join("report.html")).unwrap();
        assert!(html.contains(r#"<span class="change new">新增</span>"#));
    }
    // an unreadable baseline is a usage error before any crawling
    let out = check_usage_error(
        &fx,
        HOST,
        &[&fast[..], &["--baseline", "/nonexistent/report.json"]].concat(),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("/nonexistent/report.json"));
}
