//! Tests of the `path` kind, on hand-built graphs through the built-in packs: the compliant
//! site passes, each break fails (or warns when the crawl cannot decide).

use crate::rules::kinds::test_support::*;

#[test]
fn path_finds_odd_names_and_slugs_and_reports_the_chain() {
    let mut b = compliant();
    // rename 预算/决算 to 财政资金 and drop its breadcrumb/ColumnName: still found by alias
    let fd = b.find("/zwgk/fdzdgknr/");
    let ys = b.g.find_url(&abs("/zwgk/fdzdgknr/czyjs/")).unwrap();
    let t = b.g.text_id("财政资金");
    b.p(fd).links.for_each_mut(|e| {
        if e.to == ys {
            e.text = t
        }
    });
    let r = run(&b);
    let p01 = get(&r, "ZW-P01");
    assert_eq!(p01.status, Status::Pass, "{}", p01.message);
    assert!(
        p01.message.contains("财政资金") && p01.message.contains("点击深度3"),
        "{}",
        p01.message
    );
    assert_eq!(p01.evidence[0].path.len(), 3);
    assert_eq!(p01.evidence[0].path[2].text, "财政资金");
    // anchor text meaningless, breadcrumb gone: the slug `czyjs` still identifies it
    let t = b.g.text_id("栏目三");
    b.p(fd).links.for_each_mut(|e| {
        if e.to == ys {
            e.text = t
        }
    });
    let i = b.find("/zwgk/fdzdgknr/czyjs/");
    b.p(i).breadcrumb.clear();
    b.p(i).meta.clear();
    b.p(i).title = None;
    assert_eq!(status(&b, "ZW-P01"), Status::Pass);
}

#[test]
fn path_missing_fails_with_partial_chain_and_warns_when_crawl_was_cut() {
    let mut b = compliant();
    unlink(&mut b, "/zwgk/fdzdgknr/czyjs/");
    let r = run(&b);
    let p01 = get(&r, "ZW-P01");
    assert_eq!(p01.status, Status::Fail);
    assert!(
        p01.message.contains("最接近的路径") && p01.message.contains("法定主动公开内容"),
        "{}",
        p01.message
    );
    // how to fix travels beside the message, not inside it
    assert!(!p01.message.contains("整改建议"), "{}", p01.message);
    assert!(p01.fix.contains("预算/决算"), "{}", p01.fix);
    assert!(p01.is_path());
    assert!(
        p01.message_with_fix(crate::i18n::Lang::Zh)
            .ends_with(&format!("。整改建议：{}", p01.fix))
    );
    assert_eq!(get(&r, "ZW-P02").status, Status::Fail);
    // cut by the page budget, but every link the search would follow was fetched: the
    // absence is decided
    b.g.stop_reason = Some(StopReason::PageBudget);
    let r = run(&b);
    assert_eq!(get(&r, "ZW-P01").status, Status::Fail);
    // a link under 法定主动公开内容 the budget left unfetched: cannot tell
    let i = b.find("/zwgk/fdzdgknr/");
    b.link(i, "财务信息", "/zwgk/fdzdgknr/cwxx/");
    let id =
        b.g.find_url(&crate::rules::testgraph::abs("/zwgk/fdzdgknr/cwxx/"))
            .unwrap();
    b.g.not_checked.push(crate::model::NotChecked {
        url: id,
        stage: "crawl".into(),
        reason: StopReason::PageBudget,
    });
    b.g.stats.unvisited = 1;
    let r = run(&b);
    assert_eq!(get(&r, "ZW-P01").status, Status::Warn);
    assert!(get(&r, "ZW-P01").message.contains("max-pages"));
    assert_eq!(get(&r, "ZW-P01").decided_after_requests, None);
}

#[test]
fn path_warns_when_the_matching_link_was_blocked() {
    let mut b = compliant();
    let i = b.find("/zwgk/fdzdgknr/czyjs/");
    b.g.pages.remove(i);
    b.g.reindex();
    let fd = b.find("/zwgk/fdzdgknr/");
    b.error("/zwgk/fdzdgknr/czyjs/", ErrorClass::Blocked, fd);
    let r = run(&b);
    let p01 = get(&r, "ZW-P01");
    assert_eq!(p01.status, Status::Warn, "{}", p01.message);
    assert!(p01.message.contains("Blocked"), "{}", p01.message);
}

#[test]
fn pinned_column_from_overrides_wins() {
    let mut b = compliant();
    unlink(&mut b, "/zwgk/fdzdgknr/czyjs/");
    let o = load_overrides(
        "[site.\"wlj.test.gov.cn\".columns]\n预算决算 = \"/zwgk/fdzdgknr/czyjs/\"\n",
        "wlj.test.gov.cn",
    )
    .unwrap();
    let r = run_with(
        &b,
        EvalContext {
            probes: Vec::new(),
            home_history: Vec::new(),
            overrides: o,
            ..ctx()
        },
    );
    let p01 = get(&r, "ZW-P01");
    assert_eq!(p01.status, Status::Pass, "{}", p01.message);
    assert!(p01.message.contains("站点配置指定"));
}

#[test]
fn english_messages() {
    let r = run_with(
        &compliant(),
        EvalContext {
            probes: Vec::new(),
            home_history: Vec::new(),
            lang: Lang::En,
            ..ctx()
        },
    );
    let p01 = get(&r, "ZW-P01");
    assert!(
        p01.message.starts_with("found the column"),
        "{}",
        p01.message
    );
    assert!(p01.title.starts_with("Budget"));
}
