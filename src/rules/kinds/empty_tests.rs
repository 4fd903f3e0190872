//! Tests of the `empty` kind, on hand-built graphs through the built-in packs: the
//! compliant site passes, each break fails (or warns when the crawl cannot decide).

use crate::rules::kinds::test_support::*;

#[test]
fn blank_columns_counted_and_explained_ones_apart() {
    let mut b = compliant();
    let home = b.find("/");
    for n in 0..5 {
        let u = format!("/kong{n}/");
        b.link(home, &format!("空栏目{n}"), &u);
        let c = b.page(&u, 1, &format!("空栏目{n}"));
        b.p(c).text_chars = 300;
        b.p(c).links.clear();
        if n == 4 {
            b.p(c).empty_note = true;
        }
    }
    let v04 = get(&run(&b), "GOV-V04").clone();
    assert_eq!(
        v04.status,
        Status::Pass,
        "4 blank + 1 explained: {}",
        v04.message
    );
    assert!(
        v04.message.contains("空白栏目4个") && v04.message.contains("暂无信息”的栏目1个"),
        "{}",
        v04.message
    );
    let c = b.find("/kong4/");
    b.p(c).empty_note = false;
    assert_eq!(status(&b, "GOV-V04"), Status::Fail);
}

#[test]
fn query_variants_and_calendar_pages_are_one_column_at_most() {
    let mut b = compliant();
    let home = b.find("/");
    for n in 1..=8 {
        let u = format!("/hdjl/rl/?d=2026-11-{n:02}");
        b.link(home, "活动日历", &u);
        let c = b.page(&u, 1, "活动日历");
        b.p(c).links.clear();
    }
    for n in 1..=6 {
        let u = format!("/kong/index.html?page={n}");
        b.link(home, "空栏目", &u);
        let c = b.page(&u, 1, "空栏目");
        b.p(c).links.clear();
    }
    let v04 = get(&run(&b), "GOV-V04").clone();
    assert_eq!(v04.status, Status::Pass, "{}", v04.message);
    assert!(v04.message.contains("空白栏目1个"), "{}", v04.message);
    assert!(!v04.message.contains("活动日历"), "{}", v04.message);
    // column ids in the query keep columns apart
    assert_ne!(
        site::column_key(&abs("/list/index.jsp?channelId=1&page=2")),
        site::column_key(&abs("/list/index.jsp?channelId=2"))
    );
    assert_eq!(
        site::column_key(&abs("/kong/index.html?page=3")),
        site::column_key(&abs("/kong/"))
    );
    assert!(site::calendar_variant(&abs("/hdjl/rl/?d=2026-11-01")));
    assert!(site::calendar_variant(&abs(
        "/rili/index.html?date=20261101"
    )));
    assert!(!site::calendar_variant(&abs(
        "/list/index.jsp?channelId=12"
    )));
}
