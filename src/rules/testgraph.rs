//! Hand-built site graphs for the rule tests: a compliant 部门 site and helpers to break it.

use crate::model::{Charset, CrawlError, Edge, ErrorClass, Page, SiteGraph};
use crate::model::{Crumb, DatedItem, LinkKind, Markers, MediaKind, Phone, Txt};
use jiff::civil::Date;

pub const HOST: &str = "http://wlj.test.gov.cn";

pub fn abs(path: &str) -> String {
    if path.starts_with("http") {
        path.to_string()
    } else {
        format!("{HOST}{path}")
    }
}

fn d(s: &str) -> Date {
    s.parse().unwrap()
}

/// A graph under construction.
#[derive(Clone)]
pub struct B {
    pub g: SiteGraph,
}

impl B {
    pub fn new() -> Self {
        B {
            g: SiteGraph::new(&url::Url::parse(&abs("/")).unwrap()),
        }
    }

    pub fn page(&mut self, path: &str, depth: u32, title: &str) -> usize {
        let id = self.g.url_id(&abs(path));
        let page = Page {
            url: id,
            final_url: id,
            status: 200,
            depth,
            parent: None,
            via_text: None,
            redirects: vec![],
            title: Some(title.into()),
            breadcrumb: vec![],
            links: Default::default(),
            frames: vec![],
            media: vec![],
            meta: Default::default(),
            published: None,
            items: vec![],
            partial_items: vec![],
            phones: vec![],
            markers: full_markers(),
            headings: vec![],
            labels: vec![],
            records: vec![],
            pairs: vec![],
            tables: vec![],
            blocks: vec![],
            phone_blocks: vec![],
            officials: vec![],
            empty_note: false,
            needs_js: false,
            text_chars: 300,
            text_hash: 0,
            charset: Charset {
                encoding: "UTF-8".into(),
                source: "header".into(),
                had_errors: false,
            },
            truncated: false,
            etag: None,
            last_modified: None,
            bytes: 1000,
            elapsed_ms: 120,
            is_frame: false,
            unchanged: false,
            rendered: false,
            order: self.g.pages.len() as u32 + 1,
        };
        let i = self.g.add_page(page);
        for k in ["sitename", "sitedomain", "siteidcode"] {
            self.g.pages[i].meta.insert(k, "x");
        }
        self.link(i, "联系我们", "/lxwm.html");
        i
    }

    pub fn p(&mut self, i: usize) -> &mut Page {
        &mut self.g.pages[i]
    }

    pub fn link(&mut self, from: usize, text: &str, to: &str) {
        let to = self.g.url_id(&abs(to));
        let text = self.g.text_id(text);
        self.g.pages[from].links.push(Edge {
            to,
            text,
            kind: LinkKind::Anchor,
        });
    }

    pub fn crumbs(&mut self, i: usize, c: &[&str]) {
        self.g.pages[i].breadcrumb = c
            .iter()
            .map(|t| Crumb {
                text: (*t).into(),
                url: None,
            })
            .collect();
    }

    /// A listed item (also linked from the page).
    pub fn item(&mut self, i: usize, title: &str, path: &str, date: &str) {
        self.link(i, title, path);
        self.g.pages[i].items.push(DatedItem {
            title: title.into(),
            url: Some(url::Url::parse(&abs(path)).unwrap().into()),
            date: d(date),
            year_from: Default::default(),
        });
    }

    /// A detail page with a publish date, listed on `list`.
    pub fn article(&mut self, list: usize, path: &str, title: &str, date: &str) -> usize {
        self.item(list, title, path, date);
        let depth = self.g.pages[list].depth + 1;
        let a = self.page(path, depth, title);
        self.g.pages[a].published = Some(d(date));
        self.g.pages[a].meta.insert("articletitle", title);
        for k in ["pubdate", "contentsource"] {
            self.g.pages[a].meta.insert(k, "x");
        }
        a
    }

    pub fn phone(&mut self, i: usize, number: &str, label: &str) {
        self.g.pages[i].phones.push(Phone {
            number: number.into(),
            label: Some(label.into()),
        });
    }

    pub fn media(&mut self, i: usize, path: &str, kind: MediaKind) {
        let to = self.g.url_id(&abs(path));
        let context = self.g.text_id("图");
        self.g.pages[i].media.push(crate::model::MediaEdge {
            to,
            kind,
            element: "img[src]".into(),
            context,
        });
    }

