//! The model layer: the types every stage shares. The site graph and its pages, link and
//! media edges with their shared link runs, resources, error classes, verification
//! outcomes, stop reasons, interned text and the documents read from attachments. Plain data with serde; no I/O, no stage
//! logic. Every stage may use it; it uses none of them.

pub mod document;
pub mod edge;
pub mod error;
pub mod facts;
pub mod focus;
pub mod graph;
pub mod host;
pub mod links;
pub mod meta;
pub mod name;
pub mod norm;
pub mod page;
pub mod render;
pub mod search;
pub mod stop;
pub mod text;
pub mod tls;
pub mod trap;
pub mod verify;

pub use document::{DocFormat, DocStatus, Document, Extracted, Table};
pub use edge::{Edge, MediaEdge, TextId, UrlId};
pub use error::{CrawlError, ErrorClass};
pub use facts::{
    Block, Crumb, DatedItem, LinkKind, Markers, MediaKind, Official, PartialItem, Phone, YearFrom,
};
pub use focus::{FocusHint, Priority};
pub use graph::SiteGraph;
pub use host::{bare_host, site_folder};
pub use links::{LinkSharer, Links};
pub use meta::Meta;
pub use name::UnknownName;
pub use page::{Charset, Page, Resource};
pub use render::{
    BrowserSettings, ChallengeRecord, FirstAnswer, PlayFuture, PlayVia, Played, PlayedElement,
    RenderError, RenderFailure, RenderFuture, RenderProblem, RenderReason, Rendered, Renderer,
    ShotFuture,
};
pub use search::{FormMethod, SearchAttempt, SearchForm, SearchProbe, SearchResult, SearchSkip};
pub use stop::{CrawlStats, NotChecked, StopReason};
pub use text::{Interner, Txt};
pub use tls::{TlsIssue, TlsProblem};
pub use trap::{TrapReason, TrapRecord};
pub use verify::{Revisit, Verified, VerifyOutcome};
