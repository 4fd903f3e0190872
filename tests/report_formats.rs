//! Report formats: Markdown and HTML snapshots (golden files under
//! `tests/fixtures/reports/snapshots/`, times, ports and durations redacted) of hand-made
//! reports and of a real run on the demo fixture site; HTML self-containment and escaping;
//! JUnit XML parsed back; atomic writes and `--format` selection.
//!
//! Update the golden files after an intended change with
//! `ZWGK_UPDATE_SNAPSHOTS=1 cargo test --test report_formats` and review the diff.

mod common;
use common::*;
use std::path::{Path, PathBuf};
use zwgk::i18n::Lang;
use zwgk::report::Report;
use zwgk::report::formats::{self, Format, html, junit, markdown};

fn fixture(name: &str) -> Report {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/reports")
        .join(name);
    let text = std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// The report as an English run writes it: `--lang en` and each check's fix in English
/// (what the rule engine takes from the pack's `how_to_fix_en`; messages stay as they are).
fn english(r: &Report) -> Report {
    let packs = zwgk::rules::load_packs(&[]).unwrap();
    let mut en = r.clone();
    en.lang = Lang::En;
    for c in &mut en.checks {
        if let Some(d) = packs.iter().flat_map(|p| &p.checks).find(|d| d.id == c.id)
            && !d.how_to_fix_en.is_empty()
        {
            c.fix = d.how_to_fix_en.clone();
        }
    }
    en
}

fn snapshot_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/reports/snapshots")
}

/// Replace what changes from run to run: times, loopback ports, durations, the version.
fn redact(s: &str) -> String {
    let re_time =
        regex::Regex::new(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})")
            .unwrap();
    let re_port = regex::Regex::new(r"(www\.[a-z0-9.-]+\.(?:test|cn)):\d{2,5}").unwrap();
    let re_secs = regex::Regex::new(
        r"(?m)^(\| [0-9]+ \| [0-9]+ \| [0-9]+ \| [0-9]+ \| [0-9]+ \| )[0-9]+\.[0-9] \|$",
    )
    .unwrap();
    let re_secs_html =
        regex::Regex::new(r#"<td class="num">[0-9]+\.[0-9]</td></tr></tbody>"#).unwrap();
    let s = re_time.replace_all(s, "[TIME]");
    let s = re_port.replace_all(&s, "$1:[PORT]");
    let s = re_secs.replace_all(&s, "$1[SECONDS] |");
    let s = re_secs_html.replace_all(&s, r#"<td class="num">[SECONDS]</td></tr></tbody>"#);
    s.replace(
        &format!("zwgk {}", env!("CARGO_PKG_VERSION")),
        "zwgk [VERSION]",
    )
}

/// report.json with what changes from run to run set to fixed values: durations
/// (`*_ms`) become 0 and the tool version `[VERSION]`; times and ports are redacted as
/// text by [`redact`].
fn normalise_json(mut v: serde_json::Value) -> String {
    fn walk(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::Object(m) => {
                for (k, x) in m.iter_mut() {
                    if k.ends_with("_ms") && x.is_number() {
                        *x = 0.into();
                    } else {
                        walk(x);
                    }
                }
            }
            serde_json::Value::Array(a) => a.iter_mut().for_each(walk),
            _ => {}
        }
    }
    walk(&mut v);
    v["tool"]["version"] = "[VERSION]".into();
    serde_json::to_string_pretty(&v).unwrap() + "\n"
}

