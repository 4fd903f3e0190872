//! Breadcrumb (当前位置: 首页 > 政务公开 > …).
//!
//! Strategy, first hit wins:
//! 1. a visible text node with a position label (当前位置, 您当前的位置, 您现在的位置(是),
//!    所在位置 …, full- or half-width colon); the anchors and text after it, inside the
//!    nearest ancestor (≤ 4 levels up) that holds anything after the label;
//! 2. a container whose class/id says breadcrumb (`crumbs`, `position`, `location`, `dqwz`,
//!    `bread`, `breadcrumb` …), with at least two segments;
//! 3. TRS `a.CurrChnlCls` runs (the `<TRS_CurrentChnl>` output), with at least two segments.
//!
//! Text between anchors is split on `>`, `>>`, `->`, `›`, `»`, `→`, `/` (only when no
//! arrow-like separator is present) and spaced dashes (` - `). A final 正文 / 文章详情 /
//! 详情 / 正文内容 / 详细信息 segment is dropped: it names the page, not a column.
//! Collection stops at long text (> 30 chars) or after 12 segments.

use super::links::Resolver;
use super::text::{collapse, element_text, normalize};
use super::{Crumb, PageIndex, Txt};
use ego_tree::NodeRef;
use ego_tree::iter::Edge;
use regex::Regex;
use scraper::{ElementRef, Node};
use std::sync::LazyLock;

static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:您(?:当前|现在|目前)?(?:所在)?的?|当前(?:所在)?的?|现在的?|所在的?)位置(?:是)?\s*[:：]?")
        .expect("crumb label regex")
});

const MAX_SEGMENTS: usize = 12;
const MAX_SEGMENT_CHARS: usize = 30;
const PAGE_SEGMENTS: &[&str] = &[
    "正文",
    "文章详情",
    "详情",
    "正文内容",
    "详细信息",
    "详细内容",
    "内容",
    "文章内容",
    "浏览文章",
    "阅读文章",
];

enum Token {
    Anchor(String, Option<url::Url>),
    Text(String),
}

/// Extract the breadcrumb of a page.
pub(crate) fn extract(ix: &PageIndex<'_>, r: &Resolver) -> Vec<Crumb> {
    for node in &ix.position_texts {
        let Some(text) = node.value().as_text() else {
            continue;
        };
        let Some(m) = LABEL.find(text) else { continue };
        // the label must lead its text node (an icon or a few chars at most)
        if normalize(&text[..m.start()]).chars().count() > 6 {
            continue;
        }
        let mut parent = node.parent();
        for _ in 0..4 {
            let Some(p) = parent else { break };
            let tokens = tokens_in(p, Some((node.id(), m.end())), r);
            let crumbs = segments(tokens);
            if !crumbs.is_empty() {
                return finish(crumbs);
            }
            parent = p.parent();
        }
    }
    for el in &ix.crumb_boxes {
        let crumbs = segments(tokens_in(**el, None, r));
        if crumbs.len() >= 2 {
            return finish(crumbs);
        }
    }
    for a in &ix.anchors {
        if a.value()
            .classes()
            .any(|c| c.eq_ignore_ascii_case("CurrChnlCls"))
            && let Some(p) = a.parent()
        {
            let n = p
                .children()
                .filter_map(ElementRef::wrap)
                .filter(|c| {
                    c.value()
                        .classes()
                        .any(|c| c.eq_ignore_ascii_case("CurrChnlCls"))
                })
                .count();
            if n >= 2 {
                let crumbs = segments(tokens_in(p, None, r));
                if crumbs.len() >= 2 {
                    return finish(crumbs);
                }
            }
        }
    }
    Vec::new()
}

fn finish(mut crumbs: Vec<Crumb>) -> Vec<Crumb> {
    if crumbs.len() > 1
        && let Some(last) = crumbs.last()
        && last.url.is_none()
        && PAGE_SEGMENTS.contains(&normalize(&last.text).as_str())
    {
        crumbs.pop();
    }
    crumbs
}

/// Anchors and text runs inside `root` (after the label node/offset when given).
fn tokens_in(
    root: NodeRef<'_, Node>,
    after: Option<(ego_tree::NodeId, usize)>,
    r: &Resolver,
) -> Vec<Token> {
    let mut out = Vec::new();
    let mut started = after.is_none();
    let mut skip: Option<ego_tree::NodeId> = None;
    let mut chars = 0usize;
    for edge in root.traverse() {
        match edge {
            Edge::Open(n) => {
                if skip.is_some() {
                    continue;
                }
                match n.value() {
                    Node::Text(t) => {
                        if let Some((id, off)) = after
                            && n.id() == id
                        {
                            started = true;
                            let rest = t.get(off..).unwrap_or("");
                            out.push(Token::Text(rest.to_string()));
                            continue;
                        }
                        if started {
                            chars += t.len();
                            out.push(Token::Text(t.to_string()));
                        }
                    }
                    Node::Element(e) => match e.name() {
                        "script" | "style" | "select" | "noscript" => skip = Some(n.id()),
                        "a" if started => {
                            skip = Some(n.id());
                            if let Some(el) = ElementRef::wrap(n) {
                                let mut text = element_text(el);
                                if text.is_empty() {
                                    text = el.attr("title").map(collapse).unwrap_or_default();
                                }
                                let url = e.attr("href").and_then(|h| r.resolve(h));
                                chars += text.len();
                                out.push(Token::Anchor(text, url));
                            }
                        }
                        _ => {}
                    },
                    _ => {}
                }
                if chars > 2000 || out.len() > 60 {
                    break;
                }
            }
            Edge::Close(n) => {
                if skip == Some(n.id()) {
                    skip = None;
                }
            }
        }
    }
    out
}

