<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>规范性文件_渝阳区文化和旅游发展委员会</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="SiteName" content="渝阳区文化和旅游发展委员会">
<meta name="ColumnName" content="规范性文件"></head>
<body><div class="top"><div class="logo">渝阳区文化和旅游发展委员会</div>
<form action="/search/search.jsp" name="searchform"><input name="q"><input type="submit" value="搜索"></form>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/index.jsp;jsessionid=FD5F3A5ECC269A9A93B5CE7C7BCC461F">政务公开</a></li></ul></div>
<div class="location">您当前的位置：<a href="/">首页</a> &gt; <a href="/zwgk/index.jsp;jsessionid=FD5F3A5ECC269A9A93B5CE7C7BCC461F">政务公开</a> &gt; <a href="/zwgk/fdzdgknr/index.jsp;jsessionid=FD5F3A5ECC269A9A93B5CE7C7BCC461F">法定主动公开内容</a> &gt; <a href="/zwgk/fdzdgknr/lzyj/index.jsp;jsessionid=FD5F3A5ECC269A9A93B5CE7C7BCC461F">履职依据</a> &gt; <a href="/zwgk/fdzdgknr/lzyj/gfxwj/index.jsp;jsessionid=FD5F3A5ECC269A9A93B5CE7C7BCC461F">规范性文件</a></div>
<div class="container"><div class="content"><table class="list"><tr><th>标题</th><th>发布日期</th></tr><tr><td><a href="/zwgk/content/401.jsp;jsessionid=FD5F3A5ECC269A9A93B5CE7C7BCC461F">渝阳区A级旅游景区管理办法</a></td><td>2026年6月3日</td></tr><tr><td><a href="/zwgk/content/402.jsp;jsessionid=FD5F3A5ECC269A9A93B5CE7C7BCC461F">渝阳区文化市场综合执法规程</a></td><td>2025年9月20日</td></tr></table></div></div>
<div class="foot"><p>主办单位：渝阳区文化和旅游发展委员会</p><p>渝ICP备05003302号</p></div>
</body></html>
