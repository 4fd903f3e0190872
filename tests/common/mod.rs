//! Shared test harness: serve fixture sites on 127.0.0.1 and run the real `zwgk` binary
//! against them with host names mapped to loopback (`--resolve`, `--no-dns`), so no test
//! ever contacts or even resolves an outside address.

#![allow(dead_code)]

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Output;
use zwgk::testsite::{SiteServer, SiteSource};

/// A fixture server on a free loopback port.
pub struct Fixture {
    pub server: SiteServer,
    pub rt: tokio::runtime::Runtime,
}

impl Fixture {
    /// Serve `tests/sites/<dir>` (one sub-folder per host name).
    pub fn serve(dir: &str) -> Fixture {
        Fixture::serve_root(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/sites")
                .join(dir),
        )
    }

    /// Serve a folder anywhere (one sub-folder per host name), e.g. a generated site.
    pub fn serve_root(root: PathBuf) -> Fixture {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .expect("runtime");
        let server = rt
            .block_on(SiteServer::start(
                SiteSource::Disk(root),
                "127.0.0.1:0".parse().unwrap(),
            ))
            .expect("fixture server starts");
        Fixture { server, rt }
    }

    /// Serve a copy of `tests/sites/<dir>` on a free loopback port, with `@PORT@` in its
    /// HTML files replaced by that port (absolute links between fixture hosts). The copy
    /// lives as long as the returned directory.
    pub fn serve_ported(dir: &str) -> (Fixture, tempfile::TempDir) {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let copy = tempfile::tempdir().unwrap();
        copy_tree(
            &manifest_dir().join("tests/sites").join(dir),
            copy.path(),
            port,
        );
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap();
        let server = rt
            .block_on(SiteServer::start(
                SiteSource::Disk(copy.path().to_path_buf()),
                ([127, 0, 0, 1], port).into(),
            ))
            .expect("fixture server starts");
        (Fixture { server, rt }, copy)
    }

    pub fn port(&self) -> u16 {
        self.server.addr().port()
    }

    /// `http://HOST:PORT/`
    pub fn url(&self, host: &str) -> String {
        format!("http://{host}:{}/", self.port())
    }

    /// `--resolve HOST:PORT:127.0.0.1`
    pub fn resolve(&self, host: &str) -> String {
        format!("{host}:{}:127.0.0.1", self.port())
    }

    /// Requests the server saw for one host.
    pub fn requests_for(&self, host: &str) -> Vec<zwgk::testsite::RequestRecord> {
        self.server
            .requests()
            .into_iter()
            .filter(|r| r.host == host)
            .collect()
    }
}

/// Run `zwgk ARGS…` and return its output.
pub fn zwgk(args: &[&str]) -> Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_zwgk"))
        .args(args)
        .env("RUST_LOG", "warn")
        .output()
        .expect("zwgk runs")
}

/// Run `zwgk check` on one fixture host with DNS disabled and rate limits off; returns
/// (output, report.json, out dir).
pub fn check(fx: &Fixture, host: &str, extra: &[&str]) -> (Output, Value, tempfile::TempDir) {
    let out = tempfile::tempdir().expect("tempdir");
    let url = fx.url(host);
    let resolve = fx.resolve(host);
    let out_s = out.path().to_string_lossy().to_string();
    let mut args = vec![
        "check",
        &url,
        "--resolve",
        &resolve,
        "--no-dns",
        "--out",
        &out_s,
        "--as-of",
        "2026-11-27",
    ];
    args.extend_from_slice(extra);
    // tests never touch the default history database in the working tree
    if !extra.contains(&"--db") {
        args.push("--no-history");
    }
    // the same decisions whether or not this machine has Chromium: tests that want the
    // browser say so (`--browser`, `--chromium`; see tests/browser.rs)
    if !extra
        .iter()
        .any(|a| *a == "--browser" || *a == "--chromium")
    {
        args.extend(["--browser", "off"]);
    }
    let output = zwgk(&args);
    let report = read_json(&out.path().join("report.json"));
    (output, report, out)
}

/// `zwgk check http://HOST/ --connect-to HOST:80:127.0.0.1:PORT …` into `out`: the
/// fixture server answers under the production URL (a staging server checked under the
/// production host name). History and the browser are off; returns (output, report.json).
pub fn check_connected(fx: &Fixture, host: &str, out: &Path, extra: &[&str]) -> (Output, Value) {
    let url = format!("http://{host}/");
    let connect = format!("{host}:80:127.0.0.1:{}", fx.port());
    let out_s = out.to_string_lossy().to_string();
    let mut args = vec![
        "check",
        &url,
        "--connect-to",
        &connect,
        "--no-dns",
        "--out",
        &out_s,
        "--as-of",
        "2026-11-27",
        "--no-history",
        "--browser",
        "off",
    ];
    args.extend_from_slice(extra);
    let o = zwgk(&args);
    let report = read_json(&out.join("report.json"));
    (o, report)
}

/// Copy `src` to `dst`, replacing `@PORT@` in HTML files.
fn copy_tree(src: &Path, dst: &Path, port: u16) {
    std::fs::create_dir_all(dst).unwrap();
    for e in std::fs::read_dir(src).unwrap() {
        let e = e.unwrap();
        let to = dst.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_tree(&e.path(), &to, port);
        } else if e.path().extension().is_some_and(|x| x == "html") {
            let text = std::fs::read_to_string(e.path()).unwrap();
            std::fs::write(&to, text.replace("@PORT@", &port.to_string())).unwrap();
        } else {
            std::fs::copy(e.path(), &to).unwrap();
        }
    }
}

pub fn read_json(p: &Path) -> Value {
    let text =
        std::fs::read_to_string(p).unwrap_or_else(|e| panic!("cannot read {}: {e}", p.display()));
    serde_json::from_str(&text).expect("valid JSON")
}

/// The report's page URLs (paths only, host and port stripped).
pub fn page_paths(report: &Value) -> Vec<String> {
    report["pages"]
        .as_array()
        .expect("pages array")
        .iter()
        .map(|p| path_of(p["url"].as_str().unwrap()))
        .collect()
}

/// Errors as (path, class).
pub fn error_paths(report: &Value) -> Vec<(String, String)> {
    report["crawl"]["errors"]
        .as_array()
        .expect("errors array")
        .iter()
        .map(|e| {
            (
                path_of(e["url"].as_str().unwrap()),
                e["class"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// `host/path` of a URL (port and query dropped): how evidence is compared across runs on
/// different loopback ports.
pub fn host_path(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(u) => format!("{}{}", u.host_str().unwrap_or(""), u.path()),
        Err(_) => url.to_string(),
    }
}

pub fn path_of(url: &str) -> String {
    let u = url::Url::parse(url).expect("url");
    match u.query() {
        Some(q) => format!("{}?{q}", u.path()),
        None => u.path().to_string(),
    }
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).to_string()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).to_string()
}

pub fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}
