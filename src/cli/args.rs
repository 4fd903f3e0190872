//! Command-line arguments (clap): every subcommand and option, with its help text.

use super::values;
use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;
use zwgk::i18n::Lang;
use zwgk::report::FailOn;
use zwgk::report::diff::DiffFormat;
use zwgk::report::formats::Format;
use zwgk::verify::ExternalPolicy;

#[derive(Parser)]
#[command(
    name = "zwgk",
    version,
    about = "政务公开合规检查爬虫 / government-openness compliance crawler for Chinese government websites"
)]
pub struct Cli {
    /// More log output (-v info, -vv debug); RUST_LOG overrides.
    #[arg(short, long, action = clap::ArgAction::Count, global = true)]
    pub verbose: u8,
    #[command(subcommand)]
    pub cmd: Cmd,
}

#[derive(Subcommand)]
pub enum Cmd {
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
pub struct RulesArgs {
    #[command(subcommand)]
    pub cmd: RulesCmd,
    /// Rule pack name or rule file (repeatable) [default: the built-in packs]
    #[arg(long = "rules", value_name = "PACK|FILE", global = true)]
    pub rules: Vec<String>,
    #[arg(long, value_parser = values::lang(), default_value = "zh", global = true)]
    pub lang: Lang,
}

#[derive(Subcommand)]
pub enum RulesCmd {
    /// List every check with its ID, title, office and severity.
    List,
    /// Print a check's requirement text, how it is checked and how to fix a failure.
    Explain {
        /// Check ID, e.g. ZW-P05
        id: String,
    },
}

#[derive(Args)]
pub struct HistoryArgs {
    /// Site host (as in the report folder), e.g. www.xsq.cq.gov.cn; omit to list the sites
    pub site: Option<String>,
    /// Delete all but the newest KEEP runs of the site (of every site when no SITE is given),
    /// then compact the file; the page cache and the probes are kept
    #[arg(long, value_name = "KEEP", value_parser = clap::value_parser!(u32).range(1..))]
    pub prune: Option<u32>,
    #[arg(long, value_name = "FILE", default_value = "reports/zwgk.db")]
    pub db: PathBuf,
    #[arg(long, value_parser = values::lang(), default_value = "zh")]
    pub lang: Lang,
}

/// How the checks are evaluated (`check` and `recheck`).
#[derive(Args)]
pub struct EvalArgs {
    /// Rule pack name or rule file (repeatable) [default: cq-wlw-2021, gov-2019 and nb-2021]
    #[arg(long = "rules", value_name = "PACK|FILE")]
    pub rules: Vec<String>,
    /// Per-site overrides file (pinned column URLs, not-applicable checks)
    #[arg(long, value_name = "FILE")]
    pub overrides: Option<PathBuf>,
    /// Site kind: 区县, 部门 or 门户
    #[arg(long)]
    pub kind: Option<String>,
    /// Evaluate date-based rules as of this date (YYYY-MM-DD) [default: today]
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,
}

impl EvalArgs {
    /// `--as-of` as a date.
    pub fn as_of_date(&self) -> anyhow::Result<Option<jiff::civil::Date>> {
        use anyhow::Context;
        self.as_of
            .as_deref()
            .map(|d| {
                d.parse::<jiff::civil::Date>()
                    .with_context(|| format!("--as-of {d:?} is not a date like 2026-11-27"))
            })
            .transpose()
    }
}

#[derive(Args)]
pub struct RecheckArgs {
    /// site-graph.json written by an earlier `zwgk check`
    pub graph: PathBuf,
    /// Output folder [default: the graph's folder]
    #[arg(long)]
    pub out: Option<PathBuf>,
    #[command(flatten)]
    pub eval: EvalArgs,
    /// Compare with an earlier report.json
    #[arg(long, value_name = "REPORT.JSON")]
    pub baseline: Option<PathBuf>,
    /// Report files to write, comma-separated (report.json is always written)
    #[arg(long, value_parser = values::format(), value_delimiter = ',', default_values = values::FORMATS)]
    pub format: Vec<Format>,
    #[arg(long, value_parser = values::lang(), default_value = "zh")]
    pub lang: Lang,
}

#[derive(Args)]
pub struct ProbeArgs {
    /// Home page URL
    pub url: String,
    /// Probes to make now
    #[arg(long, default_value_t = 1)]
    pub count: usize,
    /// Seconds between probes
    #[arg(long, default_value_t = 60.0)]
    pub interval: f64,
    #[arg(long, value_name = "FILE", default_value = "reports/zwgk.db")]
    pub db: PathBuf,
    /// Map HOST:PORT to ADDR like curl --resolve (repeatable)
    #[arg(long, value_name = "HOST:PORT:ADDR")]
    pub resolve: Vec<String>,
    /// Send requests for HOST1:PORT1 to HOST2:PORT2 like curl --connect-to (repeatable)
    #[arg(long = "connect-to", value_name = "HOST1:PORT1:HOST2:PORT2")]
    pub connect_to: Vec<String>,
    /// Refuse DNS lookups: only hosts given with --resolve are reachable
    #[arg(long)]
    pub no_dns: bool,
}

#[derive(Args)]
pub struct MergeArgs {
    /// Folders (or index.json files) written by `check --sites … --shard I/N`
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// Folder for the merged index
    #[arg(long)]
    pub out: PathBuf,
    #[arg(long, value_parser = values::lang(), default_value = "zh")]
    pub lang: Lang,
}

#[derive(Args)]
pub struct DiffArgs {
    /// The older report.json
    pub old: PathBuf,
    /// The newer report.json
    pub new: PathBuf,
    #[arg(long, value_parser = values::diff_format(), default_value = "text")]
    pub format: DiffFormat,
    #[arg(long, value_parser = values::lang(), default_value = "zh")]
    pub lang: Lang,
}

#[derive(Args, Clone)]
pub struct CrawlArgs {
    /// Map HOST:PORT to ADDR like curl --resolve (repeatable; host and port must both match), e.g. www.x.gov.cn:80:10.0.0.5
    #[arg(long, value_name = "HOST:PORT:ADDR")]
    pub resolve: Vec<String>,
    /// Send requests for HOST1:PORT1 to HOST2:PORT2 like curl --connect-to (repeatable; an empty field matches any / keeps the request's): the URL and Host header stay the production ones, so a staging server is checked under the production URLs, e.g. --connect-to www.x.gov.cn:443:10.0.0.5:8443
    #[arg(long = "connect-to", value_name = "HOST1:PORT1:HOST2:PORT2")]
    pub connect_to: Vec<String>,
    /// Refuse DNS lookups: only hosts given with --resolve or --connect-to to an address are reachable.
    #[arg(long)]
    pub no_dns: bool,
    /// Config file (TOML) with [crawl] and [check] sections; flags override it.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Most pages to fetch per site [default: 5000]
    #[arg(long)]
    pub max_pages: Option<usize>,
    /// Articles per list page fetched early, newest first, for the checks that sample
    /// articles (the crawl fetches required columns first, then list pages, then these
    /// samples, then the rest) [default: 5]
    #[arg(long, value_name = "N")]
    pub sample: Option<usize>,
    /// Most clicks from the home page [default: 10]
    #[arg(long)]
    pub max_depth: Option<u32>,
    /// Requests per second per host, 0 = unlimited [default: 3]
    #[arg(long)]
    pub rate: Option<f64>,
    /// Concurrent requests per host [default: 2]
    #[arg(long)]
    pub per_host: Option<usize>,
    /// Requests in flight overall [default: 8]
    #[arg(long)]
    pub concurrency: Option<usize>,
    /// Seconds per request [default: 30]
    #[arg(long)]
    pub timeout: Option<f64>,
    /// Retries of transient failures [default: 2]
    #[arg(long)]
    pub retries: Option<u32>,
    /// HTML body cap in MiB [default: 10]
    #[arg(long)]
    pub max_body_mb: Option<f64>,
    /// Time budget of one site's whole run (crawl, verification, checks) in seconds; when it
    /// runs out the report is written with what was done (0 = no budget) [default: 7200]
    #[arg(long)]
    pub max_duration: Option<f64>,
    /// Trap guard: most URLs per pattern (one query value or path segment varying, a
    /// calendar, a "next page" chain) [default: 50]
    #[arg(long, value_name = "N")]
    pub max_per_pattern: Option<u32>,
    /// Extra host in scope besides the start host (repeatable)
    #[arg(long = "host", value_name = "HOST")]
    pub hosts: Vec<String>,
    /// Pages a disclosure platform on a sister host (xxgk.X.gov.cn beside www.X.gov.cn, same registrable domain) may use; 0 = do not follow [default: 500]
    #[arg(long, value_name = "N")]
    pub platform_pages: Option<usize>,
    /// User-Agent header [default: zwgk/VERSION (…)]
    #[arg(long)]
    pub user_agent: Option<String>,
    /// Ignore robots.txt (for a site team checking its own site)
    #[arg(long)]
    pub ignore_robots: bool,
    /// Links and media on other hosts: check (request them) or skip (list as not verified)
    #[arg(long, value_parser = values::external(), default_value = "check")]
    pub external: ExternalPolicy,
    /// Skip the verification of media, attachments and links
    #[arg(long)]
    pub no_verify: bool,
    /// Do not try the site's search (GOV-D04 then checks only that a search box exists);
    /// by default a crawled article's title is searched through the site's own search form
    #[arg(long)]
    pub no_search_probe: bool,
    /// Render pages that need JavaScript (script-built menus and lists, data-API list
    /// containers, WAF challenges) in headless Chromium: auto = when Chromium is found, off =
    /// never (such pages are checked from their HTTP answer and their checks say warn)
    #[arg(long, value_name = "auto|off", default_value = "auto")]
    pub browser: String,
    /// The Chromium executable [default: /usr/bin/chromium, else chromium on the PATH]
    #[arg(long, value_name = "PATH", env = "ZWGK_CHROMIUM")]
    pub chromium: Option<PathBuf>,
    /// Time limit of one page render in seconds [default: 30]
    #[arg(long, value_name = "S")]
    pub render_timeout: Option<f64>,
    /// Pages rendered at once (tabs of the one browser process) [default: 2]
    #[arg(long, value_name = "N")]
    pub tabs: Option<usize>,
    /// Screenshots (PNG, in screenshots/) of the pages that failing checks name, at most N
    /// per site; 0 = none [default: 30]
    #[arg(long, value_name = "N")]
    pub screenshots: Option<usize>,
    /// Pages whose images, videos and audio are played in the browser (lazy and
    /// preload="none" elements loaded, script players and same-origin player frames
    /// included), at most N per site, pages with video or audio first; 0 = none [default: 20]
    #[arg(long, value_name = "N")]
    pub play_media: Option<usize>,
    /// Attachment (PDF, DOCX, DOC, WPS, XLSX, XLS, ET) download cap in MiB; larger files are reported undecodable [default: 20]
    #[arg(long, value_name = "MB")]
    pub max_doc_mb: Option<f64>,
    /// Most attachments read per site (年报, 解读, 预决算 attachments first) [default: 100]
    #[arg(long, value_name = "N")]
    pub max_docs: Option<usize>,
    /// Seconds a document parser may run before the document is reported undecodable [default: 30]
    #[arg(long, value_name = "S")]
    pub doc_timeout: Option<f64>,
    /// Do not download and read attachments (outline and 年报 checks then warn)
    #[arg(long)]
    pub no_docs: bool,
}

#[derive(Args)]
#[command(after_help = "\
Before a redesign goes live (staging under the production URLs, compared with production):
  zwgk check https://www.x.gov.cn/ --out out/production --format json
  zwgk check https://www.x.gov.cn/ --connect-to www.x.gov.cn:443:10.0.0.5:8443 \\
       --out out/staging --baseline out/production/report.json --fail-on new
--baseline adds the ci-redesign checks (CI-01 old URLs still answer, CI-02 old columns still
there, CI-03 column items not reduced; needs site-graph.json beside the baseline report);
--fail-on new exits 2 when one fails or any check fails that did not fail in production.")]
pub struct CheckArgs {
    /// Start URL(s): each site's home page
    #[arg(required_unless_present = "sites")]
    pub urls: Vec<String>,
    /// Site list (TOML with [[site]] tables, or CSV with name,url,kind,resolve): check them all and write an index
    #[arg(long, value_name = "FILE", conflicts_with = "urls")]
    pub sites: Option<PathBuf>,
    /// Sites checked at the same time with --sites (each host keeps its own politeness limits)
    #[arg(long, default_value_t = 4)]
    pub parallel_sites: usize,
    /// Take only shard I of N of the site list (1-based, e.g. 2/5), for several machines
    #[arg(long, value_name = "I/N", requires = "sites")]
    pub shard: Option<String>,
    /// History database (SQLite) for conditional re-crawls, trends and "new since last run"
    #[arg(long, value_name = "FILE", default_value = "reports/zwgk.db")]
    pub db: PathBuf,
    /// Do not read or write the history database
    #[arg(long)]
    pub no_history: bool,
    /// Continue an interrupted crawl (Ctrl-C, crash, reboot) from the state saved in the output folder
    #[arg(long)]
    pub resume: bool,
    #[command(flatten)]
    pub crawl: CrawlArgs,
    /// Output folder [default: reports/<host>/<YYYY-MM-DD>/]; with several URLs, one sub-folder per host
    #[arg(long)]
    pub out: Option<PathBuf>,
    #[command(flatten)]
    pub eval: EvalArgs,
    /// Site name for the report
    #[arg(long)]
    pub name: Option<String>,
    /// Language of messages and reports
    #[arg(long, value_parser = values::lang(), default_value = "zh")]
    pub lang: Lang,
    /// Report files to write, comma-separated (report.json is always written)
    #[arg(long, value_parser = values::format(), value_delimiter = ',', default_values = values::FORMATS)]
    pub format: Vec<Format>,
    /// Compare with an earlier report.json (adds new/fixed/unchanged to the report)
    #[arg(long, value_name = "REPORT.JSON")]
    pub baseline: Option<PathBuf>,
    /// Exit with code 2 when a check fails at or above this severity (new: only failures not in --baseline, or else not in the site's last run in the history database)
    #[arg(long, value_parser = values::fail_on(), default_value = "none")]
    pub fail_on: FailOn,
}

#[derive(Args)]
pub struct DemoArgs {
    /// Output folder
    #[arg(long, default_value = "reports/demo")]
    pub out: PathBuf,
    /// Port to serve the demo site on (0 = any free port)
    #[arg(long, default_value_t = 0)]
    pub port: u16,
    /// Keep serving the demo site after the check (browse it at the printed address)
    #[arg(long)]
    pub keep_serving: bool,
    #[arg(long, value_parser = values::lang(), default_value = "zh")]
    pub lang: Lang,
}

#[derive(Args)]
pub struct ServeArgs {
    /// Folder with one sub-folder per host name; default: the bundled demo site
    #[arg(long)]
    pub dir: Option<PathBuf>,
    #[arg(long, default_value_t = 8080)]
    pub port: u16,
}
