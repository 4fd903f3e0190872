<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>联系我们_渝秀区文化和旅游发展委员会</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="SiteName" content="渝秀区文化和旅游发展委员会">
<meta name="ColumnName" content="联系我们"></head>
<body><div class="top"><div class="logo">渝秀区文化和旅游发展委员会</div>
<form action="/search/search.jsp" name="searchform"><input name="q"><input type="submit" value="搜索"></form>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/index.jsp;jsessionid=4267821C4F364F9C34A7CFD15F82A6CE">政务公开</a></li><li><a href="/hdjl/index.jsp;jsessionid=4267821C4F364F9C34A7CFD15F82A6CE">互动交流</a></li></ul></div>
<div class="location">您当前的位置：<a href="/">首页</a> &gt; <a href="/zwgk/index.jsp;jsessionid=4267821C4F364F9C34A7CFD15F82A6CE">政务公开</a> &gt; <a href="/zwgk/fdzdgknr/index.jsp;jsessionid=4267821C4F364F9C34A7CFD15F82A6CE">法定主动公开内容</a> &gt; <a href="/zwgk/fdzdgknr/jgjj/index.jsp;jsessionid=4267821C4F364F9C34A7CFD15F82A6CE">机关简介</a> &gt; 联系我们</div>
<div class="container"><div class="content"><p>办公地址：渝秀区文化路8号</p><p>办公电话：(023)63881234转801</p><p>传真：023—63881235</p><p>值班电话：63881236</p><p>投诉举报电话：12345</p></div></div>
<div class="foot"><p>主办单位：渝秀区文化和旅游发展委员会</p><p>渝ICP备05003301号</p></div>
</body></html>
