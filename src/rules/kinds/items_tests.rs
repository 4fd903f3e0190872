//! Tests of the `items` kind, on hand-built graphs through the built-in packs: the
//! compliant site passes, each break fails (or warns when the crawl cannot decide).

use crate::rules::kinds::test_support::*;

#[test]
fn press_interpretations_are_counted_in_the_year_with_the_officials() {
    let b = compliant();
    let r = run(&b);
    let p20 = get(&r, "ZW-P20");
    assert_eq!(p20.status, Status::Pass, "{}", p20.message);
    assert!(
        p20.message.contains("新闻发布形式的政策解读4条"),
        "{}",
        p20.message
    );
    assert!(
        p20.message.contains("有关负责同志带头2条"),
        "{}",
        p20.message
    );
    for day in ["20260112_1", "20260908_2", "20260620_3", "20260315_4"] {
        assert!(
            p20.evidence.iter().any(|e| e.url.contains(day)),
            "{day}: {:?}",
            p20.evidence
        );
    }
    // one led by the 局长 is older than a year: 3 counted, 1 led by an official
    let mut b = compliant();
    let a = b.find("/zwgk/fdzdgknr/zcjd/xwfbh/202601/t20260112_1.html");
    b.p(a).published = Some(date(2025, 10, 1));
    let fb = b.find("/zwgk/fdzdgknr/zcjd/xwfbh/");
    for it in &mut b.p(fb).items {
        if it.url.as_deref().is_some_and(|u| u.contains("t20260112_1")) {
            it.date = date(2025, 10, 1);
        }
    }
    let r = run(&b);
    let p20 = get(&r, "ZW-P20");
    assert_eq!(p20.status, Status::Fail, "{}", p20.message);
    assert!(
        p20.message.contains("新闻发布形式的政策解读3条"),
        "{}",
        p20.message
    );
    assert!(
        p20.message.contains("有关负责同志带头1条"),
        "{}",
        p20.message
    );
    assert!(!p20.evidence.iter().any(|e| e.url.contains("t20260112_1")));
}

#[test]
fn draft_decisions_need_way_period_interpretation_and_the_adoption_report() {
    let draft = "/hdjl/yjzj/202609/t20260901_1.html";
    let mut b = compliant();
    let d = b.find(draft);
    b.p(d).pairs.retain(|(k, _)| k.as_str() != "征求意见时间");
    b.p(d).labels.retain(|l| l.as_str() != "征求意见时间");
    let r = run(&b);
    let p21 = get(&r, "ZW-P21");
    assert_eq!(p21.status, Status::Fail, "{}", p21.message);
    assert!(
        p21.message.contains("缺少“征求意见期限”的1条"),
        "{}",
        p21.message
    );
    assert!(
        p21.evidence
            .iter()
            .any(|e| e.url.ends_with(draft) && e.text.contains("征求意见期限")),
        "{:?}",
        p21.evidence
    );
    // no 起草说明 / 解读 link
    let mut b = compliant();
    let d = b.find(draft);
    let sm = b.g.find_url(&abs("/hdjl/yjzj/202609/qcsm.html")).unwrap();
    b.p(d).links.retain(|e| e.to != sm);
    let p21 = get(&run(&b), "ZW-P21").clone();
    assert_eq!(p21.status, Status::Fail, "{}", p21.message);
    assert!(p21.message.contains("缺少“解读材料”"), "{}", p21.message);
    // the consultation closed on 2026-09-30 and nothing reports on the comments
    let mut b = compliant();
    let fb = "测试市文旅消费券发放工作动态";
    let i = b.find("/hdjl/yjzj/202610/t20261020_2.html");
    b.p(i).meta.insert("articletitle", fb);
    let yj = b.find("/hdjl/yjzj/");
    for it in &mut b.p(yj).items {
        if it.title.contains("采纳") {
            it.title = fb.into();
        }
    }
    let r = run(&b);
    let p21 = get(&r, "ZW-P21");
    assert_eq!(p21.status, Status::Fail, "{}", p21.message);
    assert!(
        p21.message.contains("未找到相应意见采纳情况的1条"),
        "{}",
        p21.message
    );
    // … but on 2026-10-15 the 30 days after the close have not passed yet
    let mut c = ctx();
    c.today = date(2026, 10, 15);
    let p21 = get(&run_with(&b, c), "ZW-P21").clone();
    assert!(
        !p21.message.contains("未找到相应意见采纳情况"),
        "{}",
        p21.message
    );
}

#[test]
fn promised_investigations_are_paired_with_results_or_reported() {
    let mut b = compliant();
    let hy = b.find("/hdjl/hygq/");
    b.article(
        hy,
        "/hdjl/hygq/202608/t20260805_2.html",
        "关于网民反映某景区强制消费问题将依法调查的回应",
        "2026-08-05",
    );
    let r = run(&b);
    let p23 = get(&r, "ZW-P23");
    assert_eq!(p23.status, Status::Warn, "{}", p23.message);
    assert!(
        p23.message.contains("未找到相应调查处理结果的1条"),
        "{}",
        p23.message
    );
    assert!(p23.message.contains("请人工核实"), "{}", p23.message);
    b.article(
        hy,
        "/hdjl/hygq/202609/t20260920_3.html",
        "关于网民反映某景区强制消费问题调查处理结果的通报",
        "2026-09-20",
    );
    let r = run(&b);
    let p23 = get(&r, "ZW-P23");
    assert_eq!(p23.status, Status::Pass, "{}", p23.message);
    assert!(
        p23.evidence
            .iter()
            .any(|e| e.url.ends_with("/hdjl/hygq/202609/t20260920_3.html")),
        "{:?}",
        p23.evidence
    );
    // a column not updated for a year fails
    let mut b = compliant();
    let a = b.find("/hdjl/hygq/202611/t20261101_1.html");
    b.p(a).published = Some(date(2025, 6, 1));
    let hy = b.find("/hdjl/hygq/");
    for it in &mut b.p(hy).items {
        it.date = date(2025, 6, 1);
    }
    assert_eq!(status(&b, "ZW-P23"), Status::Fail);
}
