//! Malformed input never panics the decode and extract stages: thousands of random pages
//! built from real-world tag soup (unclosed tables, broken entities, stray CDATA, bad URLs,
//! mixed encodings, truncated tags) go through `decode_html` + `extract`.

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

const PIECES: &[&str] = &[
    "<html>",
    "<head>",
    "<meta charset=gb2312>",
    "<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=GBK\">",
    "<title>",
    "</title>",
    "<body>",
    "<table>",
    "<tr>",
    "<td>",
    "</td>",
    "<th>名称</th>",
    "<li>",
    "<a href=\"",
    "\">",
    "</a>",
    "<a href='javascript:void(0)' onclick=\"window.open('/x/预算决算.html')\">",
    "<img src=\"",
    "<img srcset=\"a.png 1x, b.png 2x\">",
    "<video src=\"v.mp4\" poster=\"p.jpg\">",
    "<embed src=\"f.swf\">",
    "<object data=\"x.pdf\"><param name=movie value=\"m.swf\"></object>",
    "<iframe src=\"",
    "<select><option value=\"http://a.gov.cn/\">",
    "</select>",
    "当前位置：",
    "您当前的位置",
    " &gt; ",
    " >> ",
    "首页",
    "政务公开",
    "法定主动公开内容",
    "预算/决算",
    "2026-11-03",
    "2026年11月3日",
    "二〇二六年十一月三日",
    "[11-03]",
    "t20261103_123.html",
    "023-63881234",
    "12345",
    "13812345678",
    "（０２３）６３８８１２３４",
    "办公电话：",
    "投诉举报电话：",
    "网站标识码：5001990001",
    "渝ICP备12003456号-1",
    "渝公网安备 50019902000123号",
    "<script>createPageHTML(9, 0, \"index\", \"html\");</script>",
    "<script>var countPage = 17;",
    "<script type=\"text/xml\"><datastore><record><![CDATA[<li><a href=\"/art/2026/11/3/art_1_2.html\">x</a><span>2026-11-03</span></li>]]></record>",
    "</datastore></script>",
    "<![CDATA[",
    "]]>",
    "<!--",
    "-->",
    "&#x",
    "&nbsp;",
    "&amp",
    "\u{3000}",
    "http://[::1",
    "https://exa mple.gov.cn/a b",
    "/a/../../../b",
    "?a=1&b=%ZZ",
    "#frag",
    "<",
    ">",
    "\"",
    "'",
    "<strong>一、出台背景</strong>",
    "<h2>（二）主要内容</h2>",
    "本栏目暂无信息",
    "留言时间：2026-11-03",
    "\u{feff}",
    "\u{200b}",
    "\u{fffd}",
    "<base href=\"/sub/\">",
    "<area href=\"/m.html\" alt=\"地图\">",
];

#[test]
fn random_tag_soup_never_panics() {
    let mut rng = StdRng::seed_from_u64(20261127);
    let base = url::Url::parse("http://www.xsq.cq.gov.cn/zwgk_229/index.html").unwrap();
    let mut links = 0usize;
    for _ in 0..3000 {
        let n = rng.random_range(1..120);
        let mut page = String::new();
        for _ in 0..n {
            page.push_str(PIECES[rng.random_range(0..PIECES.len())]);
        }
        // a third of the pages are encoded as GBK, some are cut in the middle of a character
        let mut bytes = if rng.random_bool(0.33) {
            encoding_rs::GBK.encode(&page).0.into_owned()
        } else {
            page.into_bytes()
        };
        if rng.random_bool(0.2) && !bytes.is_empty() {
            let cut = rng.random_range(0..bytes.len());
            bytes.truncate(cut);
        }
        let ct = match rng.random_range(0..3) {
            0 => None,
            1 => Some("text/html"),
            _ => Some("text/html; charset=utf-8"),
        };
        let decoded = zwgk::decode::decode_html(&bytes, ct);
        let facts = zwgk::extract::extract(&decoded.text, &base);
        links += facts.links.len();
        for l in &facts.links {
            assert!(matches!(l.url.scheme(), "http" | "https"), "{}", l.url);
            assert!(l.url.fragment().is_none(), "{}", l.url);
        }
    }
    assert!(links > 0, "the generator does produce links");
}
