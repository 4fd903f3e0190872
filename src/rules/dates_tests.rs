//! Dates, reply lags and 解读 linkage on hand-built graphs (issue: decisions that hold on
//! real sites): year-less list dates completed from the linked page, columns whose dates
//! could not be read are warned about and never called stale, years missing from the
//! holiday table are named, and a sidebar listing a document is no linkage.

use super::testgraph::{B, abs, compliant};
use super::*;
use crate::extract::PartialItem;
use crate::i18n::Lang;
use jiff::civil::date;

fn ctx(today: jiff::civil::Date) -> EvalContext {
    EvalContext {
        probes: Vec::new(),
        home_history: Vec::new(),
        today,
        lang: Lang::Zh,
        overrides: SiteOverrides::default(),
        baseline: None,
    }
}

fn run_on(b: &B, today: jiff::civil::Date) -> Vec<CheckResult> {
    let packs = load_packs(&[]).unwrap();
    let mut g = b.g.clone();
    g.reindex();
    evaluate(&g, &packs, &ctx(today))
}

fn get<'a>(r: &'a [CheckResult], id: &str) -> &'a CheckResult {
    r.iter()
        .find(|c| c.id == id)
        .unwrap_or_else(|| panic!("{id} missing"))
}

/// The 公开信箱 list prints its dates without a year.
fn year_less_mailbox(resolvable: bool) -> B {
    let mut b = compliant();
    let xx = b.find("/hdjl/gkxx/");
    let items = std::mem::take(&mut b.p(xx).items);
    b.p(xx).partial_items = items
        .iter()
        .map(|it| PartialItem {
            title: it.title.clone(),
            url: it.url.clone(),
            month: it.date.month(),
            day: it.date.day(),
        })
        .collect();
    if !resolvable {
        for it in items.iter() {
            let p = b.g.find_url(it.url.as_deref().unwrap()).unwrap();
            let i = b.g.pages.iter().position(|x| x.url == p).unwrap();
            b.p(i).published = None;
        }
    }
    b
}

#[test]
fn year_less_list_dates_take_the_year_of_the_linked_page() {
    let b = year_less_mailbox(true);
    let r = run_on(&b, date(2026, 11, 27));
    let p09 = get(&r, "ZW-P09");
    assert_eq!(p09.status, Status::Pass, "{}", p09.message);
    assert!(p09.message.contains("2026-11-13"), "{}", p09.message);
    assert!(
        p09.evidence
            .iter()
            .any(|e| e.url == abs("/hdjl/gkxx/202611/t20261113_1.html")),
        "{:?}",
        p09.evidence
    );
    // half a year later the same list is stale, and the finding says when it was last updated
    let r = run_on(&b, date(2027, 5, 27));
    let p09 = get(&r, "ZW-P09");
    assert_eq!(p09.status, Status::Fail, "{}", p09.message);
    assert!(p09.message.contains("2026-11-13"), "{}", p09.message);
}

#[test]
fn unread_dates_warn_and_are_never_stale() {
    let mut b = year_less_mailbox(false);
    // the message pages give no year either (no PubDate, no dated URL)
    for u in [
        "/hdjl/gkxx/202611/t20261113_1.html",
        "/hdjl/gkxx/202610/t20261013_2.html",
    ] {
        let i = b.find(u);
        b.p(i).meta.clear();
    }
    let r = run_on(&b, date(2026, 11, 27));
    for id in ["ZW-P09", "GOV-D06"] {
        let c = get(&r, id);
        assert_eq!(c.status, Status::Warn, "{id}: {}", c.message);
        assert!(c.message.contains("日期未能读取"), "{id}: {}", c.message);
        assert!(
            c.evidence.iter().any(|e| e.url == abs("/hdjl/gkxx/")),
            "{:?}",
            c.evidence
        );
    }
}

