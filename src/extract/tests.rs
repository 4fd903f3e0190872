//! Extraction over saved real government pages (copied from `shared/realpages` into
//! `tests/fixtures/extract/realpages/`) and a synthetic GBK page through decode + extract.

use super::*;

macro_rules! page {
    ($f:literal) => {
        include_str!(concat!("../../tests/fixtures/extract/realpages/", $f))
    };
}

fn run(html: &str, url: &str) -> PageFacts {
    extract(html, &Url::parse(url).unwrap())
}

fn crumb_texts(f: &PageFacts) -> Vec<&str> {
    f.breadcrumb.iter().map(|c| c.text.as_str()).collect()
}

fn pagination(f: &PageFacts) -> Vec<&str> {
    f.links
        .iter()
        .filter(|l| l.kind == LinkKind::Pagination)
        .map(|l| l.url.as_str())
        .collect()
}

const PINGTAN: &str = "https://www.pingtan.gov.cn/zwgk/ghxx/gzjzqk/202404/t20240409_88866.htm";
const ORDOS: &str = "http://egb.ordos.gov.cn/xxgk/xxgknb/index.html";
const HANDAN_LIST: &str = "http://hdzfxxgk.hd.gov.cn/zfwj/jinqixxgk/index.html";
const MEE: &str = "http://www.mee.gov.cn/ywdt/hjywnews/202204/t20220417_974894.shtml";

#[test]
fn pingtan_article() {
    let f = run(page!("01-pingtan-article.html"), PINGTAN);
    assert_eq!(
        crumb_texts(&f),
        ["首页", "政务公开", "规划信息", "工作进展情况"]
    );
    assert_eq!(
        f.breadcrumb[2].url.as_ref().unwrap().as_str(),
        "https://www.pingtan.gov.cn/zwgk/ghxx/"
    );
    assert_eq!(f.published, Some(jiff::civil::date(2024, 4, 9)));
    assert_eq!(f.meta["sitename"], "平潭综合实验区党工委管委会");
    assert_eq!(f.meta["siteidcode"], "3590000001");
    assert_eq!(f.meta["columnname"], "工作进展情况");
    assert_eq!(f.meta["pubdate"], "2024-04-09 09:04");
    assert_eq!(
        f.title.as_deref(),
        Some("工作进展情况_ 平潭综合实验区党工委管委会")
    );
    let m = &f.markers;
    assert_eq!(m.site_code.as_deref(), Some("3590000001"));
    assert_eq!(m.icp.as_deref(), Some("闽ICP备09032658号"));
    assert_eq!(m.psb.as_deref(), Some("公安备案号：35012899001-19002"));
    assert_eq!(
        m.sponsor.as_deref(),
        Some("福建省平潭综合实验区管理委员会办公室")
    );
    assert!(m.conac && m.jiucuo && m.viewport && m.search);
    // the attachment is media, not a link
    let xls = f
        .media
        .iter()
        .find(|x| x.url.path().ends_with("P020240409327393325055.XLS"))
        .expect("attachment");
    assert_eq!(xls.kind, MediaKind::Document);
    assert_eq!(xls.element, "a[href]");
    assert!(xls.context.starts_with("附件：区公安局2024年第一季度"));
    assert!(!f.links.iter().any(|l| l.url.path().ends_with(".XLS")));
    // the weather widget is a frame, not a link
    assert_eq!(f.frames.len(), 1);
    assert!(
        f.links
            .iter()
            .any(|l| l.text == "福建省人民政府" && l.url.as_str() == "http://www.fj.gov.cn/")
    );
    // "12345便民惠企服务平台" is a platform name, not a published phone number
    assert!(f.phones.is_empty(), "{:?}", f.phones);
    assert!(f.labels.iter().any(|l| l == "网站标识码"));
}

