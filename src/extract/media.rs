//! Media references: images (src, lazy-load attributes, srcset), video/audio/source,
//! video posters, embed/object/param (Flash detected by `.swf` or
//! `application/x-shockwave-flash`), UEditor `<video class="edui-upload-video">` markup,
//! and iframes showing a PDF directly or through a `/pdfjs/web/viewer.html?file=…pdf`
//! viewer; video, audio and Flash files named in inline scripts (players configured in
//! script: ckplayer `video:'…'`, Aliplayer `source:`, DPlayer `url:`, jwplayer `file:`,
//! `flashvars` …). Attachment links (`<a href="…pdf">`) are added by the links stage.

use super::links::Resolver;
use super::text::collapse;
use super::{MediaKind, MediaRef, PageFacts, PageIndex};
use scraper::ElementRef;
use url::Url;

pub use super::urls::{extension, kind_for_url};

/// `…/pdfjs/web/viewer.html?file=…` (or any `viewer.html?file=`).
pub fn is_pdf_viewer(url: &Url) -> bool {
    url.path().ends_with("/viewer.html") && url.query_pairs().any(|(k, _)| k == "file")
}

/// The file shown by a pdf.js viewer URL.
pub fn viewer_file(url: &Url, r: &Resolver) -> Option<Url> {
    if !is_pdf_viewer(url) {
        return None;
    }
    let file = url
        .query_pairs()
        .find(|(k, _)| k == "file")
        .map(|(_, v)| v.into_owned())?;
    // relative file= values are relative to the viewer, absolute paths to the site
    url.join(&file).ok().or_else(|| r.resolve(&file))
}

/// Kind for embed/object by `type` attribute and URL.
fn embed_kind(type_attr: Option<&str>, url: &Url) -> MediaKind {
    let t = type_attr.unwrap_or("").to_ascii_lowercase();
    if t.contains("shockwave-flash") || t.contains("futuresplash") {
        return MediaKind::Flash;
    }
    if let Some(k) = kind_for_url(url) {
        return k;
    }
    if t.starts_with("video/") {
        MediaKind::Video
    } else if t.starts_with("audio/") {
        MediaKind::Audio
    } else if t.contains("pdf") {
        MediaKind::Document
    } else if t.starts_with("image/") {
        MediaKind::Image
    } else {
        MediaKind::Embed
    }
}

struct Sink<'f> {
    facts: &'f mut PageFacts,
}

impl Sink<'_> {
    fn add(&mut self, url: Url, kind: MediaKind, element: &str, context: &str) {
        if self
            .facts
            .media
            .iter()
            .any(|m| m.url == url && m.kind == kind)
        {
            return;
        }
        self.facts.media.push(MediaRef {
            url,
            kind,
            element: element.to_string(),
            context: collapse(context),
        });
    }
}

fn context_of(el: ElementRef<'_>) -> String {
    el.attr("alt")
        .filter(|s| !s.trim().is_empty())
        .or_else(|| el.attr("title"))
        .unwrap_or("")
        .to_string()
}

