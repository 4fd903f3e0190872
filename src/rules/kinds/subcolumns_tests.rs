//! Tests of the `subcolumns` kind, on hand-built graphs through the built-in packs: the
//! compliant site passes, each break fails (or warns when the crawl cannot decide).

use crate::rules::kinds::test_support::*;

#[test]
fn subcolumns_need_all_three_nonempty() {
    let mut b = compliant();
    unlink(&mut b, "/zwgk/fdzdgknr/zcjd/spjd/");
    let r = run(&b);
    let p05 = get(&r, "ZW-P05");
    assert_eq!(p05.status, Status::Fail);
    assert!(p05.message.contains("缺少：视频解读"), "{}", p05.message);
    // present but empty
    let mut b = compliant();
    let tp = b.find("/zwgk/fdzdgknr/zcjd/tpjd/");
    b.p(tp).items.clear();
    b.p(tp).links.retain(|_| false);
    let p05 = get(&run(&b), "ZW-P05").clone();
    assert_eq!(p05.status, Status::Fail);
    assert!(p05.message.contains("空白：图片解读"), "{}", p05.message);
}

#[test]
fn disclosure_column_needs_its_five_parts_and_a_complete_guide() {
    let mut b = compliant();
    let zwgk = b.find("/zwgk/");
    let zd = b.g.find_url(&abs("/zwgk/zfxxgkzd/")).unwrap();
    b.p(zwgk).links.retain(|e| e.to != zd);
    // not linked, and no page's breadcrumb puts it under 政务公开 either (a column reached
    // only from elsewhere but filed under 政务公开 counts: see the breadcrumb test below)
    let zd_page = b.find("/zwgk/zfxxgkzd/");
    b.p(zd_page).breadcrumb.clear();
    let r = run(&b);
    let p25 = get(&r, "ZW-P25");
    assert_eq!(p25.status, Status::Fail, "{}", p25.message);
    assert!(
        p25.message.contains("缺少：政府信息公开制度"),
        "{}",
        p25.message
    );
    // the guide without its procedure: the guide article is named
    let mut b = compliant();
    let g = b.find("/zwgk/zfxxgkzn/202601/t20260110_1.html");
    b.p(g).headings = vec!["一、受理机构".into()];
    let r = run(&b);
    let p25 = get(&r, "ZW-P25");
    assert_eq!(p25.status, Status::Fail, "{}", p25.message);
    assert!(p25.message.contains("缺少：办理流程"), "{}", p25.message);
    assert!(
        p25.evidence.iter().any(
            |e| e.url.ends_with("/zwgk/zfxxgkzn/202601/t20260110_1.html")
                && e.text.contains("办理流程")
        ),
        "{:?}",
        p25.evidence
    );
    // linked from nowhere under 政务公开, but its own breadcrumb files it there: present
    let mut b = compliant();
    let zwgk = b.find("/zwgk/");
    let zd = b.g.find_url(&abs("/zwgk/zfxxgkzd/")).unwrap();
    b.p(zwgk).links.retain(|e| e.to != zd);
    let p25 = get(&run(&b), "ZW-P25").clone();
    assert!(
        p25.message.contains("政府信息公开制度（政府信息公开制度）"),
        "{}",
        p25.message
    );
    // 依申请公开 without guide or procedure
    let mut b = compliant();
    let ys = b.find("/zwgk/ysqgk/");
    b.p(ys).headings.clear();
    assert_eq!(status(&b, "ZW-P25"), Status::Fail);
}

#[test]
fn grassroots_catalogue_applies_to_districts_and_needs_its_pilot_area() {
    let mut c = ctx();
    c.overrides.kind = Some("区县".into());
    let mut b = compliant();
    let p26 = get(&run_with(&b, c.clone()), "ZW-P26").clone();
    assert_eq!(p26.status, Status::Fail, "{}", p26.message);
    let fd = b.find("/zwgk/fdzdgknr/");
    b.link(fd, "基层政务公开", "/zwgk/fdzdgknr/jczwgk/");
    let jc = crate::rules::testgraph::column_page(
        &mut b,
        "/zwgk/fdzdgknr/jczwgk/",
        3,
        "基层政务公开",
        &["政务公开", "法定主动公开内容", "基层政务公开"],
    );
    b.link(jc, "义务教育", "/zwgk/fdzdgknr/jczwgk/ywjy/");
    let r = run_with(&b, c.clone());
    let p26 = get(&r, "ZW-P26");
    assert_eq!(p26.status, Status::Fail, "{}", p26.message);
    assert!(
        p26.message.contains("缺少：公共文化服务"),
        "{}",
        p26.message
    );
    b.link(jc, "公共文化服务", "/zwgk/fdzdgknr/jczwgk/ggwh/");
    let gw = crate::rules::testgraph::column_page(
        &mut b,
        "/zwgk/fdzdgknr/jczwgk/ggwh/",
        4,
        "公共文化服务",
        &["政务公开", "基层政务公开", "公共文化服务"],
    );
    b.article(
        gw,
        "/zwgk/fdzdgknr/jczwgk/ggwh/202607/t20260720_1.html",
        "公共文化服务领域基层政务公开标准目录",
        "2026-07-20",
    );
    let r = run_with(&b, c);
    let p26 = get(&r, "ZW-P26");
    assert_eq!(p26.status, Status::Pass, "{}", p26.message);
    assert!(
        p26.evidence
            .iter()
            .any(|e| e.url.ends_with("/zwgk/fdzdgknr/jczwgk/ggwh/")),
        "{:?}",
        p26.evidence
    );
}
