//! Tests of the `linkage` kind, on hand-built graphs through the built-in packs: the
//! compliant site passes, each break fails (or warns when the crawl cannot decide).

use crate::rules::kinds::test_support::*;

#[test]
fn linkage_both_ways() {
    let mut b = compliant();
    let doc = b.find("/zwgk/fdzdgknr/zcwj/202610/t20261010_9.html");
    b.p(doc).links.retain(|_| false);
    let p06 = get(&run(&b), "ZW-P06").clone();
    assert_eq!(p06.status, Status::Fail);
    assert!(p06.message.contains("未链接回解读"), "{}", p06.message);
}
