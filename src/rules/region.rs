//! Page regions: each page's own content, told apart from the site template (header
//! menu, footer, sidebars, 相关链接/热点信息 boxes) by comparing pages.
//!
//! What recurs on many column pages is template: a link (target and anchor text), a dated
//! list item, a text block, a phone number with its label, a `标签：值` pair, an image. "Many" is
//! [`TEMPLATE_MIN`] distinct columns (pages standing for the same column, e.g. `dir/` and
//! `dir/index.html`, count once): a real list item is shown by its column, perhaps its
//! section landing page and the home page — three at most — while a sidebar box is on
//! every page of its layout. Links and items are compared over column pages only (the
//! 上一篇/下一篇 links of articles would otherwise make every article "template");
//! phones, pairs and text blocks over all pages. Links of the home page's navigation are
//! template everywhere, as before.
//!
//! [`Site::content`] gives a page's content region; column checks read it instead of the
//! whole page.

use super::site::{SeenLink, Site, column_key};
use crate::crawl::UrlId;
use crate::extract::text::fast_hash;
use crate::extract::{DatedItem, Phone, Txt};
use std::collections::{HashMap, HashSet};

/// Distinct columns an element must recur on to count as template.
pub const TEMPLATE_MIN: usize = 4;

/// How many distinct columns show each element (built once per evaluation).
#[derive(Debug, Default)]
pub struct Regions {
    /// (target, hash of the anchor text)
    links: HashMap<(UrlId, u64), usize>,
    items: HashMap<(String, Option<String>), usize>,
    blocks: HashMap<u32, usize>,
    phones: HashMap<(String, Option<String>), usize>,
    pairs: HashMap<(String, String), usize>,
    /// images, videos … by URL (a logo or badge in the header is on every page)
    media: HashMap<UrlId, usize>,
}

/// The content region of one page.
#[derive(Debug, Clone, Default)]
pub struct Content<'g> {
    /// links of the page (and its frames) that are not template
    pub links: Vec<SeenLink<'g>>,
    /// dated list items that are not template
    pub items: Vec<&'g DatedItem>,
    /// phone numbers in the content region
    pub phones: Vec<&'g Phone>,
    /// phone numbers of the template (footer 联系电话 …): may be cited, never decisive
    pub template_phones: Vec<&'g Phone>,
    /// `标签：值` pairs that are not template
    pub pairs: Vec<&'g (Txt, Txt)>,
    /// visible characters of the text blocks that are not template
    pub text_chars: usize,
    /// the page kept text blocks to compare (pages that are not articles do)
    pub has_blocks: bool,
}

fn count<K: std::hash::Hash + Eq + Clone>(
    map: &mut HashMap<K, usize>,
    seen: &mut HashSet<K>,
    k: K,
) {
    if seen.insert(k.clone()) {
        *map.entry(k).or_default() += 1;
    }
}

impl Regions {
    pub fn build(site: &Site<'_>) -> Self {
        let g = site.g;
        let mut r = Regions::default();
        // one set of keys per column, so that several URLs of a column count once
        let mut by_col: HashMap<String, Vec<usize>> = HashMap::new();
        let mut seen_final = HashSet::new();
        for (i, p) in g.pages.iter().enumerate() {
            if p.is_frame || !seen_final.insert(p.final_url) {
                continue;
            }
            by_col.entry(column_key(site.url(i))).or_default().push(i);
        }
        for pages in by_col.values() {
            let (mut sl, mut si, mut sb, mut sp, mut sq, mut sm) = Default::default();
            for &i in pages {
                let p = site.page(i);
                let column = !site.is_detail(i);
                if column {
                    for l in site.links(i) {
                        count(&mut r.links, &mut sl, (l.to, fast_hash(l.text)));
                    }
                    for it in &p.items {
                        count(&mut r.items, &mut si, item_key(it));
                    }
                }
                for b in &p.blocks {
                    count(&mut r.blocks, &mut sb, b.0);
                }
                for ph in &p.phones {
                    count(&mut r.phones, &mut sp, phone_key(ph));
                }
                // the block a phone or an official's mention was read in counts even
                // where blocks are not kept
                for b in p
                    .phone_blocks
                    .iter()
                    .chain(p.officials.iter().map(|o| &o.block))
                {
                    if !p.blocks.iter().any(|x| x.0 == *b) {
                        count(&mut r.blocks, &mut sb, *b);
                    }
                }
                for (l, v) in &p.pairs {
                    count(&mut r.pairs, &mut sq, (l.to_string(), v.to_string()));
                }
                for m in &p.media {
                    count(&mut r.media, &mut sm, m.to);
                }
            }
        }
        r
    }

    pub fn template_link(&self, to: UrlId, text: &str) -> bool {
        self.links
            .get(&(to, fast_hash(text)))
            .is_some_and(|&n| n >= TEMPLATE_MIN)
    }

    pub fn template_item(&self, it: &DatedItem) -> bool {
        self.items
            .get(&item_key(it))
            .is_some_and(|&n| n >= TEMPLATE_MIN)
    }

