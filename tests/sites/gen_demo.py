#!/usr/bin/env python3
"""Generate the bundled demo government site (tests/sites/demo) and the small crawl fixture
sites (tests/sites/crawl).

Re-run after editing:  python3 tests/sites/gen_demo.py
The output is committed; the Rust crate embeds tests/sites/demo via include_dir!.
Everything is fictional: 秀水区人民政府 (www.xsq.cq.gov.cn). "Today" is 2026-11-27.
"""

import os
import re
import shutil
import struct
import zlib
from urllib.parse import urljoin, urlsplit, unquote

HERE = os.path.dirname(os.path.abspath(__file__))
DEMO = os.path.join(HERE, "demo")
CRAWL = os.path.join(HERE, "crawl")
HOST = "www.xsq.cq.gov.cn"
ROOT = os.path.join(DEMO, HOST)

SITE_NAME = "秀水区人民政府"
SITE_ID = "5001990001"
ORG_CODE = "11500199MB1234567X"
ZW = "/zwgk_229"
FD = ZW + "/fdzdgknr"

written = {}  # url path -> (bytes, encoding)


def write(path, data, encoding="utf-8"):
    """path: URL path starting with '/', file stored with UTF-8 file name."""
    if isinstance(data, str):
        data = data.encode(encoding)
    fs = os.path.join(ROOT, path.lstrip("/"))
    os.makedirs(os.path.dirname(fs), exist_ok=True)
    with open(fs, "wb") as f:
        f.write(data)
    written[path] = encoding


# ---------------------------------------------------------------- binary media


def png(w, h, rgb=(200, 30, 30)):
    raw = b"".join(b"\x00" + bytes(rgb) * w for _ in range(h))

    def chunk(t, d):
        c = struct.pack(">I", len(d)) + t + d
        return c + struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def pdf(text):
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        None,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    stream = ("BT /F1 14 Tf 72 770 Td (%s) Tj ET" % text).encode("latin-1")
    objs[3] = b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream"
    out = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return out


def mp4_min():
    ftyp = struct.pack(">I", 24) + b"ftypisom" + struct.pack(">I", 0x200) + b"isommp41"
    mdat = struct.pack(">I", 8) + b"mdat"
    return ftyp + mdat


def swf():
    body = b"\x78\x00\x05\x5f\x00\x00\x0f\xa0\x00\x00\x18\x01\x00\x44\x11\x08\x00\x00\x00\x40\x00\x00\x00"
    return b"FWS\x0a" + struct.pack("<I", 8 + len(body)) + body


# ---------------------------------------------------------------- page template

NAV = [
    ("首页", "/"),
    ("走进秀水", "/zjxs/"),
    ("政务公开", ZW + "/"),
    ("政务服务", "/zwfw/"),
    ("互动交流", "/hdjl/"),
    ("专题专栏", "/col/col1234/index.html"),
]

NAV_SUB = {
    "政务公开": [("政府信息公开", ZW + "/zfxxgk/"), ("法定主动公开内容", FD + "/"),
               ("政策解读", FD + "/zcjd/"), ("预算/决算", FD + "/czyjs/"), ("政府公报", FD + "/zfgb/"),
               ("通知公告", "/zwxx_229/tzgg/")],
    "互动交流": [("区长信箱", "/hdjl/qzxx/"), ("公开信箱", "/hdjl/lyxd/"), ("活动日历", "/hdjl/rl/?d=2026-11-01")],
    "政务服务": [("政务服务", "/zwfw/")],
}


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def crumbs(trail):
    parts = ['<a href="/">首页</a>']
    for text, url in trail:
        parts.append('<a href="%s">%s</a>' % (url, esc(text)) if url else esc(text))
    return ('<div class="position"><span>您当前的位置：</span>%s</div>' % " &gt; ".join(parts))


def header():
    items = []
    for text, url in NAV:
        sub = NAV_SUB.get(text, [])
        subs = "".join('<li><a href="%s">%s</a></li>' % (u, t) for t, u in sub)
        items.append('<li class="nav-item"><a href="%s">%s</a>%s</li>' % (
            url, text, ('<ul class="sub">%s</ul>' % subs) if subs else ""))
    return """<div class="topbar"><div class="w1200"><span class="date">2026年11月27日 星期五</span>
<span class="right"><a href="javascript:void(0)" id="wza">无障碍</a> | <a href="javascript:void(0)" id="jlb">敬老版</a> | <span>网站支持IPv6</span></span></div></div>
<table class="header" width="1200" border="0" cellspacing="0" cellpadding="0" align="center"><tr>
<td class="logo"><a href="/"><img src="/images/logo.png" alt="秀水区人民政府" width="16" height="16">秀水区人民政府</a></td>
<td class="search"><form name="searchform" action="/search/index.html" method="get" target="_blank">
<input type="text" name="searchword" class="sinput" placeholder="请输入关键词"><input type="submit" value="搜索" class="sbtn"></form> <a href="/search/index.html" class="gjss">高级搜索</a></td></tr></table>
<div class="nav"><ul class="w1200">%s</ul></div>
""" % "\n".join(items)


def footer():
    return """<div class="footer"><div class="w1200">
<div class="flinks"><a href="/zjxs/">关于我们</a> | <a href="/zjxs/wzdt.html">网站地图</a> | <a href="%s/zfxxgk/">政府信息公开</a></div>
<table class="ft" cellspacing="0" cellpadding="0"><tr>
<td class="conac"><script type="text/javascript">document.write(unescape("%%3Cspan id='_ideConac' %%3E%%3C/span%%3E%%3Cscript src='https://dcs.conac.cn/js/33/000/0000/60999001/CA330000000609990010001.js' type='text/javascript'%%3E%%3C/script%%3E"));</script>
<span id="_ideConac"><a href="//bszs.conac.cn/sitename?method=show&amp;id=5A1B2C3D4E5F60718293A4B5C6D7E8F9" target="_blank"><img id="imgConac" src="//dcs.conac.cn/image/red.png" alt="党政机关"></a></span></td>
<td class="info"><p>主办单位：重庆市秀水区人民政府办公室　承办：秀水区大数据发展局　联系电话：023-68861234</p>
<p>地址：重庆市秀水区秀湖大道88号　邮编：409900</p>
<p>网站标识码：%s　<a href="https://beian.miit.gov.cn/" target="_blank">渝ICP备12003456号-1</a>　<a href="http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=50019902000123" target="_blank"><img src="/images/ga.png" alt="" width="16" height="16">渝公网安备 50019902000123号</a></p></td>
<td class="jiucuo"><script id="_jiucuo_" sitecode="%s" src="https://zfwzgl.www.gov.cn/exposure/jiucuo.js"></script></td>
</tr></table></div></div>""" % (ZW, SITE_ID, SITE_ID)


def page(title, body, column=None, article=None, pubdate=None, source=None, coltype=None,
         tags=True, extra_head=""):
    metas = ['<meta http-equiv="X-UA-Compatible" content="IE=edge">',
             '<meta name="viewport" content="width=device-width, initial-scale=1.0">']
    if tags:
        metas += ['<meta name="SiteName" content="%s">' % SITE_NAME,
                  '<meta name="SiteDomain" content="%s">' % HOST,
                  '<meta name="SiteIDCode" content="%s">' % SITE_ID]
        if column:
            metas += ['<meta name="ColumnName" content="%s">' % column,
                      '<meta name="ColumnType" content="%s">' % (coltype or column),
                      '<meta name="ColumnDescription" content="%s">' % column,
                      '<meta name="ColumnKeywords" content="%s">' % column]
        if article:
            metas += ['<meta name="ArticleTitle" content="%s">' % article,
                      '<meta name="PubDate" content="%s">' % pubdate,
                      '<meta name="ContentSource" content="%s">' % (source or SITE_NAME)]
    return """<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
%s
<title>%s</title>
<link href="/images/style.css" type="text/css" rel="stylesheet">
<script type="text/javascript" src="/images/common.js"></script>%s
</head>
<body>
%s
<div class="main w1200">
%s
</div>
%s
</body></html>
""" % ("\n".join(metas), esc(title), extra_head, header(), body, footer())


def side(title, links):
    li = "".join('<li><a href="%s">%s</a></li>' % (u, esc(t)) for t, u in links)
    return '<div class="left"><div class="ltit">%s</div><ul class="lmenu">%s</ul></div>' % (esc(title), li)


