<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>渝阳区文化市场综合执法规程_渝阳区文化和旅游发展委员会</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="SiteName" content="渝阳区文化和旅游发展委员会">
<meta name="ArticleTitle" content="渝阳区文化市场综合执法规程">
<meta name="PubDate" content="2025-09-20"></head>
<body><div class="top"><div class="logo">渝阳区文化和旅游发展委员会</div>
<form action="/search/search.jsp" name="searchform"><input name="q"><input type="submit" value="搜索"></form>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/index.jsp;jsessionid=8C1A311F7A9453003F97D1AB3CB03D20">政务公开</a></li></ul></div>
<div class="location">您当前的位置：<a href="/">首页</a> &gt; <a href="/zwgk/index.jsp;jsessionid=8C1A311F7A9453003F97D1AB3CB03D20">政务公开</a> &gt; <a href="/zwgk/fdzdgknr/index.jsp;jsessionid=8C1A311F7A9453003F97D1AB3CB03D20">法定主动公开内容</a> &gt; <a href="/zwgk/fdzdgknr/lzyj/index.jsp;jsessionid=8C1A311F7A9453003F97D1AB3CB03D20">履职依据</a> &gt; <a href="/zwgk/fdzdgknr/lzyj/gfxwj/index.jsp;jsessionid=8C1A311F7A9453003F97D1AB3CB03D20">规范性文件</a> &gt; 正文</div>
<div class="container"><div class="side"><h3>热点信息</h3><ul></ul></div><div class="content"><h1 class="title">渝阳区文化市场综合执法规程</h1><div class="info">发布日期：2025-09-20</div><div class="TRS_Editor"><p>渝阳区文化市场综合执法规程全文。</p></div></div></div>
<div class="foot"><p>主办单位：渝阳区文化和旅游发展委员会</p><p>渝ICP备05003302号</p></div>
</body></html>
