//! Tests of the `outline` kind, on hand-built graphs through the built-in packs: the
//! compliant site passes, each break fails (or warns when the crawl cannot decide).

use crate::rules::kinds::test_support::*;

#[test]
fn outline_eight_aspects_and_annual_report_format() {
    let mut b = compliant();
    let jd = b.find("/zwgk/fdzdgknr/zcjd/wzjd/202610/t20261012_1.html");
    b.p(jd).headings.truncate(5);
    let p07 = get(&run(&b), "ZW-P07").clone();
    assert_eq!(p07.status, Status::Fail);
    assert!(
        p07.message.contains("5/8") && p07.message.contains("新旧文件差异对比"),
        "{}",
        p07.message
    );
    let mut b = compliant();
    let r = b.find("/zwgk/zfxxgknb/202601/t20260120_1.html");
    b.p(r).labels.push("本年新制作数量".into());
    let p18 = get(&run(&b), "ZW-P18").clone();
    assert_eq!(p18.status, Status::Fail);
    assert!(p18.message.contains("旧格式"), "{}", p18.message);
}
