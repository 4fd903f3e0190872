//! `zwgk` command line: argument parsing, progress display, exit codes. Nothing else.

use anyhow::{Context, Result, bail};

/// mimalloc: the crawl parses pages on many threads; glibc's per-thread arenas fragment
/// badly under that load (measured: ~40 % higher peak RSS on the 20,000-page benchmark).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
use clap::{Args, Parser, Subcommand};
use indicatif::{ProgressBar, ProgressStyle};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Duration;
use zwgk::config::FileConfig;
use zwgk::crawl::{CrawlConfig, CrawlProgress};
use zwgk::fetch::{FetchConfig, ResolveEntry};
use zwgk::i18n::Lang;
use zwgk::report::diff::DiffFormat;
use zwgk::report::formats::{self, Format};
use zwgk::report::{FailOn, summary};
use zwgk::run::{self, CheckOptions};
use zwgk::verify::{ExternalPolicy, VerifyConfig};

#[derive(Parser)]
#[command(
    name = "zwgk",
    version,
    about = "政务公开合规检查爬虫 / government-openness compliance crawler for Chinese government websites"
)]
struct Cli {
    /// More log output (-v info, -vv debug); RUST_LOG overrides.
    #[arg(short, long, action = clap::ArgAction::Count, global = true)]
    verbose: u8,
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Crawl sites and check them; writes report.json and site-graph.json per site.
    Check(Box<CheckArgs>),
    /// Serve the bundled demo site on 127.0.0.1 and check it (no network needed).
    Demo(DemoArgs),
    /// Serve fixture sites (one folder per host name) on 127.0.0.1 until Ctrl-C.
    Serve(ServeArgs),
    /// Compare two report.json files: new failures, fixed items, unchanged failures.
    Diff(DiffArgs),
    /// Trend of each check of a site across the runs in the history database.
    History(HistoryArgs),
    /// Combine the index.json of several shards into one index.
    Merge(MergeArgs),
    /// Re-run the checks on a saved site-graph.json, offline (new packs, another date).
    Recheck(RecheckArgs),
    /// Probe a home page and record the answers in the history database (run it from cron,
    /// e.g. every 5 minutes: GOV-V01 then judges a real week of monitoring).
    Probe(ProbeArgs),
    /// Print the JSON Schema of report.json.
    Schema,
    /// The check catalogue: `rules list`, `rules explain ID`.
    Rules(RulesArgs),
}

#[derive(Args)]
struct RulesArgs {
    #[command(subcommand)]
    cmd: RulesCmd,
    /// Rule pack name or rule file (repeatable) [default: the built-in packs]
    #[arg(long = "rules", value_name = "PACK|FILE", global = true)]
    rules: Vec<String>,
    #[arg(long, value_enum, default_value_t = Lang::Zh, global = true)]
    lang: Lang,
}

#[derive(Subcommand)]
enum RulesCmd {
    /// List every check with its ID, title, office and severity.
    List,
    /// Print a check's requirement text, how it is checked and how to fix a failure.
    Explain {
        /// Check ID, e.g. ZW-P05
        id: String,
    },
}

#[derive(Args)]
struct HistoryArgs {
    /// Site host (as in the report folder), e.g. www.xsq.cq.gov.cn; omit to list the sites
    site: Option<String>,
    #[arg(long, value_name = "FILE", default_value = "reports/zwgk.db")]
    db: PathBuf,
    #[arg(long, value_enum, default_value_t = Lang::Zh)]
    lang: Lang,
}

