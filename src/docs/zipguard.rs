//! Zip-bomb guard for the OOXML formats: before anything is inflated, the central
//! directory's declared sizes are checked against caps (per entry and in total, and the
//! compression ratio), and entries are then read through a byte limit that does not trust
//! the declaration.

use super::error::DocError;
use std::io::{Cursor, Read};

/// Inflated bytes allowed for one entry.
pub const MAX_ENTRY: u64 = 64 * 1024 * 1024;
/// Inflated bytes allowed for all entries together.
pub const MAX_TOTAL: u64 = 256 * 1024 * 1024;
/// Entries allowed in one archive.
pub const MAX_ENTRIES: usize = 10_000;
/// Compression ratio above which an entry is a bomb (real XML compresses 5–20×).
pub const MAX_RATIO: u64 = 200;

pub type Archive<'a> = zip::ZipArchive<Cursor<&'a [u8]>>;

/// Open an archive and check every entry's declared sizes.
pub fn open(bytes: &[u8]) -> Result<Archive<'_>, DocError> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(DocError::malformed)?;
    if zip.len() > MAX_ENTRIES {
        return Err(DocError::TooLarge(format!("{} 个压缩条目", zip.len())));
    }
    let mut total = 0u64;
    for i in 0..zip.len() {
        let f = zip.by_index_raw(i).map_err(DocError::malformed)?;
        let (size, packed) = (f.size(), f.compressed_size().max(1));
        total = total.saturating_add(size);
        if size > MAX_ENTRY || size / packed > MAX_RATIO && size > 1024 * 1024 {
            return Err(DocError::TooLarge(format!(
                "条目 {} 解压后 {} 字节（压缩 {} 字节）",
                f.name().unwrap_or_default(),
                size,
                packed
            )));
        }
    }
    if total > MAX_TOTAL {
        return Err(DocError::TooLarge(format!("解压后共 {total} 字节")));
    }
    Ok(zip)
}

/// Read one entry, at most [`MAX_ENTRY`] bytes whatever its header says.
pub fn read_entry(zip: &mut Archive<'_>, name: &str) -> Result<Option<Vec<u8>>, DocError> {
    let f = match zip.by_name(name) {
        Ok(f) => f,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(DocError::malformed(e)),
    };
    let mut out = Vec::new();
    f.take(MAX_ENTRY + 1)
        .read_to_end(&mut out)
        .map_err(DocError::malformed)?;
    if out.len() as u64 > MAX_ENTRY {
        return Err(DocError::TooLarge(format!(
            "条目 {name} 超过 {MAX_ENTRY} 字节"
        )));
    }
    Ok(Some(out))
}
