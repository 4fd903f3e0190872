//! What a published item says, for the checks: an article page counts together with the
//! attachments it links (a 年报 or 解读 published as PDF/Word behind a short article, a
//! budget as 附件1), and an attachment listed directly in a column counts on its own.
//! Attachments that could not be read are listed with the reason, so checks can warn
//! instead of guessing.

use super::site::{Site, is_document};
use crate::model::UrlId;
use crate::model::{DocStatus, Document, Table};
use std::collections::HashSet;

/// One published item: a detail page with its read attachments, or a listed attachment.
pub struct Unit<'g> {
    /// the page or document URL
    pub url: String,
    pub title: String,
    /// headings, heading-like lines and table-header labels
    pub texts: Vec<&'g str>,
    /// tables with the URL of the page or document they were read from
    pub tables: Vec<(&'g str, &'g Table)>,
    /// attachments not read: (URL, reason)
    pub unread: Vec<(String, String)>,
}

impl<'g> Site<'g> {
    /// The document stage's record of an attachment URL.
    pub fn document(&self, id: UrlId) -> Option<&'g Document> {
        let docs = &self.g.documents;
        docs.binary_search_by_key(&id, |d| d.url)
            .ok()
            .map(|i| &docs[i])
    }

    /// Attachment URLs a page links (links and media references), in page order.
    pub fn attachment_ids(&self, i: usize) -> Vec<UrlId> {
        let p = self.page(i);
        let mut seen = HashSet::new();
        p.media
            .iter()
            .map(|m| m.to)
            .chain(p.links.iter().map(|l| l.to))
            .filter(|id| is_document(self.g.url(*id)) || self.document(*id).is_some())
            .filter(|id| seen.insert(*id))
            .collect()
    }

    /// A detail page with its attachments.
    pub fn unit(&self, i: usize) -> Unit<'g> {
        let p = self.page(i);
        let mut u = Unit {
            url: self.url(i).to_string(),
            title: p
                .meta
                .get("articletitle")
                .or(p.title.as_ref())
                .map(|t| t.to_string())
                .unwrap_or_default(),
            texts: p
                .headings
                .iter()
                .chain(p.labels.iter())
                .chain(p.title.iter())
                .map(|t| t.as_str())
                .collect(),
            tables: p.tables.iter().map(|t| (self.url(i), t)).collect(),
            unread: Vec::new(),
        };
        for id in self.attachment_ids(i) {
            self.add_document(&mut u, id);
        }
        u
    }

    /// An attachment listed on its own (its link text as title).
    pub fn document_unit(&self, id: UrlId, link_text: &str) -> Unit<'g> {
        let mut u = Unit {
            url: self.g.url(id).to_string(),
            title: link_text.to_string(),
            texts: Vec::new(),
            tables: Vec::new(),
            unread: Vec::new(),
        };
        self.add_document(&mut u, id);
        if let Some(t) = self.document(id).and_then(|d| d.title.as_deref())
            && (u.title.is_empty() || is_document(&u.title))
        {
            u.title = t.to_string();
        }
        u
    }

    fn add_document(&self, u: &mut Unit<'g>, id: UrlId) {
        let url = self.g.url(id);
        match self.document(id) {
            Some(d) if d.status == DocStatus::Read => {
                u.texts.extend(d.headings.iter().map(|h| h.as_str()));
                u.tables.extend(d.tables.iter().map(|t| (url, t)));
            }
            Some(d) => u.unread.push((url.to_string(), d.detail.clone())),
            None if is_document(url) => u.unread.push((
                url.to_string(),
                "附件未读取（文档读取阶段未运行或该格式不读取）".into(),
            )),
            None => {}
        }
    }

    /// Attachments listed directly in a column scope (not behind an article): (URL id,
    /// link text), in listing order.
    pub fn listed_documents(&self, scope: &[usize]) -> Vec<(UrlId, String)> {
        let mut seen = HashSet::new();
        let mut out = Vec::new();
        for &i in scope {
            if self.is_detail(i) {
                continue;
            }
            let p = self.page(i);
            // attachment links are media references; dated list items name them best
            for m in &p.media {
                let url = self.g.url(m.to);
                if m.kind != crate::extract::MediaKind::Document
                    || !m.element.starts_with("a[")
                    || self.home_targets.contains(&m.to)
                    || !seen.insert(m.to)
                {
                    continue;
                }
                let title = p
                    .items
                    .iter()
                    .find(|it| it.url.as_deref() == Some(url))
                    .map(|it| it.title.to_string())
                    .unwrap_or_else(|| self.g.text(m.context).trim().to_string());
                out.push((m.to, title));
            }
            for l in self.links(i) {
                if !self.home_targets.contains(&l.to)
                    && is_document(self.g.url(l.to))
                    && seen.insert(l.to)
                {
                    out.push((l.to, l.text.trim().to_string()));
                }
            }
        }
        out
    }

    /// The newest items of a column scope: detail pages newest first, else attachments
    /// listed directly. With `year`, items whose title names that year come first.
    pub fn newest_units(&self, scope: &[usize], n: usize, year: Option<i32>) -> Vec<Unit<'g>> {
        let details = super::kinds::fields::newest_details(self, scope, usize::MAX);
        let mut units: Vec<Unit<'g>> = details.into_iter().map(|i| self.unit(i)).collect();
        if units.is_empty() {
            units = self
                .listed_documents(scope)
                .into_iter()
                .map(|(id, t)| self.document_unit(id, &t))
                .collect();
        }
        if let Some(y) = year {
            let tag = format!("{y}年");
            // stable: keeps the newest-first order within each group
            units.sort_by_key(|u| !u.title.contains(&tag));
        }
        units.truncate(n);
        units
    }
}
