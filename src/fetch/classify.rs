//! Failure classification: reqwest errors → [`ErrorClass`], and WAF/anti-bot challenge
//! answers (瑞数 412 + `$_ts`, 知道创宇/加速乐 521 + cookie script, 403 challenge pages)
//! recognised from status and body so they are never reported as missing pages.

use crate::model::ErrorClass;
use std::error::Error as _;

/// Map a transport error to an error class by walking its source chain.
pub fn classify_reqwest(e: &reqwest::Error) -> ErrorClass {
    if e.is_timeout() {
        return ErrorClass::Timeout;
    }
    if e.is_dns() {
        return ErrorClass::Dns;
    }
    let mut src: Option<&(dyn std::error::Error + 'static)> = e.source();
    while let Some(s) = src {
        if s.downcast_ref::<rustls::Error>().is_some() {
            return ErrorClass::Tls;
        }
        if let Some(io) = s.downcast_ref::<std::io::Error>() {
            if io.kind() == std::io::ErrorKind::TimedOut {
                return ErrorClass::Timeout;
            }
            if io_wraps_tls(io) {
                return ErrorClass::Tls;
            }
        }
        let text = s.to_string().to_ascii_lowercase();
        if text.contains("dns") || text.contains("resolve") || text.contains("lookup") {
            return ErrorClass::Dns;
        }
        if text.contains("certificate") || text.contains("tls") || text.contains("handshake") {
            return ErrorClass::Tls;
        }
        src = s.source();
    }
    if e.is_connect() {
        ErrorClass::Connect
    } else if e.is_redirect() {
        ErrorClass::TooManyRedirects
    } else {
        ErrorClass::Other
    }
}

/// io::Error wraps its payload without exposing it as `source()`: unwrap nested io errors.
fn io_wraps_tls(io: &std::io::Error) -> bool {
    let mut inner = io.get_ref();
    for _ in 0..8 {
        match inner {
            Some(e) if e.downcast_ref::<rustls::Error>().is_some() => return true,
            Some(e) => match e.downcast_ref::<std::io::Error>() {
                Some(nested) => inner = nested.get_ref(),
                None => return false,
            },
            None => return false,
        }
    }
    false
}

/// A readable one-line description of a transport error (the innermost cause included).
pub fn describe(e: &reqwest::Error, class: ErrorClass) -> String {
    let mut parts = vec![e.to_string()];
    let mut src: Option<&(dyn std::error::Error + 'static)> = e.source();
    while let Some(s) = src {
        let t = s.to_string();
        if !parts.iter().any(|p| p.contains(&t)) {
            parts.push(t);
        }
        src = s.source();
    }
    format!("{class:?}: {}", parts.join(": "))
}

/// Which anti-bot product answered, if the response is a challenge rather than content.
pub fn detect_waf(status: u16, body: &[u8]) -> Option<&'static str> {
    let head = &body[..body.len().min(64 * 1024)];
    let has = |needle: &[u8]| head.windows(needle.len()).any(|w| w == needle);
    let small = body.len() < 64 * 1024;
    if small && has(b"$_ts") {
        return Some("瑞数 (Ruishu) $_ts challenge");
    }
    match status {
        412 => Some("HTTP 412 challenge (瑞数-style)"),
        521 if has(b"document.cookie") || has(b"__jsl") => {
            Some("知道创宇/加速乐 cookie challenge (521)")
        }
        521 => Some("HTTP 521 challenge"),
        403 | 405 | 418 | 444 | 468
            if small
                && (has("安全狗".as_bytes())
                    || has("拦截".as_bytes())
                    || has("防火墙".as_bytes())
                    || has("云防护".as_bytes())
                    || has("创宇".as_bytes())
                    || has(b"waf")
                    || has(b"WAF")
                    || has(b"captcha")
                    || has(b"challenge")) =>
        {
            Some("HTTP 403 firewall block page")
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ruishu_412_is_blocked() {
        let body = b"<html><script>$_ts=window['$_ts'];if(!$_ts)$_ts={};</script></html>";
        assert!(detect_waf(412, body).unwrap().contains("瑞数"));
        // the same challenge on 200 is still a challenge
        assert!(detect_waf(200, body).is_some());
    }

    #[test]
    fn jiasule_521_is_blocked() {
        let body = b"<script>document.cookie='__jsluid_s=abc';location.reload()</script>";
        assert!(detect_waf(521, body).unwrap().contains("加速乐"));
    }

    #[test]
    fn plain_404_and_page_are_not_waf() {
        assert!(detect_waf(404, "<h1>页面不存在</h1>".as_bytes()).is_none());
        assert!(detect_waf(200, "<h1>政务公开</h1>".as_bytes()).is_none());
        assert!(detect_waf(403, b"Forbidden").is_none());
        assert!(detect_waf(403, "您的访问被防火墙拦截".as_bytes()).is_some());
    }
}
