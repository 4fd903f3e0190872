<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>我要写信_渝秀区文化和旅游发展委员会</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="SiteName" content="渝秀区文化和旅游发展委员会"></head>
<body><div class="top"><div class="logo">渝秀区文化和旅游发展委员会</div>
<form action="/search/search.jsp" name="searchform"><input name="q"><input type="submit" value="搜索"></form>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/index.jsp;jsessionid=A9E7D437F3D1CFE27F7C6721603D8116">政务公开</a></li><li><a href="/hdjl/index.jsp;jsessionid=A9E7D437F3D1CFE27F7C6721603D8116">互动交流</a></li></ul></div>
<div class="location">您当前的位置：<a href="/">首页</a> &gt; <a href="/hdjl/index.jsp;jsessionid=A9E7D437F3D1CFE27F7C6721603D8116">互动交流</a> &gt; <a href="/hdjl/jzxx/index.jsp;jsessionid=A9E7D437F3D1CFE27F7C6721603D8116">局长信箱</a> &gt; 我要写信</div>
<div class="container"><div class="content"><form><textarea name=c></textarea></form></div></div>
<div class="foot"><p>主办单位：渝秀区文化和旅游发展委员会</p><p>渝ICP备05003301号</p></div>
</body></html>
