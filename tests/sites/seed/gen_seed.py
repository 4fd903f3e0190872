#!/usr/bin/env python3
"""Generate the fixture sites of tests/seed_checks.rs: the task-list checks added for
issue #13 (ZW-P20 新闻发布解读, ZW-P21 决策草案征求意见, ZW-P22 政策咨询服务, ZW-P23 回应关切,
ZW-P24 政务新媒体, ZW-P25 政府信息公开专栏规范, ZW-P26 基层政务公开标准目录), each passing on one
site and failing on another, in three markup styles.

wlj.seedtrs.gov.cn  TRS WCM 部门 site (`trt_ui` template, `CurrChnlCls` breadcrumbs, `tYYYYMMDD_`
                    articles): every part of the 政府信息公开 专栏, a 指南 with 受理机构/办公地址/联系电话/
                    办理流程, 依申请公开 with its 流程; 我要咨询 and a 政策问答 library with bold 问题：/答复：
                    lead-ins; a 政务新媒体 table (账号名称/平台/二维码) whose QR codes and account links work
                    (accounts on mp.seedmedia.test); 政策解读 > 新闻发布会 with four press interpretations
                    in the year, two led by the 局长 (one in the title, one as `发布人：`); 意见征集 with a
                    closed draft (方式, 期限, 起草说明) and its 采纳情况; no 回应关切. 部门: ZW-P26 does
                    not apply.
www.seedhw.gov.cn   Hanweb jcms 区县 site (`/col/colN/index.html`, `/art/Y/M/D/art_N_M.html`,
                    `<datastore>` lists, iframes): complete 专栏 (指南 as `受理机构：` pairs, 依申请公开 an iframe
                    form plus a linked 依申请公开指南 article); 基层政务公开 with 公共文化服务 and 义务教育;
                    政务新媒体 cards (名称：/平台：/二维码：) with one QR image missing and one account link
                    dead; 互动交流 with only a 县长信箱, no 咨询 channel and no 问答库; two press
                    interpretations only; a closed draft without 解读 and without 采纳情况; 回应关切 whose
                    promised investigation has its 调查处理结果.
www.seedhand.gov.cn hand-built 区县 site (plain tables, `<div class="pos">` breadcrumbs): 专栏 without
                    政府信息公开制度 and 依申请公开, a 指南 lacking the 办理流程; 基层政务公开 with 义务教育 and
                    医疗卫生 only; a working 政务新媒体 table; 网上咨询 and a 常见问题 table (问题/解答);
                    five press interpretations (区长 in a title, 副区长 only in the body text, a
                    footer 区长信箱 line that is template); no 意见征集; 回应关切 with a promised
                    核查 and no result (reported, not judged).
mp.seedmedia.test   the new-media platform the accounts link to (account pages)

Judging date of the tests: 2026-11-27. `@PORT@` is replaced by the test's server port.
"""
import os
import shutil
import struct
import zlib

ROOT = os.path.dirname(os.path.abspath(__file__))
HOSTS = ["wlj.seedtrs.gov.cn", "www.seedhw.gov.cn", "www.seedhand.gov.cn", "mp.seedmedia.test"]
MEDIA = "http://mp.seedmedia.test:@PORT@"


def out(host, url, data):
    p = url.lstrip("/")
    if p == "" or p.endswith("/"):
        p += "index.html"
    f = os.path.join(ROOT, host, p)
    os.makedirs(os.path.dirname(f), exist_ok=True)
    mode = "wb" if isinstance(data, bytes) else "w"
    with open(f, mode, **({} if mode == "wb" else {"encoding": "utf-8"})) as fh:
        fh.write(data)


def png(w=4, h=4):
    def chunk(t, d):
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)
    raw = b"".join(b"\x00" + b"\x80\x80\x80" * w for _ in range(h))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def tdate(d):
    return d.replace("-", "")


