//! Generate a site with many media references for the verification benchmark.
//!
//! `cargo run --release --example genmedia -- OUT_DIR [REFS] [HOST]` writes `OUT_DIR/HOST/…`:
//! a home page linking 100-reference article pages, and REFS (default 10,000) distinct media
//! files: small JPEG/PNG/GIF images, PNGs up to 2 MB, PDFs and Office files up to 20 MB, MP4
//! videos up to 50 MB, and under `/norange/` large MP4s for a server location that ignores
//! Range. Files above 16 KiB are sparse (header and trailer written, the middle a hole), so
//! the logical size is large but the disk use small; every file keeps a valid structure
//! (PNG chunks to `IEND`, MP4 boxes, PDF `%%EOF`). About 2 % of references are missing files
//! (404), 1 % truncated PNGs and 1 % zero-byte videos. Prints the logical total size.

use std::fmt::Write as _;
use std::fs::{self, File};
use std::io::{Seek, SeekFrom, Write};
use std::path::Path;

/// A tiny deterministic generator (xorshift), so runs are comparable.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo + 1)
    }
}

/// Write `head`, a hole up to `len - tail.len()`, then `tail`.
fn sparse(path: &Path, head: &[u8], len: u64, tail: &[u8]) {
    let mut f = File::create(path).expect("create file");
    f.write_all(head).expect("write");
    let len = len.max((head.len() + tail.len()) as u64);
    if len as usize > head.len() + tail.len() {
        f.seek(SeekFrom::Start(len - tail.len() as u64))
            .expect("seek");
    }
    f.write_all(tail).expect("write");
}

