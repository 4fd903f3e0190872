//! Collecting page-tag meta (`<meta name=… content=…>`) into a [`Meta`] list.

use super::text;
use crate::model::Meta;

/// Collect the page's meta tags; a later non-empty duplicate never replaces a non-empty value.
pub(super) fn collect(metas: &[scraper::ElementRef<'_>]) -> Meta {
    let mut meta = Meta::default();
    for m in metas {
        let (Some(name), Some(content)) = (m.attr("name"), m.attr("content")) else {
            continue;
        };
        let name = name.trim().to_lowercase();
        if name.is_empty() {
            continue;
        }
        let content = text::collapse(content);
        match meta.get(&name) {
            Some(old) if !old.is_empty() => {}
            _ => meta.insert(name, content),
        }
    }
    meta
}