/// Compare with the golden file, or write it when `ZWGK_UPDATE_SNAPSHOTS` is set.
fn assert_snapshot(name: &str, actual: &str) {
    let path = snapshot_dir().join(name);
    let actual = redact(actual);
    let new = path.with_extension(format!(
        "{}.new",
        path.extension().unwrap().to_string_lossy()
    ));
    let _ = std::fs::remove_file(&new);
    if std::env::var_os("ZWGK_UPDATE_SNAPSHOTS").is_some() || !path.exists() {
        std::fs::create_dir_all(snapshot_dir()).unwrap();
        std::fs::write(&path, &actual).unwrap();
        if std::env::var_os("ZWGK_UPDATE_SNAPSHOTS").is_none() {
            eprintln!("wrote new snapshot {}", path.display());
        }
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap();
    if expected != actual {
        std::fs::write(&new, &actual).unwrap();
        let first = expected
            .lines()
            .zip(actual.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(expected.lines().count().min(actual.lines().count()));
        panic!(
            "snapshot {name} differs from line {} (new output in {}):\n  expected: {:?}\n  actual:   {:?}\nRun with ZWGK_UPDATE_SNAPSHOTS=1 to accept.",
            first + 1,
            new.display(),
            expected.lines().nth(first),
            actual.lines().nth(first)
        );
    }
}

fn with_comparison() -> Report {
    let mut r = fixture("sample.json");
    let base = fixture("baseline.json");
    r.comparison = Some(zwgk::report::diff::compare(&base, &r));
    r
}

#[test]
fn markdown_snapshots() {
    let sample = fixture("sample.json");
    assert_snapshot("sample.zh.md", &markdown::render(&sample).unwrap());
    let en = english(&sample);
    assert_snapshot("sample.en.md", &markdown::render(&en).unwrap());
    assert_snapshot(
        "sample-baseline.zh.md",
        &markdown::render(&with_comparison()).unwrap(),
    );
    assert_snapshot(
        "minimal.en.md",
        &markdown::render(&fixture("minimal.json")).unwrap(),
    );
}

#[test]
fn html_snapshots() {
    let sample = fixture("sample.json");
    assert_snapshot("sample.zh.html", &html::render(&sample).unwrap());
    let en = english(&sample);
    assert_snapshot("sample.en.html", &html::render(&en).unwrap());
    assert_snapshot(
        "sample-baseline.zh.html",
        &html::render(&with_comparison()).unwrap(),
    );
    assert_snapshot(
        "minimal.en.html",
        &html::render(&fixture("minimal.json")).unwrap(),
    );
}

/// No external resource of any kind: the file must open from disk, offline. (Text that
/// merely mentions a script, e.g. a how-to-fix snippet, is escaped and does not count.)
fn assert_self_contained(html: &str) {
    let tags = regex::Regex::new(
        r#"(?i)<(script|link|img|iframe|object|embed|video|audio|source|base)\b|<[a-z][^>]*\s(src|srcset|background|data)\s*="#,
    )
    .unwrap();
    if let Some(m) = tags.find(html) {
        panic!(
            "external resource or script in the HTML report: {:?}",
            &html[m.start()..(m.end() + 60).min(html.len())]
        );
    }
    let style = &html[html.find("<style>").unwrap()..html.find("</style>").unwrap()];
    for bad in ["url(", "@import", "@font-face"] {
        assert!(!style.contains(bad), "{bad} in the report's CSS");
    }
    // the only links are plain web or in-page links
    let href = regex::Regex::new(r#"href="([^"]*)""#).unwrap();
    for c in href.captures_iter(html) {
        let h = &c[1];
        assert!(
            h.starts_with('#') || h.starts_with("http://") || h.starts_with("https://"),
            "unexpected link {h}"
        );
    }
}

#[test]
fn html_is_self_contained_escaped_and_complete() {
    let r = with_comparison();
    let h = html::render(&r).unwrap();
    assert_self_contained(&h);
    // the script in an evidence text is shown, not run
    assert!(!h.contains("<script>alert"), "unescaped evidence text");
    assert!(h.contains("&lt;script&gt;alert("));
    assert!(h.starts_with("<!DOCTYPE html>"));
    assert!(h.contains(r#"<html lang="zh-CN">"#));
    assert!(h.contains("@media print"));
    // verdict, charts, tree, findings by office, how to fix from the pack
    assert!(h.contains("不合格"));
    assert!(h.contains(r#"id="chart-office""#) && h.contains(r#"id="chart-severity""#));
    assert!(h.contains(r#"<ul class="tree" id="path-tree">"#));
    assert!(h.contains(r#"id="office-财务处""#));
    assert!(h.contains("整改建议"));
    // the passing path is green to its end, the failed one is red where it stops
    assert!(h.contains(r##"<span class="marker pass">✔ <a href="#check-zw-p01">ZW-P01</a>"##));
    assert!(h.contains(r##"<span class="marker fail">✘ <a href="#check-zw-p11">ZW-P11</a>"##));
    // evidence beyond the shown maximum is counted, not dropped silently
    assert!(h.contains("另有 3 条证据"));
    // comparison section
    assert!(h.contains(r#"id="comparison""#) && h.contains("新增问题"));
    let en = {
        let mut e = r.clone();
        e.lang = Lang::En;
        html::render(&e).unwrap()
    };
    assert!(en.contains(r#"<html lang="en">"#));
    assert!(en.contains("Findings by office") && en.contains("How to fix"));
    assert!(!en.contains("问题清单"));
}

#[test]
fn markdown_escapes_table_cells_and_inline_text() {
    let md = markdown::render(&fixture("sample.json")).unwrap();
    // `|` and `*` in a message do not break the table or start emphasis
    assert!(
        md.contains(r"缺少子栏目：视频解读 \| 动漫解读 \*重点\*"),
        "{md}"
    );
    assert!(md.contains(r"政策解读 \<script\>alert('x')\</script\>"));
    // every table row has the same number of cells as its header
    let mut cols = None;
    for line in md.lines() {
        if !line.starts_with('|') {
            cols = None;
            continue;
        }
        let n = line.replace(r"\|", "").matches('|').count();
        match cols {
            None => cols = Some(n),
            Some(c) => assert_eq!(c, n, "ragged table row: {line}"),
        }
    }
    assert_eq!(formats::md_inline("a|b\nc"), r"a\|b c");
    assert_eq!(formats::md_inline("2026. 年报"), r"2026\. 年报");
    assert_eq!(formats::md_inline("- x"), r"\- x");
}

#[test]
fn junit_parses_back_with_one_case_per_check() {
    let r = fixture("sample.json");
    let xml = junit::render(&r).unwrap();
    let parsed = quick_junit::Report::deserialize_from_str(&xml).expect("valid JUnit XML");
    assert_eq!(parsed.test_suites.len(), 1);
    let suite = &parsed.test_suites[0];
    assert_eq!(suite.test_cases.len(), r.checks.len());
    assert_eq!(suite.failures, r.summary.fail);
    assert_eq!(suite.skipped, r.summary.warn + r.summary.not_applicable);
    for c in &r.checks {
        let case = suite
            .test_cases
            .iter()
            .find(|t| t.name.as_str().starts_with(&format!("{} ", c.id)))
            .unwrap_or_else(|| panic!("no test case for {}", c.id));
        match (&case.status, c.status) {
            (quick_junit::TestCaseStatus::Success { .. }, zwgk::rules::Status::Pass) => {}
            (
                quick_junit::TestCaseStatus::NonSuccess {
                    kind: quick_junit::NonSuccessKind::Failure,
                    message,
                    description,
                    ..
                },
                zwgk::rules::Status::Fail,
            ) => {
                // the failure message is the finding and how to fix it, each said once
                assert_eq!(
                    message.as_ref().unwrap().as_str(),
                    c.message_with_fix(zwgk::i18n::Lang::Zh)
                );
                let body = description.as_ref().unwrap().as_str();
                assert!(body.contains(&c.requirement), "{body}");
                if !c.fix.is_empty() {
                    assert_eq!(body.matches(c.fix.as_str()).count(), 1, "{body}");
                }
            }
            (
                quick_junit::TestCaseStatus::Skipped { message, .. },
                zwgk::rules::Status::Warn | zwgk::rules::Status::NotApplicable,
            ) => assert!(message.as_ref().unwrap().as_str().contains(&c.message)),
            (s, st) => panic!("{}: {st:?} written as {s:?}", c.id),
        }
    }
}

#[test]
fn write_formats_writes_selected_files_atomically() {
    let r = fixture("sample.json");
    let dir = tempfile::tempdir().unwrap();
    formats::write_formats(dir.path(), &r, &[Format::Md, Format::Sarif]).unwrap();
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    names.sort();
    assert_eq!(names, ["report.md", "report.sarif"]);
    formats::write_formats(dir.path(), &r, formats::ALL).unwrap();
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    names.sort();
    // JSON is written by write_all; no temp file is left behind
    assert_eq!(
        names,
        [
            "findings.xlsx",
            "junit.xml",
            "report.html",
            "report.md",
            "report.sarif"
        ]
    );
}

/// A real run on the demo fixture site, through the binary: every format is written, the
/// Markdown and HTML match their snapshots (times, ports and durations redacted).
#[test]
fn demo_site_reports_match_snapshots() {
    let fx = Fixture::serve("demo");
    let (out, report, dir) = check(
        &fx,
        "www.xsq.cq.gov.cn",
        &["--rate", "0", "--per-host", "4", "--concurrency", "1"],
    );
    assert!(out.status.success(), "stderr: {}", stderr(&out));
    for f in formats::ALL {
        assert!(
            dir.path().join(f.file_name()).is_file(),
            "{} missing",
            f.file_name()
        );
    }
    let md = std::fs::read_to_string(dir.path().join("report.md")).unwrap();
    let html = std::fs::read_to_string(dir.path().join("report.html")).unwrap();
    assert_self_contained(&html);
    assert!(md.contains("# 政务公开检查报告"));
    assert_eq!(
        report["checks"].as_array().unwrap().len(),
        md.lines()
            .skip_while(|l| !l.starts_with("## 全部检查项"))
            .skip(4)
            .take_while(|l| l.starts_with('|'))
            .count(),
        "every check is listed in the Markdown report"
    );
    assert_snapshot("demo.zh.md", &md);
    assert_snapshot("demo.zh.html", &html);
    assert_snapshot("demo.report.json", &normalise_json(report));
    // --format chooses the files
    let (out, _, dir) = check(
        &fx,
        "www.xsq.cq.gov.cn",
        &["--rate", "0", "--per-host", "4", "--format", "json,md"],
    );
    assert!(out.status.success(), "stderr: {}", stderr(&out));
    assert!(dir.path().join("report.md").is_file());
    assert!(!dir.path().join("report.html").exists());
    assert!(!dir.path().join("junit.xml").exists());
    assert!(!dir.path().join("report.sarif").exists());
    assert!(!dir.path().join("findings.xlsx").exists());
}
