//! Crawl scope and trap guards: which discovered URLs are worth a request.
//!
//! In scope: the start host (a leading `www.` is ignored, scheme ignored, same port) plus
//! hosts the user adds. Trap guards stop the endless URL families real sites produce:
//! over-long URLs, repeated path segments (`/a/a/a/`), very deep paths, query explosions
//! (one path with hundreds of query variants) and calendar pages (date-valued queries).

use std::collections::HashMap;
use url::Url;

/// Which hosts the crawl may visit.
#[derive(Debug, Clone)]
pub struct Scope {
    hosts: Vec<(String, u16)>,
}

fn bare(host: &str) -> &str {
    host.strip_prefix("www.").unwrap_or(host)
}

impl Scope {
    pub fn new(start: &Url, extra_hosts: &[String]) -> Self {
        let port = start.port_or_known_default().unwrap_or(80);
        let mut hosts = vec![(bare(start.host_str().unwrap_or("")).to_string(), port)];
        for h in extra_hosts {
            let (name, p) = match h.rsplit_once(':') {
                Some((n, p)) if p.parse::<u16>().is_ok() => (n, p.parse().unwrap_or(port)),
                _ => (h.as_str(), port),
            };
            hosts.push((bare(&name.to_ascii_lowercase()).to_string(), p));
        }
        Scope { hosts }
    }

    /// Add the host a start page redirected to (http→https, bare→www).
    pub fn add(&mut self, url: &Url) {
        let entry = (
            bare(url.host_str().unwrap_or("")).to_string(),
            url.port_or_known_default().unwrap_or(80),
        );
        if !self.hosts.contains(&entry) {
            self.hosts.push(entry);
        }
    }

    pub fn contains(&self, url: &Url) -> bool {
        if !matches!(url.scheme(), "http" | "https") {
            return false;
        }
        let Some(host) = url.host_str() else {
            return false;
        };
        let host = bare(host);
        let port = url.port_or_known_default().unwrap_or(80);
        self.hosts
            .iter()
            .any(|(h, p)| h == host && (*p == port || matches!((*p, port), (80, 443) | (443, 80))))
    }
}

/// Why a URL was refused as a likely crawler trap.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TrapReason {
    TooLong,
    RepeatedSegments,
    TooDeep,
    QueryExplosion,
    Calendar,
}

/// Limits of the trap guard.
#[derive(Debug, Clone)]
pub struct TrapLimits {
    pub max_url_len: usize,
    pub max_path_segments: usize,
    pub max_segment_repeats: usize,
    pub max_query_variants: u32,
    pub max_calendar_variants: u32,
}

impl Default for TrapLimits {
    fn default() -> Self {
        TrapLimits {
            max_url_len: 1024,
            max_path_segments: 16,
            max_segment_repeats: 3,
            max_query_variants: 200,
            max_calendar_variants: 8,
        }
    }
}

/// Stateful guard: counts query variants per path.
#[derive(Debug, Default)]
pub struct TrapGuard {
    limits: TrapLimits,
    variants: HashMap<String, u32>,
}

fn looks_like_date(v: &str) -> bool {
    let digits: String = v.chars().filter(|c| c.is_ascii_digit()).collect();
    let sep = v.contains('-') || v.contains('/') || v.contains('.');
    (digits.len() == 8 && (sep || v.len() == 8) && digits.starts_with(['1', '2']))
        || (digits.len() == 6 && sep && digits.starts_with(['1', '2']))
}

impl TrapGuard {
    pub fn new(limits: TrapLimits) -> Self {
        TrapGuard {
            limits,
            variants: HashMap::new(),
        }
    }

    /// Decide whether to admit a URL to the frontier.
    pub fn admit(&mut self, url: &Url) -> Result<(), TrapReason> {
        if url.as_str().len() > self.limits.max_url_len {
            return Err(TrapReason::TooLong);
        }
        let segments: Vec<&str> = url
            .path_segments()
            .map(|s| s.filter(|x| !x.is_empty()).collect())
            .unwrap_or_default();
        if segments.len() > self.limits.max_path_segments {
            return Err(TrapReason::TooDeep);
        }
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for s in &segments {
            let c = counts.entry(s).or_default();
            *c += 1;
            if *c >= self.limits.max_segment_repeats {
                return Err(TrapReason::RepeatedSegments);
            }
        }
        if let Some(q) = url.query().filter(|q| !q.is_empty()) {
            let calendar = url::form_urlencoded::parse(q.as_bytes()).any(|(k, v)| {
                looks_like_date(&v)
                    || matches!(k.as_ref(), "year" | "month" | "day" | "date" | "ym")
            });
            let key = format!(
                "{}://{}{}",
                url.scheme(),
                url.host_str().unwrap_or(""),
                url.path()
            );
            let n = self.variants.entry(key).or_default();
            *n += 1;
            if calendar && *n > self.limits.max_calendar_variants {
                return Err(TrapReason::Calendar);
            }
            if *n > self.limits.max_query_variants {
                return Err(TrapReason::QueryExplosion);
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn u(s: &str) -> Url {
        Url::parse(s).unwrap()
    }

    #[test]
    fn scope_ignores_www_and_scheme_but_not_other_hosts() {
        let s = Scope::new(&u("http://www.xsq.cq.gov.cn/"), &[]);
        assert!(s.contains(&u("https://xsq.cq.gov.cn/zwgk/")));
        assert!(s.contains(&u("http://www.xsq.cq.gov.cn/a.html")));
        assert!(!s.contains(&u("http://www.cq.gov.cn/")));
        assert!(!s.contains(&u("http://www.xsq.cq.gov.cn:8080/")));
        assert!(!s.contains(&u("mailto:a@b.cn")));
        let s2 = Scope::new(&u("http://a.gov.cn:8080/"), &["b.gov.cn".to_string()]);
        assert!(s2.contains(&u("http://b.gov.cn:8080/x")));
    }

    #[test]
    fn calendar_and_repeated_segments_are_traps() {
        let mut g = TrapGuard::default();
        let mut refused = 0;
        for day in 1..=30 {
            if g.admit(&u(&format!("http://h/hdjl/rl/?d=2026-11-{day:02}")))
                .is_err()
            {
                refused += 1;
            }
        }
        assert_eq!(refused, 30 - 8);
        assert_eq!(
            g.admit(&u("http://h/a/b/a/b/a/x.html")),
            Err(TrapReason::RepeatedSegments)
        );
        assert!(
            g.admit(&u("http://h/zwgk_229/fdzdgknr/czyjs/index_1.html"))
                .is_ok()
        );
        let long = format!("http://h/{}", "x".repeat(2000));
        assert_eq!(g.admit(&u(&long)), Err(TrapReason::TooLong));
    }

    #[test]
    fn list_pagination_queries_are_allowed() {
        let mut g = TrapGuard::default();
        for p in 1..=56 {
            assert!(g.admit(&u(&format!("http://h/list.jsp?page={p}"))).is_ok());
        }
    }
}
