//! A bad certificate does not end the check: https sites on loopback with certificates
//! generated here (expired, wrong name, self-signed, missing intermediate, untrusted root).
//! The crawl goes on with verification off for that host, GOV-V01 is decided on whether the
//! server answers, and GOV-I01 fails naming the problem in Chinese.

mod common;

use common::read_json;
use http_body_util::Full;
use hyper_util::rt::TokioIo;
use rcgen::{BasicConstraints, CertificateParams, DnType, IsCa, Issuer, KeyPair};
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use serde_json::Value;
use std::convert::Infallible;
use std::sync::Arc;

const HOST: &str = "www.tls.gov.cn";

fn ca(name: &str) -> (CertificateDer<'static>, Issuer<'static, KeyPair>) {
    let key = KeyPair::generate().unwrap();
    let mut p = CertificateParams::new(Vec::<String>::new()).unwrap();
    p.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    p.distinguished_name.push(DnType::CommonName, name);
    let cert = p.self_signed(&key).unwrap();
    (cert.der().clone(), Issuer::new(p, key))
}

fn intermediate(
    name: &str,
    root: &Issuer<'static, KeyPair>,
) -> (CertificateDer<'static>, Issuer<'static, KeyPair>) {
    let key = KeyPair::generate().unwrap();
    let mut p = CertificateParams::new(Vec::<String>::new()).unwrap();
    p.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    p.distinguished_name.push(DnType::CommonName, name);
    let cert = p.signed_by(&key, root).unwrap();
    (cert.der().clone(), Issuer::new(p, key))
}

/// A leaf for `names`, signed by `issuer` (self-signed when `None`), optionally expired.
fn leaf(
    names: &[&str],
    issuer: Option<&Issuer<'static, KeyPair>>,
    expired: bool,
) -> (CertificateDer<'static>, PrivateKeyDer<'static>) {
    let key = KeyPair::generate().unwrap();
    let mut p =
        CertificateParams::new(names.iter().map(|s| s.to_string()).collect::<Vec<_>>()).unwrap();
    p.distinguished_name.push(DnType::CommonName, names[0]);
    if expired {
        p.not_before = rcgen::date_time_ymd(2020, 3, 1);
        p.not_after = rcgen::date_time_ymd(2021, 3, 1);
    }
    let cert = match issuer {
        Some(i) => p.signed_by(&key, i).unwrap(),
        None => p.self_signed(&key).unwrap(),
    };
    let der = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(key.serialize_der()));
    (cert.der().clone(), der)
}

