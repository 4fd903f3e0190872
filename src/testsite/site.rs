//! Loading a [`SiteSource`] into per-host in-memory indexes (files, directories, routes).
//!
//! The whole tree is walked once at start, so serving never scans directories. Embedded files
//! are served straight from the binary; disk files are read on first use and cached when small.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};
use std::time::{SystemTime, UNIX_EPOCH};

use bytes::Bytes;

use super::routes::{self, Route};
use super::{SiteSource, TestSiteError};

/// Disk files up to this size are cached in memory after the first read.
const CACHE_LIMIT: u64 = 4 * 1024 * 1024;

/// Fixed `Last-Modified` for embedded files (they carry no mtime): 2026-11-20 00:00:00 GMT.
const EMBEDDED_MTIME: u64 = 1_795_132_800;

/// Where a file's bytes live.
#[derive(Debug)]
pub(crate) enum FileData {
    /// In memory (embedded).
    Mem(Bytes),
    /// On disk, with a lazily filled cache.
    Disk {
        path: PathBuf,
        cache: OnceLock<Bytes>,
    },
}

/// One servable file.
#[derive(Debug)]
pub(crate) struct FileEntry {
    pub data: FileData,
    pub len: u64,
    pub etag: String,
    pub mtime: u64,
    pub content_type: &'static str,
}

impl FileEntry {
    /// The file's bytes.
    pub async fn bytes(&self) -> std::io::Result<Bytes> {
        match &self.data {
            FileData::Mem(b) => Ok(b.clone()),
            FileData::Disk { path, cache } => {
                if let Some(b) = cache.get() {
                    return Ok(b.clone());
                }
                let b = Bytes::from(tokio::fs::read(path).await?);
                if (b.len() as u64) <= CACHE_LIMIT {
                    let _ = cache.set(b.clone());
                }
                Ok(b)
            }
        }
    }
}

/// Everything served for one host name.
#[derive(Debug, Default)]
pub(crate) struct HostSite {
    /// Decoded absolute path (`/a/b.html`) → file.
    pub files: HashMap<String, Arc<FileEntry>>,
    /// Decoded directory paths without trailing slash (`/a`, `/a/b`).
    pub dirs: HashSet<String>,
    /// Special behaviours from `_routes.toml`, in file order.
    pub routes: Vec<Route>,
}

/// Content type by file extension. HTML deliberately carries no charset.
pub(crate) fn content_type(path: &str) -> &'static str {
    let ext = path
        .rsplit('/')
        .next()
        .and_then(|name| name.rsplit_once('.'))
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "html" | "htm" | "shtml" | "jsp" | "do" | "asp" | "aspx" | "php" => "text/html",
        "css" => "text/css; charset=utf-8",
        "js" => "application/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml",
        "txt" => "text/plain; charset=utf-8",
        "pdf" => "application/pdf",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "svg" => "image/svg+xml",
        "ico" => "image/x-icon",
        "bmp" => "image/bmp",
        "mp4" => "video/mp4",
        "webm" => "video/webm",
        "flv" => "video/x-flv",
        "mp3" => "audio/mpeg",
        "wav" => "audio/wav",
        "swf" => "application/x-shockwave-flash",
        "doc" => "application/msword",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xls" => "application/vnd.ms-excel",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "wps" => "application/vnd.ms-works",
        "zip" => "application/zip",
        "rar" => "application/vnd.rar",
        "woff" => "font/woff",
        "woff2" => "font/woff2",
        _ => "application/octet-stream",
    }
}