#[test]
fn pingtan_column_without_breadcrumb() {
    let f = run(
        page!("02-pingtan-ggqsydw-column.html"),
        "https://www.pingtan.gov.cn/zwgk/zfxxgk/dfbmptlj/ggqsydw/",
    );
    assert!(f.breadcrumb.is_empty());
    assert_eq!(f.meta["columnname"], "卫生健康");
    assert_eq!(f.published, None);
    assert!(f.items.is_empty());
}

#[test]
fn handan_guide_page_with_browser_residue() {
    let f = run(
        page!("03-handan-xxgk-gkzn.html"),
        "http://hdzfxxgk.hd.gov.cn/zfxxgkzn/",
    );
    assert_eq!(f.markers.site_code.as_deref(), Some("1304000009"));
    assert_eq!(f.markers.icp.as_deref(), Some("冀ICP备05029117号-1"));
    assert_eq!(f.meta["columnname"], "政府信息公开指南");
    assert!(f.headings.iter().any(|h| h == "政府信息公开指南"));
    // allow-copy extension script and `_files/…js.下载` residue do not produce bogus links
    assert!(
        f.links
            .iter()
            .all(|l| matches!(l.url.scheme(), "http" | "https"))
    );
    assert!(
        f.media
            .iter()
            .all(|m| !m.url.as_str().contains("chrome-extension"))
    );
}

#[test]
fn ordos_list_items_and_count_page() {
    let f = run(page!("04-ordos-engebei-xxgknb-list.html"), ORDOS);
    assert_eq!(f.items.len(), 10);
    assert_eq!(f.items[0].title, "鄂尔多斯市2019年政府信息公开工作年度报告");
    assert_eq!(f.items[0].date, jiff::civil::date(2020, 9, 3));
    assert_eq!(
        f.items[0].url.as_ref().unwrap().as_str(),
        "http://egb.ordos.gov.cn/xxgk/xxgknb/202009/t20200903_2748784.html"
    );
    assert_eq!(f.items[9].date, jiff::civil::date(2017, 1, 7));
    assert_eq!(
        pagination(&f),
        ["http://egb.ordos.gov.cn/xxgk/xxgknb/index_1.html"]
    );
    assert_eq!(
        f.links
            .iter()
            .find(|l| l.kind == LinkKind::Pagination)
            .unwrap()
            .text,
        "第2页"
    );
    assert_eq!(crumb_texts(&f), ["首页", "信息公开", "信息公开年报"]);
    assert_eq!(f.phones.len(), 1);
    assert_eq!(f.phones[0].number, "0477-2258659");
    assert_eq!(f.phones[0].label.as_deref(), Some("违法和不良信息举报电话"));
    assert!(
        f.media
            .iter()
            .any(|m| m.kind == MediaKind::Flash && m.element == "embed[src]")
    );
    assert_eq!(f.markers.site_code.as_deref(), Some("1506000140"));
    assert_eq!(
        f.markers.psb.as_deref(),
        Some("蒙公网安备 15062102000168号")
    );
    assert_eq!(
        f.markers.sponsor.as_deref(),
        Some("鄂尔多斯市恩格贝生态示范区管委会")
    );
    assert!(f.markers.conac && f.markers.jiucuo && f.markers.search);
    assert_eq!(f.published, None, "a list page has no publish date");
}

#[test]
fn nbgjj_home_short_dates_and_hotline() {
    let f = run(page!("05-nbgjj-home.html"), "http://www.nbgjj.com/");
    // [MM-DD] dates have no year: no dated items
    assert!(f.items.is_empty(), "{:?}", f.items);
    assert_eq!(f.phones.len(), 1, "{:?}", f.phones);
    assert_eq!(f.phones[0].number, "12329");
    assert_eq!(f.phones[0].label.as_deref(), Some("住房公积金热线"));
    assert_eq!(f.markers.icp.as_deref(), Some("浙ICP备14024908号"));
    assert_eq!(f.markers.site_code, None);
    assert!(f.markers.conac && f.markers.jiucuo && f.markers.search);
    assert!(f.breadcrumb.is_empty());
    // truncated anchor text keeps the visible text in links
    assert!(
        f.links
            .iter()
            .any(|l| l.text == "关于宁波市住房公积金网上办...")
    );
}

