//! Verdicts: transport failures and HTTP statuses → [`VerifyOutcome`], and the judgement of a
//! 2xx body against what the referring element declared (image, video, audio, attachment by
//! extension, Flash, generic embed, page).

use super::magic::{self, Format};
use crate::extract::urls::RECOGNISED_DOCUMENTS;
use crate::model::MediaKind;
use crate::model::{ErrorClass, VerifyOutcome};

/// What a reference expects to find at its target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expect {
    Image,
    Video,
    Audio,
    /// An attachment; the lower-cased file extension when known.
    Document(Option<String>),
    Flash,
    /// `<embed>`/`<object>` of another type: anything that loads.
    Embed,
    /// A link to a page (or anything a browser can open).
    Page,
}

impl Expect {
    pub fn from_kind(kind: MediaKind, ext: Option<String>) -> Self {
        match kind {
            MediaKind::Image => Expect::Image,
            MediaKind::Video => Expect::Video,
            MediaKind::Audio => Expect::Audio,
            MediaKind::Document => Expect::Document(ext),
            MediaKind::Flash => Expect::Flash,
            MediaKind::Embed => Expect::Embed,
        }
    }

    /// A file (not a page) is expected: an HTML answer is a failure.
    pub fn wants_file(&self) -> bool {
        !matches!(self, Expect::Embed | Expect::Page)
    }
}

/// Outcome of a crawl or fetch error class.
pub fn from_error_class(c: ErrorClass) -> VerifyOutcome {
    match c {
        ErrorClass::NotFound | ErrorClass::ClientError => VerifyOutcome::Broken,
        ErrorClass::ServerError | ErrorClass::Connect | ErrorClass::Other => {
            VerifyOutcome::ServerError
        }
        ErrorClass::Timeout => VerifyOutcome::Timeout,
        ErrorClass::Dns => VerifyOutcome::Dns,
        ErrorClass::Tls => VerifyOutcome::Tls,
        ErrorClass::RedirectLoop | ErrorClass::TooManyRedirects => VerifyOutcome::RedirectLoop,
        ErrorClass::Blocked | ErrorClass::RateLimited => VerifyOutcome::Blocked,
        ErrorClass::Robots => VerifyOutcome::Skipped,
        ErrorClass::TooLarge => VerifyOutcome::Ok,
        ErrorClass::Decode => VerifyOutcome::Undecodable,
    }
}

/// Outcome of a non-2xx final status (after redirects). `waf` = a challenge was recognised.
pub fn from_status(status: u16, waf: Option<&str>) -> (VerifyOutcome, String) {
    if let Some(w) = waf {
        return (
            VerifyOutcome::Blocked,
            format!("无法验证：防火墙/反爬挑战（{w}），不计为失效"),
        );
    }
    match status {
        404 | 410 => (VerifyOutcome::Broken, format!("HTTP {status}：资源不存在")),
        403 | 401 | 407 | 412 | 429 | 451 | 521 => (
            VerifyOutcome::Blocked,
            format!("无法验证：HTTP {status}（访问被拒绝或限流），不计为失效"),
        ),
        416 => (
            VerifyOutcome::Empty,
            "HTTP 416：Range 不可满足（文件为空）".into(),
        ),
        400..=499 => (VerifyOutcome::Broken, format!("HTTP {status}")),
        500..=599 => (
            VerifyOutcome::ServerError,
            format!("HTTP {status}：服务器错误"),
        ),
        300..=399 => (
            VerifyOutcome::Broken,
            format!("HTTP {status}：重定向缺少 Location"),
        ),
        _ => (
            VerifyOutcome::ServerError,
            format!("HTTP {status}：异常状态"),
        ),
    }
}

/// The body facts a judgement needs.
pub struct Body<'a> {
    pub bytes: &'a [u8],
    /// All of the resource's bytes are in `bytes`.
    pub complete: bool,
    pub content_type: Option<&'a str>,
    /// Full size when the server announced it.
    pub total_len: Option<u64>,
}

/// The judgement of a 2xx body.
#[derive(Debug, Clone, PartialEq)]
pub struct Judgement {
    pub outcome: VerifyOutcome,
    pub detected: Option<Format>,
    pub message: String,
    /// An HTML body that must be checked for a soft 404 by the caller.
    pub html: bool,
    /// The file is a PNG whose end was not read (a full read can show truncation).
    pub wants_full_png: bool,
}

impl Judgement {
    fn new(outcome: VerifyOutcome, detected: Option<Format>, message: impl Into<String>) -> Self {
        Judgement {
            outcome,
            detected,
            message: message.into(),
            html: false,
            wants_full_png: false,
        }
    }
}

