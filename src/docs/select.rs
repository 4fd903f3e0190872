//! Which attachments the document stage reads, within the per-site budget: every link or
//! media reference to a document type (by extension, or a non-HTML resource served with a
//! document content type), deduplicated; those whose link text or page names a disclosure
//! item (年报, 解读, 预算/决算, 附件 …) first, then by the click depth of the linking page.

use crate::extract::MediaKind;
use crate::model::{SiteGraph, UrlId};
use std::collections::HashMap;

/// Words that put an attachment first in the queue.
const PRIORITY: &[&str] = &[
    "年报",
    "年度报告",
    "解读",
    "预算",
    "决算",
    "附件",
    "政府信息公开",
    "政务公开",
    "xxgk",
    "zwgk",
    "gknb",
];

/// Content types of the formats read.
const DOC_TYPES: &[&str] = &[
    "application/pdf",
    "application/msword",
    "application/vnd.openxmlformats",
    "application/vnd.ms-excel",
    "application/vnd.ms-works",
    "application/wps",
    "application/kswps",
    "application/x-kswps",
    "application/vnd.wps",
];

fn readable_ext(url: &str) -> bool {
    url::Url::parse(url)
        .ok()
        .and_then(|u| crate::extract::urls::extension(&u))
        .is_some_and(|e| super::sniff::READ_EXTENSIONS.contains(&e.as_str()))
}

/// (chosen in reading order, left over beyond the budget).
pub fn attachments(g: &SiteGraph, max: usize) -> (Vec<UrlId>, Vec<UrlId>) {
    // url -> (priority, depth, first seen)
    let mut best: HashMap<UrlId, (u8, u32, usize)> = HashMap::new();
    let mut order = 0usize;
    let mut offer =
        |id: UrlId, hint: &str, depth: u32, best: &mut HashMap<UrlId, (u8, u32, usize)>| {
            let pri = if PRIORITY.iter().any(|w| hint.contains(w)) {
                0
            } else {
                1
            };
            order += 1;
            let cand = (pri, depth, order);
            best.entry(id)
                .and_modify(|b| {
                    if (cand.0, cand.1) < (b.0, b.1) {
                        *b = cand;
                    }
                })
                .or_insert(cand);
        };
    for p in &g.pages {
        let page_hint = format!(
            "{} {} {}",
            p.title.as_deref().unwrap_or(""),
            p.breadcrumb
                .iter()
                .map(|c| c.text.as_str())
                .collect::<Vec<_>>()
                .join(" "),
            g.url(p.final_url)
        );
        for m in &p.media {
            if m.kind == MediaKind::Document && readable_ext(g.url(m.to)) {
                let hint = format!("{} {page_hint} {}", g.text(m.context), g.url(m.to));
                offer(m.to, &hint, p.depth, &mut best);
            }
        }
        for l in p.links.iter() {
            if readable_ext(g.url(l.to)) {
                let hint = format!("{} {page_hint}", g.text(l.text));
                offer(l.to, &hint, p.depth, &mut best);
            }
        }
    }
    for r in &g.resources {
        let ct = r.content_type.as_deref().unwrap_or("").to_ascii_lowercase();
        if DOC_TYPES.iter().any(|t| ct.starts_with(t)) {
            offer(r.url, g.url(r.url), u32::MAX, &mut best);
        }
    }
    // links the trap guards refused are not requested here either
    for t in &g.trapped {
        best.remove(t);
    }
    let mut all: Vec<(UrlId, (u8, u32, usize))> = best.into_iter().collect();
    all.sort_by_key(|(_, k)| *k);
    let mut ids: Vec<UrlId> = all.into_iter().map(|(id, _)| id).collect();
    let over = if ids.len() > max {
        ids.split_off(max)
    } else {
        Vec::new()
    };
    (ids, over)
}
