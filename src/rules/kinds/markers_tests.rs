//! Tests of the `markers` kind, on hand-built graphs through the built-in packs: the
//! compliant site passes, each break fails (or warns when the crawl cannot decide).

use crate::rules::kinds::test_support::*;

#[test]
fn markers_footer_and_page_tags() {
    let mut b = compliant();
    let home = b.find("/");
    b.p(home).markers.icp = None;
    b.p(home).markers.jiucuo = false;
    let r = run(&b);
    let d02 = get(&r, "GOV-D02");
    assert_eq!(d02.status, Status::Fail);
    assert!(d02.message.contains("ICP备案编号"), "{}", d02.message);
    assert_eq!(d02.deduction, Some(0.5));
    assert_eq!(get(&r, "GOV-D03").deduction, Some(1.0));
    let mut b = compliant();
    for p in &mut b.g.pages {
        p.meta.remove("pubdate");
    }
    let d05 = get(&run(&b), "GOV-D05").clone();
    assert_eq!(d05.status, Status::Fail);
    assert!(d05.message.contains("PubDate"), "{}", d05.message);
    let mut b = compliant();
    let home = b.find("/");
    b.p(home).markers.viewport = false;
    assert_eq!(status(&b, "ZW-P19"), Status::Fail);
    b.p(home).markers.mobile_version = true;
    assert_eq!(status(&b, "ZW-P19"), Status::Pass);
}