#[test]
fn reply_lags_in_years_the_holiday_table_does_not_cover() {
    // 2027 is not in rules/calendar.toml: 2027-09-30 → 2027-10-08 is 6 working days with
    // weekends only, but 国庆 would take most of them out: undecided, and said so
    let mut b = compliant();
    let xx = b.find("/hdjl/gkxx/");
    b.p(xx).items.clear();
    b.p(xx).links.retain(|_| false);
    b.p(xx).records = vec![
        [
            ("留言摘要", "国庆开放时间"),
            ("受理日期", "2027-09-30"),
            ("答复日期", "2027-10-08"),
            ("答复部门", "区文化旅游委"),
            ("答复内容", "已答复。"),
        ]
        .iter()
        .map(|(l, v)| ((*l).into(), (*v).into()))
        .collect(),
    ];
    let r = run_on(&b, date(2027, 11, 27));
    let p10 = get(&r, "ZW-P10");
    assert_eq!(p10.status, Status::Warn, "{}", p10.message);
    assert!(
        p10.message.contains("2027年法定节假日未知") && p10.message.contains("rules/calendar.toml"),
        "{}",
        p10.message
    );
    // a covered year is decided: 2026-09-30 → 2026-10-09 is 2 working days (国庆, 10-10 调休 after)
    let mut b2 = b.clone();
    b2.p(xx).records[0][1].1 = "2026-09-30".into();
    b2.p(xx).records[0][2].1 = "2026-10-09".into();
    let r = run_on(&b2, date(2026, 11, 27));
    let p10 = get(&r, "ZW-P10");
    assert_eq!(p10.status, Status::Pass, "{}", p10.message);
    assert!(!p10.message.contains("未知"), "{}", p10.message);
}

#[test]
fn a_sidebar_listing_the_document_is_no_linkage() {
    let mut b = compliant();
    let jd = b.find("/zwgk/fdzdgknr/zcjd/wzjd/202610/t20261012_1.html");
    let doc_url = abs("/zwgk/fdzdgknr/zcwj/202610/t20261010_9.html");
    let doc_id = b.g.find_url(&doc_url).unwrap();
    // the interpretation's own link to its document goes; a 热点信息 sidebar with the
    // document stays, shown on an unrelated article page too
    b.p(jd).links.retain(|e| e.to != doc_id);
    b.link(
        jd,
        "关于促进文旅消费的通知",
        "/zwgk/fdzdgknr/zcwj/202610/t20261010_9.html",
    );
    let news = b.find("/xwdt/202611/t20261120_1.html");
    b.link(
        news,
        "关于促进文旅消费的通知",
        "/zwgk/fdzdgknr/zcwj/202610/t20261010_9.html",
    );
    let r = run_on(&b, date(2026, 11, 27));
    let p06 = get(&r, "ZW-P06");
    assert_eq!(p06.status, Status::Fail, "{}", p06.message);
    assert!(p06.message.contains("未链接该文件"), "{}", p06.message);
    let urls: Vec<&str> = p06.evidence.iter().map(|e| e.url.as_str()).collect();
    assert!(
        urls.contains(&abs("/zwgk/fdzdgknr/zcjd/wzjd/202610/t20261012_1.html").as_str()),
        "{urls:?}"
    );
    // labelled 原文链接, the same link counts even though the sidebar shows it too
    let mut b2 = b.clone();
    b2.link(
        jd,
        "原文链接",
        "/zwgk/fdzdgknr/zcwj/202610/t20261010_9.html",
    );
    let r = run_on(&b2, date(2026, 11, 27));
    let p06 = get(&r, "ZW-P06");
    let jd_url = abs("/zwgk/fdzdgknr/zcjd/wzjd/202610/t20261012_1.html");
    assert!(
        p06.evidence
            .iter()
            .any(|e| e.url == jd_url && e.text.starts_with("解读→文件：有链接")),
        "{:?}",
        p06.evidence
    );
    assert!(
        p06.evidence
            .iter()
            .any(|e| e.url == doc_url && e.text.starts_with("文件→解读：有链接")),
        "{:?}",
        p06.evidence
    );
}
