//! Decoding: response bytes → text. Pure functions, no I/O.
//!
//! Order of evidence: byte-order mark → HTTP `Content-Type` charset → `<meta charset>` /
//! `<meta http-equiv="Content-Type">` prescan of the first 4096 bytes → chardetng guess
//! (TLD `cn`) → UTF-8.
//!
//! Government servers often declare a charset that does not match the bytes (a UTF-8
//! header in front of a GB2312 page is the classic). Declarations are therefore checked:
//! the first declared encoding that decodes the body without errors wins; when none does,
//! the chardetng guess is used if it decodes cleanly; otherwise the first declaration is
//! kept and [`Decoded::had_errors`] is set. Bytes that are valid, non-ASCII UTF-8 are
//! decoded as UTF-8 even when a legacy encoding (GBK …) was declared, because GBK text is
//! practically never valid UTF-8 while UTF-8 text often "decodes" as GBK mojibake.
//! The returned [`Decoded::source`] says which evidence won, so a wrong declaration can be
//! reported as a finding.

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252, X_USER_DEFINED};

/// How many leading bytes are scanned for `<meta charset>`.
const META_PRESCAN_BYTES: usize = 4096;
/// How many bytes chardetng looks at (enough for a confident guess, bounded cost).
const DETECT_BYTES: usize = 64 * 1024;

/// Where the encoding used for decoding came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CharsetSource {
    /// A byte-order mark at the start of the body.
    Bom,
    /// The `charset` parameter of the HTTP `Content-Type` header.
    Header,
    /// `<meta charset>` or `<meta http-equiv="Content-Type" content="…charset=…">`.
    Meta,
    /// Content sniffing (chardetng, or valid UTF-8 overriding a wrong declaration).
    Detected,
    /// Nothing declared and nothing to detect (ASCII-only or empty body): UTF-8.
    Default,
}

impl CharsetSource {
    /// Stable lower-case name: `bom`, `header`, `meta`, `detected`, `default`.
    pub fn as_str(self) -> &'static str {
        match self {
            CharsetSource::Bom => "bom",
            CharsetSource::Header => "header",
            CharsetSource::Meta => "meta",
            CharsetSource::Detected => "detected",
            CharsetSource::Default => "default",
        }
    }
}

/// A decoded HTML body.
#[derive(Debug, Clone)]
pub struct Decoded {
    /// The text (malformed sequences replaced by U+FFFD).
    pub text: String,
    /// The encoding used.
    pub encoding: &'static Encoding,
    /// Which evidence chose the encoding.
    pub source: CharsetSource,
    /// Whether malformed byte sequences were replaced.
    pub had_errors: bool,
}

/// Decode an HTML body. Never panics.
pub fn decode_html(bytes: &[u8], content_type: Option<&str>) -> Decoded {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        return Decoded {
            text: text.into_owned(),
            encoding: enc,
            source: CharsetSource::Bom,
            had_errors,
        };
    }

    let mut candidates: Vec<(&'static Encoding, CharsetSource)> = Vec::with_capacity(2);
    if let Some(enc) = content_type.and_then(header_charset) {
        candidates.push((enc, CharsetSource::Header));
    }
    if let Some(enc) = meta_charset(bytes)
        && !candidates.iter().any(|(e, _)| *e == enc)
    {
        candidates.push((enc, CharsetSource::Meta));
    }

    let is_ascii = bytes.is_ascii();
    let valid_utf8 = is_ascii || std::str::from_utf8(bytes).is_ok();

    if candidates.is_empty() {
        if is_ascii {
            return finish(bytes, UTF_8, CharsetSource::Default);
        }
        if valid_utf8 {
            return finish(bytes, UTF_8, CharsetSource::Detected);
        }
        return finish(bytes, detect(bytes), CharsetSource::Detected);
    }

    // Valid UTF-8 with multi-byte sequences is a very strong signal.
    if valid_utf8 && !is_ascii {
        if let Some(&(enc, src)) = candidates.iter().find(|(e, _)| *e == UTF_8) {
            return finish(bytes, enc, src);
        }
        if candidates
            .iter()
            .all(|(e, _)| is_legacy_ascii_compatible(e))
        {
            return finish(bytes, UTF_8, CharsetSource::Detected);
        }
    }

    for &(enc, src) in &candidates {
        if decodes_cleanly(bytes, enc, valid_utf8) {
            return finish(bytes, enc, src);
        }
    }
    let guess = detect(bytes);
    if decodes_cleanly(bytes, guess, valid_utf8) {
        return finish(bytes, guess, CharsetSource::Detected);
    }
    let (enc, src) = candidates[0];
    finish(bytes, enc, src)
}

