//! What a column page shows, frames included, and the dates of its entries as a person
//! reads them: a letters list inside an iframe or loaded into a container belongs to the
//! column that frames it, and a year-less list date (`[05-21]`) the page could not
//! complete takes its year from the linked page's publish date.

use super::site::Site;
use crate::extract::rowdate::year_near;
use crate::extract::{DatedItem, YearFrom};
use std::collections::HashSet;

impl Site<'_> {
    /// The page and the pages it shows in frames (two levels), in that order.
    pub fn shown(&self, i: usize) -> Vec<usize> {
        let mut out = vec![i];
        let mut level = vec![i];
        for _ in 0..2 {
            let mut next = Vec::new();
            for p in level {
                for f in &self.page(p).frames {
                    if let Some(fi) = self.idx(*f)
                        && !out.contains(&fi)
                        && out.len() < 16
                    {
                        out.push(fi);
                        next.push(fi);
                    }
                }
            }
            level = next;
        }
        out
    }

    /// Dated entries of a page and its frames, without the site template's (an item
    /// recurring on many columns); year-less entries completed with the publish date of
    /// the page they link to.
    pub fn items(&self, i: usize) -> Vec<DatedItem> {
        let mut out = Vec::new();
        let mut seen = HashSet::new();
        // the page's own list: a dated 热点信息 sidebar on every page is template
        let r = self.regions();
        for s in self.shown(i) {
            let p = self.page(s);
            for it in &p.items {
                if r.template_item(it) {
                    continue;
                }
                if seen.insert((it.url.clone(), it.title.clone())) {
                    out.push(it.clone());
                }
            }
            for it in &p.partial_items {
                let Some(date) = self.partial_date(it.url.as_deref(), it.month, it.day) else {
                    continue;
                };
                if seen.insert((it.url.clone(), it.title.clone())) {
                    out.push(DatedItem {
                        title: it.title.clone(),
                        url: it.url.clone(),
                        date,
                        year_from: YearFrom::Page,
                    });
                }
            }
        }
        out
    }

    /// Entries of a page and its frames whose date was printed without a year that
    /// nothing could supply: their dates were not read.
    pub fn unread_dates(&self, i: usize) -> usize {
        self.shown(i)
            .into_iter()
            .flat_map(|s| self.page(s).partial_items.iter())
            .filter(|it| {
                self.partial_date(it.url.as_deref(), it.month, it.day)
                    .is_none()
            })
            .count()
    }

    fn partial_date(&self, url: Option<&str>, m: i8, d: i8) -> Option<jiff::civil::Date> {
        let t = self.idx_str(url?)?;
        year_near(m, d, self.page(t).published?)
    }
}
