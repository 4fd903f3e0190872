//! `zwgk` command line: the subcommands (arguments in `cli/args.rs`, progress and Ctrl-C in
//! `cli/progress.rs`), settings merged from flags and the config file, exit codes.

use anyhow::{Context, Result, bail};
use cli::progress::Terminal;
use zwgk::events::Events;

/// mimalloc: the crawl parses pages on many threads; glibc's per-thread arenas fragment
/// badly under that load (measured: ~40 % higher peak RSS on the 20,000-page benchmark).
#[cfg_attr(not(sysalloc), global_allocator)]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod cli {
    pub mod args;
    pub mod progress;
    pub mod values;
}

use clap::Parser;
use cli::args::*;
use cli::progress::{cancel_on_ctrl_c, init_tracing, spawn_progress};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;
use zwgk::config::FileConfig;
use zwgk::crawl::{CrawlConfig, CrawlProgress};
use zwgk::fetch::{ConnectTo, FetchConfig, ResolveEntry};
use zwgk::report::formats;
use zwgk::report::{FailOn, summary};
use zwgk::run::{self, CheckOptions};
use zwgk::verify::{ExternalPolicy, VerifyConfig};

fn doc_settings(args: &CrawlArgs) -> Result<zwgk::docs::DocConfig> {
    let d = zwgk::docs::DocConfig::default();
    let positive = |v: f64, flag: &str| {
        if v.is_finite() && v > 0.0 {
            Ok(v)
        } else {
            Err(anyhow::anyhow!("{flag} must be a positive number, got {v}"))
        }
    };
    Ok(zwgk::docs::DocConfig {
        enabled: !args.no_docs,
        max_bytes: match args.max_doc_mb {
            Some(m) => (positive(m, "--max-doc-mb")? * 1024.0 * 1024.0) as u64,
            None => d.max_bytes,
        },
        max_docs: args.max_docs.unwrap_or(d.max_docs),
        timeout: match args.doc_timeout {
            Some(s) => Duration::try_from_secs_f64(positive(s, "--doc-timeout")?)
                .map_err(|_| anyhow::anyhow!("--doc-timeout is out of range: {s}"))?,
            None => d.timeout,
        },
        // set per run from --max-duration and --external
        deadline: None,
        external: true,
    })
}

fn verify_settings(args: &CrawlArgs) -> VerifyConfig {
    VerifyConfig {
        enabled: !args.no_verify,
        external: args.external,
        search_probe: !args.no_search_probe,
        ..VerifyConfig::default()
    }
}

/// `--browser`, `--chromium`/`ZWGK_CHROMIUM`, `--render-timeout`, `--tabs`: the browser to
/// start, or none (off, or no Chromium found: pages that need it are listed as not rendered).
fn browser_settings(args: &CrawlArgs) -> Result<Option<zwgk::model::BrowserSettings>> {
    use zwgk::browser::{BrowserMode, find_chromium};
    let mode: BrowserMode = args.browser.parse().map_err(anyhow::Error::msg)?;
    let render_timeout = match args.render_timeout {
        Some(v) => {
            zwgk::config::user_seconds("--render-timeout", v, 600.0).map_err(anyhow::Error::msg)?
        }
        None => Duration::from_secs(30),
    };
    if args.tabs == Some(0) {
        bail!("--tabs must be at least 1");
    }
    if mode == BrowserMode::Off {
        return Ok(None);
    }
    let executable = match find_chromium(args.chromium.as_deref()) {
        Ok(Some(p)) => p,
        Ok(None) => {
            tracing::warn!(
                "Chromium not found (--chromium PATH or ZWGK_CHROMIUM): pages that need JavaScript are checked from their HTTP answer"
            );
            return Ok(None);
        }
        Err(p) => bail!(
            "--chromium / ZWGK_CHROMIUM {}: not an executable file",
            p.display()
        ),
    };
    Ok(Some(zwgk::model::BrowserSettings {
        executable,
        tabs: args.tabs.unwrap_or(2),
        render_timeout,
        hosts: Vec::new(),
        max_body: 0,
        screenshots: args.screenshots.unwrap_or(30),
        play_pages: args.play_media.unwrap_or(20),
    }))
}