def list_page(path, title, trail, items, sidebar=None, pages=1, current=0, column=None, note=None):
    """items: list of (title, href, date). Writes path (index.html or index_N.html)."""
    if items:
        lis = "\n".join('<li><a href="%s" target="_blank" title="%s">%s</a><span>%s</span></li>'
                        % (h, esc(t), esc(t), d) for t, h, d in items)
        lst = '<ul class="list">\n%s\n</ul>' % lis
    else:
        lst = '<div class="nodata">%s</div>' % (note or "本栏目暂无信息")
    pager = ""
    if pages > 1:
        pager = ('<div class="page"><script type="text/javascript">createPageHTML(%d, %d, "index", "html");'
                 '</script></div>' % (pages, current))
    body = """%s
<table class="cont" width="100%%" cellspacing="0" cellpadding="0"><tr><td valign="top" width="240">%s</td>
<td valign="top" class="right"><div class="rtit"><span>%s</span></div>
%s
%s
</td></tr></table>""" % (crumbs(trail), sidebar or "", esc(title), lst, pager)
    write(path, page(title + " - " + SITE_NAME, body, column=column or title))


def gk_detail(path, title, date, trail, content, column, docno="", attach=(), source=None,
              index_no=None, tags=True, kind="财政预算、决算"):
    """TRS 公开 detail page with gkxl-top metadata table."""
    att = ""
    if attach:
        att = '<div class="fj"><p>附件：</p>%s</div>' % "".join(
            '<p><a href="%s">%s</a></p>' % (h, esc(t)) for t, h in attach)
    idx = index_no or "%s/%s-%05d" % (ORG_CODE, date[:4], zlib.crc32(path.encode()) % 100000)
    body = """%s
<table class="gkxl-top" width="100%%" cellspacing="0" cellpadding="0">
<tr><td class="tit">索引号：</td><td>%s</td><td class="tit">发布机构：</td><td>%s</td></tr>
<tr><td class="tit">生成日期：</td><td>%s</td><td class="tit">发布日期：</td><td>%s</td></tr>
<tr><td class="tit">文号：</td><td>%s</td><td class="tit">主题分类：</td><td>%s</td></tr>
<tr><td class="tit">名称：</td><td colspan="3">%s</td></tr></table>
<div class="gkxl-article"><h1 class="title">%s</h1>
<div class="view TRS_UEDITOR trs_paper_default trs_web"><style type="text/css">.TRS_Editor P{margin-top:0;margin-bottom:12px;line-height:1.8;}</style>
<div class="TRS_Editor">%s</div></div>%s</div>""" % (
        crumbs(trail), idx, source or SITE_NAME, date, date, docno, kind, esc(title), esc(title), content, att)
    write(path, page(title + " - " + SITE_NAME, body, column=column, article=title,
                     pubdate=date + " 09:30", source=source, tags=tags))


def news_detail(path, title, date, trail, content, column, source="秀水区融媒体中心"):
    body = """%s
<div class="article"><h1>%s</h1>
<div class="info">发布时间：%s　来源：%s　字号：<a href="javascript:doZoom(18)">大</a> <a href="javascript:doZoom(16)">中</a> <a href="javascript:doZoom(14)">小</a></div>
<div class="TRS_Editor" id="zoom">%s</div></div>""" % (crumbs(trail), esc(title), date, source, content)
    write(path, page(title + " - " + SITE_NAME, body, column=column, article=title,
                     pubdate=date + " 10:00", source=source))


def trs(date, docid):
    return "%s/t%s_%d.html" % (date[:7].replace("-", ""), date.replace("-", ""), docid)


def p(*paras):
    return "".join("<p>%s</p>" % x for x in paras)


# ---------------------------------------------------------------- sections

T_ZW = ("政务公开", ZW + "/")
T_FD = ("法定主动公开内容", FD + "/")

FD_COLS = [("机关简介", FD + "/jgjj/"), ("预算/决算", FD + "/czyjs/"), ("履职依据", FD + "/lzyj/"),
           ("政策解读", FD + "/zcjd/"), ("政府公报", FD + "/zfgb/"),
           ("公共企事业单位信息公开", FD + "/ggqsydwxxgk/"), ("法治政府建设年度报告", FD + "/fzzfjs/"),
           ("规划信息", FD + "/ghxx/"), ("统计信息", FD + "/tjxx/"), ("疫情防控", FD + "/yqfk/")]
FD_SIDE = side("法定主动公开内容", FD_COLS)

ZFXXGK_COLS = [("政府信息公开指南", ZW + "/zfxxgkzn/"), ("政府信息公开制度", ZW + "/zfxxgkzd/"),
               ("法定主动公开内容", FD + "/"), ("政府信息公开年报", ZW + "/zfxxgknb/")]
ZFXXGK_SIDE = side("政府信息公开", ZFXXGK_COLS)

GZDT = [
    ("2026-11-25", 15612345, "秀水区召开2026年第四季度政务公开工作推进会"),
    ("2026-11-24", 15611876, "区政府常务会议研究部署冬季安全生产工作"),
    ("2026-11-20", 15608321, "秀水区“渝快办”政务服务效能提升专项行动成效明显"),
    ("2026-11-18", 15605120, "秀湖湿地公园生态修复项目通过竣工验收"),
    ("2026-11-16", 15601987, "区领导调研乡村振兴重点项目建设"),
    ("2026-11-12", 15598765, "秀水区举办2026年秋季就业招聘会"),
    ("2026-11-06", 15590022, "秀水区开展消防安全宣传月活动"),
    ("2026-10-30", 15581234, "秀水区召开优化营商环境工作会议"),
    ("2026-10-22", 15572345, "秀水区第三届文化旅游节开幕"),
    ("2026-10-15", 15563456, "秀水区完成2026年度秋粮收购工作"),
    ("2026-09-28", 15543210, "秀水区召开国庆节前安全稳定工作会"),
    ("2026-09-18", 15532109, "秀水区开展全国科普日主题活动"),
]

TZGG = [
    ("2026-11-23", 15610001, "关于2026年秀水区公开招聘社区工作者的公告"),
    ("2026-11-10", 15596002, "关于开展2026年度政府网站和政务新媒体自查工作的通知"),
    ("2026-10-28", 15579003, "关于秀湖大道部分路段临时交通管制的通告"),
    ("2026-09-30", 15547004, "关于2026年国庆节期间政务服务安排的公告"),
]


def gen_news():
    trail = [("政务信息", "/zwxx_229/gzdt/"), ("工作动态", "/zwxx_229/gzdt/")]
    base = "/zwxx_229/gzdt/"
    sidebar = side("政务信息", [("工作动态", base), ("通知公告", "/zwxx_229/tzgg/")])
    for i, (d, docid, t) in enumerate(GZDT):
        extra = ""
        if docid == 15608321:
            # a JPEG that is actually an HTML error page
            extra = '<p style="text-align:center"><img src="./W020261120512000000001.jpg" alt="政务服务大厅"></p>'
        if docid == 15563456:
            # a dead internal link (404) and an old URL that 301-redirects
            extra = ('<p>相关链接：<a href="/zwxx_229/gzdt/202501/t20250110_15000001.html">2025年秋粮收购情况</a>'
                     '　<a href="/old/zwgk/">原政务公开栏目</a></p>')
        if docid == 15543210:
            extra = '<p>更多：<a href="/loop/a.html">节日安排（旧链接）</a></p>'
        content = p("　　%s日，%s。" % (d[5:].replace("-", "月") , t),
                    "　　会议强调，要坚持以人民为中心的发展思想，扎实推进各项工作落地见效，确保年度目标任务圆满完成。",
                    "　　区级有关部门、各镇街负责同志参加。") + extra
        news_detail(base + trs(d, docid), t, d, trail + [("正文", None)], content, "工作动态")
    write(base + "202611/W020261120512000000001.jpg",
          "<html><head><title>404 Not Found</title></head><body><h1>404 Not Found</h1><hr>nginx</body></html>\n")
    per = 4
    for n in range(3):
        items = [(t, "./" + trs(d, docid), d) for d, docid, t in GZDT[n * per:(n + 1) * per]]
        list_page(base + ("index.html" if n == 0 else "index_%d.html" % n), "工作动态", trail[:1] + [("工作动态", None)],
                  items, sidebar, pages=3, current=n, column="工作动态")
    tbase = "/zwxx_229/tzgg/"
    for d, docid, t in TZGG:
        news_detail(tbase + trs(d, docid), t, d, [("政务信息", "/zwxx_229/gzdt/"), ("通知公告", tbase), ("正文", None)],
                    p("　　" + t + "，现将有关事项公告如下。", "　　一、时间安排……", "　　二、有关要求……",
                      "　　联系电话：023-68861230。"), "通知公告", source="秀水区人民政府办公室")
    list_page(tbase + "index.html", "通知公告", [("政务信息", "/zwxx_229/gzdt/"), ("通知公告", None)],
              [(t, "./" + trs(d, docid), d) for d, docid, t in TZGG], sidebar, column="通知公告")


