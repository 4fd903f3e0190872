//! Where a request goes, the way curl decides it: `--connect-to HOST1:PORT1:HOST2:PORT2`
//! sends a request for HOST1:PORT1 to HOST2:PORT2 (the first entry that matches wins; an
//! empty HOST1 or PORT1 matches any host or port, an empty HOST2 or PORT2 keeps the
//! request's), then `--resolve HOST:PORT:ADDR` gives the address of that host *and port*
//! (never of the host on other ports), else DNS unless `--no-dns`.
//!
//! The URL, the `Host` header, TLS server name and certificate check stay those of the
//! requested URL, so a staging server answers under the production URLs and absolute links
//! to the production origin are crawled on it.
//!
//! reqwest's resolver only sees host names, so a routed request goes through a client of
//! its own whose resolver answers with the route's addresses *and port*; the URL's explicit
//! port is taken off the request line (it would override the resolver's port) and kept in
//! the `Host` header. All clients share one cookie jar.

use super::FetchSetupError;
use super::client::ResolveEntry;
use reqwest::dns::{Addrs, Name, Resolve, Resolving};
use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, Mutex};
use thiserror::Error;
use url::Url;

/// One `--connect-to HOST1:PORT1:HOST2:PORT2` entry (`None` = empty field).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConnectTo {
    /// Requests for this host (any host when empty).
    pub host: Option<String>,
    /// … on this port (any port when empty).
    pub port: Option<u16>,
    /// Connect to this host instead (the requested host when empty).
    pub to_host: Option<String>,
    /// … on this port (the requested port when empty).
    pub to_port: Option<u16>,
}

/// A malformed `--connect-to` value.
#[derive(Debug, Error, PartialEq)]
#[error(
    "invalid --connect-to value {value:?}: expected HOST1:PORT1:HOST2:PORT2, e.g. www.example.gov.cn:443:10.0.0.5:8443 ({reason})"
)]
pub struct ConnectToParseError {
    pub value: String,
    pub reason: String,
}

/// Split `a:b:c:d` where hosts may be bracketed IPv6 literals (`[::1]`).
fn split_fields(s: &str) -> Option<Vec<&str>> {
    let mut out = Vec::new();
    let mut rest = s;
    loop {
        let (field, tail) = if rest.starts_with('[') {
            let end = rest.find(']')? + 1;
            let (f, t) = rest.split_at(end);
            match t.strip_prefix(':') {
                Some(t) => (f, Some(t)),
                None if t.is_empty() => (f, None),
                None => return None,
            }
        } else {
            match rest.split_once(':') {
                Some((f, t)) => (f, Some(t)),
                None => (rest, None),
            }
        };
        out.push(field);
        match tail {
            Some(t) => rest = t,
            None => return Some(out),
        }
    }
}

fn host_field(f: &str) -> Option<String> {
    let f = f.trim().trim_start_matches('[').trim_end_matches(']');
    (!f.is_empty()).then(|| f.to_ascii_lowercase())
}

impl std::str::FromStr for ConnectTo {
    type Err = ConnectToParseError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = |reason: &str| ConnectToParseError {
            value: s.to_string(),
            reason: reason.to_string(),
        };
        let fields = split_fields(s).ok_or_else(|| err("unbalanced [ ] around an IPv6 address"))?;
        if fields.len() != 4 {
            return Err(err("four fields separated by `:` are needed"));
        }
        let port = |f: &str, what: &str| -> Result<Option<u16>, ConnectToParseError> {
            let f = f.trim();
            if f.is_empty() {
                return Ok(None);
            }
            match f.parse::<u16>() {
                Ok(0) | Err(_) => Err(err(&format!("{what} is not a port number (1-65535)"))),
                Ok(p) => Ok(Some(p)),
            }
        };
        Ok(ConnectTo {
            host: host_field(fields[0]),
            port: port(fields[1], "PORT1")?,
            to_host: host_field(fields[2]),
            to_port: port(fields[3], "PORT2")?,
        })
    }
}

impl ConnectTo {
    fn matches(&self, host: &str, port: u16) -> bool {
        self.host.as_deref().is_none_or(|h| h == host) && self.port.is_none_or(|p| p == port)
    }
}

/// Where one (host, port) is connected to.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Dest {
    /// `--resolve` addresses (or an IP literal of `--connect-to`), on this port.
    Addrs(Vec<IpAddr>, u16),
    /// A host name to look up (DNS), on this port.
    Lookup(String, u16),
}

