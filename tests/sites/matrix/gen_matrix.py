#!/usr/bin/env python3
"""Generate the check-kind matrix's own fixture sites (tests/sites/matrix/, read by
tests/kind_matrix.rs): the passing and failing variants that the other fixture sites lack,
in their markup families. The page builders are those of ../real/gen_cms.py (Hanweb jcms)
and ../real/gen_dates_phones.py (JSP), the 年报 tables those of ../docs/gen_docs.py, here
pasted from Word the way many 年报 articles are (MsoNormalTable, <p class=MsoNormal><span>
cells, bold paragraphs instead of headings).

www.hwy.gov.cn        Hanweb 区县 site: 规范性文件 split into 现行有效 / 失效废止 sub-columns;
                      a 文字解读 (with its own picture) linking its policy by 原文链接 and the
                      policy linking back (相关解读); six list columns with no record at all (blank); a Word-pasted
                      年报 whose tables add up.
wlj.jspy.cq.gov.cn    JSP 部门 site (`;jsessionid=` links): 规范性文件 as one unclassified
                      table; a Word-pasted 年报 whose 第三部分 and 第四部分 do not add up.
Judging date of the tests: 2026-11-27. Run from this directory: python3 gen_matrix.py
"""
import os
import re
import shutil
import sys

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "real"))
sys.path.insert(0, os.path.join(HERE, "..", "docs"))
import gen_cms  # noqa: E402
import gen_dates_phones  # noqa: E402
import gen_docs  # noqa: E402

gen_cms.ROOT = HERE
gen_dates_phones.ROOT = HERE
HOSTS = ["www.hwy.gov.cn", "wlj.jspy.cq.gov.cn"]


def word_pasted(html):
    """A 年报 body as Word's "save as web page" writes it."""
    html = html.replace('<table border="1" cellspacing="0">',
                        "<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 "
                        "style='border-collapse:collapse;border:none'>")
    html = re.sub(r"<td([^>]*)>(.*?)</td>",
                  lambda m: f"<td{m.group(1)} valign=top style='border:solid windowtext 1.0pt;padding:0cm 5.4pt'>"
                            f"<p class=MsoNormal align=center style='text-align:center'><span lang=EN-US "
                            f"style='font-size:10.5pt;font-family:仿宋_GB2312'>{m.group(2)}</span></p></td>", html)
    html = re.sub(r"<h3>(.*?)</h3>", r"<p class=MsoNormal style='text-indent:32.0pt'><b><span "
                  r"style='font-size:16.0pt;font-family:黑体'>\1</span></b></p>", html)
    html = re.sub(r"<p>(.*?)</p>", r"<p class=MsoNormal style='text-indent:32.0pt'><span "
                  r"style='font-size:16.0pt;font-family:仿宋_GB2312'>\1</span></p>", html)
    return f'<div class="WordSection1">{html}</div>'


