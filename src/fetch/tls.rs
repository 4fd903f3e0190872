//! Certificate problems do not end a check: a rustls verifier that validates every server
//! certificate against the bundled Mozilla roots (webpki), and when validation fails records
//! what is wrong — expired (with the date), name mismatch (with the names), self-signed,
//! untrusted root, incomplete chain — and lets the connection go on with verification off
//! for that host. The report says so, and GOV-I01 fails with the problem named.

use rustls::DigitallySignedStruct;
use rustls::client::WebPkiServerVerifier;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

pub use crate::model::{TlsIssue, TlsProblem};

/// Hosts with certificate problems seen so far (first handshake per host).
#[derive(Debug, Default, Clone)]
pub struct TlsLog(Arc<Mutex<BTreeMap<String, TlsProblem>>>);

impl TlsLog {
    pub fn problems(&self) -> Vec<TlsProblem> {
        self.0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .values()
            .cloned()
            .collect()
    }

    fn record(&self, p: TlsProblem) {
        self.0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .entry(p.host.clone())
            .or_insert(p);
    }
}

/// Validates like a browser, records failures, never refuses the connection for them.
#[derive(Debug)]
pub struct RecordingVerifier {
    inner: Arc<WebPkiServerVerifier>,
    log: TlsLog,
}

impl RecordingVerifier {
    pub fn new(inner: Arc<WebPkiServerVerifier>, log: TlsLog) -> Self {
        RecordingVerifier { inner, log }
    }
}

impl ServerCertVerifier for RecordingVerifier {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        match self.inner.verify_server_cert(
            end_entity,
            intermediates,
            server_name,
            ocsp_response,
            now,
        ) {
            Ok(v) => Ok(v),
            Err(e) => {
                let host = server_name.to_str().to_string();
                let issues = classify(end_entity, intermediates, &host, &e, now);
                tracing::warn!(%host, error = %e, "certificate not valid; continuing with verification off for this host");
                self.log.record(TlsProblem {
                    host,
                    issues,
                    error: e.to_string(),
                });
                Ok(ServerCertVerified::assertion())
            }
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.inner.verify_tls12_signature(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.inner.verify_tls13_signature(message, cert, dss)
    }

    fn supported_verify_schemes(&self) -> Vec<rustls::SignatureScheme> {
        self.inner.supported_verify_schemes()
    }
}

fn date_of(secs: i64) -> String {
    jiff::Timestamp::from_second(secs)
        .map(|t| t.to_zoned(jiff::tz::TimeZone::UTC).date().to_string())
        .unwrap_or_else(|_| secs.to_string())
}

fn common_name(name: &x509_parser::x509::X509Name<'_>) -> String {
    name.iter_common_name()
        .next()
        .and_then(|cn| cn.as_str().ok())
        .map(str::to_string)
        .unwrap_or_else(|| name.to_string())
}

fn name_matches(pattern: &str, host: &str) -> bool {
    let (p, h) = (pattern.to_ascii_lowercase(), host.to_ascii_lowercase());
    match p.strip_prefix("*.") {
        Some(rest) => h
            .split_once('.')
            .is_some_and(|(label, tail)| !label.is_empty() && tail == rest),
        None => p == h,
    }
}

/// What is wrong with the chain, read from the certificates themselves (every problem, not
/// only the first webpki stopped at), with webpki's error as the fallback.
pub fn classify(
    end_entity: &CertificateDer<'_>,
    intermediates: &[CertificateDer<'_>],
    host: &str,
    err: &rustls::Error,
    now: UnixTime,
) -> Vec<TlsIssue> {
    use rustls::CertificateError as CE;
    let mut issues = Vec::new();
    let Ok((_, leaf)) = x509_parser::parse_x509_certificate(end_entity.as_ref()) else {
        return vec![TlsIssue::Other {
            detail: err.to_string(),
        }];
    };
    let now = now.as_secs() as i64;
    let validity = leaf.validity();
    if validity.not_after.timestamp() < now {
        issues.push(TlsIssue::Expired {
            not_after: date_of(validity.not_after.timestamp()),
        });
    }
    if validity.not_before.timestamp() > now {
        issues.push(TlsIssue::NotYetValid {
            not_before: date_of(validity.not_before.timestamp()),
        });
    }
    let mut names: Vec<String> = Vec::new();
    if let Ok(Some(san)) = leaf.subject_alternative_name() {
        for n in &san.value.general_names {
            match n {
                x509_parser::extensions::GeneralName::DNSName(d) => names.push(d.to_string()),
                x509_parser::extensions::GeneralName::IPAddress(ip) if ip.len() == 4 => {
                    names.push(format!("{}.{}.{}.{}", ip[0], ip[1], ip[2], ip[3]))
                }
                _ => {}
            }
        }
    }
    if names.is_empty()
        && let Some(cn) = leaf.subject().iter_common_name().next()
        && let Ok(cn) = cn.as_str()
    {
        names.push(cn.to_string());
    }
    if !names.iter().any(|n| name_matches(n, host)) {
        issues.push(TlsIssue::NameMismatch {
            host: host.to_string(),
            names,
        });
    }
    let chain_error = matches!(
        err,
        rustls::Error::InvalidCertificate(CE::UnknownIssuer | CE::BadSignature)
    ) || matches!(err, rustls::Error::InvalidCertificate(CE::Other(_)));
    let self_signed = leaf.issuer().as_raw() == leaf.subject().as_raw();
    if self_signed {
        issues.push(TlsIssue::SelfSigned);
    } else if chain_error {
        let parsed: Vec<_> = intermediates
            .iter()
            .filter_map(|c| x509_parser::parse_x509_certificate(c.as_ref()).ok())
            .map(|(_, c)| c)
            .collect();
        match parsed.last() {
            None => issues.push(TlsIssue::IncompleteChain {
                issuer: common_name(leaf.issuer()),
            }),
            Some(top) if top.issuer().as_raw() == top.subject().as_raw() => {
                issues.push(TlsIssue::UntrustedRoot {
                    root: common_name(top.subject()),
                })
            }
            Some(top) => issues.push(TlsIssue::IncompleteChain {
                issuer: common_name(top.issuer()),
            }),
        }
    }
    if issues.is_empty() {
        issues.push(TlsIssue::Other {
            detail: err.to_string(),
        });
    }
    issues
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wildcards_match_one_label() {
        assert!(name_matches("*.cq.gov.cn", "www.cq.gov.cn"));
        assert!(!name_matches("*.cq.gov.cn", "a.b.cq.gov.cn"));
        assert!(!name_matches("*.cq.gov.cn", "cq.gov.cn"));
        assert!(name_matches("WWW.X.GOV.CN", "www.x.gov.cn"));
    }

    #[test]
    fn issues_are_described_in_chinese() {
        let lang = crate::i18n::Lang::Zh;
        let e = TlsIssue::Expired {
            not_after: "2021-03-01".into(),
        };
        assert_eq!(e.describe(lang), "证书已过期（有效期至 2021-03-01）");
        let m = TlsIssue::NameMismatch {
            host: "www.a.gov.cn".into(),
            names: vec!["www.b.gov.cn".into()],
        };
        assert!(m.describe(lang).contains("域名不匹配"));
        assert!(m.describe(lang).contains("www.b.gov.cn"));
        assert!(TlsIssue::SelfSigned.describe(lang).contains("自签名"));
    }
}
