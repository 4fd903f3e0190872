//! Generated department sites for the focused-crawl tests and benchmarks: the required
//! disclosure columns sit three to five clicks deep (政务公开 > 法定主动公开内容 > 履职依据 >
//! 规范性文件 > 现行有效 …) behind a home page with hundreds of news links, and bulk
//! columns (news, 专题, 政策文件) hold almost all pages. Two URL styles: TRS WCM (pinyin
//! slug directories, `t20261105_12.html`) and Hanweb (`/col/col1012/`, `/art/2026/11/5/
//! art_1012_12.html`: no slugs, columns are found by their names only). 疫情防控 and 政府公报
//! are missing on purpose, so two path checks fail.

use std::fmt::Write as _;
use std::fs;
use std::io;
use std::path::Path;

/// URL style of a generated site.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// TRS WCM: slug directories, `index_N.html` pages, `tYYYYMMDD_N.html` articles
    Trs,
    /// Hanweb: `/col/colID/index.html` columns, `/art/Y/M/D/art_ID_N.html` articles
    Hanweb,
}

/// What to generate.
#[derive(Debug, Clone)]
pub struct GenSpec {
    pub host: String,
    /// total pages, approximately (at least the fixed columns)
    pub pages: usize,
    pub style: Style,
    /// newest news articles linked from the home page
    pub home_news: usize,
}

/// Items per list page.
const PER_LIST: usize = 20;

struct Col {
    slug: &'static str,
    name: &'static str,
    /// fixed article count; `None` = a bulk column sharing the remaining pages
    articles: Option<usize>,
    /// article titles (cycled; `{n}` is replaced by the item number, `{y}` by a year)
    titles: &'static [&'static str],
    children: Vec<Col>,
}

fn col(slug: &'static str, name: &'static str, articles: usize, children: Vec<Col>) -> Col {
    Col {
        slug,
        name,
        articles: Some(articles),
        titles: &[],
        children,
    }
}

fn bulk(slug: &'static str, name: &'static str) -> Col {
    Col {
        slug,
        name,
        articles: None,
        titles: &[],
        children: vec![],
    }
}

fn titled(mut c: Col, titles: &'static [&'static str]) -> Col {
    c.titles = titles;
    c
}

fn tree() -> Vec<Col> {
    vec![
        col(
            "xwdt",
            "新闻动态",
            0,
            vec![
                bulk("gzdt", "工作动态"),
                bulk("qxdt", "区县动态"),
                bulk("mtgz", "媒体关注"),
            ],
        ),
        col(
            "zwgk",
            "政务公开",
            0,
            vec![
                col("zfxxgkzn", "政府信息公开指南", 1, vec![]),
                col(
                    "fdzdgknr",
                    "法定主动公开内容",
                    0,
                    vec![
                        col(
                            "jgjj",
                            "机关简介",
                            0,
                            vec![
                                col("jgzn", "机构职能", 2, vec![]),
                                col("ldxx", "领导信息", 3, vec![]),
                                col("lxwm", "联系我们", 0, vec![]),
                            ],
                        ),
                        titled(
                            col("czyjs", "预算/决算", 6, vec![]),
                            &["{y}年部门预算", "{y1}年部门决算"],
                        ),
                        bulk("zcwj", "政策文件"),
                        col(
                            "zcjd",
                            "政策解读",
                            0,
                            vec![
                                col("spjd", "视频解读", 4, vec![]),
                                col("tpjd", "图片解读", 4, vec![]),
                                col("wzjd", "文字解读", 8, vec![]),
                            ],
                        ),
                        col(
                            "lzyj",
                            "履职依据",
                            0,
                            vec![
                                col("xzfg", "行政法规", 6, vec![]),
                                col("bmgz", "部门规章", 4, vec![]),
                                col(
                                    "gfxwj",
                                    "规范性文件",
                                    0,
                                    vec![
                                        col("xxyx", "现行有效", 12, vec![]),
                                        col("fzhsx", "失效废止", 6, vec![]),
                                    ],
                                ),
                            ],
                        ),
                        titled(
                            col("fzzfjs", "法治政府建设年度报告", 3, vec![]),
                            &["{y1}年法治政府建设年度报告"],
                        ),
                        col("ggqsydw", "公共企事业单位信息公开", 5, vec![]),
                        bulk("rsxx", "人事信息"),
                        col("ghjh", "规划计划", 8, vec![]),
                    ],
                ),
                titled(
                    col("zfxxgknb", "政府信息公开年报", 3, vec![]),
                    &["{y1}年政府信息公开工作年度报告"],
                ),
            ],
        ),
        col(
            "hdjl",
            "互动交流",
            0,
            vec![
                col("gkxx", "公开信箱", 10, vec![]),
                col("zxjy", "咨询建言", 10, vec![]),
            ],
        ),
        col(
            "ztzl",
            "专题专栏",
            0,
            (0..8)
                .map(|i| {
                    bulk(
                        ["zt1", "zt2", "zt3", "zt4", "zt5", "zt6", "zt7", "zt8"][i],
                        [
                            "乡村振兴",
                            "营商环境",
                            "文明创建",
                            "安全生产",
                            "扫黑除恶",
                            "生态环保",
                            "民生实事",
                            "法治宣传",
                        ][i],
                    )
                })
                .collect(),
        ),
    ]
}

