//! Tests of the `freshness` kind, on hand-built graphs through the built-in packs: the
//! compliant site passes, each break fails (or warns when the crawl cannot decide).

use crate::rules::kinds::test_support::*;

#[test]
fn freshness_window_and_undated_items() {
    let mut b = compliant();
    let xx = b.find("/hdjl/gkxx/");
    for it in &mut b.p(xx).items {
        it.date = date(2026, 8, 1);
    }
    for p in &mut b.g.pages {
        if p.published.is_some_and(|d| d > date(2026, 10, 1)) {
            p.published = Some(date(2026, 8, 2));
        }
    }
    let r = run(&b);
    let p09 = get(&r, "ZW-P09");
    assert_eq!(p09.status, Status::Fail, "{}", p09.message);
    assert!(p09.message.contains("31天"), "{}", p09.message);
    assert_eq!(get(&r, "GOV-D06").status, Status::Fail);
    assert_eq!(get(&r, "GOV-D06").deduction, Some(3.0));
}

#[test]
fn year_rules_with_deadlines() {
    let mut b = compliant();
    let ys = b.find("/zwgk/fdzdgknr/czyjs/");
    b.p(ys).items.retain(|i| !i.title.contains("决算"));
    let id =
        b.g.find_url(&abs("/zwgk/fdzdgknr/czyjs/202508/t20250828_2.html"))
            .unwrap();
    b.p(ys).links.retain(|e| e.to != id);
    let r = run(&b);
    let p02 = get(&r, "ZW-P02");
    assert_eq!(p02.status, Status::Fail);
    assert!(
        p02.message.contains("上一年度决算（2025年）"),
        "{}",
        p02.message
    );
    // before the budget deadline, last year's budget is what is required
    let early = EvalContext {
        probes: Vec::new(),
        home_history: Vec::new(),
        today: date(2026, 2, 10),
        ..ctx()
    };
    let r = run_with(&compliant(), early);
    let p02 = get(&r, "ZW-P02");
    assert!(
        p02.message.contains("本年度预算（2025年）"),
        "{}",
        p02.message
    );
    // a 年报 published after 31 January is late
    let mut b = compliant();
    let nb = b.find("/zwgk/zfxxgknb/");
    b.p(nb).items[0].date = date(2026, 2, 20);
    let p18 = get(&run(&b), "ZW-P18").clone();
    assert_eq!(p18.status, Status::Fail);
    assert!(
        p18.message.contains("晚于期限2026-01-31"),
        "{}",
        p18.message
    );
}

#[test]
fn home_freshness_two_weeks() {
    let mut b = compliant();
    let home = b.find("/");
    b.p(home).items[0].date = date(2026, 11, 1);
    let xw = b.find("/xwdt/202611/t20261120_1.html");
    b.p(xw).published = Some(date(2026, 11, 1));
    let v02 = get(&run(&b), "GOV-V02").clone();
    assert_eq!(v02.status, Status::Fail, "{}", v02.message);
    assert!(v02.message.contains("14天内无更新"));
}

#[test]
fn home_unchanged_across_runs_for_two_weeks_is_not_updated() {
    let b = compliant();
    assert_eq!(get(&run(&b), "GOV-V02").status, Status::Pass);
    let home = b.find("/");
    let hash = b.g.pages[home].text_hash;
    let ago = |days: i64| {
        jiff::Timestamp::now()
            .checked_sub(jiff::SignedDuration::from_hours(24 * days))
            .unwrap()
    };
    // the same home page in every run of the last 20 days: dates or not, nothing changed
    let same = EvalContext {
        home_history: vec![(ago(30), hash ^ 1), (ago(20), hash), (ago(10), hash)],
        ..ctx()
    };
    let v02 = get(&run_with(&b, same), "GOV-V02").clone();
    assert_eq!(v02.status, Status::Fail, "{}", v02.message);
    assert!(v02.message.contains("未发生任何变化"), "{}", v02.message);
    // it changed 5 days ago: the dates decide
    let changed = EvalContext {
        home_history: vec![(ago(20), hash ^ 1), (ago(5), hash)],
        ..ctx()
    };
    assert_eq!(get(&run_with(&b, changed), "GOV-V02").status, Status::Pass);
}

#[test]
fn stale_columns_by_class_veto_at_five() {
    let mut b = compliant();
    for n in 0..5 {
        let u = format!("/dt{n}/");
        let home = b.find("/");
        b.link(home, &format!("工作动态{n}"), &u);
        let c = b.page(&u, 1, &format!("工作动态{n}"));
        b.item(
            c,
            "旧闻",
            &format!("{u}201901/t20190101_1.html"),
            "2019-01-01",
        );
    }
    let v03 = get(&run(&b), "GOV-V03").clone();
    assert_eq!(v03.status, Status::Fail, "{}", v03.message);
    assert!(
        v03.message.contains("工作动态4（动态要闻，2019-01-01）"),
        "{}",
        v03.message
    );
    let v = verdict(&run(&b), &load_packs(&[]).unwrap());
    assert!(v.vetoes.contains(&"GOV-V03".to_string()) && !v.qualified);
}
