//! A page's link list, stored compactly: the header menu and footer link groups that
//! repeat on every page of a site are kept once and shared between pages.
//!
//! A page's edges are `template[..prefix] ++ own ++ template[len - suffix..]`, where the
//! template is the full edge list of an earlier page. [`LinkSharer`] picks, among the last
//! few distinct templates, the one with the longest common prefix plus suffix. Serialised
//! as the plain edge list, so `site-graph.json` does not change.

use super::edge::Edge;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::sync::Arc;

/// The edges of one page, in page order.
#[derive(Debug, Clone, Default)]
pub struct Links {
    shared: Option<Shared>,
    own: Box<[Edge]>,
}

#[derive(Debug, Clone)]
struct Shared {
    template: Arc<[Edge]>,
    prefix: u32,
    suffix: u32,
}

impl Links {
    /// A list of edges not shared with any other page.
    pub fn owned(edges: Vec<Edge>) -> Self {
        Links {
            shared: None,
            own: edges.into_boxed_slice(),
        }
    }

    fn parts(&self) -> (&[Edge], &[Edge], &[Edge]) {
        match &self.shared {
            Some(s) => {
                let t = &s.template[..];
                (
                    &t[..s.prefix as usize],
                    &self.own,
                    &t[t.len() - s.suffix as usize..],
                )
            }
            None => (&[], &self.own, &[]),
        }
    }

    /// The edges in page order.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = &Edge> + Clone + '_ {
        self.into_iter()
    }

    pub fn len(&self) -> usize {
        let (a, b, c) = self.parts();
        a.len() + b.len() + c.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// All edges as one vector.
    pub fn to_vec(&self) -> Vec<Edge> {
        self.iter().copied().collect()
    }

    /// Edit the list (tests and graph repairs): the page stops sharing its template.
    pub fn edit(&mut self, f: impl FnOnce(&mut Vec<Edge>)) {
        let mut v = self.to_vec();
        f(&mut v);
        *self = Links::owned(v);
    }

    pub fn push(&mut self, e: Edge) {
        self.edit(|v| v.push(e));
    }

    pub fn retain(&mut self, keep: impl FnMut(&Edge) -> bool) {
        self.edit(|v| v.retain(keep));
    }

    pub fn clear(&mut self) {
        *self = Links::default();
    }

    /// Change edges in place (materialises a shared list first).
    pub fn for_each_mut(&mut self, f: impl FnMut(&mut Edge)) {
        self.edit(|v| v.iter_mut().for_each(f));
    }

    /// Edges this page stores itself (those in a shared template not counted).
    pub fn own_len(&self) -> usize {
        self.own.len()
    }
}