/// Referencing element facts that change the verdict.
#[derive(Debug, Clone, Copy, Default)]
pub struct Usage {
    /// Only linked for download (`a[href]`), never embedded or played in the page.
    pub link_only: bool,
}

fn accepts_document(ext: Option<&str>, f: Format, bytes: &[u8]) -> bool {
    let office_html = || {
        let head = &bytes[..bytes.len().min(4096)];
        let s = String::from_utf8_lossy(head).to_ascii_lowercase();
        s.contains("urn:schemas-microsoft-com:office") || s.contains("mime-version")
    };
    match ext.unwrap_or("") {
        "pdf" => f == Format::Pdf,
        "doc" | "xls" | "ppt" | "wps" | "et" | "dps" | "pps" => {
            matches!(f, Format::Ole2 | Format::Zip | Format::Rtf)
                || (matches!(f, Format::Html | Format::Text) && office_html())
        }
        "docx" | "xlsx" | "pptx" | "ofd" | "odt" | "ods" | "odp" => {
            matches!(f, Format::Zip | Format::Ole2)
        }
        "zip" => f == Format::Zip,
        "rar" => f == Format::Rar,
        "7z" => f == Format::SevenZip,
        "gz" | "tgz" => f == Format::Gzip,
        "rtf" => matches!(f, Format::Rtf | Format::Ole2),
        _ => f != Format::Html,
    }
}

fn expected_name(e: &Expect) -> String {
    match e {
        Expect::Image => "图片".into(),
        Expect::Video => "视频".into(),
        Expect::Audio => "音频".into(),
        Expect::Document(Some(ext)) => format!("{ext} 文件"),
        Expect::Document(None) => "附件".into(),
        Expect::Flash => "Flash".into(),
        Expect::Embed => "嵌入对象".into(),
        Expect::Page => "页面".into(),
    }
}