def gen_zwgk():
    # 政务公开 portal page
    body = crumbs([("政务公开", None)]) + """
<div class="zwgk-box"><div class="rtit"><span>政府信息公开</span></div>
<ul class="gklm">%s<li><a href="%s/zfxxgk/">政府信息公开平台</a></li></ul></div>
<div class="zwgk-box"><div class="rtit"><span>重点公开</span></div>
<ul class="gklm"><li><a href="%s/zcjd/">政策解读</a></li><li><a href="%s/czyjs/">预算/决算</a></li><li><a href="%s/zfgb/">政府公报</a></li>
<li><a href="/zwxx_229/tzgg/">通知公告</a></li><li><a href="/bm/qwhlyw_75263/">部门信息公开（区文化旅游委）</a></li></ul></div>""" % (
        "".join('<li><a href="%s">%s</a></li>' % (u, t) for t, u in ZFXXGK_COLS), ZW, FD, FD, FD)
    write(ZW + "/index.html", page("政务公开 - " + SITE_NAME, body, column="政务公开"))
    # 政府信息公开 platform page
    body = crumbs([T_ZW, ("政府信息公开", None)]) + """
<table class="cont" width="100%%"><tr><td width="240">%s</td><td class="right">
<div class="rtit"><span>政府信息公开</span></div>
<p>根据《中华人民共和国政府信息公开条例》，秀水区人民政府设立政府信息公开专栏，包括政府信息公开指南、政府信息公开制度、法定主动公开内容、政府信息公开年报。</p>
<ul class="gklm">%s</ul></td></tr></table>""" % (ZFXXGK_SIDE, "".join(
        '<li><a href="%s">%s</a></li>' % (u, t) for t, u in ZFXXGK_COLS))
    write(ZW + "/zfxxgk/index.html", page("政府信息公开 - " + SITE_NAME, body, column="政府信息公开"))

    # 指南
    zn = ZW + "/zfxxgkzn/"
    d = "2026-03-10"
    gk_detail(zn + trs(d, 15412301), "秀水区人民政府信息公开指南", d,
              [T_ZW, ("政府信息公开指南", zn), ("正文", None)],
              p("　　为了更好地提供政府信息公开服务，根据《中华人民共和国政府信息公开条例》，编制本指南。",
                "　　一、主动公开　（一）公开范围……（二）公开方式：秀水区人民政府门户网站（www.xsq.cq.gov.cn）……",
                "　　二、依申请公开　受理机构：秀水区人民政府办公室，办公地址：重庆市秀水区秀湖大道88号，"
                "办公时间：工作日上午9:00-12:00，下午14:00-17:30，联系电话：023-68861234。",
                "　　三、监督方式　投诉电话：023-68861299。"), "政府信息公开指南", kind="其他")
    list_page(zn + "index.html", "政府信息公开指南", [T_ZW, ("政府信息公开指南", None)],
              [("秀水区人民政府信息公开指南", "./" + trs(d, 15412301), d)], ZFXXGK_SIDE)
    # 制度
    zd = ZW + "/zfxxgkzd/"
    zds = [("2025-06-12", 15101202, "秀水区政府信息公开保密审查制度"),
           ("2024-08-20", 14712203, "秀水区政府信息公开申请办理工作规程")]
    for d, docid, t in zds:
        gk_detail(zd + trs(d, docid), t, d, [T_ZW, ("政府信息公开制度", zd), ("正文", None)],
                  p("　　第一条　为规范政府信息公开工作……", "　　第二条　本制度适用于……"), "政府信息公开制度", kind="其他")
    list_page(zd + "index.html", "政府信息公开制度", [T_ZW, ("政府信息公开制度", None)],
              [(t, "./" + trs(d, docid), d) for d, docid, t in zds], ZFXXGK_SIDE)
    # 年报
    nb = ZW + "/zfxxgknb/"
    nbs = [("2026-03-28", 15462201, "秀水区人民政府2025年政府信息公开工作年度报告", 2025),
           ("2025-03-26", 14401188, "秀水区人民政府2024年政府信息公开工作年度报告", 2024)]
    for d, docid, t, y in nbs:
        gk_detail(nb + trs(d, docid), t, d, [T_ZW, ("政府信息公开年报", nb), ("正文", None)],
                  annual_report(y), "政府信息公开年报", kind="其他")
    list_page(nb + "index.html", "政府信息公开年报", [T_ZW, ("政府信息公开年报", None)],
              [(t, "./" + trs(d, docid), d) for d, docid, t, _ in nbs]
              + [("区政府部门年报：区文化旅游委", "/bm/qwhlyw_75263/zfxxgknb/", "2026-01-20")], ZFXXGK_SIDE)


def annual_report(y):
    return """<p>　　根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）要求，编制本报告。本报告所列数据统计期限自%d年1月1日起至%d年12月31日止。</p>
<p><strong>一、总体情况</strong></p><p>　　%d年，秀水区坚持以公开为常态、不公开为例外……（一）主动公开……（二）依申请公开……（三）政府信息管理……（四）政府信息公开平台建设……（五）监督保障……</p>
<p><strong>二、主动公开政府信息情况</strong></p>
<table border="1" cellspacing="0"><tr><td colspan="4">第二十条第（一）项</td></tr>
<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
<tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr><tr><td>行政规范性文件</td><td>6</td><td>2</td><td>41</td></tr>
<tr><td colspan="4">第二十条第（五）项</td></tr><tr><td>行政许可</td><td colspan="3">本年处理决定数量：12567</td></tr>
<tr><td colspan="4">第二十条第（六）项</td></tr><tr><td>行政处罚</td><td colspan="3">1034</td></tr><tr><td>行政强制</td><td colspan="3">27</td></tr>
<tr><td colspan="4">第二十条第（八）项</td></tr><tr><td>行政事业性收费</td><td colspan="3">本年收费金额（单位：万元）：356.8</td></tr></table>
<p><strong>三、收到和处理政府信息公开申请情况</strong></p>
<table border="1" cellspacing="0"><tr><td colspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td>自然人</td><td>法人或其他组织</td><td>总计</td></tr>
<tr><td colspan="3">一、本年新收政府信息公开申请数量</td><td>45</td><td>8</td><td>53</td></tr>
<tr><td colspan="3">二、上年结转政府信息公开申请数量</td><td>2</td><td>0</td><td>2</td></tr>
<tr><td rowspan="3">三、本年度办理结果</td><td colspan="2">（一）予以公开</td><td>30</td><td>5</td><td>35</td></tr>
<tr><td colspan="2">（二）部分公开</td><td>6</td><td>1</td><td>7</td></tr>
<tr><td colspan="2">（七）总计</td><td>44</td><td>8</td><td>52</td></tr>
<tr><td colspan="3">四、结转下年度继续办理</td><td>3</td><td>0</td><td>3</td></tr></table>
<p><strong>四、政府信息公开行政复议、行政诉讼情况</strong></p>
<table border="1" cellspacing="0"><tr><td colspan="5">行政复议</td><td colspan="5">行政诉讼</td></tr>
<tr><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td></tr>
<tr><td>1</td><td>0</td><td>0</td><td>0</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr></table>
<p><strong>五、存在的主要问题及改进情况</strong></p><p>　　一是政策解读形式还不够丰富……二是……</p>
<p><strong>六、其他需要报告的事项</strong></p><p>　　本年度未收取信息处理费。</p>""" % (y, y, y)


