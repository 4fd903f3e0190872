<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>政策解读_渝秀区文化和旅游发展委员会</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="SiteName" content="渝秀区文化和旅游发展委员会">
<meta name="ColumnName" content="政策解读"></head>
<body><div class="top"><div class="logo">渝秀区文化和旅游发展委员会</div>
<form action="/search/search.jsp" name="searchform"><input name="q"><input type="submit" value="搜索"></form>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/index.jsp;jsessionid=81118F7A8EBA5D5697947814C0293843">政务公开</a></li><li><a href="/hdjl/index.jsp;jsessionid=81118F7A8EBA5D5697947814C0293843">互动交流</a></li></ul></div>
<div class="location">您当前的位置：<a href="/">首页</a> &gt; <a href="/zwgk/index.jsp;jsessionid=81118F7A8EBA5D5697947814C0293843">政务公开</a> &gt; <a href="/zwgk/fdzdgknr/index.jsp;jsessionid=81118F7A8EBA5D5697947814C0293843">法定主动公开内容</a> &gt; <a href="/zwgk/fdzdgknr/zcjd/index.jsp;jsessionid=81118F7A8EBA5D5697947814C0293843">政策解读</a></div>
<div class="container"><div class="content"><ul class="list"><li><a href="/zwgk/content/201.jsp;jsessionid=81118F7A8EBA5D5697947814C0293843" title="《渝秀区文化旅游市场管理办法》政策解读">《渝秀区文化旅游市场管理办法》政策解读</a><span class="time" title="2026-11-12 09:30:00">11-12</span></li></ul></div></div>
<div class="foot"><p>主办单位：渝秀区文化和旅游发展委员会</p><p>渝ICP备05003301号</p></div>
</body></html>
