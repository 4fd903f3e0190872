<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>政策文件_渝秀区文化和旅游发展委员会</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="SiteName" content="渝秀区文化和旅游发展委员会">
<meta name="ColumnName" content="政策文件"></head>
<body><div class="top"><div class="logo">渝秀区文化和旅游发展委员会</div>
<form action="/search/search.jsp" name="searchform"><input name="q"><input type="submit" value="搜索"></form>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/index.jsp;jsessionid=4E2731A70FD2ABB70D4CCD42A3A98991">政务公开</a></li><li><a href="/hdjl/index.jsp;jsessionid=4E2731A70FD2ABB70D4CCD42A3A98991">互动交流</a></li></ul></div>
<div class="location">您当前的位置：<a href="/">首页</a> &gt; <a href="/zwgk/index.jsp;jsessionid=4E2731A70FD2ABB70D4CCD42A3A98991">政务公开</a> &gt; <a href="/zwgk/fdzdgknr/index.jsp;jsessionid=4E2731A70FD2ABB70D4CCD42A3A98991">法定主动公开内容</a> &gt; <a href="/zwgk/fdzdgknr/zcwj/index.jsp;jsessionid=4E2731A70FD2ABB70D4CCD42A3A98991">政策文件</a></div>
<div class="container"><div class="content"><table class="list"><tr><th>标题</th><th>发布日期</th></tr><tr><td><a href="/zwgk/content/101.jsp;jsessionid=4E2731A70FD2ABB70D4CCD42A3A98991">关于印发《渝秀区文化旅游市场管理办法》的通知</a></td><td>2026年11月10日</td></tr><tr><td><a href="/zwgk/content/102.jsp;jsessionid=4E2731A70FD2ABB70D4CCD42A3A98991">关于开展2026年度旅游安全大检查的通知</a></td><td>二〇二六年十一月二十日</td></tr></table></div></div>
<div class="foot"><p>主办单位：渝秀区文化和旅游发展委员会</p><p>渝ICP备05003301号</p></div>
</body></html>