def gen_fdzdgknr():
    body = crumbs([T_ZW, ("法定主动公开内容", None)]) + """
<table class="cont" width="100%%"><tr><td width="240">%s</td><td class="right">
<div class="rtit"><span>法定主动公开内容</span></div><ul class="gklm">%s</ul></td></tr></table>""" % (
        ZFXXGK_SIDE, "".join('<li><a href="%s">%s</a></li>' % (u, t) for t, u in FD_COLS))
    write(FD + "/index.html", page("法定主动公开内容 - " + SITE_NAME, body, column="法定主动公开内容"))

    # 机关简介
    jg = FD + "/jgjj/"
    jside = side("机关简介", [("机构职能", jg + "jgzn/"), ("联系我们", jg + "lxwm/")])
    list_page(jg + "index.html", "机关简介", [T_ZW, T_FD, ("机关简介", None)],
              [("机构职能", "./jgzn/", "2026-01-05"), ("联系我们", "./lxwm/", "2026-01-05")], jside)
    write(jg + "jgzn/index.html", page("机构职能 - " + SITE_NAME, crumbs(
        [T_ZW, T_FD, ("机关简介", jg), ("机构职能", None)]) + '<table class="cont"><tr><td>%s</td><td class="right">%s</td></tr></table>' % (
        jside, p("　　秀水区人民政府是区级国家行政机关，执行区人民代表大会及其常务委员会的决议……",
                 "　　主要职责：（一）执行本级人民代表大会的决议……")), column="机构职能"))
    write(jg + "lxwm/index.html", page("联系我们 - " + SITE_NAME, crumbs(
        [T_ZW, T_FD, ("机关简介", jg), ("联系我们", None)]) + '<table class="cont"><tr><td>%s</td><td class="right"><div class="rtit"><span>联系我们</span></div>%s</td></tr></table>' % (
        jside, p("单位名称：重庆市秀水区人民政府办公室", "办公地址：重庆市秀水区秀湖大道88号",
                 "办公时间：周一至周五 上午9:00—12:00，下午14:00—17:30（法定节假日除外）",
                 "办公电话：023-68861234", "传真：023-68861235", "邮政编码：409900")), column="联系我们"))

    # 预算/决算
    cz = FD + "/czyjs/"
    ctr = [T_ZW, T_FD, ("预算/决算", cz)]
    czs = [("2026-09-10", 15701234, "秀水区2025年区级决算公开", "P020260910000000000000.pdf", False),
           ("2026-03-05", 15498953, "秀水区2026年区级预算公开", "P020260305512345678901.pdf", True),
           ("2025-09-12", 14987654, "秀水区2024年区级决算公开", "P020250912398765432101.pdf", True),
           ("2025-02-28", 14356789, "秀水区2025年区级预算公开", "P020250228123456789012.pdf", True)]
    for d, docid, t, att, exists in czs:
        path = cz + trs(d, docid)
        gk_detail(path, t, d, ctr + [("正文", None)],
                  p("　　根据《中华人民共和国预算法》规定，现将%s有关情况公开如下：" % t.replace("公开", ""),
                    "　　一、收支总体情况……二、一般公共预算……三、政府性基金预算……四、“三公”经费……"),
                  "预算/决算", attach=[(t + ".pdf", "./" + att)])
        if exists:
            folder = path.rsplit("/", 1)[0]
            write(folder + "/" + att, pdf("Xiushui District %s" % t[3:11].encode("ascii", "ignore").decode()
                                          or "budget"))
    czside = side("预算/决算", [("区级预决算", cz), ("区政府工作机构预决算 > 区文化旅游委", "/bm/qwhlyw_75263/预算公开/index.html")])
    list_page(cz + "index.html", "预算/决算", [T_ZW, T_FD, ("预算/决算", None)],
              [(t, "./" + trs(d, docid), d) for d, docid, t, _, _ in czs], czside)

    gen_lzyj()
    gen_zcjd()

    # 政府公报
    gb = FD + "/zfgb/"
    gbs = [("2026-10-31", 15582001, "秀水区人民政府公报2026年第5期"),
           ("2026-08-31", 15521002, "秀水区人民政府公报2026年第4期"),
           ("2026-06-30", 15455003, "秀水区人民政府公报2026年第3期")]
    for d, docid, t in gbs:
        gk_detail(gb + trs(d, docid), t, d, [T_ZW, T_FD, ("政府公报", gb), ("正文", None)],
                  p("　　目录：区政府文件……区政府办公室文件……人事任免……"), "政府公报", kind="政府公报")
    list_page(gb + "index.html", "政府公报", [T_ZW, T_FD, ("政府公报", None)],
              [(t, "./" + trs(d, docid), d) for d, docid, t in gbs], FD_SIDE)

    # 公共企事业单位信息公开
    gq = FD + "/ggqsydwxxgk/"
    rows = [("秀水区自来水有限公司", "城市供水二级", "城区自来水供应、管网维护", "秀水区城区及秀湖镇", "秀水区滨江路12号", "工作日 8:30—17:30", "023-68862001"),
            ("秀水区公共交通有限公司", "道路旅客运输一级", "城市公交客运", "秀水区全域", "秀水区公交枢纽站", "工作日 8:30—17:30", "023-68862002"),
            ("国网重庆秀水供电公司", "承装（修、试）电力设施许可证一级", "电力供应", "秀水区全域", "秀水区电力路6号", "24小时", "95598"),
            ("秀水区第一中学校", "重庆市重点中学", "高中教育", "秀水区", "秀水区文星路1号", "工作日 8:00—17:30", "023-68862004")]
    table = ('<table class="mlb" border="1" cellspacing="0" width="100%%"><tr><th>名称</th><th>资质或者等级</th><th>业务范围</th>'
             '<th>服务区域</th><th>地址</th><th>办公时间</th><th>联系电话</th></tr>%s</table>') % "".join(
        "<tr>%s</tr>" % "".join("<td>%s</td>" % c for c in r) for r in rows)
    write(gq + "index.html", page("公共企事业单位信息公开 - " + SITE_NAME, crumbs(
        [T_ZW, T_FD, ("公共企事业单位信息公开", None)]) + '<table class="cont"><tr><td>%s</td><td class="right"><div class="rtit"><span>公共企事业单位名录</span></div>%s<p class="tsdh">投诉举报电话：023-68861345（区市场监管局）　12345政务服务便民热线</p></td></tr></table>' % (
        FD_SIDE, table), column="公共企事业单位信息公开"))

    # 法治政府建设年度报告
    fz = FD + "/fzzfjs/"
    fzs = [("2026-03-20", 15455301, "秀水区人民政府关于2025年度法治政府建设情况的报告"),
           ("2025-03-18", 14398302, "秀水区人民政府关于2024年度法治政府建设情况的报告")]
    for d, docid, t in fzs:
        gk_detail(fz + trs(d, docid), t, d, [T_ZW, T_FD, ("法治政府建设年度报告", fz), ("正文", None)],
                  p("　　一、主要举措和成效……", "　　二、存在的不足……", "　　三、下一步工作安排……"),
                  "法治政府建设年度报告", kind="法治政府")
    list_page(fz + "index.html", "法治政府建设年度报告", [T_ZW, T_FD, ("法治政府建设年度报告", None)],
              [(t, "./" + trs(d, docid), d) for d, docid, t in fzs], FD_SIDE)

    # 规划信息: empty column (defect)
    list_page(FD + "/ghxx/index.html", "规划信息", [T_ZW, T_FD, ("规划信息", None)], [], FD_SIDE)

    # 统计信息: stale column (defect, newest item 2024-05-20)
    tj = FD + "/tjxx/"
    tjs = [("2024-05-20", 13012401, "2023年秀水区国民经济和社会发展统计公报"),
           ("2023-05-18", 11987402, "2022年秀水区国民经济和社会发展统计公报")]
    for d, docid, t in tjs:
        gk_detail(tj + trs(d, docid), t, d, [T_ZW, T_FD, ("统计信息", tj), ("正文", None)],
                  p("　　初步核算，全年全区地区生产总值……"), "统计信息", kind="统计信息")
    list_page(tj + "index.html", "统计信息", [T_ZW, T_FD, ("统计信息", None)],
              [(t, "./" + trs(d, docid), d) for d, docid, t in tjs], FD_SIDE)

    # 疫情防控 > 重要政策 / 政策解读
    yq = FD + "/yqfk/"
    yside = side("疫情防控", [("重要政策", yq + "zyzc/"), ("政策解读", yq + "zcjd/")])
    list_page(yq + "index.html", "疫情防控", [T_ZW, T_FD, ("疫情防控", None)],
              [("重要政策", "./zyzc/", "2023-01-08"), ("政策解读", "./zcjd/", "2022-12-12")], yside)
    zy = [("2023-01-08", 11456701, "秀水区关于优化调整新冠肺炎疫情防控措施的通告"),
          ("2022-12-08", 11402702, "秀水区进一步优化疫情防控工作的实施方案")]
    for d, docid, t in zy:
        gk_detail(yq + "zyzc/" + trs(d, docid), t, d, [T_ZW, T_FD, ("疫情防控", yq), ("重要政策", yq + "zyzc/"), ("正文", None)],
                  p("　　为科学精准做好疫情防控工作……"), "重要政策", kind="卫生健康")
    list_page(yq + "zyzc/index.html", "重要政策", [T_ZW, T_FD, ("疫情防控", yq), ("重要政策", None)],
              [(t, "./" + trs(d, docid), d) for d, docid, t in zy], yside)
    d = "2022-12-12"
    gk_detail(yq + "zcjd/" + trs(d, 11409703), "图解：秀水区进一步优化疫情防控工作的实施方案", d,
              [T_ZW, T_FD, ("疫情防控", yq), ("政策解读", yq + "zcjd/"), ("正文", None)],
              p("　　一图读懂秀水区优化疫情防控措施。"), "政策解读", kind="卫生健康")
    list_page(yq + "zcjd/index.html", "政策解读", [T_ZW, T_FD, ("疫情防控", yq), ("政策解读", None)],
              [("图解：秀水区进一步优化疫情防控工作的实施方案", "./" + trs(d, 11409703), d)], yside)


POLICY = ("2026-09-15", 15712001, "秀水区人民政府关于印发秀水区促进文化旅游产业高质量发展若干措施的通知", "秀水府发〔2026〕12号")
INTERP = ("2026-09-17", 15714002, "《秀水区促进文化旅游产业高质量发展若干措施》政策解读")


