#!/usr/bin/env python3
"""Generate two real-style fixture sites (one directory per host) for tests/real_dates_phones.rs.

The structures follow real pages (../shared/realpages/ and the pingtan TRS archive): JSP
column pages whose links carry `;jsessionid=`, lists printing dates in `<td>`, in `title=`
and as `[MM-DD]`, a 局长信箱 whose letters table sits in an iframe, 联系我们 pages with
phones written the ways offices write them, a template sidebar (热点信息) on every article.

wlj.jspqx.cq.gov.cn   JSP 部门 site, compliant for dates/phones/linkage/channels
fgw.nfq.cq.gov.cn     TRS-style 部门 site with year-less list dates, a sidebar-only
                      解读 link, only a hotline under 联系我们, a stale mailbox
Judging date of the tests: 2026-11-27.
"""
import hashlib, os, shutil

ROOT = os.path.dirname(os.path.abspath(__file__))
SID = ";jsessionid=8F3A2B61C0D1E2F3A4B5C6D7E8F90A1B"


class Site:
    def __init__(self, host, name, footer):
        self.host, self.name, self.footer = host, name, footer
        self.nav = []
        self.sidebar = ""

    def path(self, url):
        p = url.split(";")[0].split("?")[0].lstrip("/")
        if p == "" or p.endswith("/"):
            p += "index.html"
        return os.path.join(ROOT, self.host, p)

    def write(self, url, title, body, crumbs=None, column=None, article=None, pubdate=None, side=False):
        metas = ['<meta name="viewport" content="width=device-width, initial-scale=1">',
                 f'<meta name="SiteName" content="{self.name}">']
        if column:
            metas.append(f'<meta name="ColumnName" content="{column}">')
        if article:
            metas += [f'<meta name="ArticleTitle" content="{article}">', f'<meta name="PubDate" content="{pubdate}">']
        nav = "".join(f'<li><a href="{u}">{t}</a></li>' for t, u in self.nav)
        crumb = ""
        if crumbs is not None:
            parts = [f'<a href="/">首页</a>'] + [f'<a href="{u}">{t}</a>' if u else t for t, u in crumbs]
            crumb = '<div class="location">您当前的位置：' + " &gt; ".join(parts) + "</div>"
        aside = f'<div class="side"><h3>热点信息</h3><ul>{self.sidebar}</ul></div>' if side else ""
        html = f"""<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>{title}_{self.name}</title>
{chr(10).join(metas)}</head>
<body><div class="top"><div class="logo">{self.name}</div>
<form action="/search/search.jsp" name="searchform"><input name="q"><input type="submit" value="搜索"></form>
<ul class="nav">{nav}</ul></div>
{crumb}
<div class="container">{aside}<div class="content">{body}</div></div>
<div class="foot">{self.footer}</div>
</body></html>
"""
        # a servlet container hands every cookie-less visit a new session id
        html = html.replace(SID, ";jsessionid=" + hashlib.md5(url.encode()).hexdigest().upper())
        f = self.path(url)
        os.makedirs(os.path.dirname(f), exist_ok=True)
        with open(f, "w", encoding="utf-8") as fh:
            fh.write(html)

    def menu(self, url, title, crumbs, kids):
        body = f'<h2>{title}</h2><ul class="sublist">' + "".join(f'<li><a href="{u}">{t}</a></li>' for t, u in kids) + "</ul>"
        self.write(url, title, body, crumbs=crumbs, column=title)

    def article(self, url, title, date, crumbs, body):
        self.write(url, title, f'<h1 class="title">{title}</h1><div class="info">发布日期：{date}</div>'
                   f'<div class="TRS_Editor">{body}</div>', crumbs=crumbs + [("正文", None)],
                   article=title, pubdate=date, side=True)


