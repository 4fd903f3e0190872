//! What a decision rests on: whole-site checks (blank columns, stale columns, link
//! availability, markers sampled over many pages, media of the whole site) report how much
//! of the site they saw and turn into `warn` with that coverage when a page or time
//! budget cut the crawl short; every decided check says after how many crawl requests it
//! was decided (the latest page its decision rests on).

use super::kinds::Step;
use super::kinds::freshness::Target;
use super::pack::CheckDef;
use super::site::Site;
use super::{Coverage, Evidence};
use crate::i18n::Lang;
use crate::model::StopReason;

/// Is this step judged over the whole site rather than one column or page?
pub fn whole_site_step(step: &Step) -> bool {
    match step {
        Step::Empty(_) => true,
        Step::Links(p) => p.column.is_none(),
        Step::Media(p) => p.column.is_none(),
        Step::Freshness(p) => p.target == Target::Columns,
        Step::Markers(p) => p.sample > 0,
        _ => false,
    }
}

/// Does the check judge the whole site (any of its steps)?
pub fn whole_site(check: &CheckDef) -> bool {
    check.steps.iter().any(whole_site_step)
}

/// The crawl's coverage: pages fetched against pages fetched plus URLs left unvisited.
pub fn coverage(site: &Site) -> Coverage {
    let g = site.g;
    let pages = g.pages.len() as u64;
    let unvisited = g.stats.unvisited;
    Coverage {
        pages,
        known: pages + unvisited,
        complete: site.truncated().is_none(),
    }
}

/// The budget that cut the crawl short, if one did.
pub fn cut(site: &Site) -> Option<StopReason> {
    site.truncated()
}

/// Message of a whole-site check the budget cut short: the coverage, then what the part
/// showed (never presented as the whole).
/// Why a crawl was cut short, as a finding says it (`页面数上限（--max-pages）`).
pub fn cut_reason(lang: Lang, reason: StopReason) -> &'static str {
    match reason {
        StopReason::PageBudget => {
            lang.pick("页面数上限（--max-pages）", "the page budget (--max-pages)")
        }
        StopReason::TimeBudget => lang.pick(
            "时间上限（--max-duration）",
            "the time budget (--max-duration)",
        ),
        _ => lang.pick("中断", "an interruption"),
    }
}

pub fn cut_message(lang: Lang, cov: &Coverage, reason: StopReason, part: &str) -> String {
    let pct = cov.percent();
    let why = cut_reason(lang, reason);
    tr!(
        lang,
        "抓取因{}提前结束，此项只覆盖了已知页面的 {}%（{}/{}），不能代表全站，无法判定；已抓取部分的结果：{}",
        "the crawl was cut short by {}; this check covers only {}% of the known pages ({}/{}) and cannot be decided for the whole site; on the part crawled: {}",
        why,
        pct,
        cov.pages,
        cov.known,
        part
    )
}

/// The latest crawl request among the pages `evidence` names (its URLs and clicked
/// paths) and `needed`; `whole` = the whole crawl.
pub fn decided_after(site: &Site, evidence: &[Evidence], needed: u32, whole: bool) -> u64 {
    if whole {
        return site.g.pages.iter().map(|p| p.order).max().unwrap_or(0) as u64;
    }
    let mut last = needed;
    for e in evidence {
        for url in std::iter::once(&e.url).chain(e.path.iter().map(|s| &s.url)) {
            if let Some(i) = site.idx_str(url) {
                last = last.max(site.page(i).order);
            }
        }
    }
    if last == 0 {
        // nothing named: the home page decided it
        last = site.home.map(|h| site.page(h).order).unwrap_or(0);
    }
    last as u64
}