def gen_lzyj():
    lz = FD + "/lzyj/"
    gf = lz + "gfxwj/"
    cols = [("行政法规", lz + "xzfg/"), ("国务院部门规章", lz + "bmgz/"), ("市政府规章", lz + "szfgz/"),
            ("本部门规范性文件", gf)]
    lside = side("履职依据", cols + [("现行有效", gf + "xxyx/"), ("失效废止", gf + "sxfz/")])
    list_page(lz + "index.html", "履职依据", [T_ZW, T_FD, ("履职依据", None)],
              [(t, u.replace(lz, "./"), "2026-09-15") for t, u in cols], lside)
    groups = {
        "xzfg": ("行政法规", [("2024-12-30", 14231001, "政府信息公开条例（国务院令第711号）", "国务院令第711号"),
                              ("2024-03-12", 13801002, "优化营商环境条例", "国务院令第722号")]),
        "bmgz": ("国务院部门规章", [("2025-04-01", 14501003, "旅行社条例实施细则", "文化和旅游部令")]),
        "szfgz": ("市政府规章", [("2025-11-20", 15201004, "重庆市政府信息公开办法", "渝府令第350号"),
                                ("2024-07-01", 13956005, "重庆市行政规范性文件管理办法", "渝府令第338号")]),
    }
    for slug, (name, docs) in groups.items():
        for d, docid, t, no in docs:
            gk_detail(lz + slug + "/" + trs(d, docid), t, d,
                      [T_ZW, T_FD, ("履职依据", lz), (name, lz + slug + "/"), ("正文", None)],
                      p("　　第一章　总则……", "　　第一条……"), name, docno=no, kind="法规文件")
        list_page(lz + slug + "/index.html", name, [T_ZW, T_FD, ("履职依据", lz), (name, None)],
                  [(t, "./" + trs(d, docid), d) for d, docid, t, _ in docs], lside)
    # 本部门规范性文件 with 现行有效 / 失效废止
    list_page(gf + "index.html", "本部门规范性文件", [T_ZW, T_FD, ("履职依据", lz), ("本部门规范性文件", None)],
              [("现行有效", "./xxyx/", "2026-09-15"), ("失效废止", "./sxfz/", "2026-01-10")], lside)
    xx = [POLICY[:3] + (POLICY[3],),
          ("2026-04-20", 15512002, "秀水区行政规范性文件合法性审核办法", "秀水府发〔2026〕5号"),
          ("2025-08-08", 15001003, "秀水区城市管理相对集中行政处罚权实施办法", "秀水府发〔2025〕18号")]
    for d, docid, t, no in xx:
        content = p("　　各镇人民政府、街道办事处，区政府各部门：", "　　现将《%s》印发给你们，请认真贯彻执行。" % t, "　　秀水区人民政府")
        if docid == POLICY[1]:
            content += '<div class="xgjd">相关解读：<a href="%s">%s</a></div>' % (
                "../../../../zcjd/wzjd/" + trs(INTERP[0], INTERP[1]), INTERP[2])
        gk_detail(gf + "xxyx/" + trs(d, docid), t, d,
                  [T_ZW, T_FD, ("履职依据", lz), ("本部门规范性文件", gf), ("现行有效", gf + "xxyx/"), ("正文", None)],
                  content + '<p class="yxx">有效性：现行有效</p>', "现行有效", docno=no, kind="规范性文件")
    list_page(gf + "xxyx/index.html", "现行有效", [T_ZW, T_FD, ("履职依据", lz), ("本部门规范性文件", gf), ("现行有效", None)],
              [(t, "./" + trs(d, docid), d) for d, docid, t, _ in xx], lside)
    d, docid, t = "2021-03-15", 9012004, "秀水区政府信息公开工作考核办法（试行）"
    gk_detail(gf + "sxfz/" + trs(d, docid), t, d,
              [T_ZW, T_FD, ("履职依据", lz), ("本部门规范性文件", gf), ("失效废止", gf + "sxfz/"), ("正文", None)],
              p("　　本文件已于2026年1月10日废止。") + '<p class="yxx">有效性：已废止</p>', "失效废止",
              docno="秀水府发〔2021〕3号", kind="规范性文件")
    list_page(gf + "sxfz/index.html", "失效废止", [T_ZW, T_FD, ("履职依据", lz), ("本部门规范性文件", gf), ("失效废止", None)],
              [(t, "./" + trs(d, docid), d)], lside)


def gen_zcjd():
    zc = FD + "/zcjd/"
    cols = [("文字解读", zc + "wzjd/"), ("图片解读", zc + "tpjd/"), ("视频解读", zc + "spjd/")]
    zside = side("政策解读", cols)
    list_page(zc + "index.html", "政策解读", [T_ZW, T_FD, ("政策解读", None)],
              [(t, u.replace(zc, "./"), "2026-10-20") for t, u in cols], zside)
    tr = [T_ZW, T_FD, ("政策解读", zc)]
    # 文字解读
    w = zc + "wzjd/"
    policy_url = "../../../lzyj/gfxwj/xxyx/" + trs(POLICY[0], POLICY[1])
    full = "".join("<p><strong>%s</strong></p><p>　　%s</p>" % (h, b) for h, b in [
        ("一、出台背景", "为深入贯彻落实市委、市政府关于文化旅游产业发展的决策部署……"),
        ("二、出台目的", "进一步激发文化旅游市场活力，推动产业高质量发展。"),
        ("三、核心举措", "共提出4个方面18条措施：支持项目建设、培育市场主体、促进文旅消费、强化要素保障。"),
        ("四、适用对象", "在秀水区依法登记注册、具有独立法人资格的文化旅游企业。"),
        ("五、执行标准", "符合条件的A级旅游景区创建成功后给予一次性奖励……"),
        ("六、关键词及专业名词解释", "A级旅游景区：指依据国家标准《旅游景区质量等级的划分与评定》评定的景区。"),
        ("七、新旧文件差异对比", "与原《秀水区扶持旅游业发展暂行办法》相比，新增了夜间经济、研学旅游等支持内容。")])
    full += '<p>原文链接：<a href="%s">%s</a></p>' % (policy_url, POLICY[2])
    gk_detail(w + trs(INTERP[0], INTERP[1]), INTERP[2], INTERP[0], tr + [("文字解读", w), ("正文", None)],
              full, "文字解读", source="秀水区文化和旅游发展委员会", kind="政策解读")
    d2 = ("2026-05-12", 15531003, "一文读懂《秀水区行政规范性文件合法性审核办法》")
    gk_detail(w + trs(d2[0], d2[1]), d2[2], d2[0], tr + [("文字解读", w), ("正文", None)],
              "<p><strong>一、出台背景</strong></p><p>　　……</p><p><strong>二、主要内容</strong></p><p>　　……</p>",
              "文字解读", source="秀水区司法局", kind="政策解读")
    list_page(w + "index.html", "文字解读", tr + [("文字解读", None)],
              [(INTERP[2], "./" + trs(INTERP[0], INTERP[1]), INTERP[0]), (d2[2], "./" + trs(d2[0], d2[1]), d2[0])], zside)
    # 图片解读
    t = zc + "tpjd/"
    tp = [("2026-10-20", 15571004, "一图读懂：秀水区促进文化旅游产业高质量发展若干措施", "W020261020391234567890.png", png(48, 32)),
          ("2026-07-15", 15488005, "图解：秀水区2026年民生实事", "W020260715123456789012.png", png(400, 300, (20, 90, 200))[:60])]
    for d, docid, title, img, data in tp:
        path = t + trs(d, docid)
        gk_detail(path, title, d, tr + [("图片解读", t), ("正文", None)],
                  '<p style="text-align:center"><img src="./%s" title="%s" alt="%s" oldsrc="%s"></p>' % (img, title, title, img),
                  "图片解读", kind="政策解读")
        write(path.rsplit("/", 1)[0] + "/" + img, data)
    list_page(t + "index.html", "图片解读", tr + [("图片解读", None)],
              [(title, "./" + trs(d, docid), d) for d, docid, title, _, _ in tp], zside)
    # 视频解读
    s = zc + "spjd/"
    sp = [("2026-10-10", 15560006, "视频解读：秀水区2026年稳就业政策", "W020261010765432109876.mp4", mp4_min(), "video"),
          ("2026-06-18", 15466007, "视频解读：秀水区城乡居民医保政策", "W020260618000000000001.mp4", b"", "video"),
          ("2019-05-06", 6512008, "视频解读：秀水区旅游发展规划（2019—2025年）", "W020190506100000000002.swf", swf(), "swf")]
    for d, docid, title, f, data, kind in sp:
        path = s + trs(d, docid)
        if kind == "video":
            m = ('<p style="text-align:center"><video class="edui-upload-video vjs-default-skin video-js" controls="" '
                 'preload="none" width="640" height="360" src="./%s" data-setup="{}"><source src="./%s" type="video/mp4"/></video></p>' % (f, f))
        else:
            m = ('<p style="text-align:center"><embed type="application/x-shockwave-flash" class="edui-faked-video" '
                 'pluginspage="http://www.macromedia.com/go/getflashplayer" src="./%s" width="640" height="360" wmode="transparent" play="true" loop="false" menu="false" allowscriptaccess="never" allowfullscreen="true"/></p>' % f)
        gk_detail(path, title, d, tr + [("视频解读", s), ("正文", None)], m, "视频解读", kind="政策解读")
        write(path.rsplit("/", 1)[0] + "/" + f, data)
    list_page(s + "index.html", "视频解读", tr + [("视频解读", None)],
              [(title, "./" + trs(d, docid), d) for d, docid, title, _, _, _ in sp], zside)


