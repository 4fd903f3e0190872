//! Disclosure platforms on a sister host. Many 区县 sites keep 政府信息公开 on another
//! host under the same registrable domain (`xxgk.x.gov.cn`, `zwgk.x.gov.cn` beside
//! `www.x.gov.cn`). A disclosure link to such a host brings the host into scope, within a
//! page budget of its own, so that its columns are checked as this site's. Other hosts
//! stay out of scope (`--host` adds them).

use crate::model::bare_host as bare;
use foldhash::HashMap;
use url::Url;

/// Anchor texts of disclosure links (政府信息公开 and its usual variants).
const DISCLOSURE_TEXTS: &[&str] = &[
    "政府信息公开",
    "信息公开",
    "政务公开",
    "公开目录",
    "法定主动公开",
    "主动公开",
    "依申请公开",
    "公开指南",
    "公开年报",
];

/// Leading host labels of disclosure platforms.
const DISCLOSURE_LABELS: &[&str] = &["xxgk", "zwgk", "zfxxgk", "gk", "gkml", "zfgk"];

/// Sister hosts admitted so far and the pages each may still use.
#[derive(Debug, Clone)]
pub struct Sisters {
    /// registrable domain of the start host (`x.gov.cn`)
    domain: Option<String>,
    start_host: String,
    budget: usize,
    /// admitted host → URLs queued on it
    hosts: HashMap<String, usize>,
}

/// The registrable domain of a host (public suffix list), lower-case.
pub fn registrable(host: &str) -> Option<String> {
    psl::domain_str(&host.to_ascii_lowercase()).map(str::to_string)
}

impl Sisters {
    pub fn new(start: &Url, budget: usize) -> Self {
        let host = start.host_str().unwrap_or("").to_ascii_lowercase();
        Sisters {
            domain: registrable(&host),
            start_host: bare(&host).to_string(),
            budget,
            hosts: HashMap::default(),
        }
    }

    /// Is this out-of-scope link a disclosure link to a sister host? Admits the host.
    pub fn admit(&mut self, url: &Url, text: &str) -> bool {
        if self.budget == 0 || !matches!(url.scheme(), "http" | "https") {
            return false;
        }
        let Some(host) = url.host_str().map(|h| h.to_ascii_lowercase()) else {
            return false;
        };
        if self.hosts.contains_key(&host) {
            return true;
        }
        if bare(&host) == self.start_host || self.domain.is_none() {
            return false;
        }
        if registrable(&host) != self.domain {
            return false;
        }
        let label = host.split('.').next().unwrap_or("");
        let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        let disclosure =
            DISCLOSURE_TEXTS.iter().any(|d| t.contains(d)) || DISCLOSURE_LABELS.contains(&label);
        if disclosure {
            tracing::info!(%host, "disclosure platform on a sister host: crawled as part of the site");
            self.hosts.insert(host, 0);
        }
        disclosure
    }

    /// Count a URL queued on an admitted sister host; false once its budget is spent.
    /// URLs of other hosts are always allowed.
    pub fn take(&mut self, url: &Url) -> bool {
        let Some(host) = url.host_str().map(|h| h.to_ascii_lowercase()) else {
            return true;
        };
        match self.hosts.get_mut(&host) {
            Some(n) if *n >= self.budget => false,
            Some(n) => {
                *n += 1;
                true
            }
            None => true,
        }
    }

    /// The sister hosts admitted, sorted.
    pub fn admitted(&self) -> Vec<String> {
        let mut v: Vec<String> = self.hosts.keys().cloned().collect();
        v.sort();
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn u(s: &str) -> Url {
        Url::parse(s).unwrap()
    }

    #[test]
    fn disclosure_links_to_sister_hosts_only() {
        let mut s = Sisters::new(&u("http://www.qxa.gov.cn/"), 2);
        // another registrable domain: never
        assert!(!s.admit(&u("http://xxgk.other.gov.cn/"), "政府信息公开"));
        // same domain, not a disclosure link
        assert!(!s.admit(&u("http://news.qxa.gov.cn/"), "新闻中心"));
        // same domain, disclosure text
        assert!(s.admit(&u("http://xxgk.qxa.gov.cn/"), "政府信息公开"));
        // by its host label
        assert!(s.admit(&u("http://zwgk.qxa.gov.cn/a/"), "更多"));
        assert_eq!(s.admitted(), vec!["xxgk.qxa.gov.cn", "zwgk.qxa.gov.cn"]);
        assert!(s.take(&u("http://xxgk.qxa.gov.cn/1")));
        assert!(s.take(&u("http://xxgk.qxa.gov.cn/2")));
        assert!(!s.take(&u("http://xxgk.qxa.gov.cn/3")), "budget of 2");
        assert!(s.take(&u("http://www.qxa.gov.cn/3")));
    }

    #[test]
    fn budget_zero_turns_it_off() {
        let mut s = Sisters::new(&u("http://www.qxa.gov.cn/"), 0);
        assert!(!s.admit(&u("http://xxgk.qxa.gov.cn/"), "政府信息公开"));
    }
}
