//! Whether a link between two pages is about them, not part of the page template: a
//! 解读 links "its" policy document when it names it (title match) or labels the link
//! (原文链接, 相关文件, 政策原文 …); the same link on unrelated article pages is a sidebar
//! (热点信息, 相关链接) and says nothing about the pair.

use super::norm::norm;
use super::site::{Site, title_parts};

/// Anchor texts or `标签：` labels that point from an interpretation to its document.
pub const TO_DOCUMENT: &[&str] = &[
    "原文链接",
    "政策原文",
    "文件原文",
    "相关文件",
    "原文",
    "查看原文",
    "点击查看原文",
    "政策文件",
    "相关政策",
    "解读文件",
    "被解读文件",
];

/// Anchor texts or labels that point from a document to its interpretation.
pub const TO_INTERPRETATION: &[&str] = &[
    "相关解读",
    "政策解读",
    "解读",
    "文字解读",
    "图片解读",
    "图解",
    "视频解读",
    "一图读懂",
    "解读链接",
];

/// Words around a document's name in titles: 关于印发《…》的通知, 《…》政策解读.
const NOISE: &[&str] = &[
    "关于印发",
    "关于",
    "的通知",
    "通知",
    "政策解读",
    "文字解读",
    "图片解读",
    "视频解读",
    "一图读懂",
    "图解",
    "解读",
    "答记者问",
    "问答",
];

/// A title reduced to the name it carries.
pub fn core_title(t: &str) -> String {
    let mut s = norm(t);
    s.retain(|c| !"《》〈〉“”\"'‘’「」（）()[]【】:：,，.。、".contains(c));
    for n in NOISE {
        s = s.replace(n, "");
    }
    s
}

/// Longest common run of characters.
fn common_run(a: &[char], b: &[char]) -> usize {
    let mut best = 0;
    let mut prev = vec![0usize; b.len() + 1];
    for x in a {
        let mut cur = vec![0usize; b.len() + 1];
        for (j, y) in b.iter().enumerate() {
            if x == y {
                cur[j + 1] = prev[j] + 1;
                best = best.max(cur[j + 1]);
            }
        }
        prev = cur;
    }
    best
}

/// Do two titles name the same document? One contains the other's name, or they share a
/// run of at least 8 characters (or all of a shorter name of at least 4).
pub fn relates(a: &str, b: &str) -> bool {
    let (a, b) = (core_title(a), core_title(b));
    let (ca, cb): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let short = ca.len().min(cb.len());
    if short < 4 {
        return false;
    }
    let run = common_run(&ca, &cb);
    run >= 8.min(short) || (run == short)
}

/// Is the text one of these labels (normalised)?
pub fn is_label(text: &str, set: &[&str]) -> bool {
    let t = norm(text);
    let t = t.trim_end_matches([':', '：', '>', '》']);
    set.iter()
        .any(|l| t == *l || (t.starts_with(l) && t.chars().count() <= 8))
}

impl Site<'_> {
    /// The title a page gives itself: ArticleTitle, else the first part of `<title>`.
    pub fn doc_title(&self, i: usize) -> String {
        let p = self.page(i);
        p.meta
            .get("articletitle")
            .map(|t| t.to_string())
            .or_else(|| {
                p.title
                    .as_deref()
                    .map(|t| title_parts(t).into_iter().next().unwrap_or_default())
            })
            .unwrap_or_default()
    }

    /// Is the link `from → to` (with this anchor text) part of the template? It is when an
    /// unrelated article page (not `from`, not `to`, not about `to`) shows the same link.
    pub fn template_link(&self, from: usize, to: usize, text: &str) -> bool {
        let to_title = self.doc_title(to);
        let to_id = self.page(to).url;
        let to_final = self.page(to).final_url;
        (0..self.g.pages.len()).any(|p| {
            p != from
                && p != to
                && self.is_detail(p)
                && !relates(&self.doc_title(p), &to_title)
                && self
                    .links(p)
                    .iter()
                    .any(|l| (l.to == to_id || l.to == to_final) && norm(l.text) == norm(text))
        })
    }

    /// Does `from` label a link to `to` with one of these labels: as the anchor text, or as
    /// the label of a `标签：值` pair whose value is the anchor text?
    pub fn labelled_link(&self, from: usize, text: &str, set: &[&str]) -> bool {
        if is_label(text, set) {
            return true;
        }
        let t = norm(text);
        !t.is_empty()
            && self
                .page(from)
                .pairs
                .iter()
                .any(|(l, v)| is_label(l, set) && norm(v).contains(&t))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_that_name_the_same_document() {
        assert!(relates(
            "《重庆市文化旅游市场管理办法》政策解读",
            "重庆市文化和旅游委员会关于印发《重庆市文化旅游市场管理办法》的通知"
        ));
        assert!(relates(
            "一图读懂：重庆市文化旅游市场管理办法",
            "关于印发重庆市文化旅游市场管理办法的通知"
        ));
        assert!(!relates(
            "《重庆市文化旅游市场管理办法》政策解读",
            "关于开展2026年度旅游安全检查的通知"
        ));
        assert!(!relates("解读", "通知"));
    }

    #[test]
    fn labels() {
        assert!(is_label("原文链接：", TO_DOCUMENT));
        assert!(is_label(" 相关文件 ", TO_DOCUMENT));
        assert!(!is_label("关于印发相关文件管理办法的通知", TO_DOCUMENT));
        assert!(is_label("相关解读", TO_INTERPRETATION));
    }
}
