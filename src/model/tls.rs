//! Certificate problems as the report names them (expired, name mismatch, self-signed,
//! untrusted root, incomplete chain); the verifier that finds them lives in `fetch::tls`.

use serde::{Deserialize, Serialize};

/// One thing wrong with a host's certificate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum TlsIssue {
    /// `notAfter` is in the past (date `YYYY-MM-DD`, UTC)
    Expired { not_after: String },
    /// `notBefore` is in the future
    NotYetValid { not_before: String },
    /// the host is not among the names the certificate was issued for
    NameMismatch { host: String, names: Vec<String> },
    /// issued by itself, not by a certificate authority
    SelfSigned,
    /// the chain ends at a root certificate that is not trusted
    UntrustedRoot { root: String },
    /// the issuer's (intermediate) certificate was not sent by the server
    IncompleteChain { issuer: String },
    /// anything else webpki refused (bad signature, revoked, wrong key usage …)
    Other { detail: String },
}

impl TlsIssue {
    /// The problem in words, for the report (Chinese, or English with `--lang en`).
    pub fn describe(&self, lang: crate::i18n::Lang) -> String {
        match self {
            TlsIssue::Expired { not_after } => {
                tr!(
                    lang,
                    "证书已过期（有效期至 {not_after}）",
                    "the certificate expired on {not_after}"
                )
            }
            TlsIssue::NotYetValid { not_before } => tr!(
                lang,
                "证书尚未生效（生效日期 {not_before}）",
                "the certificate is not valid before {not_before}"
            ),
            TlsIssue::NameMismatch { host, names } => tr!(
                lang,
                "证书域名不匹配：访问的是 {host}，证书签发给 {}",
                "the certificate does not match the host: {host} was requested, the certificate names {}",
                if names.is_empty() {
                    "（无域名）".to_string()
                } else {
                    names.join("、")
                }
            ),
            TlsIssue::SelfSigned => lang
                .pick(
                    "自签名证书：不是由受信任的证书颁发机构签发",
                    "self-signed certificate: not issued by a trusted certificate authority",
                )
                .to_string(),
            TlsIssue::UntrustedRoot { root } => tr!(
                lang,
                "不受信任的颁发者：证书链的根证书“{root}”不在受信任根证书中",
                "untrusted issuer: the chain's root \"{root}\" is not a trusted root"
            ),
            TlsIssue::IncompleteChain { issuer } => tr!(
                lang,
                "证书链不完整：服务器未发送颁发者“{issuer}”的中间证书",
                "incomplete chain: the server did not send the intermediate certificate of \"{issuer}\""
            ),
            TlsIssue::Other { detail } => {
                tr!(lang, "证书无效：{detail}", "invalid certificate: {detail}")
            }
        }
    }
}

/// A host whose certificate failed validation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TlsProblem {
    pub host: String,
    pub issues: Vec<TlsIssue>,
    /// the webpki error, for experts
    pub error: String,
}

impl TlsProblem {
    /// All issues in one line.
    pub fn describe(&self, lang: crate::i18n::Lang) -> String {
        self.issues
            .iter()
            .map(|i| i.describe(lang))
            .collect::<Vec<_>>()
            .join(lang.pick("；", "; "))
    }
}