class Hwy(gen_cms.Hanweb):
    host = "www.hwy.gov.cn"
    name = "华阳县人民政府"
    code = "3306280001"

    def blank(self, n, title, crumbs, side):
        """A list column with no record: the list container and its pager only."""
        body = (gen_cms.side_html(side) + f'<div class="right"><div class="lmtitle">{title}</div>'
                '<div class="default_pgContainer"><ul class="list"></ul></div>'
                '<div class="default_pgPanel"><span class="default_pgTotalRecord">0</span></div></div>')
        self.page(f"/col/col{n}/index.html", title, body, column=title, crumbs=crumbs)

    def build(self):
        gk = [("政府信息公开", "/col/col101/index.html")]
        fd = gk + [("法定主动公开内容", "/col/col102/index.html")]
        blanks = [(151, "重大建设项目"), (152, "建议提案办理"), (153, "行政执法"), (154, "统计信息"),
                  (155, "应急管理"), (156, "人事信息")]
        side = ("法定主动公开内容", [("政策文件", "/col/col140/index.html"), ("政策解读", "/col/col105/index.html"),
                                   ("履职依据", "/col/col130/index.html")] +
                [(t, f"/col/col{n}/index.html") for n, t in blanks])
        news = self.col(301, "华阳要闻", [("走进华阳", "/col/col301/index.html")],
                        [("华阳县召开县政府常务会议", "2026-11-21"), ("华阳县部署冬季安全生产", "2026-11-16")])
        self.page("/", self.name, '<div class="news"><h3>华阳要闻</h3><ul>' + "".join(
            f'<li><a href="{u}">{t}</a><span>{d[5:]}</span></li>' for t, u, d in news) +
                  '</ul></div><div class="gk"><a href="/col/col101/index.html">政府信息公开</a></div>')
        self.page("/col/col101/index.html", "政府信息公开", '<div class="gkml"><ul>'
                  '<li><a href="/col/col102/index.html">法定主动公开内容</a></li>'
                  '<li><a href="/col/col122/index.html">政府信息公开年报</a></li></ul></div>',
                  column="政府信息公开", crumbs=gk)
        self.page("/col/col102/index.html", "法定主动公开内容", '<div class="gkml"><ul>' + "".join(
            f'<li><a href="{u}">{t}</a></li>' for t, u in side[1]) + '</ul></div>', column="法定主动公开内容", crumbs=fd)
        # 履职依据 > 规范性文件 > 现行有效 / 失效废止
        lz = fd + [("履职依据", "/col/col130/index.html")]
        self.page("/col/col130/index.html", "履职依据", gen_cms.side_html(side) +
                  '<div class="right"><div class="lmtitle">履职依据</div><ul>'
                  '<li><a href="/col/col131/index.html">规范性文件</a></li></ul></div>', column="履职依据", crumbs=lz)
        gf = lz + [("规范性文件", "/col/col131/index.html")]
        gf_side = ("规范性文件", [("现行有效", "/col/col132/index.html"), ("失效废止", "/col/col133/index.html")])
        self.page("/col/col131/index.html", "规范性文件", gen_cms.side_html(gf_side) +
                  '<div class="right"><div class="lmtitle">规范性文件</div><ul>'
                  '<li><a href="/col/col132/index.html">现行有效</a></li>'
                  '<li><a href="/col/col133/index.html">失效废止</a></li></ul></div>', column="规范性文件", crumbs=gf)
        self.col(132, "现行有效", gf + [("现行有效", "/col/col132/index.html")],
                 [("华阳县农村集体资产管理办法", "2026-05-12")], side=gf_side)
        self.col(133, "失效废止", gf + [("失效废止", "/col/col133/index.html")],
                 [("华阳县关于废止部分规范性文件的决定", "2026-03-02")], side=gf_side)
        # 政策文件 and its 解读, linked both ways in their own bodies
        self.art += 1
        doc_t, doc_u = "华阳县促进民营经济发展若干措施", f"/art/2026/10/12/art_140_{self.art}.html"
        self.art += 1
        jd_t, jd_u = "《华阳县促进民营经济发展若干措施》文字解读", f"/art/2026/10/15/art_105_{self.art}.html"
        zc = fd + [("政策文件", "/col/col140/index.html")]
        jd = fd + [("政策解读", "/col/col105/index.html")]
        self.list_page(140, "政策文件", zc, [(doc_t, doc_u, "2026-10-12")], side)
        self.list_page(105, "政策解读", jd, [(jd_t, jd_u, "2026-10-15")], side)
        self.page(doc_u, doc_t, f'<div class="article"><h1>{doc_t}</h1><div class="info">发布日期：2026-10-12</div>'
                                f'<div id="zoom"><p>为促进民营经济发展，制定本措施。</p></div>'
                                f'<div class="xgjd">相关解读：<a href="{jd_u}">{jd_t}</a></div></div>',
                  article=doc_t, pubdate="2026-10-12", crumbs=zc + [("正文", None)])
        self.page(jd_u, jd_t, f'<div class="article"><h1>{jd_t}</h1><div class="info">发布日期：2026-10-15</div>'
                              f'<div id="zoom"><p>一、出台背景。为贯彻落实……</p><p>二、主要内容……</p>'
                              f'<p style="text-align:center"><img src="/picture/0/art_105_tj.png" alt="图解"/></p></div>'
                              f'<div class="ywlj">原文链接：<a href="{doc_u}">{doc_t}</a></div></div>',
                  article=jd_t, pubdate="2026-10-15", crumbs=jd + [("正文", None)])
        # the 解读's own picture (a real PNG): the column's media, not the template's
        pic = os.path.join(HERE, self.host, "picture/0/art_105_tj.png")
        os.makedirs(os.path.dirname(pic), exist_ok=True)
        with open(pic, "wb") as fh:
            fh.write(gen_docs.png(240, 120))
        for n, t in blanks:
            self.blank(n, t, fd + [(t, f"/col/col{n}/index.html")], side)
        # 年报: a Word-pasted article whose tables add up
        nb = gk + [("政府信息公开年报", "/col/col122/index.html")]
        self.art += 1
        nb_t, nb_u = "华阳县人民政府2025年政府信息公开工作年度报告", f"/art/2026/1/20/art_122_{self.art}.html"
        self.list_page(122, "政府信息公开年报", nb, [(nb_t, nb_u, "2026-01-20")], None)
        self.page(nb_u, nb_t, f'<div class="article"><h1>{nb_t}</h1><div class="info">发布日期：2026-01-20</div>'
                              f'<div id="zoom">{word_pasted(gen_docs.report_body("华阳县人民政府", 2025))}</div></div>',
                  article=nb_t, pubdate="2026-01-20", crumbs=nb + [("正文", None)])

    def list_page(self, n, title, crumbs, items, side):
        """A datastore list of given articles (written separately)."""
        recs = "\n".join(f'<record><![CDATA[\n<li><a href="{u}" title="{t}" target="_blank">{t}</a>'
                         f'<span class="bt-data-time">{d}</span></li>]]></record>' for t, u, d in items)
        body = (gen_cms.side_html(side) if side else "") + f"""<div class="right"><div class="lmtitle">{title}</div>
<div id="{4000 + n}"><script type="text/xml"><datastore>
<recordset>
{recs}
</recordset>
</datastore></script></div></div>"""
        self.page(f"/col/col{n}/index.html", title, body, column=title, crumbs=crumbs)


