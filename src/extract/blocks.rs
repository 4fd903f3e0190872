//! Text blocks of a column page, as (hash, visible characters) pairs, so that the rule
//! stage can tell the page's own text from the site template by comparing pages: a block
//! that recurs on many pages (header menu lines, footer lines, 相关链接/热点信息 boxes) is
//! template, the rest is the page's content region (see `rules::region`).
//!
//! Only pages that are not articles keep their blocks (an article's body is never
//! compared), and at most [`MAX_BLOCKS`] per page: memory stays bounded.

use super::text::{fast_hash, is_invisible};

/// Most blocks kept per page.
pub const MAX_BLOCKS: usize = 400;

pub use crate::model::Block;

/// Blocks of the visible text (`\n` separates blocks, `\t` cells).
pub fn split(flat: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut buf = String::new();
    for line in flat.split(['\n', '\t']) {
        buf.clear();
        buf.extend(
            line.chars()
                .filter(|c| !c.is_whitespace() && !is_invisible(*c)),
        );
        if buf.is_empty() {
            continue;
        }
        let chars = buf.chars().count().min(u16::MAX as usize) as u16;
        out.push(Block(fast_hash(&buf) as u32, chars));
        if out.len() >= MAX_BLOCKS {
            break;
        }
    }
    out
}

/// The hash of the first block whose digits contain `digits` (where a phone number was
/// read), if any.
pub fn containing_digits(flat: &str, digits: &str) -> Option<u32> {
    if digits.is_empty() {
        return None;
    }
    let mut buf = String::new();
    for line in flat.split(['\n', '\t']) {
        let d: String = line.chars().filter(|c| c.is_ascii_digit()).collect();
        if !d.contains(digits) {
            continue;
        }
        buf.clear();
        buf.extend(
            line.chars()
                .filter(|c| !c.is_whitespace() && !is_invisible(*c)),
        );
        return Some(fast_hash(&buf) as u32);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_ignore_spacing_and_keep_lengths() {
        let a = split("首页\n 政务公开 \n\n联系电话：023-1\t地址");
        let b = split("首页\n政务  公开\n联系电话：023-1\t地址");
        assert_eq!(a, b);
        assert_eq!(a.len(), 4);
        assert_eq!(a[1].1, 4);
    }

    #[test]
    fn a_number_is_placed_in_its_first_block() {
        let flat = "联系电话：023-6388 1234\n主办单位：某局 联系电话：023-63881234";
        let blocks = split(flat);
        assert_eq!(containing_digits(flat, "02363881234"), Some(blocks[0].0));
        assert_eq!(containing_digits(flat, "12345"), None);
    }
}
