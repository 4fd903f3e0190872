#!/usr/bin/env python3
"""Generate real-style fixture sites (one directory per host) for tests/real_sites.rs.

The markup follows real government pages (TRS WCM `trt_ui` templates with `CurrChnlCls`
breadcrumbs and `createPageHTML` pagers, Hanweb `col/art` pages with `<datastore>` CDATA
lists and iframes, 区县 portals whose 政府信息公开 lives on an `xxgk.` host, templates whose
sidebars carry 相关链接/热点信息 boxes): structures are reproduced, no page is copied.

wlj.trsx.gov.cn   TRS WCM 部门 site: section landing pages are redirect stubs (meta refresh in
                  several spellings, one-line script redirects, a document.write'n meta), four
                  list columns that are really empty, one saying 暂无信息
www.hwx.gov.cn    Hanweb 区县 site: /col/colN/index.html, /art/Y/M/D/art_N_M.html, datastore
                  lists, iframe containers (依申请公开, 县长信箱), a landing page of sub-columns
www.qxa.gov.cn    区县 portal whose 政府信息公开 is on xxgk.qxa.gov.cn (same registrable domain)
xxgk.qxa.gov.cn   its disclosure platform
www.qxb.gov.cn    区县 portal whose disclosure link leads to a city platform on another domain
xxgk.cityplat.gov.cn  that platform (crawled only with --host)
ybj.sbx.gov.cn    部门 site whose template sidebars mimic column items (热点信息 with dates,
                  相关链接), footer 联系电话 and 违法和不良信息举报电话; 联系方式 sits under 首页其他,
                  政策解读 directly under 政务公开; five columns blank but for the template
Judging date of the tests: 2026-11-27. `@PORT@` is replaced by the test's server port.
"""
import os
import shutil
import zlib

ROOT = os.path.dirname(os.path.abspath(__file__))
HOSTS = ["wlj.trsx.gov.cn", "www.hwx.gov.cn", "www.qxa.gov.cn", "xxgk.qxa.gov.cn",
         "www.qxb.gov.cn", "xxgk.cityplat.gov.cn", "ybj.sbx.gov.cn"]


def out(host, url, html):
    p = url.lstrip("/")
    if p == "" or p.endswith("/"):
        p += "index.html"
    f = os.path.join(ROOT, host, p)
    os.makedirs(os.path.dirname(f), exist_ok=True)
    with open(f, "w", encoding="utf-8") as fh:
        fh.write(html)


def tdate(d):
    return d.replace("-", "")


# ---------------------------------------------------------------------------------------
# TRS WCM (trt_ui template, Chongqing department slugs)
# ---------------------------------------------------------------------------------------

