<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>法定主动公开内容_渝阳区文化和旅游发展委员会</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="SiteName" content="渝阳区文化和旅游发展委员会">
<meta name="ColumnName" content="法定主动公开内容"></head>
<body><div class="top"><div class="logo">渝阳区文化和旅游发展委员会</div>
<form action="/search/search.jsp" name="searchform"><input name="q"><input type="submit" value="搜索"></form>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/index.jsp;jsessionid=CE3237178CB42CEB6429A8286B987B3D">政务公开</a></li></ul></div>
<div class="location">您当前的位置：<a href="/">首页</a> &gt; <a href="/zwgk/index.jsp;jsessionid=CE3237178CB42CEB6429A8286B987B3D">政务公开</a> &gt; <a href="/zwgk/fdzdgknr/index.jsp;jsessionid=CE3237178CB42CEB6429A8286B987B3D">法定主动公开内容</a></div>
<div class="container"><div class="content"><h2>法定主动公开内容</h2><ul class="sublist"><li><a href="/zwgk/fdzdgknr/lzyj/index.jsp;jsessionid=CE3237178CB42CEB6429A8286B987B3D">履职依据</a></li></ul></div></div>
<div class="foot"><p>主办单位：渝阳区文化和旅游发展委员会</p><p>渝ICP备05003302号</p></div>
</body></html>
