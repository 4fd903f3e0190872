//! What the tests of the check kinds share: the prelude they use, an evaluation context
//! dated 2026-11-27, running the built-in packs on a hand-built graph ([`run`]) and small
//! graph edits. The graphs themselves are in `rules/testgraph.rs`. Every kind is tested
//! through the built-in packs, so the rule data is tested together with the code.

pub(crate) use crate::i18n::Lang;
pub(crate) use crate::model::{ErrorClass, StopReason, Verified, VerifyOutcome};
pub(crate) use crate::model::{MediaKind, Txt};
pub(crate) use crate::rules::testgraph::{B, abs, compliant};
pub(crate) use crate::rules::*;
pub(crate) use jiff::civil::date;

pub(crate) fn ctx() -> EvalContext {
    EvalContext {
        probes: Vec::new(),
        home_history: Vec::new(),
        today: date(2026, 11, 27),
        lang: Lang::Zh,
        overrides: SiteOverrides::default(),
        baseline: None,
    }
}

pub(crate) fn run(b: &B) -> Vec<CheckResult> {
    run_with(b, ctx())
}

pub(crate) fn run_with(b: &B, c: EvalContext) -> Vec<CheckResult> {
    let packs = load_packs(&[]).unwrap();
    let mut g = b.g.clone();
    g.reindex();
    evaluate(&g, &packs, &c)
}

pub(crate) fn get<'a>(r: &'a [CheckResult], id: &str) -> &'a CheckResult {
    r.iter()
        .find(|c| c.id == id)
        .unwrap_or_else(|| panic!("{id} missing"))
}

pub(crate) fn status(b: &B, id: &str) -> Status {
    get(&run(b), id).status
}

/// Remove every link to `path` from all pages (the column disappears from navigation).
pub(crate) fn unlink(b: &mut B, path: &str) {
    let id = b.g.find_url(&abs(path)).unwrap();
    for p in &mut b.g.pages {
        p.links.retain(|e| e.to != id);
    }
}
