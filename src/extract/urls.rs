//! URL shapes, each defined once: file endings and the media kind they imply, attachment
//! (document) URLs, the document endings whose file header zwgk recognises, and
//! calendar/date variants of a page (`?d=2026-11-01`). Used by the extractor, the crawl's
//! trap guard, the verification stage and the rules.

use super::MediaKind;
use super::dates::find_dates;
use url::Url;

/// Attachment (document) file endings.
pub const DOCUMENT: &[&str] = &[
    "pdf", "doc", "docx", "xls", "xlsx", "wps", "et", "dps", "ppt", "pptx", "zip", "rar", "7z",
    "txt", "csv", "ofd", "odt", "ods", "odp", "rtf", "tar", "gz", "tgz", "ceb",
];
/// Video file endings.
pub const VIDEO: &[&str] = &[
    "mp4", "flv", "m3u8", "avi", "wmv", "mov", "mkv", "webm", "mpg", "mpeg", "rm", "rmvb", "3gp",
    "m4v", "asf", "ts", "f4v", "vob",
];
/// Audio file endings.
pub const AUDIO: &[&str] = &[
    "mp3", "wav", "wma", "aac", "m4a", "ogg", "flac", "amr", "mid", "ape",
];
/// Image file endings.
pub const IMAGE: &[&str] = &[
    "jpg", "jpeg", "png", "gif", "bmp", "webp", "svg", "tif", "tiff", "ico", "jfif",
];

/// Document endings whose file header zwgk recognises (PDF, OLE2, OOXML, ZIP, RAR): for
/// these an unrecognised header means the file is not what its name says.
pub const RECOGNISED_DOCUMENTS: &[&str] = &[
    "pdf", "doc", "xls", "ppt", "docx", "xlsx", "pptx", "zip", "rar", "wps",
];

/// Lower-cased extension of the last path segment, if any.
pub fn extension(url: &Url) -> Option<String> {
    let seg = url.path_segments()?.next_back()?;
    let (_, ext) = seg.rsplit_once('.')?;
    (!ext.is_empty() && ext.len() <= 5).then(|| ext.to_ascii_lowercase())
}

/// Media kind implied by a URL's file extension (`None` for pages and unknown types).
pub fn kind_for_url(url: &Url) -> Option<MediaKind> {
    kind_for_ext(&extension(url)?)
}

fn kind_for_ext(ext: &str) -> Option<MediaKind> {
    if ext == "swf" {
        Some(MediaKind::Flash)
    } else if DOCUMENT.contains(&ext) {
        Some(MediaKind::Document)
    } else if VIDEO.contains(&ext) {
        Some(MediaKind::Video)
    } else if AUDIO.contains(&ext) {
        Some(MediaKind::Audio)
    } else if IMAGE.contains(&ext) {
        Some(MediaKind::Image)
    } else {
        None
    }
}

/// Does the URL point to a document attachment (one of the [`DOCUMENT`] endings)?
pub fn is_document(url: &str) -> bool {
    Url::parse(url)
        .ok()
        .and_then(|u| extension(&u))
        .is_some_and(|e| DOCUMENT.contains(&e.as_str()))
}

/// Query keys that pick a day/month of a calendar or an archive (`?d=2026-11-01`).
const CALENDAR_KEYS: &[&str] = &[
    "d",
    "date",
    "day",
    "month",
    "year",
    "ym",
    "ymd",
    "rq",
    "riqi",
    "cal",
    "calendar",
    "week",
    "time",
    "begintime",
    "endtime",
    "starttime",
];

/// A value that is a date: `20261101`, `202611`, `2026-11-01`, `2026/11`, `2026.11`,
/// `2026年11月1日` …
pub fn date_like(v: &str) -> bool {
    let digits: String = v.chars().filter(|c| c.is_ascii_digit()).collect();
    let all_digits = digits.len() == v.len();
    let sep = v.contains(['-', '/', '.']);
    ((digits.len() == 8 || digits.len() == 6)
        && (all_digits || sep)
        && digits.starts_with(['1', '2']))
        || !find_dates(v).is_empty()
}

/// Is this URL a calendar/date variant of a page (`/hdjl/rl/?d=2026-11-01`,
/// `?year=2026&month=11`)? Such pages are generated for every day: crawler traps, and
/// never columns of their own.
pub fn is_calendar_url(url: &Url) -> bool {
    url.query().is_some_and(|q| !q.is_empty())
        && url.query_pairs().any(|(k, v)| {
            let k = k.to_ascii_lowercase();
            date_like(&v) || (CALENDAR_KEYS.contains(&k.as_str()) && !v.is_empty())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn u(s: &str) -> Url {
        Url::parse(s).unwrap()
    }

    #[test]
    fn calendar_variants_by_value_or_key() {
        assert!(is_calendar_url(&u("http://x.cn/hdjl/rl/?d=2026-11-01")));
        assert!(is_calendar_url(&u(
            "http://x.cn/rili/index.html?date=20261101"
        )));
        assert!(is_calendar_url(&u("http://x.cn/a/?ym=202611")));
        assert!(is_calendar_url(&u("http://x.cn/a/?year=2026&month=11")));
        assert!(is_calendar_url(&u("http://x.cn/a/?q=2026.11")));
        assert!(!is_calendar_url(&u(
            "http://x.cn/list/index.jsp?channelId=12"
        )));
        assert!(!is_calendar_url(&u("http://x.cn/list/?page=3")));
        assert!(!is_calendar_url(&u("http://x.cn/list/")));
        assert!(!is_calendar_url(&u("http://x.cn/a/?id=123456789")));
    }

    #[test]
    fn documents_by_ending() {
        assert!(is_document("http://x.cn/a/b.PDF"));
        assert!(is_document("http://x.cn/a/b.pptx?x=1"));
        assert!(!is_document("http://x.cn/a/b.html"));
        assert!(!is_document("http://x.cn/a/pdf"));
        assert!(!is_document("not a url.pdf"));
    }
}
