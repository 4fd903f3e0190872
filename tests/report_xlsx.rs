//! The 问题清单 spreadsheets, read back with calamine: findings.xlsx of a real run on the demo
//! fixture site (every failing check with its ID, office, description and evidence URLs as
//! hyperlinks; undecided checks on their own sheet; English headers with `--lang en`),
//! screenshots as relative links, and index.xlsx of a batch (sites in ranking order, every
//! site's findings) and of a merge.

mod common;
use calamine::{Data, Reader, Xlsx};
use common::*;
use serde_json::Value;
use std::io::Read as _;
use std::path::Path;
use zwgk::report::Report;
use zwgk::report::formats::{self, Format};

type Rows = Vec<Vec<String>>;

fn cell(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        Data::Float(f) if f.fract() == 0.0 => format!("{}", *f as i64),
        other => other.to_string(),
    }
}

/// Every sheet of a workbook: (name, rows of cell texts).
fn sheets(path: &Path) -> Vec<(String, Rows)> {
    let mut wb: Xlsx<_> = calamine::open_workbook(path).unwrap_or_else(|e| panic!("{e}"));
    let names = wb.sheet_names().to_vec();
    names
        .into_iter()
        .map(|n| {
            let range = wb.worksheet_range(&n).unwrap();
            let rows = range.rows().map(|r| r.iter().map(cell).collect()).collect();
            (n, rows)
        })
        .collect()
}

/// Hyperlink targets of worksheet `n` (1-based), from the workbook's relationship part.
fn link_targets(path: &Path, n: usize) -> Vec<String> {
    let f = std::fs::File::open(path).unwrap();
    let mut z = zip::ZipArchive::new(f).unwrap();
    let Ok(mut part) = z.by_name(&format!("xl/worksheets/_rels/sheet{n}.xml.rels")) else {
        return Vec::new();
    };
    let mut xml = String::new();
    part.read_to_string(&mut xml).unwrap();
    let re = regex::Regex::new(r#"Target="([^"]*)""#).unwrap();
    re.captures_iter(&xml)
        .map(|c| c[1].replace("&amp;", "&"))
        .collect()
}

const HEADERS_ZH: [&str; 8] = [
    "序号",
    "检查项ID",
    "检查项",
    "牵头处室",
    "严重程度",
    "问题描述",
    "问题页面",
    "截图",
];

fn severity_zh(s: &str) -> &'static str {
    match s {
        "high" => "高",
        "medium" => "中",
        _ => "低",
    }
}

/// The checks of `report` with `status`, as typed results.
fn checks_with(report: &Value, status: &str) -> Vec<zwgk::rules::CheckResult> {
    report["checks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["status"] == status)
        .map(|c| serde_json::from_value(c.clone()).unwrap())
        .collect()
}

/// Each check of `checks` has exactly one row in `rows` (after the header, from column
/// `col`), with its ID, title, office, severity, message with fix and evidence URLs.
fn assert_rows(rows: &Rows, col: usize, checks: &[zwgk::rules::CheckResult], what: &str) {
    assert_eq!(rows.len() - 1, checks.len(), "{what}: one row per check");
    for c in checks {
        let found: Vec<&Vec<String>> = rows[1..].iter().filter(|r| r[col + 1] == c.id).collect();
        assert_eq!(found.len(), 1, "{what}: {} listed once", c.id);
        let r = found[0];
        assert_eq!(r[col + 2], c.title, "{}", c.id);
        let office = if c.office.is_empty() {
            "未指定处室"
        } else {
            &c.office
        };
        assert_eq!(r[col + 3], office, "{}", c.id);
        let sev = serde_json::to_value(c.severity).unwrap();
        assert_eq!(r[col + 4], severity_zh(sev.as_str().unwrap()), "{}", c.id);
        assert_eq!(r[col + 5], c.message_with_fix(zwgk::i18n::Lang::Zh));
        let pages: Vec<&str> = r[col + 6].lines().collect();
        for e in c.evidence.iter().filter(|e| !e.url.is_empty()).take(20) {
            assert!(
                pages.contains(&e.url.as_str()),
                "{}: evidence {} not in {pages:?}",
                c.id,
                e.url
            );
        }
    }
}

#[test]
fn demo_site_findings_xlsx_lists_every_failure_with_its_evidence() {
    let fx = Fixture::serve("demo");
    let (out, report, dir) = check(
        &fx,
        "www.xsq.cq.gov.cn",
        &["--rate", "0", "--per-host", "4"],
    );
    assert!(out.status.success(), "stderr: {}", stderr(&out));
    let path = dir.path().join("findings.xlsx");
    let book = sheets(&path);
    let names: Vec<&str> = book.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["问题清单", "待确认"]);
    for (_, rows) in &book {
        assert_eq!(rows[0], HEADERS_ZH);
    }
    let failed = checks_with(&report, "fail");
    assert!(failed.len() >= 3, "the demo site has failures");
    assert_rows(&book[0].1, 0, &failed, "问题清单");
    assert_rows(&book[1].1, 0, &checks_with(&report, "warn"), "待确认");
    // 序号 counts the rows; failures are ordered most severe first inside an office
    let rows = &book[0].1;
    for (i, r) in rows[1..].iter().enumerate() {
        assert_eq!(r[0], (i + 1).to_string());
    }
    // each failure's first evidence URL is the cell's hyperlink
    let targets = link_targets(&path, 1);
    for c in &failed {
        if let Some(e) = c.evidence.iter().find(|e| e.url.starts_with("http")) {
            assert!(targets.contains(&e.url), "{}: {} not linked", c.id, e.url);
        }
    }
    // no screenshot was taken by this run: the column is empty
    assert!(rows[1..].iter().all(|r| r[7].is_empty()));

    // English headers with --lang en; json alone writes no spreadsheet
    let (out, _, dir) = check(
        &fx,
        "www.xsq.cq.gov.cn",
        &["--rate", "0", "--per-host", "4", "--lang", "en"],
    );
    assert!(out.status.success(), "stderr: {}", stderr(&out));
    let book = sheets(&dir.path().join("findings.xlsx"));
    assert_eq!(book[0].0, "Findings");
    assert_eq!(
        book[0].1[0],
        [
            "No.",
            "Check ID",
            "Check",
            "Office",
            "Severity",
            "Finding",
            "Pages",
            "Screenshot"
        ]
    );
    let (out, _, dir) = check(
        &fx,
        "www.xsq.cq.gov.cn",
        &["--rate", "0", "--per-host", "4", "--format", "json"],
    );
    assert!(out.status.success(), "stderr: {}", stderr(&out));
    assert!(!dir.path().join("findings.xlsx").exists());
}