class Trs:
    host = "wlj.trsx.gov.cn"
    name = "秀安县文化和旅游发展委员会"
    code = "5002410001"

    def __init__(self):
        self.menu = [("首页", "/"), ("政务公开", "/zwgk_221/"), ("互动交流", "/hdjl_221/"), ("文旅资讯", "/zwxx_221/")]

    def head(self, title, column=None, article=None, pubdate=None):
        m = [f'<meta name="SiteName" content="{self.name}"/>', f'<meta name="SiteDomain" content="{self.host}">',
             f'<meta name="SiteIDCode" content="{self.code}"/>']
        if column:
            m.append(f'<meta name="ColumnName" content="{column}"/>')
            m.append(f'<meta name="ColumnType" content="{column}"/>')
        if article:
            m += [f'<meta name="ArticleTitle" content="{article}"/>', f'<meta name="PubDate" content="{pubdate} 09:30"/>',
                  f'<meta name="ContentSource" content="{self.name}"/>']
        return f"""<!DOCTYPE html>
<html>
<head>
\t<meta charset="utf-8" name="viewport" content="width=device-width, initial-scale=1.0, maximum-scale=1.0">
\t<meta http-equiv="x-UA-Compatible" content="IE=Edge,Chrome=1" />
\t{chr(10).join(m)}
\t<title>
\t\t{title}_
\t\t{self.name}
\t</title>
\t<link rel="stylesheet" type="text/css" href="/images/trt_ui_v2.css">
</head>
"""

    def header(self):
        items = "".join(f'<li class="parentNode"><a href="{u}">{t}</a></li>' for t, u in self.menu)
        return f"""<body>
<div class="wrap">
<!--头部开始-->
<div class="header menu_hov"><div class="row">
<div class="logo"><a href="/"><img src="/images/site_logo.png" alt="{self.name}"/></a></div>
<div class="header_line"><a href="https://www.gov.cn/" target="_blank">国务院</a> <a href="http://www.cq.gov.cn/" target="_blank">市政府</a> <span>网站支持IPV6</span></div>
<div class="menu_base"><ul class="clearflx" role="navigation" des="站点主目录">{items}</ul></div>
<div class="search_fixed"><form method="get" action="/was5/web/search"><input type="hidden" name="channelid" value="233371"/><input type="text" name="searchword" placeholder="请输入搜索内容"/><button class="btn_base">搜索</button></form></div>
</div></div>
<!--头部结束-->
"""

    def footer(self):
        return f"""<div class="footer"><div class="row">
<p><a href="/wzdt/">网站地图</a> | <a href="/lxwm/">联系我们</a></p>
<p>主办单位：{self.name}　　地址：秀安县文旅路8号　　邮编：409900</p>
<p>网站标识码：{self.code}　<a href="https://beian.miit.gov.cn" target="_blank">渝ICP备12003456号-1</a>　<a href="http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=50024102000101" target="_blank">渝公网安备 50024102000101号</a></p>
<span id="_ideConac"><a href="https://bszs.conac.cn/sitename?method=show&amp;id=0A1B2C" target="_blank"><img src="/images/dzjg.png" alt="党政机关"/></a></span>
<script id="_jiucuo_" sitecode="{self.code}" src="https://zfwzgl.www.gov.cn/exposure/jiucuo.js"></script>
</div></div>
</div>
</body>
</html>
"""

    def crumb(self, trail):
        lis = '<li class="active"><a href="/" title="首页" class="CurrChnlCls">首页</a></li>'
        for t, u in trail:
            lis += f'<li><a href="{u}" title="{t}" class="CurrChnlCls">{t}</a></li>' if u else f'<li>{t}</li>'
        return f"""<div class="breadcrumb" role='navigation' des="当前位置">
<span><i class="trt-iconfont trt-icon-weizhi"></i>当前位置：</span><ul>{lis}</ul></div>
"""

    def left(self, title, links):
        lis = "".join(f'<li><a href="{u}" title="{t}">{t}</a></li>' for t, u in links)
        return f'<div class="left_nav trt-col-5"><h3>{title}</h3><ul>{lis}</ul></div>'

    def stub(self, url, tag):
        """A section landing page that sends the browser to its first sub-column."""
        out(self.host, url, f"""<!DOCTYPE html>
<html><head><meta charset="utf-8">
{tag}
<title>{self.name}</title></head>
<body></body></html>
""")

    def script_stub(self, url, js):
        out(self.host, url, f"""<html>
<head>
<meta charset="utf-8">
<script type="text/javascript">
{js}
</script>
</head>
<body>
</body>
</html>
""")

    def list_page(self, url, title, trail, side, entries, pages=1, note=None, body_extra=""):
        rows = "".join(
            f'<li><a href="{u}" target="_blank" title="{t}">{t}</a><span class="shortdate">{d}</span></li>'
            for t, u, d in entries)
        if note:
            rows = f'<li class="no-data">{note}</li>'
        html = self.head(title, column=title) + self.header() + f"""<div class="main"><div class="content">
{self.crumb(trail)}
<div class="trt-row">
{self.left(*side)}
<div class="trt-col-19 list_right">
<div class="list_title"><h2>{title}</h2></div>
{body_extra}
<ul class="list" role="viewlist">{rows}</ul>
<div class="pager"><script type="text/javascript">createPageHTML({pages}, 0, "index", "html");</script></div>
</div>
</div>
</div></div>
""" + self.footer()
        out(self.host, url, html)

    def article(self, url, title, date, trail, body):
        html = self.head(title, article=title, pubdate=date) + self.header() + f"""<div class="main"><div class="content">
{self.crumb(trail + [("正文", None)])}
<div class="article">
<h1 class="article_title">{title}</h1>
<div class="article_info"><span>发布时间：{date}</span><span>来源：{self.name}</span></div>
<div class="TRS_Editor"><style>.TRS_Editor P{{margin-top:0;}}</style>{body}</div>
</div>
</div></div>
""" + self.footer()
        out(self.host, url, html)

    def column(self, base, title, trail, side, docs, body=""):
        """A list column with its articles; docs: (title, date). Returns entries."""
        entries = []
        for n, (t, d) in enumerate(docs, 1):
            rel = f"./{tdate(d)[:6]}/t{tdate(d)}_{zlib.crc32(f'{base}{n}'.encode()) % 90000 + 10000}.html"
            url = base + rel[2:]
            entries.append((t, rel, d))
            self.article(url, t, d, trail, body or f"<p>{t}。</p><p>特此公告。</p>")
        self.list_page(base, title, trail, side, entries)
        return entries

    def build(self):
        H = self.host
        z = "/zwgk_221/"
        fd = z + "fdzdgknr/"
        # section landing pages: redirect stubs in the spellings real TRS sites use
        self.stub(z, '<meta http-equiv="refresh" content="0;URL=./fdzdgknr/">')
        self.stub(fd, "<META HTTP-EQUIV=\"Refresh\" CONTENT=\"0; url='jgjj/'\">")
        self.stub(fd + "jgjj/", '<meta http-equiv=Refresh content="0;url=/zwgk_221/fdzdgknr/jgjj/jgzn/">')
        self.script_stub(z + "zfxxgkzd/", "location.replace(\"./bm/\");")
        self.script_stub("/hdjl_221/", "<!--\nwindow.location = \"./zxts/\";\n//-->")
        self.script_stub(fd + "ghxx/", "document.write('<meta http-equiv=\"Refresh\" content=\"0;URL=./zxgh/\">');")
        self.script_stub(fd + "rsxx/", "location.href='./rsrm/';")
        self.stub("/zwxx_221/", '<meta http-equiv="Refresh" content="1; URL=\'./wlzx/\'">')
        self.stub(fd + "zdly/", '<meta http-equiv="refresh" content="0; url=ggwh/">')
        fd_side = ("法定主动公开内容", [
            ("机构职能", fd + "jgjj/jgzn/"), ("联系我们", fd + "jgjj/lxwm/"), ("预算/决算", fd + "czyjs/"),
            ("政策解读", fd + "zcjd/"), ("履职依据", fd + "lzyj/"), ("规划信息", fd + "ghxx/"),
            ("人事信息", fd + "rsxx/"), ("重点领域信息公开", fd + "zdly/"),
            ("重大建设项目", fd + "zdxm/"), ("建议提案办理", fd + "jyta/"),
            ("行政事业性收费", fd + "xzsyxsf/"), ("应急管理", fd + "yjgl/"), ("统计信息", fd + "tjxx/"),
            ("公共企事业单位信息公开", fd + "ggqsydw/")])
        fdt = [("政务公开", z), ("法定主动公开内容", fd)]
        # home page
        news = self.column("/zwxx_221/wlzx/", "文旅资讯", [("文旅资讯", "/zwxx_221/")],
                           ("文旅资讯", [("文旅资讯", "/zwxx_221/wlzx/")]),
                           [("秀安县文旅消费季启动", "2026-11-20"), ("县文化馆举办非遗展演", "2026-11-12")])
        home = self.head(self.name) + self.header() + """<div class="main"><div class="content">
<div class="trt-row"><div class="trt-col-12"><h3><a href="/zwxx_221/">文旅资讯</a></h3><ul class="list">""" + \
            "".join(f'<li><a href="/zwxx_221/wlzx/{u[2:]}">{t}</a><span>{d}</span></li>' for t, u, d in news) + \
            """</ul></div>
<div class="trt-col-12"><h3>政务公开</h3><ul>
<li><a href="/zwgk_221/">政务公开</a></li><li><a href="/zwgk_221/zfxxgkzd/">政府信息公开制度</a></li>
<li><a href="/zwgk_221/zfxxgkzn/">政府信息公开指南</a></li><li><a href="/zwgk_221/zfxxgknb/">政府信息公开年报</a></li>
<li><a href="/hdjl_221/">互动交流</a></li></ul></div></div>
</div></div>
""" + self.footer()
        out(H, "/", home)
        # 机构职能 (first sub-column: the stubs above end here)
        jg = fd + "jgjj/"
        out(H, jg + "jgzn/", self.head("机构职能", column="机构职能") + self.header() + f"""<div class="main"><div class="content">
{self.crumb(fdt + [("机关简介", jg), ("机构职能", jg + "jgzn/")])}
<div class="trt-row">{self.left(*fd_side)}
<div class="trt-col-19"><div class="list_title"><h2>机构职能</h2></div>
<div class="TRS_Editor"><p>秀安县文化和旅游发展委员会是县政府工作部门，主要职责是：贯彻落实党中央关于文化和旅游工作的方针政策，统筹全县文化事业、文化产业和旅游业发展，拟订发展规划并组织实施；管理全县重大文化活动，指导重点文化设施建设；负责全县公共文化服务体系建设。</p>
<p>内设机构：办公室、艺术科、公共服务科、产业发展科、市场管理科。</p></div>
</div></div></div></div>
""" + self.footer())
        out(H, jg + "lxwm/", self.head("联系我们", column="联系我们") + self.header() + f"""<div class="main"><div class="content">
{self.crumb(fdt + [("机关简介", jg), ("联系我们", jg + "lxwm/")])}
<div class="trt-row">{self.left(*fd_side)}
<div class="trt-col-19"><div class="list_title"><h2>联系我们</h2></div>
<div class="TRS_Editor"><p>办公地址：秀安县文旅路8号</p><p>办公时间：工作日上午9:00-12:00，下午14:00-17:30</p>
<p>办公电话：023-75561234</p><p>投诉举报电话：023-75565678</p><p>传真：023-75561235</p></div>
</div></div></div></div>
""" + self.footer())
        # 预算/决算
        self.column(fd + "czyjs/", "预算/决算", fdt + [("预算/决算", fd + "czyjs/")], fd_side,
                    [(f"{self.name}2026年部门预算", "2026-03-18"), (f"{self.name}2025年部门决算", "2026-08-26")])
        # 政策解读 with its three sub-columns (a landing page listing them)
        jd = fd + "zcjd/"
        jdt = fdt + [("政策解读", jd)]
        jd_side = ("政策解读", [("文字解读", jd + "wzjd/"), ("图片解读", jd + "tpjd/"), ("视频解读", jd + "spjd/")])
        self.list_page(jd, "政策解读", jdt, jd_side, [], body_extra="<div class='sub_cols'>" + "".join(
            f'<div class="sub_col"><h3><a href="{u}">{t}</a></h3></div>' for t, u in jd_side[1]) + "</div>")
        for t, u in jd_side[1]:
            self.column(u, t, jdt + [(t, u)], jd_side, [(f"《秀安县文旅消费券发放办法》{t}", "2026-10-15")])
        # 履职依据: a landing page linking to its sub-columns
        lz = fd + "lzyj/"
        lz_side = ("履职依据", [("行政法规", lz + "xzfg/"), ("部门规章", lz + "bmgz/"), ("规范性文件", lz + "gfxwj/")])
        self.list_page(lz, "履职依据", fdt + [("履职依据", lz)], lz_side, [], body_extra="<ul class='sub_cols'>" + "".join(
            f'<li><a href="{u}">{t}</a></li>' for t, u in lz_side[1]) + "</ul>")
        for t, u in lz_side[1]:
            self.column(u, t, fdt + [("履职依据", lz), (t, u)], lz_side, [(f"{t}汇编（2026年版）", "2026-06-01")])
        # stub targets
        self.column(fd + "ghxx/zxgh/", "专项规划", fdt + [("规划信息", fd + "ghxx/"), ("专项规划", fd + "ghxx/zxgh/")], fd_side,
                    [("秀安县“十五五”文化和旅游发展规划", "2026-05-12")])
        self.column(fd + "rsxx/rsrm/", "人事任免", fdt + [("人事信息", fd + "rsxx/"), ("人事任免", fd + "rsxx/rsrm/")], fd_side,
                    [("关于张某某等同志职务任免的通知", "2026-09-03")])
        self.column(fd + "zdly/ggwh/", "公共文化服务", fdt + [("重点领域信息公开", fd + "zdly/"), ("公共文化服务", fd + "zdly/ggwh/")],
                    fd_side, [("2026年秀安县公共文化服务目录", "2026-04-08")])
        self.column(z + "zfxxgkzd/bm/", "本部门", [("政务公开", z), ("政府信息公开制度", z + "zfxxgkzd/"), ("本部门", z + "zfxxgkzd/bm/")],
                    fd_side, [("秀安县文化和旅游发展委员会政府信息公开工作制度", "2026-02-10")])
        self.column("/hdjl_221/zxts/", "咨询投诉", [("互动交流", "/hdjl_221/"), ("咨询投诉", "/hdjl_221/zxts/")],
                    ("互动交流", [("咨询投诉", "/hdjl_221/zxts/")]), [("关于景区门票优惠的咨询", "2026-11-02")])
        # 指南, 年报
        self.column(z + "zfxxgkzn/", "政府信息公开指南", [("政务公开", z), ("政府信息公开指南", z + "zfxxgkzn/")], fd_side,
                    [("秀安县文化和旅游发展委员会政府信息公开指南", "2026-01-15")])
        self.column(z + "zfxxgknb/", "政府信息公开年报", [("政务公开", z), ("政府信息公开年报", z + "zfxxgknb/")], fd_side,
                    [("秀安县文化和旅游发展委员会2025年政府信息公开工作年度报告", "2026-01-20")])
        # the columns that are really empty: breadcrumb, heading, an empty list and a pager
        for slug, t in [("zdxm", "重大建设项目"), ("jyta", "建议提案办理"), ("xzsyxsf", "行政事业性收费"), ("yjgl", "应急管理")]:
            self.list_page(fd + slug + "/", t, fdt + [(t, fd + slug + "/")], fd_side, [], pages=0)
        self.list_page(fd + "tjxx/", "统计信息", fdt + [("统计信息", fd + "tjxx/")], fd_side, [], note="暂无信息")
        # 公共企事业单位信息公开
        gq = fd + "ggqsydw/"
        units = """<table class="gq"><tr><th>名称</th><th>资质或者等级</th><th>业务范围</th><th>服务区域</th><th>地址</th><th>办公时间</th><th>联系电话</th></tr>
<tr><td>秀安县图书馆</td><td>国家一级馆</td><td>文献借阅</td><td>秀安县</td><td>文旅路10号</td><td>9:00-17:00</td><td>023-75560001</td></tr></table>"""
        self.list_page(gq, "公共企事业单位信息公开", fdt + [("公共企事业单位信息公开", gq)], fd_side, [], body_extra=units)