/// Judge a non-empty or empty 2xx body against the expectation.
pub fn judge(expect: &Expect, usage: Usage, body: &Body<'_>) -> Judgement {
    let b = body.bytes;
    if b.is_empty() {
        return Judgement::new(VerifyOutcome::Empty, None, "内容为空（0 字节）");
    }
    let detected = magic::sniff(b);
    let name = detected.map(Format::name).unwrap_or("未知");
    if detected == Some(Format::Swf) || *expect == Expect::Flash {
        return Judgement::new(
            VerifyOutcome::Flash,
            detected,
            format!("Flash（{name}）：现代浏览器无法播放"),
        );
    }
    if detected == Some(Format::Html) && !matches!(expect, Expect::Page | Expect::Embed) {
        let mut j = Judgement::new(
            VerifyOutcome::WrongType,
            detected,
            format!("应为{}，实际返回 HTML 页面", expected_name(expect)),
        );
        j.html = true;
        return j;
    }
    let Some(f) = detected else {
        return match expect {
            Expect::Page | Expect::Embed => Judgement::new(VerifyOutcome::Ok, None, "可访问"),
            Expect::Document(ext)
                if !ext
                    .as_deref()
                    .is_some_and(|e| RECOGNISED_DOCUMENTS.contains(&e)) =>
            {
                Judgement::new(VerifyOutcome::Ok, None, "可下载（类型未识别）")
            }
            _ => Judgement::new(
                VerifyOutcome::WrongType,
                None,
                format!("应为{}，文件头无法识别", expected_name(expect)),
            ),
        };
    };
    let ok_type = match expect {
        Expect::Image => f.is_image(),
        Expect::Video => f.is_video() || f.is_audio(),
        Expect::Audio => f.is_audio() || f.is_video(),
        Expect::Document(ext) => accepts_document(ext.as_deref(), f, b),
        Expect::Flash => true,
        Expect::Embed | Expect::Page => {
            if f == Format::Html {
                let mut j = Judgement::new(VerifyOutcome::Ok, detected, "HTML 页面");
                j.html = true;
                return j;
            }
            true
        }
    };
    if !ok_type {
        return Judgement::new(
            VerifyOutcome::WrongType,
            detected,
            format!("应为{}，实际为 {name}", expected_name(expect)),
        );
    }
    if f == Format::Flv && !usage.link_only && matches!(expect, Expect::Video | Expect::Embed) {
        return Judgement::new(
            VerifyOutcome::Flash,
            detected,
            "FLV 视频需 Flash 播放器，现代浏览器无法直接播放",
        );
    }
    // structure: image header, containers read to their end
    let mut note = String::new();
    if f.is_image() {
        match magic::image_size(f, b) {
            Err(e) => return Judgement::new(VerifyOutcome::Undecodable, detected, e),
            Ok(Some((w, h))) => note = format!("{w}×{h}"),
            Ok(None) if body.complete && f != Format::Svg && f != Format::Tiff => {
                return Judgement::new(
                    VerifyOutcome::Undecodable,
                    detected,
                    "图像头不完整，读不出尺寸",
                );
            }
            Ok(None) => {}
        }
    }
    let structure = if body.complete {
        magic::trailer_ok(f, b)
    } else {
        match f {
            Format::Png => magic::png_structure(b, false),
            Format::IsoMedia => magic::mp4_structure(b, false),
            _ => Ok(()),
        }
    };
    if let Err(e) = structure {
        return Judgement::new(VerifyOutcome::Undecodable, detected, e);
    }
    let mut msg = name.to_string();
    if !note.is_empty() {
        msg.push(' ');
        msg.push_str(&note);
    }
    if let Some(n) = body.total_len {
        msg.push_str(&format!("，{n} 字节"));
    }
    if !body.complete {
        msg.push_str("（只读取文件头）");
    }
    if let Some(ct) = body.content_type {
        let ct_l = ct.to_ascii_lowercase();
        if ct_l.contains("html") && f != Format::Html {
            msg.push_str(&format!("；注意 Content-Type 为 {ct}，与内容不符"));
        }
    }
    let mut j = Judgement::new(VerifyOutcome::Ok, detected, msg);
    j.wants_full_png = f == Format::Png && !body.complete;
    j
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(b: &[u8]) -> Body<'_> {
        Body {
            bytes: b,
            complete: true,
            content_type: None,
            total_len: Some(b.len() as u64),
        }
    }

    #[test]
    fn statuses() {
        assert_eq!(from_status(404, None).0, VerifyOutcome::Broken);
        assert_eq!(from_status(410, None).0, VerifyOutcome::Broken);
        assert_eq!(from_status(503, None).0, VerifyOutcome::ServerError);
        assert_eq!(from_status(403, None).0, VerifyOutcome::Blocked);
        assert_eq!(from_status(412, None).0, VerifyOutcome::Blocked);
        assert_eq!(from_status(521, Some("x")).0, VerifyOutcome::Blocked);
        assert_eq!(
            from_error_class(ErrorClass::TooManyRedirects),
            VerifyOutcome::RedirectLoop
        );
        assert_eq!(from_error_class(ErrorClass::Robots), VerifyOutcome::Skipped);
    }

    #[test]
    fn declared_kinds() {
        let pdf = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n%%EOF\n";
        let doc = Expect::Document(Some("pdf".into()));
        assert_eq!(
            judge(&doc, Usage::default(), &body(pdf)).outcome,
            VerifyOutcome::Ok
        );
        let cut = judge(&doc, Usage::default(), &body(&pdf[..20]));
        assert_eq!(cut.outcome, VerifyOutcome::Undecodable);
        let html = "<!DOCTYPE html><html><title>页面不存在</title></html>".as_bytes();
        let j = judge(&doc, Usage::default(), &body(html));
        assert_eq!(j.outcome, VerifyOutcome::WrongType);
        assert!(j.html);
        assert_eq!(
            judge(&Expect::Image, Usage::default(), &body(pdf)).outcome,
            VerifyOutcome::WrongType
        );
        assert_eq!(
            judge(&Expect::Video, Usage::default(), &body(b"")).outcome,
            VerifyOutcome::Empty
        );
        assert_eq!(
            judge(&Expect::Embed, Usage::default(), &body(b"FWS\x08")).outcome,
            VerifyOutcome::Flash
        );
        let flv = b"FLV\x01\x05\x00\x00\x00\x09\x00\x00\x00\x00";
        assert_eq!(
            judge(&Expect::Video, Usage::default(), &body(flv)).outcome,
            VerifyOutcome::Flash
        );
        let link = Usage { link_only: true };
        assert_eq!(
            judge(&Expect::Video, link, &body(flv)).outcome,
            VerifyOutcome::Ok
        );
        let docx = Expect::Document(Some("docx".into()));
        assert_eq!(
            judge(&docx, link, &body(b"PK\x03\x04\x14\x00")).outcome,
            VerifyOutcome::Ok
        );
        assert_eq!(
            judge(&docx, link, &body(b"\x00\x01garbage\x00")).outcome,
            VerifyOutcome::WrongType
        );
    }
}