    pub fn error(&mut self, path: &str, class: ErrorClass, parent: usize) {
        let url = self.g.url_id(&abs(path));
        let parent = Some(self.g.pages[parent].url);
        self.g.errors.push(CrawlError {
            url,
            class,
            status: Some(404),
            message: "HTTP 404".into(),
            parent,
            via_text: None,
            depth: 2,
        });
    }

    pub fn find(&self, path: &str) -> usize {
        let id = self.g.find_url(&abs(path)).unwrap();
        self.g.pages.iter().position(|p| p.url == id).unwrap()
    }
}

fn full_markers() -> Markers {
    Markers {
        site_code: Some("5000000001".into()),
        icp: Some("渝ICP备05003300号-1".into()),
        psb: Some("渝公网安备 50010302000001号".into()),
        conac: true,
        jiucuo: true,
        viewport: true,
        search: true,
        sponsor: Some("测试局".into()),
        mobile_version: false,
        input_form: false,
        search_form: None,
    }
}

/// A column page with breadcrumb and ColumnName (for tests that add columns).
pub fn column_page(b: &mut B, path: &str, depth: u32, name: &str, crumbs: &[&str]) -> usize {
    column(b, path, depth, name, crumbs)
}

fn column(b: &mut B, path: &str, depth: u32, name: &str, crumbs: &[&str]) -> usize {
    let i = b.page(path, depth, &format!("{name} - 测试局"));
    let mut c = vec!["首页"];
    c.extend_from_slice(crumbs);
    b.crumbs(i, &c);
    b.p(i).meta.insert("columnname", name);
    i
}

fn content_meta(b: &mut B, i: usize) {
    for k in [
        "sitename",
        "sitedomain",
        "siteidcode",
        "articletitle",
        "pubdate",
        "contentsource",
    ] {
        b.p(i).meta.insert(k, "x");
    }
}

