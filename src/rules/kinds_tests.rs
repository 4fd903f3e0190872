//! Every check kind on hand-built graphs: the compliant site passes, each break fails (or
//! warns when the crawl cannot decide). Evaluated through the built-in packs, so the rule
//! data is tested together with the code.

use super::testgraph::{B, abs, compliant};
use super::*;
use crate::i18n::Lang;
use crate::model::{ErrorClass, StopReason, Verified, VerifyOutcome};
use crate::model::{MediaKind, Txt};
use jiff::civil::date;

fn ctx() -> EvalContext {
    EvalContext {
        probes: Vec::new(),
        home_history: Vec::new(),
        today: date(2026, 11, 27),
        lang: Lang::Zh,
        overrides: SiteOverrides::default(),
        baseline: None,
    }
}

fn run(b: &B) -> Vec<CheckResult> {
    run_with(b, ctx())
}

fn run_with(b: &B, c: EvalContext) -> Vec<CheckResult> {
    let packs = load_packs(&[]).unwrap();
    let mut g = b.g.clone();
    g.reindex();
    evaluate(&g, &packs, &c)
}

fn get<'a>(r: &'a [CheckResult], id: &str) -> &'a CheckResult {
    r.iter()
        .find(|c| c.id == id)
        .unwrap_or_else(|| panic!("{id} missing"))
}

fn status(b: &B, id: &str) -> Status {
    get(&run(b), id).status
}

/// Remove every link to `path` from all pages (the column disappears from navigation).
fn unlink(b: &mut B, path: &str) {
    let id = b.g.find_url(&abs(path)).unwrap();
    for p in &mut b.g.pages {
        p.links.retain(|e| e.to != id);
    }
}

#[test]
fn compliant_site_passes_everything_measurable() {
    let r = run(&compliant());
    assert_eq!(r.len(), 44, "every check exactly once");
    let mut ids: Vec<&str> = r.iter().map(|c| c.id.as_str()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 44);
    for c in &r {
        let expected = match c.id.as_str() {
            "GOV-I01" => Status::Warn, // served over http: certificate not checked
            "ZW-M01" => Status::Warn,  // media not verified in this graph
            // 政府公报 applies to 部门 sites too (the seed list is a department's, #17);
            // this graph has no 政府公报 column
            "ZW-P14" => Status::Fail,
            // 基层政务公开 is a 区县 duty; this is a 部门 site
            "ZW-P26" => Status::NotApplicable,
            _ => Status::Pass,
        };
        assert_eq!(c.status, expected, "{}: {}", c.id, c.message);
    }
}

#[test]
fn path_finds_odd_names_and_slugs_and_reports_the_chain() {
    let mut b = compliant();
    // rename 预算/决算 to 财政资金 and drop its breadcrumb/ColumnName: still found by alias
    let fd = b.find("/zwgk/fdzdgknr/");
    let ys = b.g.find_url(&abs("/zwgk/fdzdgknr/czyjs/")).unwrap();
    let t = b.g.text_id("财政资金");
    b.p(fd).links.for_each_mut(|e| {
        if e.to == ys {
            e.text = t
        }
    });
    let r = run(&b);
    let p01 = get(&r, "ZW-P01");
    assert_eq!(p01.status, Status::Pass, "{}", p01.message);
    assert!(
        p01.message.contains("财政资金") && p01.message.contains("点击深度3"),
        "{}",
        p01.message
    );
    assert_eq!(p01.evidence[0].path.len(), 3);
    assert_eq!(p01.evidence[0].path[2].text, "财政资金");
    // anchor text meaningless, breadcrumb gone: the slug `czyjs` still identifies it
    let t = b.g.text_id("栏目三");
    b.p(fd).links.for_each_mut(|e| {
        if e.to == ys {
            e.text = t
        }
    });
    let i = b.find("/zwgk/fdzdgknr/czyjs/");
    b.p(i).breadcrumb.clear();
    b.p(i).meta.clear();
    b.p(i).title = None;
    assert_eq!(status(&b, "ZW-P01"), Status::Pass);
}

