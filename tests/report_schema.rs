//! Schemas: `report.json` (hand-made fixtures and a real demo run) validates against the
//! JSON Schema shipped with the tool (`zwgk schema`), and the schema declares every field the
//! tool writes; `report.sarif` validates against the official SARIF 2.1.0 schema and has one
//! rule per check and results located at the offending URLs.

mod common;
use common::*;
use serde_json::Value;
use std::path::Path;

fn fixtures() -> &'static Path {
    Box::leak(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/reports")
            .into_boxed_path(),
    )
}

fn report_schema() -> Value {
    serde_json::from_str(zwgk::report::SCHEMA).expect("the report schema is JSON")
}

fn assert_valid(schema: &Value, instance: &Value, what: &str) {
    let validator = jsonschema::validator_for(schema).expect("schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .take(20)
        .collect();
    assert!(
        errors.is_empty(),
        "{what} does not validate:\n{}",
        errors.join("\n")
    );
}

/// Resolve `$ref` (local) and collect the `properties` a schema node allows, following
/// `anyOf` branches.
fn properties<'a>(root: &'a Value, node: &'a Value) -> Vec<(&'a String, &'a Value)> {
    let node = resolve(root, node);
    let mut out: Vec<(&String, &Value)> = node
        .get("properties")
        .and_then(Value::as_object)
        .map(|m| m.iter().collect())
        .unwrap_or_default();
    if let Some(branches) = node.get("anyOf").and_then(Value::as_array) {
        for b in branches {
            out.extend(properties(root, b));
        }
    }
    out
}

fn resolve<'a>(root: &'a Value, node: &'a Value) -> &'a Value {
    match node.get("$ref").and_then(Value::as_str) {
        Some(r) => {
            let ptr = r.trim_start_matches('#');
            resolve(
                root,
                root.pointer(ptr).unwrap_or_else(|| panic!("bad $ref {r}")),
            )
        }
        None => node,
    }
}

/// Every object key in `value` is declared in the schema (the schema lets unknown fields
/// through for forward compatibility, so validation alone would not notice an undocumented
/// field).
fn assert_declared(root: &Value, node: &Value, value: &Value, path: &str) {
    let node = resolve(root, node);
    match value {
        Value::Object(map) => {
            let props = properties(root, node);
            for (k, v) in map {
                let sub = props
                    .iter()
                    .find(|(name, _)| *name == k)
                    .unwrap_or_else(|| panic!("{path}.{k} is written but not in the schema"));
                assert_declared(root, sub.1, v, &format!("{path}.{k}"));
            }
        }
        Value::Array(items) => {
            if let Some(item) = node.get("items") {
                for (i, v) in items.iter().enumerate() {
                    assert_declared(root, item, v, &format!("{path}[{i}]"));
                }
            }
        }
        _ => {}
    }
}

fn fixture(name: &str) -> Value {
    read_json(&fixtures().join(name))
}

