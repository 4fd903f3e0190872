//! Screenshot stage: after the checks, a PNG of each page that a failing check's evidence
//! names, taken in the run's browser (whose requests go through the same polite fetcher),
//! with the evidence's text scrolled into view and outlined when it is on the page.
//! Files go to `screenshots/` in the output folder; `evidence[].screenshot` holds the path
//! relative to the report. One file per page, shared by every check that names it.

use crate::model::{Renderer, SiteGraph};
use crate::rules::{CheckResult, Status};
use std::collections::HashMap;
use std::path::Path;
use url::Url;

/// Folder of the screenshots inside a site's output folder.
pub const DIR: &str = "screenshots";

/// What the stage did, for the log and the report's notes.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct ShotSummary {
    /// files written
    pub taken: usize,
    /// pages that could not be captured, with the reason
    pub failed: Vec<(String, String)>,
    /// failing evidence pages left without a screenshot because the cap was reached
    pub over_cap: usize,
}

/// Longest evidence text used to find the relevant part of the page.
const FOCUS_CHARS: usize = 40;

/// Pages of the crawl that a failing check's evidence names, in report order.
fn wanted<'a>(checks: &'a [CheckResult], graph: &SiteGraph) -> Vec<(&'a str, Option<&'a str>)> {
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for c in checks.iter().filter(|c| c.status == Status::Fail) {
        for e in &c.evidence {
            if !(e.url.starts_with("http://") || e.url.starts_with("https://")) {
                continue;
            }
            if graph.page(&e.url).is_none() || !seen.insert(e.url.as_str()) {
                continue;
            }
            let focus =
                Some(e.text.trim()).filter(|t| !t.is_empty() && t.chars().count() <= FOCUS_CHARS);
            out.push((e.url.as_str(), focus));
        }
    }
    out
}

/// Capture up to `max` pages and set `screenshot` on the evidence that names them; stops
/// when `cancelled` (Ctrl-C) says so.
pub async fn capture(
    renderer: &dyn Renderer,
    checks: &mut [CheckResult],
    graph: &SiteGraph,
    out_dir: &Path,
    max: usize,
    cancelled: &(dyn Fn() -> bool + Sync),
) -> ShotSummary {
    let mut summary = ShotSummary::default();
    let pages: Vec<(String, Option<String>)> = wanted(checks, graph)
        .into_iter()
        .map(|(u, f)| (u.to_string(), f.map(str::to_string)))
        .collect();
    if pages.is_empty() || max == 0 {
        summary.over_cap = pages.len();
        return summary;
    }
    let dir = out_dir.join(DIR);
    if let Err(e) = std::fs::create_dir_all(&dir) {
        summary.failed = pages
            .into_iter()
            .map(|(u, _)| (u, format!("{}: {e}", dir.display())))
            .collect();
        return summary;
    }
    let mut files: HashMap<String, String> = HashMap::new();
    for (i, (url, focus)) in pages.iter().enumerate() {
        if files.len() >= max || cancelled() {
            summary.over_cap = pages.len() - i;
            break;
        }
        let Ok(parsed) = Url::parse(url) else {
            continue;
        };
        match renderer.screenshot(&parsed, focus.as_deref()).await {
            Ok(png) => {
                let name = format!("{:03}.png", files.len() + 1);
                match std::fs::write(dir.join(&name), &png) {
                    Ok(()) => {
                        files.insert(url.clone(), format!("{DIR}/{name}"));
                        summary.taken += 1;
                    }
                    Err(e) => summary.failed.push((url.clone(), e.to_string())),
                }
            }
            Err(e) => summary.failed.push((url.clone(), e.message)),
        }
    }
    for c in checks.iter_mut().filter(|c| c.status == Status::Fail) {
        for e in &mut c.evidence {
            if let Some(f) = files.get(&e.url) {
                e.screenshot = Some(f.clone());
            }
        }
    }
    summary
}