#[test]
fn path_missing_fails_with_partial_chain_and_warns_when_crawl_was_cut() {
    let mut b = compliant();
    unlink(&mut b, "/zwgk/fdzdgknr/czyjs/");
    let r = run(&b);
    let p01 = get(&r, "ZW-P01");
    assert_eq!(p01.status, Status::Fail);
    assert!(
        p01.message.contains("最接近的路径") && p01.message.contains("法定主动公开内容"),
        "{}",
        p01.message
    );
    // how to fix travels beside the message, not inside it
    assert!(!p01.message.contains("整改建议"), "{}", p01.message);
    assert!(p01.fix.contains("预算/决算"), "{}", p01.fix);
    assert!(p01.is_path());
    assert!(
        p01.message_with_fix(crate::i18n::Lang::Zh)
            .ends_with(&format!("。整改建议：{}", p01.fix))
    );
    assert_eq!(get(&r, "ZW-P02").status, Status::Fail);
    // cut by the page budget, but every link the search would follow was fetched: the
    // absence is decided
    b.g.stop_reason = Some(StopReason::PageBudget);
    let r = run(&b);
    assert_eq!(get(&r, "ZW-P01").status, Status::Fail);
    // a link under 法定主动公开内容 the budget left unfetched: cannot tell
    let i = b.find("/zwgk/fdzdgknr/");
    b.link(i, "财务信息", "/zwgk/fdzdgknr/cwxx/");
    let id =
        b.g.find_url(&super::testgraph::abs("/zwgk/fdzdgknr/cwxx/"))
            .unwrap();
    b.g.not_checked.push(crate::model::NotChecked {
        url: id,
        stage: "crawl".into(),
        reason: StopReason::PageBudget,
    });
    b.g.stats.unvisited = 1;
    let r = run(&b);
    assert_eq!(get(&r, "ZW-P01").status, Status::Warn);
    assert!(get(&r, "ZW-P01").message.contains("max-pages"));
    assert_eq!(get(&r, "ZW-P01").decided_after_requests, None);
}

#[test]
fn path_warns_when_the_matching_link_was_blocked() {
    let mut b = compliant();
    let i = b.find("/zwgk/fdzdgknr/czyjs/");
    b.g.pages.remove(i);
    b.g.reindex();
    let fd = b.find("/zwgk/fdzdgknr/");
    b.error("/zwgk/fdzdgknr/czyjs/", ErrorClass::Blocked, fd);
    let r = run(&b);
    let p01 = get(&r, "ZW-P01");
    assert_eq!(p01.status, Status::Warn, "{}", p01.message);
    assert!(p01.message.contains("Blocked"), "{}", p01.message);
}

#[test]
fn pinned_column_from_overrides_wins() {
    let mut b = compliant();
    unlink(&mut b, "/zwgk/fdzdgknr/czyjs/");
    let o = load_overrides(
        "[site.\"wlj.test.gov.cn\".columns]\n预算决算 = \"/zwgk/fdzdgknr/czyjs/\"\n",
        "wlj.test.gov.cn",
    )
    .unwrap();
    let r = run_with(
        &b,
        EvalContext {
            probes: Vec::new(),
            home_history: Vec::new(),
            overrides: o,
            ..ctx()
        },
    );
    let p01 = get(&r, "ZW-P01");
    assert_eq!(p01.status, Status::Pass, "{}", p01.message);
    assert!(p01.message.contains("站点配置指定"));
}

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
fn fields_on_listing_or_items() {
    let mut b = compliant();
    let gq = b.find("/zwgk/fdzdgknr/ggqsydw/");
    b.p(gq)
        .labels
        .retain(|l| l != "服务区域" && l != "办公时间");
    let r = run(&b);
    let p16 = get(&r, "ZW-P16");
    assert_eq!(p16.status, Status::Fail);
    assert!(
        p16.message.contains("服务区域、办公时间"),
        "{}",
        p16.message
    );
    // the fields on every item page are enough
    let a = b.find("/zwgk/fdzdgknr/ggqsydw/202606/t20260601_1.html");
    b.p(a).labels = vec!["服务范围".into(), "开放时间".into()];
    assert_eq!(status(&b, "ZW-P16"), Status::Pass);
}

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

#[test]
fn freshness_window_and_undated_items() {
    let mut b = compliant();
    let xx = b.find("/hdjl/gkxx/");
    for it in &mut b.p(xx).items {
        it.date = date(2026, 8, 1);
    }
    for p in &mut b.g.pages {
        if p.published.is_some_and(|d| d > date(2026, 10, 1)) {
            p.published = Some(date(2026, 8, 2));
        }
    }
    let r = run(&b);
    let p09 = get(&r, "ZW-P09");
    assert_eq!(p09.status, Status::Fail, "{}", p09.message);
    assert!(p09.message.contains("31天"), "{}", p09.message);
    assert_eq!(get(&r, "GOV-D06").status, Status::Fail);
    assert_eq!(get(&r, "GOV-D06").deduction, Some(3.0));
}

