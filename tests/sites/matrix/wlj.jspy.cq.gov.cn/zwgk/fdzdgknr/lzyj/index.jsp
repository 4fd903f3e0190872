<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>履职依据_渝阳区文化和旅游发展委员会</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="SiteName" content="渝阳区文化和旅游发展委员会">
<meta name="ColumnName" content="履职依据"></head>
<body><div class="top"><div class="logo">渝阳区文化和旅游发展委员会</div>
<form action="/search/search.jsp" name="searchform"><input name="q"><input type="submit" value="搜索"></form>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/index.jsp;jsessionid=6FEF299427DCFB897E4197876AD6566E">政务公开</a></li></ul></div>
<div class="location">您当前的位置：<a href="/">首页</a> &gt; <a href="/zwgk/index.jsp;jsessionid=6FEF299427DCFB897E4197876AD6566E">政务公开</a> &gt; <a href="/zwgk/fdzdgknr/index.jsp;jsessionid=6FEF299427DCFB897E4197876AD6566E">法定主动公开内容</a> &gt; <a href="/zwgk/fdzdgknr/lzyj/index.jsp;jsessionid=6FEF299427DCFB897E4197876AD6566E">履职依据</a></div>
<div class="container"><div class="content"><h2>履职依据</h2><ul class="sublist"><li><a href="/zwgk/fdzdgknr/lzyj/gfxwj/index.jsp;jsessionid=6FEF299427DCFB897E4197876AD6566E">规范性文件</a></li></ul></div></div>
<div class="foot"><p>主办单位：渝阳区文化和旅游发展委员会</p><p>渝ICP备05003302号</p></div>
</body></html>
