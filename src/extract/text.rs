//! Text helpers shared by every stage that matches Chinese text.
//!
//! [`normalize`] is the canonical form used for matching (column names, labels,
//! breadcrumbs, synonyms): NFKC (full-width → half-width, compatibility ideographs), all
//! whitespace removed (including U+3000 ideographic space and U+00A0 `&nbsp;`) and
//! zero-width characters removed. [`collapse`] is the display form (anchor text, titles).

use scraper::ElementRef;
use unicode_normalization::UnicodeNormalization;

/// Zero-width and invisible formatting characters that pages sprinkle into text.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}' | '\u{00AD}' | '\u{180E}'
    )
}

/// Canonical matching form: NFKC, no whitespace (incl. U+3000, `&nbsp;`), no zero-width chars.
///
/// ```
/// use zwgk::extract::text::normalize;
/// assert_eq!(normalize(" 政务\u{3000}公开\u{a0}（一） "), "政务公开(一)");
/// ```
pub fn normalize(s: &str) -> String {
    s.nfkc()
        .filter(|c| !c.is_whitespace() && !is_invisible(*c))
        .collect()
}

/// Display form: whitespace runs (incl. U+3000, `&nbsp;`) collapsed to one space, trimmed,
/// zero-width characters removed. No NFKC.
pub fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            pending_space = !out.is_empty();
        } else if !is_invisible(c) {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(c);
        }
    }
    out
}

/// Truncate to at most `max` chars.
pub fn truncate_chars(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => s[..i].to_string(),
        None => s.to_string(),
    }
}

/// Collapsed text of an element, skipping `<script>`/`<style>`/`<template>` subtrees.
pub fn element_text(el: ElementRef<'_>) -> String {
    use ego_tree::iter::Edge;
    let mut raw = String::new();
    let mut skip: Option<ego_tree::NodeId> = None;
    for edge in el.traverse() {
        match edge {
            Edge::Open(n) if skip.is_none() => match n.value() {
                scraper::Node::Text(t) => raw.push_str(t),
                scraper::Node::Element(e)
                    if matches!(e.name(), "script" | "style" | "template") =>
                {
                    skip = Some(n.id());
                }
                _ => {}
            },
            Edge::Close(n) if skip == Some(n.id()) => skip = None,
            _ => {}
        }
    }
    collapse(&raw)
}

/// Width folding, the part of NFKC that matters for digits and punctuation, in one cheap
/// pass: full-width ASCII forms (U+FF01–U+FF5E) → ASCII, U+3000 and U+00A0 → space.
pub fn fold_width(s: &str) -> std::borrow::Cow<'_, str> {
    if !s
        .chars()
        .any(|c| matches!(c, '\u{FF01}'..='\u{FF5E}' | '\u{3000}' | '\u{00A0}'))
    {
        return std::borrow::Cow::Borrowed(s);
    }
    std::borrow::Cow::Owned(
        s.chars()
            .map(|c| match c {
                '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
                '\u{3000}' | '\u{00A0}' => ' ',
                c => c,
            })
            .collect(),
    )
}

/// Fast deterministic 64-bit hash (FxHash-style over 8-byte words, length-finalised).
pub fn fast_hash(s: &str) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let mut h: u64 = 0;
    let bytes = s.as_bytes();
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        h = (h.rotate_left(5) ^ w).wrapping_mul(K);
    }
    let mut tail = [0u8; 8];
    let rest = chunks.remainder();
    tail[..rest.len()].copy_from_slice(rest);
    h = (h.rotate_left(5) ^ u64::from_le_bytes(tail)).wrapping_mul(K);
    h = (h.rotate_left(5) ^ bytes.len() as u64).wrapping_mul(K);
    // final avalanche (splitmix64 finaliser)
    h ^= h >> 30;
    h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^= h >> 27;
    h = h.wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^ (h >> 31)
}

/// Does the string contain at least one CJK ideograph?
pub fn has_han(s: &str) -> bool {
    s.chars().any(is_han)
}

/// CJK unified ideograph (basic block + extension A + compatibility).
pub fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_removes_all_space_kinds_and_widths() {
        assert_eq!(normalize("政\u{3000}务 公\u{a0}开\t\n"), "政务公开");
        assert_eq!(normalize("（０２３）６３８８１２３４"), "(023)63881234");
        assert_eq!(normalize("信息\u{200B}公开\u{FEFF}"), "信息公开");
        assert_eq!(normalize("首页＞政务公开"), "首页>政务公开");
    }

    #[test]
    fn collapse_keeps_single_spaces() {
        assert_eq!(collapse("\u{a0} 下一页 \u{a0}"), "下一页");
        assert_eq!(collapse("a \n\t b\u{3000}c"), "a b c");
        assert_eq!(collapse("   "), "");
    }

    #[test]
    fn width_folding() {
        assert_eq!(
            fold_width("（０２３）６３８８－１２３４\u{3000}："),
            "(023)6388-1234 :"
        );
        assert!(matches!(fold_width("023-1"), std::borrow::Cow::Borrowed(_)));
    }

    #[test]
    fn truncate_by_chars() {
        assert_eq!(truncate_chars("一二三四", 2), "一二");
        assert_eq!(truncate_chars("一二", 5), "一二");
    }

    #[test]
    fn hash_is_stable_and_discriminating() {
        assert_eq!(fast_hash("页面不存在"), fast_hash("页面不存在"));
        assert_ne!(fast_hash("页面不存在"), fast_hash("页面不存在!"));
        assert_ne!(fast_hash(""), fast_hash("\0"));
    }

    #[test]
    fn element_text_skips_scripts() {
        let h = scraper::Html::parse_fragment("<div>联系<script>var x='电话'</script>我们</div>");
        let sel = scraper::Selector::parse("div").unwrap();
        let el = h.select(&sel).next().unwrap();
        assert_eq!(element_text(el), "联系我们");
    }
}
