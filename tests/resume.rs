//! Ctrl-C writes a partial report marked as partial and saves the crawl state; `--resume`
//! continues from it without re-fetching what was done.

mod common;
use common::*;
use std::time::Duration;

#[test]
fn interrupted_crawl_resumes_without_refetching() {
    let fx = Fixture::serve("fetch");
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let url = fx.url("www.polite.test");
    let resolve = fx.resolve("www.polite.test");
    let args = [
        "check",
        url.as_str(),
        "--resolve",
        resolve.as_str(),
        "--no-dns",
        "--rate",
        "4",
        "--no-history",
        "--no-verify",
        // the crawl's own requests (screenshots would open failing pages once more)
        "--browser",
        "off",
        "--out",
        out.to_str().unwrap(),
    ];
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_zwgk"))
        .args(args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // wait until a few pages were served, then press Ctrl-C
    for _ in 0..100 {
        if fx.requests_for("www.polite.test").len() >= 5 {
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let status = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(130), "{}", stderr(&output));
    let partial = read_json(&out.join("report.json"));
    assert_eq!(partial["crawl"]["stop_reason"], "interrupted");
    assert_eq!(partial["crawl"]["complete"], false);
    let done = partial["stats"]["pages"].as_u64().unwrap();
    assert!((1..13).contains(&done), "{done} pages before the interrupt");
    assert!(
        out.join("crawl-state.json").exists(),
        "state saved for --resume"
    );

    let before: Vec<String> = fx
        .requests_for("www.polite.test")
        .into_iter()
        .filter(|r| r.status == 200)
        .map(|r| r.path)
        .collect();
    let mut resumed = args.to_vec();
    resumed.push("--resume");
    let o = zwgk(&resumed);
    assert!(o.status.success(), "{}", stderr(&o));
    let full = read_json(&out.join("report.json"));
    assert_eq!(full["crawl"]["stop_reason"], "completed");
    assert_eq!(full["stats"]["pages"], 13, "all pages after resuming");
    assert!(
        !out.join("crawl-state.json").exists(),
        "state removed after completion"
    );
    // pages finished before the interrupt were not fetched again
    let after: Vec<String> = fx
        .requests_for("www.polite.test")
        .into_iter()
        .filter(|r| r.status == 200)
        .map(|r| r.path)
        .skip(before.len())
        .collect();
    let pages_before: Vec<String> = partial["pages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| path_of(p["url"].as_str().unwrap()))
        .collect();
    for p in &pages_before {
        assert!(!after.contains(p), "{p} fetched again after --resume");
    }
}

#[test]
fn ctrl_c_during_verification_stops_it_and_marks_the_report_partial() {
    let fx = Fixture::serve("fetch");
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let url = fx.url("www.manymedia.test");
    let resolve = fx.resolve("www.manymedia.test");
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_zwgk"))
        .args([
            "check",
            url.as_str(),
            "--resolve",
            resolve.as_str(),
            "--no-dns",
            "--rate",
            "5",
            // the probes are this test's (media playback in a browser is Ctrl-C'd in
            // tests/browser.rs media_playback_stops_on_ctrl_c)
            "--browser",
            "off",
            "--no-history",
            "--out",
            out.to_str().unwrap(),
        ])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // the crawl is one page; wait until verification of the 40 images has begun
    for _ in 0..200 {
        let started = fx
            .requests_for("www.manymedia.test")
            .iter()
            .filter(|r| r.path.starts_with("/img/"))
            .count();
        if started >= 3 {
            break;
        }
        std::thread::sleep(Duration::from_millis(25));
    }
    std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(130), "{}", stderr(&output));
    let report = read_json(&out.join("report.json"));
    assert_eq!(report["crawl"]["stop_reason"], "interrupted");
    let graph = read_json(&out.join("site-graph.json"));
    let urls = graph["urls"].as_array().unwrap();
    let verified: Vec<&serde_json::Value> = graph["verified"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|v| {
            urls[v["url"].as_u64().unwrap() as usize]
                .as_str()
                .unwrap()
                .contains("/img/")
        })
        .collect();
    assert_eq!(verified.len(), 40, "every image is listed, verified or not");
    let skipped = verified
        .iter()
        .filter(|v| v["outcome"] == "skipped" && v["detail"].as_str().unwrap().contains("中断"))
        .count();
    assert!(skipped > 0, "the rest is listed as not verified");
    let asked = fx
        .requests_for("www.manymedia.test")
        .iter()
        .filter(|r| r.path.starts_with("/img/"))
        .count();
    assert!(asked < 40, "no new requests after Ctrl-C ({asked} made)");
}