/// The route table of a run: connect-to entries, resolve entries, DNS policy.
#[derive(Debug, Clone, Default)]
pub struct Routes {
    pub connect_to: Vec<ConnectTo>,
    pub resolve: Vec<ResolveEntry>,
    pub no_dns: bool,
}

impl Routes {
    /// The destination of a request for `host:port`; `None` when no entry applies (plain
    /// DNS lookup of the host on its port).
    fn dest(&self, host: &str, port: u16) -> Option<Dest> {
        let host = host.to_ascii_lowercase();
        let (to_host, to_port, redirected) =
            match self.connect_to.iter().find(|c| c.matches(&host, port)) {
                Some(c) => (
                    c.to_host.clone().unwrap_or_else(|| host.clone()),
                    c.to_port.unwrap_or(port),
                    true,
                ),
                None => (host.clone(), port, false),
            };
        let addrs: Vec<IpAddr> = self
            .resolve
            .iter()
            .filter(|r| r.host == to_host && r.port == to_port)
            .map(|r| r.addr)
            .collect();
        if !addrs.is_empty() {
            return Some(Dest::Addrs(addrs, to_port));
        }
        if let Ok(ip) = to_host.parse::<IpAddr>() {
            return redirected.then_some(Dest::Addrs(vec![ip], to_port));
        }
        redirected.then_some(Dest::Lookup(to_host, to_port))
    }
}

/// Resolver of the unrouted client: the system resolver, or a refusal with `--no-dns`.
struct DnsOnly {
    no_dns: bool,
}

fn lookup(host: String, port: u16, no_dns: bool) -> Resolving {
    Box::pin(async move {
        if no_dns {
            return Err(format!(
                "DNS lookups are disabled (--no-dns) and {host}:{port} has no --resolve or --connect-to mapping"
            )
            .into());
        }
        let addrs: Vec<SocketAddr> = tokio::net::lookup_host((host.as_str(), port))
            .await
            .map_err(|e| format!("dns error: {host}: {e}"))?
            .collect();
        Ok(Box::new(addrs.into_iter()) as Addrs)
    })
}

impl Resolve for DnsOnly {
    fn resolve(&self, name: Name) -> Resolving {
        // port 0: the connector fills in the URL's port
        lookup(name.as_str().to_ascii_lowercase(), 0, self.no_dns)
    }
}

/// Resolver of a routed client: always the route's destination, with its port.
struct Fixed {
    dest: Dest,
    no_dns: bool,
}

impl Resolve for Fixed {
    fn resolve(&self, _name: Name) -> Resolving {
        match &self.dest {
            Dest::Addrs(ips, port) => {
                let addrs: Vec<SocketAddr> =
                    ips.iter().map(|ip| SocketAddr::new(*ip, *port)).collect();
                Box::pin(async move { Ok(Box::new(addrs.into_iter()) as Addrs) })
            }
            Dest::Lookup(host, port) => lookup(host.clone(), *port, self.no_dns),
        }
    }
}

/// Builds a client around a resolver (TLS, timeouts, cookie jar are the caller's).
pub(crate) type ClientFactory =
    dyn Fn(Arc<dyn Resolve>) -> Result<reqwest::Client, FetchSetupError> + Send + Sync;

/// Picks the client and the request line for each URL.
pub(crate) struct Router {
    routes: Routes,
    default: reqwest::Client,
    routed: Mutex<HashMap<Dest, reqwest::Client>>,
    factory: Box<ClientFactory>,
}

impl Router {
    pub fn new(routes: Routes, factory: Box<ClientFactory>) -> Result<Self, FetchSetupError> {
        let default = factory(Arc::new(DnsOnly {
            no_dns: routes.no_dns,
        }))?;
        let router = Router {
            routes,
            default,
            routed: Mutex::new(HashMap::new()),
            factory,
        };
        // build every fully specified route now: a setup error shows before the crawl
        for c in router.routes.connect_to.clone() {
            if let (Some(h), Some(p)) = (&c.host, c.port)
                && let Some(d) = router.routes.dest(h, p)
            {
                router.client_for(d)?;
            }
        }
        Ok(router)
    }

    fn client_for(&self, dest: Dest) -> Result<reqwest::Client, FetchSetupError> {
        let mut map = self.routed.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(c) = map.get(&dest) {
            return Ok(c.clone());
        }
        let c = (self.factory)(Arc::new(Fixed {
            dest: dest.clone(),
            no_dns: self.routes.no_dns,
        }))?;
        map.insert(dest, c.clone());
        Ok(c)
    }