#[test]
fn screenshots_are_relative_links_and_unsafe_paths_stay_text() {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/reports/sample.json");
    let mut r: Report = serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap();
    let fails: Vec<usize> = (0..r.checks.len())
        .filter(|&i| {
            r.checks[i].status == zwgk::rules::Status::Fail && !r.checks[i].evidence.is_empty()
        })
        .collect();
    assert!(
        fails.len() >= 2,
        "the sample report has two failures with evidence"
    );
    r.checks[fails[0]].evidence[0].screenshot = Some("screenshots/first.png".into());
    r.checks[fails[1]].evidence[0].screenshot = Some("../outside.png".into());
    // the new field round-trips through report.json and is absent when None
    let json = serde_json::to_string(&r).unwrap();
    assert_eq!(json.matches("\"screenshot\"").count(), 2);
    let back: Report = serde_json::from_str(&json).unwrap();
    assert_eq!(back, r);

    let dir = tempfile::tempdir().unwrap();
    formats::write_formats(dir.path(), &r, &[Format::Xlsx]).unwrap();
    let path = dir.path().join("findings.xlsx");
    let book = sheets(&path);
    let rows = &book[0].1;
    let row_of = |id: &str| rows.iter().find(|row| row[1] == id).unwrap().clone();
    assert_eq!(row_of(&r.checks[fails[0]].id)[7], "screenshots/first.png");
    assert_eq!(row_of(&r.checks[fails[1]].id)[7], "../outside.png");
    let targets = link_targets(&path, 1);
    assert!(
        targets.iter().any(|t| t == "screenshots/first.png"),
        "{targets:?}"
    );
    assert!(
        !targets.iter().any(|t| t.contains("outside")),
        "{targets:?}"
    );
}

/// A site list of `n` fixture sites of the multi fixture and one dead site.
fn write_sites(fx: &Fixture, dir: &Path, n: usize) -> std::path::PathBuf {
    let mut toml = String::new();
    for i in 1..=n {
        let host = format!("www.q{i:02}.test");
        toml.push_str(&format!(
            "[[site]]\nname = \"第{i:02}区\"\nurl = \"{}\"\nresolve = [\"{}\"]\n\n",
            fx.url(&host),
            fx.resolve(&host)
        ));
    }
    let dead = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = dead.local_addr().unwrap().port();
    drop(dead);
    toml.push_str(&format!(
        "[[site]]\nname = \"停机区\"\nurl = \"http://www.dead.test:{port}/\"\nresolve = [\"www.dead.test:{port}:127.0.0.1\"]\n"
    ));
    let path = dir.join("sites.toml");
    std::fs::write(&path, toml).unwrap();
    path
}

