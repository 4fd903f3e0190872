//! The HTML report in a real headless Chromium (Debian's `chromium` package): the demo
//! site's report and a hand-made report with a baseline comparison render without a single
//! console message (the report's Content-Security-Policy turns any external load or script
//! into one), the charts and the path tree are in the rendered DOM, and a screenshot is saved
//! to `target/report-screenshot.png` (a CI artifact). A negative control proves that console
//! errors are really detected.
//!
//! Without Chromium the test prints a clear SKIP line and passes, unless
//! `ZWGK_REQUIRE_CHROMIUM=1` (set by `.ci/browser-check.sh` once it has installed Chromium).

mod common;
use common::*;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn chromium() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("ZWGK_CHROMIUM") {
        return Some(PathBuf::from(p));
    }
    ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .iter()
        .map(PathBuf::from)
        .find(|p| p.is_file())
}

/// The cargo target folder (`target/`).
fn target_dir() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .expect("target dir")
        .to_path_buf()
}

struct Run {
    stdout: String,
    console: Vec<String>,
}

/// Run headless Chromium on a local file with `extra` arguments (at most 120 s).
fn run_chromium(bin: &Path, file: &Path, extra: &[String]) -> Run {
    let profile = tempfile::tempdir().unwrap();
    let url = format!("file://{}", file.canonicalize().unwrap().display());
    let mut cmd = Command::new(bin);
    cmd.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        "--hide-scrollbars",
        "--force-device-scale-factor=1",
        "--enable-logging=stderr",
        "--v=0",
    ])
    .arg(format!("--user-data-dir={}", profile.path().display()))
    .args(extra)
    .arg(&url)
    .stdin(Stdio::null())
    .stdout(Stdio::piped())
    .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("chromium starts");
    // drain both pipes while waiting: a DOM larger than the pipe buffer (64 KiB) would
    // otherwise block chromium on its write and the wait would never end
    let drain = |mut r: Box<dyn std::io::Read + Send>| {
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            let _ = r.read_to_end(&mut buf);
            buf
        })
    };
    let out_reader = drain(Box::new(child.stdout.take().expect("stdout piped")));
    let err_reader = drain(Box::new(child.stderr.take().expect("stderr piped")));
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if start.elapsed() > Duration::from_secs(120) {
            let _ = child.kill();
            panic!("chromium did not finish within 120 s on {url}");
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    let stdout = out_reader.join().unwrap();
    let stderr = err_reader.join().unwrap();
    assert!(
        status.success(),
        "chromium failed on {url}: {}",
        String::from_utf8_lossy(&stderr)
    );
    let stderr = String::from_utf8_lossy(&stderr);
    Run {
        stdout: String::from_utf8_lossy(&stdout).to_string(),
        console: stderr
            .lines()
            .filter(|l| l.contains(":CONSOLE"))
            .map(str::to_string)
            .collect(),
    }
}

fn check_page(bin: &Path, file: &Path) -> String {
    let run = run_chromium(bin, file, &["--dump-dom".to_string()]);
    assert!(
        run.console.is_empty(),
        "console messages while rendering {}:\n{}",
        file.display(),
        run.console.join("\n")
    );
    let dom = run.stdout;
    assert!(
        dom.contains("<svg class=\"chart\" id=\"chart-office\""),
        "office chart missing"
    );
    assert!(
        dom.contains("id=\"chart-severity\""),
        "severity chart missing"
    );
    assert!(
        dom.contains("<ul class=\"tree\" id=\"path-tree\">"),
        "path tree missing"
    );
    assert!(
        dom.contains("class=\"marker pass\""),
        "no green path in the tree"
    );
    assert!(
        dom.contains("class=\"marker fail\""),
        "no red path in the tree"
    );
    assert!(dom.contains("id=\"findings\""));
    dom
}

