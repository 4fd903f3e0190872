//! Document stage: the attachments linked from the crawled pages (PDF, DOCX, DOC, WPS,
//! XLSX, XLS, ET — by extension, by content type, and confirmed by magic bytes) are
//! downloaded through the same polite fetcher and read into text lines and tables, so
//! that a document counts as its article's content in the checks.
//!
//! Bounds: `max_bytes` per document (streamed: the download stops there and the document
//! is `undecodable`), `max_docs` per site (attachments of disclosure columns first), a
//! deadline per document (the parser runs on the blocking pool; past the deadline it is
//! abandoned and reported), zip-bomb caps before inflating ([`zipguard`]), bounded rows,
//! cells and glyphs, and parser panics caught. A PDF with pages but no text layer is
//! [`DocStatus::ImageOnly`] (图片型PDF).
//!
//! One file per format: [`pdf`], [`docx`], [`ole`] (DOC/WPS), [`sheet`] (XLSX/XLS/ET);
//! [`sniff`] decides the format, [`crate::extract::grid`] resolves merged cells.

pub mod docx;
pub mod error;
pub mod ole;
pub mod pdf;
pub mod select;
pub mod sheet;
pub mod sniff;
pub mod zipguard;

pub use error::DocError;
// The document types live in the model layer; re-exported here.
pub use crate::model::{DocFormat, DocStatus, Document, Extracted, Table};

use crate::fetch::{FetchOpts, Fetcher};
use crate::model::{SiteGraph, UrlId};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Semaphore;
use tokio::task::JoinSet;
use url::Url;

/// Tables kept per document.
pub const MAX_TABLES: usize = 40;
/// Heading-like lines kept per document.
pub const MAX_HEADINGS: usize = 300;
/// A heading-like line has at most this many characters.
const HEADING_CHARS: usize = 40;
/// A PDF with fewer visible characters than this has no usable text layer.
const MIN_TEXT_CHARS: usize = 20;
/// Downloads in flight at once (the fetcher's per-host gates still apply).
const DOWNLOADS: usize = 4;
/// Parsers running at once (CPU-bound, on the blocking pool).
const PARSERS: usize = 2;

/// Settings of the document stage.
#[derive(Debug, Clone)]
pub struct DocConfig {
    pub enabled: bool,
    /// bytes per document (`--max-doc-mb`)
    pub max_bytes: u64,
    /// documents per site (`--max-docs`)
    pub max_docs: usize,
    /// parser deadline per document (`--doc-timeout`)
    pub timeout: Duration,
    /// the run's time budget (`--max-duration`): documents not read by then are skipped
    /// and listed as not checked
    pub deadline: Option<tokio::time::Instant>,
    /// read attachments on other hosts too (`--external check`); with `--external skip`
    /// they are listed as not read and never requested
    pub external: bool,
}

impl Default for DocConfig {
    fn default() -> Self {
        DocConfig {
            enabled: true,
            max_bytes: 20 * 1024 * 1024,
            max_docs: 100,
            timeout: Duration::from_secs(30),
            deadline: None,
            external: true,
        }
    }
}

/// Parse bytes already in memory (no deadline; panics caught). `ext` is the URL's
/// extension, lower-case, without the dot.
pub fn parse(bytes: &[u8], ext: &str) -> (DocFormat, Result<Extracted, DocError>) {
    let run = || {
        let format = sniff::detect(bytes, ext);
        let r = match format {
            DocFormat::Pdf => pdf::read(bytes),
            DocFormat::Docx => docx::read(bytes),
            DocFormat::Doc | DocFormat::Wps => ole::read_word(bytes),
            DocFormat::Xlsx | DocFormat::Xls | DocFormat::Et => sheet::read(bytes, format),
            DocFormat::Other => Err(DocError::Unsupported(if bytes.is_empty() {
                "空文件".into()
            } else {
                "文件头不是 PDF/OOXML/OLE2 文档".into()
            })),
        };
        (format, r)
    };
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(run)) {
        Ok(r) => r,
        Err(p) => (
            sniff::from_extension(ext),
            Err(DocError::Panicked(
                p.downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| p.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "panic".into()),
            )),
        ),
    }
}

