//! Compressed blobs of the history database: zstd frames, optionally with a dictionary
//! trained on a site's own page facts (pages of one template share most of their JSON, so a
//! dictionary takes the header menu and footer out of every stored page), and content keys
//! for deduplication. Reading is bounded: a blob never inflates past a cap.

use std::io::Read;
use zstd::dict::{DecoderDictionary, EncoderDictionary};

/// zstd level for stored blobs: stronger than the default, still fast at these sizes.
pub const LEVEL: i32 = 9;
/// A stored blob is never inflated past this (facts of one page, or one report.json).
pub const MAX_INFLATED: u64 = 256 << 20;
/// Dictionary size for a site's page facts.
pub const DICT_BYTES: usize = 64 << 10;
/// Fewer samples than this train no dictionary (the blobs are compressed on their own).
pub const MIN_SAMPLES: usize = 32;

/// A 128-bit content key (xxh3), stable across runs and versions.
pub fn key(data: &[u8]) -> [u8; 16] {
    xxhash_rust::xxh3::xxh3_128(data).to_le_bytes()
}

/// Compress `data`, with a dictionary when given.
pub fn pack(data: &[u8], dict: Option<&EncoderDictionary<'static>>) -> std::io::Result<Vec<u8>> {
    match dict {
        None => zstd::bulk::compress(data, LEVEL),
        Some(d) => zstd::bulk::Compressor::with_prepared_dictionary(d)?.compress(data),
    }
}

/// Inflate a blob written by [`pack`] with the same dictionary, at most [`MAX_INFLATED`] bytes.
pub fn unpack(data: &[u8], dict: Option<&DecoderDictionary<'static>>) -> std::io::Result<Vec<u8>> {
    let mut out = Vec::new();
    match dict {
        None => zstd::stream::read::Decoder::new(data)?
            .take(MAX_INFLATED)
            .read_to_end(&mut out)?,
        Some(d) => zstd::stream::read::Decoder::with_prepared_dictionary(data, d)?
            .take(MAX_INFLATED)
            .read_to_end(&mut out)?,
    };
    Ok(out)
}

/// Train a dictionary on samples (page facts as JSON); `None` when there are too few or
/// training fails (the blobs are then compressed without one).
pub fn train(samples: &[&[u8]]) -> Option<Vec<u8>> {
    if samples.len() < MIN_SAMPLES {
        return None;
    }
    let total: usize = samples.iter().map(|s| s.len()).sum();
    let size = DICT_BYTES.min(total / 8).max(4 << 10);
    zstd::dict::from_samples(samples, size).ok()
}

/// A dictionary prepared for compressing.
pub fn encoder(raw: &[u8]) -> EncoderDictionary<'static> {
    EncoderDictionary::copy(raw, LEVEL)
}

/// A dictionary prepared for decompressing.
pub fn decoder(raw: &[u8]) -> DecoderDictionary<'static> {
    DecoderDictionary::copy(raw)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A page of one template: a menu of distinct links (little to gain inside one page)
    /// that every page repeats (much to gain from a dictionary), and its own article link.
    fn page(i: usize) -> String {
        let menu: String = (0..60u32)
            .map(|k| {
                let slug = k.wrapping_mul(2_654_435_761);
                let name: String = (0..4)
                    .filter_map(|j| char::from_u32(0x4e00 + (slug >> (j * 5)) % 20_000))
                    .collect();
                format!(r#"{{"url":"http://www.x.gov.cn/{slug:x}/","text":"{name}"}},"#)
            })
            .collect();
        format!(
            r#"{{"title":"第{i}篇","links":[{menu}{{"url":"http://www.x.gov.cn/a/t2026_{i}.html"}}]}}"#
        )
    }

    #[test]
    fn round_trip_with_and_without_a_dictionary() {
        let data = page(7);
        let plain = pack(data.as_bytes(), None).unwrap();
        assert_eq!(unpack(&plain, None).unwrap(), data.as_bytes());
        let samples: Vec<String> = (0..64).map(page).collect();
        let refs: Vec<&[u8]> = samples.iter().map(|s| s.as_bytes()).collect();
        let raw = train(&refs).expect("enough samples train a dictionary");
        let (enc, dec) = (encoder(&raw), decoder(&raw));
        let packed = pack(data.as_bytes(), Some(&enc)).unwrap();
        assert_eq!(unpack(&packed, Some(&dec)).unwrap(), data.as_bytes());
        // the dictionary holds the template: a page shrinks to a fraction of its plain frame
        assert!(
            packed.len() * 4 < plain.len(),
            "{} vs {}",
            packed.len(),
            plain.len()
        );
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        assert!(unpack(b"not a zstd frame", None).is_err());
        assert!(train(&[b"x".as_slice(); 3]).is_none());
    }

    #[test]
    fn keys_are_stable() {
        assert_eq!(key(b"abc"), key(b"abc"));
        assert_ne!(key(b"abc"), key(b"abd"));
    }
}