/// FNV-1a 64-bit hash (stable across runs, for ETags).
fn fnv1a(data: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in data {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// Whether a host-relative path is internal (not served): `_routes.toml` and `_bodies/`.
fn is_hidden(rel: &str) -> bool {
    rel == "/_routes.toml" || rel.starts_with("/_bodies/")
}

/// Register all parent directories of `rel` (a `/a/b/c.html` path).
fn add_parents(dirs: &mut HashSet<String>, rel: &str) {
    let mut end = rel.len();
    while let Some(i) = rel[..end].rfind('/') {
        if i == 0 {
            break;
        }
        if !dirs.insert(rel[..i].to_string()) {
            break;
        }
        end = i;
    }
}

/// Raw material collected for a host before routes are compiled.
#[derive(Default)]
struct HostBuild {
    site: HostSite,
    /// Bytes of files under `_bodies/` and `_routes.toml`, keyed by host-relative path
    /// without leading slash.
    internal: HashMap<String, Bytes>,
}

/// Load every host of `source`.
pub(crate) async fn load(
    source: SiteSource,
) -> Result<HashMap<String, Arc<HostSite>>, TestSiteError> {
    let builds = match source {
        SiteSource::Embedded(dir) => load_embedded(dir),
        SiteSource::Disk(root) => {
            let r = root.clone();
            tokio::task::spawn_blocking(move || load_disk(&r))
                .await
                .map_err(|e| TestSiteError::Io {
                    path: root,
                    source: std::io::Error::other(e.to_string()),
                })??
        }
    };
    if builds.is_empty() {
        return Err(TestSiteError::NoSites("(空)".into()));
    }
    let mut out = HashMap::new();
    for (host, mut build) in builds {
        if let Some(toml_bytes) = build.internal.get("_routes.toml") {
            let text = String::from_utf8_lossy(toml_bytes);
            build.site.routes = routes::compile(&host, &text, &build.internal, &build.site)?;
        }
        out.insert(host, Arc::new(build.site));
    }
    Ok(out)
}

fn rel_string(path: &Path) -> String {
    let mut s = String::new();
    for c in path.components() {
        s.push('/');
        s.push_str(&c.as_os_str().to_string_lossy());
    }
    s
}

fn load_embedded(root: &'static include_dir::Dir<'static>) -> HashMap<String, HostBuild> {
    let mut hosts = HashMap::new();
    for host_dir in root.dirs() {
        let Some(name) = host_dir.path().file_name() else {
            continue;
        };
        let host = name.to_string_lossy().to_ascii_lowercase();
        let mut build = HostBuild::default();
        let mut stack = vec![host_dir];
        while let Some(dir) = stack.pop() {
            for entry in dir.entries() {
                match entry {
                    include_dir::DirEntry::Dir(d) => stack.push(d),
                    include_dir::DirEntry::File(f) => {
                        let Ok(rel) = f.path().strip_prefix(host_dir.path()) else {
                            continue;
                        };
                        let rel = rel_string(rel);
                        let bytes = Bytes::from_static(f.contents());
                        if is_hidden(&rel) {
                            build.internal.insert(rel[1..].to_string(), bytes);
                            continue;
                        }
                        add_parents(&mut build.site.dirs, &rel);
                        let entry = FileEntry {
                            len: bytes.len() as u64,
                            etag: format!("\"{:016x}\"", fnv1a(&bytes)),
                            mtime: EMBEDDED_MTIME,
                            content_type: content_type(&rel),
                            data: FileData::Mem(bytes),
                        };
                        build.site.files.insert(rel, Arc::new(entry));
                    }
                }
            }
        }
        hosts.insert(host, build);
    }
    hosts
}

fn io_err(path: &Path) -> impl FnOnce(std::io::Error) -> TestSiteError + '_ {
    move |source| TestSiteError::Io {
        path: path.to_path_buf(),
        source,
    }
}

fn load_disk(root: &Path) -> Result<HashMap<String, HostBuild>, TestSiteError> {
    let mut hosts = HashMap::new();
    for entry in std::fs::read_dir(root).map_err(io_err(root))? {
        let entry = entry.map_err(io_err(root))?;
        let host_path = entry.path();
        if !host_path.is_dir() {
            continue;
        }
        let host = entry.file_name().to_string_lossy().to_ascii_lowercase();
        let mut build = HostBuild::default();
        let mut stack = vec![host_path.clone()];
        while let Some(dir) = stack.pop() {
            for e in std::fs::read_dir(&dir).map_err(io_err(&dir))? {
                let e = e.map_err(io_err(&dir))?;
                let p = e.path();
                let meta = std::fs::metadata(&p).map_err(io_err(&p))?;
                if meta.is_dir() {
                    stack.push(p);
                    continue;
                }
                let Ok(rel) = p.strip_prefix(&host_path) else {
                    continue;
                };
                let rel = rel_string(rel);
                if is_hidden(&rel) {
                    let bytes = std::fs::read(&p).map_err(io_err(&p))?;
                    build
                        .internal
                        .insert(rel[1..].to_string(), Bytes::from(bytes));
                    continue;
                }
                add_parents(&mut build.site.dirs, &rel);
                let mtime = meta
                    .modified()
                    .unwrap_or(SystemTime::UNIX_EPOCH)
                    .duration_since(UNIX_EPOCH)
                    .map(|d| d.as_secs())
                    .unwrap_or(0);
                let entry = FileEntry {
                    len: meta.len(),
                    etag: format!("\"{:x}-{:x}\"", mtime, meta.len()),
                    mtime,
                    content_type: content_type(&rel),
                    data: FileData::Disk {
                        path: p.clone(),
                        cache: OnceLock::new(),
                    },
                };
                build.site.files.insert(rel, Arc::new(entry));
            }
        }
        hosts.insert(host, build);
    }
    if hosts.is_empty() {
        return Err(TestSiteError::NoSites(root.display().to_string()));
    }
    Ok(hosts)
}