# ---------------------------------------------------------------------------------------
# Hanweb (jcms): /col/colN/index.html, /art/Y/M/D/art_N_M.html, datastore lists, iframes
# ---------------------------------------------------------------------------------------

class Hanweb:
    host = "www.hwx.gov.cn"
    name = "华文县人民政府"
    code = "3306270001"

    def __init__(self):
        self.nav = [("首页", "/"), ("政府信息公开", "/col/col101/index.html"), ("政务服务", "/col/col401/index.html"),
                    ("互动交流", "/col/col201/index.html"), ("走进华文", "/col/col301/index.html")]
        self.art = 1000

    def page(self, url, title, body, column=None, article=None, pubdate=None, crumbs=None):
        m = [f'<meta name="SiteName" content="{self.name}">', f'<meta name="SiteDomain" content="{self.host}">',
             f'<meta name="SiteIDCode" content="{self.code}">']
        if column:
            m.append(f'<meta name="ColumnName" content="{column}">')
        if article:
            m += [f'<meta name="ArticleTitle" content="{article}">', f'<meta name="PubDate" content="{pubdate} 10:00">']
        nav = "".join(f'<li><a href="{u}" target="_blank">{t}</a></li>' for t, u in self.nav)
        crumb = ""
        if crumbs is not None:
            parts = '<a href="/">首页</a>' + "".join(f' &gt; <a href="{u}">{t}</a>' if u else f' &gt; {t}' for t, u in crumbs)
            crumb = f'<div class="dqwz">您当前的位置：{parts}</div>'
        html = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1">
{chr(10).join(m)}
<title>{title + " " if title != self.name else ""}{self.name}</title>
<script type="text/javascript" src="/script/jquery.min.js"></script>
</head>
<body>
<div class="top"><div class="logo"><img src="/picture/0/logo.png" alt="{self.name}"/></div>
<form action="/jsearchfront/search.do" method="get"><input type="hidden" name="websiteid" value="330627000000000"/><input name="q" type="text"/><input type="submit" value="搜索"/></form></div>
<div class="nav"><ul>{nav}</ul></div>
{crumb}
<div class="main">{body}</div>
<div class="bottom">
<p>主办：{self.name}办公室　承办：华文县大数据发展中心</p>
<p>网站标识码：{self.code}　<a href="https://beian.miit.gov.cn/" target="_blank">浙ICP备05012345号</a>　<a href="http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=33062702000123" target="_blank">浙公网安备 33062702000123号</a></p>
<script type="text/javascript">document.write(unescape("%3Cspan id='_ideConac' %3E%3C/span%3E%3Cscript src='https://dcs.conac.cn/js/33/000/0000/60/CA330000000000000001.js' type='text/javascript'%3E%3C/script%3E"));</script>
<span id="_ideConac"></span>
<script id="_jiucuo_" sitecode="{self.code}" src="https://zfwzgl.www.gov.cn/exposure/jiucuo.js"></script>
</div>
</body>
</html>
"""
        out(self.host, url, html)

    def col(self, n, title, crumbs, docs, side=None, unit=None, extra=""):
        """A datastore list column; docs: (title, date). Returns the article URLs."""
        recs = []
        urls = []
        for t, d in docs:
            self.art += 1
            y, mth, day = d.split("-")
            u = f"/art/{y}/{int(mth)}/{int(day)}/art_{n}_{self.art}.html"
            urls.append((t, u, d))
            recs.append(f'<record><![CDATA[\n<li><a href="{u}" title="{t}" target="_blank">{t}</a><span class="bt-data-time">{d}</span></li>]]></record>')
            self.page(u, t, f'<div class="article"><h1>{t}</h1><div class="info">发布日期：{d}　信息来源：{self.name}</div>'
                            f'<div id="zoom"><p>{t}。</p><p>现予公布。</p></div></div>',
                      article=t, pubdate=d, crumbs=crumbs + [("正文", None)])
        unitid = 4000 + n
        side_html = ""
        if side:
            side_html = '<div class="left"><h3>' + side[0] + '</h3><ul>' + "".join(
                f'<li><a href="{u}">{t}</a></li>' for t, u in side[1]) + "</ul></div>"
        body = f"""{side_html}<div class="right"><div class="lmtitle">{title}</div>{extra}
