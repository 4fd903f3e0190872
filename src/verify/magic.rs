//! Magic bytes and cheap structure checks, by hand (no decoding crates): what a body really
//! is (JPEG, PNG, GIF, WebP, BMP, ICO, TIFF, SVG, MP4/MOV, FLV, WebM, AVI, MPEG-TS, M3U8,
//! MP3/ID3, WAV, OGG, FLAC, PDF, OLE2 and zip-based Office, RAR, 7z, SWF, HTML …), image
//! dimensions from the header, and whether a container that was read to its end is whole
//! (PNG chunks up to `IEND`, MP4 boxes tiling the file, JPEG `EOI`, PDF `%%EOF`).

pub use crate::sniff::looks_like_html;
use crate::sniff::trim_text_start;

/// A detected file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Jpeg,
    Png,
    Gif,
    WebP,
    Bmp,
    Ico,
    Tiff,
    Svg,
    /// ISO base media (mp4, m4v, m4a, mov, 3gp): `ftyp` or a top-level box first
    IsoMedia,
    Flv,
    /// Matroska / WebM (EBML)
    Matroska,
    Avi,
    Wav,
    MpegTs,
    MpegPs,
    /// Windows Media (ASF: wmv, wma)
    Asf,
    RealMedia,
    M3u8,
    Mp3,
    Aac,
    Ogg,
    Flac,
    Amr,
    Midi,
    Pdf,
    /// OLE2 compound file (doc, xls, ppt, wps, et, dps)
    Ole2,
    /// zip (docx, xlsx, pptx, ofd, odt, zip)
    Zip,
    Rar,
    SevenZip,
    Gzip,
    Rtf,
    Swf,
    Html,
    /// other text (txt, csv, xml, json)
    Text,
}

impl Format {
    /// Short lower-case name used in reports.
    pub fn name(self) -> &'static str {
        match self {
            Format::Jpeg => "jpeg",
            Format::Png => "png",
            Format::Gif => "gif",
            Format::WebP => "webp",
            Format::Bmp => "bmp",
            Format::Ico => "ico",
            Format::Tiff => "tiff",
            Format::Svg => "svg",
            Format::IsoMedia => "mp4",
            Format::Flv => "flv",
            Format::Matroska => "webm/mkv",
            Format::Avi => "avi",
            Format::Wav => "wav",
            Format::MpegTs => "mpeg-ts",
            Format::MpegPs => "mpeg-ps",
            Format::Asf => "asf/wmv",
            Format::RealMedia => "rm",
            Format::M3u8 => "m3u8",
            Format::Mp3 => "mp3",
            Format::Aac => "aac",
            Format::Ogg => "ogg",
            Format::Flac => "flac",
            Format::Amr => "amr",
            Format::Midi => "midi",
            Format::Pdf => "pdf",
            Format::Ole2 => "ole2",
            Format::Zip => "zip",
            Format::Rar => "rar",
            Format::SevenZip => "7z",
            Format::Gzip => "gzip",
            Format::Rtf => "rtf",
            Format::Swf => "swf",
            Format::Html => "html",
            Format::Text => "text",
        }
    }

    pub fn is_image(self) -> bool {
        matches!(
            self,
            Format::Jpeg
                | Format::Png
                | Format::Gif
                | Format::WebP
                | Format::Bmp
                | Format::Ico
                | Format::Tiff
                | Format::Svg
        )
    }

    pub fn is_video(self) -> bool {
        matches!(
            self,
            Format::IsoMedia
                | Format::Flv
                | Format::Matroska
                | Format::Avi
                | Format::MpegTs
                | Format::MpegPs
                | Format::Asf
                | Format::RealMedia
                | Format::M3u8
        )
    }

    pub fn is_audio(self) -> bool {
        matches!(
            self,
            Format::Mp3
                | Format::Aac
                | Format::Ogg
                | Format::Flac
                | Format::Amr
                | Format::Midi
                | Format::Wav
                | Format::IsoMedia
                | Format::Asf
                | Format::Matroska
                | Format::RealMedia
                | Format::M3u8
        )
    }
}

