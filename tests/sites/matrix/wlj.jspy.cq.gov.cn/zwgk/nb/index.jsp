<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>政府信息公开年报_渝阳区文化和旅游发展委员会</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="SiteName" content="渝阳区文化和旅游发展委员会">
<meta name="ColumnName" content="政府信息公开年报"></head>
<body><div class="top"><div class="logo">渝阳区文化和旅游发展委员会</div>
<form action="/search/search.jsp" name="searchform"><input name="q"><input type="submit" value="搜索"></form>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/index.jsp;jsessionid=7AD1E0C7E1FE0C345E61D5E516B4D548">政务公开</a></li></ul></div>
<div class="location">您当前的位置：<a href="/">首页</a> &gt; <a href="/zwgk/index.jsp;jsessionid=7AD1E0C7E1FE0C345E61D5E516B4D548">政务公开</a> &gt; <a href="/zwgk/nb/index.jsp;jsessionid=7AD1E0C7E1FE0C345E61D5E516B4D548">政府信息公开年报</a></div>
<div class="container"><div class="content"><table class="list"><tr><th>标题</th><th>发布日期</th></tr><tr><td><a href="/zwgk/content/501.jsp;jsessionid=7AD1E0C7E1FE0C345E61D5E516B4D548">渝阳区文化和旅游发展委员会2025年政府信息公开工作年度报告</a></td><td>2026年1月22日</td></tr></table></div></div>
<div class="foot"><p>主办单位：渝阳区文化和旅游发展委员会</p><p>渝ICP备05003302号</p></div>
</body></html>