/// Is this line heading-like: short, or numbered (一、 （一） 1. 第…部分)?
pub fn heading_like(line: &str) -> bool {
    let t = line.trim();
    let n = t.chars().count();
    if n == 0 {
        return false;
    }
    if n <= HEADING_CHARS {
        return true;
    }
    let first: String = t.chars().take(4).collect();
    first.contains('、') || t.starts_with(['（', '(']) || t.starts_with('第')
}

/// The document record for parsed bytes.
pub fn document(
    url: UrlId,
    bytes: u64,
    format: DocFormat,
    r: Result<Extracted, DocError>,
) -> Document {
    let mut d = Document {
        url,
        format,
        status: DocStatus::Undecodable,
        detail: String::new(),
        bytes,
        pages: None,
        text_chars: 0,
        title: None,
        headings: Vec::new(),
        tables: Vec::new(),
    };
    match r {
        Err(e) => d.detail = e.to_string(),
        Ok(x) => {
            d.pages = x.pages;
            d.text_chars = x
                .lines
                .iter()
                .map(|l| l.chars().filter(|c| !c.is_whitespace()).count())
                .sum();
            d.title = x
                .lines
                .iter()
                .find(|l| l.chars().filter(|c| !c.is_whitespace()).count() >= 2)
                .map(|l| l.chars().take(80).collect());
            d.headings = x
                .lines
                .iter()
                .filter(|l| heading_like(l))
                .take(MAX_HEADINGS)
                .cloned()
                .collect();
            d.tables = x.tables;
            // scanned pages: (almost) no text, and images to carry the pages
            // (no text at all is not searchable either way)
            let scanned = d.text_chars == 0 || x.images.is_none_or(|n| n > 0);
            if format == DocFormat::Pdf && d.text_chars < MIN_TEXT_CHARS && scanned {
                d.status = DocStatus::ImageOnly;
                d.detail = format!(
                    "图片型PDF：{} 页，没有文字层（{} 个字符），无法检索",
                    d.pages.unwrap_or(0),
                    d.text_chars
                );
            } else {
                d.status = DocStatus::Read;
                d.detail = format!("已读取 {} 个字符、{} 个表格", d.text_chars, d.tables.len());
            }
        }
    }
    d
}

/// Download one attachment within the bounds and read it.
async fn read_one(
    fetcher: Arc<Fetcher>,
    id: UrlId,
    url: Url,
    cfg: DocConfig,
    parsers: Arc<Semaphore>,
) -> Document {
    let ext = crate::extract::urls::extension(&url).unwrap_or_default();
    let failed = |detail: String| Document {
        url: id,
        format: sniff::from_extension(&ext),
        status: DocStatus::FetchFailed,
        detail,
        bytes: 0,
        pages: None,
        text_chars: 0,
        title: None,
        headings: Vec::new(),
        tables: Vec::new(),
    };
    let opts = FetchOpts {
        max_body: cfg.max_bytes,
        ..Default::default()
    };
    let f = match fetcher.fetch(&url, &opts).await {
        Ok(f) => f,
        Err(e) => return failed(format!("下载失败（{:?}）：{}", e.class, e.message)),
    };
    if !(200..300).contains(&f.status) {
        return failed(format!("下载失败：HTTP {}", f.status));
    }
    let n = f.body.len() as u64;
    if f.truncated || f.total_len.is_some_and(|t| t > cfg.max_bytes) {
        let mut d = failed(format!(
            "文件超过 --max-doc-mb 上限（{} MB），未读取",
            cfg.max_bytes / (1024 * 1024)
        ));
        d.status = DocStatus::Undecodable;
        d.bytes = n;
        return d;
    }
    let Ok(_permit) = parsers.acquire_owned().await else {
        return failed("内部错误".into());
    };
    let body = f.body.clone();
    let ext_task = ext.clone();
    let task = tokio::task::spawn_blocking(move || parse(&body, &ext_task));
    match tokio::time::timeout(cfg.timeout, task).await {
        Ok(Ok((format, r))) => document(id, n, format, r),
        Ok(Err(e)) => {
            let mut d = failed(format!("解析器异常终止：{e}"));
            d.status = DocStatus::Undecodable;
            d.bytes = n;
            d
        }
        Err(_) => {
            let mut d = failed(format!(
                "解析超时（超过 {} 秒），已放弃",
                cfg.timeout.as_secs()
            ));
            d.status = DocStatus::Undecodable;
            d.bytes = n;
            d
        }
    }
}

