//! Tests of the `reachability` kind, on hand-built graphs through the built-in packs: the
//! compliant site passes, each break fails (or warns when the crawl cannot decide).

use crate::rules::kinds::test_support::*;

#[test]
fn reachability_down_blocked_and_start_failure() {
    let mut b = B::new();
    b.g.stop_reason = Some(StopReason::StartFailed);
    let id = b.g.url_id(&abs("/"));
    b.g.errors.push(crate::model::CrawlError {
        url: id,
        class: ErrorClass::Timeout,
        status: None,
        message: "timed out".into(),
        parent: None,
        via_text: None,
        depth: 0,
    });
    let r = run(&b);
    assert_eq!(r.len(), 44);
    assert_eq!(get(&r, "GOV-V01").status, Status::Fail);
    assert_eq!(
        get(&r, "ZW-P01").status,
        Status::Warn,
        "cannot decide without a home page"
    );
    assert!(get(&r, "ZW-P01").message.contains("首页无法抓取"));
    b.g.errors[0].class = ErrorClass::Blocked;
    let r = run(&b);
    assert_eq!(get(&r, "GOV-V01").status, Status::Warn);
    assert!(get(&r, "GOV-V01").message.contains("防火墙"));
    let mut b = compliant();
    let h = b.find("/");
    b.p(h).elapsed_ms = 16_000;
    assert_eq!(status(&b, "GOV-V01"), Status::Fail);
}