fn starts(b: &[u8], magic: &[u8]) -> bool {
    b.len() >= magic.len() && &b[..magic.len()] == magic
}

fn be32(b: &[u8], at: usize) -> Option<u32> {
    b.get(at..at + 4)
        .map(|s| u32::from_be_bytes([s[0], s[1], s[2], s[3]]))
}

fn le32(b: &[u8], at: usize) -> Option<u32> {
    b.get(at..at + 4)
        .map(|s| u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
}

fn be16(b: &[u8], at: usize) -> Option<u16> {
    b.get(at..at + 2).map(|s| u16::from_be_bytes([s[0], s[1]]))
}

fn le16(b: &[u8], at: usize) -> Option<u16> {
    b.get(at..at + 2).map(|s| u16::from_le_bytes([s[0], s[1]]))
}

/// Known top-level ISO-BMFF box types a file may start with.
const ISO_FIRST_BOXES: &[&[u8; 4]] = &[
    b"ftyp", b"moov", b"mdat", b"free", b"skip", b"wide", b"pnot", b"styp", b"sidx", b"moof",
];

/// What the bytes are, from the magic numbers at the start.
pub fn sniff(b: &[u8]) -> Option<Format> {
    if b.is_empty() {
        return None;
    }
    let f = if starts(b, b"\xFF\xD8\xFF") {
        Format::Jpeg
    } else if starts(b, b"\x89PNG\r\n\x1a\n") {
        Format::Png
    } else if starts(b, b"GIF87a") || starts(b, b"GIF89a") {
        Format::Gif
    } else if starts(b, b"RIFF") && b.get(8..12) == Some(b"WEBP") {
        Format::WebP
    } else if starts(b, b"RIFF") && b.get(8..12) == Some(b"AVI ") {
        Format::Avi
    } else if starts(b, b"RIFF") && b.get(8..12) == Some(b"WAVE") {
        Format::Wav
    } else if starts(b, b"BM")
        && b.len() >= 26
        && le32(b, 14).is_some_and(|h| (12..=124).contains(&h))
    {
        Format::Bmp
    } else if starts(b, b"\x00\x00\x01\x00") && le16(b, 4).is_some_and(|n| n > 0) {
        Format::Ico
    } else if starts(b, b"II*\x00") || starts(b, b"MM\x00*") {
        Format::Tiff
    } else if b
        .get(4..8)
        .is_some_and(|t| ISO_FIRST_BOXES.iter().any(|m| &m[..] == t))
    {
        Format::IsoMedia
    } else if starts(b, b"FLV\x01") {
        Format::Flv
    } else if starts(b, b"\x1A\x45\xDF\xA3") {
        Format::Matroska
    } else if starts(b, b"\x30\x26\xB2\x75\x8E\x66\xCF\x11") {
        Format::Asf
    } else if starts(b, b".RMF") {
        Format::RealMedia
    } else if starts(b, b"\x00\x00\x01\xBA") {
        Format::MpegPs
    } else if b[0] == 0x47 && (b.len() < 189 || b[188] == 0x47) && b.len() >= 4 {
        Format::MpegTs
    } else if starts(b, b"ID3") {
        Format::Mp3
    } else if b.len() >= 2 && b[0] == 0xFF && (b[1] & 0xF6) == 0xF0 {
        Format::Aac
    } else if b.len() >= 2 && b[0] == 0xFF && (b[1] & 0xE0) == 0xE0 {
        Format::Mp3
    } else if starts(b, b"OggS") {
        Format::Ogg
    } else if starts(b, b"fLaC") {
        Format::Flac
    } else if starts(b, b"#!AMR") {
        Format::Amr
    } else if starts(b, b"MThd") {
        Format::Midi
    } else if starts(b, b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        Format::Ole2
    } else if starts(b, b"PK\x03\x04") || starts(b, b"PK\x05\x06") {
        Format::Zip
    } else if starts(b, b"Rar!\x1A\x07") {
        Format::Rar
    } else if starts(b, b"7z\xBC\xAF\x27\x1C") {
        Format::SevenZip
    } else if starts(b, b"\x1F\x8B") {
        Format::Gzip
    } else if starts(b, b"{\\rtf") {
        Format::Rtf
    } else if starts(b, b"FWS") || starts(b, b"CWS") || starts(b, b"ZWS") {
        Format::Swf
    } else if pdf_offset(b).is_some() {
        Format::Pdf
    } else {
        return sniff_text(b);
    };
    Some(f)
}

/// `%PDF-` may be preceded by junk (up to 1 KiB, per the PDF spec's lenience in readers).
pub fn pdf_offset(b: &[u8]) -> Option<usize> {
    let head = &b[..b.len().min(1024)];
    head.windows(5).position(|w| w == b"%PDF-")
}

fn sniff_text(b: &[u8]) -> Option<Format> {
    let t = trim_text_start(b);
    if starts(t, b"#EXTM3U") {
        return Some(Format::M3u8);
    }
    let head = &t[..t.len().min(1024)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let has = |n: &[u8]| lower.windows(n.len()).any(|w| w == n);
    if (starts(&lower, b"<?xml") || starts(&lower, b"<svg") || starts(&lower, b"<!--"))
        && has(b"<svg")
    {
        return Some(Format::Svg);
    }
    if looks_like_html(b) {
        return Some(Format::Html);
    }
    // text: no NUL and mostly printable in the first KiB
    let sample = &b[..b.len().min(1024)];
    let binary = sample
        .iter()
        .filter(|c| **c == 0 || (**c < 0x20 && !matches!(**c, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b)))
        .count();
    (binary == 0).then_some(Format::Text)
}

/// Image dimensions from the header, when the format carries them in the bytes available.
/// `Err` when the header is present but broken (zero size, bad chunk).
pub fn image_size(f: Format, b: &[u8]) -> Result<Option<(u32, u32)>, String> {
    let dims = match f {
        Format::Png => {
            if b.get(12..16) != Some(b"IHDR") {
                return Err("PNG 缺少 IHDR".into());
            }
            be32(b, 16).zip(be32(b, 20))
        }
        Format::Gif => le16(b, 6)
            .zip(le16(b, 8))
            .map(|(w, h)| (w as u32, h as u32)),
        Format::Bmp => le32(b, 18)
            .zip(le32(b, 22))
            .map(|(w, h)| (w, (h as i32).unsigned_abs())),
        Format::Ico => b.get(6..8).map(|s| {
            let d = |v: u8| if v == 0 { 256 } else { v as u32 };
            (d(s[0]), d(s[1]))
        }),
        Format::WebP => webp_size(b)?,
        Format::Jpeg => jpeg_size(b)?,
        _ => return Ok(None),
    };
    match dims {
        Some((w, h)) if w == 0 || h == 0 => Err(format!("图像尺寸为 {w}×{h}")),
        other => Ok(other),
    }
}

fn webp_size(b: &[u8]) -> Result<Option<(u32, u32)>, String> {
    let Some(chunk) = b.get(12..16) else {
        return Ok(None);
    };
    let d = match chunk {
        b"VP8 " => {
            if b.len() < 30 {
                return Ok(None);
            }
            if b.get(23..26) != Some(b"\x9d\x01\x2a") {
                return Err("WebP VP8 帧头无效".into());
            }
            le16(b, 26)
                .zip(le16(b, 28))
                .map(|(w, h)| ((w & 0x3fff) as u32, (h & 0x3fff) as u32))
        }
        b"VP8L" => {
            if b.len() < 25 {
                return Ok(None);
            }
            if b[20] != 0x2f {
                return Err("WebP VP8L 签名无效".into());
            }
            let v = u32::from_le_bytes([b[21], b[22], b[23], b[24]]);
            Some(((v & 0x3fff) + 1, ((v >> 14) & 0x3fff) + 1))
        }
        b"VP8X" => {
            if b.len() < 30 {
                return Ok(None);
            }
            let r24 = |at: usize| u32::from_le_bytes([b[at], b[at + 1], b[at + 2], 0]);
            Some((r24(24) + 1, r24(27) + 1))
        }
        _ => return Err("WebP 块类型未知".into()),
    };
    Ok(d)
}

fn jpeg_size(b: &[u8]) -> Result<Option<(u32, u32)>, String> {
    let mut i = 2;
    while i + 2 <= b.len() {
        if b[i] != 0xFF {
            return Err(format!("JPEG 标记错误（偏移 {i}）"));
        }
        let m = b[i + 1];
        if m == 0xFF {
            i += 1;
            continue;
        }
        if m == 0xD8 || m == 0x01 || (0xD0..=0xD7).contains(&m) {
            i += 2;
            continue;
        }
        if m == 0xD9 || m == 0xDA {
            return Err("JPEG 在帧头（SOF）之前结束".into());
        }
        let Some(len) = be16(b, i + 2) else {
            return Ok(None);
        };
        if len < 2 {
            return Err("JPEG 段长度无效".into());
        }
        let sof = (0xC0..=0xCF).contains(&m) && !matches!(m, 0xC4 | 0xC8 | 0xCC);
        if sof {
            return Ok(be16(b, i + 5)
                .zip(be16(b, i + 7))
                .map(|(h, w)| (w as u32, h as u32)));
        }
        i += 2 + len as usize;
    }
    Ok(None)
}

/// Walk PNG chunks in the bytes available. `complete` = these are all the file's bytes:
/// then a chunk running past the end or a missing `IEND` means a truncated file.
pub fn png_structure(b: &[u8], complete: bool) -> Result<(), String> {
    let mut i = 8;
    let mut seen_idat = false;
    loop {
        if i + 8 > b.len() {
            return if complete {
                Err(format!("PNG 在第 {i} 字节处截断（无 IEND）"))
            } else {
                Ok(())
            };
        }
        let len = be32(b, i).unwrap_or(0) as usize;
        let ty = &b[i + 4..i + 8];
        if !ty.iter().all(u8::is_ascii_alphabetic) {
            return Err(format!("PNG 块类型无效（偏移 {i}）"));
        }
        if len > 0x7fff_ffff {
            return Err("PNG 块长度无效".into());
        }
        let end = i + 12 + len;
        if ty == b"IEND" {
            return if seen_idat || !complete {
                Ok(())
            } else {
                Err("PNG 没有图像数据（IDAT）".into())
            };
        }
        if ty == b"IDAT" {
            seen_idat = true;
        }
        if end > b.len() {
            return if complete {
                Err(format!(
                    "PNG 块 {} 声明 {len} 字节，文件在第 {} 字节处截断",
                    String::from_utf8_lossy(ty),
                    b.len()
                ))
            } else {
                Ok(())
            };
        }
        i = end;
    }
}

/// Walk top-level ISO-BMFF boxes. With the whole file, boxes must tile it exactly.
pub fn mp4_structure(b: &[u8], complete: bool) -> Result<(), String> {
    let mut i = 0usize;
    let mut boxes = 0;
    while i < b.len() {
        if i + 8 > b.len() {
            return if complete {
                Err(format!("MP4 在第 {i} 字节处截断"))
            } else {
                Ok(())
            };
        }
        let size = be32(b, i).unwrap_or(0) as u64;
        let ty = &b[i + 4..i + 8];
        if !ty
            .iter()
            .all(|c| c.is_ascii_alphanumeric() || *c == b' ' || *c == 0xA9)
        {
            return Err(format!("MP4 box 类型无效（偏移 {i}）"));
        }
        let size = match size {
            0 => return Ok(()), // to end of file
            1 => match b.get(i + 8..i + 16) {
                Some(s) => u64::from_be_bytes([s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7]]),
                None => {
                    return if complete {
                        Err("MP4 box 头截断".into())
                    } else {
                        Ok(())
                    };
                }
            },
            s => s,
        };
        if size < 8 {
            return Err(format!("MP4 box 长度 {size} 无效（偏移 {i}）"));
        }
        boxes += 1;
        let end = i as u64 + size;
        if end > b.len() as u64 {
            return if complete {
                Err(format!(
                    "MP4 box {} 声明 {size} 字节，文件在第 {} 字节处截断",
                    String::from_utf8_lossy(ty),
                    b.len()
                ))
            } else {
                Ok(())
            };
        }
        i = end as usize;
    }
    if boxes == 0 {
        Err("MP4 没有 box".into())
    } else {
        Ok(())
    }
}

/// For a file read to its end: does it end like a whole file of this format?
pub fn trailer_ok(f: Format, b: &[u8]) -> Result<(), String> {
    let tail = &b[b.len().saturating_sub(1024)..];
    match f {
        Format::Jpeg => {
            let t = trim_end_padding(b);
            if t.ends_with(b"\xFF\xD9") {
                Ok(())
            } else {
                Err("JPEG 缺少结束标记 FFD9（文件不完整）".into())
            }
        }
        Format::Gif => {
            if trim_end_padding(b).ends_with(b";") {
                Ok(())
            } else {
                Err("GIF 缺少结束符 0x3B（文件不完整）".into())
            }
        }
        Format::Pdf => {
            if tail.windows(5).any(|w| w == b"%%EOF") {
                Ok(())
            } else {
                Err("PDF 缺少 %%EOF（文件不完整）".into())
            }
        }
        Format::Png => png_structure(b, true),
        Format::IsoMedia => mp4_structure(b, true),
        _ => Ok(()),
    }
}

/// Trailing NULs / whitespace some servers append.
fn trim_end_padding(b: &[u8]) -> &[u8] {
    let n = b
        .iter()
        .rev()
        .take_while(|c| **c == 0 || c.is_ascii_whitespace())
        .count();
    &b[..b.len() - n]
}

/// The first bytes as hex and printable ASCII, for evidence.
pub fn first_bytes(b: &[u8], n: usize) -> String {
    let head = &b[..b.len().min(n)];
    let hex: Vec<String> = head.iter().map(|c| format!("{c:02X}")).collect();
    let ascii: String = head
        .iter()
        .map(|c| {
            if c.is_ascii_graphic() || *c == b' ' {
                *c as char
            } else {
                '.'
            }
        })
        .collect();
    format!("{} |{ascii}|", hex.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(w: u32, h: u32, with_end: bool) -> Vec<u8> {
        let mut v = b"\x89PNG\r\n\x1a\n".to_vec();
        let chunk = |v: &mut Vec<u8>, ty: &[u8], data: &[u8]| {
            v.extend_from_slice(&(data.len() as u32).to_be_bytes());
            v.extend_from_slice(ty);
            v.extend_from_slice(data);
            v.extend_from_slice(&[0, 0, 0, 0]);
        };
        let mut ihdr = w.to_be_bytes().to_vec();
        ihdr.extend_from_slice(&h.to_be_bytes());
        ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
        chunk(&mut v, b"IHDR", &ihdr);
        chunk(&mut v, b"IDAT", &[1, 2, 3, 4, 5]);
        if with_end {
            chunk(&mut v, b"IEND", &[]);
        }
        v
    }

    #[test]
    fn sniffs_common_formats() {
        assert_eq!(sniff(&png(1, 1, true)), Some(Format::Png));
        assert_eq!(sniff(b"\xFF\xD8\xFF\xE0\x00\x10JFIF"), Some(Format::Jpeg));
        assert_eq!(sniff(b"GIF89a\x01\x00\x01\x00"), Some(Format::Gif));
        assert_eq!(
            sniff(b"\x00\x00\x00\x18ftypisom\x00\x00\x02\x00"),
            Some(Format::IsoMedia)
        );
        assert_eq!(sniff(b"FLV\x01\x05\x00\x00\x00\x09"), Some(Format::Flv));
        assert_eq!(sniff(b"ID3\x04\x00\x00"), Some(Format::Mp3));
        assert_eq!(sniff(b"\xFF\xFB\x90\x00"), Some(Format::Mp3));
        assert_eq!(sniff(b"%PDF-1.7\n"), Some(Format::Pdf));
        assert_eq!(
            sniff(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00"),
            Some(Format::Ole2)
        );
        assert_eq!(sniff(b"PK\x03\x04\x14\x00"), Some(Format::Zip));
        assert_eq!(sniff(b"FWS\x0a"), Some(Format::Swf));
        assert_eq!(sniff(b"CWS\x0a"), Some(Format::Swf));
        assert_eq!(sniff(b"#EXTM3U\n#EXT-X-VERSION:3"), Some(Format::M3u8));
        assert_eq!(
            sniff(b"<?xml version=\"1.0\"?><svg xmlns=\"x\"></svg>"),
            Some(Format::Svg)
        );
        assert_eq!(
            sniff("<!DOCTYPE html><html><title>页面不存在</title>".as_bytes()),
            Some(Format::Html)
        );
        assert_eq!(
            sniff(b"  \r\n<html><body>x</body></html>"),
            Some(Format::Html)
        );
        assert_eq!(sniff(b"a,b,c\n1,2,3\n"), Some(Format::Text));
        assert_eq!(sniff(b"\x00\x01\x02\x03garbage\x00"), None);
    }

    #[test]
    fn image_headers_give_dimensions() {
        assert_eq!(
            image_size(Format::Png, &png(48, 32, true)),
            Ok(Some((48, 32)))
        );
        assert!(image_size(Format::Png, &png(0, 32, true)).is_err());
        assert_eq!(
            image_size(Format::Gif, b"GIF89a\x30\x00\x20\x00"),
            Ok(Some((48, 32)))
        );
        // JPEG: SOI, APP0 (len 4), SOF0 with 32×48
        let jpeg = b"\xFF\xD8\xFF\xE0\x00\x04\x00\x00\xFF\xC0\x00\x11\x08\x00\x20\x00\x30\x03";
        assert_eq!(image_size(Format::Jpeg, jpeg), Ok(Some((48, 32))));
        // JPEG cut in the header: unknown, not an error
        assert_eq!(image_size(Format::Jpeg, &jpeg[..7]), Ok(None));
        assert!(image_size(Format::Jpeg, b"\xFF\xD8\xFF\xD9").is_err());
    }

    #[test]
    fn truncated_png_is_caught_only_when_complete() {
        let whole = png(4, 4, true);
        assert!(png_structure(&whole, true).is_ok());
        let cut = &whole[..whole.len() - 16];
        assert!(png_structure(cut, true).is_err());
        // a probe that stopped early cannot tell
        assert!(png_structure(cut, false).is_ok());
        assert!(png_structure(&png(4, 4, false), true).is_err());
    }

    #[test]
    fn mp4_boxes_must_tile_a_complete_file() {
        let mut v = b"\x00\x00\x00\x18ftypisom\x00\x00\x02\x00isomiso2".to_vec();
        v.extend_from_slice(b"\x00\x00\x00\x08mdat");
        assert!(mp4_structure(&v, true).is_ok());
        v.extend_from_slice(b"\x00\x00\x10\x00mdat\x01\x02");
        assert!(mp4_structure(&v, true).is_err());
        assert!(mp4_structure(&v, false).is_ok());
    }

    #[test]
    fn trailers() {
        assert!(trailer_ok(Format::Pdf, b"%PDF-1.4\n...\n%%EOF\n").is_ok());
        assert!(trailer_ok(Format::Pdf, b"%PDF-1.4\n1 0 obj").is_err());
        assert!(trailer_ok(Format::Jpeg, b"\xFF\xD8\xFF\xE0..\xFF\xD9\n").is_ok());
        assert!(trailer_ok(Format::Jpeg, b"\xFF\xD8\xFF\xE0..").is_err());
    }

    #[test]
    fn evidence_bytes() {
        assert_eq!(first_bytes(b"%PDF\n", 4), "25 50 44 46 |%PDF|");
    }
}
