<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>机关简介_渝秀区文化和旅游发展委员会</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="SiteName" content="渝秀区文化和旅游发展委员会">
<meta name="ColumnName" content="机关简介"></head>
<body><div class="top"><div class="logo">渝秀区文化和旅游发展委员会</div>
<form action="/search/search.jsp" name="searchform"><input name="q"><input type="submit" value="搜索"></form>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/index.jsp;jsessionid=F96295FB80C0A0F22D78E631EAD4AD35">政务公开</a></li><li><a href="/hdjl/index.jsp;jsessionid=F96295FB80C0A0F22D78E631EAD4AD35">互动交流</a></li></ul></div>
<div class="location">您当前的位置：<a href="/">首页</a> &gt; <a href="/zwgk/index.jsp;jsessionid=F96295FB80C0A0F22D78E631EAD4AD35">政务公开</a> &gt; <a href="/zwgk/fdzdgknr/index.jsp;jsessionid=F96295FB80C0A0F22D78E631EAD4AD35">法定主动公开内容</a> &gt; <a href="/zwgk/fdzdgknr/jgjj/index.jsp;jsessionid=F96295FB80C0A0F22D78E631EAD4AD35">机关简介</a></div>
<div class="container"><div class="content"><h2>机关简介</h2><ul class="sublist"><li><a href="/zwgk/fdzdgknr/jgjj/lxwm/index.jsp;jsessionid=F96295FB80C0A0F22D78E631EAD4AD35">联系我们</a></li></ul></div></div>
<div class="foot"><p>主办单位：渝秀区文化和旅游发展委员会</p><p>渝ICP备05003301号</p></div>
</body></html>
