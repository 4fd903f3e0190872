//! Host names, each rule defined once: a host without its `www.` (`www.x.gov.cn` and
//! `x.gov.cn` are one site) and the folder name of a site's output.

use url::Url;

/// A host name without its leading `www.`.
pub fn bare_host(host: &str) -> &str {
    host.strip_prefix("www.").unwrap_or(host)
}

/// Folder name of a site's output: its host, with `_PORT` when the URL names a port.
pub fn site_folder(url: &Url) -> String {
    let host = url.host_str().unwrap_or("site");
    match url.port() {
        Some(p) => format!("{host}_{p}"),
        None => host.to_string(),
    }
}