<div id="{unitid}"><script type="text/xml"><datastore>
<nextgroup><![CDATA[<a href="/module/web/jpage/dataproxy.jsp?page=1&webid=1&path=/&columnid={n}&unitid={unitid}&webname=%E5%8D%8E%E6%96%87%E5%8E%BF&permissiontype=0"></a>]]></nextgroup>
<recordset>
{chr(10).join(recs)}
</recordset>
</datastore></script></div></div>"""
        self.page(f"/col/col{n}/index.html", title, body, column=title, crumbs=crumbs)
        return urls

    def build(self):
        gk = [("政府信息公开", "/col/col101/index.html")]
        fd = gk + [("法定主动公开内容", "/col/col102/index.html")]
        side = ("法定主动公开内容", [("机构职能", "/col/col103/index.html"), ("预算/决算", "/col/col104/index.html"),
                                   ("政策解读", "/col/col105/index.html"), ("政府公报", "/col/col109/index.html"),
                                   ("规划信息", "/col/col111/index.html"), ("公共企事业单位信息公开", "/col/col112/index.html"),
                                   ("联系我们", "/col/col113/index.html")])
        news = self.col(301, "华文要闻", [("走进华文", "/col/col301/index.html")],
                        [("华文县召开县政府常务会议", "2026-11-21"), ("华文县开展安全生产大检查", "2026-11-14")])
        self.page("/", self.name, '<div class="news"><h3>华文要闻</h3><ul>' + "".join(
            f'<li><a href="{u}">{t}</a><span>{d[5:]}</span></li>' for t, u, d in news) +
                  '</ul></div><div class="gk"><a href="/col/col101/index.html">政府信息公开</a> <a href="/col/col110/index.html">依申请公开</a>'
                  ' <a href="/col/col202/index.html">县长信箱</a></div>')
        # 政府信息公开: a landing page that only links to its sub-columns (other /col/ dirs)
        self.page("/col/col101/index.html", "政府信息公开", '<div class="gkml"><ul>'
                  '<li><a href="/col/col120/index.html">政府信息公开指南</a></li>'
                  '<li><a href="/col/col121/index.html">政府信息公开制度</a></li>'
                  '<li><a href="/col/col102/index.html">法定主动公开内容</a></li>'
                  '<li><a href="/col/col122/index.html">政府信息公开年报</a></li>'
                  '<li><a href="/col/col110/index.html">依申请公开</a></li></ul></div>', column="政府信息公开", crumbs=gk)
        self.page("/col/col102/index.html", "法定主动公开内容", '<div class="gkml"><ul>' + "".join(
            f'<li><a href="{u}">{t}</a></li>' for t, u in side[1]) + '</ul></div>', column="法定主动公开内容", crumbs=fd)
        self.col(120, "政府信息公开指南", gk + [("政府信息公开指南", "/col/col120/index.html")], [("华文县人民政府信息公开指南", "2026-01-10")])
        self.col(121, "政府信息公开制度", gk + [("政府信息公开制度", "/col/col121/index.html")], [("华文县政府信息公开工作制度", "2026-02-11")])
        self.col(122, "政府信息公开年报", gk + [("政府信息公开年报", "/col/col122/index.html")],
                 [("华文县人民政府2025年政府信息公开工作年度报告", "2026-01-25")])
        self.page("/col/col103/index.html", "机构职能", side_html(side) +
                  '<div class="right"><div class="lmtitle">机构职能</div><div id="zoom"><p>华文县人民政府办公室是县政府的办事机构，负责协助县政府领导处理县政府日常工作，督促检查县政府各部门和各乡镇对县政府文件的贯彻落实情况。</p></div></div>',
                  column="机构职能", crumbs=fd + [("机构职能", None)])
        self.col(104, "预算/决算", fd + [("预算/决算", "/col/col104/index.html")],
                 [("华文县2026年县级部门预算公开", "2026-03-21"), ("华文县2025年县级部门决算公开", "2026-08-29")], side=side)
        jd = fd + [("政策解读", "/col/col105/index.html")]
        jd_side = ("政策解读", [("文字解读", "/col/col106/index.html"), ("图片解读", "/col/col107/index.html"),
                               ("视频解读", "/col/col108/index.html")])
        self.page("/col/col105/index.html", "政策解读", side_html(jd_side) + '<div class="right"><div class="lmtitle">政策解读</div></div>',
                  column="政策解读", crumbs=jd)
        for (t, u), n in zip(jd_side[1], (106, 107, 108)):
            self.col(n, t, jd + [(t, u)], [(f"《华文县促进消费若干措施》{t}", "2026-10-20")], side=jd_side)
        self.col(109, "政府公报", fd + [("政府公报", "/col/col109/index.html")], [("华文县人民政府公报2026年第5期", "2026-10-30")], side=side)
        # a column that is really empty: its list container has no record
        self.col(111, "规划信息", fd + [("规划信息", "/col/col111/index.html")], [], side=side)
        units = """<table><tr><th>名称</th><th>资质或者等级</th><th>业务范围</th><th>服务区域</th><th>地址</th><th>办公时间</th><th>联系电话</th></tr>
