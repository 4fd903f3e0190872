//! The reqwest client: rustls with bundled Mozilla roots, cookie jar (some WAFs answer with
//! a cookie-setting redirect), no automatic redirects (the fetcher records the chain); the
//! resolver is the route's (`--resolve`, `--connect-to`, `--no-dns`: see [`super::route`]).
//! Certificate failures are recorded per host, not fatal ([`super::tls`]).

use super::tls::{RecordingVerifier, TlsLog};
use super::{FetchConfig, FetchSetupError};
use reqwest::dns::Resolve;
use std::net::IpAddr;
use std::sync::Arc;
use thiserror::Error;

/// One `--resolve HOST:PORT:ADDR` mapping.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResolveEntry {
    pub host: String,
    pub port: u16,
    pub addr: IpAddr,
}

/// A malformed `--resolve` value.
#[derive(Debug, Error, PartialEq)]
#[error(
    "invalid --resolve value {value:?}: expected HOST:PORT:ADDR, e.g. www.example.gov.cn:80:127.0.0.1 ({reason})"
)]
pub struct ResolveParseError {
    pub value: String,
    pub reason: String,
}

impl std::str::FromStr for ResolveEntry {
    type Err = ResolveParseError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = |reason: &str| ResolveParseError {
            value: s.to_string(),
            reason: reason.to_string(),
        };
        let mut parts = s.splitn(3, ':');
        let host = parts
            .next()
            .filter(|h| !h.is_empty())
            .ok_or_else(|| err("missing host"))?;
        let port = parts
            .next()
            .ok_or_else(|| err("missing port"))?
            .parse::<u16>()
            .map_err(|_| err("port is not a number"))?;
        let addr_text = parts.next().ok_or_else(|| err("missing address"))?;
        let addr_text = addr_text.trim_start_matches('[').trim_end_matches(']');
        let addr = addr_text
            .parse::<IpAddr>()
            .map_err(|_| err("address is not an IP address"))?;
        Ok(ResolveEntry {
            host: host.to_ascii_lowercase(),
            port,
            addr,
        })
    }
}

/// TLS: the bundled Mozilla roots, checked by a verifier that records certificate
/// problems per host instead of refusing the connection (see [`super::tls`]).
fn tls_config(log: &TlsLog) -> Result<rustls::ClientConfig, FetchSetupError> {
    let provider = Arc::new(rustls::crypto::aws_lc_rs::default_provider());
    let mut roots = rustls::RootCertStore::empty();
    for c in webpki_root_certs::TLS_SERVER_ROOT_CERTS {
        let _ = roots.add(c.clone());
    }
    let webpki = rustls::client::WebPkiServerVerifier::builder_with_provider(
        Arc::new(roots),
        provider.clone(),
    )
    .build()
    .map_err(|e| FetchSetupError::Tls(e.to_string()))?;
    let mut config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| FetchSetupError::Tls(e.to_string()))?
        .dangerous()
        .with_custom_certificate_verifier(Arc::new(RecordingVerifier::new(webpki, log.clone())))
        .with_no_client_auth();
    config.alpn_protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec()];
    Ok(config)
}

/// Build one HTTP client of the run around a resolver (see [`super::route`]: one client
/// per destination, all sharing the run's cookie jar).
pub fn build(
    cfg: &FetchConfig,
    resolver: Arc<dyn Resolve>,
    jar: Arc<reqwest::cookie::Jar>,
    tls_log: &TlsLog,
) -> Result<reqwest::Client, FetchSetupError> {
    let client = reqwest::Client::builder()
        .user_agent(cfg.user_agent.clone())
        .connect_timeout(cfg.connect_timeout)
        .redirect(reqwest::redirect::Policy::none())
        .cookie_provider(jar)
        .tls_backend_preconfigured(tls_config(tls_log)?)
        .pool_max_idle_per_host(cfg.per_host.max(1) * 2)
        .dns_resolver(resolver)
        .build()?;
    Ok(client)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_resolve_like_curl() {
        let e: ResolveEntry = "www.Example.gov.cn:8080:127.0.0.1".parse().unwrap();
        assert_eq!(e.host, "www.example.gov.cn");
        assert_eq!(e.port, 8080);
        assert_eq!(e.addr, "127.0.0.1".parse::<IpAddr>().unwrap());
        let v6: ResolveEntry = "h.gov.cn:443:[::1]".parse().unwrap();
        assert_eq!(v6.addr, "::1".parse::<IpAddr>().unwrap());
        assert!("h.gov.cn:80".parse::<ResolveEntry>().is_err());
        assert!("h.gov.cn:x:127.0.0.1".parse::<ResolveEntry>().is_err());
        assert!("h.gov.cn:80:not-an-ip".parse::<ResolveEntry>().is_err());
    }
}
