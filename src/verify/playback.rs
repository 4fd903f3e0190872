//! Media as a browser plays it (the browser half of verification). Before the probes, up
//! to `max_pages` crawled pages are loaded in the run's browser with their images, video
//! and audio ([`Renderer::play`]); pages with video or audio (including players configured
//! in script) come first, then pages with lazy-loaded images or frames (player pages), then
//! other pages with images.
//!
//! * an element the browser met that the page's markup did not name (a player built by a
//!   script, a lazy loader's real image, a video inside a same-origin player frame) becomes
//!   a media edge of the page, so the probes verify it and the media checks count it;
//! * after the probes, [`apply`] gives each played URL the browser's verdict where the
//!   bytes looked right but did not decode (a `200` whose video raises `MediaError`, an
//!   image with no pixels): [`VerifyOutcome::Undecodable`]. Where the probe found a fault
//!   the browser's playback contradicts (it decoded), the browser wins: the citizen sees it.
//!   A URL with no probe result (`--no-verify`) takes the browser's verdict alone.
//!
//! What was still loading when the time ran out, or was cut at the size cap, stays as the
//! probe judged it.

use crate::model::{
    MediaEdge, MediaKind, PlayVia, Played, Renderer, SiteGraph, UrlId, Verified, VerifyOutcome,
};
use futures::StreamExt;
use url::Url;

/// Pages played at once (tabs of the browser; the renderer caps them too).
const PAGES_AT_ONCE: usize = 2;

/// What the playback pass did.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct PlayStats {
    pub pages: usize,
    pub elements: usize,
    /// elements the markup did not name, added to their pages
    pub added: usize,
    /// pages the browser could not load (URL, why)
    pub failed: Vec<(String, String)>,
}

fn edge_kind(tag: &str) -> MediaKind {
    match tag {
        "video" => MediaKind::Video,
        "audio" => MediaKind::Audio,
        _ => MediaKind::Image,
    }
}

/// The pages to play, best first: video/audio, then lazy images, then images.
pub fn select(graph: &SiteGraph, max_pages: usize) -> Vec<usize> {
    let mut ranked: Vec<(u8, u32, usize)> = graph
        .pages
        .iter()
        .enumerate()
        .filter(|(_, p)| (200..300).contains(&p.status))
        .filter_map(|(i, p)| {
            let mut rank = None::<u8>;
            for m in &p.media {
                let r = match m.kind {
                    MediaKind::Video | MediaKind::Audio => 0,
                    MediaKind::Image
                        if m.element.contains("data-") || m.element.contains("lazy") =>
                    {
                        1
                    }
                    MediaKind::Image => 2,
                    _ => continue,
                };
                rank = Some(rank.map_or(r, |x| x.min(r)));
            }
            if !p.frames.is_empty() {
                rank = Some(rank.map_or(1, |x| x.min(1)));
            }
            rank.map(|r| (r, p.depth, i))
        })
        .collect();
    ranked.sort();
    ranked
        .into_iter()
        .take(max_pages)
        .map(|(_, _, i)| i)
        .collect()
}

/// Play the selected pages and record what the browser saw in `graph.played`, adding the
/// elements the markup did not name as media edges of their pages.
pub async fn play(
    renderer: &dyn Renderer,
    graph: &mut SiteGraph,
    max_pages: usize,
    cancelled: &(dyn Fn() -> bool + Sync),
) -> PlayStats {
    let mut stats = PlayStats::default();
    let targets: Vec<(usize, Url)> = select(graph, max_pages)
        .into_iter()
        .filter_map(|i| {
            let p = &graph.pages[i];
            Url::parse(graph.url(p.final_url)).ok().map(|u| (i, u))
        })
        .collect();
    let results: Vec<_> = futures::stream::iter(targets)
        .map(|(i, url)| async move {
            if cancelled() {
                return (i, url, None);
            }
            // Ctrl-C ends a page's playback under way, not only the pages after it
            let stop = async {
                while !cancelled() {
                    tokio::time::sleep(std::time::Duration::from_millis(100)).await;
                }
            };
            tokio::select! {
                r = renderer.play(&url) => (i, url, Some(r)),
                _ = stop => (i, url, None),
            }
        })
        .buffer_unordered(PAGES_AT_ONCE)
        .collect()
        .await;
    let empty = graph.text_id("");
    for (i, url, result) in results {
        let elements = match result {
            None => continue,
            Some(Err(e)) => {
                stats.failed.push((url.to_string(), e.message));
                continue;
            }
            Some(Ok(e)) => e,
        };
        stats.pages += 1;
        let page_url = graph.pages[i].url;
        for el in elements {
            stats.elements += 1;
            let id = graph.url_id(el.url.as_str());
            let page = &mut graph.pages[i];
            if !page.media.iter().any(|m| m.to == id) {
                let element = match el.via {
                    PlayVia::Page => format!("{} (browser)", el.tag),
                    PlayVia::Frame => format!("{} (browser, frame)", el.tag),
                };
                page.media.push(MediaEdge {
                    to: id,
                    kind: edge_kind(&el.tag),
                    element: element.into(),
                    context: empty,
                });
                stats.added += 1;
            }
            graph.played.push(Played {
                page: page_url,
                url: id,
                tag: el.tag,
                decoded: el.decoded,
                detail: el.detail,
                via: el.via,
            });
        }
    }
    stats
}