#[test]
fn year_rules_with_deadlines() {
    let mut b = compliant();
    let ys = b.find("/zwgk/fdzdgknr/czyjs/");
    b.p(ys).items.retain(|i| !i.title.contains("决算"));
    let id =
        b.g.find_url(&abs("/zwgk/fdzdgknr/czyjs/202508/t20250828_2.html"))
            .unwrap();
    b.p(ys).links.retain(|e| e.to != id);
    let r = run(&b);
    let p02 = get(&r, "ZW-P02");
    assert_eq!(p02.status, Status::Fail);
    assert!(
        p02.message.contains("上一年度决算（2025年）"),
        "{}",
        p02.message
    );
    // before the budget deadline, last year's budget is what is required
    let early = EvalContext {
        probes: Vec::new(),
        home_history: Vec::new(),
        today: date(2026, 2, 10),
        ..ctx()
    };
    let r = run_with(&compliant(), early);
    let p02 = get(&r, "ZW-P02");
    assert!(
        p02.message.contains("本年度预算（2025年）"),
        "{}",
        p02.message
    );
    // a 年报 published after 31 January is late
    let mut b = compliant();
    let nb = b.find("/zwgk/zfxxgknb/");
    b.p(nb).items[0].date = date(2026, 2, 20);
    let p18 = get(&run(&b), "ZW-P18").clone();
    assert_eq!(p18.status, Status::Fail);
    assert!(
        p18.message.contains("晚于期限2026-01-31"),
        "{}",
        p18.message
    );
}

#[test]
fn home_freshness_two_weeks() {
    let mut b = compliant();
    let home = b.find("/");
    b.p(home).items[0].date = date(2026, 11, 1);
    let xw = b.find("/xwdt/202611/t20261120_1.html");
    b.p(xw).published = Some(date(2026, 11, 1));
    let v02 = get(&run(&b), "GOV-V02").clone();
    assert_eq!(v02.status, Status::Fail, "{}", v02.message);
    assert!(v02.message.contains("14天内无更新"));
}

#[test]
fn home_unchanged_across_runs_for_two_weeks_is_not_updated() {
    let b = compliant();
    assert_eq!(get(&run(&b), "GOV-V02").status, Status::Pass);
    let home = b.find("/");
    let hash = b.g.pages[home].text_hash;
    let ago = |days: i64| {
        jiff::Timestamp::now()
            .checked_sub(jiff::SignedDuration::from_hours(24 * days))
            .unwrap()
    };
    // the same home page in every run of the last 20 days: dates or not, nothing changed
    let same = EvalContext {
        home_history: vec![(ago(30), hash ^ 1), (ago(20), hash), (ago(10), hash)],
        ..ctx()
    };
    let v02 = get(&run_with(&b, same), "GOV-V02").clone();
    assert_eq!(v02.status, Status::Fail, "{}", v02.message);
    assert!(v02.message.contains("未发生任何变化"), "{}", v02.message);
    // it changed 5 days ago: the dates decide
    let changed = EvalContext {
        home_history: vec![(ago(20), hash ^ 1), (ago(5), hash)],
        ..ctx()
    };
    assert_eq!(get(&run_with(&b, changed), "GOV-V02").status, Status::Pass);
}

#[test]
fn stale_columns_by_class_veto_at_five() {
    let mut b = compliant();
    for n in 0..5 {
        let u = format!("/dt{n}/");
        let home = b.find("/");
        b.link(home, &format!("工作动态{n}"), &u);
        let c = b.page(&u, 1, &format!("工作动态{n}"));
        b.item(
            c,
            "旧闻",
            &format!("{u}201901/t20190101_1.html"),
            "2019-01-01",
        );
    }
    let v03 = get(&run(&b), "GOV-V03").clone();
    assert_eq!(v03.status, Status::Fail, "{}", v03.message);
    assert!(
        v03.message.contains("工作动态4（动态要闻，2019-01-01）"),
        "{}",
        v03.message
    );
    let v = verdict(&run(&b), &load_packs(&[]).unwrap());
    assert!(v.vetoes.contains(&"GOV-V03".to_string()) && !v.qualified);
}

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
fn classification_needs_both_classes() {
    let mut b = compliant();
    unlink(&mut b, "/zwgk/fdzdgknr/lzyj/gfxwj/fzhsx/");
    let p12 = get(&run(&b), "ZW-P12").clone();
    assert_eq!(p12.status, Status::Fail);
    assert!(p12.message.contains("未见：失效/废止"), "{}", p12.message);
}

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

