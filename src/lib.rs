//! zwgk: a polite crawler that checks Chinese government websites against their
//! 政务公开 (government-affairs openness) duties.
//!
//! Pipeline, one module per stage:
//! `fetch` (HTTP, politeness, robots, retries) → `decode` (bytes → text) →
//! `extract` (text → [`extract::PageFacts`]) → `crawl` (frontier → [`crawl::SiteGraph`]) →
//! `verify` (media, attachments and links really open) → `rules` (rule packs × graph →
//! check results) → `shots` (screenshots of the pages failing checks name, in the browser) →
//! `report` (report.json, HTML, Markdown, JUnit, SARIF, xlsx, terminal summary).
//! Around them: `store` (history database), `batch` (many sites, index), `testsite`
//! (fixture/demo sites on loopback) and `run`, which wires the stages for the CLI.
//! Below them all: `model`, the types every stage shares (site graph, pages, edges,
//! error classes, outcomes, interned text), `atomic` (atomic file writes), `escape`
//! (Markdown and HTML escaping) and `sniff` (HTML sniffing, `<title>`).

// first: its `tr!` macro is used by every stage
#[macro_use]
pub mod i18n;

pub mod events;

// second: the types every stage shares
pub mod model;

pub mod atomic;
pub mod batch;
pub mod browser;
pub mod config;
pub mod crawl;
pub mod decode;
pub mod docs;
pub mod escape;
pub mod extract;
pub mod fetch;
pub mod report;
pub mod rules;
pub mod run;
pub mod shots;
pub mod sniff;
pub mod store;
pub mod testsite;
pub mod verify;
