//! Fuzzing on the stable toolchain: a bounded-time mutation loop per target over seed
//! inputs (the fixture pages, rule packs, site lists …), asserting that nothing panics.
//!
//! * `ZWGK_FUZZ_SECS` — seconds per target (default 2 so `cargo test` stays quick;
//!   `.ci/run` runs each target for 30 s);
//! * `ZWGK_FUZZ_TARGET` — run only this target;
//! * `ZWGK_FUZZ_SEED` — replay a run (the seed is printed).
//!
//! A panicking input is written to `tests/fuzz/regressions/<target>/<hash>.bin` and the test
//! fails; committed files there are replayed by `fuzz_regressions_do_not_panic` on every
//! `cargo test`.

use rand::rngs::SmallRng;
use rand::{Rng, SeedableRng};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

type Target = fn(&[u8]);

fn decode_extract(b: &[u8]) {
    let url = url::Url::parse("http://www.fuzz.gov.cn/zwgk/index.html").unwrap();
    let decoded = zwgk::decode::decode_html(b, Some("text/html"));
    let (html, _) = zwgk::extract::bounded_markup(&decoded.text);
    let facts = zwgk::extract::extract(html, &url);
    std::hint::black_box(facts);
    let decoded = zwgk::decode::decode_html(b, None);
    std::hint::black_box(decoded);
}

fn robots(b: &[u8]) {
    if let Some((robot, delay, _)) = zwgk::fetch::robots::parse_robots(b, None) {
        for u in [
            "http://www.fuzz.gov.cn/",
            "http://www.fuzz.gov.cn/private/a.html?x=1",
            "http://www.fuzz.gov.cn/%E6%94%BF%E5%8A%A1/",
        ] {
            std::hint::black_box(robot.allowed(u));
        }
        assert!(delay.is_none_or(|d| d <= zwgk::fetch::robots::MAX_CRAWL_DELAY));
    }
}

fn dates(b: &[u8]) {
    let s = String::from_utf8_lossy(b);
    std::hint::black_box(zwgk::fetch::parse_retry_after(&s));
    std::hint::black_box(zwgk::extract::dates::find_dates(&s));
    std::hint::black_box(zwgk::extract::dates::find_dates_with_year(&s, Some(2026)));
    std::hint::black_box(zwgk::extract::dates::parse_date(&s));
    std::hint::black_box(zwgk::extract::dates::date_from_url(&s));
}

fn sites(b: &[u8]) {
    let s = String::from_utf8_lossy(b);
    for csv in [false, true] {
        let _ = std::hint::black_box(zwgk::batch::sites::parse_sites(
            &s,
            csv,
            Path::new("sites.toml"),
        ));
    }
    let _ = zwgk::config::FileConfig::parse(&s, Path::new("zwgk.toml"));
}

fn rule_pack(b: &[u8]) {
    let s = String::from_utf8_lossy(b);
    let _ = std::hint::black_box(zwgk::rules::pack::parse_pack("fuzz.toml", &s));
    let _ = std::hint::black_box(zwgk::rules::load_overrides(&s, "www.fuzz.gov.cn"));
    let _ = std::hint::black_box(zwgk::rules::calendar::Calendar::parse("fuzz.toml", &s));
}

fn targets() -> Vec<(&'static str, Target)> {
    vec![
        ("decode_extract", decode_extract as Target),
        ("robots", robots),
        ("dates", dates),
        ("sites", sites),
        ("rule_pack", rule_pack),
    ]
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn files_under(dir: &Path, exts: &[&str], out: &mut Vec<Vec<u8>>, limit: usize) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = rd.flatten().map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if out.len() >= limit {
            return;
        }
        if p.is_dir() {
            files_under(&p, exts, out, limit);
        } else if p
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| exts.contains(&e))
            && let Ok(b) = std::fs::read(&p)
            && b.len() <= 256 * 1024
        {
            out.push(b);
        }
    }
}

fn seeds(target: &str) -> Vec<Vec<u8>> {
    let r = root();
    let mut out: Vec<Vec<u8>> = Vec::new();
    match target {
        "decode_extract" => {
            files_under(
                &r.join("tests/sites"),
                &["html", "htm", "shtml"],
                &mut out,
                200,
            );
            files_under(
                &r.join("tests/fixtures/extract"),
                &["html", "htm"],
                &mut out,
                300,
            );
        }
        "robots" => {
            out.push(b"User-agent: *\nDisallow: /private/\nCrawl-delay: 1e20\n".to_vec());
            out.push(b"User-agent: zwgk\nAllow: /\nDisallow: /*?sid=\nCrawl-delay: NaN\nSitemap: http://x/s.xml\n".to_vec());
            files_under(&r.join("tests/sites"), &["txt"], &mut out, 50);
        }
        "dates" => {
            for s in [
                "Wed, 21 Oct 2015 07:28:00 GMT",
                "120",
                "发布时间：2026-11-27",
                "2021年2月30日",
                "/art/2026/11/27/art_1.html",
                "t20261127_123.html",
                "二〇二六年十一月二十七日",
            ] {
                out.push(s.as_bytes().to_vec());
            }
        }
        "sites" => {
            files_under(&r.join("deploy"), &["toml", "csv"], &mut out, 20);
            out.push(b"name,url,kind,resolve\n\xe6\x9f\x90\xe5\x8c\xba,http://www.x.gov.cn/,\xe5\x8c\xba\xe5\x8e\xbf,www.x.gov.cn:80:127.0.0.1\n".to_vec());
            out.push(
                b"[crawl]\nrate = 1.5\nmax_duration = 7200\n[check]\nrules = [\"gov-2019\"]\n"
                    .to_vec(),
            );
        }
        "rule_pack" => {
            files_under(&r.join("rules"), &["toml"], &mut out, 20);
        }
        _ => {}
    }
    if out.is_empty() {
        out.push(Vec::new());
    }
    out
}

