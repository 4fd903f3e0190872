//! Text normalisation for matching anchor texts, titles, breadcrumbs and labels:
//! NFKC (full-width → half-width), all whitespace removed, ASCII lower-cased and
//! decorative punctuation at both ends stripped (`【政策解读】`, `更多>>`, `联系电话：`).
//! Shared by the rules (column matching) and the crawl frontier (focus hints).

use unicode_normalization::UnicodeNormalization;

/// Characters stripped from both ends of a normalised text.
const EDGE: &[char] = &[
    ':', '：', '>', '<', '»', '«', '›', '‹', '|', '[', ']', '【', '】', '〔', '〕', '《', '》',
    '·', '•', '-', '—', '_', '*', '、', ',', '.', '。', '"', '\'', '“', '”', '‘', '’', '(', ')',
];

/// Normalise a text for comparison.
pub fn norm(s: &str) -> String {
    let folded: String = s
        .nfkc()
        .filter(|c| !c.is_whitespace() && *c != '\u{200b}' && *c != '\u{feff}')
        .map(|c| c.to_ascii_lowercase())
        .collect();
    folded.trim_matches(EDGE).to_string()
}

/// Number of characters (not bytes).
pub fn chars(s: &str) -> usize {
    s.chars().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_width_space_and_edges() {
        assert_eq!(norm("　政策　解读 "), "政策解读");
        assert_eq!(norm("【政策解读】"), "政策解读");
        assert_eq!(norm("联系电话："), "联系电话");
        assert_eq!(norm("ＺＷＧＫ"), "zwgk");
        assert_eq!(norm("预算/决算"), "预算/决算");
        assert_eq!(norm("更多>>"), "更多");
    }
}