def media_site():
    for slug, name in [("xamp", "秀安文旅"), ("xawb", "秀安文旅微博"), ("hwfb", "华文发布"),
                       ("hwdy", "华文县融媒"), ("shfb", "沙河发布"), ("shwb", "沙河区人民政府")]:
        out("mp.seedmedia.test", f"/{slug}/", f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{name}</title></head>
<body><h1>{name}</h1><p>政务新媒体账号主页</p></body></html>
""")


# ---------------------------------------------------------------------------------------
# TRS WCM 部门 site
# ---------------------------------------------------------------------------------------

class Trs:
    host = "wlj.seedtrs.gov.cn"
    name = "秀安县文化和旅游发展委员会"
    code = "5002420001"

    def head(self, title, column=None, article=None, pubdate=None):
        m = [f'<meta name="SiteName" content="{self.name}"/>', f'<meta name="SiteDomain" content="{self.host}">',
             f'<meta name="SiteIDCode" content="{self.code}"/>']
        if column:
            m.append(f'<meta name="ColumnName" content="{column}"/>')
        if article:
            m += [f'<meta name="ArticleTitle" content="{article}"/>', f'<meta name="PubDate" content="{pubdate} 09:30"/>',
                  f'<meta name="ContentSource" content="{self.name}"/>']
        return f"""<!DOCTYPE html>
<html>
<head>
\t<meta charset="utf-8" name="viewport" content="width=device-width, initial-scale=1.0">
\t{chr(10).join(m)}
\t<title>{title}_{self.name}</title>
</head>
<body>
<div class="header"><div class="logo"><a href="/"><img src="/images/logo.png" alt="{self.name}"/></a></div>
<div class="menu_base"><ul>
<li class="parentNode"><a href="/">首页</a></li><li class="parentNode"><a href="/zwgk/">政务公开</a></li>
<li class="parentNode"><a href="/hdjl/">互动交流</a></li><li class="parentNode"><a href="/wlzx/">文旅资讯</a></li>
</ul></div>
<form method="get" action="/was5/web/search"><input type="text" name="searchword"/><button>搜索</button></form>
</div>
"""

    def footer(self):
        return f"""<div class="footer">
<p><a href="/zwxmt/">政务新媒体</a> | <a href="/wzdt/">网站地图</a></p>
<p>主办单位：{self.name}　　地址：秀安县文旅路8号</p>
<p>网站标识码：{self.code}　渝ICP备12003457号-1　渝公网安备 50024202000101号</p>
<span id="_ideConac"></span><script id="_jiucuo_" sitecode="{self.code}" src="https://zfwzgl.www.gov.cn/exposure/jiucuo.js"></script>
</div>
</body>
</html>
"""

    def crumb(self, trail):
        lis = '<li><a href="/" class="CurrChnlCls">首页</a></li>'
        for t, u in trail:
            lis += f'<li><a href="{u}" class="CurrChnlCls">{t}</a></li>' if u else f'<li>{t}</li>'
        return f'<div class="breadcrumb"><span>当前位置：</span><ul>{lis}</ul></div>'

    def left(self, title, links):
        return f'<div class="left_nav"><h3>{title}</h3><ul>' + "".join(
            f'<li><a href="{u}">{t}</a></li>' for t, u in links) + "</ul></div>"

    def page(self, url, title, trail, side, body):
        out(self.host, url, self.head(title, column=title) + f"""<div class="main">
{self.crumb(trail)}
{self.left(*side)}
<div class="list_right"><div class="list_title"><h2>{title}</h2></div>
{body}
</div></div>
""" + self.footer())

    def column(self, base, title, trail, side, docs):
        """A list column with its articles; docs: (title, date, body)."""
        rows = []
        for n, (t, d, body) in enumerate(docs, 1):
            rel = f"{tdate(d)[:6]}/t{tdate(d)}_{zlib.crc32(f'{base}{n}'.encode()) % 90000 + 10000}.html"
            rows.append(f'<li><a href="./{rel}" target="_blank" title="{t}">{t}</a><span class="shortdate">{d}</span></li>')
            out(self.host, base + rel, self.head(t, article=t, pubdate=d) + f"""<div class="main">
{self.crumb(trail + [("正文", None)])}
<div class="article"><h1 class="article_title">{t}</h1>
<div class="article_info"><span>发布时间：{d}</span><span>来源：{self.name}</span></div>
<div class="TRS_Editor">{body}</div></div></div>
""" + self.footer())
        self.page(base, title, trail, side, f'<ul class="list">{"".join(rows)}</ul>'
                  '<div class="pager"><script>createPageHTML(1, 0, "index", "html");</script></div>')

    def build(self):
        H = self.host
        z = "/zwgk/"
        gk = [("政务公开", z)]
        gk_side = ("政府信息公开", [("政府信息公开指南", z + "zfxxgkzn/"), ("政府信息公开制度", z + "zfxxgkzd/"),
                                  ("法定主动公开内容", z + "fdzdgknr/"), ("政府信息公开年报", z + "zfxxgknb/"),
                                  ("依申请公开", z + "ysqgk/")])
        news = [("秀安县文旅消费季启动", "2026-11-20"), ("县文化馆举办非遗展演", "2026-11-12")]
        self.column("/wlzx/", "文旅资讯", [("文旅资讯", "/wlzx/")], ("文旅资讯", [("文旅资讯", "/wlzx/")]),
                    [(t, d, f"<p>{t}。</p>") for t, d in news])
        out(H, "/", self.head(self.name) + """<div class="main"><div class="news"><h3><a href="/wlzx/">文旅资讯</a></h3>
<ul><li><a href="/wlzx/">更多资讯</a></li></ul></div>
<div class="gk"><a href="/zwgk/">政府信息公开</a> <a href="/hdjl/">互动交流</a></div></div>
""" + self.footer())
        self.page(z, "政务公开", gk, gk_side, '<div class="gkml"><ul>' + "".join(
            f'<li><a href="{u}">{t}</a></li>' for t, u in gk_side[1]) + "</ul></div>")
        guide = """<p><strong>一、受理机构</strong></p><p>秀安县文化和旅游发展委员会办公室负责本机关政府信息公开的日常工作。</p>
<p>办公地址：秀安县文旅路8号302室</p><p>办公时间：工作日上午9:00-12:00，下午14:00-17:30</p>
<p>联系电话：023-75561234</p><p>传真：023-75561235</p>
<p><strong>二、主动公开</strong></p><p>本机关主动公开的政府信息见“法定主动公开内容”。</p>
<p><strong>三、办理流程</strong></p><p>申请人提交申请，本机关登记、审查后在20个工作日内答复。</p>"""
        self.column(z + "zfxxgkzn/", "政府信息公开指南", gk + [("政府信息公开指南", z + "zfxxgkzn/")], gk_side,
                    [(f"{self.name}政府信息公开指南", "2026-01-15", guide)])
        self.column(z + "zfxxgkzd/", "政府信息公开制度", gk + [("政府信息公开制度", z + "zfxxgkzd/")], gk_side,
                    [(f"{self.name}政府信息公开工作制度", "2026-02-10", "<p>第一条 为规范本机关政府信息公开工作，制定本制度。</p>")])
        self.column(z + "zfxxgknb/", "政府信息公开年报", gk + [("政府信息公开年报", z + "zfxxgknb/")], gk_side,
                    [(f"{self.name}2025年政府信息公开工作年度报告", "2026-01-20", "<p>一、总体情况</p>")])
        fd = z + "fdzdgknr/"
        fd_side = ("法定主动公开内容", [("机构职能", fd + "jgzn/"), ("预算/决算", fd + "czyjs/"), ("政策解读", fd + "zcjd/")])
        self.page(fd, "法定主动公开内容", gk + [("法定主动公开内容", fd)], fd_side, '<ul class="sub">' + "".join(
            f'<li><a href="{u}">{t}</a></li>' for t, u in fd_side[1]) + "</ul>")
        self.column(fd + "czyjs/", "预算/决算", gk + [("法定主动公开内容", fd), ("预算/决算", fd + "czyjs/")], fd_side,
                    [(f"{self.name}2026年部门预算", "2026-03-18", "<p>预算说明。</p>")])
        self.page(fd + "jgzn/", "机构职能", gk + [("法定主动公开内容", fd), ("机构职能", fd + "jgzn/")], fd_side,
                  "<div class='TRS_Editor'><p>秀安县文化和旅游发展委员会是县政府工作部门，负责全县文化和旅游工作。</p></div>")
        jd = fd + "zcjd/"
        jdt = gk + [("法定主动公开内容", fd), ("政策解读", jd)]
        jd_side = ("政策解读", [("新闻发布会", jd + "xwfbh/")])
        self.page(jd, "政策解读", jdt, jd_side, '<ul class="sub"><li><a href="' + jd + 'xwfbh/">新闻发布会</a></li></ul>')
        self.column(jd + "xwfbh/", "新闻发布会", jdt + [("新闻发布会", jd + "xwfbh/")], jd_side, [
            ("秀安县2026年文旅消费季新闻发布会", "2026-10-28", "<p>发布人：县文化和旅游发展委员会局长 王五</p><p>发布会解读了消费季政策。</p>"),
            ("局长在线访谈：解读文旅惠民措施", "2026-08-12", "<p>访谈实录。</p>"),
            ("非遗保护政策吹风会", "2026-05-20", "<p>主持人：办公室工作人员</p>"),
            ("旅游市场秩序整治新闻通气会", "2026-02-26", "<p>通气会内容。</p>"),
            ("2025年文物保护新闻发布会", "2025-09-10", "<p>发布人：局长 王五</p>")])
        out(H, z + "ysqgk/lct.png", png())
        self.page(z + "ysqgk/", "依申请公开", gk + [("依申请公开", z + "ysqgk/")], gk_side,
                  """<div class="TRS_Editor"><h3>依申请公开流程</h3>
<p>1.申请人填写申请表；2.受理机构登记审查；3.在20个工作日内答复。</p>
<p><img src="/zwgk/ysqgk/lct.png" alt="依申请公开流程图"/></p>
<p><a href="/zwgk/ysqgk/sqb/">在线申请</a></p></div>""")
        self.page(z + "ysqgk/sqb/", "在线申请", gk + [("依申请公开", z + "ysqgk/"), ("在线申请", z + "ysqgk/sqb/")], gk_side,
                  '<form method="post" action="/ysqgk/submit"><input name="xm"/><textarea name="nr"></textarea></form>')
        # 互动交流: 我要咨询 and the 政策问答 library
        hd = "/hdjl/"
        hd_side = ("互动交流", [("局长信箱", hd + "jzxx/"), ("我要咨询", hd + "wyzx/"), ("政策问答", hd + "zcwd/"),
                               ("意见征集", hd + "yjzj/")])
        self.page(hd, "互动交流", [("互动交流", hd)], hd_side, '<ul class="sub">' + "".join(
            f'<li><a href="{u}">{t}</a></li>' for t, u in hd_side[1]) + "</ul>")
        self.page(hd + "jzxx/", "局长信箱", [("互动交流", hd), ("局长信箱", hd + "jzxx/")], hd_side,
                  '<form method="post" action="/hdjl/jzxx/submit"><input name="bt"/></form>')
        self.page(hd + "wyzx/", "我要咨询", [("互动交流", hd), ("我要咨询", hd + "wyzx/")], hd_side,
                  """<form method="post" action="/hdjl/wyzx/submit"><p>信件类型：<select name="lx"><option>咨询</option><option>建议</option></select></p>
<p>标题：<input name="bt"/></p><p>内容：<textarea name="nr"></textarea></p></form>""")
        qa = [("文旅消费券可以在哪些场所使用？", "2026-11-10", "消费券可在全县参与活动的景区、酒店和剧场使用。"),
              ("A级旅游景区门票减免政策如何申请？", "2026-10-22", "持有效证件在景区售票窗口办理即可。"),
              ("非遗传承人补助如何申报？", "2026-09-30", "每年4月由县文化馆统一组织申报。")]
        self.column(hd + "zcwd/", "政策问答", [("互动交流", hd), ("政策问答", hd + "zcwd/")], hd_side,
                    [(t, d, f"<p><strong>问题：</strong>{t}</p><p><strong>答复：</strong>{a}</p>") for t, d, a in qa])
        out(H, hd + "yjzj/qcsm.html", self.head("起草说明") + "<div class='main'><h1>起草说明</h1></div>" + self.footer())
        self.column(hd + "yjzj/", "意见征集", [("互动交流", hd), ("意见征集", hd + "yjzj/")], hd_side, [
            ("关于《秀安县文旅消费券发放管理办法（征求意见稿）》公开征求意见的公告", "2026-09-01",
             "<p>意见提交方式：电子邮箱 xawl@cq.gov.cn，或邮寄至秀安县文旅路8号。</p>"
             "<p>征求意见时间：2026年9月1日至2026年9月30日</p>"
             '<p>附件：<a href="/hdjl/yjzj/qcsm.html">起草说明</a></p>'),
            ("《秀安县文旅消费券发放管理办法》征求意见采纳情况的说明", "2026-10-20", "<p>共收到意见5条，采纳3条。</p>")])
        # 政务新媒体 table
        for q in ("qr1", "qr2"):
            out(H, f"/zwxmt/images/{q}.png", png())
        self.page("/zwxmt/", "政务新媒体", [("政务新媒体", "/zwxmt/")], ("政务新媒体", [("政务新媒体", "/zwxmt/")]),
                  f"""<table class="xmt"><tr><th>账号名称</th><th>平台</th><th>二维码</th><th>链接</th></tr>
<tr><td>秀安文旅</td><td>微信公众号</td><td><img src="/zwxmt/images/qr1.png" alt="秀安文旅二维码"/></td><td><a href="{MEDIA}/xamp/">进入</a></td></tr>
<tr><td>秀安文旅微博</td><td>新浪微博</td><td><img src="/zwxmt/images/qr2.png" alt="秀安文旅微博二维码"/></td><td><a href="{MEDIA}/xawb/">进入</a></td></tr>
</table>""")
        out(H, "/images/logo.png", png())


# ---------------------------------------------------------------------------------------
# Hanweb jcms 区县 site
# ---------------------------------------------------------------------------------------

class Hanweb:
    host = "www.seedhw.gov.cn"
    name = "华文县人民政府"
    code = "3306280001"

    def __init__(self):
        self.art = 2000

    def page(self, url, title, body, column=None, article=None, pubdate=None, crumbs=None):
        m = [f'<meta name="SiteName" content="{self.name}">', f'<meta name="SiteDomain" content="{self.host}">',
             f'<meta name="SiteIDCode" content="{self.code}">']
        if column:
            m.append(f'<meta name="ColumnName" content="{column}">')
        if article:
            m += [f'<meta name="ArticleTitle" content="{article}">', f'<meta name="PubDate" content="{pubdate} 10:00">']
        crumb = ""
        if crumbs is not None:
            parts = '<a href="/">首页</a>' + "".join(f' &gt; <a href="{u}">{t}</a>' if u else f' &gt; {t}' for t, u in crumbs)
            crumb = f'<div class="dqwz">您当前的位置：{parts}</div>'
        out(self.host, url, f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1">
{chr(10).join(m)}
<title>{title + " " if title != self.name else ""}{self.name}</title>
</head>
<body>
<div class="top"><div class="logo"><img src="/picture/0/logo.png" alt="{self.name}"/></div>
<form action="/jsearchfront/search.do" method="get"><input name="q" type="text"/><input type="submit" value="搜索"/></form></div>
<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/col/col101/index.html">政府信息公开</a></li>
<li><a href="/col/col201/index.html">互动交流</a></li><li><a href="/col/col301/index.html">走进华文</a></li></ul></div>
{crumb}
<div class="main">{body}</div>
<div class="bottom">
<p><a href="/col/col140/index.html">政务新媒体</a></p>
<p>主办：{self.name}办公室　承办：华文县大数据发展中心</p>
<p>网站标识码：{self.code}　浙ICP备05012346号　浙公网安备 33062802000123号</p>
<span id="_ideConac"></span><script id="_jiucuo_" sitecode="{self.code}" src="https://zfwzgl.www.gov.cn/exposure/jiucuo.js"></script>
</div>
</body>
</html>
""")

    def col(self, n, title, crumbs, docs, extra=""):
        """A datastore list column; docs: (title, date, body). Returns the article URLs."""
        recs = []
        urls = []
        for t, d, body in docs:
            self.art += 1
            y, mth, day = d.split("-")
            u = f"/art/{y}/{int(mth)}/{int(day)}/art_{n}_{self.art}.html"
            urls.append(u)
            recs.append(f'<record><![CDATA[\n<li><a href="{u}" title="{t}" target="_blank">{t}</a><span class="bt-data-time">{d}</span></li>]]></record>')
            self.page(u, t, f'<div class="article"><h1>{t}</h1><div class="info">发布日期：{d}　信息来源：{self.name}</div>'
                            f'<div id="zoom">{body}</div></div>', article=t, pubdate=d, crumbs=crumbs + [("正文", None)])
        unitid = 5000 + n
        body = f"""<div class="right"><div class="lmtitle">{title}</div>{extra}
<div id="{unitid}"><script type="text/xml"><datastore>
<nextgroup><![CDATA[<a href="/module/web/jpage/dataproxy.jsp?page=1&webid=1&path=/&columnid={n}&unitid={unitid}&permissiontype=0"></a>]]></nextgroup>
<recordset>
{chr(10).join(recs)}
</recordset>
</datastore></script></div></div>"""
        self.page(f"/col/col{n}/index.html", title, body, column=title, crumbs=crumbs)
        return urls

    def landing(self, n, title, crumbs, links):
        self.page(f"/col/col{n}/index.html", title, '<div class="gkml"><ul>' + "".join(
            f'<li><a href="{u}">{t}</a></li>' for t, u in links) + "</ul></div>", column=title, crumbs=crumbs)

    def build(self):
        c = lambda n: f"/col/col{n}/index.html"
        news = [("华文县召开县政府常务会议", "2026-11-21"), ("华文县开展安全生产大检查", "2026-11-14")]
        self.col(301, "华文要闻", [("走进华文", c(301))], [(t, d, f"<p>{t}。</p>") for t, d in news])
        self.page("/", self.name, '<div class="news"><h3>华文要闻</h3><ul><li><a href="/col/col301/index.html">更多</a></li></ul></div>'
                  '<div class="gk"><a href="/col/col101/index.html">政府信息公开</a> <a href="/col/col110/index.html">依申请公开</a></div>')
        gk = [("政府信息公开", c(101))]
        self.landing(101, "政府信息公开", gk, [("政府信息公开指南", c(120)), ("政府信息公开制度", c(121)),
                                          ("法定主动公开内容", c(102)), ("政府信息公开年报", c(122)), ("依申请公开", c(110))])
        guide = """<p>受理机构：华文县人民政府办公室</p><p>办公地址：华文县府前路1号</p><p>办公时间：工作日8:30-17:00</p>
<p>联系电话：0579-83120000</p><h3>办理流程</h3><p>申请—受理—审查—答复。</p>"""
        self.col(120, "政府信息公开指南", gk + [("政府信息公开指南", c(120))], [("华文县人民政府信息公开指南", "2026-01-10", guide)])
        self.col(121, "政府信息公开制度", gk + [("政府信息公开制度", c(121))], [("华文县政府信息公开工作制度", "2026-02-11", "<p>第一条 总则。</p>")])
        self.col(122, "政府信息公开年报", gk + [("政府信息公开年报", c(122))],
                 [("华文县人民政府2025年政府信息公开工作年度报告", "2026-01-25", "<p>一、总体情况</p>")])
        fd = gk + [("法定主动公开内容", c(102))]
        self.landing(102, "法定主动公开内容", fd, [("预算/决算", c(104)), ("基层政务公开", c(130)), ("政策解读", c(105))])
        self.col(105, "政策解读", fd + [("政策解读", c(105))], [
            ("华文县2026年稳就业政策新闻发布会", "2026-09-16", "<p>发布人：县人力社保局局长</p>"),
            ("华文县养老服务补贴政策吹风会", "2026-04-02", "<p>吹风会内容。</p>"),
            ("《华文县促进消费若干措施》文字解读", "2026-10-20", "<p>一、出台背景</p>")])
        self.col(104, "预算/决算", fd + [("预算/决算", c(104))], [("华文县2026年县级部门预算公开", "2026-03-21", "<p>预算。</p>")])
        # 依申请公开: an iframe form and a linked guide article
        self.art += 1
        guide_url = f"/art/2026/2/1/art_110_{self.art}.html"
        ys = gk + [("依申请公开", c(110))]
        self.page(guide_url, "华文县人民政府依申请公开指南", '<div class="article"><h1>华文县人民政府依申请公开指南</h1>'
                  '<div id="zoom"><p>一、申请方式：当面、邮寄或在线申请。</p><p>二、处理期限：20个工作日。</p></div></div>',
                  article="华文县人民政府依申请公开指南", pubdate="2026-02-01", crumbs=ys + [("正文", None)])
        self.page("/module/ysqgk/index.html", "依申请公开申请", '<form method="post" action="/module/ysqgk/submit.jsp"><input name="xm"/></form>')
        self.page(c(110), "依申请公开", f'<div class="right"><div class="lmtitle">依申请公开</div>'
                  f'<p><a href="{guide_url}" target="_blank">依申请公开指南</a></p>'
                  '<iframe src="/module/ysqgk/index.html" width="100%" height="600" frameborder="0"></iframe></div>',
                  column="依申请公开", crumbs=ys)
        # 基层政务公开 with its 试点领域
        jc = fd + [("基层政务公开", c(130))]
        self.landing(130, "基层政务公开", jc, [("公共文化服务", c(131)), ("义务教育", c(132))])
        self.col(131, "公共文化服务", jc + [("公共文化服务", c(131))],
                 [("华文县公共文化服务领域基层政务公开标准目录", "2026-07-20", "<p>公开事项：公共文化设施开放信息。</p>"),
                  ("华文县文化馆2026年免费开放项目", "2026-03-05", "<p>免费开放项目。</p>")])
        self.col(132, "义务教育", jc + [("义务教育", c(132))], [("华文县2026年义务教育招生工作方案", "2026-05-10", "<p>招生方案。</p>")])
        # 互动交流: only a 县长信箱
        hd = [("互动交流", c(201))]
        self.landing(201, "互动交流", hd, [("县长信箱", c(202)), ("征求意见", c(203)), ("回应关切", c(204))])
        self.col(203, "征求意见", hd + [("征求意见", c(203))], [
            ("关于《华文县城区停车管理办法（草案）》公开征求意见的通知", "2026-08-10",
             "<p>反馈方式：电子邮件 hwtc@hwx.gov.cn</p><p>征求意见时间：2026年8月10日至2026年9月10日</p>")])
        self.col(204, "回应关切", hd + [("回应关切", c(204))], [
            ("关于网民反映城东菜市场缺斤短两问题的回应：已成立调查组调查", "2026-07-01", "<p>县市场监管局已成立调查组。</p>"),
            ("关于网民反映城东菜市场缺斤短两问题调查处理结果的通报", "2026-08-15", "<p>对3户经营者立案查处。</p>")])
        self.col(202, "县长信箱", hd + [("县长信箱", c(202))], [("关于县城停车难的建议", "2026-11-05", "<p>留言内容：停车难。</p>")])
        # 政务新媒体 cards: qr2.png is missing, the second account's page is gone
        out(self.host, "/picture/0/qr1.png", png())
        out(self.host, "/picture/0/logo.png", png())
        self.page(c(140), "政务新媒体", f"""<div class="right"><div class="lmtitle">政务新媒体</div>
<ul class="xmt">
<li><p>名称：华文发布</p><p>平台：微信公众号</p><p>二维码：<img src="/picture/0/qr1.png" alt="华文发布"/></p><p><a href="{MEDIA}/hwfb/">访问账号</a></p></li>
<li><p>名称：华文县融媒</p><p>平台：抖音</p><p>二维码：<img src="/picture/0/qr2.png" alt="华文县融媒"/></p><p><a href="{MEDIA}/hwsp/">访问账号</a></p></li>
</ul></div>""", column="政务新媒体", crumbs=[("政务新媒体", c(140))])


