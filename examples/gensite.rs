//! Generate a large government-style site for the crawl benchmark.
//!
//! `cargo run --release --example gensite -- OUT_DIR [PAGES] [HOST]` writes
//! `OUT_DIR/HOST/…`: a home page, 20 columns with TRS-style list pages paginated by
//! `createPageHTML(N, i, "index", "html")` (20 items per page) and article pages of about
//! 15 KB each with a heavy header menu, a breadcrumb and a footer with link groups.

use std::fmt::Write as _;
use std::fs;
use std::path::Path;

const COLUMNS: &[(&str, &str)] = &[
    ("zwdt", "政务动态"),
    ("tzgg", "通知公告"),
    ("zcwj", "政策文件"),
    ("zcjd", "政策解读"),
    ("rsxx", "人事信息"),
    ("ghxx", "规划信息"),
    ("czyjs", "预算/决算"),
    ("tjxx", "统计信息"),
    ("zfcg", "政府采购"),
    ("xzxk", "行政许可"),
    ("xzcf", "行政处罚"),
    ("yjgl", "应急管理"),
    ("jyta", "建议提案"),
    ("zdxm", "重大项目"),
    ("shjz", "社会救助"),
    ("jyxx", "教育信息"),
    ("ylws", "医疗卫生"),
    ("hjbh", "环境保护"),
    ("aqsc", "安全生产"),
    ("spaq", "食品安全"),
];

fn header(out: &mut String) {
    out.push_str("<div class=\"header\"><div class=\"logo\"><img src=\"/images/logo.png\" alt=\"秀水区人民政府\"></div><ul class=\"nav\">");
    for (slug, name) in COLUMNS {
        let _ = write!(
            out,
            "<li><a href=\"/zwgk_229/{slug}/\">{name}</a><ul class=\"sub\">"
        );
        for i in 1..=4 {
            let _ = write!(
                out,
                "<li><a href=\"/zwgk_229/{slug}/\">{name}子栏目{i}</a></li>"
            );
        }
        out.push_str("</ul></li>");
    }
    out.push_str("</ul></div>");
}

fn footer(out: &mut String) {
    out.push_str("<div class=\"footer\"><div class=\"links\">");
    for g in 0..4 {
        let _ = write!(out, "<dl><dt>链接组{g}</dt>");
        for i in 0..8 {
            let _ = write!(
                out,
                "<dd><a href=\"http://www.dept{g}{i}.gov.cn/\" target=\"_blank\">部门网站{g}{i}</a></dd>"
            );
        }
        out.push_str("</dl>");
    }
    out.push_str("</div><p>主办单位：秀水区人民政府办公室 地址：秀水区政府路1号 电话：023-12345678</p>\
<p>网站标识码：5001990001 <a href=\"https://beian.miit.gov.cn/\">渝ICP备12345678号-1</a> 渝公网安备 50019902000001号</p></div>");
}

fn page(title: &str, crumbs: &str, body: &str) -> String {
    let mut out = String::with_capacity(16 * 1024);
    let _ = write!(
        out,
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{title}_秀水区人民政府</title>\
<meta name=\"SiteName\" content=\"秀水区人民政府\"><meta name=\"SiteIDCode\" content=\"5001990001\"></head><body>"
    );
    header(&mut out);
    let _ = write!(
        out,
        "<div class=\"position\">您当前的位置：<a href=\"/\">首页</a> &gt; {crumbs}</div><div class=\"main\">{body}</div>"
    );
    footer(&mut out);
    out.push_str("</body></html>");
    out
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let out = args
        .get(1)
        .map(String::as_str)
        .unwrap_or("target/bench-site");
    let pages: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(20_000);
    let host = args
        .get(3)
        .map(String::as_str)
        .unwrap_or("www.bench.gov.cn");
    let root = Path::new(out).join(host);
    let per_list = 20;
    let ncol = COLUMNS.len();
    // pages = 1 home + lists + articles; lists = ceil(articles_per_col / per_list) per column
    let articles_per_col = (pages.saturating_sub(1) * per_list / (per_list + 1)) / ncol;
    let lists_per_col = articles_per_col.div_ceil(per_list);
    let mut written = 0usize;
    let mut home = String::from("<ul>");
    for (slug, name) in COLUMNS {
        let _ = write!(home, "<li><a href=\"/zwgk_229/{slug}/\">{name}</a></li>");
    }
    home.push_str("</ul>");
    fs::create_dir_all(&root).expect("create output folder");
    fs::write(root.join("index.html"), page("首页", "", &home)).expect("write");
    fs::create_dir_all(root.join("zwgk_229")).expect("mkdir");
    fs::write(
        root.join("zwgk_229/index.html"),
        page("政务公开", "政务公开", &home),
    )
    .expect("write");
    written += 2;
    for (slug, name) in COLUMNS {
        let dir = root.join("zwgk_229").join(slug);
        fs::create_dir_all(dir.join("202611")).expect("mkdir");
        for l in 0..lists_per_col {
            let mut body = String::from("<ul class=\"list\">");
            for k in 0..per_list {
                let n = l * per_list + k;
                if n >= articles_per_col {
                    break;
                }
                let day = 1 + n % 27;
                let _ = write!(
                    body,
                    "<li><a href=\"./202611/t202611{day:02}_{n}.html\">{name}信息第{n}条</a><span>2026-11-{day:02}</span></li>"
                );
            }
            let _ = write!(
                body,
                "</ul><script>createPageHTML({lists_per_col}, {l}, \"index\", \"html\");</script>"
            );
            let file = if l == 0 {
                "index.html".to_string()
            } else {
                format!("index_{l}.html")
            };
            fs::write(
                dir.join(file),
                page(
                    name,
                    &format!("<a href=\"../\">政务公开</a> &gt; <a href=\"./\">{name}</a>"),
                    &body,
                ),
            )
            .expect("write");
            written += 1;
        }
        for n in 0..articles_per_col {
            let day = 1 + n % 27;
            let mut body = format!("<h1>{name}信息第{n}条</h1><div class=\"TRS_Editor\">");
            for p in 0..12 {
                let _ = write!(
                    body,
                    "<p>第{p}段：为深入贯彻落实政务公开工作要点，进一步做好{name}相关信息公开工作，现将有关事项通知如下。</p>"
                );
            }
            body.push_str("</div>");
            fs::write(
                dir.join("202611").join(format!("t202611{day:02}_{n}.html")),
                page(
                    &format!("{name}信息第{n}条"),
                    &format!("<a href=\"../../\">政务公开</a> &gt; <a href=\"../\">{name}</a>"),
                    &body,
                ),
            )
            .expect("write");
            written += 1;
        }
    }
    println!("{written} pages written under {}", root.display());
}
