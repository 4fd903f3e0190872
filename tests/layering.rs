//! The structure the code promises (README, Development): the library knows no command
//! line and prints nothing, and the model layer depends on no pipeline stage. Read from the
//! sources, so a change that breaks a rule fails here with the file and line.

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// Library source files with their code before any `#[cfg(test)]` (test code may print).
fn library_code() -> Vec<(PathBuf, String)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files
        .into_iter()
        .filter(|p| {
            let rel = p.strip_prefix(&src).unwrap();
            let name = rel.file_name().unwrap().to_string_lossy();
            !rel.starts_with("cli")
                && rel != Path::new("main.rs")
                && name != "tests.rs"
                && !name.ends_with("_tests.rs")
                && !rel.starts_with("testsite")
        })
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap();
            let code = match text.find("#[cfg(test)]") {
                Some(i) => text[..i].to_string(),
                None => text,
            };
            (p, code)
        })
        .collect()
}

fn offending(code: &[(PathBuf, String)], needles: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    for (p, text) in code {
        for (n, line) in text.lines().enumerate() {
            let l = line.trim_start();
            if l.starts_with("//") {
                continue;
            }
            if needles.iter().any(|x| l.contains(x)) {
                out.push(format!("{}:{}: {}", p.display(), n + 1, l));
            }
        }
    }
    out
}

#[test]
fn the_library_knows_no_command_line_and_prints_nothing() {
    let code = library_code();
    assert!(code.len() > 50, "library sources found: {}", code.len());
    let bad = offending(
        &code,
        &[
            "clap::",
            "use clap",
            "eprintln!",
            "println!",
            "process::exit",
        ],
    );
    assert!(bad.is_empty(), "in the library:\n{}", bad.join("\n"));
}

#[test]
fn the_model_layer_depends_on_no_stage() {
    let model = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/model");
    let code: Vec<(PathBuf, String)> = library_code()
        .into_iter()
        .filter(|(p, _)| p.starts_with(&model))
        .collect();
    assert!(code.len() >= 10, "model files found: {}", code.len());
    let stages = [
        "crate::fetch",
        "crate::crawl",
        "crate::extract",
        "crate::verify",
        "crate::rules",
        "crate::report",
        "crate::store",
        "crate::batch",
        "crate::run",
    ];
    // doc links (`[`crate::extract::records`]`) are comments and skipped above
    let bad = offending(&code, &stages);
    assert!(
        bad.is_empty(),
        "the model imports a stage:\n{}",
        bad.join("\n")
    );
}
