<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>《渝秀区文化旅游市场管理办法》政策解读_渝秀区文化和旅游发展委员会</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="SiteName" content="渝秀区文化和旅游发展委员会">
<meta name="ArticleTitle" content="《渝秀区文化旅游市场管理办法》政策解读">
<meta name="PubDate" content="2026-11-12"></head>
<body><div class="top"><div class="logo">渝秀区文化和旅游发展委员会</div>
<form action="/search/search.jsp" name="searchform"><input name="q"><input type="submit" value="搜索"></form>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/index.jsp;jsessionid=E1DF19F69A87B54EECCE2BA9463851EE">政务公开</a></li><li><a href="/hdjl/index.jsp;jsessionid=E1DF19F69A87B54EECCE2BA9463851EE">互动交流</a></li></ul></div>
<div class="location">您当前的位置：<a href="/">首页</a> &gt; <a href="/zwgk/index.jsp;jsessionid=E1DF19F69A87B54EECCE2BA9463851EE">政务公开</a> &gt; <a href="/zwgk/fdzdgknr/index.jsp;jsessionid=E1DF19F69A87B54EECCE2BA9463851EE">法定主动公开内容</a> &gt; <a href="/zwgk/fdzdgknr/zcjd/index.jsp;jsessionid=E1DF19F69A87B54EECCE2BA9463851EE">政策解读</a> &gt; 正文</div>
<div class="container"><div class="side"><h3>热点信息</h3><ul><li><a href="/zwgk/content/101.jsp;jsessionid=E1DF19F69A87B54EECCE2BA9463851EE">关于印发《渝秀区文化旅游市场管理办法》的通知</a></li><li><a href="/zwgk/content/102.jsp;jsessionid=E1DF19F69A87B54EECCE2BA9463851EE">关于开展2026年度旅游安全大检查的通知</a></li></ul></div><div class="content"><h1 class="title">《渝秀区文化旅游市场管理办法》政策解读</h1><div class="info">发布日期：2026-11-12</div><div class="TRS_Editor"><p>一、出台背景……</p><p>原文链接：<a href="/zwgk/content/101.jsp;jsessionid=E1DF19F69A87B54EECCE2BA9463851EE">关于印发《渝秀区文化旅游市场管理办法》的通知</a></p></div></div></div>
<div class="foot"><p>主办单位：渝秀区文化和旅游发展委员会</p><p>渝ICP备05003301号</p></div>
</body></html>
