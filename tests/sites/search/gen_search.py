#!/usr/bin/env python3
"""Generate the fixture sites of tests/search_probe.rs: GOV-D04 站内搜索 decided by searching a
crawled article's title through the site's own search form. The search engines are routes of
the fixture server (`search = "PARAM"` in `_routes.toml`, src/testsite/search.rs): they list
the host's pages whose <title> contains the query, so a search really searches.

Searches that work:
www.sstrs.gov.cn    TRS WCM style, GBK pages, `/was5/web/search` form with hidden `channelid`
                    (the engine lists nothing without it) and `searchword`; every article title
                    is longer than 30 characters (searched by its first 20)
www.sshw.gov.cn     Hanweb jcms style, `/jsearchfront/search.do` with the hidden inputs websiteid,
                    searchid, pg, p, tpl, cateid and an image button; titles only in the lists
www.ssplain.gov.cn  hand-built site, `<form action="/search">` with `q` and a `<select>` range;
                    titles as `标题 - 站名`
Searches that do not:
www.ssnone.gov.cn   the search page answers "未找到相关结果" whatever is searched (fail)
www.sspost.gov.cn   POST-only search form (warn, no search request)
www.ssrobots.gov.cn robots.txt disallows /search (warn, no search request)
www.ssjs.gov.cn     a search box run by a script, no form (warn)
www.ssother.gov.cn  the form sends to sousuo.ssother-city.gov.cn, outside the crawl (warn)

Judging date of the tests: 2026-11-27.
"""
import os
import shutil

ROOT = os.path.dirname(os.path.abspath(__file__))

ARTICLES = {
    "long": [
        ("秀安县文化和旅游发展委员会关于开展2026年冬季文旅消费惠民活动的通知", "2026-11-20"),
        ("秀安县文化和旅游发展委员会关于公布第三批县级非物质文化遗产代表性项目名录的公告", "2026-11-05"),
        ("秀安县文化和旅游发展委员会关于做好2026年度旅游市场秩序专项整治工作的通知", "2026-10-18"),
    ],
    "short": [
        ("华文县冬季文旅消费季启动", "2026-11-21"),
        ("华文县公布非遗项目名录", "2026-11-06"),
        ("华文县开展旅游市场整治", "2026-10-19"),
    ],
}


class Site:
    def __init__(self, host, name, charset="utf-8", form="", title_sep="_", meta=True):
        self.host, self.name, self.charset = host, name, charset
        self.form, self.sep, self.meta = form, title_sep, meta

    def out(self, url, text, raw=False):
        p = url.lstrip("/")
        if p == "" or p.endswith("/"):
            p += "index.html"
        f = os.path.join(ROOT, self.host, p)
        os.makedirs(os.path.dirname(f), exist_ok=True)
        with open(f, "wb") as fh:
            fh.write(text.encode("utf-8") if raw else text.encode(self.charset))

    def page(self, url, title, body, article=None, pubdate=None):
        metas = [f'<meta name="SiteName" content="{self.name}">']
        if article and self.meta:
            metas += [f'<meta name="ArticleTitle" content="{article}">', f'<meta name="PubDate" content="{pubdate}">']
        full = title if url == "/" else f"{title}{self.sep}{self.name}"
        self.out(url, f"""<!DOCTYPE html>
<html><head><meta charset="{self.charset}"><title>{full}</title>
{chr(10).join(metas)}</head>
<body><div class="header"><h1>{self.name}</h1>{self.form}
<ul class="nav"><li><a href="/">首页</a></li><li><a href="{self.list_url}">工作动态</a></li></ul></div>
<div class="main">{body}</div>
<div class="footer"><p>主办单位：{self.name}</p></div>
</body></html>
""")

    def build(self, titles, art_url, list_url="/xwdt/", h1=True):
        self.list_url = list_url
        rows = []
        for n, (t, d) in enumerate(titles, 1):
            u = art_url(n, d)
            rows.append(f'<li><a href="{u}">{t}</a><span>{d}</span></li>')
            head = f"<h1>{t}</h1>" if h1 else f'<div class="bt">{t}</div>'
            self.page(u, t, f'{head}<p>发布时间：{d}</p><p>{t}。正文内容。</p>', article=t, pubdate=d)
        self.page(list_url, "工作动态", f'<h2>工作动态</h2><ul class="list">{"".join(rows)}</ul>')
        self.page("/", self.name, f'<h2><a href="{list_url}">工作动态</a></h2>')

    def routes(self, text):
        self.out("/_routes.toml", text, raw=True)


def trs_url(n, d):
    return f"/xwdt/{d[:4]}{d[5:7]}/t{d.replace('-', '')}_{n}.html"


def hw_url(n, d):
    y, m, dd = d.split("-")
    return f"/art/{y}/{int(m)}/{int(dd)}/art_370_{100 + n}.html"