def jspy():
    SID = gen_dates_phones.SID
    S = gen_dates_phones.Site("wlj.jspy.cq.gov.cn", "渝阳区文化和旅游发展委员会",
                              "<p>主办单位：渝阳区文化和旅游发展委员会</p><p>渝ICP备05003302号</p>")
    zwgk = "/zwgk/index.jsp" + SID
    S.nav = [("首页", "/"), ("政务公开", zwgk)]
    S.write("/", "首页", '<table class="news"><tr><td><a href="/zwgk/content/301.jsp">渝阳区开展文旅市场秋季检查</a></td>'
            '<td>2026/11/18</td></tr></table>')
    S.article("/zwgk/content/301.jsp", "渝阳区开展文旅市场秋季检查", "2026-11-18", [("政务公开", zwgk)],
              "<p>近日，渝阳区开展文旅市场秋季检查。</p>")
    zc = [("政务公开", zwgk)]
    fd, nb = "/zwgk/fdzdgknr/index.jsp" + SID, "/zwgk/nb/index.jsp" + SID
    S.menu(zwgk, "政务公开", zc, [("法定主动公开内容", fd), ("政府信息公开年报", nb)])
    fdc = zc + [("法定主动公开内容", fd)]
    lz = "/zwgk/fdzdgknr/lzyj/index.jsp" + SID
    S.menu(fd, "法定主动公开内容", fdc, [("履职依据", lz)])
    lzc = fdc + [("履职依据", lz)]
    gf = "/zwgk/fdzdgknr/lzyj/gfxwj/index.jsp" + SID
    S.menu(lz, "履职依据", lzc, [("规范性文件", gf)])
    # one table of every document, current and repealed alike, without a class
    docs = [("/zwgk/content/401.jsp", "渝阳区A级旅游景区管理办法", "2026年6月3日"),
            ("/zwgk/content/402.jsp", "渝阳区文化市场综合执法规程", "2025年9月20日")]
    S.write(gf, "规范性文件", '<table class="list"><tr><th>标题</th><th>发布日期</th></tr>' + "".join(
        f'<tr><td><a href="{u + SID}">{t}</a></td><td>{d}</td></tr>' for u, t, d in docs) + "</table>",
            crumbs=lzc + [("规范性文件", gf)], column="规范性文件")
    for u, t, d in docs:
        y, m, dd = re.match(r"(\d+)年(\d+)月(\d+)日", d).groups()
        S.article(u, t, f"{y}-{int(m):02d}-{int(dd):02d}", lzc + [("规范性文件", gf)], f"<p>{t}全文。</p>")
    # 年报: Word-pasted, with the designed arithmetic errors of gen_docs.report_body(errors=True)
    nbc = zc + [("政府信息公开年报", nb)]
    nb_u, nb_t = "/zwgk/content/501.jsp", "渝阳区文化和旅游发展委员会2025年政府信息公开工作年度报告"
    S.write(nb, "政府信息公开年报", '<table class="list"><tr><th>标题</th><th>发布日期</th></tr>'
            f'<tr><td><a href="{nb_u + SID}">{nb_t}</a></td><td>2026年1月22日</td></tr></table>',
            crumbs=nbc, column="政府信息公开年报")
    S.article(nb_u, nb_t, "2026-01-22", nbc, word_pasted(gen_docs.report_body("渝阳区文化和旅游发展委员会", 2025, errors=True)))


def main():
    for h in HOSTS:
        shutil.rmtree(os.path.join(HERE, h), ignore_errors=True)
    Hwy().build()
    jspy()


if __name__ == "__main__":
    main()