#[test]
fn handan_list_items_pagination_and_option_menu() {
    let f = run(page!("06-handan-xxgk-list.html"), HANDAN_LIST);
    assert_eq!(f.items.len(), 1);
    assert_eq!(f.items[0].date, jiff::civil::date(2020, 8, 5));
    assert!(f.items[0].title.starts_with("邯郸市教育局关于印发"));
    let p = pagination(&f);
    assert_eq!(p.len(), 55);
    assert_eq!(
        p[0],
        "http://hdzfxxgk.hd.gov.cn/zfwj/jinqixxgk/index_1.html"
    );
    assert_eq!(
        p[54],
        "http://hdzfxxgk.hd.gov.cn/zfwj/jinqixxgk/index_55.html"
    );
    assert_eq!(crumb_texts(&f), ["首页", "政府文件", "近期信息公开"]);
    let opt = f
        .links
        .iter()
        .find(|l| l.kind == LinkKind::Option && l.text == "外交部")
        .expect("option menu link");
    assert_eq!(opt.url.as_str(), "http://www.fmprc.gov.cn/web/");
    // search-scope options (value="all") are not links
    assert!(
        !f.links
            .iter()
            .any(|l| l.text == "全部" && l.kind == LinkKind::Option)
    );
    for l in ["名称", "索引号", "发布机构", "发布日期"] {
        assert!(f.labels.iter().any(|x| x == l), "{l}");
    }
}

#[test]
fn mee_article() {
    let f = run(page!("07-mee-article.html"), MEE);
    assert_eq!(crumb_texts(&f), ["首页", "要闻动态", "环境要闻"]);
    assert_eq!(
        f.breadcrumb[0].url.as_ref().unwrap().as_str(),
        "http://www.mee.gov.cn/"
    );
    assert_eq!(f.published, Some(jiff::civil::date(2022, 4, 17)));
    assert_eq!(f.markers.site_code.as_deref(), Some("bm17000009"));
    assert_eq!(f.meta["articletitle"], "生态环境部一周要闻（4.10-4.16）");
    assert_eq!(f.meta["author"], "王丽平", "non-empty duplicate meta wins");
    assert!(f.headings.iter().any(|h| h == "1.生态环境部召开部常务会议"));
    assert!(f.links.iter().any(|l| l.text == "更多内容，点击阅读"));
}

#[test]
fn published_from_text_and_url() {
    let u = "http://www.x.gov.cn/zwgk/202604/t20260403_1.html";
    let f = run(
        "<p>成文日期：2026-03-01</p><p>发布日期：2026年4月2日</p>",
        u,
    );
    assert_eq!(f.published, Some(jiff::civil::date(2026, 4, 2)));
    let f = run("<p>成文日期：2026-03-01</p>", u);
    assert_eq!(
        f.published,
        Some(jiff::civil::date(2026, 4, 3)),
        "falls back to the URL"
    );
    let f = run(
        "<span>时间：2026-05-06 10:00</span>",
        "http://www.x.gov.cn/a.html",
    );
    assert_eq!(f.published, Some(jiff::civil::date(2026, 5, 6)));
}