    /// A GET request for `url`, sent where the routes say, under `url`'s Host header.
    pub fn get(&self, url: &Url) -> reqwest::RequestBuilder {
        let (Some(host), Some(port)) = (url.host_str(), url.port_or_known_default()) else {
            return self.default.get(url.clone());
        };
        let host = host.trim_start_matches('[').trim_end_matches(']');
        let Some(dest) = self.routes.dest(host, port) else {
            return self.default.get(url.clone());
        };
        let client = match self.client_for(dest.clone()) {
            Ok(c) => c,
            Err(e) => {
                tracing::warn!("cannot build the client for {host}:{port}: {e}");
                return self.default.get(url.clone());
            }
        };
        let mut line = url.clone();
        if url
            .host()
            .is_some_and(|h| !matches!(h, url::Host::Domain(_)))
        {
            // an IP literal never reaches the resolver: put the destination on the line
            if let Dest::Addrs(ips, p) = &dest
                && let Some(ip) = ips.first()
            {
                let _ = line.set_ip_host(*ip);
                let _ = line.set_port(Some(*p));
            }
        } else {
            // the URL's port would override the resolver's: the route decides the port
            let _ = line.set_port(None);
        }
        let req = client.get(line.clone());
        if line.host_str() != url.host_str() || line.port() != url.port() {
            let authority = match url.port() {
                Some(p) => format!("{}:{p}", url.host_str().unwrap_or_default()),
                None => url.host_str().unwrap_or_default().to_string(),
            };
            req.header(reqwest::header::HOST, authority)
        } else {
            req
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ct(s: &str) -> ConnectTo {
        s.parse().unwrap()
    }

    #[test]
    fn parses_connect_to_like_curl() {
        assert_eq!(
            ct("www.X.gov.cn:443:10.0.0.5:8443"),
            ConnectTo {
                host: Some("www.x.gov.cn".into()),
                port: Some(443),
                to_host: Some("10.0.0.5".into()),
                to_port: Some(8443),
            }
        );
        let any = ct("::staging.local:");
        assert_eq!((any.host, any.port), (None, None));
        assert_eq!(any.to_host.as_deref(), Some("staging.local"));
        assert_eq!(any.to_port, None);
        let v6 = ct("[::1]:80:[fe80::1]:8080");
        assert_eq!(v6.host.as_deref(), Some("::1"));
        assert_eq!(v6.to_host.as_deref(), Some("fe80::1"));
        for bad in [
            "a:80:b",
            "a:80:b:80:9",
            "a:x:b:80",
            "a:80:b:0",
            "a:80:b:70000",
            "[::1:80:b:80",
        ] {
            assert!(bad.parse::<ConnectTo>().is_err(), "{bad}");
        }
    }

    fn resolve(s: &str) -> ResolveEntry {
        s.parse().unwrap()
    }

    #[test]
    fn resolve_matches_host_and_port() {
        let r = Routes {
            resolve: vec![resolve("www.x.gov.cn:8001:127.0.0.2")],
            ..Default::default()
        };
        assert_eq!(
            r.dest("www.x.gov.cn", 8001),
            Some(Dest::Addrs(vec!["127.0.0.2".parse().unwrap()], 8001))
        );
        // another port of the same host is not mapped
        assert_eq!(r.dest("www.x.gov.cn", 8002), None);
        assert_eq!(r.dest("other.gov.cn", 8001), None);
    }

    #[test]
    fn connect_to_then_resolve_of_the_destination() {
        let r = Routes {
            connect_to: vec![
                ct("www.x.gov.cn:80:staging.x.gov.cn:8080"),
                ct("www.x.gov.cn::127.0.0.9:"),
                ct(":443::9443"),
            ],
            resolve: vec![resolve("staging.x.gov.cn:8080:127.0.0.3")],
            no_dns: true,
        };
        // the destination's --resolve entry gives the address
        assert_eq!(
            r.dest("www.x.gov.cn", 80),
            Some(Dest::Addrs(vec!["127.0.0.3".parse().unwrap()], 8080))
        );
        // the second entry: any port of www.x.gov.cn to an IP, port kept
        assert_eq!(
            r.dest("WWW.x.gov.cn", 81),
            Some(Dest::Addrs(vec!["127.0.0.9".parse().unwrap()], 81))
        );
        // the third: any host on 443 to the same host on 9443, looked up
        assert_eq!(
            r.dest("cdn.x.gov.cn", 443),
            Some(Dest::Lookup("cdn.x.gov.cn".into(), 9443))
        );
        assert_eq!(r.dest("cdn.x.gov.cn", 80), None);
    }
}
