//! Sentences of an article's running text that name an official by office title (局长,
//! 副主任, 区长, 负责同志, 新闻发言人 …), so that a check can see who led a 新闻发布会 when
//! only the body says it ("副区长李明做客在线访谈，解读城市更新政策"). The crawl keeps no body
//! text otherwise.
//!
//! Only article pages keep them, at most [`MAX_SENTENCES`] of at most [`MAX_CHARS`]
//! characters, each with the hash of the text block (line) it was read in, so that the
//! rule stage can drop lines that recur on many pages (a footer's 局长信箱 line) the way it
//! drops template phones (`rules::region`). Lines that are a link's text on the page (menus,
//! 上一篇/下一篇) are not kept.

use super::Link;
use super::text::{fast_hash, is_invisible, normalize};
use crate::model::{Official, Txt};
use regex::Regex;
use std::collections::HashSet;
use std::sync::LazyLock;

/// Most sentences kept per page.
pub const MAX_SENTENCES: usize = 5;
/// Longest sentence kept (a longer one is cut around the title).
pub const MAX_CHARS: usize = 60;

static TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        "(?:局|区|县|市|省|厅|镇|乡|处|部|署|院)长|主任|书记|负责同志|负责人|主要领导|分管领导|发言人|党组成员",
    )
    .expect("office title regex")
});

/// The sentences of `flat` (visible text, blocks as lines) naming an official.
pub(crate) fn collect(flat: &str, links: &[Link]) -> Vec<Official> {
    let link_texts: HashSet<String> = links
        .iter()
        .map(|l| normalize(&l.text))
        .filter(|t| !t.is_empty())
        .collect();
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    for line in flat.split(['\n', '\t']) {
        let squeezed: String = line
            .chars()
            .filter(|c| !c.is_whitespace() && !is_invisible(*c))
            .collect();
        if squeezed.is_empty()
            || !TITLE.is_match(&squeezed)
            || link_texts.contains(&normalize(line))
        {
            continue;
        }
        let block = fast_hash(&squeezed) as u32;
        for sentence in squeezed.split_inclusive(['。', '！', '？', '；', '!', '?', ';']) {
            let Some(m) = TITLE.find(sentence) else {
                continue;
            };
            let text = cut(sentence, m.start());
            if seen.insert(text.clone()) {
                out.push(Official {
                    text: Txt::from(text.as_str()),
                    block,
                });
            }
            if out.len() >= MAX_SENTENCES {
                return out;
            }
        }
    }
    out
}

/// `s` when short enough, else [`MAX_CHARS`] characters around byte offset `at`.
fn cut(s: &str, at: usize) -> String {
    let n = s.chars().count();
    if n <= MAX_CHARS {
        return s.to_string();
    }
    let before = s[..at].chars().count();
    let start = before.saturating_sub(MAX_CHARS / 3).min(n - MAX_CHARS);
    s.chars().skip(start).take(MAX_CHARS).collect()
}

#[cfg(test)]
mod tests {
    use crate::extract::extract;
    use url::Url;

    #[test]
    fn article_sentences_naming_an_official() {
        let page = Url::parse("http://www.x.gov.cn/zcjd/t20261103_1.html").unwrap();
        let html = r#"<html><head><meta name="PubDate" content="2026-11-03"></head><body>
            <div class="nav"><a href="/xx/">局长信箱</a></div>
            <h1>城市更新政策在线访谈</h1>
            <p>11月3日上午，副区长李明做客在线访谈，解读城市更新政策。访谈持续一小时。</p>
            <p>区住房城乡建委主任王强回答了网友提问；</p>
            <p>本次访谈由区政府办公室主办。</p></body></html>"#;
        let f = extract(html, &page);
        let texts: Vec<&str> = f.officials.iter().map(|o| o.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "11月3日上午，副区长李明做客在线访谈，解读城市更新政策。",
                "区住房城乡建委主任王强回答了网友提问；"
            ]
        );
        // a column page keeps none (its text blocks are compared instead)
        let col = Url::parse("http://www.x.gov.cn/zcjd/").unwrap();
        let f = extract("<p>副区长李明做客在线访谈。</p>", &col);
        assert!(f.officials.is_empty());
    }

    #[test]
    fn long_sentences_are_cut_around_the_title() {
        let s = format!("{}局长张三{}", "很".repeat(50), "好".repeat(50));
        let at = s.find("局长").unwrap();
        let c = super::cut(&s, at);
        assert_eq!(c.chars().count(), super::MAX_CHARS);
        assert!(c.contains("局长张三"));
    }
}
