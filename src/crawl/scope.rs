//! Crawl scope and trap guards: which discovered URLs are worth a request.
//!
//! In scope: the start host (a leading `www.` is ignored, scheme ignored, same port) plus
//! hosts the user adds. Trap guards stop the endless URL families real sites produce:
//! over-long URLs, repeated path segments (`/a/a/a/`), very deep paths, query explosions
//! (one path with hundreds of query variants), calendar pages (date-valued queries, date
//! path segments), URL families that differ in one query value or one path segment (at most
//! `max_per_pattern` each) and endless "next page" chains. Session ids are stripped from
//! URLs before dedup ([`strip_session`]). Every refusal is kept with its pattern and count
//! ([`TrapRecord`]) for the report; the verification stage asks the same guard.

use crate::extract::urls::{date_like, is_calendar_url};
use crate::model::bare_host as bare;
use std::collections::{BTreeMap, HashMap};
use url::Url;

/// Which hosts the crawl may visit.
#[derive(Debug, Clone)]
pub struct Scope {
    hosts: Vec<(String, u16)>,
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

pub use crate::model::{TrapReason, TrapRecord};

/// Limits of the trap guard.
#[derive(Debug, Clone)]
pub struct TrapLimits {
    pub max_url_len: usize,
    pub max_path_segments: usize,
    pub max_segment_repeats: usize,
    pub max_query_variants: u32,
    pub max_calendar_variants: u32,
    /// URLs per pattern (one query value or one path segment varying), pages per
    /// pagination chain (`--max-per-pattern`)
    pub max_per_pattern: u32,
}

impl Default for TrapLimits {
    fn default() -> Self {
        TrapLimits {
            max_url_len: 1024,
            max_path_segments: 16,
            max_segment_repeats: 3,
            max_query_variants: 200,
            max_calendar_variants: 8,
            max_per_pattern: 50,
        }
    }
}

/// Examples kept per trap pattern.
const TRAP_EXAMPLES: usize = 3;
/// Distinct patterns kept for the report; further ones are counted under the last.
const MAX_TRAP_PATTERNS: usize = 200;

/// Stateful guard: counts URL variants per pattern and remembers what it refused.
#[derive(Debug, Default)]
pub struct TrapGuard {
    limits: TrapLimits,
    variants: HashMap<String, u32>,
    patterns: HashMap<String, u32>,
    refused: BTreeMap<(TrapReason, String), TrapRecord>,
}

/// A path segment that is (part of) a date: `2026`, `11`, `05`, `202611`, `2026-11-05`.
fn date_segment(s: &str, after_year: bool) -> bool {
    let all_digits = !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if all_digits {
        return match s.len() {
            4 => s.starts_with("19") || s.starts_with("20"),
            1 | 2 => after_year,
            6 | 8 => s.starts_with("19") || s.starts_with("20"),
            _ => false,
        };
    }
    date_like(s) && s.len() <= 10 && s.bytes().all(|b| b.is_ascii_digit() || b == b'-')
}

/// A value that looks machine-generated: long hex, or long base64/url-safe text mixing
/// letters and digits (session ids, tokens, cache busters).
pub fn looks_random(v: &str) -> bool {
    let v = v.trim_end_matches('=');
    if v.len() < 16 {
        return false;
    }
    if v.len() >= 16 && v.bytes().all(|b| b.is_ascii_hexdigit()) {
        return v.bytes().any(|b| b.is_ascii_digit()) && v.bytes().any(|b| b.is_ascii_alphabetic());
    }
    if v.len() >= 20
        && v.bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'+' | b'/'))
    {
        let digits = v.bytes().filter(u8::is_ascii_digit).count();
        let upper = v.bytes().filter(u8::is_ascii_uppercase).count();
        let lower = v.bytes().filter(u8::is_ascii_lowercase).count();
        return digits >= 3 && upper >= 3 && lower >= 3;
    }
    false
}

/// Query and path-parameter names that carry a session, never content.
fn is_session_name(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    matches!(
        n.as_str(),
        "sid"
            | "sessionid"
            | "session_id"
            | "session"
            | "jsessionid"
            | "phpsessid"
            | "token"
            | "sessiontoken"
            | "cfid"
            | "cftoken"
            | "zwgk_sid"
    ) || n.starts_with("aspsessionid")
}

