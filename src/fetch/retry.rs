//! Retry timing: exponential backoff with jitter, and `Retry-After` parsing
//! (delta-seconds or an HTTP date).

use rand::Rng;
use std::time::Duration;

/// Delay before retry number `attempt + 1`: base·2^attempt, ±50 % jitter, capped at 30 s.
pub fn backoff(base: Duration, attempt: u32) -> Duration {
    let exp = base.saturating_mul(1u32 << attempt.min(6));
    let capped = exp.min(Duration::from_secs(30));
    let jitter = rand::rng().random_range(0.5..1.5);
    capped.mul_f64(jitter)
}

/// Parse a `Retry-After` value: `120` or `Wed, 21 Oct 2026 07:28:00 GMT`.
pub fn parse_retry_after(value: &str) -> Option<Duration> {
    let v = value.trim();
    if let Ok(secs) = v.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let when = jiff::fmt::rfc2822::parse(v).ok()?.timestamp();
    let now = jiff::Timestamp::now();
    let secs = (when.as_second() - now.as_second()).max(0) as u64;
    Some(Duration::from_secs(secs))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_seconds_and_dates() {
        assert_eq!(parse_retry_after("2"), Some(Duration::from_secs(2)));
        assert_eq!(parse_retry_after(" 120 "), Some(Duration::from_secs(120)));
        assert_eq!(
            parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT"),
            Some(Duration::ZERO)
        );
        assert!(parse_retry_after("soon").is_none());
    }

    #[test]
    fn backoff_grows_and_is_capped() {
        let b = Duration::from_millis(100);
        assert!(backoff(b, 0) <= Duration::from_millis(150));
        assert!(backoff(b, 3) >= Duration::from_millis(400));
        assert!(backoff(b, 20) <= Duration::from_secs(45));
    }
}