#[derive(Args)]
struct RecheckArgs {
    /// site-graph.json written by an earlier `zwgk check`
    graph: PathBuf,
    /// Output folder [default: the graph's folder]
    #[arg(long)]
    out: Option<PathBuf>,
    /// Rule pack name or rule file (repeatable) [default: cq-wlw-2021 and gov-2019]
    #[arg(long = "rules", value_name = "PACK|FILE")]
    rules: Vec<String>,
    /// Per-site overrides file
    #[arg(long, value_name = "FILE")]
    overrides: Option<PathBuf>,
    /// Site kind: 区县, 部门 or 门户
    #[arg(long)]
    kind: Option<String>,
    /// Evaluate date-based rules as of this date (YYYY-MM-DD) [default: today]
    #[arg(long, value_name = "DATE")]
    as_of: Option<String>,
    /// Compare with an earlier report.json
    #[arg(long, value_name = "REPORT.JSON")]
    baseline: Option<PathBuf>,
    /// Report files to write, comma-separated (report.json is always written)
    #[arg(long, value_enum, value_delimiter = ',', default_values_t = formats::ALL.to_vec())]
    format: Vec<Format>,
    #[arg(long, value_enum, default_value_t = Lang::Zh)]
    lang: Lang,
}

#[derive(Args)]
struct ProbeArgs {
    /// Home page URL
    url: String,
    /// Probes to make now
    #[arg(long, default_value_t = 1)]
    count: usize,
    /// Seconds between probes
    #[arg(long, default_value_t = 60.0)]
    interval: f64,
    #[arg(long, value_name = "FILE", default_value = "reports/zwgk.db")]
    db: PathBuf,
    /// Map HOST:PORT to ADDR like curl --resolve (repeatable)
    #[arg(long, value_name = "HOST:PORT:ADDR")]
    resolve: Vec<String>,
    /// Refuse DNS lookups: only hosts given with --resolve are reachable
    #[arg(long)]
    no_dns: bool,
}

#[derive(Args)]
struct MergeArgs {
    /// Folders (or index.json files) written by `check --sites … --shard I/N`
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Folder for the merged index
    #[arg(long)]
    out: PathBuf,
    #[arg(long, value_enum, default_value_t = Lang::Zh)]
    lang: Lang,
}

#[derive(Args)]
struct DiffArgs {
    /// The older report.json
    old: PathBuf,
    /// The newer report.json
    new: PathBuf,
    #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
    format: DiffFormat,
    #[arg(long, value_enum, default_value_t = Lang::Zh)]
    lang: Lang,
}

#[derive(Args, Clone)]
struct CrawlArgs {
    /// Map HOST:PORT to ADDR like curl --resolve (repeatable), e.g. www.x.gov.cn:80:10.0.0.5
    #[arg(long, value_name = "HOST:PORT:ADDR")]
    resolve: Vec<String>,
    /// Refuse DNS lookups: only hosts given with --resolve are reachable.
    #[arg(long)]
    no_dns: bool,
    /// Config file (TOML) with [crawl] and [check] sections; flags override it.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Most pages to fetch per site [default: 5000]
    #[arg(long)]
    max_pages: Option<usize>,
    /// Most clicks from the home page [default: 10]
    #[arg(long)]
    max_depth: Option<u32>,
    /// Requests per second per host, 0 = unlimited [default: 3]
    #[arg(long)]
    rate: Option<f64>,
    /// Concurrent requests per host [default: 2]
    #[arg(long)]
    per_host: Option<usize>,
    /// Requests in flight overall [default: 8]
    #[arg(long)]
    concurrency: Option<usize>,
    /// Seconds per request [default: 30]
    #[arg(long)]
    timeout: Option<f64>,
    /// Retries of transient failures [default: 2]
    #[arg(long)]
    retries: Option<u32>,
    /// HTML body cap in MiB [default: 10]
    #[arg(long)]
    max_body_mb: Option<f64>,
    /// Stop crawling a site after this many seconds
    #[arg(long)]
    max_duration: Option<f64>,
    /// Extra host in scope besides the start host (repeatable)
    #[arg(long = "host", value_name = "HOST")]
    hosts: Vec<String>,
    /// User-Agent header [default: zwgk/VERSION (…)]
    #[arg(long)]
    user_agent: Option<String>,
    /// Ignore robots.txt (for a site team checking its own site)
    #[arg(long)]
    ignore_robots: bool,
    /// Links and media on other hosts: check (request them) or skip (list as not verified)
    #[arg(long, value_enum, default_value_t = ExternalPolicy::Check)]
    external: ExternalPolicy,
    /// Skip the verification of media, attachments and links
    #[arg(long)]
    no_verify: bool,
}

