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
            let is_html = resp
                .content_type
                .as_deref()
                .is_some_and(|ct| ct.contains("html"))
                || resp.body.trim_ascii_start().starts_with(b"<");
            if is_html {
                return allow_all;
            }
            match Robot::new(ROBOTS_AGENT, &resp.body) {
                Ok(robot) => {
                    let crawl_delay = robot
                        .delay
                        .filter(|d| d.is_finite() && *d > 0.0)
                        .map(Duration::from_secs_f32);
                    Rules {
                        robot: Some(robot),
                        disallow_all: None,
                        crawl_delay,
                    }
                }
                Err(_) => allow_all,
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