/// URL normalisation before dedup: drop session ids (`;jsessionid=…` path parameters,
/// `sid=`, `sessionid=`, `PHPSESSID=`, `token=` … query parameters) and user info
/// (`user:pass@`). Returns true when something was removed.
pub fn strip_session(u: &mut Url) -> bool {
    let mut changed = false;
    if !u.username().is_empty() || u.password().is_some() {
        let _ = u.set_username("");
        let _ = u.set_password(None);
        changed = true;
    }
    let path = u.path();
    if path.contains(';') {
        let kept: Vec<String> = path
            .split('/')
            .map(|seg| {
                let mut parts = seg.split(';');
                let head = parts.next().unwrap_or("").to_string();
                let rest: Vec<&str> = parts
                    .filter(|p| !is_session_name(p.split('=').next().unwrap_or("")))
                    .collect();
                if rest.is_empty() {
                    head
                } else {
                    format!("{head};{}", rest.join(";"))
                }
            })
            .collect();
        let new_path = kept.join("/");
        if new_path != u.path() {
            u.set_path(&new_path);
            changed = true;
        }
    }
    if let Some(q) = u.query() {
        let pairs: Vec<&str> = q.split('&').filter(|p| !p.is_empty()).collect();
        let kept: Vec<&str> = pairs
            .iter()
            .copied()
            .filter(|p| {
                let name = p.split('=').next().unwrap_or("");
                let name = url::form_urlencoded::parse(name.as_bytes())
                    .next()
                    .map(|(k, _)| k.into_owned())
                    .unwrap_or_default();
                !is_session_name(&name)
            })
            .collect();
        if kept.len() != pairs.len() {
            let q = kept.join("&");
            u.set_query((!q.is_empty()).then_some(q.as_str()));
            changed = true;
        }
    }
    changed
}

/// The patterns a URL belongs to: the URL with one query value or one path segment
/// replaced by `*`. File names (last segment with an extension) only vary when they look
/// random; date segments are all written `#` in one extra calendar pattern.
fn origin_of(url: &Url) -> String {
    let origin = format!("{}://{}", url.scheme(), url.host_str().unwrap_or(""));
    match url.port() {
        Some(p) => format!("{origin}:{p}"),
        None => origin,
    }
}

fn patterns_of(url: &Url) -> (Vec<String>, Option<String>) {
    let origin = origin_of(url);
    let path = url.path();
    let segs: Vec<&str> = path.split('/').collect();
    let query: Vec<(&str, &str)> = url
        .query()
        .unwrap_or("")
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| p.split_once('=').unwrap_or((p, "")))
        .collect();
    let qs = |vary: Option<usize>| -> String {
        if query.is_empty() {
            return String::new();
        }
        let parts: Vec<String> = query
            .iter()
            .enumerate()
            .map(|(i, (k, v))| {
                if Some(i) == vary {
                    format!("{k}=*")
                } else {
                    format!("{k}={v}")
                }
            })
            .collect();
        format!("?{}", parts.join("&"))
    };
    let mut out = Vec::new();
    let last = segs.len().saturating_sub(1);
    for (i, s) in segs.iter().enumerate() {
        if s.is_empty() {
            continue;
        }
        let is_file = i == last && s.contains('.');
        if is_file && !looks_random(s.rsplit_once('.').map(|(a, _)| a).unwrap_or(s)) {
            continue;
        }
        let mut v = segs.clone();
        v[i] = "*";
        out.push(format!("{origin}{}{}", v.join("/"), qs(None)));
    }
    for i in 0..query.len() {
        out.push(format!("{origin}{path}{}", qs(Some(i))));
    }
    let mut after_year = false;
    let mut dated = 0;
    let cal: Vec<&str> = segs
        .iter()
        .map(|s| {
            let d = date_segment(s, after_year);
            after_year = d;
            if d {
                dated += 1;
                "#"
            } else {
                s
            }
        })
        .collect();
    let calendar = (dated >= 2
        || (dated == 1 && segs.iter().any(|s| s.len() == 8 && date_segment(s, false))))
    .then(|| format!("{origin}{}{}", cal.join("/"), qs(None)));
    (out, calendar)
}

impl TrapGuard {
    pub fn new(limits: TrapLimits) -> Self {
        TrapGuard {
            limits,
            ..Default::default()
        }
    }

    pub fn limits(&self) -> &TrapLimits {
        &self.limits
    }

    /// Decide whether to admit a URL without knowing where it was found.
    pub fn admit(&mut self, url: &Url) -> Result<(), TrapReason> {
        self.admit_from(url, &[])
    }

    /// Decide whether to admit a URL found on a page whose [`patterns`](Self::patterns)
    /// are `parent`; a refusal is remembered with its pattern for the report. The
    /// per-pattern cap counts URLs a family generates from its own pages (a session page
    /// linking to a fresh session, a calendar day to the next day): an article list linking
    /// to 500 articles of one shape is not a trap.
    pub fn admit_from(&mut self, url: &Url, parent: &[String]) -> Result<(), TrapReason> {
        match self.check(url, parent) {
            Ok(()) => Ok(()),
            Err((reason, pattern)) => {
                self.refuse(reason, pattern, url);
                Err(reason)
            }
        }
    }

