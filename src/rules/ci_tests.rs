//! The `baseline` check kind (pack `ci-redesign`) on hand-built graphs: a baseline crawl and a
//! staging crawl of the compliant test site, with URLs, a column and items taken away.

use super::testgraph::{B, abs, compliant};
use super::*;
use crate::crawl::{ErrorClass, Revisit, SiteGraph, VerifyOutcome};
use crate::i18n::Lang;
use jiff::civil::date;
use std::sync::Arc;

fn packs() -> Vec<Pack> {
    load_packs(&[
        "cq-wlw-2021".into(),
        "gov-2019".into(),
        pack::CI_PACK.into(),
    ])
    .unwrap()
}

fn eval(staging: &B, baseline: Option<Baseline>) -> Vec<CheckResult> {
    let ctx = EvalContext {
        probes: Vec::new(),
        home_history: Vec::new(),
        today: date(2026, 11, 27),
        lang: Lang::Zh,
        overrides: SiteOverrides::default(),
        baseline,
    };
    let mut g = staging.g.clone();
    g.reindex();
    evaluate(&g, &packs(), &ctx)
}

fn graph(b: &B) -> Baseline {
    let mut g: SiteGraph = b.g.clone();
    g.reindex();
    Baseline::Graph(Arc::new(g))
}

fn get<'a>(r: &'a [CheckResult], id: &str) -> &'a CheckResult {
    r.iter().find(|c| c.id == id).unwrap()
}

fn urls(c: &CheckResult) -> Vec<String> {
    c.evidence.iter().map(|e| e.url.clone()).collect()
}

/// The baseline: the compliant site plus a third 预算/决算 article and a 政府公报 column.
fn production() -> B {
    let mut b = compliant();
    let ys = b.find("/zwgk/fdzdgknr/czyjs/");
    b.article(
        ys,
        "/zwgk/fdzdgknr/czyjs/202401/t20240110_3.html",
        "测试局2024年部门决算",
        "2024-01-10",
    );
    let fd = b.find("/zwgk/fdzdgknr/");
    b.link(fd, "政府公报", "/zwgk/fdzdgknr/zfgb/");
    let gb = b.page("/zwgk/fdzdgknr/zfgb/", 3, "政府公报 - 测试局");
    b.crumbs(gb, &["首页", "政务公开", "法定主动公开内容", "政府公报"]);
    b
}

#[test]
fn an_unchanged_site_passes_every_ci_check() {
    let r = eval(&production(), Some(graph(&production())));
    for id in ["CI-01", "CI-02", "CI-03"] {
        assert_eq!(get(&r, id).status, Status::Pass, "{:?}", get(&r, id));
    }
}

#[test]
fn lost_urls_columns_and_items_are_named() {
    let base = production();
    // staging: the article and the 政府公报 column are gone (404)
    let mut st = compliant();
    let ys = st.find("/zwgk/fdzdgknr/czyjs/");
    st.error(
        "/zwgk/fdzdgknr/czyjs/202401/t20240110_3.html",
        ErrorClass::NotFound,
        ys,
    );
    st.error("/zwgk/fdzdgknr/zfgb/", ErrorClass::NotFound, ys);
    let r = eval(&st, Some(graph(&base)));
    let c1 = get(&r, "CI-01");
    assert_eq!(c1.status, Status::Fail, "{c1:?}");
    assert_eq!(
        urls(c1),
        [
            abs("/zwgk/fdzdgknr/czyjs/202401/t20240110_3.html"),
            abs("/zwgk/fdzdgknr/zfgb/")
        ]
    );
    assert!(
        c1.message
            .contains("【政务公开 > 法定主动公开内容 > 政府公报】"),
        "{}",
        c1.message
    );
    let c2 = get(&r, "CI-02");
    assert_eq!(c2.status, Status::Fail, "{c2:?}");
    assert_eq!(urls(c2), [abs("/zwgk/fdzdgknr/zfgb/")]);
    assert!(c2.message.contains("政府公报"));
    let c3 = get(&r, "CI-03");
    assert_eq!(c3.status, Status::Fail, "{c3:?}");
    assert_eq!(urls(c3), [abs("/zwgk/fdzdgknr/czyjs/")]);
    assert!(
        c3.message.contains("预算/决算”基线 3 条、新站 2 条"),
        "{}",
        c3.message
    );
}

#[test]
fn revisited_urls_decide_what_the_crawl_did_not_meet() {
    let base = production();
    let mut st = production();
    // the crawl did not meet the 政府公报 page: it was requested afterwards
    let gb = st.find("/zwgk/fdzdgknr/zfgb/");
    st.g.pages.remove(gb);
    let id = st.g.url_id(&abs("/zwgk/fdzdgknr/zfgb/"));
    let to = st.g.url_id(&abs("/zwgk/gb/"));
    st.g.revisited.push(Revisit {
        url: id,
        outcome: VerifyOutcome::Ok,
        status: Some(200),
        final_url: Some(to),
        detail: "可访问".into(),
    });
    let c1 = get(&eval(&st, Some(graph(&base))), "CI-01").clone();
    assert_eq!(c1.status, Status::Pass, "{c1:?}");
    assert!(c1.message.contains("1 个已正确重定向"), "{}", c1.message);
    // not requested (budget): undecided, never lost
    st.g.revisited[0].outcome = VerifyOutcome::Skipped;
    st.g.revisited[0].detail = "未请求：已达页面上限（--max-pages）".into();
    let c1 = get(&eval(&st, Some(graph(&base))), "CI-01").clone();
    assert_eq!(c1.status, Status::Warn, "{c1:?}");
    assert!(c1.message.contains("页面上限"), "{}", c1.message);
    // a soft 404 found when revisiting is lost
    st.g.revisited[0].outcome = VerifyOutcome::Broken;
    st.g.revisited[0].detail = "软404：重定向到首页".into();
    let c1 = get(&eval(&st, Some(graph(&base))), "CI-01").clone();
    assert_eq!(c1.status, Status::Fail);
    assert_eq!(urls(&c1), [abs("/zwgk/fdzdgknr/zfgb/")]);
}

#[test]
fn without_a_baseline_graph_the_ci_checks_warn_and_say_why() {
    let r = eval(&production(), None);
    for id in ["CI-01", "CI-02", "CI-03"] {
        let c = get(&r, id);
        assert_eq!(c.status, Status::Warn);
        assert!(c.message.contains("--baseline"), "{}", c.message);
    }
    let r = eval(
        &production(),
        Some(Baseline::Missing("site-graph.json 不在基线报告旁".into())),
    );
    assert!(
        get(&r, "CI-02")
            .message
            .contains("site-graph.json 不在基线报告旁")
    );
    // the other packs are unaffected
    assert_eq!(get(&r, "ZW-P01").status, Status::Pass);
}
