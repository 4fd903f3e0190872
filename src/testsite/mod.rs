//! Loopback HTTP server for fixture and demo sites.
//!
//! [`SiteServer`] serves one directory per host name from a [`SiteSource`] (the embedded
//! [`DEMO_SITES`] or a directory on disk). The request's `Host` header (port stripped,
//! lower-cased) selects the host directory. Static files get `ETag`/`Last-Modified`
//! validators, `304` answers and single `Range` requests (`206`). HTML is served as
//! `text/html` without a charset so that `<meta>` charset detection is exercised.
//!
//! Each host may carry a `_routes.toml` describing special behaviours (delays, status codes,
//! redirects, WAF challenge bodies, oversized or trickled bodies, crawler traps); see
//! [`routes`] for the format. Every request is recorded in memory ([`SiteServer::requests`])
//! so tests can assert on politeness, validators and ranges.
//!
//! Used by `zwgk demo`, `zwgk serve`, the integration tests and the crawl benchmark. It only
//! ever binds the address it is given (normally `127.0.0.1:0`).

pub mod generate;
mod httpdate;
pub mod routes;
mod search;
mod server;
mod site;

#[cfg(test)]
mod tests;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use tokio::sync::watch;
use tokio::task::JoinHandle;

/// The bundled demo government site(s): one directory per host name.
pub static DEMO_SITES: include_dir::Dir<'static> =
    include_dir::include_dir!("$CARGO_MANIFEST_DIR/tests/sites/demo");

/// Where the served sites come from.
#[derive(Debug, Clone)]
pub enum SiteSource {
    /// A directory tree compiled into the binary (served from memory).
    Embedded(&'static include_dir::Dir<'static>),
    /// A directory on disk, indexed once at start; file bodies are read on first use and cached.
    Disk(PathBuf),
}

/// One request seen by the server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestRecord {
    /// Host name from the `Host` header (port stripped, lower-cased).
    pub host: String,
    /// HTTP method (`GET`, `HEAD`, …).
    pub method: String,
    /// Path plus query, as sent (still percent-encoded).
    pub path: String,
    /// Arrival time in milliseconds since the server started.
    pub at_ms: u64,
    /// Status code answered.
    pub status: u16,
    /// `User-Agent` request header.
    pub user_agent: Option<String>,
    /// `Range` request header.
    pub range: Option<String>,
    /// `If-None-Match` request header.
    pub if_none_match: Option<String>,
    /// `If-Modified-Since` request header.
    pub if_modified_since: Option<String>,
    /// `Cookie` request header.
    pub cookie: Option<String>,
}

/// Errors while loading sites or starting the server.
#[derive(Debug, thiserror::Error)]
pub enum TestSiteError {
    /// Reading the site directory failed.
    #[error("读取站点文件失败 {path}: {source}")]
    Io {
        /// The file or directory concerned.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// The source root holds no host directory.
    #[error("站点目录中没有任何主机目录: {0}")]
    NoSites(String),
    /// A `_routes.toml` file could not be parsed.
    #[error("主机 {host} 的 _routes.toml 解析失败: {source}")]
    Routes {
        /// Host whose routes failed.
        host: String,
        /// The TOML error.
        #[source]
        source: Box<toml::de::Error>,
    },
    /// A route entry is inconsistent (unknown trap, bad header, missing body file…).
    #[error("主机 {host} 的路由 {path} 无效: {message}")]
    InvalidRoute {
        /// Host of the route.
        host: String,
        /// The route's `path`.
        path: String,
        /// What is wrong.
        message: String,
    },
    /// Binding the listening socket failed.
    #[error("无法监听 {addr}: {source}")]
    Bind {
        /// Requested address.
        addr: SocketAddr,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
}

/// A running fixture server. Dropping it stops accepting connections; prefer
/// [`SiteServer::shutdown`] to also wait for the accept loop to end.
pub struct SiteServer {
    addr: SocketAddr,
    state: Arc<server::State>,
    shutdown_tx: watch::Sender<bool>,
    task: JoinHandle<()>,
}

impl std::fmt::Debug for SiteServer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SiteServer")
            .field("addr", &self.addr)
            .field("hosts", &self.hosts())
            .finish()
    }
}

impl SiteServer {
    /// Load the sites and start serving on `bind` (use `127.0.0.1:0` for a free port).
    pub async fn start(source: SiteSource, bind: SocketAddr) -> Result<SiteServer, TestSiteError> {
        let sites = site::load(source).await?;
        let listener = tokio::net::TcpListener::bind(bind)
            .await
            .map_err(|source| TestSiteError::Bind { addr: bind, source })?;
        let addr = listener
            .local_addr()
            .map_err(|source| TestSiteError::Bind { addr: bind, source })?;
        let state = Arc::new(server::State::new(sites));
        let (shutdown_tx, shutdown_rx) = watch::channel(false);
        let task = tokio::spawn(server::accept_loop(listener, state.clone(), shutdown_rx));
        tracing::debug!(%addr, hosts = ?state.host_names(), "fixture server started");
        Ok(SiteServer {
            addr,
            state,
            shutdown_tx,
            task,
        })
    }

    /// The bound address (with the real port when started on port 0).
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// A copy of every request recorded so far, in arrival order.
    pub fn requests(&self) -> Vec<RequestRecord> {
        self.state.records()
    }

    /// Host names served (the directory names of the source root), sorted.
    pub fn hosts(&self) -> Vec<String> {
        self.state.host_names()
    }

    /// Stop accepting, let in-flight requests finish (bounded grace period), and wait.
    pub async fn shutdown(self) {
        let _ = self.shutdown_tx.send(true);
        let _ = self.task.await;
    }
}