/// A 部门 site meeting every check as of 2026-11-27 (except HTTPS, which needs https).
pub fn compliant() -> B {
    let mut b = B::new();
    let home = b.page("/", 0, "测试局");
    let lxwm = column(&mut b, "/lxwm.html", 1, "联系我们", &["联系我们"]);
    b.phone(lxwm, "023-63881234", "联系电话");
    b.phone(home, "023-63881234", "联系电话");
    for (t, u) in [
        ("政务公开", "/zwgk/"),
        ("互动交流", "/hdjl/"),
        ("新闻动态", "/xwdt/"),
    ] {
        b.link(home, t, u);
    }
    let news = column(&mut b, "/xwdt/", 1, "新闻动态", &["新闻动态"]);
    for (n, day) in [(1, "2026-11-20"), (2, "2026-11-02")] {
        b.article(
            news,
            &format!("/xwdt/202611/t{}_{n}.html", day.replace('-', "")),
            &format!("新闻{n}"),
            day,
        );
    }
    b.item(home, "新闻1", "/xwdt/202611/t20261120_1.html", "2026-11-20");

    let zwgk = column(&mut b, "/zwgk/", 1, "政务公开", &["政务公开"]);
    b.link(zwgk, "法定主动公开内容", "/zwgk/fdzdgknr/");
    b.link(zwgk, "政府信息公开年报", "/zwgk/zfxxgknb/");
    let fd = column(
        &mut b,
        "/zwgk/fdzdgknr/",
        2,
        "法定主动公开内容",
        &["政务公开", "法定主动公开内容"],
    );
    for (t, u) in [
        ("预算/决算", "/zwgk/fdzdgknr/czyjs/"),
        ("政策解读", "/zwgk/fdzdgknr/zcjd/"),
        ("机关简介", "/zwgk/fdzdgknr/jgjj/"),
        ("履职依据", "/zwgk/fdzdgknr/lzyj/"),
        ("法治政府建设年度报告", "/zwgk/fdzdgknr/fzzfjs/"),
        ("公共企事业单位信息公开", "/zwgk/fdzdgknr/ggqsydw/"),
        ("疫情防控", "/zwgk/fdzdgknr/yqfk/"),
        ("政策文件", "/zwgk/fdzdgknr/zcwj/"),
    ] {
        b.link(fd, t, u);
    }
    // 预算/决算
    let ys = column(
        &mut b,
        "/zwgk/fdzdgknr/czyjs/",
        3,
        "预算/决算",
        &["政务公开", "法定主动公开内容", "预算/决算"],
    );
    b.article(
        ys,
        "/zwgk/fdzdgknr/czyjs/202603/t20260320_1.html",
        "测试局2026年部门预算",
        "2026-03-20",
    );
    b.article(
        ys,
        "/zwgk/fdzdgknr/czyjs/202508/t20250828_2.html",
        "测试局2025年部门决算",
        "2025-08-28",
    );
    // 政策文件 and 政策解读
    let zcwj = column(
        &mut b,
        "/zwgk/fdzdgknr/zcwj/",
        3,
        "政策文件",
        &["政务公开", "法定主动公开内容", "政策文件"],
    );
    let doc = b.article(
        zcwj,
        "/zwgk/fdzdgknr/zcwj/202610/t20261010_9.html",
        "关于促进文旅消费的通知",
        "2026-10-10",
    );
    let zcjd = column(
        &mut b,
        "/zwgk/fdzdgknr/zcjd/",
        3,
        "政策解读",
        &["政务公开", "法定主动公开内容", "政策解读"],
    );
    for (t, u) in [
        ("文字解读", "/zwgk/fdzdgknr/zcjd/wzjd/"),
        ("图片解读", "/zwgk/fdzdgknr/zcjd/tpjd/"),
        ("视频解读", "/zwgk/fdzdgknr/zcjd/spjd/"),
    ] {
        b.link(zcjd, t, u);
    }
    let wz = column(
        &mut b,
        "/zwgk/fdzdgknr/zcjd/wzjd/",
        4,
        "文字解读",
        &["政务公开", "政策解读", "文字解读"],
    );
    let jd = b.article(
        wz,
        "/zwgk/fdzdgknr/zcjd/wzjd/202610/t20261012_1.html",
        "《关于促进文旅消费的通知》解读",
        "2026-10-12",
    );
    b.p(jd).headings = [
        "一、出台背景",
        "二、出台目的",
        "三、核心举措",
        "四、适用对象",
        "五、执行标准",
        "六、关键词",
        "七、专业名词",
        "八、新旧文件差异对比",
    ]
    .iter()
    .map(|s| Txt::from(*s))
    .collect();
    b.link(
        jd,
        "关于促进文旅消费的通知",
        "/zwgk/fdzdgknr/zcwj/202610/t20261010_9.html",
    );
    b.link(
        doc,
        "相关解读",
        "/zwgk/fdzdgknr/zcjd/wzjd/202610/t20261012_1.html",
    );
    let tp = column(
        &mut b,
        "/zwgk/fdzdgknr/zcjd/tpjd/",
        4,
        "图片解读",
        &["政务公开", "政策解读", "图片解读"],
    );
    let tpa = b.article(
        tp,
        "/zwgk/fdzdgknr/zcjd/tpjd/202610/t20261013_2.html",
        "一图读懂文旅消费通知",
        "2026-10-13",
    );
    b.media(
        tpa,
        "/zwgk/fdzdgknr/zcjd/tpjd/202610/W1.png",
        MediaKind::Image,
    );
    b.link(
        tpa,
        "关于促进文旅消费的通知",
        "/zwgk/fdzdgknr/zcwj/202610/t20261010_9.html",
    );
    let sp = column(
        &mut b,
        "/zwgk/fdzdgknr/zcjd/spjd/",
        4,
        "视频解读",
        &["政务公开", "政策解读", "视频解读"],
    );
    let spa = b.article(
        sp,
        "/zwgk/fdzdgknr/zcjd/spjd/202610/t20261014_3.html",
        "视频解读文旅消费通知",
        "2026-10-14",
    );
    b.link(
        spa,
        "关于促进文旅消费的通知",
        "/zwgk/fdzdgknr/zcwj/202610/t20261010_9.html",
    );
    b.media(
        spa,
        "/zwgk/fdzdgknr/zcjd/spjd/202610/W2.mp4",
        MediaKind::Video,
    );
    // 机关简介 > 联系我们
    let jg = column(
        &mut b,
        "/zwgk/fdzdgknr/jgjj/",
        3,
        "机关简介",
        &["政务公开", "法定主动公开内容", "机关简介"],
    );
    b.link(jg, "联系我们", "/zwgk/fdzdgknr/jgjj/lxwm/");
    let lx = column(
        &mut b,
        "/zwgk/fdzdgknr/jgjj/lxwm/",
        4,
        "联系我们",
        &["政务公开", "法定主动公开内容", "机关简介", "联系我们"],
    );
    b.phone(lx, "023-63881234", "办公电话");
    b.phone(lx, "023-63885678", "投诉举报电话");
    // 履职依据
    let lz = column(
        &mut b,
        "/zwgk/fdzdgknr/lzyj/",
        3,
        "履职依据",
        &["政务公开", "法定主动公开内容", "履职依据"],
    );
    for (t, slug) in [
        ("行政法规", "xzfg"),
        ("国务院部门规章", "bmgz"),
        ("市政府规章", "zfgz"),
        ("本部门规范性文件", "gfxwj"),
    ] {
        let u = format!("/zwgk/fdzdgknr/lzyj/{slug}/");
        b.link(lz, t, &u);
        let c = column(&mut b, &u, 4, t, &["政务公开", "履职依据", t]);
        b.article(
            c,
            &format!("{u}202605/t20260510_{slug}.html"),
            &format!("{t}文本"),
            "2026-05-10",
        );
        if slug == "gfxwj" {
            b.link(c, "现行有效", &format!("{u}xxyx/"));
            b.link(c, "失效/废止", &format!("{u}fzhsx/"));
        }
    }
    // 法治政府建设年度报告
    let fz = column(
        &mut b,
        "/zwgk/fdzdgknr/fzzfjs/",
        3,
        "法治政府建设年度报告",
        &["政务公开", "法治政府建设年度报告"],
    );
    b.article(
        fz,
        "/zwgk/fdzdgknr/fzzfjs/202603/t20260325_1.html",
        "测试局2025年法治政府建设年度报告",
        "2026-03-25",
    );
    // 公共企事业单位信息公开
    let gq = column(
        &mut b,
        "/zwgk/fdzdgknr/ggqsydw/",
        3,
        "公共企事业单位信息公开",
        &["政务公开", "公共企事业单位信息公开"],
    );
    b.p(gq).labels = [
        "名称",
        "资质或者等级",
        "业务范围",
        "服务区域",
        "地址",
        "办公时间",
        "联系电话",
    ]
    .iter()
    .map(|s| Txt::from(*s))
    .collect();
    b.article(
        gq,
        "/zwgk/fdzdgknr/ggqsydw/202606/t20260601_1.html",
        "公共企事业单位名录",
        "2026-06-01",
    );
    // 疫情防控
    let yq = column(
        &mut b,
        "/zwgk/fdzdgknr/yqfk/",
        3,
        "疫情防控",
        &["政务公开", "疫情防控"],
    );
    for (t, slug) in [("重要政策", "zyzc"), ("政策解读", "zcjd")] {
        let u = format!("/zwgk/fdzdgknr/yqfk/{slug}/");
        b.link(yq, t, &u);
        let c = column(&mut b, &u, 4, t, &["政务公开", "疫情防控", t]);
        b.article(
            c,
            &format!("{u}202605/t20260520_1.html"),
            &format!("疫情防控{t}"),
            "2026-05-20",
        );
    }
    // 年报
    let nb = column(
        &mut b,
        "/zwgk/zfxxgknb/",
        2,
        "政府信息公开年报",
        &["政务公开", "政府信息公开年报"],
    );
    let r = b.article(
        nb,
        "/zwgk/zfxxgknb/202601/t20260120_1.html",
        "测试局2025年政府信息公开工作年度报告",
        "2026-01-20",
    );
    b.p(r).headings = [
        "一、总体情况",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况",
        "六、其他需要报告的事项",
    ]
    .iter()
    .map(|s| Txt::from(*s))
    .collect();
    b.p(r).labels = vec![
        "本年制发件数".into(),
        "本年废止件数".into(),
        "现行有效件数".into(),
    ];
    b.p(r).tables = super::testgraph_nb::nianbao_tables();
    // 互动交流 > 公开信箱
    let hd = column(&mut b, "/hdjl/", 1, "互动交流", &["互动交流"]);
    b.link(hd, "公开信箱", "/hdjl/gkxx/");
    let xx = column(
        &mut b,
        "/hdjl/gkxx/",
        2,
        "公开信箱",
        &["互动交流", "公开信箱"],
    );
    b.p(xx).labels = ["留言标题", "留言时间", "答复时间"]
        .iter()
        .map(|s| Txt::from(*s))
        .collect();
    // asked on the listing row, answered when the message page was published
    for (n, asked, answered) in [
        (1, "2026-11-10", "2026-11-13"),
        (2, "2026-09-30", "2026-10-13"),
    ] {
        let u = format!(
            "/hdjl/gkxx/{}/t{}_{n}.html",
            &answered[..7].replace('-', ""),
            answered.replace('-', "")
        );
        b.item(xx, &format!("关于景区门票的咨询{n}"), &u, asked);
        let m = b.page(&u, 3, &format!("关于景区门票的咨询{n}"));
        b.p(m).published = Some(d(answered));
        content_meta(&mut b, m);
        b.p(m).labels = ["留言摘要", "留言时间", "答复时间", "答复单位", "答复内容"]
            .iter()
            .map(|s| Txt::from(*s))
            .collect();
    }
    seed_columns(&mut b, zwgk, hd, home);
    b.g.stop_reason = Some(crate::model::StopReason::Completed);
    b.g.reindex();
    b
}