<tr><td>华文县自来水公司</td><td>二级</td><td>城乡供水</td><td>华文县</td><td>水务路1号</td><td>8:30-17:00</td><td>0579-83120001</td></tr></table>
<p>投诉举报电话：0579-83125678</p>"""
        self.page("/col/col112/index.html", "公共企事业单位信息公开", side_html(side) +
                  f'<div class="right"><div class="lmtitle">公共企事业单位信息公开</div>{units}</div>',
                  column="公共企事业单位信息公开", crumbs=fd + [("公共企事业单位信息公开", None)])
        self.page("/col/col113/index.html", "联系我们", side_html(side) +
                  '<div class="right"><div class="lmtitle">联系我们</div><div id="zoom"><p>通讯地址：华文县行政中心</p>'
                  '<p>联系电话：0579-83121234</p><p>办公时间：周一至周五 8:30-12:00 14:30-17:30</p></div></div>',
                  column="联系我们", crumbs=fd + [("联系我们", None)])
        # iframe containers: 依申请公开 form and 县长信箱 letters (not blank)
        self.page("/col/col110/index.html", "依申请公开", '<div class="lmtitle">依申请公开</div>'
                  '<iframe src="/module/ysqgk/index.html" width="100%" height="800" frameborder="0"></iframe>',
                  column="依申请公开", crumbs=gk + [("依申请公开", None)])
        out(self.host, "/module/ysqgk/index.html", """<html><head><meta charset="utf-8"><title>依申请公开</title></head><body>
<form action="/module/ysqgk/submit.jsp" method="post"><p>申请人姓名：<input name="name"/></p><p>所需信息内容描述：<textarea name="content"></textarea></p><input type="submit" value="提交申请"/></form>
</body></html>""")
        self.page("/col/col201/index.html", "互动交流", '<ul><li><a href="/col/col202/index.html">县长信箱</a></li></ul>',
                  column="互动交流", crumbs=[("互动交流", None)])
        self.page("/col/col202/index.html", "县长信箱", '<div class="lmtitle">县长信箱</div>'
                  '<iframe src="/module/xxgk/mailbox.jsp?webid=1" width="100%" height="600" frameborder="0"></iframe>',
                  column="县长信箱", crumbs=[("互动交流", "/col/col201/index.html"), ("县长信箱", None)])
        out(self.host, "/module/xxgk/mailbox.jsp", """<html><head><meta charset="utf-8"><title>县长信箱</title></head><body>
<table class="letters"><tr><th>标题</th><th>留言时间</th><th>答复时间</th></tr>
<tr><td><a href="/module/xxgk/letter.jsp?id=11">关于老旧小区改造的建议</a></td><td>2026-11-03</td><td>2026-11-10</td></tr></table>
</body></html>""")


def side_html(side):
    return '<div class="left"><h3>' + side[0] + '</h3><ul>' + "".join(f'<li><a href="{u}">{t}</a></li>' for t, u in side[1]) + "</ul></div>"


# ---------------------------------------------------------------------------------------
# 区县 portal with the disclosure platform on another host
# ---------------------------------------------------------------------------------------

def simple_page(host, url, site_name, title, body, crumbs=None, column=None, article=None, pubdate=None, footer=""):
    m = [f'<meta name="SiteName" content="{site_name}">', '<meta name="SiteIDCode" content="5001180001">']
    if column:
        m.append(f'<meta name="ColumnName" content="{column}">')
    if article:
        m += [f'<meta name="ArticleTitle" content="{article}">', f'<meta name="PubDate" content="{pubdate}">']
    crumb = ""
    if crumbs is not None:
        parts = ['<a href="/">首页</a>'] + [f'<a href="{u}">{t}</a>' if u else t for t, u in crumbs]
        crumb = '<div class="location">当前位置：' + " &gt; ".join(parts) + "</div>"
    out(host, url, f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
{chr(10).join(m)}
<title>{title}</title></head>
<body><div class="head"><h1>{site_name}</h1><form action="/search/"><input name="q"><button>搜索</button></form></div>
{crumb}
<div class="container">{body}</div>
<div class="foot">{footer}<p>主办单位：{site_name}　网站标识码：5001180001　<a href="https://beian.miit.gov.cn/">渝ICP备11001234号</a>　<a href="http://www.beian.gov.cn/">渝公网安备 50011802000001号</a></p>
<span id="_ideConac"></span><script id="_jiucuo_" sitecode="5001180001" src="https://zfwzgl.www.gov.cn/exposure/jiucuo.js"></script></div>
</body></html>
""")


