//! Tests of the `replies` kind, on hand-built graphs through the built-in packs: the
//! compliant site passes, each break fails (or warns when the crawl cannot decide).

use crate::rules::kinds::test_support::*;

#[test]
fn replies_counted_in_working_days_with_holidays() {
    // compliant: asked 2026-09-30, answered 2026-10-13 = 5 working days (国庆 + 10-10 调休)
    assert_eq!(status(&compliant(), "ZW-P10"), Status::Pass);
    let mut b = compliant();
    let m = b.find("/hdjl/gkxx/202610/t20261013_2.html");
    b.p(m).published = Some(date(2026, 10, 14));
    let p10 = get(&run(&b), "ZW-P10").clone();
    assert_eq!(p10.status, Status::Fail, "{}", p10.message);
    assert!(p10.message.contains("用时6个工作日"), "{}", p10.message);
    // unanswered for more than 3 months within the last year → GOV-V05
    let mut b = compliant();
    let m = b.find("/hdjl/gkxx/202610/t20261013_2.html");
    b.p(m).published = None;
    b.p(m).labels = vec!["留言摘要".into(), "留言时间".into()];
    let xx = b.find("/hdjl/gkxx/");
    b.p(xx).items[1].date = date(2026, 7, 1);
    b.p(m).meta.clear();
    let r = run(&b);
    assert_eq!(
        get(&r, "GOV-V05").status,
        Status::Fail,
        "{}",
        get(&r, "GOV-V05").message
    );
    assert!(get(&r, "GOV-V05").message.contains("至今未答复"));
}

fn record(cells: &[(&str, &str)]) -> Vec<(Txt, Txt)> {
    cells
        .iter()
        .map(|(l, v)| ((*l).into(), (*v).into()))
        .collect()
}

/// The 公开信箱 listing as a 留言 table without a link per row.
fn message_table(rows: &[(&str, &str, &str)]) -> B {
    let mut b = compliant();
    let xx = b.find("/hdjl/gkxx/");
    b.p(xx).items.clear();
    b.p(xx).labels.clear();
    let details: Vec<u32> = [
        "/hdjl/gkxx/202611/t20261113_1.html",
        "/hdjl/gkxx/202610/t20261013_2.html",
    ]
    .iter()
    .map(|u| b.g.find_url(&abs(u)).unwrap())
    .collect();
    b.p(xx).links.retain(|e| !details.contains(&e.to));
    b.p(xx).records = rows
        .iter()
        .map(|(title, asked, answered)| {
            record(&[
                ("留言摘要", title),
                ("受理日期", asked),
                ("答复日期", answered),
                ("答复部门", "区文化旅游委"),
                (
                    "答复内容",
                    if answered.is_empty() {
                        ""
                    } else {
                        "已答复。"
                    },
                ),
            ])
        })
        .collect();
    b
}

#[test]
fn replies_fields_and_freshness_from_a_message_table() {
    let b = message_table(&[
        ("景区门票咨询", "2026-11-18", "2026-11-20"),
        ("停车场收费", "2026-11-02", "2026-11-12"),
        ("博物馆开放时间", "2026-07-01", ""),
        ("咨询事项", "2026-06-01", "办理中"),
    ]);
    let r = run(&b);
    let p10 = get(&r, "ZW-P10");
    assert_eq!(p10.status, Status::Fail, "{}", p10.message);
    assert!(
        p10.message.contains("抽查4条留言，3条超过5个工作日")
            && p10
                .message
                .contains("《停车场收费》2026-11-02受理、2026-11-12答复，用时8个工作日")
            && p10
                .message
                .contains("《博物馆开放时间》2026-07-01受理，至今未答复"),
        "{}",
        p10.message
    );
    let v05 = get(&r, "GOV-V05");
    assert_eq!(v05.status, Status::Fail, "{}", v05.message);
    assert!(v05.message.contains("2条超过92天"), "{}", v05.message);
    for id in ["ZW-P09", "GOV-D06"] {
        let c = get(&r, id);
        assert_eq!(c.status, Status::Pass, "{id}: {}", c.message);
        assert!(
            c.message.contains("2026-11-20《景区门票咨询》"),
            "{}",
            c.message
        );
    }
    assert!(!get(&r, "GOV-V04").message.contains("公开信箱"));
    // all answered in time, but nothing new for two months → GOV-D06 stale, ZW-P09 stale
    let b = message_table(&[("景区门票咨询", "2026-09-01", "2026-09-02")]);
    let r = run(&b);
    assert_eq!(get(&r, "ZW-P10").status, Status::Pass);
    assert_eq!(get(&r, "GOV-V05").status, Status::Pass);
    assert_eq!(get(&r, "GOV-D06").status, Status::Fail);
    assert_eq!(get(&r, "ZW-P09").status, Status::Fail);
    // a reply cell without a date that does not say it is pending: no decision on that row
    let b = message_table(&[("景区门票咨询", "2026-11-18", "已答复")]);
    assert_eq!(status(&b, "ZW-P10"), Status::Warn);
}

#[test]
fn replies_from_label_value_pairs_on_message_pages() {
    let mut b = compliant();
    let m = b.find("/hdjl/gkxx/202610/t20261013_2.html");
    b.p(m).labels.clear();
    b.p(m).pairs = record(&[
        ("留言时间", "2026-09-30 10:21"),
        ("答复时间", "2026-10-16"),
        ("答复单位", "区文化旅游委"),
    ]);
    let p10 = get(&run(&b), "ZW-P10").clone();
    assert_eq!(p10.status, Status::Fail, "{}", p10.message);
    assert!(p10.message.contains("用时8个工作日"), "{}", p10.message);
    // the reply labels count as fields of the message page
    let f = b.find("/hdjl/gkxx/202611/t20261113_1.html");
    b.p(f).labels.clear();
    b.p(f).pairs = record(&[
        ("留言摘要", "门票"),
        ("留言时间", "2026-11-10"),
        ("答复时间", "2026-11-13"),
        ("答复单位", "区文化旅游委"),
        ("答复内容", "已答复"),
    ]);
    let xx = b.find("/hdjl/gkxx/");
    b.p(xx).labels.clear();
    b.p(m).pairs.push(("答复内容".into(), "已答复".into()));
    b.p(m).pairs.insert(0, ("留言摘要".into(), "门票".into()));
    assert_eq!(status(&b, "ZW-P09"), Status::Pass);
    // several messages on one page, one without a reply date while others have one
    let mut b = compliant();
    let m = b.find("/hdjl/gkxx/202610/t20261013_2.html");
    b.p(m).pairs = record(&[
        ("来信标题", "门票"),
        ("来信时间", "2026-06-01"),
        ("来信标题", "停车"),
        ("来信时间", "2026-11-02"),
        ("回复时间", "2026-11-03"),
    ]);
    let r = run(&b);
    let v05 = get(&r, "GOV-V05");
    assert_eq!(v05.status, Status::Fail, "{}", v05.message);
    assert!(
        v05.message.contains("2026-06-01受理，至今未答复"),
        "{}",
        v05.message
    );
}
