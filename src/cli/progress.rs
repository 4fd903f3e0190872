//! What the user sees while zwgk runs: log setup, the progress bar (plain log lines when
//! stderr is not a terminal) and Ctrl-C handling.

use indicatif::{ProgressBar, ProgressStyle};
use std::io::IsTerminal;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Duration;
use zwgk::crawl::CrawlProgress;

/// Logs go to stderr: warnings by default, `-v` info, `-vv` debug; `RUST_LOG` overrides.
pub fn init_tracing(verbose: u8) {
    let default = match verbose {
        0 => "warn",
        1 => "zwgk=info",
        _ => "zwgk=debug",
    };
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(default));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .init();
}

/// Show progress: a bar on a terminal, a log line every 5 s otherwise.
pub fn spawn_progress(p: Arc<CrawlProgress>, label: String) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let tty = std::io::stderr().is_terminal();
        let bar = tty.then(|| {
            let b = ProgressBar::new_spinner();
            b.set_style(
                ProgressStyle::with_template("{spinner} {prefix} {msg} [{elapsed}]")
                    .unwrap_or_else(|_| ProgressStyle::default_spinner()),
            );
            b.set_prefix(label.clone());
            b
        });
        let start = std::time::Instant::now();
        let mut tick = 0u64;
        loop {
            tokio::time::sleep(Duration::from_millis(200)).await;
            tick += 1;
            let pages = p.pages.load(Ordering::Relaxed);
            let rate = pages as f64 / start.elapsed().as_secs_f64().max(0.001);
            let msg = format!(
                "页面 {pages} | 队列 {} | 进行中 {} | 错误 {} | {rate:.1} 页/秒",
                p.queued.load(Ordering::Relaxed),
                p.in_flight.load(Ordering::Relaxed),
                p.errors.load(Ordering::Relaxed)
            );
            match &bar {
                Some(b) => {
                    b.set_message(msg);
                    b.tick();
                }
                None if tick.is_multiple_of(25) => eprintln!("[zwgk] {label} {msg}"),
                None => {}
            }
        }
    })
}

/// Ctrl-C flips the returned flag: crawl and verification stop and a partial report is
/// written (exit code 130) instead of the process dying mid-write.
pub fn cancel_on_ctrl_c() -> tokio::sync::watch::Receiver<bool> {
    let (tx, rx) = tokio::sync::watch::channel(false);
    tokio::spawn(async move {
        if tokio::signal::ctrl_c().await.is_ok() {
            eprintln!(
                "\n[zwgk] 收到中断信号，正在写出部分报告… / interrupted, writing a partial report…"
            );
            let _ = tx.send(true);
        }
    });
    rx
}

/// Prints the library's events on stderr, as `[zwgk] …` lines.
pub struct Terminal;

impl zwgk::events::Observer for Terminal {
    fn event(&self, event: zwgk::events::Event<'_>) {
        use zwgk::events::Event;
        match event {
            Event::Resuming { state_file, pages } => eprintln!(
                "[zwgk] 从 {} 继续抓取（已抓取 {pages} 个页面） / resuming",
                state_file.display()
            ),
            Event::NothingToResume { state_file } => eprintln!(
                "[zwgk] 没有可继续的抓取状态（{}），重新开始 / nothing to resume, starting fresh",
                state_file.display()
            ),
            Event::Probed { url, ok, detail } => {
                eprintln!("[zwgk] {} {url} {detail}", if ok { "✓" } else { "✗" })
            }
            Event::SiteStarted { n, total, url } => eprintln!("[zwgk] ({n}/{total}) {url} …"),
            Event::SiteDone {
                n,
                total,
                url,
                pages,
                failed_checks,
            } => {
                eprintln!("[zwgk] ({n}/{total}) {url} 完成：{pages} 页，不通过 {failed_checks} 项")
            }
            Event::SiteFailed {
                n,
                total,
                url,
                error,
            } => eprintln!("[zwgk] ({n}/{total}) {url} 失败：{error}"),
        }
    }
}