def jsp_site():
    """JSP 部门 site: `;jsessionid=` links, dates in td / title= / 年月日, iframe letters table."""
    S = Site("wlj.jspqx.cq.gov.cn", "渝秀区文化和旅游发展委员会",
             "<p>主办单位：渝秀区文化和旅游发展委员会</p><p>渝ICP备05003301号</p>")
    zwgk, hdjl = "/zwgk/index.jsp" + SID, "/hdjl/index.jsp" + SID
    S.nav = [("首页", "/"), ("政务公开", zwgk), ("互动交流", hdjl)]
    doc, doc2 = "/zwgk/content/101.jsp", "/zwgk/content/102.jsp"
    jd = "/zwgk/content/201.jsp"
    doc_t = "关于印发《渝秀区文化旅游市场管理办法》的通知"
    doc2_t = "关于开展2026年度旅游安全大检查的通知"
    jd_t = "《渝秀区文化旅游市场管理办法》政策解读"
    S.sidebar = f'<li><a href="{doc + SID}">{doc_t}</a></li><li><a href="{doc2 + SID}">{doc2_t}</a></li>'
    # home: news table, dates in a td as 2026/11/20
    S.write("/", "首页", '<table class="news">'
            f'<tr><td><a href="{doc2 + SID}">{doc2_t}</a></td><td>2026/11/20</td></tr>'
            f'<tr><td><a href="{doc + SID}">{doc_t}</a></td><td>2026/11/10</td></tr></table>')
    C = lambda *c: list(c)
    zc = C(("政务公开", zwgk))
    fd = "/zwgk/fdzdgknr/index.jsp" + SID
    S.menu(zwgk, "政务公开", zc, [("法定主动公开内容", fd)])
    fdc = zc + C(("法定主动公开内容", fd))
    zcwj, zcjd, jgjj = ("/zwgk/fdzdgknr/zcwj/index.jsp" + SID, "/zwgk/fdzdgknr/zcjd/index.jsp" + SID,
                        "/zwgk/fdzdgknr/jgjj/index.jsp" + SID)
    S.menu(fd, "法定主动公开内容", fdc, [("政策文件", zcwj), ("政策解读", zcjd), ("机关简介", jgjj)])
    # 政策文件: table rows, dates as 2026年11月10日
    S.write(zcwj, "政策文件", '<table class="list"><tr><th>标题</th><th>发布日期</th></tr>'
            f'<tr><td><a href="{doc + SID}">{doc_t}</a></td><td>2026年11月10日</td></tr>'
            f'<tr><td><a href="{doc2 + SID}">{doc2_t}</a></td><td>二〇二六年十一月二十日</td></tr></table>',
            crumbs=fdc + C(("政策文件", zcwj)), column="政策文件")
    # 政策解读: the date only in a title= attribute (the visible text is year-less)
    S.write(zcjd, "政策解读", '<ul class="list">'
            f'<li><a href="{jd + SID}" title="{jd_t}">{jd_t}</a><span class="time" title="2026-11-12 09:30:00">11-12</span></li></ul>',
            crumbs=fdc + C(("政策解读", zcjd)), column="政策解读")
    dc = fdc + C(("政策文件", zcwj))
    S.article(doc, doc_t, "2026-11-10", dc,
              f'<p>各有关单位：现将《渝秀区文化旅游市场管理办法》印发给你们。</p><p>相关解读：<a href="{jd + SID}">{jd_t}</a></p>')
    S.article(doc2, doc2_t, "2026-11-20", dc, "<p>请各单位开展旅游安全大检查。</p>")
    S.article(jd, jd_t, "2026-11-12", fdc + C(("政策解读", zcjd)),
              f'<p>一、出台背景……</p><p>原文链接：<a href="{doc + SID}">{doc_t}</a></p>')
    # 机关简介 > 联系我们: phones as offices write them
    lx = "/zwgk/fdzdgknr/jgjj/lxwm/index.jsp" + SID
    S.menu(jgjj, "机关简介", fdc + C(("机关简介", jgjj)), [("联系我们", lx)])
    S.write(lx, "联系我们", "<p>办公地址：渝秀区文化路8号</p><p>办公电话：(023)63881234转801</p>"
            "<p>传真：023—63881235</p><p>值班电话：63881236</p><p>投诉举报电话：12345</p>",
            crumbs=fdc + C(("机关简介", jgjj), ("联系我们", None)), column="联系我们")
    # 互动交流 > 局长信箱: the letters table is in an iframe of the column page
    box = "/hdjl/jzxx/index.jsp" + SID
    S.menu(hdjl, "互动交流", C(("互动交流", hdjl)), [("局长信箱", box)])
    S.write(box, "局长信箱", '<h2>局长信箱</h2><p><a href="/hdjl/jzxx/write.jsp">我要写信</a></p>'
            f'<iframe src="/hdjl/jzxx/list.jsp{SID}" width="100%" height="600" frameborder="0"></iframe>',
            crumbs=C(("互动交流", hdjl), ("局长信箱", None)), column="局长信箱")
    rows = [("关于景区门票预约的咨询", "2026-11-02", "2026-11-05", "渝秀区文化和旅游发展委员会", "已在官方平台开通预约。"),
            ("国庆期间博物馆开放时间", "2026-09-29", "2026-10-09", "渝秀区文化和旅游发展委员会", "国庆期间正常开放。"),
            ("关于非遗项目申报的咨询", "2026-08-10", "2026-08-12", "渝秀区文化馆", "请于每年3月申报。")]
    body = '<table class="xjlist"><tr><th>留言摘要</th><th>受理日期</th><th>答复日期</th><th>答复部门</th><th>答复内容</th></tr>' + "".join(
        f"<tr><td>{a}</td><td>{b}</td><td>{c}</td><td>{d}</td><td>{e}</td></tr>" for a, b, c, d, e in rows) + "</table>"
    f = S.path("/hdjl/jzxx/list.jsp")
    os.makedirs(os.path.dirname(f), exist_ok=True)
    with open(f, "w", encoding="utf-8") as fh:
        fh.write(f'<html><head><meta charset="utf-8"><title>信件列表</title></head><body>{body}</body></html>\n')
    S.write("/hdjl/jzxx/write.jsp", "我要写信", "<form><textarea name=c></textarea></form>",
            crumbs=C(("互动交流", hdjl), ("局长信箱", box), ("我要写信", None)))


