//! Tests of the `links` kind, on hand-built graphs through the built-in packs: the
//! compliant site passes, each break fails (or warns when the crawl cannot decide).

use crate::rules::kinds::test_support::*;

#[test]
fn broken_links_weighted_and_capped() {
    let mut b = compliant();
    let home = b.find("/");
    let other = b.find("/zwgk/");
    b.link(home, "坏链接", "/bad1.html");
    b.error("/bad1.html", ErrorClass::NotFound, home);
    for n in 0..3 {
        b.link(other, "坏", &format!("/bad-o{n}.html"));
        b.error(&format!("/bad-o{n}.html"), ErrorClass::NotFound, other);
    }
    b.link(other, "被拦截", "/waf.html");
    b.error("/waf.html", ErrorClass::Blocked, other);
    let r = run(&b);
    let d01 = get(&r, "GOV-D01");
    assert_eq!(d01.status, Status::Fail);
    assert_eq!(d01.deduction, Some(0.5), "0.2 + 3 × 0.1: {}", d01.message);
    assert!(
        d01.message.contains("首页1个")
            && d01.message.contains("未经逐个验证")
            && d01.message.contains("被拦截"),
        "{}",
        d01.message
    );
    for n in 3..12 {
        b.link(other, "坏", &format!("/bad-o{n}.html"));
        b.error(&format!("/bad-o{n}.html"), ErrorClass::NotFound, other);
    }
    let r = run(&b);
    assert_eq!(get(&r, "GOV-D01").deduction, Some(1.0), "capped");
    let v = verdict(&r, &load_packs(&[]).unwrap());
    assert!(
        v.deduction_items
            .iter()
            .any(|(id, d)| id == "GOV-D01" && *d == 1.0)
    );
    assert!(v.partial_note.contains("GOV-D01"));
}
