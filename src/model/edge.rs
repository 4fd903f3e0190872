//! Edges of the site graph: a link from a page to a URL (with its anchor text and how it
//! was found) and a media/attachment reference; URLs and texts are ids into the graph.

use super::facts::{LinkKind, MediaKind};
use super::text::Txt;
use serde::{Deserialize, Serialize};

/// Index into [`SiteGraph::urls`](super::SiteGraph::urls).
pub type UrlId = u32;
/// Index into [`SiteGraph::texts`](super::SiteGraph::texts).
pub type TextId = u32;

/// A link edge from a page.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Edge {
    pub to: UrlId,
    pub text: TextId,
    pub kind: LinkKind,
}

/// A media/attachment reference from a page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MediaEdge {
    pub to: UrlId,
    pub kind: MediaKind,
    pub element: Txt,
    pub context: TextId,
}