fn png_parts(w: u32, h: u32, idat_len: u32) -> (Vec<u8>, Vec<u8>) {
    let mut head = b"\x89PNG\r\n\x1a\n".to_vec();
    head.extend_from_slice(&13u32.to_be_bytes());
    head.extend_from_slice(b"IHDR");
    head.extend_from_slice(&w.to_be_bytes());
    head.extend_from_slice(&h.to_be_bytes());
    head.extend_from_slice(&[8, 2, 0, 0, 0, 0, 0, 0, 0]);
    head.extend_from_slice(&idat_len.to_be_bytes());
    head.extend_from_slice(b"IDAT");
    // tail: IDAT CRC, IEND
    let tail = b"\0\0\0\0\0\0\0\0IEND\xAE\x42\x60\x82".to_vec();
    (head, tail)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let out = args
        .get(1)
        .map(String::as_str)
        .unwrap_or("target/bench-media");
    let refs: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(10_000);
    let host = args
        .get(3)
        .map(String::as_str)
        .unwrap_or("www.media-bench.gov.cn");
    let root = Path::new(out).join(host);
    for d in ["img", "doc", "video", "norange", "art"] {
        fs::create_dir_all(root.join(d)).expect("mkdir");
    }
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut total: u64 = 0;
    let per_page = 100;
    let pages = refs.div_ceil(per_page);
    let mut home = String::from("<ul>");
    for p in 0..pages {
        let mut body = String::new();
        for i in (p * per_page)..((p + 1) * per_page).min(refs) {
            let roll = rng.range(0, 999);
            let defect = rng.range(0, 99);
            let (path, tag) = match roll {
                0..=499 => {
                    // small images
                    let ext = ["jpg", "png", "gif"][i % 3];
                    let path = format!("img/{i}.{ext}");
                    let len = rng.range(2_000, 48_000);
                    let file = root.join(&path);
                    if defect < 2 {
                        // missing: referenced, never written
                    } else if ext == "png" && defect < 4 {
                        let (head, _) = png_parts(640, 480, len as u32);
                        sparse(&file, &head, len, b"\0");
                        total += len;
                    } else {
                        let (head, tail): (Vec<u8>, Vec<u8>) = match ext {
                            "jpg" => (
                                b"\xFF\xD8\xFF\xE0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\
                                  \xFF\xC0\x00\x11\x08\x01\xE0\x02\x80\x03\x01\x22\x00\x02\x11\x01\x03\x11\x01\
                                  \xFF\xDA\x00\x0C\x03\x01\x00\x02\x11\x03\x11\x00\x3F\x00"
                                    .to_vec(),
                                b"\xFF\xD9".to_vec(),
                            ),
                            "png" => png_parts(640, 480, (len - 57) as u32),
                            _ => (
                                b"GIF89a\x80\x02\xE0\x01\x00\x00\x00".to_vec(),
                                b"\x00;".to_vec(),
                            ),
                        };
                        sparse(&file, &head, len, &tail);
                        total += len;
                    }
                    (path, "img")
                }
                500..=599 => {
                    // PNGs up to 2 MB (read whole by the verifier)
                    let path = format!("img/{i}-large.png");
                    let len = rng.range(100_000, 2_000_000);
                    let (head, tail) = png_parts(4000, 3000, (len - 57) as u32);
                    sparse(&root.join(&path), &head, len, &tail);
                    total += len;
                    (path, "img")
                }
                600..=849 => {
                    let ext = ["pdf", "pdf", "doc", "docx", "xls"][i % 5];
                    let path = format!("doc/{i}.{ext}");
                    let len = rng.range(30_000, 20_000_000);
                    let head: &[u8] = match ext {
                        "pdf" => b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n",
                        "docx" => b"PK\x03\x04\x14\x00\x06\x00\x08\x00",
                        _ => b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
                    };
                    let tail: &[u8] = if ext == "pdf" { b"\n%%EOF\n" } else { b"\0" };
                    if defect >= 2 {
                        sparse(&root.join(&path), head, len, tail);
                        total += len;
                    }
                    (path, "a")
                }
                850..=979 => {
                    let path = format!("video/{i}.mp4");
                    let file = root.join(&path);
                    if defect < 1 {
                        File::create(&file).expect("create");
                    } else {
                        let len = rng.range(1_000_000, 50_000_000);
                        let mut head = 24u32.to_be_bytes().to_vec();
                        head.extend_from_slice(b"ftypisom\x00\x00\x02\x00isomiso2");
                        head.extend_from_slice(&((len - 24) as u32).to_be_bytes());
                        head.extend_from_slice(b"mdat");
                        sparse(&file, &head, len, b"\0");
                        total += len;
                    }
                    (path, "video")
                }
                _ => {
                    // large videos behind a location that ignores Range
                    let path = format!("norange/{i}.mp4");
                    let len = rng.range(10_000_000, 50_000_000);
                    let mut head = 24u32.to_be_bytes().to_vec();
                    head.extend_from_slice(b"ftypisom\x00\x00\x02\x00isomiso2");
                    head.extend_from_slice(&((len - 24) as u32).to_be_bytes());
                    head.extend_from_slice(b"mdat");
                    sparse(&root.join(&path), &head, len, b"\0");
                    total += len;
                    (path, "video")
                }
            };
            let _ = match tag {
                "img" => writeln!(body, "<p><img src=\"/{path}\" alt=\"图片{i}\"></p>"),
                "video" => writeln!(body, "<video src=\"/{path}\" title=\"视频{i}\"></video>"),
                _ => writeln!(body, "<p><a href=\"/{path}\">附件{i}</a></p>"),
            };
        }
        // a shared logo on every page (deduplicated by the verifier)
        body.push_str("<img src=\"/img/logo.gif\" alt=\"logo\">\n");
        let html = format!(
            "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>政策解读 {p}</title></head>\
             <body><h1>政策解读 {p}</h1><p>发布时间：2026-11-20</p>\n{body}</body></html>\n"
        );
        fs::write(root.join(format!("art/{p}.html")), html).expect("write page");
        let _ = write!(home, "<li><a href=\"/art/{p}.html\">政策解读 {p}</a></li>");
    }
    home.push_str("</ul>");
    fs::write(
        root.join("img/logo.gif"),
        b"GIF89a\x10\x00\x10\x00\x00\x00\x00\x00;",
    )
    .expect("write logo");
    fs::write(
        root.join("index.html"),
        format!(
            "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>媒体基准站</title></head>\
             <body><p>发布时间：2026-11-20</p>{home}</body></html>\n"
        ),
    )
    .expect("write home");
    println!("{refs} media references on {pages} pages; logical size {total} bytes");
}