#[test]
fn gbk_page_declared_in_meta_only() {
    let html = r#"<html><head><META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=gb2312"><title>预算决算</title></head>
<body><div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/预算决算/index.html">预算决算</a></div>
<ul><li><a href="/zwgk/预算决算/202601/t20260105_1.html">2026年部门预算公开</a><span>2026-01-05</span></li></ul>
<p>联系电话：（023）63881234</p></body></html>"#;
    let (bytes, _, unmappable) = encoding_rs::GBK.encode(html);
    assert!(!unmappable);
    let d = crate::decode::decode_html(&bytes, Some("text/html"));
    assert_eq!(d.source, crate::decode::CharsetSource::Meta);
    let f = extract(&d.text, &Url::parse("http://www.x.gov.cn/zwgk/").unwrap());
    assert_eq!(f.title.as_deref(), Some("预算决算"));
    let link = f
        .links
        .iter()
        .find(|l| l.text == "预算决算")
        .expect("anchor text");
    assert_eq!(
        link.url.as_str(),
        "http://www.x.gov.cn/zwgk/%E9%A2%84%E7%AE%97%E5%86%B3%E7%AE%97/index.html"
    );
    assert_eq!(crumb_texts(&f), ["首页", "预算决算"]);
    assert_eq!(f.items.len(), 1);
    assert_eq!(f.items[0].title, "2026年部门预算公开");
    assert_eq!(f.phones[0].number, "023-63881234");
    assert_eq!(f.phones[0].label.as_deref(), Some("联系电话"));
}

#[test]
fn text_stats_and_hash() {
    let a = run(
        "<html><head><style>p{}</style><script>var x=1</script></head><body><p>页面 不存在</p></body></html>",
        "http://x.gov.cn/",
    );
    let b = run(
        "<body><p>页面不存在</p><script>other()</script></body>",
        "http://x.gov.cn/other",
    );
    assert_eq!(a.text_chars, 5);
    assert_eq!(
        a.text_hash, b.text_hash,
        "whitespace and scripts do not change the fingerprint"
    );
    let c = run("<body><p>页面已删除</p></body>", "http://x.gov.cn/");
    assert_ne!(a.text_hash, c.text_hash);
}

#[test]
fn never_panics_on_garbage() {
    let u = Url::parse("http://x.gov.cn/a/b.html").unwrap();
    let mut x: u32 = 12345;
    let alphabet: Vec<char> = "<>/=\"' a-:：当前位置首页>href src script datastore record CDATA[]!2026-01-0112345电话0231234567"
        .chars()
        .collect();
    for n in 0..300 {
        let mut s = String::new();
        for _ in 0..(n * 7 % 400) {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            s.push(alphabet[(x as usize) % alphabet.len()]);
        }
        let _ = extract(&s, &u);
    }
}