LYXD = [  # 留言摘要, 受理日期, 答复日期, 答复部门, 答复内容
    ("秀湖大道路灯夜间不亮", "2026-11-19", "2026-11-23", "区城市管理局", "经核查，系线路老化所致，已于11月22日修复。"),
    ("咨询2026年城乡居民医保缴费时间", "2026-11-10", "2026-11-11", "区医保局", "2027年度城乡居民医保集中缴费期为2026年9月1日至12月31日。"),
    ("建议增设秀水一中附近公交站点", "2026-11-03", "2026-11-16", "区交通运输委", "已纳入公交线网优化方案，将于明年一季度实施。"),
    ("小区周边夜间施工噪音扰民", "2026-10-26", "2026-10-28", "区生态环境局", "已责令施工单位调整作业时间。"),
    ("咨询新生儿落户办理流程", "2026-10-12", "2026-10-13", "区公安分局", "可通过“渝快办”在线办理，或到户籍窗口办理。"),
    ("反映农村公路破损", "2026-09-21", "2026-09-24", "区交通运输委", "已安排养护单位修补。"),
]


def gen_hdjl():
    body = crumbs([("互动交流", None)]) + """
<div class="hdjl"><ul class="gklm">
<li><a href="/hdjl/qzxx/">区长信箱</a></li>
<li><a href="/hdjl/lyxd/">公开信箱（留言选登）</a></li>
<li><a href="/hdjl/zxft/">在线访谈</a></li>
<li><a href="/hdjl/rl/?d=2026-11-01">活动日历</a></li>
<li><a href="/loop/a.html">征集调查（旧版）</a></li>
</ul></div>"""
    write("/hdjl/index.html", page("互动交流 - " + SITE_NAME, body, column="互动交流"))
    write("/hdjl/qzxx/index.html", page("区长信箱 - " + SITE_NAME, crumbs([("互动交流", "/hdjl/"), ("区长信箱", None)]) + """
<div class="xx"><p>欢迎您通过区长信箱反映问题、提出意见建议。我们将在5个工作日内答复。</p>
<form action="/hdjl/qzxx/submit" method="post"><p>姓名：<input name="name"></p><p>电话：<input name="tel"></p>
<p>内容：<textarea name="content"></textarea></p><p><input type="submit" value="提交"></p></form>
<p><a href="/hdjl/lyxd/">查看留言选登</a></p></div>""", column="区长信箱"))
    rows = "".join("<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>" % r for r in LYXD)
    write("/hdjl/lyxd/index.html", page("留言选登 - " + SITE_NAME, crumbs([("互动交流", "/hdjl/"), ("公开信箱", "/hdjl/lyxd/"), ("留言选登", None)]) + """
<div class="rtit"><span>留言选登</span></div>
<table class="lyxd" border="1" cellspacing="0" width="100%%"><tr><th>留言摘要</th><th>受理日期</th><th>答复日期</th><th>答复部门</th><th>答复内容</th></tr>%s</table>""" % rows,
        column="公开信箱"))


def gen_misc():
    # 走进秀水 + site map
    write("/zjxs/index.html", page("走进秀水 - " + SITE_NAME, crumbs([("走进秀水", None)]) + p(
        "　　秀水区位于重庆市东南部，辖区面积1234平方公里，户籍人口56万人。",
        '<a href="/zjxs/wzdt.html">网站地图</a>'), column="走进秀水"))
    links = [("首页", "/"), ("政务公开", ZW + "/"), ("政府信息公开", ZW + "/zfxxgk/")] + ZFXXGK_COLS + FD_COLS + [
        ("工作动态", "/zwxx_229/gzdt/"), ("通知公告", "/zwxx_229/tzgg/"), ("互动交流", "/hdjl/"), ("政务服务", "/zwfw/")]
    write("/zjxs/wzdt.html", page("网站地图 - " + SITE_NAME, crumbs([("网站地图", None)]) + '<ul class="wzdt">%s</ul>' % "".join(
        '<li><a href="%s">%s</a></li>' % (u, t) for t, u in links), column="网站地图"))
    # 政务服务 with WAF-protected links and the deep trap
    write("/zwfw/index.html", page("政务服务 - " + SITE_NAME, crumbs([("政务服务", None)]) + """
<ul class="gklm"><li><a href="/zwfw/bsdt/">网上办事大厅</a></li><li><a href="/zwfw/wsbs/">在线预约</a></li>
<li><a href="/zlxz/">资料下载</a></li><li><a href="/zwfw/bszn/">办事指南</a></li></ul>""", column="政务服务"))
    write("/zwfw/bszn/index.html", page("办事指南 - " + SITE_NAME, crumbs([("政务服务", "/zwfw/"), ("办事指南", None)]) + p(
        "　　请登录“渝快办”平台查询办事指南。"), column="办事指南"))
    # search (disallowed by robots.txt)
    write("/search/index.html", page("站内搜索 - " + SITE_NAME, crumbs([("站内搜索", None)]) + p(
        "请输入关键词进行搜索。", '<a href="/search/result.html">高级搜索</a>'), column="站内搜索"))
    write("/search/result.html", page("搜索结果 - " + SITE_NAME, crumbs([("站内搜索", "/search/"), ("搜索结果", None)]) + p("共找到0条结果。"), column="站内搜索"))
    write("/robots.txt", "User-agent: *\nDisallow: /search/\n")
    # iframe-only pages
    write("/include/zwgk_nav.html", """<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>政务公开导航</title>
<base target="_blank"></head><body class="ifr">
<ul class="kslj">
<li><a href="%s/zfxxgk/ysqgk/">依申请公开</a></li>
<li><a href="%s/zfxxgk/zfwzndbb/">政府网站工作年度报表</a></li>
<li><a href="%s/zfxxgknb/">政府信息公开年报</a></li>
</ul></body></html>
""" % (ZW, ZW, ZW))
    write(ZW + "/zfxxgk/ysqgk/index.html", page("依申请公开 - " + SITE_NAME, crumbs([T_ZW, ("政府信息公开", ZW + "/zfxxgk/"), ("依申请公开", None)]) + p(
        "　　公民、法人或者其他组织可以向秀水区人民政府申请获取相关政府信息。",
        "　　受理机构：秀水区人民政府办公室　电话：023-68861234"), column="依申请公开"))
    d = "2026-01-20"
    write(ZW + "/zfxxgk/zfwzndbb/index.html", page("政府网站工作年度报表 - " + SITE_NAME, crumbs(
        [T_ZW, ("政府信息公开", ZW + "/zfxxgk/"), ("政府网站工作年度报表", None)]) + '<ul class="list"><li><a href="./%s">秀水区人民政府门户网站2025年度工作报表</a><span>%s</span></li></ul>' % (
        trs(d, 15320001), d), column="政府网站工作年度报表"))
    gk_detail(ZW + "/zfxxgk/zfwzndbb/" + trs(d, 15320001), "秀水区人民政府门户网站2025年度工作报表", d,
              [T_ZW, ("政府信息公开", ZW + "/zfxxgk/"), ("政府网站工作年度报表", ZW + "/zfxxgk/zfwzndbb/"), ("正文", None)],
              '<table border="1"><tr><td>网站名称</td><td>秀水区人民政府</td></tr><tr><td>网站标识码</td><td>%s</td></tr></table>' % SITE_ID,
              "政府网站工作年度报表", kind="其他")
    # static assets
    write("/images/logo.png", png(16, 16, (180, 20, 20)))
    write("/images/ga.png", png(16, 16, (40, 80, 160)))
    write("/images/style.css", "body{margin:0;font:14px/1.6 \"Microsoft YaHei\",sans-serif}.w1200{width:1200px;margin:0 auto}"
          ".list li{overflow:hidden}.list li span{float:right;color:#999}.nodata{padding:40px;text-align:center}\n")
    write("/images/common.js", """/* TRS WCM 分页 */
function createPageHTML(_nPageCount, _nCurrIndex, _sPageName, _sPageExt){
  if(_nPageCount == null || _nPageCount<=1){ return; }
  var nCurrIndex = _nCurrIndex || 0;
  if(nCurrIndex == 0) document.write("首页 上一页 ");
  else {
    document.write("<a href=\\""+_sPageName+"."+_sPageExt+"\\">首页</a> ");
    if(nCurrIndex == 1) document.write("<a href=\\""+_sPageName+"."+_sPageExt+"\\">上一页</a> ");
    else document.write("<a href=\\""+_sPageName+"_" + (nCurrIndex-1) + "."+_sPageExt+"\\">上一页</a> ");
  }
  if(nCurrIndex == (_nPageCount-1)) document.write("下一页 尾页");
  else {
    document.write("<a href=\\""+_sPageName+"_" + (nCurrIndex+1) + "."+_sPageExt+"\\">下一页</a> ");
    document.write("<a href=\\""+_sPageName+"_" + (_nPageCount-1) + "."+_sPageExt+"\\">尾页</a>");
  }
}
function doZoom(size){ var z=document.getElementById('zoom'); if(z){ z.style.fontSize=size+'px'; } }
""")
    # routes bodies
    write("/_bodies/waf412.html", """<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><meta http-equiv="Expires" content="0"><meta http-equiv="Cache-Control" content="no-cache"><meta http-equiv="Pragma" content="no-cache">
<script type="text/javascript" r='m'>$_ts=window['$_ts'];if(!$_ts)$_ts={};$_ts.nsd=48291;$_ts.cd="qEqrrpAlqGVxEaEcqGLcrqAlxqW7qqqqqqqqqqq3qGAlxaqqqqqcqGVxEaEcrr0rEcaKqGq7xGAqrGLcqqAPqGqqqGEKqGEcqAlKr";$_ts.cp=["qEqrrpAlqGVx"];</script>
<script type="text/javascript" r='m'>(function(){var _$Kq=0,_$oG=[[4,0,6,7,2,5,1,3],[27,43,2,8]];})();</script>
</head><body></body></html>
""")
    write("/_bodies/jsl521.html", """<html><body><script>document.cookie=('_')+('_')+('j')+('s')+('l')+('_')+('c')+('l')+('e')+('a')+('r')+('a')+('n')+('c')+('e')+('_')+('s')+('=')+(-~[]+'')+((1+[0])/[2]+'')+('78')+('.')+('4')+('|')+('0')+('|')+('Xz%2Bk3vM')+(';')+('m')+('a')+('x')+('-')+('a')+('g')+('e')+('=')+('3')+('6')+('0')+('0')+(';')+('p')+('a')+('t')+('h')+('=')+('/');location.href=location.pathname+location.search</script></body></html>
""")
    write("/_bodies/busy503.html", "<html><head><title>503 Service Temporarily Unavailable</title></head><body><center><h1>503 Service Temporarily Unavailable</h1></center><hr><center>nginx</center></body></html>\n")
    write("/_routes.toml", """# Special behaviours of the demo site (see src/testsite/routes.rs).

# Old URL of the 政务公开 column, moved permanently.
[[route]]
path = "/old/zwgk/"
prefix = true
status = 301
location = "/zwgk_229/"

# Redirect loop.
[[route]]
path = "/loop/a.html"
status = 302
location = "/loop/b.html"

[[route]]
path = "/loop/b.html"
status = 302
location = "/loop/a.html"

# Infinite activity calendar (crawler trap).
[[route]]
path = "/hdjl/rl/"
prefix = true
trap = "calendar"

# Endless relative-link directory tree (crawler trap).
[[route]]
path = "/zlxz/"
prefix = true
trap = "deep"

# 瑞数 WAF challenge.
[[route]]
path = "/zwfw/bsdt/index.html"
status = 412
body_file = "_bodies/waf412.html"

# 加速乐 / 创宇盾 cookie challenge.
[[route]]
path = "/zwfw/wsbs/index.html"
status = 521
body_file = "_bodies/jsl521.html"

# Overloaded interview page.
[[route]]
path = "/hdjl/zxft/index.html"
status = 503
headers = { "Retry-After" = "120" }
body_file = "_bodies/busy503.html"
""")