/// A column placed in the site: URL, breadcrumb, articles.
struct Placed {
    id: usize,
    name: &'static str,
    /// URL path of the column page (ends with `/`)
    url: String,
    /// breadcrumb (name, url) from the top column to this one
    trail: Vec<(&'static str, String)>,
    articles: usize,
    bulk: bool,
    titles: &'static [&'static str],
    /// indexes of the child columns in the placed list
    children: Vec<usize>,
    depth: usize,
}

fn place(cols: &[Col], parent: Option<usize>, style: Style, out: &mut Vec<Placed>) -> Vec<usize> {
    let mut ids = Vec::new();
    for c in cols {
        let id = out.len();
        let (url, trail, depth) = match parent {
            Some(p) => {
                let pp = &out[p];
                let url = match style {
                    Style::Trs => format!("{}{}/", pp.url, c.slug),
                    Style::Hanweb => format!("/col/col{}/", 1000 + id),
                };
                let mut trail = pp.trail.clone();
                trail.push((c.name, url.clone()));
                (url, trail, pp.depth + 1)
            }
            None => {
                let url = match style {
                    Style::Trs => format!("/{}/", c.slug),
                    Style::Hanweb => format!("/col/col{}/", 1000 + id),
                };
                (url.clone(), vec![(c.name, url)], 1)
            }
        };
        out.push(Placed {
            id: 1000 + id,
            name: c.name,
            url,
            trail,
            articles: c.articles.unwrap_or(0),
            bulk: c.articles.is_none(),
            titles: c.titles,
            children: vec![],
            depth,
        });
        let kids = place(&c.children, Some(id), style, out);
        out[id].children = kids;
        ids.push(id);
    }
    ids
}

/// Date of the `n`-th newest article of a column: one every `step` days back from 2026-11-20.
fn date_of(n: usize, step: usize) -> jiff::civil::Date {
    let start = jiff::civil::date(2026, 11, 20);
    start
        .checked_sub(jiff::Span::new().days((n * step) as i64))
        .unwrap_or(start)
}

fn article_url(style: Style, c: &Placed, n: usize, d: jiff::civil::Date) -> String {
    match style {
        Style::Trs => format!(
            "{}{:04}{:02}/t{:04}{:02}{:02}_{n}.html",
            c.url,
            d.year(),
            d.month(),
            d.year(),
            d.month(),
            d.day()
        ),
        Style::Hanweb => format!(
            "/art/{}/{}/{}/art_{}_{n}.html",
            d.year(),
            d.month(),
            d.day(),
            c.id
        ),
    }
}

fn article_title(c: &Placed, n: usize) -> String {
    if c.titles.is_empty() {
        return format!("{}信息第{n}条", c.name);
    }
    let t = c.titles[n % c.titles.len()];
    let year = 2026 - (n / c.titles.len()) as i32;
    t.replace("{y1}", &(year - 1).to_string())
        .replace("{y}", &year.to_string())
}