def plain_url(n, d):
    return f"/news/{d.replace('-', '')}/{n}.html"


def main():
    for h in os.listdir(ROOT):
        if os.path.isdir(os.path.join(ROOT, h)):
            shutil.rmtree(os.path.join(ROOT, h))

    trs = Site("www.sstrs.gov.cn", "秀安县文化和旅游发展委员会", charset="gbk", form="""
<form name="searchform" action="/was5/web/search" method="get" target="_blank">
<input type="hidden" name="channelid" value="246883">
<input type="text" name="searchword" class="sinput" placeholder="请输入关键词"><input type="submit" value="搜索"></form>""")
    trs.build(ARTICLES["long"], trs_url)
    trs.routes('# TRS WAS5 search: needs the hidden channelid\n[[route]]\npath = "/was5/web/search"\n'
               'search = "searchword"\nsearch_charset = "gbk"\nsearch_require = ["channelid=246883"]\n')

    hw = Site("www.sshw.gov.cn", "华文县人民政府", meta=False, form="""
<form action="/jsearchfront/search.do" method="get" target="_blank" id="searchForm">
<input type="hidden" name="websiteid" value="330101000000000"><input type="hidden" name="searchid" value="12">
<input type="hidden" name="pg" value=""><input type="hidden" name="p" value="1">
<input type="hidden" name="tpl" value="1521"><input type="hidden" name="cateid" value="370">
<input type="text" name="q" id="q" placeholder="请输入关键字"><input type="image" name="btn" src="/images/ss.png" alt="搜索">
</form>""")
    hw.build(ARTICLES["short"], hw_url, list_url="/col/col370/index.html", h1=False)
    hw.routes('# Hanweb jsearchfront: needs its hidden inputs\n[[route]]\npath = "/jsearchfront/search.do"\n'
              'search = "q"\nsearch_require = ["websiteid=330101000000000", "searchid=12", "tpl=1521"]\n')

    plain = Site("www.ssplain.gov.cn", "沙河区文化旅游委", title_sep=" - ", form="""
<form action="/search" class="search"><select name="range"><option value="all">全站</option><option value="title">标题</option></select>
<input name="q" placeholder="搜索"><button>搜索</button></form>""")
    plain.build([("沙河区冬季文旅消费季启动", "2026-11-22"), ("沙河区公布非遗项目名录", "2026-11-07"),
                 ("沙河区开展旅游市场整治", "2026-10-20")], plain_url)
    plain.routes('[[route]]\npath = "/search"\nsearch = "q"\nsearch_require = ["range=all"]\n')

    none = Site("www.ssnone.gov.cn", "沙坪县文化旅游委", form="""
<form action="/search/result.html" method="get"><input name="keyword" placeholder="请输入关键词"><input type="submit" value="搜索"></form>""")
    none.build([("沙坪县冬季文旅消费季启动", "2026-11-23"), ("沙坪县公布非遗项目名录", "2026-11-08"),
                ("沙坪县开展旅游市场整治", "2026-10-21")], plain_url)
    # the search index is empty: every search finds nothing
    none.out("/search/result.html", """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>搜索结果</title></head>
<body><h1>搜索结果</h1><p>未找到相关结果，请更换关键词。</p><p><a href="/">返回首页</a></p></body></html>
""")

    post = Site("www.sspost.gov.cn", "沙溪县文化旅游委", form="""
<form action="/search" method="post"><input name="keyword" placeholder="请输入关键词"><input type="submit" value="搜索"></form>""")
    post.build([("沙溪县冬季文旅消费季启动", "2026-11-24")], plain_url)

    robots = Site("www.ssrobots.gov.cn", "沙湾县文化旅游委", form="""
<form action="/search/" method="get"><input name="q"><input type="submit" value="搜索"></form>""")
    robots.build([("沙湾县冬季文旅消费季启动", "2026-11-24")], plain_url)
    robots.out("/robots.txt", "User-agent: *\nDisallow: /search/\n")
    robots.routes('[[route]]\npath = "/search/"\nsearch = "q"\n')

    js = Site("www.ssjs.gov.cn", "沙洲县文化旅游委", form="""
<div class="search"><input id="kw" name="searchword" placeholder="请输入关键词"><a href="javascript:;" onclick="doSearch()">搜索</a></div>""")
    js.build([("沙洲县冬季文旅消费季启动", "2026-11-24")], plain_url)

    other = Site("www.ssother.gov.cn", "沙田县文化旅游委", form="""
<form action="http://sousuo.ssother-city.gov.cn/search" method="get"><input type="hidden" name="site" value="ssother">
<input name="q"><input type="submit" value="搜索"></form>""")
    other.build([("沙田县冬季文旅消费季启动", "2026-11-24")], plain_url)


if __name__ == "__main__":
    main()