    /// Refuse a "next page" link that ends a pagination chain longer than the limit.
    pub fn admit_pagination(&mut self, url: &Url, chain: u32) -> Result<(), TrapReason> {
        if chain > self.limits.max_per_pattern {
            let pattern = format!(
                "{}{}",
                origin_of(url),
                url.path().rsplit_once('/').map(|(d, _)| d).unwrap_or("")
            );
            self.refuse(TrapReason::Pagination, format!("{pattern}/…"), url);
            return Err(TrapReason::Pagination);
        }
        Ok(())
    }

    fn refuse(&mut self, reason: TrapReason, pattern: String, url: &Url) {
        let key = if self.refused.len() >= MAX_TRAP_PATTERNS
            && !self.refused.contains_key(&(reason, pattern.clone()))
        {
            (reason, "…".to_string())
        } else {
            (reason, pattern)
        };
        let rec = self
            .refused
            .entry(key.clone())
            .or_insert_with(|| TrapRecord {
                reason,
                pattern: key.1.clone(),
                count: 0,
                examples: Vec::new(),
            });
        rec.count += 1;
        if rec.examples.len() < TRAP_EXAMPLES {
            let mut s = url.to_string();
            if s.len() > 200 {
                let mut cut = 200;
                while !s.is_char_boundary(cut) {
                    cut -= 1;
                }
                s.truncate(cut);
                s.push('…');
            }
            rec.examples.push(s);
        }
    }

    /// What was refused, by reason and pattern.
    pub fn records(&self) -> Vec<TrapRecord> {
        self.refused.values().cloned().collect()
    }

    /// Add earlier records (a resumed crawl, the crawl's records for verification).
    pub fn merge_records(&mut self, records: &[TrapRecord]) {
        for r in records {
            let rec = self
                .refused
                .entry((r.reason, r.pattern.clone()))
                .or_insert_with(|| TrapRecord {
                    reason: r.reason,
                    pattern: r.pattern.clone(),
                    count: 0,
                    examples: Vec::new(),
                });
            rec.count += r.count;
            for e in &r.examples {
                if rec.examples.len() < TRAP_EXAMPLES && !rec.examples.contains(e) {
                    rec.examples.push(e.clone());
                }
            }
        }
    }

    /// The URL families a page belongs to (for [`admit_from`](Self::admit_from)).
    pub fn patterns(url: &Url) -> Vec<String> {
        let (mut p, cal) = patterns_of(url);
        p.extend(cal);
        p
    }

