//! robots.txt, fetched once per origin and obeyed (RFC 9309 fetch rules): 2xx text →
//! parse; 4xx or an HTML page served as robots.txt → allow all; 5xx or unreachable →
//! disallow all (the crawl records why, and `--ignore-robots` is the site team's way out).
//! A transport failure (TLS, DNS, connection) is not turned into "disallowed": the page
//! requests then fail with the real cause, which is what the report must show.

use super::{FetchOpts, Fetcher, ROBOTS_AGENT};
use crate::i18n::Lang;
use crate::model::ErrorClass;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use texting_robots::Robot;
use tokio::sync::OnceCell;
use url::Url;

/// The rules of one origin.
pub struct Rules {
    robot: Option<Robot>,
    disallow_all: Option<String>,
    pub crawl_delay: Option<Duration>,
}

impl Rules {
    pub fn allowed(&self, url: &Url) -> bool {
        if self.disallow_all.is_some() {
            return false;
        }
        match &self.robot {
            Some(r) => r.allowed(url.as_str()),
            None => true,
        }
    }

    pub fn refusal_message(&self, lang: Lang) -> String {
        match &self.disallow_all {
            Some(why) => tr!(
                lang,
                "robots.txt {why}：按 RFC 9309 视为全部禁止抓取；检查本单位网站时可用 --ignore-robots",
                "robots.txt {why}: treated as disallow-all (RFC 9309); use --ignore-robots for a self-check of your own site"
            ),
            None => lang
                .pick("robots.txt 禁止抓取", "disallowed by robots.txt")
                .to_string(),
        }
    }
}

type Slot = Arc<OnceCell<Arc<Rules>>>;

/// Per-origin cache.
#[derive(Default)]
pub struct RobotsCache {
    map: Mutex<HashMap<String, Slot>>,
}

impl RobotsCache {
    pub async fn get(&self, fetcher: &Fetcher, url: &Url) -> Arc<Rules> {
        let origin = url.origin().ascii_serialization();
        let slot = {
            let mut map = self.map.lock().expect("robots lock");
            map.entry(origin.clone()).or_default().clone()
        };
        slot.get_or_init(|| async move { Arc::new(Box::pin(load(fetcher, &origin)).await) })
            .await
            .clone()
    }
}

/// Longest Crawl-delay obeyed; a site asking for more is crawled at this pace (and told so).
pub const MAX_CRAWL_DELAY: Duration = Duration::from_secs(60);

/// What was wrong with a site's `Crawl-delay`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum DelayNote {
    /// NaN, negative or infinite: ignored
    Invalid(f32),
    /// longer than [`MAX_CRAWL_DELAY`]: clamped
    TooLong(f32),
}

/// A site's `Crawl-delay` as a usable duration: NaN, negative or infinite values are
/// ignored, huge ones clamped to [`MAX_CRAWL_DELAY`]; the note says which.
pub fn clamp_crawl_delay(d: f32) -> (Option<Duration>, Option<DelayNote>) {
    if !d.is_finite() || d < 0.0 {
        return (None, Some(DelayNote::Invalid(d)));
    }
    if d == 0.0 {
        return (None, None);
    }
    match Duration::try_from_secs_f32(d) {
        Ok(v) if v <= MAX_CRAWL_DELAY => (Some(v), None),
        _ => (Some(MAX_CRAWL_DELAY), Some(DelayNote::TooLong(d))),
    }
}

fn delay_note(lang: Lang, origin: &str, note: DelayNote) -> String {
    match note {
        DelayNote::Invalid(d) => tr!(
            lang,
            "{origin}/robots.txt 的 Crawl-delay 值 {d} 无效，已忽略",
            "{origin}/robots.txt: Crawl-delay {d} is not a valid delay; ignored"
        ),
        DelayNote::TooLong(d) => tr!(
            lang,
            "{origin}/robots.txt 的 Crawl-delay 值 {d} 秒过大，按 {} 秒执行",
            "{origin}/robots.txt: Crawl-delay {d} s is too long; {} s used",
            MAX_CRAWL_DELAY.as_secs()
        ),
    }
}