def platform(host, unit, site_name, port_prefix):
    """An xxgk platform: 政务公开 > 法定主动公开内容 > … on its own host."""
    P = port_prefix
    gk = [("政务公开", f"{P}/")]
    fd = gk + [("法定主动公开内容", f"{P}/fdzdgknr/")]
    kids = [("预算/决算", "czyjs"), ("政策解读", "zcjd"), ("机关简介", "jgjj"), ("政府公报", "zfgb"), ("应急管理", "yjgl")]
    simple_page(host, "/", site_name, f"政府信息公开_{site_name}", '<ul class="gkml">' +
                f'<li><a href="{P}/fdzdgknr/">法定主动公开内容</a></li><li><a href="{P}/zfxxgknb/">政府信息公开年报</a></li>'
                f'<li><a href="{P}/zfxxgkzn/">政府信息公开指南</a></li></ul>', crumbs=[("政务公开", None)], column="政务公开")
    simple_page(host, "/fdzdgknr/", site_name, f"法定主动公开内容_{site_name}", '<ul class="gkml">' + "".join(
        f'<li><a href="{P}/fdzdgknr/{s}/">{t}</a></li>' for t, s in kids) + "</ul>", crumbs=fd, column="法定主动公开内容")

    def listing(slug, t, docs, trail):
        rows = ""
        for n, (dt, d) in enumerate(docs, 1):
            u = f"/{slug}/{tdate(d)[:6]}/t{tdate(d)}_{n}.html"
            rows += f'<li><a href="{P}{u}">{dt}</a><span>{d}</span></li>'
            simple_page(host, u, site_name, dt, f"<h2>{dt}</h2><p>发布日期：{d}</p><div class='TRS_Editor'><p>{dt}。</p></div>",
                        crumbs=trail + [("正文", None)], article=dt, pubdate=d)
        simple_page(host, f"/{slug}/", site_name, f"{t}_{site_name}", f'<h2>{t}</h2><ul class="list">{rows}</ul>', crumbs=trail, column=t)

    listing("fdzdgknr/czyjs", "预算/决算", [(f"{unit}2026年部门预算", "2026-03-25"), (f"{unit}2025年部门决算", "2026-08-20")],
            fd + [("预算/决算", f"{P}/fdzdgknr/czyjs/")])
    listing("fdzdgknr/zfgb", "政府公报", [(f"{unit}政府公报2026年第4期", "2026-10-28")], fd + [("政府公报", f"{P}/fdzdgknr/zfgb/")])
    jd = fd + [("政策解读", f"{P}/fdzdgknr/zcjd/")]
    simple_page(host, "/fdzdgknr/zcjd/", site_name, f"政策解读_{site_name}", '<ul class="sub">' + "".join(
        f'<li><a href="{P}/fdzdgknr/zcjd/{s}/">{t}</a></li>' for t, s in [("文字解读", "wzjd"), ("图片解读", "tpjd"), ("视频解读", "spjd")]) + "</ul>",
        crumbs=jd, column="政策解读")
    for t, s in [("文字解读", "wzjd"), ("图片解读", "tpjd"), ("视频解读", "spjd")]:
        listing(f"fdzdgknr/zcjd/{s}", t, [(f"《{unit}优化营商环境措施》{t}", "2026-10-09")], jd + [(t, f"{P}/fdzdgknr/zcjd/{s}/")])
    jg = fd + [("机关简介", f"{P}/fdzdgknr/jgjj/")]
    simple_page(host, "/fdzdgknr/jgjj/", site_name, f"机关简介_{site_name}", f'<p>{unit}人民政府是本区行政机关。</p>'
                f'<ul><li><a href="{P}/fdzdgknr/jgjj/lxwm/">联系我们</a></li></ul>', crumbs=jg, column="机关简介")
    simple_page(host, "/fdzdgknr/jgjj/lxwm/", site_name, f"联系我们_{site_name}", '<p>办公地址：行政中心1号楼</p><p>值班电话：023-41231234</p>'
                '<p>办公时间：工作日9:00-17:00</p>', crumbs=jg + [("联系我们", None)], column="联系我们")
    # a blank column on the platform
    simple_page(host, "/fdzdgknr/yjgl/", site_name, f"应急管理_{site_name}", '<h2>应急管理</h2><ul class="list"></ul>',
                crumbs=fd + [("应急管理", f"{P}/fdzdgknr/yjgl/")], column="应急管理")
    listing("zfxxgknb", "政府信息公开年报", [(f"{unit}2025年政府信息公开工作年度报告", "2026-01-22")], gk + [("政府信息公开年报", f"{P}/zfxxgknb/")])
    listing("zfxxgkzn", "政府信息公开指南", [(f"{unit}政府信息公开指南", "2026-01-05")], gk + [("政府信息公开指南", f"{P}/zfxxgkzn/")])


def portal(host, name, xxgk_url):
    news = []
    for n, (t, d) in enumerate([(f"{name[:3]}召开区政府常务会议", "2026-11-19"), (f"{name[:3]}推进城市更新", "2026-11-09")], 1):
        u = f"/xwzx/qxyw/{tdate(d)[:6]}/t{tdate(d)}_{n}.html"
        news.append((t, u, d))
        simple_page(host, u, name, t, f"<h2>{t}</h2><p>发布时间：{d}</p><p>{t}。</p>", crumbs=[("新闻中心", "/xwzx/"), ("正文", None)],
                    article=t, pubdate=d)
    rows = "".join(f'<li><a href="{u}">{t}</a><span>{d}</span></li>' for t, u, d in news)
    simple_page(host, "/xwzx/", name, f"新闻中心_{name}", f'<h2>区县要闻</h2><ul class="list">{rows}</ul>', crumbs=[("新闻中心", None)],
                column="新闻中心")
    simple_page(host, "/", name, f"{name}门户网站", f'<ul class="menu"><li><a href="/">首页</a></li><li><a href="/xwzx/">新闻中心</a></li>'
                f'<li><a href="{xxgk_url}" target="_blank">政府信息公开</a></li><li><a href="/hdjl/">互动交流</a></li></ul>'
                f'<h3>区县要闻</h3><ul class="list">{rows}</ul>')
    simple_page(host, "/hdjl/", name, f"互动交流_{name}", '<ul><li><a href="/hdjl/qzxx/">区长信箱</a></li></ul>', crumbs=[("互动交流", None)],
                column="互动交流")
    simple_page(host, "/hdjl/qzxx/", name, f"区长信箱_{name}", '<table><tr><th>标题</th><th>留言时间</th><th>答复时间</th></tr>'
                '<tr><td>关于增设公交站点的建议</td><td>2026-11-02</td><td>2026-11-09</td></tr></table>',
                crumbs=[("互动交流", "/hdjl/"), ("区长信箱", None)], column="区长信箱")


