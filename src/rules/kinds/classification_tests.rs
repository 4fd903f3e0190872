//! Tests of the `classification` kind, on hand-built graphs through the built-in packs: the
//! compliant site passes, each break fails (or warns when the crawl cannot decide).

use crate::rules::kinds::test_support::*;

#[test]
fn classification_needs_both_classes() {
    let mut b = compliant();
    unlink(&mut b, "/zwgk/fdzdgknr/lzyj/gfxwj/fzhsx/");
    let p12 = get(&run(&b), "ZW-P12").clone();
    assert_eq!(p12.status, Status::Fail);
    assert!(p12.message.contains("未见：失效/废止"), "{}", p12.message);
}