fn list_file(k: usize) -> String {
    if k == 0 {
        "index.html".into()
    } else {
        format!("index_{k}.html")
    }
}

struct Writer<'a> {
    root: &'a Path,
    top: Vec<(&'static str, String)>,
    written: usize,
}

impl Writer<'_> {
    fn page(
        &mut self,
        path: &str,
        title: &str,
        column: &str,
        trail: &[(&str, String)],
        body: &str,
        meta: &str,
    ) -> io::Result<()> {
        let mut out = String::with_capacity(4096 + body.len());
        let _ = write!(
            out,
            "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{title}_测试区发展改革委</title>\
<meta name=\"SiteName\" content=\"测试区发展改革委\"><meta name=\"SiteDomain\" content=\"gen.gov.cn\">\
<meta name=\"SiteIDCode\" content=\"5001990009\"><meta name=\"ColumnName\" content=\"{column}\">{meta}\
<meta name=\"viewport\" content=\"width=device-width\"></head><body><div class=\"nav\"><a href=\"/\">首页</a>"
        );
        for (name, url) in &self.top {
            let _ = write!(out, "<a href=\"{url}\">{name}</a>");
        }
        out.push_str("</div>");
        if !trail.is_empty() {
            out.push_str("<div class=\"position\">您当前的位置：<a href=\"/\">首页</a>");
            for (name, url) in trail {
                let _ = write!(out, " &gt; <a href=\"{url}\">{name}</a>");
            }
            out.push_str("</div>");
        }
        out.push_str(body);
        out.push_str("<div class=\"footer\"><p>主办单位：测试区发展和改革委员会 地址：测试区政府路8号 电话：023-61234567</p>\
<p>网站标识码：5001990009 <a href=\"https://beian.miit.gov.cn/\">渝ICP备00000009号</a> 渝公网安备 50019902000009号</p></div></body></html>");
        let file = if path.ends_with('/') {
            format!("{path}index.html")
        } else {
            path.to_string()
        };
        let full = self.root.join(file.trim_start_matches('/'));
        if let Some(dir) = full.parent() {
            fs::create_dir_all(dir)?;
        }
        fs::write(full, out)?;
        self.written += 1;
        Ok(())
    }
}

/// Write the site under `root/HOST/`; returns the number of pages written.
pub fn generate(root: &Path, spec: &GenSpec) -> io::Result<usize> {
    let style = spec.style;
    let mut cols = Vec::new();
    let tops = place(&tree(), None, style, &mut cols);
    // share the remaining pages among the bulk columns (articles + their list pages)
    let fixed: usize = 1
        + cols.len()
        + cols
            .iter()
            .filter(|c| !c.bulk)
            .map(|c| c.articles + c.articles.saturating_sub(1) / PER_LIST)
            .sum::<usize>();
    let nbulk = cols.iter().filter(|c| c.bulk).count().max(1);
    let per_bulk = spec.pages.saturating_sub(fixed) * PER_LIST / (PER_LIST + 1) / nbulk;
    for c in cols.iter_mut().filter(|c| c.bulk) {
        c.articles = per_bulk;
    }
    let site = root.join(&spec.host);
    let mut w = Writer {
        root: &site,
        top: tops
            .iter()
            .map(|&i| (cols[i].name, cols[i].url.clone()))
            .collect(),
        written: 0,
    };
    // home page: navigation, then the newest news of the bulk news columns
    let mut home = String::from("<ul class=\"menu\">");
    for &i in &tops {
        let _ = write!(
            home,
            "<li><a href=\"{}\">{}</a></li>",
            cols[i].url, cols[i].name
        );
    }
    home.push_str("</ul><ul class=\"news\">");
    let news: Vec<usize> = cols
        .iter()
        .enumerate()
        .filter(|(_, c)| c.bulk && c.depth == 2 && c.trail[0].0 == "新闻动态")
        .map(|(i, _)| i)
        .collect();
    for k in 0..spec.home_news {
        let c = &cols[news[k % news.len()]];
        let n = k / news.len();
        if n >= c.articles {
            break;
        }
        let d = date_of(n, 1);
        let _ = write!(
            home,
            "<li><a href=\"{}\">{}</a><span>{d}</span></li>",
            article_url(style, c, n, d),
            article_title(c, n)
        );
    }
    home.push_str("</ul>");
    w.page("/", "首页", "首页", &[], &home, "")?;
    for c in &cols {
        write_column(&mut w, style, c, &cols)?;
    }
    Ok(w.written)
}