/// Give each played URL the browser's verdict (see the module comment).
pub fn apply(graph: &mut SiteGraph) {
    use std::collections::HashMap;
    // one verdict per URL: a failure on any page wins over a success elsewhere
    let mut verdicts: HashMap<UrlId, (bool, String)> = HashMap::new();
    for p in &graph.played {
        let Some(decoded) = p.decoded else { continue };
        let e = verdicts
            .entry(p.url)
            .or_insert_with(|| (decoded, p.detail.clone()));
        if !decoded && e.0 {
            *e = (false, p.detail.clone());
        }
    }
    for (url, (decoded, detail)) in verdicts {
        match graph.verified.iter_mut().find(|v| v.url == url) {
            Some(v) if !decoded && v.outcome == VerifyOutcome::Ok => {
                v.outcome = VerifyOutcome::Undecodable;
                v.detail = format!("浏览器中无法解码（{detail}）；探测：{}", v.detail);
            }
            Some(v)
                if decoded
                    && matches!(
                        v.outcome,
                        VerifyOutcome::Undecodable | VerifyOutcome::WrongType
                    ) =>
            {
                v.outcome = VerifyOutcome::Ok;
                v.detail = format!("浏览器中可正常显示（{detail}）；探测曾判为：{}", v.detail);
            }
            Some(_) => {}
            None => {
                let broken = detail.starts_with("HTTP 4");
                graph.verified.push(Verified {
                    url,
                    outcome: match (decoded, broken) {
                        (true, _) => VerifyOutcome::Ok,
                        (false, true) => VerifyOutcome::Broken,
                        (false, false) => VerifyOutcome::Undecodable,
                    },
                    status: None,
                    content_type: None,
                    detail: format!("浏览器：{detail}"),
                    bytes_read: 0,
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testgraph::{B, abs};

    fn media(b: &mut B, page: usize, path: &str, kind: MediaKind, element: &str) {
        let to = b.g.url_id(&abs(path));
        let context = b.g.text_id("");
        b.g.pages[page].media.push(MediaEdge {
            to,
            kind,
            element: element.into(),
            context,
        });
    }

    #[test]
    fn pages_with_video_come_before_pages_with_lazy_images_and_images() {
        let mut b = B::new();
        let img = b.page("/a.html", 1, "a");
        media(&mut b, img, "/a.jpg", MediaKind::Image, "img[src]");
        let lazy = b.page("/b.html", 2, "b");
        media(&mut b, lazy, "/b.jpg", MediaKind::Image, "img[data-src]");
        let vid = b.page("/v.html", 3, "v");
        media(&mut b, vid, "/v.mp4", MediaKind::Video, "video[src]");
        let doc = b.page("/d.html", 1, "d");
        media(&mut b, doc, "/d.pdf", MediaKind::Document, "a[href]");
        assert_eq!(select(&b.g, 10), vec![vid, lazy, img]);
        assert_eq!(select(&b.g, 1), vec![vid]);
    }

    fn verified(url: UrlId, outcome: VerifyOutcome) -> Verified {
        Verified {
            url,
            outcome,
            status: Some(200),
            content_type: Some("video/mp4".into()),
            detail: "mp4".into(),
            bytes_read: 100,
        }
    }

    fn played(page: UrlId, url: UrlId, decoded: Option<bool>) -> Played {
        Played {
            page,
            url,
            tag: "video".into(),
            decoded,
            detail: "MediaError 4".into(),
            via: PlayVia::Page,
        }
    }

    #[test]
    fn a_probe_ok_that_does_not_play_is_undecodable() {
        let mut b = B::new();
        let (a, bb, c) = (
            b.g.url_id(&abs("/a.mp4")),
            b.g.url_id(&abs("/b.mp4")),
            b.g.url_id(&abs("/c.mp4")),
        );
        let mut g = b.g;
        g.verified = vec![
            verified(a, VerifyOutcome::Ok),
            verified(bb, VerifyOutcome::Ok),
            verified(c, VerifyOutcome::Ok),
        ];
        g.played = vec![
            played(0, a, Some(false)),
            played(0, bb, None),
            played(0, c, Some(true)),
            // a failure on another page wins
            played(1, c, Some(false)),
        ];
        apply(&mut g);
        assert_eq!(g.verified[0].outcome, VerifyOutcome::Undecodable);
        assert!(
            g.verified[0]
                .detail
                .starts_with("浏览器中无法解码（MediaError 4）")
        );
        assert_eq!(g.verified[1].outcome, VerifyOutcome::Ok, "undecided stays");
        assert_eq!(g.verified[2].outcome, VerifyOutcome::Undecodable);
    }

    #[test]
    fn without_probes_the_browser_verdict_stands_alone() {
        let mut b = B::new();
        let a = b.g.url_id(&abs("/a.mp4"));
        let ok = b.g.url_id(&abs("/ok.mp4"));
        let mut g = b.g;
        let mut p = played(0, a, Some(false));
        p.detail = "HTTP 404; MediaError 4".into();
        g.played = vec![p, played(0, ok, Some(true))];
        apply(&mut g);
        let of = |u| g.verified.iter().find(|v| v.url == u).unwrap().outcome;
        assert_eq!(of(a), VerifyOutcome::Broken);
        assert_eq!(of(ok), VerifyOutcome::Ok);
    }
}
