//! The three tables of a consistent 2021-format 年报 as grids, for the hand-built test
//! graph, and the NB checks on it: consistent passes; one changed number fails naming
//! the row, the column and both sides.

use crate::model::Table;

fn row(cells: &[&str]) -> Vec<String> {
    cells.iter().map(|c| c.to_string()).collect()
}

fn nums(label: &[&str], v: [u32; 6]) -> Vec<String> {
    let mut r = row(label);
    r.extend(v.iter().map(|x| x.to_string()));
    r.push(v.iter().sum::<u32>().to_string());
    r
}

/// 第二、三、四部分 tables of a report that adds up.
pub fn nianbao_tables() -> Vec<Table> {
    let t2 = Table {
        rows: vec![
            row(&[
                "第二十条第（一）项",
                "第二十条第（一）项",
                "第二十条第（一）项",
                "第二十条第（一）项",
            ]),
            row(&["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"]),
            row(&["规章", "0", "0", "0"]),
            row(&["行政规范性文件", "1", "0", "5"]),
        ],
        y: vec![],
    };
    let r3 = "三、本年度办理结果";
    let mut rows = vec![
        row(&[
            "说明",
            "说明",
            "说明",
            "申请人情况",
            "申请人情况",
            "申请人情况",
            "申请人情况",
            "申请人情况",
            "申请人情况",
            "申请人情况",
        ]),
        row(&[
            "说明",
            "说明",
            "说明",
            "自然人",
            "商业企业",
            "科研机构",
            "社会公益组织",
            "法律服务机构",
            "其他",
            "总计",
        ]),
        nums(&["一、本年新收政府信息公开申请数量"; 3], [4, 1, 0, 0, 0, 0]),
        nums(&["二、上年结转政府信息公开申请数量"; 3], [1, 0, 0, 0, 0, 0]),
        nums(
            &[r3, "（一）予以公开", "（一）予以公开"],
            [2, 1, 0, 0, 0, 0],
        ),
        nums(
            &[r3, "（二）部分公开", "（二）部分公开"],
            [1, 0, 0, 0, 0, 0],
        ),
    ];
    let groups: [(&str, &[&str]); 4] = [
        (
            "（三）不予公开",
            &[
                "1.属于国家秘密",
                "2.其他法律行政法规禁止公开",
                "3.危及“三安全一稳定”",
                "4.保护第三方合法权益",
                "5.属于三类内部事务信息",
                "6.属于四类过程性信息",
                "7.属于行政执法案卷",
                "8.属于行政查询事项",
            ],
        ),
        (
            "（四）无法提供",
            &[
                "1.本机关不掌握相关政府信息",
                "2.没有现成信息需要另行制作",
                "3.补正后申请内容仍不明确",
            ],
        ),
        (
            "（五）不予处理",
            &[
                "1.信访举报投诉类申请",
                "2.重复申请",
                "3.要求提供公开出版物",
                "4.无正当理由大量反复申请",
                "5.要求行政机关确认或重新出具已获取信息",
            ],
        ),
        (
            "（六）其他处理",
            &[
                "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
                "3.其他",
            ],
        ),
    ];
    for (g, subs) in groups {
        for (i, s) in subs.iter().enumerate() {
            let v = if g.starts_with("（四）") && i == 0 {
                [1, 0, 0, 0, 0, 0]
            } else {
                [0; 6]
            };
            rows.push(nums(&[r3, g, s], v));
        }
    }
    rows.push(nums(&[r3, "（七）总计", "（七）总计"], [4, 1, 0, 0, 0, 0]));
    rows.push(nums(&["四、结转下年度继续办理"; 3], [1, 0, 0, 0, 0, 0]));
    let t3 = Table { rows, y: vec![] };
    let heads = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];
    let mut h3 = Vec::new();
    for _ in 0..3 {
        h3.extend(heads.iter().map(|s| s.to_string()));
    }
    let t4 = Table {
        rows: vec![
            row(&["行政复议"; 5])
                .into_iter()
                .chain(row(&["行政诉讼"; 10]))
                .collect(),
            h3,
            row(&[
                "1", "0", "0", "1", "2", "0", "0", "0", "0", "0", "1", "0", "0", "0", "1",
            ]),
        ],
        y: vec![],
    };
    vec![t2, t3, t4]
}