fn is_sep_char(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '>' | '＞'
                | '›'
                | '»'
                | '→'
                | '/'
                | '\\'
                | '-'
                | '－'
                | '—'
                | '–'
                | '|'
                | '｜'
                | ':'
                | '：'
                | '·'
                | '〉'
        )
}

fn split_text(s: &str) -> Vec<String> {
    let s = collapse(s);
    let s = LABEL.replace(&s, "");
    let s = s.replace("->", ">").replace("－>", ">").replace("-＞", ">");
    let arrows = s.contains(['>', '＞', '›', '»', '→']);
    let mut parts: Vec<String> = Vec::new();
    let pieces: Vec<&str> = if arrows {
        s.split(['>', '＞', '›', '»', '→']).collect()
    } else {
        s.split(['/', '\\']).collect()
    };
    for p in pieces {
        for q in p
            .split(" - ")
            .flat_map(|x| x.split(" — "))
            .flat_map(|x| x.split(" – "))
        {
            let q = q.trim_matches(is_sep_char);
            if !q.is_empty() {
                parts.push(q.to_string());
            }
        }
    }
    parts
}

fn segments(tokens: Vec<Token>) -> Vec<Crumb> {
    let mut out: Vec<Crumb> = Vec::new();
    for t in tokens {
        match t {
            Token::Anchor(text, url) => {
                let text = text.trim_matches(is_sep_char).to_string();
                if text.is_empty() {
                    continue;
                }
                if text.chars().count() > MAX_SEGMENT_CHARS {
                    break;
                }
                out.push(Crumb {
                    text: text.into(),
                    url: url.map(Txt::from),
                });
            }
            Token::Text(s) => {
                let mut stop = false;
                for p in split_text(&s) {
                    if p.chars().count() > MAX_SEGMENT_CHARS {
                        stop = true;
                        break;
                    }
                    out.push(Crumb {
                        text: p.into(),
                        url: None,
                    });
                }
                if stop {
                    break;
                }
            }
        }
        if out.len() >= MAX_SEGMENTS {
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::extract::extract;
    use url::Url;

    fn crumbs(html: &str) -> Vec<(String, Option<String>)> {
        let page =
            Url::parse("http://www.x.gov.cn/zwgk/fdzdgknr/ys/202603/t20260305_1.html").unwrap();
        extract(html, &page)
            .breadcrumb
            .into_iter()
            .map(|c| {
                (
                    c.text.to_string(),
                    c.url
                        .map(|u| url::Url::parse(&u).unwrap().path().to_string()),
                )
            })
            .collect()
    }

    fn texts(html: &str) -> Vec<String> {
        crumbs(html).into_iter().map(|c| c.0).collect()
    }

    #[test]
    fn label_with_anchors_and_gt() {
        let c = crumbs(
            r#"<div>您当前的位置: <a href="/">首页</a>&gt;<a href="/zwgk/">政务公开</a>&gt;<a href="/zwgk/fdzdgknr/">法定主动公开内容</a>&gt;<a href="../">预算/决算</a>&gt; 预算</div><p>正文很长的一段文字内容不是面包屑的一部分，应当被忽略掉的文本。</p>"#,
        );
        assert_eq!(
            c,
            vec![
                ("首页".into(), Some("/".into())),
                ("政务公开".into(), Some("/zwgk/".into())),
                ("法定主动公开内容".into(), Some("/zwgk/fdzdgknr/".into())),
                ("预算/决算".into(), Some("/zwgk/fdzdgknr/ys/".into())),
                ("预算".into(), None),
            ]
        );
    }

    #[test]
    fn plain_text_variants() {
        assert_eq!(
            texts("<p>当前位置:首页 > 政府信息公开机制建设 >政府信息公开机制>文章详情</p>"),
            ["首页", "政府信息公开机制建设", "政府信息公开机制"]
        );
        assert_eq!(
            texts("<div class=crumbs>首页 / 政府信息公开 / 政府信息公开规定 / 正文</div>"),
            ["首页", "政府信息公开", "政府信息公开规定"]
        );
        assert_eq!(
            texts("<div>您现在的位置：首页 >> 关于我们</div>"),
            ["首页", "关于我们"]
        );
        assert_eq!(
            texts("<div>当前位置：首页 › 新闻资讯 » 公告公示 → 详情</div>"),
            ["首页", "新闻资讯", "公告公示"]
        );
        assert_eq!(
            texts("<div>当前位置：首页 - 新闻资讯 - 公告公示</div>"),
            ["首页", "新闻资讯", "公告公示"]
        );
    }

    #[test]
    fn label_in_own_span_with_list() {
        let t = texts(
            r#"<div class="breadcrumb"><span><i></i>当前位置：</span><ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li></ul></div>"#,
        );
        assert_eq!(t, ["首页", "政务公开"]);
    }

    #[test]
    fn class_container_without_label_and_trs_runs() {
        assert_eq!(
            texts(
                r#"<div class="position"><a href="/">首页</a> &gt; <a href="/a/">通知公告</a></div>"#
            ),
            ["首页", "通知公告"]
        );
        assert_eq!(
            texts(
                r#"<div class="more"><a class="CurrChnlCls" href="/">首页</a>-&gt;<a class="CurrChnlCls" href="/zfwj/">政府文件</a></div>"#
            ),
            ["首页", "政府文件"]
        );
        assert!(
            texts(r#"<div class="location"><a href="/">only</a></div><p>地理位置优越</p>"#)
                .is_empty()
        );
    }
}