def gen_hanweb():
    arts = [("2026/11/20", 5678, "秀水区出台优化营商环境十条措施"),
            ("2026/11/5", 5661, "秀水区企业开办实现“一日办结”"),
            ("2026/10/18", 5640, "秀水区召开政企恳谈会")]
    recs = ""
    for dt, aid, t in arts:
        y, m, d = dt.split("/")
        iso = "%s-%02d-%02d" % (y, int(m), int(d))
        url = "/art/%s/art_1234_%d.html" % (dt, aid)
        recs += ('<record><![CDATA[\n<li><a href="%s" target="_blank" title="%s">%s</a><span>%s</span></li>]]></record>\n'
                 % (url, t, t, iso))
        body = """<div class="bt-position">当前位置：<a href="/">首页</a> &gt; <a href="/col/col1234/index.html">优化营商环境</a> &gt; 正文</div>
<div class="article"><h1>%s</h1><div class="info">发布日期：%s　信息来源：区发展改革委</div>
<div class="main-txt" id="zoom">%s</div></div>""" % (t, iso, p("　　" + t + "。", "　　（区发展改革委供稿）"))
        write(url, page(t + " - " + SITE_NAME, body, column="优化营商环境", article=t, pubdate=iso + " 10:00",
                        source="区发展改革委"))
    body = """<div class="bt-position">当前位置：<a href="/">首页</a> &gt; 专题专栏 &gt; 优化营商环境</div>
<div class="bt-list"><div id="4567891"><script type="text/xml"><datastore>
<nextgroup><![CDATA[<a href="/module/web/jpage/dataproxy.jsp?page=1&webid=12&path=/&columnid=1234&unitid=4567891&webname=%%E7%%A7%%80%%E6%%B0%%B4&permissiontype=0"></a>]]></nextgroup>
<recordset>
%s</recordset></datastore></script></div></div>
<script language="javascript" src="/module/jslib/jquery/jpage/dataproxy.js" charset="utf-8"></script>""" % recs
    write("/col/col1234/index.html", page("优化营商环境 - " + SITE_NAME, body, column="优化营商环境"))


def gbk_page(title, trail, content):
    crumb = " &gt; ".join(['<a href="/">秀水区人民政府</a>', '<a href="/bm/qwhlyw_75263/">区文化旅游委</a>'] + [
        ('<a href="%s">%s</a>' % (u, t) if u else t) for t, u in trail])
    return """<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>%s_秀水区文化和旅游发展委员会</title>
<meta name="SiteName" content="秀水区人民政府">
<meta name="ColumnName" content="区文化旅游委">
</head>
<body>
<table width="1000" align="center" cellpadding="0" cellspacing="0"><tr><td class="top">秀水区文化和旅游发展委员会</td></tr>
<tr><td class="menu"><a href="/bm/qwhlyw_75263/">首页</a> | <a href="/bm/qwhlyw_75263/预算公开/index.html">预算公开</a> | <a href="/bm/qwhlyw_75263/zfxxgknb/">政府信息公开年报</a> | <a href="/bm/qwhlyw_75263/lxwm.html">联系我们</a></td></tr>
<tr><td class="dqwz">当前位置：%s</td></tr>
<tr><td class="content">%s</td></tr>
<tr><td class="foot">主办单位：重庆市秀水区文化和旅游发展委员会　联系电话：023-68863456　网站标识码：%s　渝ICP备12003456号-1</td></tr>
</table>
</body>
</html>
""" % (title, crumb, content, SITE_ID)


def gen_gbk():
    b = "/bm/qwhlyw_75263/"
    ys = b + "预算公开/"
    docs = [("2026-02-15", 15400001, "秀水区文化和旅游发展委员会2026年部门预算公开"),
            ("2026-09-20", 15720002, "秀水区文化和旅游发展委员会2025年部门决算公开")]
    write(b + "index.html", gbk_page("首页", [], """<p>区文化旅游委负责全区文化、旅游、广播电视、文物工作。</p>
<ul><li><a href="/bm/qwhlyw_75263/预算公开/index.html">部门预决算</a></li>
<li><a href="zfxxgknb/">政府信息公开年报</a></li><li><a href="lxwm.html">联系我们</a></li></ul>"""), "gbk")
    write(ys + "index.html", gbk_page("预算公开", [("预算公开", None)], "<ul>%s</ul>" % "".join(
        '<li><a href="./%s">%s</a> <span>%s</span></li>' % (trs(d, i), t, d) for d, i, t in docs)), "gbk")
    for d, i, t in docs:
        write(ys + trs(d, i), gbk_page(t, [("预算公开", ys), ("正文", None)],
                                       "<h1>%s</h1><p>发布日期：%s</p><p>　　一、部门职责及机构设置情况……二、收支预算总体情况……三、“三公”经费预算情况……</p>" % (t, d)), "gbk")
    nb = b + "zfxxgknb/"
    d, i, t = "2026-01-20", 15330003, "秀水区文化和旅游发展委员会2025年政府信息公开工作年度报告"
    write(nb + "index.html", gbk_page("政府信息公开年报", [("政府信息公开年报", None)],
                                      '<ul><li><a href="./%s">%s</a> <span>%s</span></li></ul>' % (trs(d, i), t, d)), "gbk")
    write(nb + trs(d, i), gbk_page(t, [("政府信息公开年报", nb), ("正文", None)], "<h1>%s</h1>%s" % (t, annual_report(2025))), "gbk")
    write(b + "lxwm.html", gbk_page("联系我们", [("联系我们", None)],
                                    "<p>办公地址：重庆市秀水区文星路18号</p><p>办公电话：023-68863456</p><p>办公时间：工作日9:00-17:30</p>"), "gbk")