/// Release-mode throughput check: `cargo test --release --lib extract::tests::throughput -- --ignored --nocapture`.
#[test]
#[ignore]
fn throughput() {
    let pages = [
        (page!("01-pingtan-article.html"), PINGTAN),
        (page!("04-ordos-engebei-xxgknb-list.html"), ORDOS),
        (page!("06-handan-xxgk-list.html"), HANDAN_LIST),
        (page!("07-mee-article.html"), MEE),
    ];
    let urls: Vec<Url> = pages.iter().map(|(_, u)| Url::parse(u).unwrap()).collect();
    let start = std::time::Instant::now();
    let mut bytes = 0usize;
    let rounds = 200;
    for _ in 0..rounds {
        for ((html, _), u) in pages.iter().zip(&urls) {
            bytes += html.len();
            std::hint::black_box(extract(html, u));
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let n = rounds * pages.len();
    eprintln!(
        "{n} pages, {:.0} pages/s/core, {:.1} MB/s, {:.0} µs/page (avg {:.0} KB)",
        n as f64 / secs,
        bytes as f64 / secs / 1e6,
        secs / n as f64 * 1e6,
        bytes as f64 / n as f64 / 1024.0
    );
}

#[test]
#[ignore]
fn profile_stages() {
    let pages = [
        (page!("01-pingtan-article.html"), PINGTAN),
        (page!("04-ordos-engebei-xxgknb-list.html"), ORDOS),
        (page!("06-handan-xxgk-list.html"), HANDAN_LIST),
        (page!("07-mee-article.html"), MEE),
    ];
    let docs: Vec<(Html, Url)> = pages
        .iter()
        .map(|(h, u)| (Html::parse_document(h), Url::parse(u).unwrap()))
        .collect();
    let t = |name: &str, f: &dyn Fn(&Html, &Url)| {
        let start = std::time::Instant::now();
        for _ in 0..100 {
            for (d, u) in &docs {
                f(d, u);
            }
        }
        eprintln!(
            "{name}: {:.0} µs/page",
            start.elapsed().as_secs_f64() / 400.0 * 1e6
        );
    };
    t("parse", &|_, _| {
        for (h, _) in &pages[..1] {
            std::hint::black_box(Html::parse_document(h));
        }
    });
    t("index", &|d, _| {
        std::hint::black_box(PageIndex::build(d).text.len());
    });
    let ixs: Vec<(PageIndex<'_>, links::Resolver)> = docs
        .iter()
        .map(|(d, u)| {
            let ix = PageIndex::build(d);
            let r = links::Resolver::new(u, ix.base);
            (ix, r)
        })
        .collect();
    let t2 = |name: &str, f: &dyn Fn(&PageIndex<'_>, &links::Resolver)| {
        let start = std::time::Instant::now();
        for _ in 0..100 {
            for (ix, r) in &ixs {
                f(ix, r);
            }
        }
        eprintln!(
            "{name}: {:.0} µs/page",
            start.elapsed().as_secs_f64() / 400.0 * 1e6
        );
    };
    t2("phones", &|ix, _| {
        std::hint::black_box(phones::find_phones(&ix.text));
    });
    t2("links", &|ix, r| {
        let mut f = PageFacts::default();
        links::collect(ix, r, &mut f);
        std::hint::black_box(f);
    });
    t2("media", &|ix, r| {
        let mut f = PageFacts::default();
        media::collect(ix, r, &mut f);
        std::hint::black_box(f);
    });
    t2("crumb", &|ix, r| {
        std::hint::black_box(breadcrumb::extract(ix, r));
    });
    t2("items", &|ix, r| {
        let mut f = PageFacts::default();
        items::collect(ix, r, &mut f);
        std::hint::black_box(f);
    });
    t2("pagination", &|ix, r| {
        let mut f = PageFacts::default();
        pagination::collect(ix, r, r.base(), &mut f);
        std::hint::black_box(f);
    });
    t2("markers", &|ix, _| {
        let f = PageFacts::default();
        std::hint::black_box(markers::collect(ix, &ix.text, &f));
    });
    t2("headings", &|ix, _| {
        std::hint::black_box(markers::headings(ix, &ix.text));
    });
    t2("labels", &|ix, _| {
        std::hint::black_box(markers::labels(ix, &ix.text));
    });
    t2("published", &|ix, _| {
        std::hint::black_box(published_from_text(&ix.text));
    });
    t2("needs_js", &|ix, _| {
        let f = PageFacts::default();
        std::hint::black_box(items::needs_js_hint(ix, &f));
    });
}

#[test]
fn a_stub_whose_script_builds_its_target_needs_the_browser() {
    let stub = r#"<!DOCTYPE html><html><head><meta charset="utf-8"><title>政府信息公开指南</title></head>
<body><script>
var here = location.pathname;
setTimeout(function () { window.location.href = here + "zn/"; }, 0);
</script></body></html>"#;
    let f = run(stub, "http://www.a.gov.cn/zwgk/gkzn/");
    assert!(f.redirect.is_none(), "the target is not in the markup");
    assert!(f.needs_js, "rendering tells where it goes");
    let written = r#"<html><head><script>var to = location.pathname + "zd/";
document.write('<meta http-equiv="Refresh" content="0;URL=' + to + '">');</script></head><body></body></html>"#;
    let f = run(written, "http://www.a.gov.cn/zwgk/gkzd/");
    assert!(
        f.redirect.is_none() && f.needs_js,
        "a refresh tag written with a built URL"
    );
    // a page with its own text and a conditional mobile redirect is a page
    let page = format!(
        "<html><body><p>{}</p><script>if (/Mobile/.test(navigator.userAgent)) {{ location.href = '/m/'; }}</script></body></html>",
        "本机关负责本区文化和旅游工作。".repeat(12)
    );
    assert!(!run(&page, "http://www.a.gov.cn/").needs_js);
}