#[test]
fn linkage_both_ways() {
    let mut b = compliant();
    let doc = b.find("/zwgk/fdzdgknr/zcwj/202610/t20261010_9.html");
    b.p(doc).links.retain(|_| false);
    let p06 = get(&run(&b), "ZW-P06").clone();
    assert_eq!(p06.status, Status::Fail);
    assert!(p06.message.contains("未链接回解读"), "{}", p06.message);
}

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

#[test]
fn media_verified_flash_and_unverified() {
    let mut b = compliant();
    for p in [
        "/zwgk/fdzdgknr/zcjd/tpjd/202610/W1.png",
        "/zwgk/fdzdgknr/zcjd/spjd/202610/W2.mp4",
    ] {
        let url = b.g.url_id(&abs(p));
        b.g.verified.push(Verified {
            url,
            outcome: VerifyOutcome::Ok,
            status: Some(200),
            content_type: None,
            detail: String::new(),
            bytes_read: 10,
        });
    }
    assert_eq!(status(&b, "ZW-M01"), Status::Pass);
    b.g.verified[1].outcome = VerifyOutcome::WrongType;
    let m01 = get(&run(&b), "ZW-M01").clone();
    assert_eq!(m01.status, Status::Fail);
    assert!(m01.evidence[0].url.ends_with("W2.mp4"));
    let mut b = compliant();
    let a = b.find("/zwgk/fdzdgknr/zcjd/spjd/202610/t20261014_3.html");
    b.media(a, "/old/player.swf", MediaKind::Flash);
    let m01 = get(&run(&b), "ZW-M01").clone();
    assert_eq!(m01.status, Status::Fail);
    assert!(m01.message.contains("无法正常显示或播放"));
}

#[test]
fn applies_to_and_overrides_not_applicable() {
    let o = load_overrides(
        "[site.\"wlj.test.gov.cn\"]\nkind = \"区县\"\nnot_applicable = [\"ZW-P03\"]\n",
        "wlj.test.gov.cn",
    )
    .unwrap();
    let r = run_with(
        &compliant(),
        EvalContext {
            probes: Vec::new(),
            home_history: Vec::new(),
            overrides: o,
            ..ctx()
        },
    );
    assert_eq!(get(&r, "ZW-P03").status, Status::NotApplicable);
    assert_eq!(get(&r, "ZW-P13").status, Status::NotApplicable, "部门 only");
    assert_eq!(
        get(&r, "ZW-P14").status,
        Status::Fail,
        "区县 portals need 政府公报"
    );
}

#[test]
fn english_messages() {
    let r = run_with(
        &compliant(),
        EvalContext {
            probes: Vec::new(),
            home_history: Vec::new(),
            lang: Lang::En,
            ..ctx()
        },
    );
    let p01 = get(&r, "ZW-P01");
    assert!(
        p01.message.starts_with("found the column"),
        "{}",
        p01.message
    );
    assert!(p01.title.starts_with("Budget"));
}