fn write_column(w: &mut Writer, style: Style, c: &Placed, cols: &[Placed]) -> io::Result<()> {
    let step = if c.bulk { 1 } else { 30 };
    let lists = c.articles.div_ceil(PER_LIST).max(1);
    let mut sub = String::new();
    if !c.children.is_empty() {
        sub.push_str("<ul class=\"sub\">");
        for &k in &c.children {
            let _ = write!(
                sub,
                "<li><a href=\"{}\">{}</a></li>",
                cols[k].url, cols[k].name
            );
        }
        sub.push_str("</ul>");
    }
    for l in 0..lists {
        let mut body = format!("<h2>{}</h2>{sub}", c.name);
        if c.name == "联系我们" {
            body.push_str("<div class=\"TRS_Editor\"><p>办公地址：测试区政府路8号</p><p>办公时间：工作日 9:00-12:00，14:00-17:30</p><p>联系电话：023-61234567</p><p>传真：023-61234568</p><p>邮政编码：401120</p></div>");
        }
        if c.articles > 0 {
            body.push_str("<ul class=\"list\">");
            for n in l * PER_LIST..((l + 1) * PER_LIST).min(c.articles) {
                let d = date_of(n, step);
                let _ = write!(
                    body,
                    "<li><a href=\"{}\">{}</a><span>{d}</span></li>",
                    article_url(style, c, n, d),
                    article_title(c, n)
                );
            }
            body.push_str("</ul>");
            if lists > 1 {
                let _ = write!(
                    body,
                    "<script>createPageHTML({lists}, {l}, \"index\", \"html\");</script>"
                );
            }
        }
        let path = format!(
            "{}{}",
            c.url,
            if l == 0 { String::new() } else { list_file(l) }
        );
        w.page(&path, c.name, c.name, &c.trail, &body, "")?;
    }
    for n in 0..c.articles {
        let d = date_of(n, step);
        let title = article_title(c, n);
        let mut body = format!(
            "<h1>{title}</h1><div class=\"info\">发布时间：{d} 来源：测试区发展改革委</div><div class=\"TRS_Editor\">"
        );
        for p in 0..6 {
            let _ = write!(
                body,
                "<p>第{p}段：为深入贯彻落实政务公开工作要点，进一步做好{}相关信息公开工作，现将有关事项通知如下。</p>",
                c.name
            );
        }
        body.push_str("</div>");
        let meta = format!(
            "<meta name=\"ArticleTitle\" content=\"{title}\"><meta name=\"PubDate\" content=\"{d} 09:00\">"
        );
        w.page(
            &article_url(style, c, n, d),
            &title,
            c.name,
            &c.trail,
            &body,
            &meta,
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generates_about_the_requested_size_in_both_styles() {
        for style in [Style::Trs, Style::Hanweb] {
            let dir = tempfile::tempdir().unwrap();
            let spec = GenSpec {
                host: "www.gen.gov.cn".into(),
                pages: 600,
                style,
                home_news: 60,
            };
            let n = generate(dir.path(), &spec).unwrap();
            assert!((560..=640).contains(&n), "{style:?}: {n}");
            let home = fs::read_to_string(dir.path().join("www.gen.gov.cn/index.html")).unwrap();
            assert_eq!(home.matches("<li><a href=").count(), 4 + 60);
            let deep = match style {
                Style::Trs => "www.gen.gov.cn/zwgk/fdzdgknr/lzyj/gfxwj/xxyx/index.html",
                Style::Hanweb => "www.gen.gov.cn/col/col1021/index.html",
            };
            let text = fs::read_to_string(dir.path().join(deep)).unwrap();
            assert!(text.contains("现行有效"), "{deep}");
        }
    }
}