    fn check(&mut self, url: &Url, parent: &[String]) -> Result<(), (TrapReason, String)> {
        let origin = origin_of(url);
        if url.as_str().len() > self.limits.max_url_len {
            let first = url.path_segments().and_then(|mut s| s.next()).unwrap_or("");
            let first: String = first.chars().take(40).collect();
            return Err((
                TrapReason::TooLong,
                format!("{origin}/{first}… (> {} 字符)", self.limits.max_url_len),
            ));
        }
        let segments: Vec<&str> = url
            .path_segments()
            .map(|s| s.filter(|x| !x.is_empty()).collect())
            .unwrap_or_default();
        if segments.len() > self.limits.max_path_segments {
            let head: Vec<&str> = segments.iter().take(3).copied().collect();
            return Err((
                TrapReason::TooDeep,
                format!("{origin}/{}/…", head.join("/")),
            ));
        }
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for s in &segments {
            let c = counts.entry(s).or_default();
            *c += 1;
            if *c >= self.limits.max_segment_repeats {
                return Err((
                    TrapReason::RepeatedSegments,
                    format!("{origin}/…/{s}/…/{s}/…"),
                ));
            }
        }
        let (patterns, calendar_path) = patterns_of(url);
        if url.query().is_some_and(|q| !q.is_empty()) {
            let calendar = is_calendar_url(url);
            let key = format!("{origin}{}", url.path());
            let n = self.variants.get(&key).copied().unwrap_or(0) + 1;
            if calendar && n > self.limits.max_calendar_variants {
                return Err((TrapReason::Calendar, format!("{key}?…")));
            }
            if n > self.limits.max_query_variants {
                return Err((TrapReason::QueryExplosion, format!("{key}?…")));
            }
        }
        let max = self.limits.max_per_pattern.max(1);
        let calendar_path = calendar_path.filter(|c| parent.contains(c));
        let patterns: Vec<String> = patterns
            .into_iter()
            .filter(|p| parent.contains(p))
            .collect();
        if let Some(cal) = &calendar_path
            && self.patterns.get(cal).copied().unwrap_or(0) >= max
        {
            return Err((TrapReason::Calendar, cal.clone()));
        }
        if let Some(p) = patterns
            .iter()
            .find(|p| self.patterns.get(*p).copied().unwrap_or(0) >= max)
        {
            return Err((TrapReason::Pattern, p.clone()));
        }
        // admitted: count it everywhere it belongs
        if url.query().is_some_and(|q| !q.is_empty()) {
            let key = format!("{origin}{}", url.path());
            *self.variants.entry(key).or_default() += 1;
        }
        for p in patterns.into_iter().chain(calendar_path) {
            // the parent page itself is the first of its family
            let n = self.patterns.entry(p).or_insert(1);
            *n += 1;
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
        let list = TrapGuard::patterns(&u("http://h/index.html"));
        for p in 1..=56 {
            assert!(
                g.admit_from(&u(&format!("http://h/list.jsp?page={p}")), &list)
                    .is_ok()
            );
        }
    }

    #[test]
    fn session_ids_and_credentials_are_stripped() {
        let mut a = u("http://user:pw@h/a/b.jsp;jsessionid=ABC123?id=7&sid=f00d&PHPSESSID=x#f");
        assert!(strip_session(&mut a));
        assert_eq!(a.as_str(), "http://h/a/b.jsp?id=7#f");
        let mut b = u("http://h/s/?token=1&sessionid=2");
        assert!(strip_session(&mut b));
        assert_eq!(b.as_str(), "http://h/s/");
        let mut c = u("http://h/list.jsp?page=2&id=402881e4");
        assert!(!strip_session(&mut c));
        assert_eq!(c.as_str(), "http://h/list.jsp?page=2&id=402881e4");
    }

    #[test]
    fn random_values_look_random_and_words_do_not() {
        assert!(looks_random("9f86d081884c7d659a2feaa0c55ad015"));
        assert!(looks_random("dGhpcyBpcyBhIFRlc3Q0NTY3ODk"));
        assert!(!looks_random("fdzdgknr"));
        assert!(!looks_random("t20261101_12345"));
        assert!(!looks_random("2026"));
    }

    #[test]
    fn a_family_generating_itself_is_capped_per_pattern() {
        let mut g = TrapGuard::new(TrapLimits {
            max_per_pattern: 5,
            ..TrapLimits::default()
        });
        // a session trap in the path: every page links to a fresh id
        let mut parent = u("http://h/s/9f86d081884c7d659a2feaa0c55ad015/index.html");
        let mut admitted = 0;
        for i in 0..40 {
            let next = u(&format!(
                "http://h/s/{i:08x}9f86d081884c7d659a2fea/index.html"
            ));
            if g.admit_from(&next, &TrapGuard::patterns(&parent)).is_ok() {
                admitted += 1;
                parent = next;
            }
        }
        assert_eq!(admitted, 4, "the first page plus four more make five");
        let recs = g.records();
        assert_eq!(recs.len(), 1);
        assert_eq!(recs[0].reason, TrapReason::Pattern);
        assert_eq!(recs[0].pattern, "http://h/s/*/index.html");
        assert_eq!(recs[0].count, 36);
        assert_eq!(recs[0].examples.len(), 3);
        // 500 articles of one shape linked from a list page are not a trap
        let list = TrapGuard::patterns(&u("http://h/xwzx/tzgg/index.html"));
        for i in 0..500 {
            let art = u(&format!("http://h/art/{i}/content.html"));
            assert!(g.admit_from(&art, &list).is_ok());
        }
    }

    #[test]
    fn path_calendars_are_a_calendar_trap() {
        let mut g = TrapGuard::new(TrapLimits {
            max_per_pattern: 10,
            ..TrapLimits::default()
        });
        let mut day = jiff::civil::date(2026, 1, 1);
        let mut parent = u("http://h/rl/2025/12/31/");
        let mut refused = None;
        for _ in 0..100 {
            let next = u(&format!(
                "http://h/rl/{}/{:02}/{:02}/",
                day.year(),
                day.month(),
                day.day()
            ));
            match g.admit_from(&next, &TrapGuard::patterns(&parent)) {
                Ok(()) => parent = next,
                Err(r) => {
                    refused = Some(r);
                    break;
                }
            }
            day = day.tomorrow().unwrap();
        }
        assert!(refused.is_some());
        assert!(g.records().iter().any(|r| r.pattern == "http://h/rl/#/#/#/"
            || r.pattern.starts_with("http://h/rl/")));
    }

    #[test]
    fn endless_pagination_is_cut_and_recorded() {
        let mut g = TrapGuard::default();
        assert!(
            g.admit_pagination(&u("http://h/list/index_50.html"), 50)
                .is_ok()
        );
        assert_eq!(
            g.admit_pagination(&u("http://h/list/index_51.html"), 51),
            Err(TrapReason::Pagination)
        );
        assert_eq!(g.records()[0].pattern, "http://h/list/…");
    }
}