#[cfg(test)]
mod tests {
    use super::super::testgraph::compliant;
    use super::super::*;
    use crate::i18n::Lang;

    fn run(g: &crate::crawl::SiteGraph) -> Vec<CheckResult> {
        let packs = load_packs(&["nb-2021".to_string()]).unwrap();
        let mut g = g.clone();
        g.reindex();
        let ctx = EvalContext {
            probes: Vec::new(),
            home_history: Vec::new(),
            today: jiff::civil::date(2026, 11, 27),
            lang: Lang::Zh,
            overrides: SiteOverrides::default(),
            baseline: None,
        };
        evaluate(&g, &packs, &ctx)
    }

    fn get<'a>(r: &'a [CheckResult], id: &str) -> &'a CheckResult {
        r.iter().find(|c| c.id == id).unwrap()
    }

    #[test]
    fn a_consistent_report_passes_and_one_wrong_number_fails_with_both_sides() {
        let b = compliant();
        let r = run(&b.g);
        for id in ["NB-01", "NB-02", "NB-03", "NB-04"] {
            assert_eq!(
                get(&r, id).status,
                Status::Pass,
                "{id}: {}",
                get(&r, id).message
            );
        }
        // 科研机构 予以公开 printed as 2: its column and the row's 总计 no longer add up
        let mut b = compliant();
        let nb = b.find("/zwgk/zfxxgknb/202601/t20260120_1.html");
        let t3 = &mut b.p(nb).tables[1];
        let row = t3
            .rows
            .iter_mut()
            .find(|r| r[1] == "（一）予以公开")
            .unwrap();
        row[5] = "2".into();
        let r = run(&b.g);
        let nb3 = get(&r, "NB-03");
        assert_eq!(nb3.status, Status::Fail, "{}", nb3.message);
        let texts: Vec<&str> = nb3.evidence.iter().map(|e| e.text.as_str()).collect();
        assert!(
            texts
                .iter()
                .any(|t| t.contains("「科研机构」列") && t.contains("（七）(0) = 0 ≠ （一）(2)")),
            "{texts:?}"
        );
        assert!(
            texts
                .iter()
                .any(|t| t.contains("「（一）」行") && t.contains("总计(3) = 3 ≠")),
            "{texts:?}"
        );
        // the column found first (path step), then every failed equation in the report
        assert!(nb3.evidence[0].url.ends_with("/zwgk/zfxxgknb/"));
        assert!(
            nb3.evidence[1..]
                .iter()
                .all(|e| e.url.ends_with("/zwgk/zfxxgknb/202601/t20260120_1.html"))
        );
        // 行政诉讼 复议后起诉 总计 printed as 2
        let mut b = compliant();
        let nb = b.find("/zwgk/zfxxgknb/202601/t20260120_1.html");
        b.p(nb).tables[2].rows[2][14] = "2".into();
        let r = run(&b.g);
        let nb4 = get(&r, "NB-04");
        assert_eq!(nb4.status, Status::Fail, "{}", nb4.message);
        assert!(
            nb4.message.contains("复诉总计(2) = 2 ≠ 复诉维持(1)"),
            "{}",
            nb4.message
        );
        // no tables at all: NB-02 fails, NB-03 cannot be decided
        let mut b = compliant();
        let nb = b.find("/zwgk/zfxxgknb/202601/t20260120_1.html");
        b.p(nb).tables.clear();
        let r = run(&b.g);
        assert_eq!(get(&r, "NB-02").status, Status::Fail);
        assert_eq!(get(&r, "NB-03").status, Status::Warn);
    }
}