const TOKENS: &[&[u8]] = &[
    b"<",
    b">",
    b"</",
    b"<a href=\"",
    b"\"",
    b"'",
    b"\0",
    b"\xff\xfe",
    b"%",
    b"%zz",
    b"=",
    b"[[",
    b"]]",
    b"]",
    b"[",
    b"\n",
    b"\r\n",
    b"99999999999999999999",
    b"-1",
    b"NaN",
    b"1e20",
    b"inf",
    b"2021-02-30",
    b"..",
    b"{",
    b"}",
    b"<script>",
    b"<!--",
    b"&#x110000;",
    b"\xe6\x94\xbf",
    b"<meta charset=gbk>",
    b"<base href=\"javascript:x\">",
    b"window.open('",
    b"createPageHTML(",
    b"window_days = 99999999999\n",
    b"\"\"\"",
    b"#",
    b";",
    b",",
    b"Crawl-delay: ",
    b"Disallow: ",
];

fn mutate(rng: &mut SmallRng, input: &[u8], corpus: &[Vec<u8>]) -> Vec<u8> {
    let mut v = input.to_vec();
    for _ in 0..rng.random_range(1..=8) {
        let len = v.len();
        match rng.random_range(0..8) {
            0 if len > 0 => {
                let i = rng.random_range(0..len);
                v[i] ^= 1 << rng.random_range(0..8);
            }
            1 if len > 0 => {
                let i = rng.random_range(0..len);
                v[i] = rng.random();
            }
            2 => {
                let i = rng.random_range(0..=len);
                let t = TOKENS[rng.random_range(0..TOKENS.len())];
                v.splice(i..i, t.iter().copied());
            }
            3 if len > 1 => {
                let a = rng.random_range(0..len);
                let b = (a + rng.random_range(1..=len.min(4096))).min(len);
                v.drain(a..b);
            }
            4 if len > 1 => {
                let a = rng.random_range(0..len);
                let b = (a + rng.random_range(1..=len.min(512))).min(len);
                let piece = v[a..b].to_vec();
                let at = rng.random_range(0..=v.len());
                for _ in 0..rng.random_range(1..=16) {
                    v.splice(at..at, piece.iter().copied());
                }
            }
            5 => {
                let other = &corpus[rng.random_range(0..corpus.len())];
                if !other.is_empty() {
                    let a = rng.random_range(0..other.len());
                    let b = (a + rng.random_range(1..=other.len().min(2048))).min(other.len());
                    let at = rng.random_range(0..=v.len());
                    v.splice(at..at, other[a..b].iter().copied());
                }
            }
            6 if len > 0 => v.truncate(rng.random_range(0..len)),
            _ => {
                let at = rng.random_range(0..=len);
                let junk: Vec<u8> = (0..rng.random_range(1..64)).map(|_| rng.random()).collect();
                v.splice(at..at, junk);
            }
        }
    }
    v.truncate(512 * 1024);
    v
}

fn hash(b: &[u8]) -> u64 {
    b.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, x| {
        (h ^ *x as u64).wrapping_mul(0x100_0000_01b3)
    })
}

fn regressions_dir(target: &str) -> PathBuf {
    root().join("tests/fuzz/regressions").join(target)
}

/// Run `f` on `input`; a panic is saved as a regression file and returned.
fn try_input(target: &str, f: Target, input: &[u8]) -> Option<PathBuf> {
    let ok = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(input))).is_ok();
    if ok {
        return None;
    }
    let dir = regressions_dir(target);
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join(format!("{:016x}.bin", hash(input)));
    let _ = std::fs::write(&path, input);
    Some(path)
}

#[test]
fn fuzz_targets_do_not_panic() {
    let secs: f64 = std::env::var("ZWGK_FUZZ_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(2.0);
    let only = std::env::var("ZWGK_FUZZ_TARGET").ok();
    let seed: u64 = std::env::var("ZWGK_FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos() as u64)
                .unwrap_or(1)
        });
    eprintln!("fuzz seed {seed} (ZWGK_FUZZ_SEED={seed} replays), {secs} s per target");
    let mut crashes = Vec::new();
    for (name, f) in targets() {
        if only.as_deref().is_some_and(|o| o != name) {
            continue;
        }
        let corpus = seeds(name);
        let mut rng = SmallRng::seed_from_u64(seed ^ hash(name.as_bytes()));
        let deadline = Instant::now() + Duration::from_secs_f64(secs);
        let mut runs = 0u64;
        for s in &corpus {
            if let Some(p) = try_input(name, f, s) {
                crashes.push(p);
            }
        }
        while Instant::now() < deadline {
            let base = &corpus[rng.random_range(0..corpus.len())];
            let input = mutate(&mut rng, base, &corpus);
            runs += 1;
            if let Some(p) = try_input(name, f, &input) {
                crashes.push(p);
                if crashes.len() > 20 {
                    break;
                }
            }
        }
        eprintln!("fuzz {name}: {runs} inputs, {} seeds", corpus.len());
    }
    assert!(
        crashes.is_empty(),
        "inputs that panic (kept as regression tests): {crashes:?}"
    );
}

#[test]
fn fuzz_regressions_do_not_panic() {
    let mut replayed = 0;
    for (name, f) in targets() {
        let Ok(rd) = std::fs::read_dir(regressions_dir(name)) else {
            continue;
        };
        for e in rd.flatten() {
            let input = std::fs::read(e.path()).unwrap();
            replayed += 1;
            assert!(
                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(&input))).is_ok(),
                "{} panics",
                e.path().display()
            );
        }
    }
    eprintln!("{replayed} fuzz regressions replayed");
}