# ---------------------------------------------------------------------------------------
# hand-built 区县 site
# ---------------------------------------------------------------------------------------

class Hand:
    host = "www.seedhand.gov.cn"
    name = "沙河区人民政府"

    def page(self, url, title, crumbs, body, pubdate=None):
        pos = '<a href="/">首页</a>' + "".join(f' » <a href="{u}">{t}</a>' for t, u in crumbs)
        meta = f'<meta name="PubDate" content="{pubdate}">' if pubdate else ""
        out(self.host, url, f"""<html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">{meta}
<title>{title} - {self.name}</title></head>
<body><table width="100%"><tr><td><b>{self.name}</b></td>
<td><a href="/">首页</a> | <a href="/xxgk/">政府信息公开</a> | <a href="/hudong/">互动交流</a> | <a href="/xmt/">政务新媒体</a></td></tr></table>
<div class="pos">当前位置：{pos}</div>
<div class="content">{body}</div>
<hr><p>欢迎通过区长信箱反映问题和建议</p>
<p>沙河区人民政府办公室主办　网站标识码：5001990001　渝ICP备09001234号</p>
</body></html>
""")

    def listing(self, url, title, crumbs, docs):
        rows = []
        for n, (t, d, body) in enumerate(docs, 1):
            u = f"{url}content_{tdate(d)}_{n}.html"
            rows.append(f'<tr><td><a href="{u}">{t}</a></td><td>{d}</td></tr>')
            self.page(u, t, crumbs, f"<h2>{t}</h2><p>发布日期：{d}</p>{body}", pubdate=d)
        self.page(url, title, crumbs, f"<h2>{title}</h2><table class='list'>{''.join(rows)}</table>")

    def build(self):
        self.listing("/news/", "沙河要闻", [("沙河要闻", "/news/")], [("沙河区召开区政府常务会议", "2026-11-19", "<p>会议。</p>")])
        self.page("/", self.name, [], '<h3><a href="/news/">沙河要闻</a></h3><p><a href="/xxgk/">政府信息公开</a></p>')
        gk = [("政府信息公开", "/xxgk/")]
        # no 政府信息公开制度, no 依申请公开
        self.page("/xxgk/", "政府信息公开", gk, '<h2>政府信息公开</h2><table><tr>'
                  '<td><a href="/xxgk/zn/">政府信息公开指南</a></td><td><a href="/xxgk/ml/">法定主动公开内容</a></td>'
                  '<td><a href="/xxgk/nb/">政府信息公开年报</a></td></tr></table>')
        # the guide names no procedure
        self.listing("/xxgk/zn/", "政府信息公开指南", gk + [("政府信息公开指南", "/xxgk/zn/")],
                     [("沙河区人民政府信息公开指南", "2026-01-08",
                       "<p>受理机构：沙河区人民政府办公室</p><p>地址：沙河区滨河路2号</p><p>联系电话：023-68801234</p>")])
        self.listing("/xxgk/nb/", "政府信息公开年报", gk + [("政府信息公开年报", "/xxgk/nb/")],
                     [("沙河区人民政府2025年政府信息公开工作年度报告", "2026-03-20", "<p>一、总体情况</p>")])
        ml = gk + [("法定主动公开内容", "/xxgk/ml/")]
        self.page("/xxgk/ml/", "法定主动公开内容", ml, '<h2>法定主动公开内容</h2><ul>'
                  '<li><a href="/xxgk/ml/czyjs/">预算/决算</a></li><li><a href="/xxgk/ml/jczwgk/">基层政务公开</a></li>'
                  '<li><a href="/xxgk/ml/zcjd/">政策解读</a></li></ul>')
        self.listing("/xxgk/ml/zcjd/", "政策解读", ml + [("政策解读", "/xxgk/ml/zcjd/")], [
            ("区长出席沙河区优化营商环境新闻发布会", "2026-11-03", "<p>发布会。</p>"),
            # the official is named only in the body (the footer's 区长信箱 line is template)
            ("沙河区城市更新政策在线访谈", "2026-09-21", "<p>9月21日，副区长李明做客在线访谈，解读城市更新政策。</p>"),
            ("沙河区医保政策吹风会", "2026-07-08", "<p>吹风会。</p>"),
            ("区人社局就稳就业政策答记者问", "2026-05-30", "<p>答问。</p>"),
            ("沙河区教育惠民政策新闻发布会", "2026-03-12", "<p>发布会。</p>")])
        self.listing("/xxgk/ml/czyjs/", "预算/决算", ml + [("预算/决算", "/xxgk/ml/czyjs/")],
                     [("沙河区2026年区级部门预算", "2026-03-25", "<p>预算。</p>")])
        # 基层政务公开 without the 公共文化服务 area
        jc = ml + [("基层政务公开", "/xxgk/ml/jczwgk/")]
        self.page("/xxgk/ml/jczwgk/", "基层政务公开", jc, '<h2>基层政务公开</h2><ul>'
                  '<li><a href="/xxgk/ml/jczwgk/ywjy/">义务教育</a></li><li><a href="/xxgk/ml/jczwgk/ylws/">医疗卫生</a></li></ul>')
        self.listing("/xxgk/ml/jczwgk/ywjy/", "义务教育", jc + [("义务教育", "/xxgk/ml/jczwgk/ywjy/")],
                     [("沙河区2026年义务教育招生政策", "2026-05-06", "<p>招生。</p>")])
        self.listing("/xxgk/ml/jczwgk/ylws/", "医疗卫生", jc + [("医疗卫生", "/xxgk/ml/jczwgk/ylws/")],
                     [("沙河区基本公共卫生服务项目", "2026-04-16", "<p>项目。</p>")])
        # 互动交流: 网上咨询 and a 常见问题 table
        hd = [("互动交流", "/hudong/")]
        self.page("/hudong/", "互动交流", hd, '<h2>互动交流</h2><ul><li><a href="/hudong/zixun/">网上咨询</a></li>'
                  '<li><a href="/hudong/cjwt/">常见问题</a></li><li><a href="/hudong/hygq/">回应关切</a></li></ul>')
        self.listing("/hudong/hygq/", "回应关切", hd + [("回应关切", "/hudong/hygq/")], [
            ("关于滨河路夜间施工噪音扰民问题的回应", "2026-10-09", "<p>已责令施工单位整改。</p>"),
            ("关于网民反映某小区供水水质问题的回应：正在核查", "2026-05-12", "<p>区水务局正在核查。</p>")])
        self.page("/hudong/zixun/", "网上咨询", hd + [("网上咨询", "/hudong/zixun/")],
                  '<h2>网上咨询</h2><form method="post" action="/hudong/zixun/tj"><p>咨询内容：<textarea name="nr"></textarea></p></form>')
        self.page("/hudong/cjwt/", "常见问题", hd + [("常见问题", "/hudong/cjwt/")], """<h2>常见问题</h2>
<table class="qa"><tr><th>问题</th><th>解答</th><th>答复日期</th></tr>
<tr><td>新生儿医保如何办理？</td><td>出生后三个月内到街道便民服务中心办理参保登记。</td><td>2026-10-12</td></tr>
<tr><td>老年人乘车优惠卡在哪里申领？</td><td>持身份证到区公交公司服务网点申领。</td><td>2026-09-08</td></tr>
</table>""")
        # 政务新媒体 table, every account and QR code works
        out(self.host, "/xmt/qr_shfb.png", png())
        out(self.host, "/xmt/qr_shwb.png", png())
        self.page("/xmt/", "政务新媒体", [("政务新媒体", "/xmt/")], f"""<h2>政务新媒体</h2>
<table class="xmt"><tr><th>名称</th><th>类型</th><th>账号链接</th><th>二维码</th></tr>
<tr><td>沙河发布</td><td>微信公众号</td><td><a href="{MEDIA}/shfb/">{MEDIA}/shfb/</a></td><td><img src="/xmt/qr_shfb.png" alt="沙河发布"></td></tr>
<tr><td>沙河区人民政府</td><td>微博</td><td><a href="{MEDIA}/shwb/">{MEDIA}/shwb/</a></td><td><img src="/xmt/qr_shwb.png" alt="沙河区人民政府微博"></td></tr>
</table>""")


if __name__ == "__main__":
    for h in HOSTS:
        shutil.rmtree(os.path.join(ROOT, h), ignore_errors=True)
    media_site()
    Trs().build()
    Hanweb().build()
    Hand().build()
