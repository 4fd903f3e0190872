//! Configuration file (`--config zwgk.toml`): the same settings as the command line, so a
//! monthly cron job or an assessor's batch keeps its politeness and limits in one place.
//! Command-line flags override the file.
//!
//! ```toml
//! [crawl]
//! rate = 2.0           # requests per second per host (0 = unlimited)
//! per_host = 2         # concurrent requests per host
//! concurrency = 8      # requests in flight overall
//! max_pages = 5000
//! sample = 5          # articles per list page fetched early
//! max_depth = 10
//! timeout = 30         # seconds per request
//! retries = 2
//! max_body_mb = 10
//! max_duration = 7200  # seconds for the whole run of one site (crawl, verification, checks)
//! max_per_pattern = 50 # URLs per trap pattern
//! ignore_robots = false
//! user_agent = "zwgk/0.1 (…)"
//! hosts = ["xxgk.example.gov.cn"]   # extra hosts in scope
//! resolve = ["www.example.gov.cn:80:10.0.0.5"]        # HOST:PORT:ADDR, like curl
//! connect_to = ["www.example.gov.cn:443:10.0.0.5:8443"]  # staging under the production URL
//!
//! [check]
//! rules = ["cq-wlw-2021", "gov-2019"]
//! overrides = "site-overrides.toml"
//! ```

use serde::Deserialize;
use std::path::{Path, PathBuf};
use thiserror::Error;

#[derive(Debug, Error)]
pub enum ConfigError {
    #[error("cannot read config file {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("config file {path} is invalid: {message}")]
    Parse { path: PathBuf, message: String },
}

/// `[crawl]` section.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CrawlSection {
    pub rate: Option<f64>,
    pub per_host: Option<usize>,
    pub concurrency: Option<usize>,
    pub max_pages: Option<usize>,
    pub sample: Option<usize>,
    pub max_depth: Option<u32>,
    pub timeout: Option<f64>,
    pub retries: Option<u32>,
    pub max_body_mb: Option<f64>,
    pub max_duration: Option<f64>,
    pub max_per_pattern: Option<u32>,
    pub ignore_robots: Option<bool>,
    pub user_agent: Option<String>,
    #[serde(default)]
    pub hosts: Vec<String>,
    #[serde(default)]
    pub resolve: Vec<String>,
    #[serde(default)]
    pub connect_to: Vec<String>,
}

/// `[check]` section.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckSection {
    #[serde(default)]
    pub rules: Vec<String>,
    pub overrides: Option<PathBuf>,
}

/// The whole file.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileConfig {
    #[serde(default)]
    pub crawl: CrawlSection,
    #[serde(default)]
    pub check: CheckSection,
}

impl FileConfig {
    /// Load and validate a config file; errors name the file, line and column.
    pub fn load(path: &Path) -> Result<Self, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
            path: path.to_path_buf(),
            source,
        })?;
        Self::parse(&text, path)
    }

    pub fn parse(text: &str, path: &Path) -> Result<Self, ConfigError> {
        toml::from_str(text).map_err(|e| {
            let message = match e.span() {
                Some(span) => {
                    let line = text[..span.start].matches('\n').count() + 1;
                    let col = span.start - text[..span.start].rfind('\n').map_or(0, |i| i + 1) + 1;
                    format!("line {line}, column {col}: {}", e.message())
                }
                None => e.message().to_string(),
            };
            ConfigError::Parse {
                path: path.to_path_buf(),
                message,
            }
        })
    }
}

/// Longest `--timeout` accepted (one hour per request).
pub const MAX_TIMEOUT_SECS: f64 = 3600.0;
/// Longest `--max-duration` accepted (30 days).
pub const MAX_DURATION_SECS: f64 = 30.0 * 24.0 * 3600.0;
/// Default time budget of one site's run (crawl, verification, checks).
pub const DEFAULT_MAX_DURATION_SECS: u64 = 2 * 3600;

/// A user-given number of seconds: finite, positive, at most `max`. The error names the
/// setting (`--timeout`, `timeout in sites.toml line 4` …).
pub fn user_seconds(name: &str, v: f64, max: f64) -> Result<std::time::Duration, String> {
    if !v.is_finite() || v <= 0.0 {
        return Err(format!(
            "{name} must be a positive, finite number of seconds (got {v})"
        ));
    }
    if v > max {
        return Err(format!("{name} must be at most {max} seconds (got {v})"));
    }
    std::time::Duration::try_from_secs_f64(v)
        .map_err(|e| format!("{name}: {v} is not a usable duration ({e})"))
}

/// A user-given rate (requests per second per host): 0 = unlimited, else between one
/// request an hour and 10,000 a second.
pub fn user_rate(name: &str, v: f64) -> Result<f64, String> {
    if v == 0.0 {
        return Ok(0.0);
    }
    if !v.is_finite() || !(1.0 / 3600.0..=10_000.0).contains(&v) {
        return Err(format!(
            "{name} must be 0 (unlimited) or between 0.0003 and 10000 requests per second (got {v})"
        ));
    }
    Ok(v)
}

/// A user-given size in MiB (body caps): finite, positive, at most 4 GiB.
pub fn user_mib(name: &str, v: f64) -> Result<u64, String> {
    if !v.is_finite() || v <= 0.0 || v > 4096.0 {
        return Err(format!(
            "{name} must be a positive number of MiB, at most 4096 (got {v})"
        ));
    }
    Ok(((v * 1024.0 * 1024.0) as u64).max(1024))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_values_out_of_range_are_errors_naming_the_setting() {
        assert!(
            user_seconds("--max-duration", f64::INFINITY, MAX_DURATION_SECS)
                .unwrap_err()
                .contains("--max-duration")
        );
        assert!(user_seconds("--timeout", f64::NAN, MAX_TIMEOUT_SECS).is_err());
        assert!(user_seconds("--timeout", 1e300, MAX_TIMEOUT_SECS).is_err());
        assert_eq!(
            user_seconds("--timeout", 1.5, MAX_TIMEOUT_SECS).unwrap(),
            std::time::Duration::from_millis(1500)
        );
        assert!(user_rate("--rate", 5e-324).unwrap_err().contains("--rate"));
        assert!(user_rate("--rate", f64::INFINITY).is_err());
        assert_eq!(user_rate("--rate", 0.0), Ok(0.0));
        assert_eq!(user_rate("--rate", 2.5), Ok(2.5));
        assert!(user_mib("--max-body-mb", f64::NAN).is_err());
        assert_eq!(user_mib("--max-body-mb", 1.0), Ok(1024 * 1024));
    }

    #[test]
    fn parses_and_reports_line_of_errors() {
        let ok = FileConfig::parse(
            "[crawl]\nrate = 1.5\nresolve = [\"a:80:127.0.0.1\"]\nconnect_to = [\"a:80:127.0.0.1:8080\"]\n",
            Path::new("z.toml"),
        )
        .unwrap();
        assert_eq!(ok.crawl.rate, Some(1.5));
        assert_eq!(ok.crawl.resolve.len(), 1);
        assert_eq!(ok.crawl.connect_to, ["a:80:127.0.0.1:8080"]);
        let err =
            FileConfig::parse("[crawl]\nrate = 1\nspeed = 3\n", Path::new("z.toml")).unwrap_err();
        let msg = err.to_string();
        assert!(msg.contains("z.toml") && msg.contains("line 3"), "{msg}");
    }
}
