#!/usr/bin/env python3
"""Generate the rule-check fixture sites (one directory per host) used by tests/rules_sites.rs.

bm.good.gov.cn      compliant 部门 site
www.badqx.gov.cn    non-compliant 区县 site (stale, blank columns, missing fields …)
odd.naming.gov.cn   compliant 部门 site with odd namings: 财政资金, 政府信息公开目录 level, slugs only
nocol.missing.gov.cn  部门 site where 预算/决算 and 公共企事业单位信息公开 are truly missing
Judging date of the tests: 2026-11-27.
"""
import os, shutil

ROOT = os.path.dirname(os.path.abspath(__file__))

FOOTER_OK = """<div class="footer">
<p>主办单位：{name} 联系电话：023-63881234 地址：重庆市渝中区测试路1号</p>
<p>网站标识码：5000000001 <a href="https://beian.miit.gov.cn/">渝ICP备05003300号-1</a>
<a href="http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=50010302000001">渝公网安备 50010302000001号</a></p>
<span id="_ideConac"><a href="//bszs.conac.cn/sitename?method=show&id=1"><img src="/images/red.png" alt="党政机关"></a></span>
<script id="_jiucuo_" sitecode="5000000001" src="https://zfwzgl.www.gov.cn/exposure/jiucuo.js"></script>
<a href="/lxwm/">联系我们</a>
</div>"""

FOOTER_BAD = """<div class="footer"><p>版权所有：{name}</p></div>"""