/// Collect media references (after links, so attachment links come first).
pub(crate) fn collect(ix: &PageIndex<'_>, r: &Resolver, facts: &mut PageFacts) {
    let mut sink = Sink { facts };
    for el in &ix.media {
        let name = el.value().name();
        let ctx = context_of(*el);
        match name {
            "img" => {
                for attr in [
                    "src",
                    "data-src",
                    "data-original",
                    "lazy-src",
                    "data-lazy-src",
                    "original",
                    "data-url",
                ] {
                    if let Some(u) = el.attr(attr).and_then(|s| r.resolve(s)) {
                        let kind = kind_for_url(&u)
                            .filter(|k| *k == MediaKind::Flash)
                            .unwrap_or(MediaKind::Image);
                        sink.add(u, kind, &format!("img[{attr}]"), &ctx);
                    }
                }
                for attr in ["srcset", "data-srcset"] {
                    if let Some(set) = el.attr(attr) {
                        for cand in set.split(',') {
                            if let Some(u) =
                                cand.split_whitespace().next().and_then(|s| r.resolve(s))
                            {
                                sink.add(u, MediaKind::Image, &format!("img[{attr}]"), &ctx);
                            }
                        }
                    }
                }
            }
            "video" | "audio" => {
                let kind = if name == "video" {
                    MediaKind::Video
                } else {
                    MediaKind::Audio
                };
                if let Some(u) = el.attr("src").and_then(|s| r.resolve(s)) {
                    let k = if kind_for_url(&u) == Some(MediaKind::Flash) {
                        MediaKind::Flash
                    } else {
                        kind
                    };
                    sink.add(u, k, &format!("{name}[src]"), &ctx);
                }
                if let Some(u) = el.attr("poster").and_then(|s| r.resolve(s)) {
                    sink.add(u, MediaKind::Image, &format!("{name}[poster]"), &ctx);
                }
            }
            "source" => {
                let parent = el
                    .parent()
                    .and_then(|p| p.value().as_element().map(|e| e.name().to_string()))
                    .unwrap_or_default();
                for attr in ["src", "srcset"] {
                    let Some(v) = el.attr(attr) else { continue };
                    let v = if attr == "srcset" {
                        v.split_whitespace().next().unwrap_or("")
                    } else {
                        v
                    };
                    if let Some(u) = r.resolve(v) {
                        let t = el.attr("type").unwrap_or("").to_ascii_lowercase();
                        let kind = match parent.as_str() {
                            "audio" => MediaKind::Audio,
                            "picture" => MediaKind::Image,
                            _ if t.starts_with("audio/") => MediaKind::Audio,
                            _ => kind_for_url(&u)
                                .filter(|k| *k != MediaKind::Document)
                                .unwrap_or(MediaKind::Video),
                        };
                        sink.add(u, kind, &format!("source[{attr}]"), &ctx);
                    }
                }
            }
            "embed" => {
                if let Some(u) = el.attr("src").and_then(|s| r.resolve(s)) {
                    let k = embed_kind(el.attr("type"), &u);
                    sink.add(u, k, "embed[src]", &ctx);
                }
            }
            "object" => {
                let ty = el.attr("type").or_else(|| {
                    el.attr("classid")
                        .filter(|c| c.to_ascii_uppercase().contains("D27CDB6E"))
                        .map(|_| "application/x-shockwave-flash")
                });
                if let Some(u) = el.attr("data").and_then(|s| r.resolve(s)) {
                    let k = embed_kind(ty, &u);
                    sink.add(u, k, "object[data]", &ctx);
                }
                for p in el
                    .descendent_elements()
                    .filter(|p| p.value().name() == "param")
                {
                    let pname = p.attr("name").unwrap_or("").to_ascii_lowercase();
                    if matches!(
                        pname.as_str(),
                        "movie" | "src" | "url" | "filename" | "file"
                    ) && let Some(u) = p.attr("value").and_then(|s| r.resolve(s))
                    {
                        let k = embed_kind(ty, &u);
                        sink.add(u, k, "param[value]", &ctx);
                    }
                }
            }
            "iframe" | "frame" => {
                let Some(u) = el.attr("src").and_then(|s| r.resolve(s)) else {
                    continue;
                };
                if let Some(file) = viewer_file(&u, r) {
                    sink.add(file, MediaKind::Document, &format!("{name}[src]"), &ctx);
                } else if let Some(k) = kind_for_url(&u) {
                    sink.add(u, k, &format!("{name}[src]"), &ctx);
                }
            }
            _ => {}
        }
    }
    for script in &ix.scripts {
        if script.attr("src").is_some() {
            continue;
        }
        let body: String = script.text().collect();
        for u in script_media(&body, r) {
            if let Some(k) = kind_for_url(&u)
                && matches!(k, MediaKind::Video | MediaKind::Audio | MediaKind::Flash)
            {
                sink.add(u, k, "script", "");
            }
        }
    }
}

/// A quoted string in a script that is a path or URL ending in a video, audio or Flash
/// extension (an optional query after it); `\/` JSON escapes allowed.
static SCRIPT_MEDIA: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(concat!(
        r#"["']([^"'\s<>()+]{0,300}[A-Za-z0-9_%-]\.(?i:mp4|m4v|webm|flv|f4v|m3u8|mov|ogv|mp3|m4a|aac|wav|ogg|swf))"#,
        r#"(\?[^"'\s<>]*)?["']"#
    ))
    .expect("script media regex")
});