fn verified(b: &mut B, path: &str, outcome: VerifyOutcome) {
    let url = b.g.url_id(&abs(path));
    b.g.verified.push(Verified {
        url,
        outcome,
        status: Some(if outcome == VerifyOutcome::Ok {
            200
        } else {
            404
        }),
        content_type: None,
        detail: String::new(),
        bytes_read: 10,
    });
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
fn policy_enquiries_need_a_channel_and_question_answer_entries() {
    let mut b = compliant();
    for n in [1, 2] {
        let day = if n == 1 { "20261105" } else { "20261020" };
        let a = b.find(&format!("/hdjl/zcwd/202611/t{day}_{n}.html"));
        b.p(a).headings = vec!["问题：".into()];
    }
    let r = run(&b);
    let p22 = get(&r, "ZW-P22");
    assert_eq!(p22.status, Status::Fail, "{}", p22.message);
    assert!(p22.message.contains("缺少：解答"), "{}", p22.message);
    // without a 咨询 channel the library alone does not do
    let mut b = compliant();
    unlink(&mut b, "/hdjl/zczx/");
    let r = run(&b);
    let p22 = get(&r, "ZW-P22");
    assert_eq!(p22.status, Status::Fail, "{}", p22.message);
    assert!(p22.message.contains("政策咨询"), "{}", p22.message);
}

#[test]
fn a_qa_column_titled_with_both_words_is_not_its_own_entries() {
    // 常见问题解答 as the column's heading names 问题 and 解答 but lists nothing
    let mut b = compliant();
    let wd = b.find("/hdjl/zcwd/");
    b.p(wd).headings = vec!["常见问题解答".into()];
    b.p(wd).meta.insert("columnname", "常见问题解答");
    b.p(wd).items.clear();
    b.p(wd).links.retain(|_| false);
    let r = run(&b);
    let p22 = get(&r, "ZW-P22");
    assert_eq!(p22.status, Status::Fail, "{}", p22.message);
}

#[test]
fn new_media_list_links_and_qr_codes_are_verified_in_its_column_only() {
    let mut b = compliant();
    let xm = b.find("/zwxmt/");
    b.link(xm, "访问账号", "/zwxmt/acc1.html");
    b.media(xm, "/zwxmt/qr1.png", MediaKind::Image);
    // a broken link elsewhere is GOV-D01's, not ZW-P24's
    let news = b.find("/xwdt/");
    b.link(news, "旧链接", "/old/gone.html");
    verified(&mut b, "/old/gone.html", VerifyOutcome::Broken);
    verified(&mut b, "/zwxmt/acc1.html", VerifyOutcome::Ok);
    verified(&mut b, "/zwxmt/qr1.png", VerifyOutcome::Ok);
    let r = run(&b);
    let p24 = get(&r, "ZW-P24");
    assert_eq!(p24.status, Status::Pass, "{}", p24.message);
    assert!(
        !p24.evidence
            .iter()
            .any(|e| e.url.ends_with("/old/gone.html"))
    );
    // the account link and the QR image broken: both named
    let n = b.g.verified.len();
    b.g.verified[n - 2].outcome = VerifyOutcome::Broken;
    b.g.verified[n - 1].outcome = VerifyOutcome::Broken;
    let r = run(&b);
    let p24 = get(&r, "ZW-P24");
    assert_eq!(p24.status, Status::Fail, "{}", p24.message);
    for u in ["/zwxmt/acc1.html", "/zwxmt/qr1.png"] {
        assert!(
            p24.evidence.iter().any(|e| e.url.ends_with(u)),
            "{u}: {:?}",
            p24.evidence
        );
    }
    // not verified at all: undecided, never a pass
    let mut b = compliant();
    let xm = b.find("/zwxmt/");
    b.link(xm, "访问账号", "/zwxmt/acc1.html");
    assert_eq!(status(&b, "ZW-P24"), Status::Warn);
    // the list without platforms fails the fields
    let mut b = compliant();
    let xm = b.find("/zwxmt/");
    b.p(xm).labels = vec!["账号名称".into(), "二维码".into()];
    let p24 = get(&run(&b), "ZW-P24").clone();
    assert_eq!(p24.status, Status::Fail);
    assert!(p24.message.contains("缺少：平台"), "{}", p24.message);
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
    let jc = super::testgraph::column_page(
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
    let gw = super::testgraph::column_page(
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

#[test]
fn press_interpretations_are_counted_in_the_year_with_the_officials() {
    let b = compliant();
    let r = run(&b);
    let p20 = get(&r, "ZW-P20");
    assert_eq!(p20.status, Status::Pass, "{}", p20.message);
    assert!(
        p20.message.contains("新闻发布形式的政策解读4条"),
        "{}",
        p20.message
    );
    assert!(
        p20.message.contains("有关负责同志带头2条"),
        "{}",
        p20.message
    );
    for day in ["20260112_1", "20260908_2", "20260620_3", "20260315_4"] {
        assert!(
            p20.evidence.iter().any(|e| e.url.contains(day)),
            "{day}: {:?}",
            p20.evidence
        );
    }
    // one led by the 局长 is older than a year: 3 counted, 1 led by an official
    let mut b = compliant();
    let a = b.find("/zwgk/fdzdgknr/zcjd/xwfbh/202601/t20260112_1.html");
    b.p(a).published = Some(date(2025, 10, 1));
    let fb = b.find("/zwgk/fdzdgknr/zcjd/xwfbh/");
    for it in &mut b.p(fb).items {
        if it.url.as_deref().is_some_and(|u| u.contains("t20260112_1")) {
            it.date = date(2025, 10, 1);
        }
    }
    let r = run(&b);
    let p20 = get(&r, "ZW-P20");
    assert_eq!(p20.status, Status::Fail, "{}", p20.message);
    assert!(
        p20.message.contains("新闻发布形式的政策解读3条"),
        "{}",
        p20.message
    );
    assert!(
        p20.message.contains("有关负责同志带头1条"),
        "{}",
        p20.message
    );
    assert!(!p20.evidence.iter().any(|e| e.url.contains("t20260112_1")));
}

#[test]
fn draft_decisions_need_way_period_interpretation_and_the_adoption_report() {
    let draft = "/hdjl/yjzj/202609/t20260901_1.html";
    let mut b = compliant();
    let d = b.find(draft);
    b.p(d).pairs.retain(|(k, _)| k.as_str() != "征求意见时间");
    b.p(d).labels.retain(|l| l.as_str() != "征求意见时间");
    let r = run(&b);
    let p21 = get(&r, "ZW-P21");
    assert_eq!(p21.status, Status::Fail, "{}", p21.message);
    assert!(
        p21.message.contains("缺少“征求意见期限”的1条"),
        "{}",
        p21.message
    );
    assert!(
        p21.evidence
            .iter()
            .any(|e| e.url.ends_with(draft) && e.text.contains("征求意见期限")),
        "{:?}",
        p21.evidence
    );
    // no 起草说明 / 解读 link
    let mut b = compliant();
    let d = b.find(draft);
    let sm = b.g.find_url(&abs("/hdjl/yjzj/202609/qcsm.html")).unwrap();
    b.p(d).links.retain(|e| e.to != sm);
    let p21 = get(&run(&b), "ZW-P21").clone();
    assert_eq!(p21.status, Status::Fail, "{}", p21.message);
    assert!(p21.message.contains("缺少“解读材料”"), "{}", p21.message);
    // the consultation closed on 2026-09-30 and nothing reports on the comments
    let mut b = compliant();
    let fb = "测试市文旅消费券发放工作动态";
    let i = b.find("/hdjl/yjzj/202610/t20261020_2.html");
    b.p(i).meta.insert("articletitle", fb);
    let yj = b.find("/hdjl/yjzj/");
    for it in &mut b.p(yj).items {
        if it.title.contains("采纳") {
            it.title = fb.into();
        }
    }
    let r = run(&b);
    let p21 = get(&r, "ZW-P21");
    assert_eq!(p21.status, Status::Fail, "{}", p21.message);
    assert!(
        p21.message.contains("未找到相应意见采纳情况的1条"),
        "{}",
        p21.message
    );
    // … but on 2026-10-15 the 30 days after the close have not passed yet
    let mut c = ctx();
    c.today = date(2026, 10, 15);
    let p21 = get(&run_with(&b, c), "ZW-P21").clone();
    assert!(
        !p21.message.contains("未找到相应意见采纳情况"),
        "{}",
        p21.message
    );
}

#[test]
fn promised_investigations_are_paired_with_results_or_reported() {
    let mut b = compliant();
    let hy = b.find("/hdjl/hygq/");
    b.article(
        hy,
        "/hdjl/hygq/202608/t20260805_2.html",
        "关于网民反映某景区强制消费问题将依法调查的回应",
        "2026-08-05",
    );
    let r = run(&b);
    let p23 = get(&r, "ZW-P23");
    assert_eq!(p23.status, Status::Warn, "{}", p23.message);
    assert!(
        p23.message.contains("未找到相应调查处理结果的1条"),
        "{}",
        p23.message
    );
    assert!(p23.message.contains("请人工核实"), "{}", p23.message);
    b.article(
        hy,
        "/hdjl/hygq/202609/t20260920_3.html",
        "关于网民反映某景区强制消费问题调查处理结果的通报",
        "2026-09-20",
    );
    let r = run(&b);
    let p23 = get(&r, "ZW-P23");
    assert_eq!(p23.status, Status::Pass, "{}", p23.message);
    assert!(
        p23.evidence
            .iter()
            .any(|e| e.url.ends_with("/hdjl/hygq/202609/t20260920_3.html")),
        "{:?}",
        p23.evidence
    );
    // a column not updated for a year fails
    let mut b = compliant();
    let a = b.find("/hdjl/hygq/202611/t20261101_1.html");
    b.p(a).published = Some(date(2025, 6, 1));
    let hy = b.find("/hdjl/hygq/");
    for it in &mut b.p(hy).items {
        it.date = date(2025, 6, 1);
    }
    assert_eq!(status(&b, "ZW-P23"), Status::Fail);
}