#[test]
fn schema_subcommand_prints_the_shipped_schema() {
    let out = zwgk(&["schema"]);
    assert!(out.status.success());
    let printed: Value = serde_json::from_slice(&out.stdout).expect("zwgk schema prints JSON");
    assert_eq!(printed, report_schema());
    assert_eq!(
        printed["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    assert_eq!(
        printed["$defs"]["status"]["enum"],
        serde_json::json!(["pass", "fail", "warn", "not_applicable"])
    );
    assert_eq!(
        printed["$defs"]["severity"]["enum"],
        serde_json::json!(["high", "medium", "low"])
    );
}

#[test]
fn fixture_reports_validate_and_every_field_is_declared() {
    let schema = report_schema();
    for name in ["sample.json", "baseline.json", "minimal.json"] {
        let v = fixture(name);
        assert_valid(&schema, &v, name);
        assert_declared(&schema, &schema, &v, name);
        // the fixtures are real Reports: they round-trip through the Rust types
        let r: zwgk::report::Report = serde_json::from_value(v).expect(name);
        let back = serde_json::to_value(&r).unwrap();
        assert_valid(&schema, &back, name);
        assert_declared(&schema, &schema, &back, name);
    }
    // with a comparison (every DiffItem field, including new_evidence)
    let mut r: zwgk::report::Report = serde_json::from_value(fixture("sample.json")).unwrap();
    let base: zwgk::report::Report = serde_json::from_value(fixture("baseline.json")).unwrap();
    r.comparison = Some(zwgk::report::diff::compare(&base, &r));
    let v = serde_json::to_value(&r).unwrap();
    assert!(
        v.pointer("/comparison/unchanged_failures/0/new_evidence")
            .is_some()
            || v.to_string().contains("new_evidence"),
        "the fixture exercises new_evidence"
    );
    assert_valid(&schema, &v, "sample + comparison");
    assert_declared(&schema, &schema, &v, "sample + comparison");
}

#[test]
fn schema_rejects_broken_reports() {
    let schema = report_schema();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let good = fixture("sample.json");
    for (ptr, bad) in [
        ("/checks/0/status", serde_json::json!("failed")),
        ("/checks/0/severity", serde_json::json!("critical")),
        ("/summary/pass", serde_json::json!(-1)),
        ("/crawl/stop_reason", serde_json::json!("done")),
        ("/started_at", serde_json::json!("yesterday")),
    ] {
        let mut v = good.clone();
        *v.pointer_mut(ptr).unwrap() = bad.clone();
        assert!(!validator.is_valid(&v), "{ptr} = {bad} should not validate");
    }
    let mut v = good.clone();
    v.as_object_mut().unwrap().remove("checks");
    assert!(!validator.is_valid(&v), "a report without checks");
}

#[test]
fn sarif_validates_against_the_sarif_2_1_0_schema() {
    let sarif_schema = fixture("sarif-schema-2.1.0.json");
    let report: zwgk::report::Report = serde_json::from_value(fixture("sample.json")).unwrap();
    let sarif: Value =
        serde_json::from_str(&zwgk::report::formats::sarif::render(&report).unwrap()).unwrap();
    assert_valid(&sarif_schema, &sarif, "report.sarif");
    assert_eq!(sarif["version"], "2.1.0");
    let run = &sarif["runs"][0];
    // one rule per check ID, with help text
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules.len(), report.checks.len());
    for (rule, c) in rules.iter().zip(&report.checks) {
        assert_eq!(rule["id"], c.id.as_str());
        assert!(
            rule["help"]["text"]
                .as_str()
                .unwrap()
                .contains(&c.requirement)
        );
    }
    // results: failed and undecided checks, located at the offending URL
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), report.summary.fail + report.summary.warn);
    let p05 = results.iter().find(|r| r["ruleId"] == "ZW-P05").unwrap();
    assert_eq!(p05["level"], "error");
    assert_eq!(p05["kind"], "fail");
    assert_eq!(
        p05["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "http://www.xsq.cq.gov.cn/zwgk_229/fdzdgknr/zcjd/"
    );
    let m01 = results.iter().find(|r| r["ruleId"] == "ZW-M01").unwrap();
    assert_eq!(m01["relatedLocations"].as_array().unwrap().len(), 22);
    let p18 = results.iter().find(|r| r["ruleId"] == "ZW-P18").unwrap();
    assert_eq!(p18["kind"], "review");
    // a failed check without evidence is located at the site
    let p15 = results.iter().find(|r| r["ruleId"] == "ZW-P15").unwrap();
    assert_eq!(
        p15["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "http://www.xsq.cq.gov.cn/"
    );
    // rule indexes point at the right rule
    for r in results {
        let i = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[i]["id"], r["ruleId"]);
    }
}

/// A real run on the demo fixture site: report.json and report.sarif validate.
#[test]
fn demo_run_outputs_validate() {
    let fx = Fixture::serve("demo");
    let (out, report, dir) = check(
        &fx,
        "www.xsq.cq.gov.cn",
        &["--rate", "0", "--per-host", "4"],
    );
    assert!(out.status.success(), "stderr: {}", stderr(&out));
    let schema = report_schema();
    assert_valid(&schema, &report, "demo report.json");
    assert_declared(&schema, &schema, &report, "report");
    let sarif = read_json(&dir.path().join("report.sarif"));
    assert_valid(
        &fixture("sarif-schema-2.1.0.json"),
        &sarif,
        "demo report.sarif",
    );
    let rules = sarif["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap();
    assert_eq!(rules.len(), report["checks"].as_array().unwrap().len());
    // JUnit: one test case per check
    let xml = std::fs::read_to_string(dir.path().join("junit.xml")).unwrap();
    let junit = quick_junit::Report::deserialize_from_str(&xml).expect("valid JUnit");
    assert_eq!(
        junit.test_suites[0].test_cases.len(),
        report["checks"].as_array().unwrap().len()
    );
    assert_eq!(
        junit.test_suites[0].failures as u64,
        report["summary"]["fail"].as_u64().unwrap()
    );
}