/// Serve a three-page site over https with this chain; returns (runtime, port).
fn serve(
    chain: Vec<CertificateDer<'static>>,
    key: PrivateKeyDer<'static>,
) -> (tokio::runtime::Runtime, u16) {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .unwrap();
    let config = rustls::ServerConfig::builder_with_provider(Arc::new(
        rustls::crypto::aws_lc_rs::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .unwrap()
    .with_no_client_auth()
    .with_single_cert(chain, key)
    .unwrap();
    let acceptor = tokio_rustls::TlsAcceptor::from(Arc::new(config));
    let listener = rt
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .unwrap();
    let port = listener.local_addr().unwrap().port();
    rt.spawn(async move {
        loop {
            let Ok((tcp, _)) = listener.accept().await else {
                continue;
            };
            let acceptor = acceptor.clone();
            tokio::spawn(async move {
                let Ok(tls) = acceptor.accept(tcp).await else {
                    return;
                };
                let svc = hyper::service::service_fn(|req: hyper::Request<_>| async move {
                    let body = match req.uri().path() {
                        "/" => "<html><head><title>证书测试站</title></head><body><a href=\"/a.html\">政务公开</a><a href=\"/b.html\">联系我们</a></body></html>",
                        "/robots.txt" => "User-agent: *\nAllow: /\n",
                        _ => "<html><head><title>内页</title></head><body><p>内容</p></body></html>",
                    };
                    let ct = if req.uri().path() == "/robots.txt" {
                        "text/plain"
                    } else {
                        "text/html; charset=utf-8"
                    };
                    Ok::<_, Infallible>(
                        hyper::Response::builder()
                            .header("content-type", ct)
                            .body(Full::new(bytes::Bytes::from_static(body.as_bytes())))
                            .unwrap(),
                    )
                });
                let _ = hyper::server::conn::http1::Builder::new()
                    .serve_connection(TokioIo::new(tls), svc)
                    .await;
            });
        }
    });
    (rt, port)
}

/// Check the https site; returns the report.
fn check(port: u16) -> Value {
    let out = tempfile::tempdir().unwrap();
    let url = format!("https://{HOST}:{port}/");
    let resolve = format!("{HOST}:{port}:127.0.0.1");
    let output = common::zwgk(&[
        "check",
        &url,
        "--resolve",
        &resolve,
        "--no-dns",
        "--rate",
        "0",
        "--no-history",
        "--format",
        "json,md",
        "--as-of",
        "2026-11-27",
        "--out",
        &out.path().to_string_lossy(),
    ]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        matches!(output.status.code(), Some(0) | Some(2)),
        "exit {:?}: {stderr}",
        output.status
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    let report = read_json(&out.path().join("report.json"));
    // what report.json lists under crawl.tls, report.md says to a person
    let md = std::fs::read_to_string(out.path().join("report.md")).unwrap();
    for t in report["crawl"]["tls"].as_array().unwrap() {
        assert!(md.contains("### 证书问题"), "{md}");
        assert!(md.contains(t["host"].as_str().unwrap()));
    }
    report
}

fn check_result<'a>(r: &'a Value, id: &str) -> &'a Value {
    r["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == id)
        .unwrap_or_else(|| panic!("{id} missing"))
}

/// The common expectations: the crawl went on, V01 passed, I01 failed; returns I01's message.
fn crawled_despite_certificate(r: &Value) -> String {
    let pages: Vec<&str> = r["pages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["url"].as_str().unwrap())
        .collect();
    assert!(
        pages.iter().any(|u| u.ends_with("/a.html"))
            && pages.iter().any(|u| u.ends_with("/b.html")),
        "the crawl must continue past the home page: {pages:?}"
    );
    assert_eq!(
        check_result(r, "GOV-V01")["status"],
        "pass",
        "GOV-V01 is about answering"
    );
    let i01 = check_result(r, "GOV-I01");
    assert_eq!(i01["status"], "fail", "{i01}");
    let tls = r["crawl"]["tls"].as_array().expect("crawl.tls");
    assert_eq!(tls.len(), 1, "{tls:?}");
    assert_eq!(tls[0]["host"], HOST);
    assert_eq!(tls[0]["verification_off"], true);
    assert!(
        tls[0]["message"]
            .as_str()
            .unwrap()
            .contains("已对该主机关闭证书校验"),
        "{tls:?}"
    );
    let msg = i01["message"].as_str().unwrap().to_string();
    assert!(
        !msg.contains("invalid peer certificate"),
        "raw library error: {msg}"
    );
    msg
}

#[test]
fn expired_certificate_is_named_with_its_date() {
    let (root_der, root) = ca("Test Root CA");
    let (leaf, key) = leaf(&[HOST], Some(&root), true);
    let (_rt, port) = serve(vec![leaf, root_der], key);
    let msg = crawled_despite_certificate(&check(port));
    assert!(
        msg.contains("已过期") && msg.contains("2021-03-01"),
        "{msg}"
    );
    assert!(
        !msg.contains("域名不匹配") && !msg.contains("自签名"),
        "{msg}"
    );
}

#[test]
fn wrong_name_is_named_with_both_names() {
    let (root_der, root) = ca("Test Root CA");
    let (leaf, key) = leaf(&["www.other.gov.cn"], Some(&root), false);
    let (_rt, port) = serve(vec![leaf, root_der], key);
    let msg = crawled_despite_certificate(&check(port));
    assert!(msg.contains("域名不匹配"), "{msg}");
    assert!(
        msg.contains(HOST) && msg.contains("www.other.gov.cn"),
        "{msg}"
    );
    assert!(!msg.contains("已过期"), "{msg}");
}

#[test]
fn self_signed_certificate_is_named() {
    let (leaf, key) = leaf(&[HOST], None, false);
    let (_rt, port) = serve(vec![leaf], key);
    let msg = crawled_despite_certificate(&check(port));
    assert!(msg.contains("自签名"), "{msg}");
    assert!(
        !msg.contains("证书链不完整") && !msg.contains("域名不匹配"),
        "{msg}"
    );
}

#[test]
fn missing_intermediate_is_an_incomplete_chain() {
    let (_root_der, root) = ca("Test Root CA");
    let (_int_der, int) = intermediate("Test Intermediate CA", &root);
    let (leaf, key) = leaf(&[HOST], Some(&int), false);
    let (_rt, port) = serve(vec![leaf], key);
    let msg = crawled_despite_certificate(&check(port));
    assert!(
        msg.contains("证书链不完整") && msg.contains("Test Intermediate CA"),
        "{msg}"
    );
    assert!(!msg.contains("自签名") && !msg.contains("根证书"), "{msg}");
}

#[test]
fn untrusted_root_is_told_apart_from_an_incomplete_chain() {
    let (root_der, root) = ca("Private Gov Root");
    let (int_der, int) = intermediate("Private Gov Intermediate", &root);
    let (leaf, key) = leaf(&[HOST], Some(&int), false);
    let (_rt, port) = serve(vec![leaf, int_der, root_der], key);
    let msg = crawled_despite_certificate(&check(port));
    assert!(
        msg.contains("不受信任的颁发者") && msg.contains("Private Gov Root"),
        "{msg}"
    );
    assert!(
        !msg.contains("证书链不完整") && !msg.contains("自签名"),
        "{msg}"
    );
}