/// index.xlsx in `out` matches index.json: the sites in ranking order, and per site the
/// rows of its failures (from its report.json) in ranking order.
fn assert_index_xlsx(out: &Path) {
    let index = read_json(&out.join("index.json"));
    let sites = index["sites"].as_array().unwrap();
    let book = sheets(&out.join("index.xlsx"));
    let names: Vec<&str> = book.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["站点", "问题清单", "待确认"]);
    let ranking = &book[0].1;
    assert_eq!(
        ranking[0],
        [
            "排名",
            "站点",
            "结论",
            "单项否决",
            "估计扣分",
            "不通过(高/中/低)",
            "待确认",
            "页面",
            "抓取错误"
        ]
    );
    assert_eq!(ranking.len() - 1, sites.len());
    for (row, s) in ranking[1..].iter().zip(sites) {
        assert_eq!(row[0], s["rank"].to_string());
        assert_eq!(row[1].lines().next().unwrap(), s["name"].as_str().unwrap());
        let fails = format!("{}/{}/{}", s["fail_high"], s["fail_medium"], s["fail_low"]);
        assert_eq!(row[5], fails);
    }
    assert_eq!(
        ranking.last().unwrap()[2],
        "无法访问",
        "the dead site is last"
    );

    let findings = &book[1].1;
    let mut header = vec!["站点".to_string()];
    header.extend(HEADERS_ZH.iter().map(|h| h.to_string()));
    assert_eq!(findings[0], header);
    let mut order: Vec<String> = Vec::new();
    for r in &findings[1..] {
        if order.last() != Some(&r[0]) {
            order.push(r[0].clone());
        }
    }
    let ranked: Vec<String> = sites
        .iter()
        .filter(|s| s["dir"].is_string())
        .map(|s| s["name"].as_str().unwrap().to_string())
        .filter(|n| findings[1..].iter().any(|r| &r[0] == n))
        .collect();
    assert_eq!(
        order, ranked,
        "findings follow the ranking, one block per site"
    );
    let mut with_findings = 0;
    for s in sites.iter().filter(|s| s["dir"].is_string()) {
        let name = s["name"].as_str().unwrap();
        let report = read_json(&out.join(s["dir"].as_str().unwrap()).join("report.json"));
        let rows: Rows = std::iter::once(header.clone())
            .chain(findings[1..].iter().filter(|r| r[0] == name).cloned())
            .collect();
        let failed = checks_with(&report, "fail");
        with_findings += usize::from(!failed.is_empty());
        assert_rows(&rows, 1, &failed, name);
    }
    assert!(with_findings >= 2, "several sites have findings");
}

#[test]
fn batch_index_xlsx_ranks_sites_and_lists_their_findings() {
    let fx = Fixture::serve("multi");
    let dir = tempfile::tempdir().unwrap();
    let sites = write_sites(&fx, dir.path(), 4);
    let out = dir.path().join("out");
    let base = [
        "check",
        "--sites",
        sites.to_str().unwrap(),
        "--rate",
        "0",
        "--no-dns",
        "--retries",
        "0",
        "--no-history",
        "--as-of",
        "2026-11-27",
    ];
    let mut args = base.to_vec();
    args.extend(["--out", out.to_str().unwrap()]);
    let o = zwgk(&args);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_index_xlsx(&out);
    for s in read_json(&out.join("index.json"))["sites"]
        .as_array()
        .unwrap()
    {
        if let Some(d) = s["dir"].as_str() {
            assert!(out.join(d).join("findings.xlsx").is_file(), "{d}");
        }
    }

    // shards merged: the site folders are relative to the merged index
    let mut outs = Vec::new();
    for i in 1..=2 {
        let shard_out = dir.path().join(format!("shard{i}"));
        let shard = format!("{i}/2");
        let mut args = base.to_vec();
        args.extend(["--shard", &shard, "--format", "json"]);
        args.extend(["--out", shard_out.to_str().unwrap()]);
        let o = zwgk(&args);
        assert!(o.status.success(), "{}", stderr(&o));
        assert!(!shard_out.join("index.xlsx").exists(), "not asked for");
        outs.push(shard_out.to_string_lossy().to_string());
    }
    let merged = dir.path().join("all");
    let mut args = vec!["merge"];
    args.extend(outs.iter().map(String::as_str));
    args.extend(["--out", merged.to_str().unwrap()]);
    let o = zwgk(&args);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_index_xlsx(&merged);
}