# ---------------------------------------------------------------------------------------
# A template whose sidebars mimic column items
# ---------------------------------------------------------------------------------------

class Sidebar:
    host = "ybj.sbx.gov.cn"
    name = "石坝县医疗保障局"

    def __init__(self):
        self.hot = []  # filled once the articles exist

    def page(self, url, title, body, crumbs=None, column=None, article=None, pubdate=None):
        m = [f'<meta name="SiteName" content="{self.name}">', '<meta name="SiteIDCode" content="5002430021">']
        if column:
            m.append(f'<meta name="ColumnName" content="{column}">')
        if article:
            m += [f'<meta name="ArticleTitle" content="{article}">', f'<meta name="PubDate" content="{pubdate}">']
        crumb = ""
        if crumbs is not None:
            parts = ['<a href="/">首页</a>'] + [f'<a href="{u}">{t}</a>' if u else t for t, u in crumbs]
            crumb = '<div class="crumbs">当前位置：' + " &gt; ".join(parts) + "</div>"
        hot = "".join(f'<li><a href="{u}" title="{t}">{t}</a><span class="time">{d}</span></li>' for t, u, d in self.hot)
        out(self.host, url, f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
{chr(10).join(m)}
<title>{title}-{self.name}</title></head>
<body>
<div class="header"><div class="logo">{self.name}</div>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/ybzc/">医保政策</a></li><li><a href="/hdjl/">互动交流</a></li></ul>
<form action="/search/" class="search"><input name="searchword"><button>搜索</button></form></div>
{crumb}
<div class="wrapper">
<div class="main-content">{body}</div>
<div class="sidebar">
<div class="box hot"><h3>热点信息</h3><ul>{hot}</ul></div>
<div class="box links"><h3>相关链接</h3><ul>
<li><a href="/zwgk/ysqgk/">依申请公开</a></li><li><a href="/zwgk/zfxxgkzn/">政府信息公开指南</a></li>
<li><a href="http://ybj.cq.gov.cn/">重庆市医疗保障局</a></li><li><a href="http://www.nhsa.gov.cn/">国家医疗保障局</a></li></ul></div>
</div>
</div>
<div class="footer">
<p><a href="/qt/lxfs/">联系方式</a> | <a href="/qt/wzdt/">网站地图</a></p>
<p>主办单位：{self.name}　联系电话：023-76661234　地址：石坝县医保大厦</p>
<p>违法和不良信息举报电话：023-76669999　网站标识码：5002430021　<a href="https://beian.miit.gov.cn/">渝ICP备13005678号</a>　<a href="http://www.beian.gov.cn/">渝公网安备 50024302000011号</a></p>
<span id="_ideConac"></span><script id="_jiucuo_" sitecode="5002430021" src="https://zfwzgl.www.gov.cn/exposure/jiucuo.js"></script>
</div>
</body></html>
""")

    def listing(self, url, title, crumbs, docs):
        rows = ""
        made = []
        for n, (t, d) in enumerate(docs, 1):
            u = f"{url}{tdate(d)[:6]}/t{tdate(d)}_{zlib.crc32(f'{url}{n}'.encode()) % 9000 + 1000}.html"
            made.append((t, u, d))
            rows += f'<li><a href="{u}">{t}</a><span>{d}</span></li>'
        self.page(url, title, f'<h2 class="lm">{title}</h2><ul class="news-list">{rows}</ul>', crumbs=crumbs, column=title)
        return made

    def build(self):
        zw = [("政务公开", "/zwgk/")]
        fd = zw + [("法定主动公开内容", "/zwgk/fdzdgknr/")]
        # hot items: real articles of one column, shown in every page's sidebar
        tz = [("医保政策", "/ybzc/"), ("通知公告", "/ybzc/tzgg/")]
        docs = [("关于2027年度城乡居民医保参保缴费的通告", "2026-11-18"), ("石坝县医保经办服务事项清单", "2026-11-06"),
                ("关于开展医保基金监管集中宣传月活动的通知", "2026-10-22")]
        self.hot = [(t, f"/ybzc/tzgg/{tdate(d)[:6]}/t{tdate(d)}_{n}.html", d) for n, (t, d) in enumerate(docs, 1)]
        rows = "".join(f'<li><a href="{u}">{t}</a><span>{d}</span></li>' for t, u, d in self.hot)
        self.page("/ybzc/tzgg/", "通知公告", f'<h2 class="lm">通知公告</h2><ul class="news-list">{rows}</ul>', crumbs=tz, column="通知公告")
        for t, u, d in self.hot:
            self.page(u, t, f"<h1>{t}</h1><p>发布日期：{d}</p><div class='article-con'><p>{t}。</p></div>", crumbs=tz + [("正文", None)],
                      article=t, pubdate=d)
        self.page("/ybzc/", "医保政策", '<ul class="sub"><li><a href="/ybzc/tzgg/">通知公告</a></li></ul>', crumbs=[("医保政策", None)],
                  column="医保政策")
        self.page("/", self.name, '<div class="home"><h3>通知公告</h3><ul>' + rows + '</ul></div>')
        # 政务公开 with 政策解读 directly under it (no 法定主动公开内容 level for it)
        self.page("/zwgk/", "政务公开", '<ul class="sub"><li><a href="/zwgk/fdzdgknr/">法定主动公开内容</a></li>'
                  '<li><a href="/zwgk/zcjd/">政策解读</a></li><li><a href="/zwgk/zfxxgknb/">政府信息公开年报</a></li>'
                  '<li><a href="/zwgk/zfxxgkzn/">政府信息公开指南</a></li><li><a href="/zwgk/ysqgk/">依申请公开</a></li></ul>',
                  crumbs=zw, column="政务公开")
        kids = [("预算/决算", "czyjs"), ("机构职能", "jgzn"), ("公共企事业单位信息公开", "ggqsydw"), ("行政执法", "xzzf"),
                ("规划计划", "ghjh"), ("人事信息", "rsxx"), ("统计信息", "tjxx"), ("财政资金", "czzj")]
        self.page("/zwgk/fdzdgknr/", "法定主动公开内容", '<ul class="sub">' + "".join(
            f'<li><a href="/zwgk/fdzdgknr/{s}/">{t}</a></li>' for t, s in kids) + "</ul>", crumbs=fd, column="法定主动公开内容")
        self.listing("/zwgk/fdzdgknr/czyjs/", "预算/决算", fd + [("预算/决算", "/zwgk/fdzdgknr/czyjs/")],
                     [(f"{self.name}2026年部门预算", "2026-03-10"), (f"{self.name}2025年部门决算", "2026-08-31")])
        self.page("/zwgk/fdzdgknr/jgzn/", "机构职能", '<h2 class="lm">机构职能</h2><div class="article-con"><p>石坝县医疗保障局是县政府工作部门，负责贯彻执行医疗保险、生育保险、医疗救助等医疗保障制度的法律法规和政策。</p></div>',
                  crumbs=fd + [("机构职能", None)], column="机构职能")
        # the 名录 page shows only a heading; the footer's 地址/联系电话 are template
        self.page("/zwgk/fdzdgknr/ggqsydw/", "公共企事业单位信息公开", '<h2 class="lm">公共企事业单位信息公开</h2><p>定点医药机构名录见附件。</p>',
                  crumbs=fd + [("公共企事业单位信息公开", None)], column="公共企事业单位信息公开")
        # five columns blank but for the template (热点信息 items, 相关链接)
        for t, s in [("行政执法", "xzzf"), ("规划计划", "ghjh"), ("人事信息", "rsxx"), ("统计信息", "tjxx"), ("财政资金", "czzj")]:
            self.page(f"/zwgk/fdzdgknr/{s}/", t, f'<h2 class="lm">{t}</h2><ul class="news-list"></ul>',
                      crumbs=fd + [(t, f"/zwgk/fdzdgknr/{s}/")], column=t)
        jd = zw + [("政策解读", "/zwgk/zcjd/")]
        subs = [("文字解读", "wzjd"), ("图片解读", "tpjd"), ("视频解读", "spjd")]
        self.page("/zwgk/zcjd/", "政策解读", '<ul class="sub">' + "".join(f'<li><a href="/zwgk/zcjd/{s}/">{t}</a></li>' for t, s in subs) + "</ul>",
                  crumbs=jd, column="政策解读")
        for t, s in subs:
            made = self.listing(f"/zwgk/zcjd/{s}/", t, jd + [(t, f"/zwgk/zcjd/{s}/")], [(f"《城乡居民医保参保通告》{t}", "2026-11-19")])
            for dt, u, d in made:
                self.page(u, dt, f"<h1>{dt}</h1><p>发布日期：{d}</p><div class='article-con'><p>{dt}。</p></div>",
                          crumbs=jd + [(t, f"/zwgk/zcjd/{s}/"), ("正文", None)], article=dt, pubdate=d)
        for s, t, d in [("zfxxgknb", "政府信息公开年报", "2026-01-18"), ("zfxxgkzn", "政府信息公开指南", "2026-01-08")]:
            made = self.listing(f"/zwgk/{s}/", t, zw + [(t, f"/zwgk/{s}/")], [(f"{self.name}{t}", d)])
            for dt, u, dd in made:
                self.page(u, dt, f"<h1>{dt}</h1><p>发布日期：{dd}</p><div class='article-con'><p>{dt}。</p></div>",
                          crumbs=zw + [(t, f"/zwgk/{s}/"), ("正文", None)], article=dt, pubdate=dd)
        self.page("/zwgk/ysqgk/", "依申请公开", '<h2 class="lm">依申请公开</h2><p>申请人可通过在线申请、信函、当面申请等方式提出政府信息公开申请。受理机构：石坝县医疗保障局办公室，'
                  '通讯地址：石坝县医保大厦3楼，邮政编码：409800。申请表可在本页下载后填写，并附身份证明复印件。</p><p><a href="/zwgk/ysqgk/sqb.doc">政府信息公开申请表下载</a></p>',
                  crumbs=zw + [("依申请公开", None)], column="依申请公开")
        # 联系方式 under 首页其他 (footer), not under 机构职能 > 联系我们; it repeats the footer
        self.page("/qt/", "其他", '<ul class="sub"><li><a href="/qt/lxfs/">联系方式</a></li><li><a href="/qt/wzdt/">网站地图</a></li></ul>',
                  crumbs=[("其他", None)], column="其他")
        self.page("/qt/lxfs/", "联系方式", '<h2 class="lm">联系方式</h2><p>欢迎来电来函。</p>', crumbs=[("其他", "/qt/"), ("联系方式", None)],
                  column="联系方式")
        self.page("/qt/wzdt/", "网站地图", '<p>本站栏目结构如下：</p><ul><li><a href="/zwgk/">政务公开</a></li><li><a href="/ybzc/">医保政策</a></li>'
                  '<li><a href="/hdjl/">互动交流</a></li></ul>', crumbs=[("其他", "/qt/"), ("网站地图", None)], column="网站地图")
        self.page("/hdjl/", "互动交流", '<ul class="sub"><li><a href="/hdjl/jzxx/">局长信箱</a></li></ul>', crumbs=[("互动交流", None)],
                  column="互动交流")
        self.page("/hdjl/jzxx/", "局长信箱", '<table><tr><th>标题</th><th>留言时间</th><th>答复时间</th></tr>'
                  '<tr><td>关于异地就医备案的咨询</td><td>2026-11-04</td><td>2026-11-06</td></tr></table>',
                  crumbs=[("互动交流", "/hdjl/"), ("局长信箱", None)], column="局长信箱")


def main():
    for h in HOSTS:
        shutil.rmtree(os.path.join(ROOT, h), ignore_errors=True)
    Trs().build()
    Hanweb().build()
    portal("www.qxa.gov.cn", "秀安区人民政府", "http://xxgk.qxa.gov.cn:@PORT@/")
    platform("xxgk.qxa.gov.cn", "秀安区", "秀安区人民政府", "http://xxgk.qxa.gov.cn:@PORT@")
    portal("www.qxb.gov.cn", "秀北区人民政府", "http://xxgk.cityplat.gov.cn:@PORT@/qxb/")
    platform_on_path()
    Sidebar().build()


def platform_on_path():
    """The city platform keeps 秀北区's disclosure under /qxb/ on another registrable domain."""
    host = "xxgk.cityplat.gov.cn"
    P = f"http://{host}:@PORT@/qxb"
    # reuse the platform layout under a path prefix
    platform_tmp = os.path.join(ROOT, "_tmp_" + host)
    shutil.rmtree(platform_tmp, ignore_errors=True)
    platform("_tmp_" + host, "秀北区", "秀北区人民政府", P)
    dst = os.path.join(ROOT, host, "qxb")
    os.makedirs(os.path.dirname(dst), exist_ok=True)
    shutil.move(platform_tmp, dst)


if __name__ == "__main__":
    main()