def trs_site():
    """TRS-style site with year-less dates: [MM-DD] lists, year from URL / list / PubDate."""
    S = Site("fgw.nfq.cq.gov.cn", "渝南区发展和改革委员会",
             "<p>主办单位：渝南区发展和改革委员会</p><p>网站标识码：5001190001</p>")
    zwgk, hdjl = "/zwgk/", "/hdjl/"
    S.nav = [("首页", "/"), ("政务公开", zwgk), ("互动交流", hdjl)]
    doc, other = "/zwgk/fdzdgknr/zcwj/202611/t20261105_301.html", "/zwgk/fdzdgknr/zcwj/202610/t20261020_302.html"
    doc_t = "关于印发《渝南区促进民营经济发展若干措施》的通知"
    other_t = "关于做好2026年冬季能源保供工作的通知"
    jd = "/zwgk/fdzdgknr/zcjd/202611/t20261112_401.html"
    jd2 = "/zwgk/fdzdgknr/zcjd/202610/t20261025_402.html"
    jd_t = "《渝南区促进民营经济发展若干措施》政策解读"
    jd2_t = "一图读懂冬季能源保供"
    # the sidebar lists both policy documents on every article page (template, not linkage)
    S.sidebar = f'<li><a href="{doc}">{doc_t}</a></li><li><a href="{other}">{other_t}</a></li>'
    # home: year-less dates whose links lead nowhere crawlable: the year cannot be known
    S.write("/", "首页", '<ul class="newslist">'
            '<li><a href="http://www.cq.gov.cn/ywdt/jrzq/index.html">全市经济运行情况通报</a><span>[11-20]</span></li>'
            '<li><a href="/xwdt/missing_1.html">区发展改革委召开专题会议</a><span>[11-18]</span></li></ul>')
    C = lambda *c: list(c)
    zc = C(("政务公开", zwgk))
    fd = "/zwgk/fdzdgknr/"
    S.menu(zwgk, "政务公开", zc, [("法定主动公开内容", fd)])
    fdc = zc + C(("法定主动公开内容", fd))
    zcwj, zcjd, jgjj = fd + "zcwj/", fd + "zcjd/", fd + "jgjj/"
    S.menu(fd, "法定主动公开内容", fdc, [("政策文件", zcwj), ("政策解读", zcjd), ("机关简介", jgjj)])
    # 政策文件: [MM-DD] with the year from the tYYYYMMDD_ URL
    S.write(zcwj, "政策文件", '<ul class="list">'
            f'<li><a href="{doc}">{doc_t}</a>[11-05]</li><li><a href="{other}">{other_t}</a>[10-20]</li></ul>',
            crumbs=fdc + C(("政策文件", zcwj)), column="政策文件")
    # 政策解读: dates inside the <a>, year-less
    S.write(zcjd, "政策解读", '<ul class="list">'
            f'<li><a href="{jd}"><span class="tit">{jd_t}</span><span class="date">11-12</span></a></li>'
            f'<li><a href="{jd2}"><span class="tit">{jd2_t}</span><span class="date">10-25</span></a></li></ul>',
            crumbs=fdc + C(("政策解读", zcjd)), column="政策解读")
    dc = fdc + C(("政策文件", zcwj))
    S.article(doc, doc_t, "2026-11-05 10:00", dc, "<p>现将《渝南区促进民营经济发展若干措施》印发给你们。</p>")
    S.article(other, other_t, "2026-10-20 10:00", dc, "<p>做好冬季能源保供工作。</p>")
    # the 解读 names its document but links it only through the sidebar
    S.article(jd, jd_t, "2026-11-12 16:00", fdc + C(("政策解读", zcjd)), "<p>一、出台背景……二、核心举措……</p>")
    S.article(jd2, jd2_t, "2026-10-25 16:00", fdc + C(("政策解读", zcjd)), '<p><img src="/images/yt.png" alt="一图读懂"></p>')
    # 机关简介 > 联系我们: only public-service hotlines and a platform name
    lx = jgjj + "lxwm/"
    S.menu(jgjj, "机关简介", fdc + C(("机关简介", jgjj)), [("联系我们", lx)])
    S.write(lx, "联系我们", "<p>办公地址：渝南区建设路2号</p><p>咨询电话：12345</p>"
            "<p>欢迎通过12345便民服务平台反映问题。</p>",
            crumbs=fdc + C(("机关简介", jgjj), ("联系我们", None)), column="联系我们")
    # 互动交流 > 公开信箱: `05-21` dates, no year anywhere on the list; detail pages carry PubDate
    box = "/hdjl/gkxx/"
    S.menu(hdjl, "互动交流", C(("互动交流", hdjl)), [("公开信箱", box)])
    letters = [("xj_3302", "关于停车场收费标准的咨询", "06-02", "2026-05-21", "2026-06-02"),
               ("xj_3301", "关于小微企业补贴申领的咨询", "05-20", "2026-05-08", "2026-05-20")]
    rows = "".join(f'<li><a href="{box}{u}.html">{t}</a><span>{md}</span></li>' for u, t, md, _, _ in letters)
    S.write(box, "公开信箱", f'<ul class="list">{rows}</ul>', crumbs=C(("互动交流", hdjl), ("公开信箱", None)), column="公开信箱")
    for u, t, md, asked, answered in letters:
        S.article(f"{box}{u}.html", t, answered, C(("互动交流", hdjl), ("公开信箱", box)),
                  f"<p>留言摘要：{t}</p><p>受理日期：{asked}</p><p>答复日期：{answered}</p>"
                  "<p>答复部门：渝南区发展和改革委员会</p><p>答复内容：已按规定办理。</p>")


def main():
    for host in ("wlj.jspqx.cq.gov.cn", "fgw.nfq.cq.gov.cn"):
        shutil.rmtree(os.path.join(ROOT, host), ignore_errors=True)
    jsp_site()
    trs_site()
    img = os.path.join(ROOT, "fgw.nfq.cq.gov.cn", "images", "yt.png")
    os.makedirs(os.path.dirname(img), exist_ok=True)
    with open(img, "wb") as fh:
        fh.write(bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fe0def46b80000000049454e44ae426082"))


if __name__ == "__main__":
    main()
