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

/// Words of the issuer and of the publication act that many unrelated titles share.
const ISSUER_WORDS: &[&str] = &[
    "人民政府办公室",
    "人民政府办公厅",
    "人民政府",
    "办公室",
    "办公厅",
    "印发",
];

/// Place-name endings: a title's leading 重庆市 / 秀水区 / 华文县 … names the issuer's
/// region, which every title of the site shares.
const REGION_ENDS: &[char] = &['省', '市', '区', '县', '州', '旗', '镇', '乡'];

/// A title reduced to the name it carries: without brackets, 关于印发…的通知 wrappers, the
/// issuer before 关于, years (2026年, 2026年度) and the leading region names, so that two
/// titles of one site do not look related because both start with 秀水区2026年.
pub fn core_title(t: &str) -> String {
    let mut s = norm(t);
    s.retain(|c| !"《》〈〉“”\"'‘’「」（）()[]【】:：,，.。、".contains(c));
    // the issuer comes before 关于: 秀水区人民政府关于印发…的通知
    if let Some(i) = s.find("关于") {
        s = s[i..].to_string();
    }
    for n in NOISE.iter().chain(ISSUER_WORDS) {
        s = s.replace(n, "");
    }
    s = strip_years(&s);
    strip_regions(&s)
}

/// Remove years written as 2026, 2026年 or 2026年度.
fn strip_years(s: &str) -> String {
    let cs: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < cs.len() {
        let four = i + 4 <= cs.len()
            && cs[i..i + 4].iter().all(|c| c.is_ascii_digit())
            && (i + 4 == cs.len() || !cs[i + 4].is_ascii_digit())
            && (i == 0 || !cs[i - 1].is_ascii_digit())
            && matches!(cs[i], '1' | '2');
        if four {
            i += 4;
            if cs.get(i) == Some(&'年') {
                i += 1;
                if cs.get(i) == Some(&'度') {
                    i += 1;
                }
            }
            continue;
        }
        out.push(cs[i]);
        i += 1;
    }
    out
}

/// Remove leading region names (2–4 characters ending in 市/区/县 …), repeatedly:
/// 重庆市秀水区促进… → 促进….
fn strip_regions(s: &str) -> String {
    let mut cs: Vec<char> = s.chars().collect();
    loop {
        let cut = (2..=4)
            .filter(|&k| k < cs.len())
            .find(|&k| REGION_ENDS.contains(&cs[k]) && cs[..k].iter().all(|c| !c.is_ascii()));
        match cut {
            // keep names that would vanish (a title that is only a place name)
            Some(k) if cs.len() - (k + 1) >= 4 => {
                cs.drain(..=k);
            }
            _ => break,
        }
    }
    cs.into_iter().collect()
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
        // a region and a year are not a document's name
        assert!(!relates(
            "视频解读：秀水区2026年稳就业政策",
            "秀水区2026年区级预算公开"
        ));
        assert!(!relates(
            "重庆市秀水区人民政府关于2026年防汛工作的通知",
            "重庆市秀水区人民政府关于印发2026年就业工作要点的通知"
        ));
        assert!(relates(
            "《秀水区促进文化旅游产业高质量发展若干措施》政策解读",
            "秀水区人民政府关于印发秀水区促进文化旅游产业高质量发展若干措施的通知"
        ));
        assert!(relates("2026年部门预算", "秀水区2026年部门预算公开"));
        assert!(relates(
            "图解：2026年秀水区稳就业十条措施",
            "秀水区人民政府办公室关于印发2026年秀水区稳就业十条措施的通知"
        ));
        assert_eq!(
            core_title("秀水区人民政府关于印发秀水区促进就业若干措施的通知"),
            "促进就业若干措施"
        );
    }

    #[test]
    fn labels() {
        assert!(is_label("原文链接：", TO_DOCUMENT));
        assert!(is_label(" 相关文件 ", TO_DOCUMENT));
        assert!(!is_label("关于印发相关文件管理办法的通知", TO_DOCUMENT));
        assert!(is_label("相关解读", TO_INTERPRETATION));
    }
}
