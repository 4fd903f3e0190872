//! Tests of the `contact` kind, on hand-built graphs through the built-in packs: the
//! compliant site passes, each break fails (or warns when the crawl cannot decide).

use crate::rules::kinds::test_support::*;

#[test]
fn contact_phone_as_text_and_labelled_complaint_line() {
    let mut b = compliant();
    let lx = b.find("/zwgk/fdzdgknr/jgjj/lxwm/");
    b.p(lx).phones.clear();
    let lx2 = b.find("/lxwm.html");
    b.p(lx2).phones.clear();
    let r = run(&b);
    assert_eq!(
        get(&r, "ZW-P08").status,
        Status::Fail,
        "{}",
        get(&r, "ZW-P08").message
    );
    assert_eq!(get(&r, "ZW-P17").status, Status::Fail);
    let mut b = compliant();
    let lx = b.find("/zwgk/fdzdgknr/jgjj/lxwm/");
    b.p(lx)
        .phones
        .retain(|p| p.label.as_deref() != Some("投诉举报电话"));
    let p17 = get(&run(&b), "ZW-P17").clone();
    assert_eq!(p17.status, Status::Fail);
    assert!(p17.message.contains("未标注"), "{}", p17.message);
}