#[derive(Args)]
struct CheckArgs {
    /// Start URL(s): each site's home page
    #[arg(required_unless_present = "sites")]
    urls: Vec<String>,
    /// Site list (TOML with [[site]] tables, or CSV with name,url,kind,resolve): check them all and write an index
    #[arg(long, value_name = "FILE", conflicts_with = "urls")]
    sites: Option<PathBuf>,
    /// Sites checked at the same time with --sites (each host keeps its own politeness limits)
    #[arg(long, default_value_t = 4)]
    parallel_sites: usize,
    /// Take only shard I of N of the site list (1-based, e.g. 2/5), for several machines
    #[arg(long, value_name = "I/N", requires = "sites")]
    shard: Option<String>,
    /// History database (SQLite) for conditional re-crawls, trends and "new since last run"
    #[arg(long, value_name = "FILE", default_value = "reports/zwgk.db")]
    db: PathBuf,
    /// Do not read or write the history database
    #[arg(long)]
    no_history: bool,
    /// Continue an interrupted crawl (Ctrl-C, crash, reboot) from the state saved in the output folder
    #[arg(long)]
    resume: bool,
    #[command(flatten)]
    crawl: CrawlArgs,
    /// Output folder [default: reports/<host>/<YYYY-MM-DD>/]; with several URLs, one sub-folder per host
    #[arg(long)]
    out: Option<PathBuf>,
    /// Rule pack name or rule file (repeatable) [default: cq-wlw-2021 and gov-2019]
    #[arg(long = "rules", value_name = "PACK|FILE")]
    rules: Vec<String>,
    /// Per-site overrides file (pinned column URLs, not-applicable checks)
    #[arg(long, value_name = "FILE")]
    overrides: Option<PathBuf>,
    /// Site name for the report
    #[arg(long)]
    name: Option<String>,
    /// Site kind: 区县, 部门 or 门户
    #[arg(long)]
    kind: Option<String>,
    /// Evaluate date-based rules as of this date (YYYY-MM-DD) [default: today]
    #[arg(long, value_name = "DATE")]
    as_of: Option<String>,
    /// Language of messages and reports
    #[arg(long, value_enum, default_value_t = Lang::Zh)]
    lang: Lang,
    /// Report files to write, comma-separated (report.json is always written)
    #[arg(long, value_enum, value_delimiter = ',', default_values_t = formats::ALL.to_vec())]
    format: Vec<Format>,
    /// Compare with an earlier report.json (adds new/fixed/unchanged to the report)
    #[arg(long, value_name = "REPORT.JSON")]
    baseline: Option<PathBuf>,
    /// Exit with code 2 when a check fails at or above this severity (new: only failures not in --baseline, or else not in the site's last run in the history database)
    #[arg(long, value_enum, default_value_t = FailOn::None)]
    fail_on: FailOn,
}

#[derive(Args)]
struct DemoArgs {
    /// Output folder
    #[arg(long, default_value = "reports/demo")]
    out: PathBuf,
    /// Port to serve the demo site on (0 = any free port)
    #[arg(long, default_value_t = 0)]
    port: u16,
    /// Keep serving the demo site after the check (browse it at the printed address)
    #[arg(long)]
    keep_serving: bool,
    #[arg(long, value_enum, default_value_t = Lang::Zh)]
    lang: Lang,
}

#[derive(Args)]
struct ServeArgs {
    /// Folder with one sub-folder per host name; default: the bundled demo site
    #[arg(long)]
    dir: Option<PathBuf>,
    #[arg(long, default_value_t = 8080)]
    port: u16,
}