fn txts(v: &[&str]) -> Vec<Txt> {
    v.iter().map(|s| Txt::from(*s)).collect()
}

/// The columns of ZW-P22/P24/P25: 指南, 制度, 依申请公开 under 政务公开; 政策咨询 and
/// 政策问答 under 互动交流; 政务新媒体 linked from the home page.
fn seed_columns(b: &mut B, zwgk: usize, hd: usize, home: usize) {
    for (t, u) in [
        ("政府信息公开指南", "/zwgk/zfxxgkzn/"),
        ("政府信息公开制度", "/zwgk/zfxxgkzd/"),
        ("依申请公开", "/zwgk/ysqgk/"),
    ] {
        b.link(zwgk, t, u);
    }
    let zn = column(
        b,
        "/zwgk/zfxxgkzn/",
        2,
        "政府信息公开指南",
        &["政务公开", "政府信息公开指南"],
    );
    let g = b.article(
        zn,
        "/zwgk/zfxxgkzn/202601/t20260110_1.html",
        "测试局政府信息公开指南",
        "2026-01-10",
    );
    b.p(g).headings = txts(&["一、受理机构", "三、办理流程"]);
    b.p(g).labels = txts(&["办公地址", "联系电话"]);
    b.p(g).pairs = vec![
        ("办公地址".into(), "测试路1号".into()),
        ("联系电话".into(), "023-63881234".into()),
    ];
    let zd = column(
        b,
        "/zwgk/zfxxgkzd/",
        2,
        "政府信息公开制度",
        &["政务公开", "政府信息公开制度"],
    );
    b.article(
        zd,
        "/zwgk/zfxxgkzd/202602/t20260210_1.html",
        "测试局政府信息公开工作制度",
        "2026-02-10",
    );
    let ys = column(
        b,
        "/zwgk/ysqgk/",
        2,
        "依申请公开",
        &["政务公开", "依申请公开"],
    );
    b.p(ys).headings = txts(&["依申请公开流程"]);
    b.p(ys).text_chars = 600;
    // 互动交流 > 政策咨询 (a letter form), 政策问答
    b.link(hd, "政策咨询", "/hdjl/zczx/");
    b.link(hd, "政策问答", "/hdjl/zcwd/");
    let zx = column(b, "/hdjl/zczx/", 2, "政策咨询", &["互动交流", "政策咨询"]);
    b.link(zx, "我要写信", "/hdjl/zczx/write.html");
    let wd = column(b, "/hdjl/zcwd/", 2, "政策问答", &["互动交流", "政策问答"]);
    b.p(wd).headings = txts(&["政策问答"]);
    for (n, day) in [(1, "2026-11-05"), (2, "2026-10-20")] {
        let a = b.article(
            wd,
            &format!("/hdjl/zcwd/202611/t{}_{n}.html", day.replace('-', "")),
            &format!("文旅消费券使用问答{n}"),
            day,
        );
        b.p(a).headings = txts(&["问题：", "答复："]);
    }
    // 政策解读 > 新闻发布会: four press interpretations in the year, two led by the 局长
    // (older than the three newest 解读 that ZW-P06 samples)
    let zcjd = b.find("/zwgk/fdzdgknr/zcjd/");
    b.link(zcjd, "新闻发布会", "/zwgk/fdzdgknr/zcjd/xwfbh/");
    let fb = column(
        b,
        "/zwgk/fdzdgknr/zcjd/xwfbh/",
        4,
        "新闻发布会",
        &["政务公开", "政策解读", "新闻发布会"],
    );
    for (n, day, t) in [
        (1, "2026-01-12", "局长解读文旅消费券政策新闻发布会"),
        (2, "2026-09-08", "副局长出席旅游市场秩序整治新闻发布会"),
        (3, "2026-06-20", "非遗保护政策吹风会"),
        (4, "2026-03-15", "文旅惠民政策在线访谈"),
    ] {
        b.article(
            fb,
            &format!(
                "/zwgk/fdzdgknr/zcjd/xwfbh/{}/t{}_{n}.html",
                &day[..7].replace('-', ""),
                day.replace('-', "")
            ),
            t,
            day,
        );
    }
    // 意见征集: a closed draft with its way, period and 起草说明, and its 采纳情况
    b.link(hd, "意见征集", "/hdjl/yjzj/");
    let yj = column(b, "/hdjl/yjzj/", 2, "意见征集", &["互动交流", "意见征集"]);
    let draft = b.article(
        yj,
        "/hdjl/yjzj/202609/t20260901_1.html",
        "关于《测试市文旅消费券管理办法（征求意见稿）》公开征求意见的公告",
        "2026-09-01",
    );
    b.p(draft).labels = txts(&["意见提交方式", "征求意见时间"]);
    b.p(draft).pairs = vec![
        ("意见提交方式".into(), "电子邮箱 yj@test.gov.cn".into()),
        ("征求意见时间".into(), "2026年9月1日至2026年9月30日".into()),
    ];
    b.link(draft, "起草说明", "/hdjl/yjzj/202609/qcsm.html");
    b.article(
        yj,
        "/hdjl/yjzj/202610/t20261020_2.html",
        "《测试市文旅消费券管理办法》征求意见采纳情况的说明",
        "2026-10-20",
    );
    // 回应关切
    b.link(hd, "回应关切", "/hdjl/hygq/");
    let hy = column(b, "/hdjl/hygq/", 2, "回应关切", &["互动交流", "回应关切"]);
    b.article(
        hy,
        "/hdjl/hygq/202611/t20261101_1.html",
        "关于网民反映景区排队问题的回应",
        "2026-11-01",
    );
    // 政务新媒体
    b.link(home, "政务新媒体", "/zwxmt/");
    let xm = column(b, "/zwxmt/", 1, "政务新媒体", &["政务新媒体"]);
    b.p(xm).labels = txts(&["账号名称", "平台", "二维码"]);
    b.p(xm).text_chars = 400;
}