def gen_home():
    news = "".join('<li><a href="/zwxx_229/gzdt/%s" target="_blank">%s</a><span class="date">%s</span></li>' % (
        trs(d, i), t, d[5:]) for d, i, t in GZDT[:6])
    notices = "".join('<li><a href="/zwxx_229/tzgg/%s">%s</a><span class="date">[%s]</span></li>' % (
        trs(d, i), t, d) for d, i, t in TZGG[:3])
    body = """<table width="100%%" cellspacing="0" cellpadding="0"><tr>
<td class="focus" width="560"><div class="slide"><a href="/zwxx_229/gzdt/%s"><img src="/images/focus1.png" alt="秀水区召开政务公开工作推进会" width="48" height="32"></a>
<a href="/zwxx_229/gzdt/%s"><img src="/images/focus_missing.jpg" alt="焦点图"></a></div></td>
<td valign="top"><div class="tab"><div class="tit"><span>工作动态</span><a href="/zwxx_229/gzdt/" class="more">更多&gt;&gt;</a></div>
<ul class="news">%s</ul></div>
<div class="tab"><div class="tit"><span>通知公告</span><a href="/zwxx_229/tzgg/" class="more">更多&gt;&gt;</a></div><ul class="news">%s</ul></div></td></tr></table>
<div class="zwgk-home"><div class="tit"><span>政务公开</span><a href="%s/" class="more">更多&gt;&gt;</a></div>
<ul class="gklm"><li><a href="%s/zfxxgk/">政府信息公开</a></li><li><a href="%s/zcjd/">政策解读</a></li><li><a href="%s/czyjs/">财政预决算</a></li>
<li><a href="%s/zdxm/">重大项目</a></li></ul>
<iframe src="/include/zwgk_nav.html" width="1200" height="60" frameborder="0" scrolling="no" title="政务公开导航"></iframe></div>
<div class="hdjl-home"><div class="tit"><span>互动交流</span></div><ul><li><a href="/hdjl/qzxx/">区长信箱</a></li><li><a href="/hdjl/lyxd/">留言选登</a></li><li><a href="/hdjl/">更多互动</a></li></ul></div>
<div class="ztzl"><div class="tit"><span>专题专栏</span></div><a href="/col/col1234/index.html"><img src="/images/zt_yshj.png" alt="优化营商环境" width="48" height="16"></a>
<a href="%s/yqfk/">疫情防控</a></div>
<div class="bmjz"><div class="tit"><span>部门街镇</span></div><select onchange="window.open(this.value)"><option value="">--区政府部门--</option>
<option value="/bm/qwhlyw_75263/">区文化旅游委</option></select> <a href="/bm/qwhlyw_75263/">区文化旅游委</a></div>""" % (
        trs(GZDT[0][0], GZDT[0][1]), trs(GZDT[1][0], GZDT[1][1]), news, notices, ZW, ZW, FD, FD, ZW, FD)
    write("/index.html", page(SITE_NAME, body, column="首页", coltype="首页"))
    write("/images/focus1.png", png(48, 32, (30, 120, 60)))
    write("/images/zt_yshj.png", png(48, 16, (200, 120, 0)))


# ---------------------------------------------------------------- crawl fixture sites


def crawl_sites():
    if os.path.isdir(CRAWL):
        shutil.rmtree(CRAWL)

    def w(host, path, text):
        fs = os.path.join(CRAWL, host, path.lstrip("/"))
        os.makedirs(os.path.dirname(fs), exist_ok=True)
        with open(fs, "w", encoding="utf-8") as f:
            f.write(text)

    def html(title, body):
        return ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>%s</title></head><body>%s</body></html>\n'
                % (title, body))

    w("www.slow.test", "/index.html", html("慢速站点", '<a href="/slow.html">慢页面</a> <a href="/trickle.html">缓慢传输</a> <a href="/fast.html">快页面</a>'))
    for n in ("slow", "trickle", "fast"):
        w("www.slow.test", "/%s.html" % n, html(n, "<p>%s page 内容</p>" % n + "<p>填充</p>" * 200))
    w("www.slow.test", "/_routes.toml", """[[route]]
path = "/slow.html"
delay_ms = 4000

[[route]]
path = "/trickle.html"
slow_body_ms = 200
""")
    w("www.busy.test", "/index.html", html("繁忙站点", '<a href="/later.html">稍后再试</a>'))
    w("www.busy.test", "/later.html", html("later", "<p>OK</p>"))
    w("www.busy.test", "/_routes.toml", """# First request of each page is refused, then served normally.
[[route]]
path = "/index.html"
status = 429
headers = { "Retry-After" = "1" }
times = 1

[[route]]
path = "/later.html"
status = 503
headers = { "Retry-After" = "1" }
times = 1
""")
    w("www.big.test", "/index.html", html("超大页面站点", '<a href="/big.html">超大页面</a> <a href="/small.html">普通页面</a>'))
    w("www.big.test", "/small.html", html("small", "<p>small</p>"))
    w("www.big.test", "/_routes.toml", """[[route]]
path = "/big.html"
body_bytes = 20000000
""")
    w("www.loop.test", "/index.html", html("重定向站点", '<a href="/a.html">A</a> <a href="/self.html">自身</a> <a href="/chain/1.html">长链</a> <a href="/ok-redirect.html">正常跳转</a>'))
    w("www.loop.test", "/target.html", html("target", "<p>跳转目标</p>"))
    routes = ['[[route]]\npath = "/a.html"\nstatus = 302\nlocation = "/b.html"\n',
              '[[route]]\npath = "/b.html"\nstatus = 302\nlocation = "/a.html"\n',
              '[[route]]\npath = "/self.html"\nstatus = 302\nlocation = "/self.html"\n',
              '[[route]]\npath = "/ok-redirect.html"\nstatus = 301\nlocation = "/target.html"\n']
    for i in range(1, 13):
        routes.append('[[route]]\npath = "/chain/%d.html"\nstatus = 302\nlocation = "/chain/%d.html"\n' % (i, i + 1))
    w("www.loop.test", "/chain/13.html", html("chain end", "<p>链尾</p>"))
    w("www.loop.test", "/_routes.toml", "# a<->b loop, self loop, 12-hop chain ending at /chain/13.html\n" + "\n".join(routes))


# ---------------------------------------------------------------- link validation


def validate():
    """Print every internal link/src target that is not a file, a directory index or a route."""
    routes_exact = {"/loop/a.html", "/loop/b.html", "/zwfw/bsdt/index.html", "/zwfw/wsbs/index.html", "/hdjl/zxft/index.html"}
    prefixes = ("/old/zwgk/", "/hdjl/rl/", "/zlxz/")
    files = set(written)
    missing = {}
    for path, enc in written.items():
        if not path.endswith(".html"):
            continue
        text = open(os.path.join(ROOT, path.lstrip("/")), "rb").read().decode(enc)
        for m in re.finditer(r'(?:href|src|<option value)="([^"#]+)"', text):
            u = m.group(1)
            if u.startswith(("javascript:", "//", "http:", "https:", "mailto:")) or "{" in u:
                continue
            full = urlsplit(urljoin("http://%s%s" % (HOST, path), u))
            if full.netloc != HOST:
                continue
            tp = unquote(full.path)
            cand = tp + "index.html" if tp.endswith("/") else tp
            if cand in files or cand in routes_exact or tp.startswith(prefixes) or tp in ("/module/jslib/jquery/jpage/dataproxy.js",):
                continue
            if tp.startswith("/module/web/jpage/") or tp == "/hdjl/qzxx/submit":
                continue
            missing.setdefault(tp, []).append(path)
    for k, v in sorted(missing.items()):
        print("MISSING %s  <- %s" % (k, v[:3]))
    print("pages: %d html, %d files total" % (sum(1 for p in written if p.endswith(".html")), len(written)))


def main():
    if os.path.isdir(ROOT):
        shutil.rmtree(ROOT)
    gen_home()
    gen_news()
    gen_zwgk()
    gen_fdzdgknr()
    gen_hdjl()
    gen_misc()
    gen_hanweb()
    gen_gbk()
    crawl_sites()
    validate()


if __name__ == "__main__":
    main()