fn finish(bytes: &[u8], encoding: &'static Encoding, source: CharsetSource) -> Decoded {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    Decoded {
        text: text.into_owned(),
        encoding,
        source,
        had_errors,
    }
}

fn is_legacy_ascii_compatible(enc: &'static Encoding) -> bool {
    enc != UTF_8 && enc.is_ascii_compatible()
}

fn decodes_cleanly(bytes: &[u8], enc: &'static Encoding, valid_utf8: bool) -> bool {
    if enc == UTF_8 {
        return valid_utf8;
    }
    enc.decode_without_bom_handling_and_without_replacement(bytes)
        .is_some()
}

fn detect(bytes: &[u8]) -> &'static Encoding {
    let mut det = EncodingDetector::new(Iso2022JpDetection::Deny);
    let slice = &bytes[..bytes.len().min(DETECT_BYTES)];
    det.feed(slice, true);
    det.guess(Some(b"cn"), Utf8Detection::Allow)
}

/// Map a label as found in HTML to an encoding, following the HTML rules for
/// `<meta>` (UTF-16 declared in ASCII markup means UTF-8; x-user-defined → windows-1252).
fn label_to_encoding(label: &str) -> Option<&'static Encoding> {
    let enc = Encoding::for_label(label.trim().trim_matches(['"', '\'']).as_bytes())?;
    Some(if enc == UTF_16LE || enc == UTF_16BE {
        UTF_8
    } else if enc == X_USER_DEFINED {
        WINDOWS_1252
    } else {
        enc
    })
}

/// The `charset` parameter of a `Content-Type` header value.
pub fn header_charset(content_type: &str) -> Option<&'static Encoding> {
    if let Ok(m) = content_type.trim().parse::<mime::Mime>()
        && let Some(cs) = m.get_param(mime::CHARSET)
    {
        return label_to_encoding(cs.as_str());
    }
    // Malformed header (e.g. trailing `;`, duplicated parameters): scan by hand.
    charset_after_keyword(content_type.as_bytes()).and_then(label_to_encoding)
}

