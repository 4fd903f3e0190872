//! Time decode + extract on one page: `cargo run --release --example extract_bench -- FILE [N]`.
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let bytes = std::fs::read(&args[1]).expect("read page");
    let n: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(1000);
    let url =
        url::Url::parse("http://www.bench.gov.cn/zwgk_229/zwdt/202611/t20261101_0.html").unwrap();
    let t = std::time::Instant::now();
    let mut links = 0;
    for _ in 0..n {
        let d = zwgk::decode::decode_html(&bytes, Some("text/html"));
        let f = zwgk::extract::extract(&d.text, &url);
        links += f.links.len();
    }
    let el = t.elapsed();
    println!(
        "{} bytes, {links} links total, {:.3} ms/page",
        bytes.len(),
        el.as_secs_f64() * 1000.0 / n as f64
    );
}
