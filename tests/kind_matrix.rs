//! The check-kind matrix (`tests/kind_matrix.toml`): every check kind is decided on
//! passing and failing fixture sites of at least three styles (TRS WCM, Hanweb, JSP,
//! generated templates, hand-written pages, documents of several formats …), and each
//! decision is asserted with the pages its evidence must name (and, where a wrong reading
//! is likely, pages it must not name). The real binary crawls each site on loopback.
//!
//! `ZWGK_MATRIX_DUMP=FILE` writes every check of every matrix site (status, kinds,
//! evidence) to FILE, for reading when a case is added.

mod common;

use common::*;
use serde::Deserialize;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

#[derive(Debug, Deserialize)]
struct Matrix {
    site: Vec<Site>,
    #[serde(default)]
    case: Vec<Case>,
}

/// One crawl: a fixture host with the arguments it needs.
#[derive(Debug, Clone, Deserialize)]
struct Site {
    name: String,
    /// the markup family the decisions are made on
    style: String,
    /// folder under tests/sites holding one sub-folder per host
    dir: String,
    host: String,
    #[serde(default)]
    args: Vec<String>,
    /// other hosts of the folder mapped to loopback too
    #[serde(default)]
    resolve: Vec<String>,
    /// a redesign: crawl site `baseline` first and pass its report as `--baseline`
    #[serde(default)]
    baseline: Option<String>,
    /// paths (relative to the host folder) left out of a copy of the folder: a staging
    /// server that lost them
    #[serde(default)]
    drop: Vec<String>,
    /// crawl `http://HOST/` with `--connect-to HOST:80:127.0.0.1:PORT`, so that two fixture
    /// servers (production, staging) answer under the same URLs
    #[serde(default)]
    connect: bool,
    /// serve a copy with `@PORT@` replaced by the server's port (absolute links between
    /// fixture hosts)
    #[serde(default)]
    ported: bool,
}

/// One decision: a check of one kind on one site, with the pages its evidence names.
#[derive(Debug, Deserialize)]
struct Case {
    site: String,
    check: String,
    kind: String,
    /// what the check's step of this kind decided
    status: String,
    /// the whole check's status, when another step makes it differ from `status`
    #[serde(default)]
    check_status: Option<String>,
    /// `host/path` of URLs the step's evidence must contain (each one; a trailing `*` matches a prefix)
    #[serde(default)]
    evidence: Vec<String>,
    /// `host/path` of URLs the step's evidence must not contain
    #[serde(default)]
    not_evidence: Vec<String>,
    /// texts the message must contain
    #[serde(default)]
    message: Vec<String>,
    /// texts the message must not contain (a wrong reading seen before)
    #[serde(default)]
    not_message: Vec<String>,
}

