<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>关于印发《渝秀区文化旅游市场管理办法》的通知_渝秀区文化和旅游发展委员会</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="SiteName" content="渝秀区文化和旅游发展委员会">
<meta name="ArticleTitle" content="关于印发《渝秀区文化旅游市场管理办法》的通知">
<meta name="PubDate" content="2026-11-10"></head>
<body><div class="top"><div class="logo">渝秀区文化和旅游发展委员会</div>
<form action="/search/search.jsp" name="searchform"><input name="q"><input type="submit" value="搜索"></form>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/index.jsp;jsessionid=7F9AA27FF6ACA135053F681EF6B512F1">政务公开</a></li><li><a href="/hdjl/index.jsp;jsessionid=7F9AA27FF6ACA135053F681EF6B512F1">互动交流</a></li></ul></div>
<div class="location">您当前的位置：<a href="/">首页</a> &gt; <a href="/zwgk/index.jsp;jsessionid=7F9AA27FF6ACA135053F681EF6B512F1">政务公开</a> &gt; <a href="/zwgk/fdzdgknr/index.jsp;jsessionid=7F9AA27FF6ACA135053F681EF6B512F1">法定主动公开内容</a> &gt; <a href="/zwgk/fdzdgknr/zcwj/index.jsp;jsessionid=7F9AA27FF6ACA135053F681EF6B512F1">政策文件</a> &gt; 正文</div>
<div class="container"><div class="side"><h3>热点信息</h3><ul><li><a href="/zwgk/content/101.jsp;jsessionid=7F9AA27FF6ACA135053F681EF6B512F1">关于印发《渝秀区文化旅游市场管理办法》的通知</a></li><li><a href="/zwgk/content/102.jsp;jsessionid=7F9AA27FF6ACA135053F681EF6B512F1">关于开展2026年度旅游安全大检查的通知</a></li></ul></div><div class="content"><h1 class="title">关于印发《渝秀区文化旅游市场管理办法》的通知</h1><div class="info">发布日期：2026-11-10</div><div class="TRS_Editor"><p>各有关单位：现将《渝秀区文化旅游市场管理办法》印发给你们。</p><p>相关解读：<a href="/zwgk/content/201.jsp;jsessionid=7F9AA27FF6ACA135053F681EF6B512F1">《渝秀区文化旅游市场管理办法》政策解读</a></p></div></div></div>
<div class="foot"><p>主办单位：渝秀区文化和旅游发展委员会</p><p>渝ICP备05003301号</p></div>
</body></html>
