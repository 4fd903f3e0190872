//! `--connect-to` at the wire: a request for HOST:PORT_A is sent to 127.0.0.1:PORT_B with
//! the production Host header (`HOST:PORT_A`) and the production URL's path, and nothing
//! reaches PORT_A; a `--resolve` entry for PORT_A does not route PORT_B. Two raw TCP
//! listeners on loopback record what arrives.

use std::sync::{Arc, Mutex};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;
use zwgk::fetch::{FetchConfig, FetchOpts, Fetcher};

/// A listener answering every request with a small page; returns its port and the request
/// heads it received.
async fn recorder() -> (u16, Arc<Mutex<Vec<String>>>) {
    let l = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = l.local_addr().unwrap().port();
    let seen = Arc::new(Mutex::new(Vec::new()));
    let s = seen.clone();
    tokio::spawn(async move {
        while let Ok((mut sock, _)) = l.accept().await {
            let s = s.clone();
            tokio::spawn(async move {
                let mut buf = vec![0u8; 8192];
                let mut head = Vec::new();
                while !head.windows(4).any(|w| w == b"\r\n\r\n") {
                    match sock.read(&mut buf).await {
                        Ok(0) | Err(_) => return,
                        Ok(n) => head.extend_from_slice(&buf[..n]),
                    }
                }
                s.lock()
                    .unwrap()
                    .push(String::from_utf8_lossy(&head).to_string());
                let body = "<html><title>ok</title></html>";
                let resp = format!(
                    "HTTP/1.1 200 OK\r\ncontent-type: text/html\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
                    body.len()
                );
                let _ = sock.write_all(resp.as_bytes()).await;
            });
        }
    });
    (port, seen)
}

/// A fetcher without robots.txt, rate limit, retries or DNS, with these routes.
fn routed(cfg: FetchConfig) -> std::sync::Arc<Fetcher> {
    Fetcher::new(FetchConfig {
        no_dns: true,
        respect_robots: false,
        rate: 0.0,
        retries: 0,
        ..cfg
    })
    .unwrap()
}

fn header<'a>(head: &'a str, name: &str) -> Option<&'a str> {
    head.lines().find_map(|l| {
        let (k, v) = l.split_once(':')?;
        k.eq_ignore_ascii_case(name).then(|| v.trim())
    })
}

#[tokio::test]
async fn connect_to_sends_to_staging_under_the_production_host_header() {
    let (a, seen_a) = recorder().await;
    let (b, seen_b) = recorder().await;
    let fetcher = routed(FetchConfig {
        connect_to: vec![format!("www.x.test:{a}:127.0.0.1:{b}").parse().unwrap()],
        ..FetchConfig::default()
    });
    let url = url::Url::parse(&format!("http://www.x.test:{a}/zwgk/index.html?x=1")).unwrap();
    let f = fetcher
        .fetch(&url, &FetchOpts::default())
        .await
        .expect("answered by staging");
    assert_eq!(f.status, 200);
    assert_eq!(f.final_url, url, "the URL stays the production one");
    let heads = seen_b.lock().unwrap().clone();
    assert_eq!(heads.len(), 1, "{heads:?}");
    assert!(
        heads[0].starts_with("GET /zwgk/index.html?x=1 HTTP/1.1\r\n"),
        "{}",
        heads[0]
    );
    assert_eq!(
        header(&heads[0], "host"),
        Some(format!("www.x.test:{a}").as_str())
    );
    assert!(seen_a.lock().unwrap().is_empty(), "nothing reached port A");

    // the default port: no port in the Host header, as curl sends it
    let fetcher = routed(FetchConfig {
        connect_to: vec![format!("www.x.test:80:127.0.0.1:{b}").parse().unwrap()],
        ..FetchConfig::default()
    });
    let url = url::Url::parse("http://www.x.test/a.html").unwrap();
    fetcher.fetch(&url, &FetchOpts::default()).await.unwrap();
    let heads = seen_b.lock().unwrap().clone();
    assert_eq!(heads.len(), 2);
    assert_eq!(header(&heads[1], "host"), Some("www.x.test"));
}

#[tokio::test]
async fn resolve_for_port_a_does_not_route_port_b() {
    let (a, seen_a) = recorder().await;
    let (b, seen_b) = recorder().await;
    let fetcher = routed(FetchConfig {
        resolve: vec![format!("www.x.test:{a}:127.0.0.1").parse().unwrap()],
        ..FetchConfig::default()
    });
    let on_a = url::Url::parse(&format!("http://www.x.test:{a}/")).unwrap();
    let on_b = url::Url::parse(&format!("http://www.x.test:{b}/")).unwrap();
    assert_eq!(
        fetcher
            .fetch(&on_a, &FetchOpts::default())
            .await
            .unwrap()
            .status,
        200
    );
    let err = fetcher
        .fetch(&on_b, &FetchOpts::default())
        .await
        .expect_err("no mapping for port B");
    assert_eq!(err.class, zwgk::crawl::ErrorClass::Dns, "{}", err.message);
    assert_eq!(seen_a.lock().unwrap().len(), 1);
    assert!(seen_b.lock().unwrap().is_empty());
}