fn matrix() -> Matrix {
    let p = manifest_dir().join("tests/kind_matrix.toml");
    let text = std::fs::read_to_string(&p).unwrap();
    toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// The kinds the rule engine knows: the variants of `Step` in src/rules/kinds/mod.rs.
fn engine_kinds() -> BTreeSet<String> {
    let src = std::fs::read_to_string(manifest_dir().join("src/rules/kinds/mod.rs")).unwrap();
    let body = src
        .split("pub enum Step {")
        .nth(1)
        .and_then(|s| s.split('}').next())
        .expect("enum Step in src/rules/kinds/mod.rs");
    body.lines()
        .filter_map(|l| {
            let l = l.trim();
            let (_, rest) = l.split_once('(')?;
            Some(rest.split("::").next()?.to_string())
        })
        .collect()
}

fn matches(pattern: &str, url: &str) -> bool {
    match pattern.strip_suffix('*') {
        Some(prefix) => url.starts_with(prefix),
        None => url == pattern,
    }
}

/// Copy a fixture folder leaving out `drop` (paths under `host`).
fn copy_without(src: &Path, dst: &Path, host: &str, drop: &[String]) {
    fn walk(src: &Path, dst: &Path, rel: &Path, skip: &BTreeSet<PathBuf>) {
        std::fs::create_dir_all(dst.join(rel)).unwrap();
        for e in std::fs::read_dir(src.join(rel)).unwrap() {
            let e = e.unwrap();
            let r = rel.join(e.file_name());
            if skip.contains(&r) {
                continue;
            }
            if e.file_type().unwrap().is_dir() {
                walk(src, dst, &r, skip);
            } else {
                std::fs::copy(e.path(), dst.join(&r)).unwrap();
            }
        }
    }
    let skip: BTreeSet<PathBuf> = drop
        .iter()
        .map(|d| Path::new(host).join(d.trim_matches('/')))
        .collect();
    for d in &skip {
        assert!(
            src.join(d).exists(),
            "drop {}: no such fixture path",
            d.display()
        );
    }
    walk(src, dst, Path::new(""), &skip);
}

/// Crawl every site of the matrix (baselines first); report.json by site name.
fn crawl_all(m: &Matrix) -> BTreeMap<String, Value> {
    let mut reports: BTreeMap<String, Value> = BTreeMap::new();
    let mut keep = Vec::new();
    let mut order: Vec<&Site> = m.site.iter().filter(|s| s.baseline.is_none()).collect();
    order.extend(m.site.iter().filter(|s| s.baseline.is_some()));
    let mut baselines: BTreeMap<String, PathBuf> = BTreeMap::new();
    for s in order {
        let root = manifest_dir().join("tests/sites").join(&s.dir);
        let (fx, copy) = if s.ported {
            assert!(s.drop.is_empty(), "{}: ported and drop together", s.name);
            let (fx, copy) = Fixture::serve_ported(&s.dir);
            (fx, Some(copy))
        } else if s.drop.is_empty() {
            (Fixture::serve_root(root), None)
        } else {
            let copy = tempfile::tempdir().unwrap();
            copy_without(&root, copy.path(), &s.host, &s.drop);
            (Fixture::serve_root(copy.path().to_path_buf()), Some(copy))
        };
        let resolves: Vec<String> = s.resolve.iter().map(|h| fx.resolve(h)).collect();
        let mut args: Vec<String> = vec!["--rate".into(), "0".into()];
        for r in resolves {
            args.extend(["--resolve".into(), r]);
        }
        if let Some(b) = &s.baseline {
            let path = baselines
                .get(b)
                .unwrap_or_else(|| panic!("{}: baseline {b} is not a site crawled first", s.name));
            args.extend(["--baseline".into(), path.to_string_lossy().to_string()]);
        }
        args.extend(s.args.iter().cloned());
        let argv: Vec<&str> = args.iter().map(String::as_str).collect();
        let (out, report, dir) = if s.connect {
            check_connected(&fx, &s.host, &argv)
        } else {
            check(&fx, &s.host, &argv)
        };
        assert!(
            out.status.code().is_some_and(|c| c <= 2),
            "{}: zwgk failed: {}",
            s.name,
            stderr(&out)
        );
        baselines.insert(s.name.clone(), dir.path().join("report.json"));
        reports.insert(s.name.clone(), report);
        keep.push((dir, copy, fx));
    }
    reports
}

/// `zwgk check http://HOST/ --connect-to HOST:80:127.0.0.1:PORT …` in a new folder.
fn check_connected(
    fx: &Fixture,
    host: &str,
    extra: &[&str],
) -> (std::process::Output, Value, tempfile::TempDir) {
    let out = tempfile::tempdir().unwrap();
    let (o, report) = common::check_connected(fx, host, out.path(), extra);
    (o, report, out)
}

/// One step's decision and the evidence URLs it gave.
#[derive(Debug)]
struct StepSeen {
    kind: String,
    status: String,
    urls: Vec<String>,
}

/// The check's `steps`, each with its slice of the evidence URLs.
fn steps_of(check: &Value, urls: &[String]) -> Vec<StepSeen> {
    let mut at = 0;
    check["steps"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|s| {
            let n = s["evidence"].as_u64().unwrap_or(0) as usize;
            let end = (at + n).min(urls.len());
            let seen = StepSeen {
                kind: s["kind"].as_str().unwrap_or("").to_string(),
                status: s["status"].as_str().unwrap_or("").to_string(),
                urls: urls[at.min(end)..end].to_vec(),
            };
            at = end;
            seen
        })
        .collect()
}

fn dump(reports: &BTreeMap<String, Value>, file: &str) {
    let mut out = String::new();
    for (name, r) in reports {
        for c in r["checks"].as_array().into_iter().flatten() {
            let ev: Vec<String> = c["evidence"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|e| e["url"].as_str().map(host_path))
                .collect();
            let steps: Vec<String> = steps_of(c, &ev)
                .iter()
                .map(|s| format!("{}:{}:{}", s.kind, s.status, s.urls.join(",")))
                .collect();
            out.push_str(&format!(
                "{name}\t{}\t{}\t{}\t{}\n",
                c["id"].as_str().unwrap_or(""),
                c["status"].as_str().unwrap_or(""),
                steps.join(" "),
                c["message"].as_str().unwrap_or("").replace('\n', " ")
            ));
        }
    }
    std::fs::write(file, out).unwrap();
}

/// Every case's decision holds on the real binary's report, with the evidence it names.
#[test]
fn every_kind_is_decided_with_the_right_evidence_on_sites_of_several_styles() {
    let m = matrix();
    let reports = crawl_all(&m);
    if let Ok(file) = std::env::var("ZWGK_MATRIX_DUMP") {
        dump(&reports, &file);
    }
    let mut failures = Vec::new();
    for c in &m.case {
        let report = reports
            .get(&c.site)
            .unwrap_or_else(|| panic!("case {} on unknown site {}", c.check, c.site));
        let Some(r) = report["checks"]
            .as_array()
            .and_then(|a| a.iter().find(|x| x["id"] == c.check.as_str()))
        else {
            failures.push(format!("{} {}: check missing", c.site, c.check));
            continue;
        };
        let status = r["status"].as_str().unwrap_or("");
        let message = r["message"].as_str().unwrap_or("");
        let urls: Vec<String> = r["evidence"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|e| e["url"].as_str().map(host_path))
            .collect();
        let steps = steps_of(r, &urls);
        let mut wrong = Vec::new();
        let want_check = c.check_status.as_deref().unwrap_or(&c.status);
        if status != want_check {
            wrong.push(format!("check status {status}, expected {want_check}"));
        }
        let of_kind: Vec<&StepSeen> = steps.iter().filter(|s| s.kind == c.kind).collect();
        let step = of_kind.iter().find(|s| s.status == c.status);
        match step {
            None => wrong.push(format!(
                "no {} step decided {} (steps: {:?})",
                c.kind,
                c.status,
                steps
                    .iter()
                    .map(|s| format!("{}:{}", s.kind, s.status))
                    .collect::<Vec<_>>()
            )),
            Some(step) => {
                for e in &c.evidence {
                    if !step.urls.iter().any(|u| matches(e, u)) {
                        wrong.push(format!("{} step's evidence lacks {e}", c.kind));
                    }
                }
                for e in &c.not_evidence {
                    if let Some(u) = step.urls.iter().find(|u| matches(e, u)) {
                        wrong.push(format!("{} step's evidence names {u}", c.kind));
                    }
                }
            }
        }
        for t in &c.message {
            if !message.contains(t.as_str()) {
                wrong.push(format!("message lacks “{t}”"));
            }
        }
        for t in &c.not_message {
            if message.contains(t.as_str()) {
                wrong.push(format!("message says “{t}”"));
            }
        }
        if !wrong.is_empty() {
            failures.push(format!(
                "{} {} ({}): {}\n    message: {message}\n    evidence: {urls:?}",
                c.site,
                c.check,
                c.kind,
                wrong.join("; ")
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases differ:\n{}",
        failures.len(),
        m.case.len(),
        failures.join("\n")
    );
}

/// The matrix itself: every kind the engine knows has passing and failing cases on at
/// least three styles each, and every case names the evidence (or, where no page can be
/// named, the counts in the message) it expects.
#[test]
fn the_matrix_covers_every_kind_passing_and_failing_in_three_styles() {
    let m = matrix();
    let style: BTreeMap<&str, &str> = m
        .site
        .iter()
        .map(|s| (s.name.as_str(), s.style.as_str()))
        .collect();
    let kinds = engine_kinds();
    assert!(kinds.len() >= 19, "kinds read from the source: {kinds:?}");
    let mut seen: BTreeMap<(&str, &str), BTreeSet<&str>> = BTreeMap::new();
    for c in &m.case {
        assert!(
            kinds.contains(&c.kind),
            "case {} {}: unknown kind {}",
            c.site,
            c.check,
            c.kind
        );
        // pages where the step names any; a whole-site pass or absence names none, and
        // then its message says what was counted
        assert!(
            !c.evidence.is_empty() || !c.message.is_empty(),
            "case {} {} asserts neither evidence nor message",
            c.site,
            c.check
        );
        let st = style
            .get(c.site.as_str())
            .unwrap_or_else(|| panic!("case on unknown site {}", c.site));
        seen.entry((c.kind.as_str(), c.status.as_str()))
            .or_default()
            .insert(st);
    }
    let mut gaps = Vec::new();
    let mut table = String::new();
    for k in &kinds {
        let pass = seen.get(&(k.as_str(), "pass")).cloned().unwrap_or_default();
        let fail = seen.get(&(k.as_str(), "fail")).cloned().unwrap_or_default();
        table.push_str(&format!(
            "| `{k}` | {} | {} |\n",
            pass.iter().copied().collect::<Vec<_>>().join(", "),
            fail.iter().copied().collect::<Vec<_>>().join(", ")
        ));
        if pass.len() < 3 || fail.len() < 3 {
            gaps.push(format!("{k}: pass in {pass:?}, fail in {fail:?}"));
        }
    }
    println!("{table}");
    assert!(
        gaps.is_empty(),
        "kinds short of three styles:\n{}",
        gaps.join("\n")
    );
}

/// Reports do not depend on the order pages happened to arrive in: two crawls of the same
/// sites (several requests in flight, so pages arrive in another order) give the same
/// statuses, messages and evidence, ports aside.
#[test]
fn the_same_site_gives_the_same_report_twice() {
    let m = matrix();
    // (not the media site: its slow and stalling files are timing by design)
    let pick = ["demo", "trsx", "hwx", "prod", "staging", "jsp"];
    let sites: Vec<Site> = m
        .site
        .iter()
        .filter(|s| pick.contains(&s.name.as_str()))
        .cloned()
        .collect();
    assert_eq!(sites.len(), pick.len());
    let m = Matrix {
        site: sites,
        case: Vec::new(),
    };
    let port = without_ports();
    let digest = |reports: &BTreeMap<String, Value>| -> Vec<String> {
        let mut out = Vec::new();
        for (name, r) in reports {
            for c in r["checks"].as_array().into_iter().flatten() {
                // the home page's response time is a measurement, not a decision
                let message = if c["id"] == "GOV-V01" {
                    Value::Null
                } else {
                    c["message"].clone()
                };
                let ev: Vec<&str> = c["evidence"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|e| e["url"].as_str())
                    .collect();
                out.push(port(&format!(
                    "{name} {} {} {} {}",
                    c["id"],
                    c["status"],
                    message,
                    ev.join(" ")
                )));
            }
        }
        out
    };
    let first = digest(&crawl_all(&m));
    let second = digest(&crawl_all(&m));
    assert_eq!(first.len(), second.len());
    let differ: Vec<String> = first
        .iter()
        .zip(&second)
        .filter(|(a, b)| a != b)
        .map(|(a, b)| format!("{a}\n  then: {b}"))
        .collect();
    assert!(
        differ.is_empty(),
        "{} checks differ:\n{}",
        differ.len(),
        differ.join("\n")
    );
}

/// Drops `:PORT` after a host (each crawl runs on its own loopback port).
fn without_ports() -> impl Fn(&str) -> String {
    |s: &str| {
        let mut out = String::with_capacity(s.len());
        let b: Vec<char> = s.chars().collect();
        let mut i = 0;
        while i < b.len() {
            if b[i] == ':' {
                let mut j = i + 1;
                while j < b.len() && b[j].is_ascii_digit() {
                    j += 1;
                }
                if j - i > 2 && j < b.len() && b[j] == '/' {
                    i = j;
                    continue;
                }
            }
            out.push(b[i]);
            i += 1;
        }
        out
    }
}
