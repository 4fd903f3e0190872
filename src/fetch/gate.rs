//! Per-host politeness gates: a governor rate limiter (requests/s) plus a semaphore
//! capping concurrent connections, one pair per host. robots.txt `Crawl-delay` can slow a
//! host down further, never speed it up.

use governor::{DefaultDirectRateLimiter, Quota, RateLimiter};
use std::collections::HashMap;
use std::num::NonZeroU32;
use std::sync::{Arc, Mutex, RwLock};
use std::time::Duration;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};
use url::Url;

/// The gate of one host.
pub struct HostGate {
    limiter: RwLock<Option<Arc<DefaultDirectRateLimiter>>>,
    period: RwLock<Option<Duration>>,
    sem: Arc<Semaphore>,
}

impl HostGate {
    /// Wait for a connection slot, then for the rate limiter.
    pub async fn acquire(&self) -> OwnedSemaphorePermit {
        let permit = self
            .sem
            .clone()
            .acquire_owned()
            .await
            .expect("semaphore never closed");
        let limiter = self.limiter.read().expect("gate lock").clone();
        if let Some(l) = limiter {
            l.until_ready().await;
        }
        permit
    }
}

fn limiter_for(period: Duration) -> Arc<DefaultDirectRateLimiter> {
    let quota = Quota::with_period(period)
        .unwrap_or_else(|| Quota::per_second(NonZeroU32::MAX))
        .allow_burst(NonZeroU32::MIN);
    Arc::new(RateLimiter::direct(quota))
}

/// All hosts' gates.
pub struct HostGates {
    period: Option<Duration>,
    per_host: usize,
    gates: Mutex<HashMap<String, Arc<HostGate>>>,
}

impl HostGates {
    /// `rate` requests/s per host (0 = unlimited), `per_host` concurrent requests.
    pub fn new(rate: f64, per_host: usize) -> Self {
        // the command line validates `rate`; a library caller's NaN or subnormal value
        // must not panic either: unusable periods mean "unlimited" or one request an hour
        let period = (rate > 0.0).then(|| {
            Duration::try_from_secs_f64(1.0 / rate)
                .unwrap_or(Duration::from_secs(3600))
                .min(Duration::from_secs(3600))
        });
        HostGates {
            period,
            per_host: per_host.max(1),
            gates: Mutex::new(HashMap::new()),
        }
    }

    fn key(url: &Url) -> String {
        format!(
            "{}:{}",
            url.host_str().unwrap_or(""),
            url.port_or_known_default().unwrap_or(0)
        )
    }

    pub fn gate(&self, url: &Url) -> Arc<HostGate> {
        let mut map = self.gates.lock().expect("gates lock");
        map.entry(Self::key(url))
            .or_insert_with(|| {
                Arc::new(HostGate {
                    limiter: RwLock::new(self.period.map(limiter_for)),
                    period: RwLock::new(self.period),
                    sem: Arc::new(Semaphore::new(self.per_host)),
                })
            })
            .clone()
    }

    /// Slow a host down to robots.txt's Crawl-delay if that is slower than the configured rate.
    pub fn apply_crawl_delay(&self, url: &Url, delay: Duration) {
        let gate = self.gate(url);
        let mut period = gate.period.write().expect("gate lock");
        let slower = match *period {
            Some(p) => delay > p,
            None => true,
        };
        // cap absurd delays at 60 s so a crawl can still finish
        let delay = delay.min(Duration::from_secs(60));
        if slower && !delay.is_zero() {
            *period = Some(delay);
            *gate.limiter.write().expect("gate lock") = Some(limiter_for(delay));
        }
    }
}