#[cfg(test)]
mod intern_tests {
    use super::B;
    use crate::model::{Crumb, Interner, Phone};

    #[test]
    fn interning_pages_shares_every_repeated_string() {
        let mut b = B::new();
        let a = b.page("/a.html", 1, "通知公告_某区人民政府");
        let c = b.page("/c.html", 1, "通知公告_某区人民政府");
        for i in [a, c] {
            let p = b.p(i);
            p.breadcrumb = vec![Crumb {
                text: "首页".into(),
                url: Some("http://www.example.gov.cn/".into()),
            }];
            p.meta.insert("sitename", "某区人民政府");
            p.phones = vec![Phone {
                number: "023-63881234".into(),
                label: Some("联系电话".into()),
            }];
            p.labels = vec!["发布时间".into()];
            p.pairs = vec![("发布机构".into(), "区政府办公室".into())];
            p.records = vec![vec![("标题".into(), "关于征求意见的公告".into())]];
        }
        let mut pool = Interner::default();
        for i in [a, c] {
            b.p(i).intern(&mut pool);
        }
        let (pa, pc) = (&b.g.pages[a], &b.g.pages[c]);
        assert!(
            pa.title
                .as_ref()
                .unwrap()
                .shares_storage(pc.title.as_ref().unwrap())
        );
        assert!(pa.breadcrumb[0].text.shares_storage(&pc.breadcrumb[0].text));
        let (ua, uc) = (&pa.breadcrumb[0].url, &pc.breadcrumb[0].url);
        assert!(ua.as_ref().unwrap().shares_storage(uc.as_ref().unwrap()));
        assert!(pa.meta["sitename"].shares_storage(&pc.meta["sitename"]));
        assert!(pa.phones[0].number.shares_storage(&pc.phones[0].number));
        assert!(pa.labels[0].shares_storage(&pc.labels[0]));
        assert!(pa.pairs[0].1.shares_storage(&pc.pairs[0].1));
        assert!(pa.records[0][0].1.shares_storage(&pc.records[0][0].1));
        assert!(pa.charset.encoding.shares_storage(&pc.charset.encoding));
        // values are unchanged
        assert_eq!(pa.meta["sitename"], "某区人民政府");
        assert_eq!(pa.phones[0].label.as_deref(), Some("联系电话"));
    }
}