/// Why a document was not read when the time budget ended.
const TIME_BUDGET: &str = "未读取：时间预算用完（--max-duration）";

/// Read the site's attachments into `graph.documents`.
pub async fn read_documents(
    fetcher: Arc<Fetcher>,
    graph: &mut SiteGraph,
    cfg: &DocConfig,
    cancel: Option<tokio::sync::watch::Receiver<bool>>,
) {
    let cancelled = || cancel.as_ref().is_some_and(|c| *c.borrow());
    let started = std::time::Instant::now();
    let (chosen, over) = select::attachments(graph, cfg.max_docs);
    let parsers = Arc::new(Semaphore::new(PARSERS));
    let mut set: JoinSet<Document> = JoinSet::new();
    let mut docs: Vec<Document> = Vec::new();
    fn skipped(id: UrlId, why: &str) -> Document {
        Document {
            url: id,
            format: DocFormat::Other,
            status: DocStatus::Skipped,
            detail: why.to_string(),
            bytes: 0,
            pages: None,
            text_chars: 0,
            title: None,
            headings: Vec::new(),
            tables: Vec::new(),
        }
    }
    let out_of_time = || {
        cfg.deadline
            .is_some_and(|d| tokio::time::Instant::now() >= d)
    };
    let mut timed_out: Vec<UrlId> = Vec::new();
    let site_hosts = graph.site_hosts();
    let mut queue = chosen.into_iter();
    while let Some(id) = queue.next() {
        if out_of_time() {
            timed_out.push(id);
            timed_out.extend(queue.by_ref());
            break;
        }
        if cancelled() {
            docs.push(skipped(id, "未读取：检查被中断（Ctrl-C）"));
            docs.extend(
                queue
                    .by_ref()
                    .map(|id| skipped(id, "未读取：检查被中断（Ctrl-C）")),
            );
            break;
        }
        let Ok(url) = Url::parse(graph.url(id)) else {
            docs.push(skipped(id, "未读取：URL 无效"));
            continue;
        };
        if !cfg.external
            && url
                .host_str()
                .is_none_or(|h| !site_hosts.contains(crate::model::graph::bare_host(h)))
        {
            docs.push(skipped(id, "未读取：外部附件（--external skip）"));
            continue;
        }
        while set.len() >= DOWNLOADS {
            if let Some(Ok(d)) = set.join_next().await {
                docs.push(d);
            }
        }
        let one = read_one(fetcher.clone(), id, url, cfg.clone(), parsers.clone());
        let deadline = cfg.deadline;
        set.spawn(async move {
            match deadline {
                // a download or parse still running when the time budget ends is dropped
                Some(d) => tokio::time::timeout_at(d, one)
                    .await
                    .unwrap_or_else(|_| skipped(id, TIME_BUDGET)),
                None => one.await,
            }
        });
    }
    while let Some(r) = set.join_next().await {
        if let Ok(d) = r {
            docs.push(d);
        }
    }
    docs.extend(timed_out.into_iter().map(|id| skipped(id, TIME_BUDGET)));
    let late: Vec<UrlId> = docs
        .iter()
        .filter(|d| d.status == DocStatus::Skipped && d.detail == TIME_BUDGET)
        .map(|d| d.url)
        .collect();
    if !late.is_empty() {
        tracing::warn!(
            not_read = late.len(),
            "time budget used up while reading documents"
        );
        graph.stop_reason = Some(crate::model::StopReason::TimeBudget);
        for id in late.into_iter().take(crate::crawl::MAX_NOT_CHECKED) {
            graph.not_checked.push(crate::model::NotChecked {
                url: id,
                stage: "docs".into(),
                reason: crate::model::StopReason::TimeBudget,
            });
        }
    }
    for id in over {
        docs.push(skipped(
            id,
            &format!("未读取：超出每站附件数上限（--max-docs {}）", cfg.max_docs),
        ));
    }
    docs.sort_by_key(|d| d.url);
    tracing::info!(
        documents = docs.len(),
        elapsed_ms = started.elapsed().as_millis() as u64,
        "documents read"
    );
    graph.documents = docs;
}