    pub fn template_phone(&self, ph: &Phone) -> bool {
        self.phones
            .get(&phone_key(ph))
            .is_some_and(|&n| n >= TEMPLATE_MIN)
    }

    pub fn template_pair(&self, l: &str, v: &str) -> bool {
        self.pairs
            .get(&(l.to_string(), v.to_string()))
            .is_some_and(|&n| n >= TEMPLATE_MIN)
    }

    /// An image or video the template shows on many columns (logo, badges).
    pub fn template_media(&self, to: UrlId) -> bool {
        self.media.get(&to).is_some_and(|&n| n >= TEMPLATE_MIN)
    }

    pub fn template_block(&self, hash: u32) -> bool {
        self.blocks.get(&hash).is_some_and(|&n| n >= TEMPLATE_MIN)
    }
}

fn item_key(it: &DatedItem) -> (String, Option<String>) {
    (it.title.to_string(), it.url.as_ref().map(|u| u.to_string()))
}

fn phone_key(ph: &Phone) -> (String, Option<String>) {
    (
        ph.number.to_string(),
        ph.label.as_ref().map(|l| l.to_string()),
    )
}

impl<'g> Site<'g> {
    /// The content region of page `i`: what the page shows that the template does not.
    pub fn content(&self, i: usize) -> Content<'g> {
        let r = self.regions();
        let p = self.page(i);
        let links = self
            .links(i)
            .into_iter()
            .filter(|l| !self.home_targets.contains(&l.to) && !r.template_link(l.to, l.text))
            .collect();
        let items = p.items.iter().filter(|it| !r.template_item(it)).collect();
        // a phone is template when the text block it was read in is (a footer line);
        // graphs without phone blocks fall back to the number and label recurring
        let (template_phones, phones): (Vec<&Phone>, Vec<&Phone>) =
            if p.phone_blocks.len() == p.phones.len() {
                let mut t = Vec::new();
                let mut c = Vec::new();
                for (ph, b) in p.phones.iter().zip(&p.phone_blocks) {
                    if *b != 0 && r.template_block(*b) {
                        t.push(ph);
                    } else {
                        c.push(ph);
                    }
                }
                (t, c)
            } else {
                p.phones.iter().partition(|ph| r.template_phone(ph))
            };
        let pairs = p
            .pairs
            .iter()
            .filter(|(l, v)| !r.template_pair(l, v))
            .collect();
        let text_chars = p
            .blocks
            .iter()
            .filter(|b| !r.template_block(b.0))
            .map(|b| b.1 as usize)
            .sum();
        Content {
            links,
            items,
            phones,
            template_phones,
            pairs,
            text_chars,
            has_blocks: !p.blocks.is_empty(),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::blocks::Block;
    use crate::extract::{DatedItem, Phone};
    use crate::rules::site::Site;
    use crate::rules::testgraph::B;
    use jiff::civil::date;

    #[test]
    fn what_recurs_on_four_columns_is_template() {
        let mut b = B::new();
        b.page("/", 0, "首页");
        let mut cols = Vec::new();
        for c in ["a", "b", "c", "d", "e"] {
            cols.push(b.page(&format!("/{c}/"), 1, c));
        }
        let hot = DatedItem {
            title: "热点文章".into(),
            url: Some("http://www.example.gov.cn/hot/t20260101_1.html".into()),
            date: date(2026, 1, 1),
            year_from: Default::default(),
        };
        let own = DatedItem {
            title: "本栏目文章".into(),
            url: Some("http://www.example.gov.cn/a/t20260102_2.html".into()),
            date: date(2026, 1, 2),
            year_from: Default::default(),
        };
        let footer = Phone {
            number: "023-63881234".into(),
            label: Some("联系电话".into()),
        };
        for &c in &cols {
            let p = b.p(c);
            p.items.push(hot.clone());
            p.phones.push(footer.clone());
            p.blocks = vec![Block(7, 30), Block(8, 12)];
        }
        let a = cols[0];
        b.p(a).items.push(own.clone());
        b.p(a).blocks.push(Block(99, 250));
        b.p(a).phones.push(Phone {
            number: "023-63880000".into(),
            label: Some("办公电话".into()),
        });
        let site = Site::new(&b.g);
        let c = site.content(a);
        assert_eq!(c.items.len(), 1);
        assert_eq!(c.items[0].title, own.title);
        assert_eq!(c.text_chars, 250);
        assert_eq!(c.phones.len(), 1);
        assert_eq!(c.phones[0].number.as_str(), "023-63880000");
        assert_eq!(c.template_phones.len(), 1);
        let other = site.content(cols[1]);
        assert!(other.items.is_empty() && other.phones.is_empty());
        assert_eq!(other.text_chars, 0);
    }

    #[test]
    fn three_columns_are_not_enough() {
        let mut b = B::new();
        let cols: Vec<usize> = ["a", "b", "c"]
            .iter()
            .map(|c| b.page(&format!("/{c}/"), 1, c))
            .collect();
        for &c in &cols {
            b.p(c).phones.push(Phone {
                number: "023-63881234".into(),
                label: None,
            });
        }
        let site = Site::new(&b.g);
        assert_eq!(site.content(cols[0]).phones.len(), 1);
    }
}