impl PartialEq for Links {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

impl<'a> IntoIterator for &'a Links {
    type Item = &'a Edge;
    type IntoIter = std::iter::Chain<
        std::iter::Chain<std::slice::Iter<'a, Edge>, std::slice::Iter<'a, Edge>>,
        std::slice::Iter<'a, Edge>,
    >;
    fn into_iter(self) -> Self::IntoIter {
        let (a, b, c) = self.parts();
        a.iter().chain(b.iter()).chain(c.iter())
    }
}

impl From<Vec<Edge>> for Links {
    fn from(v: Vec<Edge>) -> Self {
        Links::owned(v)
    }
}

impl Serialize for Links {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

impl<'de> Deserialize<'de> for Links {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Vec::<Edge>::deserialize(d).map(Links::owned)
    }
}

/// Shares edge runs between pages while the crawl builds the graph.
#[derive(Debug, Default)]
pub struct LinkSharer {
    /// recent distinct templates, most recently used last
    templates: Vec<Arc<[Edge]>>,
}

/// Templates compared per page; a site has few distinct page layouts.
const MAX_TEMPLATES: usize = 12;
/// Below this many shared edges a page keeps its own list and becomes a template.
const MIN_SHARED: usize = 8;

impl LinkSharer {
    /// Store `edges` for a page, sharing what it has in common with an earlier page.
    pub fn share(&mut self, edges: Vec<Edge>) -> Links {
        if edges.len() < MIN_SHARED {
            return Links::owned(edges);
        }
        let mut best: Option<(usize, usize, usize)> = None;
        for (ti, t) in self.templates.iter().enumerate() {
            let max = t.len().min(edges.len());
            let prefix = t.iter().zip(&edges).take_while(|(a, b)| a == b).count();
            let suffix = t
                .iter()
                .rev()
                .zip(edges.iter().rev())
                .take(max - prefix)
                .take_while(|(a, b)| a == b)
                .count();
            if best.is_none_or(|(_, p, s)| prefix + suffix > p + s) {
                best = Some((ti, prefix, suffix));
            }
        }
        match best {
            Some((ti, prefix, suffix)) if prefix + suffix >= MIN_SHARED => {
                let template = self.templates.remove(ti);
                self.templates.push(template.clone());
                let own: Box<[Edge]> = edges[prefix..edges.len() - suffix].into();
                Links {
                    shared: Some(Shared {
                        template,
                        prefix: prefix as u32,
                        suffix: suffix as u32,
                    }),
                    own,
                }
            }
            _ => {
                let template: Arc<[Edge]> = edges.into();
                if self.templates.len() >= MAX_TEMPLATES {
                    self.templates.remove(0);
                }
                self.templates.push(template.clone());
                let n = template.len() as u32;
                Links {
                    shared: Some(Shared {
                        template,
                        prefix: n,
                        suffix: 0,
                    }),
                    own: Box::default(),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::LinkKind;

    fn e(to: u32) -> Edge {
        Edge {
            to,
            text: to,
            kind: LinkKind::Anchor,
        }
    }

    fn page(header: std::ops::Range<u32>, body: &[u32], footer: std::ops::Range<u32>) -> Vec<Edge> {
        header
            .map(e)
            .chain(body.iter().copied().map(e))
            .chain(footer.map(e))
            .collect()
    }

    #[test]
    fn header_and_footer_are_shared_and_order_is_kept() {
        let mut s = LinkSharer::default();
        let a = page(0..60, &[1000, 1001], 500..520);
        let b = page(0..60, &[2000, 2001, 2002], 500..520);
        let la = s.share(a.clone());
        let lb = s.share(b.clone());
        assert_eq!(la.to_vec(), a);
        assert_eq!(lb.to_vec(), b);
        assert_eq!(lb.len(), b.len());
        // only the three body links are stored for the second page
        assert_eq!(lb.own_len(), 3);
        assert_eq!(lb.iter().next_back(), b.last());
    }

    #[test]
    fn unrelated_layouts_keep_their_own_lists() {
        let mut s = LinkSharer::default();
        let a = page(0..30, &[], 0..0);
        let b = page(100..130, &[], 0..0);
        s.share(a);
        let lb = s.share(b.clone());
        assert_eq!(lb.to_vec(), b);
        // b became a template of its own: a page like b shares with it
        let c = page(100..130, &[7], 0..0);
        let lc = s.share(c.clone());
        assert_eq!(lc.to_vec(), c);
        assert_eq!(lc.own_len(), 1);
    }

    #[test]
    fn prefix_and_suffix_never_overlap_on_short_pages() {
        let mut s = LinkSharer::default();
        let a = page(0..20, &[], 0..0);
        s.share(a);
        // a page that is a strict prefix of the template
        let b = page(0..12, &[], 0..0);
        let lb = s.share(b.clone());
        assert_eq!(lb.to_vec(), b);
        // repeated edges at the joint
        let c: Vec<Edge> = (0..10).map(|_| e(1)).collect();
        let d: Vec<Edge> = (0..9).map(|_| e(1)).collect();
        s.share(c);
        let ld = s.share(d.clone());
        assert_eq!(ld.to_vec(), d);
    }

    #[test]
    fn edits_and_serialisation_see_the_full_list() {
        let mut s = LinkSharer::default();
        s.share(page(0..40, &[], 0..0));
        let mut l = s.share(page(0..40, &[99], 0..0));
        let json = serde_json::to_string(&l).unwrap();
        let back: Links = serde_json::from_str(&json).unwrap();
        assert_eq!(back, l);
        l.retain(|x| x.to != 99);
        assert_eq!(l.len(), 40);
        l.push(e(7));
        assert_eq!(l.iter().last().unwrap().to, 7);
        l.for_each_mut(|x| x.text = 1);
        assert!(l.iter().all(|x| x.text == 1));
        l.clear();
        assert!(l.is_empty());
    }
}