/// Merge config file and flags into fetch and crawl settings.
fn settings(args: &CrawlArgs) -> Result<(FetchConfig, CrawlConfig, FileConfig)> {
    let file = match &args.config {
        Some(p) => FileConfig::load(p)?,
        None => FileConfig::default(),
    };
    let c = &file.crawl;
    let mut fetch = FetchConfig::default();
    let mut crawl = CrawlConfig::default();
    use zwgk::config::{self as zc, user_mib, user_rate, user_seconds};
    // a value from the config file is named with the file, a flag's with the flag
    let name = |flag: &str, from_flag: bool| match (&args.config, from_flag) {
        (Some(p), false) => format!(
            "{} in {}",
            flag.trim_start_matches("--").replace('-', "_"),
            p.display()
        ),
        _ => flag.to_string(),
    };
    if let Some(v) = args.rate.or(c.rate) {
        fetch.rate =
            user_rate(&name("--rate", args.rate.is_some()), v).map_err(anyhow::Error::msg)?;
    }
    if let Some(v) = args.per_host.or(c.per_host) {
        fetch.per_host = v.max(1);
    }
    if let Some(v) = args.timeout.or(c.timeout) {
        fetch.timeout = user_seconds(
            &name("--timeout", args.timeout.is_some()),
            v,
            zc::MAX_TIMEOUT_SECS,
        )
        .map_err(anyhow::Error::msg)?;
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
    for r in c.connect_to.iter().chain(args.connect_to.iter()) {
        fetch.connect_to.push(r.parse::<ConnectTo>()?);
    }
    if let Some(v) = args.max_pages.or(c.max_pages) {
        crawl.max_pages = v;
    }
    if let Some(v) = args.sample.or(c.sample) {
        crawl.sample = v;
    }
    if let Some(v) = args.max_depth.or(c.max_depth) {
        crawl.max_depth = v;
    }
    if let Some(v) = args.concurrency.or(c.concurrency) {
        crawl.concurrency = v.max(1);
    }
    if let Some(v) = args.max_body_mb.or(c.max_body_mb) {
        crawl.max_body = user_mib(&name("--max-body-mb", args.max_body_mb.is_some()), v)
            .map_err(anyhow::Error::msg)?;
    }
    crawl.max_duration = Some(Duration::from_secs(zc::DEFAULT_MAX_DURATION_SECS));
    match args.max_duration.or(c.max_duration) {
        // 0: no time budget at all
        Some(0.0) => crawl.max_duration = None,
        Some(v) => {
            crawl.max_duration = Some(
                user_seconds(
                    &name("--max-duration", args.max_duration.is_some()),
                    v,
                    zc::MAX_DURATION_SECS,
                )
                .map_err(anyhow::Error::msg)?,
            )
        }
        None => {}
    }
    if let Some(v) = args.max_per_pattern.or(c.max_per_pattern) {
        if v == 0 {
            bail!(
                "{} must be at least 1",
                name("--max-per-pattern", args.max_per_pattern.is_some())
            );
        }
        crawl.traps.max_per_pattern = v;
    }
    crawl.extra_hosts = c.hosts.iter().chain(args.hosts.iter()).cloned().collect();
    if let Some(v) = args.platform_pages {
        crawl.sister_budget = v;
    }
    crawl.browser = browser_settings(args)?;
    Ok((fetch, crawl, file))
}

async fn check(args: CheckArgs) -> Result<i32> {
    let (fetch, crawl, file) = settings(&args.crawl)?;
    let as_of = args.eval.as_of_date()?;
    let mut packs = args.eval.rules.clone();
    if packs.is_empty() {
        packs = file.check.rules.clone();
    }
    let overrides = args.eval.overrides.clone().or(file.check.overrides.clone());
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
            kind: args.eval.kind.clone(),
            fetch: fetch.clone(),
            crawl: crawl.clone(),
            verify: verify_settings(&args.crawl),
            docs: doc_settings(&args.crawl)?,
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
            events: Events::to(Terminal),
            shared_browser: None,
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
            kind: args.eval.kind.clone(),
            fetch: fetch.clone(),
            crawl: crawl.clone(),
            verify: verify_settings(&args.crawl),
            docs: doc_settings(&args.crawl)?,
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
            events: Events::to(Terminal),
            shared_browser: None,
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
        docs: zwgk::docs::DocConfig::default(),
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
        events: Events::to(Terminal),
        shared_browser: None,
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
    let selectors = if args.rules.is_empty() {
        zwgk::rules::pack::builtin_names()
    } else {
        args.rules.clone()
    };
    let packs = zwgk::rules::load_packs(&selectors)?;
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
    if let Some(keep) = args.prune {
        let st = store.prune(keep as usize, args.site.as_deref())?;
        let mb = |b: u64| b as f64 / 1e6;
        match args.lang {
            zwgk::i18n::Lang::Zh => println!(
                "已删除 {} 次运行，保留 {} 次；数据库 {:.1} MB → {:.1} MB",
                st.runs_removed,
                st.runs_kept,
                mb(st.bytes_before),
                mb(st.bytes_after)
            ),
            zwgk::i18n::Lang::En => println!(
                "removed {} runs, kept {}; database {:.1} MB -> {:.1} MB",
                st.runs_removed,
                st.runs_kept,
                mb(st.bytes_before),
                mb(st.bytes_after)
            ),
        }
        return Ok(0);
    }
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
    for r in &args.connect_to {
        fetch.connect_to.push(r.parse::<ConnectTo>()?);
    }
    let store = zwgk::store::Store::open(&args.db)?;
    let interval = if args.interval == 0.0 {
        Duration::ZERO
    } else {
        zwgk::config::user_seconds("--interval", args.interval, zwgk::config::MAX_DURATION_SECS)
            .map_err(anyhow::Error::msg)?
    };
    let (ok, failed) = run::probe(
        &url,
        fetch,
        &store,
        args.count,
        interval,
        &Events::to(Terminal),
    )
    .await?;
    println!("{ok} ok, {failed} failed");
    Ok(0)
}

fn recheck(args: RecheckArgs) -> Result<i32> {
    let as_of = args.eval.as_of_date()?;
    let opts = CheckOptions {
        url: url::Url::parse("http://placeholder.invalid/")?,
        name: None,
        kind: args.eval.kind.clone(),
        fetch: FetchConfig::default(),
        crawl: CrawlConfig::default(),
        verify: VerifyConfig::default(),
        docs: zwgk::docs::DocConfig::default(),
        out: args.out.clone(),
        packs: args.eval.rules.clone(),
        formats: args.format.clone(),
        baseline: args.baseline.clone(),
        history: None,
        pins: Default::default(),
        not_applicable: Vec::new(),
        resume: false,
        overrides: args.eval.overrides.clone(),
        lang: args.lang,
        as_of,
        events: Events::to(Terminal),
        shared_browser: None,
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