fn init_tracing(verbose: u8) {
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

/// Merge config file and flags into fetch and crawl settings.
fn verify_settings(args: &CrawlArgs) -> VerifyConfig {
    VerifyConfig {
        enabled: !args.no_verify,
        external: args.external,
        ..VerifyConfig::default()
    }
}

fn settings(args: &CrawlArgs) -> Result<(FetchConfig, CrawlConfig, FileConfig)> {
    let file = match &args.config {
        Some(p) => FileConfig::load(p)?,
        None => FileConfig::default(),
    };
    let c = &file.crawl;
    let mut fetch = FetchConfig::default();
    let mut crawl = CrawlConfig::default();
    if let Some(v) = args.rate.or(c.rate) {
        if v < 0.0 || !v.is_finite() {
            bail!("--rate must be a number ≥ 0 (requests per second per host; 0 = unlimited)");
        }
        fetch.rate = v;
    }
    if let Some(v) = args.per_host.or(c.per_host) {
        fetch.per_host = v.max(1);
    }
    if let Some(v) = args.timeout.or(c.timeout) {
        if v <= 0.0 || !v.is_finite() {
            bail!("--timeout must be a positive number of seconds");
        }
        fetch.timeout = Duration::from_secs_f64(v);
        fetch.connect_timeout = fetch.connect_timeout.min(fetch.timeout);
    }
    if let Some(v) = args.retries.or(c.retries) {
        fetch.retries = v;
    }
    if let Some(v) = args.user_agent.clone().or(c.user_agent.clone()) {
        fetch.user_agent = v;
    }
    fetch.respect_robots = !(args.ignore_robots || c.ignore_robots.unwrap_or(false));
    fetch.no_dns = args.no_dns;
    for r in c.resolve.iter().chain(args.resolve.iter()) {
        fetch.resolve.push(r.parse::<ResolveEntry>()?);
    }
    if let Some(v) = args.max_pages.or(c.max_pages) {
        crawl.max_pages = v;
    }
    if let Some(v) = args.max_depth.or(c.max_depth) {
        crawl.max_depth = v;
    }
    if let Some(v) = args.concurrency.or(c.concurrency) {
        crawl.concurrency = v.max(1);
    }
    if let Some(v) = args.max_body_mb.or(c.max_body_mb) {
        crawl.max_body = (v * 1024.0 * 1024.0) as u64;
    }
    if let Some(v) = args.max_duration.or(c.max_duration).filter(|v| *v > 0.0) {
        crawl.max_duration = Some(Duration::from_secs_f64(v));
    }
    crawl.extra_hosts = c.hosts.iter().chain(args.hosts.iter()).cloned().collect();
    Ok((fetch, crawl, file))
}

/// Show progress: a bar on a terminal, a log line every 5 s otherwise.
fn spawn_progress(p: Arc<CrawlProgress>, label: String) -> tokio::task::JoinHandle<()> {
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

fn cancel_on_ctrl_c() -> tokio::sync::watch::Receiver<bool> {
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

async fn check(args: CheckArgs) -> Result<i32> {
    let (fetch, crawl, file) = settings(&args.crawl)?;
    let as_of = match &args.as_of {
        Some(d) => Some(
            d.parse::<jiff::civil::Date>()
                .with_context(|| format!("--as-of {d:?} is not a date like 2026-11-27"))?,
        ),
        None => None,
    };
    let mut packs = args.rules.clone();
    if packs.is_empty() {
        packs = file.check.rules.clone();
    }
    let overrides = args.overrides.clone().or(file.check.overrides.clone());
    if args.fail_on == FailOn::New && args.baseline.is_none() && args.no_history {
        bail!(
            "--fail-on new needs something to compare with: --baseline OLD/report.json, or the history database (drop --no-history)"
        );
    }
    let many = args.urls.len() > 1;
    let mut failed = false;
    let cancel = cancel_on_ctrl_c();
    let history = if args.no_history {
        None
    } else {
        Some(zwgk::store::Store::open(&args.db)?)
    };
    if let Some(list) = &args.sites {
        let mut sites = zwgk::batch::load_sites(list)?;
        let shard_label = match &args.shard {
            Some(sh) => {
                let (i, n) = zwgk::batch::sites::parse_shard(sh)?;
                sites = zwgk::batch::shard(&sites, i, n);
                Some(format!("{i}/{n}"))
            }
            None => None,
        };
        let out = args.out.clone().unwrap_or_else(|| PathBuf::from("reports"));
        let base = CheckOptions {
            url: url::Url::parse("http://placeholder.invalid/")?,
            name: None,
            kind: args.kind.clone(),
            fetch: fetch.clone(),
            crawl: crawl.clone(),
            verify: verify_settings(&args.crawl),
            out: None,
            packs: packs.clone(),
            formats: args.format.clone(),
            baseline: None,
            history: history.clone(),
            pins: Default::default(),
            not_applicable: Vec::new(),
            resume: args.resume,
            overrides: overrides.clone(),
            lang: args.lang,
            as_of,
        };
        eprintln!(
            "[zwgk] 检查 {} 个站点（并行 {}）…",
            sites.len(),
            args.parallel_sites
        );
        let index = zwgk::batch::run_batch(
            &sites,
            &base,
            &out,
            args.parallel_sites,
            shard_label,
            Some(cancel.clone()),
        )
        .await?;
        print!("{}", index.markdown());
        println!(
            "\n{}{}",
            args.lang.pick("索引：", "index: "),
            out.join("index.html").display()
        );
        if *cancel.borrow() {
            return Ok(130);
        }
        let fails = index.sites.iter().any(|s| {
            let f = s.fail_high + s.fail_medium + s.fail_low;
            match args.fail_on {
                FailOn::None => false,
                FailOn::New => s.new_failures.unwrap_or(0) > 0,
                FailOn::High => s.fail_high > 0,
                FailOn::Medium => s.fail_high + s.fail_medium > 0,
                FailOn::Low => f > 0,
            }
        });
        return Ok(if fails { 2 } else { 0 });
    }
    for raw in &args.urls {
        let url = url::Url::parse(raw)
            .or_else(|_| url::Url::parse(&format!("http://{raw}")))
            .with_context(|| format!("{raw:?} is not a URL"))?;
        if !matches!(url.scheme(), "http" | "https") {
            bail!("{raw:?}: only http and https URLs can be checked");
        }
        let out = args.out.as_ref().map(|o| {
            if many {
                o.join(url.host_str().unwrap_or("site"))
            } else {
                o.clone()
            }
        });
        let opts = CheckOptions {
            url: url.clone(),
            name: args.name.clone(),
            kind: args.kind.clone(),
            fetch: fetch.clone(),
            crawl: crawl.clone(),
            verify: verify_settings(&args.crawl),
            out,
            packs: packs.clone(),
            formats: args.format.clone(),
            baseline: args.baseline.clone(),
            history: history.clone(),
            pins: Default::default(),
            not_applicable: Vec::new(),
            resume: args.resume,
            overrides: overrides.clone(),
            lang: args.lang,
            as_of,
        };
        let progress = Arc::new(CrawlProgress::default());
        let ticker = spawn_progress(progress.clone(), url.host_str().unwrap_or("").to_string());
        let outcome = run::check_site(&opts, progress, Some(cancel.clone())).await;
        ticker.abort();
        let outcome = outcome?;
        print!(
            "{}",
            summary::render(&outcome.report, &outcome.out_dir.display().to_string())
        );
        if *cancel.borrow() {
            return Ok(130);
        }
        if zwgk::report::fails(&outcome.report, args.fail_on) {
            failed = true;
        }
    }
    Ok(if failed { 2 } else { 0 })
}

async fn demo(args: DemoArgs) -> Result<i32> {
    let demo = run::start_demo(args.port).await?;
    eprintln!(
        "[zwgk] 演示站点已在 {} 提供服务（{} 映射到 {}）",
        demo.server.addr(),
        run::DEMO_HOST,
        demo.resolve.addr
    );
    let fetch = FetchConfig {
        resolve: vec![demo.resolve.clone()],
        no_dns: true,
        rate: 0.0,
        per_host: 4,
        timeout: Duration::from_secs(10),
        retries: 1,
        backoff_base: Duration::from_millis(100),
        ..FetchConfig::default()
    };
    let opts = CheckOptions {
        url: demo.url.clone(),
        name: Some("秀水区人民政府（演示站点）".into()),
        kind: Some("区县".into()),
        fetch,
        crawl: CrawlConfig::default(),
        // the demo site's footer names real outside hosts: never contact them
        verify: VerifyConfig {
            external: ExternalPolicy::Skip,
            ..VerifyConfig::default()
        },
        out: Some(args.out.clone()),
        packs: Vec::new(),
        formats: formats::ALL.to_vec(),
        baseline: None,
        history: None,
        pins: Default::default(),
        not_applicable: Vec::new(),
        resume: false,
        overrides: None,
        lang: args.lang,
        as_of: None,
    };
    let progress = Arc::new(CrawlProgress::default());
    let ticker = spawn_progress(progress.clone(), run::DEMO_HOST.to_string());
    let outcome = run::check_site(&opts, progress, Some(cancel_on_ctrl_c())).await;
    ticker.abort();
    let outcome = outcome?;
    print!(
        "{}",
        summary::render(&outcome.report, &outcome.out_dir.display().to_string())
    );
    if args.keep_serving {
        eprintln!(
            "[zwgk] 继续提供服务：curl --resolve {}:{}:127.0.0.1 {} （Ctrl-C 结束）",
            run::DEMO_HOST,
            demo.server.addr().port(),
            demo.url
        );
        tokio::signal::ctrl_c().await.ok();
    }
    demo.server.shutdown().await;
    Ok(0)
}

async fn serve(args: ServeArgs) -> Result<i32> {
    use zwgk::testsite::{DEMO_SITES, SiteServer, SiteSource};
    let source = match args.dir {
        Some(d) => SiteSource::Disk(d),
        None => SiteSource::Embedded(&DEMO_SITES),
    };
    let server = SiteServer::start(source, ([127, 0, 0, 1], args.port).into()).await?;
    for host in server.hosts() {
        eprintln!(
            "[zwgk] serving http://{host}:{port}/  (--resolve {host}:{port}:127.0.0.1)",
            port = server.addr().port()
        );
    }
    tokio::signal::ctrl_c().await.ok();
    server.shutdown().await;
    Ok(0)
}

fn rules(args: RulesArgs) -> Result<i32> {
    let packs = zwgk::rules::load_packs(&args.rules)?;
    match args.cmd {
        RulesCmd::List => print!("{}", zwgk::rules::list_text(&packs, args.lang)),
        RulesCmd::Explain { id } => match zwgk::rules::explain_text(&packs, &id, args.lang) {
            Some(t) => print!("{t}"),
            None => bail!("no check with ID {id:?}; `zwgk rules list` shows them all"),
        },
    }
    Ok(0)
}

fn history(args: HistoryArgs) -> Result<i32> {
    if !args.db.exists() {
        bail!(
            "no history database at {} (it is written by `zwgk check`)",
            args.db.display()
        );
    }
    let store = zwgk::store::Store::open(&args.db)?;
    let Some(site) = args.site else {
        for s in store.sites()? {
            println!("{s}");
        }
        return Ok(0);
    };
    let runs = store.history(&site)?;
    if runs.is_empty() {
        bail!(
            "no runs of {site:?} in {}; `zwgk history` lists the sites",
            args.db.display()
        );
    }
    print!("{}", zwgk::store::trend::render(&site, &runs, args.lang));
    Ok(0)
}

async fn probe(args: ProbeArgs) -> Result<i32> {
    let url = url::Url::parse(&args.url).with_context(|| format!("{:?} is not a URL", args.url))?;
    let mut fetch = FetchConfig {
        no_dns: args.no_dns,
        ..FetchConfig::default()
    };
    for r in &args.resolve {
        fetch.resolve.push(r.parse::<ResolveEntry>()?);
    }
    let store = zwgk::store::Store::open(&args.db)?;
    let interval = Duration::from_secs_f64(args.interval.max(0.0));
    let (ok, failed) = run::probe(&url, fetch, &store, args.count, interval).await?;
    println!("{ok} ok, {failed} failed");
    Ok(0)
}

fn recheck(args: RecheckArgs) -> Result<i32> {
    let as_of = match &args.as_of {
        Some(d) => Some(
            d.parse::<jiff::civil::Date>()
                .with_context(|| format!("--as-of {d:?} is not a date like 2026-11-27"))?,
        ),
        None => None,
    };
    let opts = CheckOptions {
        url: url::Url::parse("http://placeholder.invalid/")?,
        name: None,
        kind: args.kind.clone(),
        fetch: FetchConfig::default(),
        crawl: CrawlConfig::default(),
        verify: VerifyConfig::default(),
        out: args.out.clone(),
        packs: args.rules.clone(),
        formats: args.format.clone(),
        baseline: args.baseline.clone(),
        history: None,
        pins: Default::default(),
        not_applicable: Vec::new(),
        resume: false,
        overrides: args.overrides.clone(),
        lang: args.lang,
        as_of,
    };
    let outcome = run::recheck(&args.graph, &opts)?;
    print!(
        "{}",
        summary::render(&outcome.report, &outcome.out_dir.display().to_string())
    );
    Ok(0)
}

fn merge(args: MergeArgs) -> Result<i32> {
    let index = zwgk::batch::index::merge(&args.inputs, &args.out, args.lang)?;
    print!("{}", index.markdown());
    println!(
        "\n{}{}",
        args.lang.pick("索引：", "index: "),
        args.out.join("index.html").display()
    );
    Ok(0)
}

fn diff(args: DiffArgs) -> Result<i32> {
    let old = run::load_report(&args.old)?;
    let new = run::load_report(&args.new)?;
    let c = zwgk::report::diff::compare(&old, &new);
    print!("{}", zwgk::report::diff::render(&c, args.format, args.lang));
    Ok(0)
}

fn main() {
    let cli = Cli::parse();
    init_tracing(cli.verbose);
    // Page parsing runs on the blocking pool: a few threads per core keep the CPUs busy;
    // hundreds of threads would only add per-thread heaps and context switches.
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
    let rt = match tokio::runtime::Builder::new_multi_thread()
        .max_blocking_threads(cores * 2)
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("zwgk: cannot start the async runtime: {e}");
            std::process::exit(1);
        }
    };
    let result = rt.block_on(async move {
        match cli.cmd {
            Cmd::Check(a) => check(*a).await,
            Cmd::Demo(a) => demo(a).await,
            Cmd::Serve(a) => serve(a).await,
            Cmd::Diff(a) => diff(a),
            Cmd::Rules(a) => rules(a),
            Cmd::History(a) => history(a),
            Cmd::Merge(a) => merge(a),
            Cmd::Probe(a) => probe(a).await,
            Cmd::Recheck(a) => recheck(a),
            Cmd::Schema => {
                print!("{}", zwgk::report::SCHEMA);
                Ok(0)
            }
        }
    });
    match result {
        Ok(code) => std::process::exit(code),
        Err(e) => {
            eprintln!("zwgk: 错误 / error: {e:#}");
            std::process::exit(1);
        }
    }
}
