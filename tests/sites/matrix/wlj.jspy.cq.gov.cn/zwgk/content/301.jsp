<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>渝阳区开展文旅市场秋季检查_渝阳区文化和旅游发展委员会</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="SiteName" content="渝阳区文化和旅游发展委员会">
<meta name="ArticleTitle" content="渝阳区开展文旅市场秋季检查">
<meta name="PubDate" content="2026-11-18"></head>
<body><div class="top"><div class="logo">渝阳区文化和旅游发展委员会</div>
<form action="/search/search.jsp" name="searchform"><input name="q"><input type="submit" value="搜索"></form>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/index.jsp;jsessionid=BC7C602CF7F3689437500EC5E3BBEEEE">政务公开</a></li></ul></div>
<div class="location">您当前的位置：<a href="/">首页</a> &gt; <a href="/zwgk/index.jsp;jsessionid=BC7C602CF7F3689437500EC5E3BBEEEE">政务公开</a> &gt; 正文</div>
<div class="container"><div class="side"><h3>热点信息</h3><ul></ul></div><div class="content"><h1 class="title">渝阳区开展文旅市场秋季检查</h1><div class="info">发布日期：2026-11-18</div><div class="TRS_Editor"><p>近日，渝阳区开展文旅市场秋季检查。</p></div></div></div>
<div class="foot"><p>主办单位：渝阳区文化和旅游发展委员会</p><p>渝ICP备05003302号</p></div>
</body></html>
