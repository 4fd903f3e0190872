//! Tests of the `fields` kind, on hand-built graphs through the built-in packs: the
//! compliant site passes, each break fails (or warns when the crawl cannot decide).

use crate::rules::kinds::test_support::*;

#[test]
fn fields_on_listing_or_items() {
    let mut b = compliant();
    let gq = b.find("/zwgk/fdzdgknr/ggqsydw/");
    b.p(gq)
        .labels
        .retain(|l| l != "服务区域" && l != "办公时间");
    let r = run(&b);
    let p16 = get(&r, "ZW-P16");
    assert_eq!(p16.status, Status::Fail);
    assert!(
        p16.message.contains("服务区域、办公时间"),
        "{}",
        p16.message
    );
    // the fields on every item page are enough
    let a = b.find("/zwgk/fdzdgknr/ggqsydw/202606/t20260601_1.html");
    b.p(a).labels = vec!["服务范围".into(), "开放时间".into()];
    assert_eq!(status(&b, "ZW-P16"), Status::Pass);
}

#[test]
fn policy_enquiries_need_a_channel_and_question_answer_entries() {
    let mut b = compliant();
    for n in [1, 2] {
        let day = if n == 1 { "20261105" } else { "20261020" };
        let a = b.find(&format!("/hdjl/zcwd/202611/t{day}_{n}.html"));
        b.p(a).headings = vec!["问题：".into()];
    }
    let r = run(&b);
    let p22 = get(&r, "ZW-P22");
    assert_eq!(p22.status, Status::Fail, "{}", p22.message);
    assert!(p22.message.contains("缺少：解答"), "{}", p22.message);
    // without a 咨询 channel the library alone does not do
    let mut b = compliant();
    unlink(&mut b, "/hdjl/zczx/");
    let r = run(&b);
    let p22 = get(&r, "ZW-P22");
    assert_eq!(p22.status, Status::Fail, "{}", p22.message);
    assert!(p22.message.contains("政策咨询"), "{}", p22.message);
}

#[test]
fn a_qa_column_titled_with_both_words_is_not_its_own_entries() {
    // 常见问题解答 as the column's heading names 问题 and 解答 but lists nothing
    let mut b = compliant();
    let wd = b.find("/hdjl/zcwd/");
    b.p(wd).headings = vec!["常见问题解答".into()];
    b.p(wd).meta.insert("columnname", "常见问题解答");
    b.p(wd).items.clear();
    b.p(wd).links.retain(|_| false);
    let r = run(&b);
    let p22 = get(&r, "ZW-P22");
    assert_eq!(p22.status, Status::Fail, "{}", p22.message);
}