class Site:
    def __init__(self, host, name, good_footer=True, viewport=True, search=True, meta=True):
        self.host, self.name = host, name
        self.good_footer, self.viewport, self.search, self.meta = good_footer, viewport, search, meta
        self.nav = []

    def path(self, url):
        p = url.lstrip("/")
        if p == "" or p.endswith("/"):
            p += "index.html"
        return os.path.join(ROOT, self.host, p)

    def write(self, url, title, body, crumbs=None, column=None, article=None, pubdate=None):
        metas = []
        if self.viewport:
            metas.append('<meta name="viewport" content="width=device-width, initial-scale=1">')
        if self.meta:
            metas += [f'<meta name="SiteName" content="{self.name}">', f'<meta name="SiteDomain" content="{self.host}">',
                      '<meta name="SiteIDCode" content="5000000001">']
            if column:
                metas.append(f'<meta name="ColumnName" content="{column}">')
            if article:
                metas += [f'<meta name="ArticleTitle" content="{article}">', f'<meta name="PubDate" content="{pubdate}">',
                          f'<meta name="ContentSource" content="{self.name}">']
        nav = "".join(f'<li><a href="{u}">{t}</a></li>' for t, u in self.nav)
        search = '<form action="/search/" class="search"><input name="searchword"><button>搜索</button></form>' if self.search else ""
        crumb = ""
        if crumbs is not None:
            parts = ['<a href="/">首页</a>'] + [f'<a href="{u}">{t}</a>' if u else t for t, u in crumbs]
            crumb = '<div class="position">当前位置：' + " &gt; ".join(parts) + "</div>"
        footer = (FOOTER_OK if self.good_footer else FOOTER_BAD).format(name=self.name)
        html = f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{title} - {self.name}</title>
{chr(10).join(metas)}</head>
<body><div class="header"><h1>{self.name}</h1>{search}<ul class="nav">{nav}</ul></div>
{crumb}
<div class="main">{body}</div>
{footer}
</body></html>
"""
        f = self.path(url)
        os.makedirs(os.path.dirname(f), exist_ok=True)
        with open(f, "w", encoding="utf-8") as fh:
            fh.write(html)

    def listing(self, url, title, crumbs, entries, extra=""):
        """entries: (title, url, date) — writes the list page; detail pages are written separately."""
        rows = "".join(f'<li><a href="{u}">{t}</a><span class="date">{d}</span></li>' for t, u, d in entries)
        body = f'<h2>{title}</h2>{extra}<ul class="list">{rows}</ul>'
        self.write(url, title, body, crumbs=crumbs, column=title)

    def article(self, url, title, date, crumbs, body=""):
        self.write(url, title, f'<h2>{title}</h2><p class="info">发布时间：{date}</p><div class="TRS_Editor">{body}<p>正文内容。</p></div>',
                   crumbs=crumbs + [("正文", None)], article=title, pubdate=date)

    def column_with(self, url, title, crumbs, items):
        """A listing column with dated detail pages. items: (title, slug-date, body)."""
        entries = []
        for n, (t, d, body) in enumerate(items, 1):
            u = f"{url}{d[:7].replace('-', '')}/t{d.replace('-', '')}_{n}.html"
            entries.append((t, u, d))
            self.article(u, t, d, crumbs, body)
        self.listing(url, title, crumbs, entries)
        return entries


JD8 = "".join(f"<h3>{h}</h3><p>内容。</p>" for h in ["一、出台背景", "二、出台目的", "三、核心举措", "四、适用对象", "五、执行标准", "六、关键词", "七、专业名词", "八、新旧文件差异对比"])
JD5 = "".join(f"<h3>{h}</h3><p>内容。</p>" for h in ["一、出台背景", "二、主要内容", "三、适用对象"])
NB6 = "".join(f"<h3>{h}</h3><p>内容。</p>" for h in ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"]) + \
    "<table><tr><th>信息内容</th><th>本年制发件数</th><th>本年废止件数</th><th>现行有效件数</th></tr><tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr></table>"
NB_OLD = "".join(f"<h3>{h}</h3><p>内容。</p>" for h in ["一、总体情况", "二、主动公开政府信息情况"]) + \
    "<table><tr><th>信息内容</th><th>本年新制作数量</th><th>本年新公开数量</th><th>对外公开总数量</th></tr><tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr></table>"
UNITS = "<table><tr><th>名称</th><th>资质或者等级</th><th>业务范围</th><th>服务区域</th><th>地址</th><th>办公时间</th><th>联系电话</th></tr>" \
        "<tr><td>市图书馆</td><td>一级</td><td>借阅</td><td>全市</td><td>测试路2号</td><td>9:00-17:00</td><td>023-63880001</td></tr></table>" \
        "<p>投诉举报电话：023-63885678</p>"
MSG_OK = "<table><tr><th>留言摘要</th><td>{t}</td></tr><tr><th>留言时间</th><td>{a}</td></tr><tr><th>答复时间</th><td>{r}</td></tr>" \
         "<tr><th>答复单位</th><td>办公室</td></tr><tr><th>答复内容</th><td>已答复。</td></tr></table>"


def build(site, *, odd=False, missing=(), bad=False):
    S = site
    # names and slugs
    zwgk, zwgk_t = ("/zwgk_221/", "政务公开")
    ml = "/zwgk_221/zfxxgkml/" if odd else "/zwgk_221/fdzdgknr/"
    ml_t = "政府信息公开目录" if odd else "法定主动公开内容"
    C = lambda *xs: [(t, u) for t, u in xs]
    S.nav = [("首页", "/"), ("政务公开", zwgk), ("互动交流", "/hdjl/"), ("新闻动态", "/xwdt/")]
    # home
    news_date = "2026-08-01" if bad else "2026-11-20"
    news = S.column_with("/xwdt/", "新闻动态", C(("新闻动态", "/xwdt/")),
                         [("全市文旅工作会议召开", news_date, ""), ("文旅消费季启动", "2026-07-15" if bad else "2026-11-05", "")])
    home_list = "".join(f'<li><a href="{u}">{t}</a><span>{d}</span></li>' for t, u, d in news)
    broken = '<li><a href="/xwdt/202601/t20260101_404.html">已删除的新闻</a><span>2026-01-01</span></li>' if bad else ""
    xmt = '<p><a href="/zwxmt/">政务新媒体</a></p>' if not bad and not missing else ""
    S.write("/", S.name, f'<h2>新闻动态</h2><ul class="list">{home_list}{broken}</ul>{xmt}')
    # 政务公开
    top = C((zwgk_t, zwgk))
    links = [(ml_t, ml), ("政府信息公开年报", zwgk + "zfxxgknb/"), ("政府信息公开指南", zwgk + "zfxxgkzn/")]
    # the compliant sites have the whole 专栏 (ZW-P25) and the 咨询/问答库/新媒体 columns (ZW-P22, ZW-P24)
    complete = not bad and not missing
    if complete:
        links += [("政府信息公开制度", zwgk + "zfxxgkzd/"), ("依申请公开", zwgk + "ysqgk/")]
    S.write(zwgk, zwgk_t, "<ul class='menu'>" + "".join(f'<li><a href="{u}">{t}</a></li>' for t, u in links) + "</ul>", crumbs=top, column=zwgk_t)
    guide = "<p>办公地址：测试路1号，办公时间：工作日，联系电话：023-63881234</p>"
    if complete:
        guide = ("<h3>一、受理机构</h3><p>本机关办公室。</p><p>办公地址：测试路1号308室</p><p>办公时间：工作日</p>"
                 "<p>联系电话：023-63881239</p><h3>二、办理流程</h3><p>申请、受理、答复。</p>")
    S.write(zwgk + "zfxxgkzn/", "政府信息公开指南", guide,
            crumbs=top + C(("政府信息公开指南", None)), column="政府信息公开指南")
    if complete:
        S.column_with(zwgk + "zfxxgkzd/", "政府信息公开制度", top + C(("政府信息公开制度", zwgk + "zfxxgkzd/")),
                      [(f"{S.name}政府信息公开工作制度", "2026-02-10", "")])
        S.write(zwgk + "ysqgk/", "依申请公开", "<h3>依申请公开流程</h3><p>提交申请、登记受理、审查、答复。</p>",
                crumbs=top + C(("依申请公开", None)), column="依申请公开")
    mlc = top + C((ml_t, ml))
    kids = []
    if "ysjs" not in missing:
        kids.append(("财政资金" if odd else "预算/决算", ml + ("czzj/" if odd else "czyjs/")))
    kids += [("政策解读", ml + "zcjd/"), ("机构职能" if odd else "机关简介", ml + ("jgzn/" if odd else "jgjj/")),
             ("履职依据", ml + "lzyj/"), ("政策文件", ml + "zcwj/")]
    if S.host.startswith("www."):
        kids.append(("政府公报", ml + "zfgb/"))
    else:
        kids.append(("法治政府建设年度报告", ml + "fzzfjs/"))
    if "ggqsydw" not in missing:
        kids.append(("公共企事业单位信息公开", ml + "ggqsydw/"))
    if bad:
        kids += [(f"专题栏目{n}", ml + f"zt{n}/") for n in range(1, 6)]
    S.write(ml, ml_t, "<ul class='menu'>" + "".join(f'<li><a href="{u}">{t}</a></li>' for t, u in kids) + "</ul>", crumbs=mlc, column=ml_t)
    # 预算/决算
    if "ysjs" not in missing:
        u = ml + ("czzj/" if odd else "czyjs/")
        t = "财政资金" if odd else "预算/决算"
        items = [(f"{S.name}2025年部门决算", "2025-08-28", "")]
        if not bad:
            items.insert(0, (f"{S.name}2026年部门预算", "2026-03-20", ""))
        S.column_with(u, t, mlc + C((t, u)), items)
    # 政策文件
    zcwj = ml + "zcwj/"
    docs = S.column_with(zcwj, "政策文件", mlc + C(("政策文件", zcwj)),
                         [("关于促进文旅消费的通知", "2026-10-10", '<p><a href="' + ml + 'zcjd/wzjd/202610/t20261012_1.html">相关解读</a></p>' if not bad else "")])
    doc_url = docs[0][1]
    # 政策解读 and its sub-columns
    zcjd = ml + "zcjd/"
    jdc = mlc + C(("政策解读", zcjd))
    subs = [("文字解读", "wzjd"), ("一图读懂" if odd else "图片解读", "ytdd" if odd else "tpjd")]
    if not bad:
        subs.append(("音视频解读" if odd else "视频解读", "yspjd" if odd else "spjd"))
    S.write(zcjd, "政策解读", "<ul class='menu'>" + "".join(f'<li><a href="{zcjd}{s}/">{t}</a></li>' for t, s in subs) + "</ul>", crumbs=jdc, column="政策解读")
    back = f'<p>原文链接：<a href="{doc_url}">关于促进文旅消费的通知</a></p>' if not bad else ""
    for t, s in subs:
        u = f"{zcjd}{s}/"
        if s == "wzjd":
            body = (JD5 if bad else JD8) + back
            S.column_with(u, t, jdc + C((t, u)), [("《关于促进文旅消费的通知》解读", "2026-10-12", body)])
        elif s in ("tpjd", "ytdd"):
            img = '<p><img src="/images/missing.png" alt="图解"></p>' if bad else '<p><img src="/images/red.png" alt="图解"></p>'
            S.column_with(u, t, jdc + C((t, u)), [("一图读懂文旅消费通知", "2026-10-13", img + back)])
        else:
            S.column_with(u, t, jdc + C((t, u)), [("视频解读文旅消费通知", "2026-10-14", back)])
    # 机关简介 > 联系我们
    jg = ml + ("jgzn/" if odd else "jgjj/")
    jgt = "机构职能" if odd else "机关简介"
    S.write(jg, jgt, f'<p>本机关主要职责……</p><ul class="menu"><li><a href="{jg}lxwm/">联系我们</a></li></ul>', crumbs=mlc + C((jgt, jg)), column=jgt)
    phone = "<p>办公地址：测试路1号</p><p>（电话请见图片）</p><img src='/images/red.png' alt='电话'>" if bad else \
        "<p>办公地址：测试路1号</p><p>对外联系电话：023-63881234</p><p>办公时间：工作日9:00-17:00</p>"
    S.write(jg + "lxwm/", "联系我们", phone, crumbs=mlc + C((jgt, jg), ("联系我们", None)), column="联系我们")
    S.write("/lxwm/", "联系我们", "<p>地址：测试路1号</p>" + ("" if bad else "<p>联系电话：023-63881234</p>"), crumbs=C(("联系我们", None)), column="联系我们")
    # 履职依据
    lz = ml + "lzyj/"
    lzc = mlc + C(("履职依据", lz))
    children = [("行政法规", "xzfg"), ("国务院部门规章", "bmgz"), ("市政府规章", "zfgz"), ("本部门规范性文件", "gfxwj")]
    if bad:
        children = children[:2] + [("本部门规范性文件", "gfxwj")]
    S.write(lz, "履职依据", "<ul class='menu'>" + "".join(f'<li><a href="{lz}{s}/">{t}</a></li>' for t, s in children) + "</ul>", crumbs=lzc, column="履职依据")
    for t, s in children:
        u = f"{lz}{s}/"
        if s == "gfxwj":
            cls = "" if bad else f'<div class="tabs"><a href="{u}xxyx/">现行有效</a><a href="{u}fzhsx/">失效/废止</a></div>'
            S.listing(u, t, lzc + C((t, u)), [], extra=cls + '<ul class="list"><li><a href="' + u + '202605/t20260510_1.html">关于规范文旅市场的规定</a><span>2026-05-10</span></li></ul>')
            S.article(u + "202605/t20260510_1.html", "关于规范文旅市场的规定", "2026-05-10", lzc + C((t, u)))
            if not bad:
                S.column_with(u + "xxyx/", "现行有效", lzc + C((t, u), ("现行有效", u + "xxyx/")), [("关于规范文旅市场的规定（现行有效）", "2026-05-10", "")])
                S.column_with(u + "fzhsx/", "失效/废止", lzc + C((t, u), ("失效/废止", u + "fzhsx/")), [("关于旅游市场的旧规定（已废止）", "2026-04-01", "")])
        else:
            S.column_with(u, t, lzc + C((t, u)), [(f"{t}文本汇编", "2026-05-10", "")])
    # 法治政府 / 政府公报
    if S.host.startswith("www."):
        u = ml + "zfgb/"
        S.column_with(u, "政府公报", mlc + C(("政府公报", u)), [("2026年第10期政府公报", "2026-10-30", "")])
    else:
        u = ml + "fzzfjs/"
        S.column_with(u, "法治政府建设年度报告", mlc + C(("法治政府建设年度报告", u)), [(f"{S.name}2025年法治政府建设年度报告", "2026-03-25", "")])
    # 公共企事业单位
    if "ggqsydw" not in missing:
        u = ml + "ggqsydw/"
        body = "<table><tr><th>名称</th><th>地址</th></tr><tr><td>市图书馆</td><td>测试路2号</td></tr></table>" if bad else UNITS
        S.column_with(u, "公共企事业单位信息公开", mlc + C(("公共企事业单位信息公开", u)), [("文化旅游领域公共企事业单位名录", "2026-06-01", body)])
    # blank columns (bad site)
    if bad:
        for n in range(1, 6):
            u = ml + f"zt{n}/"
            S.write(u, f"专题栏目{n}", "", crumbs=mlc + C((f"专题栏目{n}", u)), column=f"专题栏目{n}")
    # 年报
    nb = zwgk + "zfxxgknb/"
    year_title = f"{S.name}2025年政府信息公开工作年度报告"
    nb_date = "2026-02-20" if bad else "2026-01-20"
    S.column_with(nb, "政府信息公开年报", top + C(("政府信息公开年报", nb)), [(year_title, nb_date, NB_OLD if bad else NB6)])
    # 互动交流 > 公开信箱 (and, on the compliant sites, 政策咨询 and 政策问答)
    hd_menu = '<li><a href="/hdjl/gkxx/">公开信箱</a></li>'
    if complete:
        hd_menu += '<li><a href="/hdjl/zczx/">政策咨询</a></li><li><a href="/hdjl/zcwd/">政策问答</a></li>'
        qa = [("文旅消费券如何使用？", "2026-11-06", "<p><b>问题：</b>文旅消费券如何使用？</p><p><b>答复：</b>在参与活动的商户出示即可。</p>"),
              ("景区门票优惠如何申请？", "2026-10-16", "<p><b>问题：</b>景区门票优惠如何申请？</p><p><b>答复：</b>持证件到售票窗口办理。</p>")]
        S.column_with("/hdjl/zcwd/", "政策问答", C(("互动交流", "/hdjl/"), ("政策问答", "/hdjl/zcwd/")), qa)
        S.write("/hdjl/zczx/", "政策咨询", '<form method="post" action="/hdjl/zczx/submit"><p>咨询内容：<textarea name="nr"></textarea></p></form>'
                '<p><a href="/hdjl/zcwd/">查看政策问答</a></p>', crumbs=C(("互动交流", "/hdjl/"), ("政策咨询", "/hdjl/zczx/")), column="政策咨询")
        S.write("/zwxmt/", "政务新媒体", '<table><tr><th>账号名称</th><th>平台</th><th>二维码</th></tr>'
                f'<tr><td>{S.name}</td><td>微信公众号</td><td><img src="/images/red.png" alt="二维码"></td></tr></table>',
                crumbs=C(("政务新媒体", "/zwxmt/")), column="政务新媒体")
    S.write("/hdjl/", "互动交流", f'<ul class="menu">{hd_menu}</ul>', crumbs=C(("互动交流", "/hdjl/")), column="互动交流")
    box = "/hdjl/gkxx/"
    msgs = [("关于景区门票的咨询", "2026-11-10", "2026-11-13"), ("关于博物馆开放时间的咨询", "2026-09-30", "2026-10-13")]
    if bad:
        msgs = [("关于景区门票的咨询", "2026-06-01", "2026-06-30"), ("关于演出许可的咨询", "2026-05-06", None)]
    rows = []
    for n, (t, a, r) in enumerate(msgs, 1):
        if r:
            u = f"{box}{r[:7].replace('-', '')}/t{r.replace('-', '')}_{n}.html"
            body = MSG_OK.format(t=t, a=a, r=r) if not bad else f"<table><tr><th>留言时间</th><td>{a}</td></tr></table><p>回复：已办理。</p>"
            S.write(u, t, f"<h2>{t}</h2>{body}", crumbs=C(("互动交流", "/hdjl/"), ("公开信箱", box), ("正文", None)), article=t, pubdate=r)
        else:
            u = f"{box}msg{n}.html"
            S.write(u, t, f"<h2>{t}</h2><table><tr><th>留言时间</th><td>{a}</td></tr></table><p>办理中</p>",
                    crumbs=C(("互动交流", "/hdjl/"), ("公开信箱", box), ("正文", None)))
        rows.append(f'<tr><td><a href="{u}">{t}</a></td><td>{a}</td></tr>')
    S.write(box, "公开信箱", "<table><tr><td>留言标题</td><td>留言时间</td></tr>" + "".join(rows) + "</table>",
            crumbs=C(("互动交流", "/hdjl/"), ("公开信箱", box)), column="公开信箱")
    # an image used by the pages
    os.makedirs(os.path.join(ROOT, S.host, "images"), exist_ok=True)
    with open(os.path.join(ROOT, S.host, "images", "red.png"), "wb") as fh:
        fh.write(bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c49444154789c63f8cfc0000003010100c9fe92ef0000000049454e44ae426082"))
    if S.search:
        # the header form's search engine (src/testsite/search.rs answers ?searchword=)
        with open(os.path.join(ROOT, S.host, "_routes.toml"), "w", encoding="utf-8") as fh:
            fh.write('# The site search (GOV-D04): results for ?searchword= (src/testsite/search.rs).\n'
                     '[[route]]\npath = "/search/"\nsearch = "searchword"\n')


def main():
    for host in ["bm.good.gov.cn", "www.badqx.gov.cn", "odd.naming.gov.cn", "nocol.missing.gov.cn"]:
        shutil.rmtree(os.path.join(ROOT, host), ignore_errors=True)
    build(Site("bm.good.gov.cn", "测试市文化旅游委"))
    build(Site("www.badqx.gov.cn", "测试区人民政府", good_footer=False, viewport=False, search=False, meta=False), bad=True)
    build(Site("odd.naming.gov.cn", "测试市文物局"), odd=True)
    build(Site("nocol.missing.gov.cn", "测试市旅游局"), missing=("ysjs", "ggqsydw"))


if __name__ == "__main__":
    main()
