//! Generate a department site whose required columns sit 3–5 clicks deep behind a home
//! page with hundreds of news links, for the focused-crawl benchmark (bench/focus.sh).
//!
//! `cargo run --release --example genfocus -- OUT_DIR [PAGES] [HOST] [trs|hanweb] [HOME_NEWS]`
//! writes `OUT_DIR/HOST/…` (defaults: 20000 pages, www.focus.gov.cn, trs, 300 news links).

use zwgk::testsite::generate::{GenSpec, Style, generate};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let out = args
        .get(1)
        .map(String::as_str)
        .unwrap_or("target/focus-site");
    let pages = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(20_000);
    let host = args
        .get(3)
        .cloned()
        .unwrap_or_else(|| "www.focus.gov.cn".into());
    let style = match args.get(4).map(String::as_str) {
        Some("hanweb") => Style::Hanweb,
        _ => Style::Trs,
    };
    let home_news = args.get(5).and_then(|s| s.parse().ok()).unwrap_or(300);
    let spec = GenSpec {
        host,
        pages,
        style,
        home_news,
    };
    match generate(std::path::Path::new(out), &spec) {
        Ok(n) => println!("{n} pages written under {out}/{}", spec.host),
        Err(e) => {
            eprintln!("cannot write the site: {e}");
            std::process::exit(1);
        }
    }
}