/// Read a robots.txt body the way the crawl does (pure: for tests and fuzzing): `None`
/// when it is an HTML page (allow all) or unparsable (allow all).
pub fn parse_robots(
    body: &[u8],
    content_type: Option<&str>,
) -> Option<(Robot, Option<Duration>, Option<DelayNote>)> {
    let is_html = content_type.is_some_and(|ct| ct.contains("html"))
        || body.trim_ascii_start().starts_with(b"<");
    if is_html {
        return None;
    }
    let robot = Robot::new(ROBOTS_AGENT, body).ok()?;
    let (delay, note) = robot.delay.map(clamp_crawl_delay).unwrap_or((None, None));
    Some((robot, delay, note))
}

async fn load(fetcher: &Fetcher, origin: &str) -> Rules {
    let allow_all = Rules {
        robot: None,
        disallow_all: None,
        crawl_delay: None,
    };
    let Ok(url) = Url::parse(&format!("{origin}/robots.txt")) else {
        return allow_all;
    };
    let opts = FetchOpts {
        max_body: 512 * 1024,
        ..Default::default()
    };
    match fetcher.fetch_unchecked(&url, &opts).await {
        Ok(resp) if (200..300).contains(&resp.status) => {
            match parse_robots(&resp.body, resp.content_type.as_deref()) {
                Some((robot, crawl_delay, note)) => {
                    if let Some(n) = note {
                        fetcher.note(delay_note(fetcher.config().lang, origin, n));
                    }
                    Rules {
                        robot: Some(robot),
                        disallow_all: None,
                        crawl_delay,
                    }
                }
                None => allow_all,
            }
        }
        Ok(resp) if resp.status >= 500 => Rules {
            robot: None,
            disallow_all: Some(tr!(
                fetcher.config().lang,
                "返回 HTTP {}",
                "answered HTTP {}",
                resp.status
            )),
            crawl_delay: None,
        },
        Ok(_) => allow_all,
        // A transport failure (TLS, DNS, refused, timeout) will hit the pages too; let them
        // report the real cause instead of hiding it behind "robots.txt unreachable".
        Err(e) if !matches!(e.class, ErrorClass::ServerError) => allow_all,
        Err(e) => Rules {
            robot: None,
            disallow_all: Some(tr!(
                fetcher.config().lang,
                "无法获取（{}）",
                "could not be fetched ({})",
                e.message
            )),
            crawl_delay: None,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn absurd_crawl_delays_are_clamped_or_ignored_and_noted() {
        assert_eq!(
            clamp_crawl_delay(1e20),
            (Some(MAX_CRAWL_DELAY), Some(DelayNote::TooLong(1e20)))
        );
        assert_eq!(clamp_crawl_delay(f32::INFINITY).0, None);
        assert!(matches!(
            clamp_crawl_delay(f32::NAN),
            (None, Some(DelayNote::Invalid(_)))
        ));
        assert_eq!(clamp_crawl_delay(-3.0).0, None);
        assert_eq!(
            clamp_crawl_delay(2.5),
            (Some(Duration::from_millis(2500)), None)
        );
        let (_, d, n) = parse_robots(b"User-agent: *\nCrawl-delay: 1e20\n", None).unwrap();
        assert_eq!(d, Some(MAX_CRAWL_DELAY));
        assert!(n.is_some());
        // the parser drops NaN itself; infinity reaches us and is ignored with a note
        let (_, d, n) = parse_robots(b"User-agent: *\nCrawl-delay: NaN\n", None).unwrap();
        assert_eq!((d, n), (None, None));
        let (_, d, n) = parse_robots(b"User-agent: *\nCrawl-delay: inf\n", None).unwrap();
        assert_eq!((d, n.is_some()), (None, true));
    }
}