#[test]
fn html_report_renders_in_chromium_without_console_errors() {
    let Some(bin) = chromium() else {
        if std::env::var_os("ZWGK_REQUIRE_CHROMIUM").is_some() {
            panic!("ZWGK_REQUIRE_CHROMIUM is set but no chromium was found");
        }
        eprintln!(
            "SKIP html_report_renders_in_chromium: chromium is not installed \
             (apt-get install chromium, or run .ci/browser-check.sh)"
        );
        return;
    };
    let base = target_dir().join("report-browser");
    let _ = std::fs::remove_dir_all(&base);
    std::fs::create_dir_all(&base).unwrap();

    // negative control: the detection sees a script error and a blocked external load
    let bad = base.join("bad.html");
    std::fs::write(
        &bad,
        "<!DOCTYPE html><html><head><meta http-equiv=\"Content-Security-Policy\" \
         content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\"></head>\
         <body><img src=\"http://127.0.0.1:9/x.png\"></body></html>",
    )
    .unwrap();
    let run = run_chromium(&bin, &bad, &["--dump-dom".to_string()]);
    assert!(
        !run.console.is_empty(),
        "the console check does not see a blocked external image"
    );

    // a real run on the demo site, through the binary
    let demo = base.join("demo");
    let out = zwgk(&["demo", "--out", demo.to_str().unwrap()]);
    assert!(out.status.success(), "demo failed: {}", stderr(&out));
    let html = demo.join("report.html");
    check_page(&bin, &html);

    // a hand-made report with a baseline comparison, in Chinese and English
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/reports");
    let read = |n: &str| -> zwgk::report::Report {
        serde_json::from_str(&std::fs::read_to_string(fixtures.join(n)).unwrap()).unwrap()
    };
    let mut sample = read("sample.json");
    sample.comparison = Some(zwgk::report::diff::compare(&read("baseline.json"), &sample));
    for lang in [zwgk::i18n::Lang::Zh, zwgk::i18n::Lang::En] {
        sample.lang = lang;
        let file = base.join(format!("sample-{lang:?}.html"));
        std::fs::write(&file, zwgk::report::formats::html::render(&sample).unwrap()).unwrap();
        let dom = check_page(&bin, &file);
        assert!(dom.contains("id=\"comparison\""));
    }

    // the screenshot (CI artifact; README shows a copy in docs/)
    let shot = target_dir().join("report-screenshot.png");
    let _ = std::fs::remove_file(&shot);
    let run = run_chromium(
        &bin,
        &html,
        &[
            format!("--screenshot={}", shot.display()),
            "--window-size=1280,2000".to_string(),
        ],
    );
    assert!(run.console.is_empty(), "{}", run.console.join("\n"));
    let png = std::fs::read(&shot).expect("screenshot written");
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "not a PNG");
    assert!(png.len() > 20_000, "suspiciously small screenshot");
    eprintln!("screenshot: {}", shot.display());
}

#[test]
fn batch_index_renders_in_chromium_without_console_errors() {
    let Some(bin) = chromium() else {
        if std::env::var_os("ZWGK_REQUIRE_CHROMIUM").is_some() {
            panic!("ZWGK_REQUIRE_CHROMIUM is set but no chromium was found");
        }
        eprintln!("SKIP batch_index_renders_in_chromium: chromium is not installed");
        return;
    };
    let fx = Fixture::serve("multi");
    let dir = tempfile::tempdir().unwrap();
    let mut toml = String::new();
    for i in [1, 2, 4] {
        let host = format!("www.q{i:02}.test");
        toml.push_str(&format!(
            "[[site]]\nname = \"第{i:02}区\"\nurl = \"{}\"\nresolve = [\"{}\"]\n\n",
            fx.url(&host),
            fx.resolve(&host)
        ));
    }
    let sites = dir.path().join("sites.toml");
    std::fs::write(&sites, toml).unwrap();
    let out = target_dir().join("index-browser");
    let _ = std::fs::remove_dir_all(&out);
    let o = zwgk(&[
        "check",
        "--sites",
        sites.to_str().unwrap(),
        "--rate",
        "0",
        "--no-dns",
        "--no-history",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let run = run_chromium(&bin, &out.join("index.html"), &["--dump-dom".to_string()]);
    assert!(run.console.is_empty(), "{}", run.console.join("\n"));
    let dom = run.stdout;
    assert!(dom.contains("id=\"ranking\""), "ranking table missing");
    assert!(dom.contains("id=\"matrix\""), "check matrix missing");
    assert!(
        dom.contains("class=\"pass\"") && dom.contains("class=\"fail\""),
        "statuses not coloured"
    );
    assert!(
        dom.contains("第01区") && dom.contains("report.html"),
        "links into the site reports"
    );
}
