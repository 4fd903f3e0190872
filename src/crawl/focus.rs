//! Best-first ranking of the links found on a page, with the run layer's
//! [`FocusHint`]: links naming a required column (anchor text, title or URL slug) first,
//! then list pages (and the newest `sample` articles of a required column, which its
//! checks read), then the newest `sample` articles of every other list page, then the rest.
//! Without a hint every link is [`Priority::Rest`] (plain breadth-first).

use crate::extract::Link;
use crate::model::focus::article_like;
use crate::model::{DatedItem, FocusHint, LinkKind, Priority};
use std::collections::HashSet;

/// What the ranking needs to know about the page the links are on.
pub(super) struct Origin<'a> {
    /// the page's own priority
    pub prio: Priority,
    pub depth: u32,
    /// the page's title, last breadcrumb or ColumnName names a required column
    pub focus: bool,
    pub items: &'a [DatedItem],
}

/// Does the fetched page itself name a required column (title part, breadcrumb, ColumnName)?
pub(super) fn page_is_focus(
    hint: &FocusHint,
    title: Option<&str>,
    crumb: Option<&str>,
    column: Option<&str>,
) -> bool {
    let title_hit = title.is_some_and(|t| {
        t.split(['_', '-', '|', '—', '–'])
            .any(|part| hint.matches_text(part))
    });
    title_hit
        || crumb.is_some_and(|c| hint.matches_text(c))
        || column.is_some_and(|c| hint.matches_text(c))
}

/// The priority of each link of `links` (same order), `pager[i]` telling whether link
/// `i` is a "next page" link.
pub(super) fn rank_links(
    hint: Option<&FocusHint>,
    from: &Origin,
    links: &[Link],
    pager: &[bool],
) -> Vec<Priority> {
    let Some(hint) = hint else {
        return vec![Priority::Rest; links.len()];
    };
    // a list page: the home page, a column page, a page reached as a list
    let listy = from.depth == 0 || from.focus || from.prio <= Priority::List;
    // the newest dated items of the list first, then articles in page order
    let mut sample: HashSet<&str> = HashSet::new();
    if listy && hint.sample > 0 {
        let mut dated: Vec<&DatedItem> = from.items.iter().filter(|i| i.url.is_some()).collect();
        dated.sort_by_key(|i| std::cmp::Reverse(i.date));
        for i in dated {
            if sample.len() >= hint.sample {
                break;
            }
            if let Some(u) = &i.url {
                sample.insert(u.as_ref());
            }
        }
    }
    let mut taken = 0usize;
    let mut out = Vec::with_capacity(links.len());
    for (l, &is_pager) in links.iter().zip(pager) {
        let p = if is_pager || l.kind == LinkKind::Pagination {
            if from.focus || from.prio == Priority::Focus {
                Priority::List
            } else {
                Priority::Rest
            }
        } else if hint.matches_text(&l.text) || hint.matches_url(&l.url) {
            Priority::Focus
        } else if !article_like(&l.url) {
            Priority::List
        } else if listy
            && (sample.contains(l.url.as_str()) || (sample.is_empty() && taken < hint.sample))
        {
            taken += 1;
            // the newest articles of a required column are what its checks read
            if from.focus || from.prio == Priority::Focus {
                Priority::List
            } else {
                Priority::Sample
            }
        } else {
            Priority::Rest
        };
        out.push(p);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use url::Url;

    fn link(u: &str, text: &str) -> Link {
        Link {
            url: Url::parse(u).unwrap(),
            text: text.into(),
            kind: LinkKind::Anchor,
        }
    }

    #[test]
    fn ranks_focus_lists_samples_rest() {
        let hint = FocusHint::new(["政府信息公开".to_string()], ["zfxxgk".to_string()], 2);
        let links = [
            link("http://x/xwdt/202611/t20261120_1.html", "区长调研"),
            link("http://x/xwdt/202611/t20261119_1.html", "区长调研二"),
            link("http://x/xwdt/202611/t20261118_1.html", "区长调研三"),
            link("http://x/xxgk/", "政府信息公开"),
            link("http://x/zfxxgk/", "更多"),
            link("http://x/xwdt/", "新闻动态"),
            link("http://x/xwdt/index_1.html", "下一页"),
        ];
        let pager = [false, false, false, false, false, false, true];
        let from = Origin {
            prio: Priority::Rest,
            depth: 0,
            focus: false,
            items: &[],
        };
        let r = rank_links(Some(&hint), &from, &links, &pager);
        use Priority::*;
        assert_eq!(r, vec![Sample, Sample, Rest, Focus, Focus, List, Rest]);
        // an article page is no list: its article links are not sampled
        let from = Origin {
            prio: Priority::Sample,
            depth: 2,
            focus: false,
            items: &[],
        };
        let r = rank_links(Some(&hint), &from, &links, &pager);
        assert_eq!(r, vec![Rest, Rest, Rest, Focus, Focus, List, Rest]);
        // no hint: breadth-first as before
        let r = rank_links(None, &from, &links, &pager);
        assert!(r.iter().all(|p| *p == Rest));
    }

    #[test]
    fn newest_dated_items_are_the_sample() {
        let hint = FocusHint::new(Vec::<String>::new(), Vec::<String>::new(), 1);
        let links = [
            link("http://x/a/t20250101_1.html", "旧"),
            link("http://x/a/t20261101_2.html", "新"),
        ];
        let items = vec![
            DatedItem {
                title: "旧".into(),
                url: Some("http://x/a/t20250101_1.html".into()),
                date: jiff::civil::date(2025, 1, 1),
                year_from: Default::default(),
            },
            DatedItem {
                title: "新".into(),
                url: Some("http://x/a/t20261101_2.html".into()),
                date: jiff::civil::date(2026, 11, 1),
                year_from: Default::default(),
            },
        ];
        let from = Origin {
            prio: Priority::List,
            depth: 2,
            focus: false,
            items: &items,
        };
        let r = rank_links(Some(&hint), &from, &links, &[false, false]);
        assert_eq!(r, vec![Priority::Rest, Priority::Sample]);
        // on a required column's page the newest articles rank with the list pages
        let from = Origin {
            prio: Priority::Focus,
            depth: 2,
            focus: true,
            items: &items,
        };
        let r = rank_links(Some(&hint), &from, &links, &[false, false]);
        assert_eq!(r, vec![Priority::Rest, Priority::List]);
    }
}
