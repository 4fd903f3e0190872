<html><head><meta charset="utf-8"><title>县长信箱</title></head><body>
<table class="letters"><tr><th>标题</th><th>留言时间</th><th>答复时间</th></tr>
<tr><td><a href="/module/xxgk/letter.jsp?id=11">关于老旧小区改造的建议</a></td><td>2026-11-03</td><td>2026-11-10</td></tr></table>
</body></html>