/// Find `charset = <label>` in an ASCII-lowercased byte slice and return the label.
fn charset_after_keyword(s: &[u8]) -> Option<&str> {
    let lower: Vec<u8> = s.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(pos) = find(&lower[from..], b"charset") {
        let mut i = from + pos + 7;
        while i < s.len() && s[i].is_ascii_whitespace() {
            i += 1;
        }
        if i < s.len() && s[i] == b'=' {
            i += 1;
            while i < s.len() && (s[i].is_ascii_whitespace() || s[i] == b'"' || s[i] == b'\'') {
                i += 1;
            }
            let start = i;
            while i < s.len() && (s[i].is_ascii_alphanumeric() || b"-_:.".contains(&s[i])) {
                i += 1;
            }
            if i > start {
                return std::str::from_utf8(&s[start..i]).ok();
            }
        }
        from = from + pos + 7;
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Prescan the first bytes for `<meta charset=…>` or `<meta http-equiv … content="…charset=…">`
/// (any case, quoted or unquoted).
pub fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(META_PRESCAN_BYTES)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(pos) = find(&lower[from..], b"<meta") {
        let start = from + pos + 5;
        let end = lower[start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(lower.len(), |p| start + p);
        if let Some(label) = charset_after_keyword(&head[start..end])
            && let Some(enc) = label_to_encoding(label)
        {
            return Some(enc);
        }
        from = end.max(start);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::GBK;

    fn gbk(s: &str) -> Vec<u8> {
        GBK.encode(s).0.into_owned()
    }

    #[test]
    fn bom_wins() {
        let mut b = vec![0xEF, 0xBB, 0xBF];
        b.extend_from_slice("<p>政务公开</p>".as_bytes());
        let d = decode_html(&b, Some("text/html; charset=gbk"));
        assert_eq!(d.source, CharsetSource::Bom);
        assert_eq!(d.encoding, UTF_8);
        assert_eq!(d.text, "<p>政务公开</p>");
    }

    #[test]
    fn header_charset_gbk() {
        let b = gbk("<html><body>政府信息公开指南</body></html>");
        let d = decode_html(&b, Some("text/html; charset=GBK"));
        assert_eq!(d.source, CharsetSource::Header);
        assert_eq!(d.encoding, GBK);
        assert!(d.text.contains("政府信息公开指南"));
        assert!(!d.had_errors);
    }

    #[test]
    fn uppercase_http_equiv_meta() {
        let mut b = b"<HTML><HEAD><META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=gb2312\"></HEAD><BODY>".to_vec();
        b.extend(gbk("首页 > 政务公开"));
        let d = decode_html(&b, Some("text/html"));
        assert_eq!(d.source, CharsetSource::Meta);
        assert_eq!(d.encoding, GBK);
        assert!(d.text.contains("首页 > 政务公开"));
    }

    #[test]
    fn unquoted_meta_values() {
        let mut b = b"<meta http-equiv=Content-Type content=text/html;charset=GBK>".to_vec();
        b.extend(gbk("联系电话"));
        let d = decode_html(&b, None);
        assert_eq!(d.source, CharsetSource::Meta);
        assert!(d.text.ends_with("联系电话"));
        let mut b = b"<meta charset=gbk>".to_vec();
        b.extend(gbk("联系电话"));
        assert_eq!(decode_html(&b, None).source, CharsetSource::Meta);
    }

    #[test]
    fn lying_utf8_header_falls_back_to_meta() {
        let mut b = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head><body>".to_vec();
        b.extend(gbk("当前位置：首页 > 信息公开"));
        let d = decode_html(&b, Some("text/html; charset=UTF-8"));
        assert_eq!(d.source, CharsetSource::Meta);
        assert_eq!(d.encoding, GBK);
        assert!(!d.had_errors);
        assert!(d.text.contains("当前位置：首页 > 信息公开"));
    }

    #[test]
    fn lying_gbk_meta_with_utf8_bytes() {
        let b = "<meta charset=\"gb2312\"><p>政务公开 信息公开年报</p>".as_bytes();
        let d = decode_html(b, None);
        assert_eq!(d.encoding, UTF_8);
        assert_eq!(d.source, CharsetSource::Detected);
        assert!(d.text.contains("政务公开"));
        // a UTF-8 declaration in the header wins over a GBK meta when bytes are UTF-8
        let d = decode_html(b, Some("text/html;charset=utf-8"));
        assert_eq!(d.source, CharsetSource::Header);
    }

    #[test]
    fn undeclared_gbk_is_detected() {
        let b = gbk(
            "<html><body><p>平潭综合实验区党工委管委会政府信息公开工作年度报告，本机关依法主动公开政府信息。</p></body></html>",
        );
        let d = decode_html(&b, None);
        assert_eq!(d.source, CharsetSource::Detected);
        assert_eq!(d.encoding, GBK);
        assert!(d.text.contains("政府信息公开工作年度报告"));
    }

    #[test]
    fn utf8_header_without_meta_but_gbk_bytes_is_detected() {
        let b = gbk("<p>本机关依法主动公开政府信息，公开指南和公开制度。</p>");
        let d = decode_html(&b, Some("text/html; charset=utf-8"));
        assert_eq!(d.source, CharsetSource::Detected);
        assert_eq!(d.encoding, GBK);
        assert!(d.text.contains("公开指南"));
    }

    #[test]
    fn ascii_default_and_as_str() {
        let d = decode_html(b"<p>hello</p>", None);
        assert_eq!(d.source, CharsetSource::Default);
        assert_eq!(d.source.as_str(), "default");
        assert_eq!(CharsetSource::Meta.as_str(), "meta");
        assert_eq!(decode_html(b"", None).text, "");
    }

    #[test]
    fn malformed_header_is_scanned() {
        assert_eq!(header_charset("text/html;; charset=\"GB2312\";"), Some(GBK));
        assert_eq!(header_charset("text/html"), None);
        assert_eq!(header_charset("garbage"), None);
    }

    #[test]
    fn never_panics_on_random_bytes() {
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        for n in 0..400 {
            let len = (n * 37) % 3000;
            let mut b = Vec::with_capacity(len + 40);
            if n % 3 == 0 {
                b.extend_from_slice(b"<meta charset=");
            }
            for _ in 0..len {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                b.push((x >> 24) as u8);
            }
            let ct = match n % 4 {
                0 => Some("text/html; charset=utf-8"),
                1 => Some("text/html; charset=\u{7f}\u{0}"),
                2 => Some(";;;charset="),
                _ => None,
            };
            let d = decode_html(&b, ct);
            assert!(d.text.len() >= b.len() / 4);
        }
    }
}