/// Media files named in an inline script: players configured in script.
fn script_media(js: &str, r: &Resolver) -> Vec<Url> {
    if !js.contains('.') {
        return Vec::new();
    }
    let mut out: Vec<Url> = Vec::new();
    for c in SCRIPT_MEDIA.captures_iter(js).take(50) {
        let raw = format!(
            "{}{}",
            &c[1],
            c.get(2).map(|m| m.as_str()).unwrap_or_default()
        )
        .replace("\\/", "/");
        if let Some(u) = r.resolve(&raw)
            && !out.contains(&u)
        {
            out.push(u);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::extract;

    fn kinds(html: &str) -> Vec<(String, MediaKind, String)> {
        let page = Url::parse("http://www.x.gov.cn/zcjd/spjd/index.html").unwrap();
        extract(html, &page)
            .media
            .into_iter()
            .map(|m| (m.url.path().to_string(), m.kind, m.element))
            .collect()
    }

    #[test]
    fn images_lazy_and_srcset() {
        let k = kinds(
            r#"<img src="a.png" data-src="b.jpg" alt="x"><img srcset="c.jpg 1x, d.jpg 2x"><img src="data:image/png;base64,AAA">"#,
        );
        let paths: Vec<&str> = k.iter().map(|(p, _, _)| p.as_str()).collect();
        assert_eq!(
            paths,
            [
                "/zcjd/spjd/a.png",
                "/zcjd/spjd/b.jpg",
                "/zcjd/spjd/c.jpg",
                "/zcjd/spjd/d.jpg"
            ]
        );
        assert!(k.iter().all(|(_, k, _)| *k == MediaKind::Image));
        assert_eq!(k[1].2, "img[data-src]");
    }

    #[test]
    fn players_configured_in_script() {
        let k = kinds(
            r#"<div id="video"></div>
            <script src="/ckplayer/ckplayer.js"></script>
            <script>var videoObject = { container: '#video', video: '/upload/2026/jd.mp4', poster: 'p.jpg' };
            var player = new ckplayer(videoObject);</script>
            <script>new Aliplayer({ id: "a", source: "//www.x.gov.cn/v/b.m3u8?auth=1" });
            var cfg = {"url":"\/upload\/c.mp3"}; if (ext == '.mp4') {} var f = 'x' + '.flv';
            jwplayer("c").setup({ file: "old.swf" });</script>"#,
        );
        let got: Vec<(&str, MediaKind, &str)> = k
            .iter()
            .map(|(p, kd, e)| (p.as_str(), *kd, e.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("/upload/2026/jd.mp4", MediaKind::Video, "script"),
                ("/v/b.m3u8", MediaKind::Video, "script"),
                ("/upload/c.mp3", MediaKind::Audio, "script"),
                ("/zcjd/spjd/old.swf", MediaKind::Flash, "script"),
            ],
            "images and extension tests in scripts are not media; JSON escapes are undone"
        );
    }

    #[test]
    fn ueditor_video_and_audio() {
        let k = kinds(
            r#"<video class="edui-upload-video vjs-default-skin video-js" src="/v/a.mp4" poster="/v/p.jpg"><source src="/v/a.mp4" type="video/mp4"/></video>
            <audio><source src="/a/b.mp3"></audio><video><source src="/v/stream" type="video/mp4"></video>"#,
        );
        assert!(k.contains(&("/v/a.mp4".into(), MediaKind::Video, "video[src]".into())));
        assert!(k.contains(&("/v/p.jpg".into(), MediaKind::Image, "video[poster]".into())));
        assert!(k.contains(&("/a/b.mp3".into(), MediaKind::Audio, "source[src]".into())));
        assert!(k.contains(&("/v/stream".into(), MediaKind::Video, "source[src]".into())));
        // the <source> duplicate of video[src] is deduplicated
        assert_eq!(k.iter().filter(|(p, _, _)| p == "/v/a.mp4").count(), 1);
    }

    #[test]
    fn flash_embed_object_and_pdf_frames() {
        let k = kinds(
            r#"<embed src="../top.swf" type="application/x-shockwave-flash">
            <embed src="/player" type="application/x-shockwave-flash">
            <object data="/m/x.swf"><param name="movie" value="/m/y.swf"></object>
            <embed src="/doc/a.pdf">
            <iframe src="/pdfjs/web/viewer.html?file=/upload/W0202601.pdf"></iframe>
            <iframe src="/upload/direct.pdf"></iframe>"#,
        );
        assert!(k.contains(&(
            "/zcjd/top.swf".into(),
            MediaKind::Flash,
            "embed[src]".into()
        )));
        assert!(k.contains(&("/player".into(), MediaKind::Flash, "embed[src]".into())));
        assert!(k.contains(&("/m/x.swf".into(), MediaKind::Flash, "object[data]".into())));
        assert!(k.contains(&("/m/y.swf".into(), MediaKind::Flash, "param[value]".into())));
        assert!(k.contains(&(
            "/doc/a.pdf".into(),
            MediaKind::Document,
            "embed[src]".into()
        )));
        assert!(k.contains(&(
            "/upload/W0202601.pdf".into(),
            MediaKind::Document,
            "iframe[src]".into()
        )));
        assert!(k.contains(&(
            "/upload/direct.pdf".into(),
            MediaKind::Document,
            "iframe[src]".into()
        )));
        let page = Url::parse("http://www.x.gov.cn/").unwrap();
        let f = extract(
            r#"<iframe src="/upload/direct.pdf"></iframe><iframe src="/pdfjs/web/viewer.html?file=a.pdf"></iframe>"#,
            &page,
        );
        assert_eq!(
            f.frames.len(),
            1,
            "pdf iframe is media, the viewer page is a frame"
        );
        assert!(f.links.is_empty());
    }

    #[test]
    fn extension_kinds() {
        let u = |s: &str| Url::parse(s).unwrap();
        assert_eq!(
            kind_for_url(&u("http://x.cn/a/P0202404.XLS")),
            Some(MediaKind::Document)
        );
        assert_eq!(
            kind_for_url(&u("http://x.cn/a/b.wps?x=1")),
            Some(MediaKind::Document)
        );
        assert_eq!(
            kind_for_url(&u("http://x.cn/v/live.m3u8")),
            Some(MediaKind::Video)
        );
        assert_eq!(kind_for_url(&u("http://x.cn/a/t20260101_1.html")), None);
        assert_eq!(kind_for_url(&u("http://x.cn/a/")), None);
        assert_eq!(kind_for_url(&u("http://x.cn/a.jhtml")), None);
    }
}
