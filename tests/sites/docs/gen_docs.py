#!/usr/bin/env python3
"""Generate the document fixture sites (tests/sites/docs/): three 部门 sites whose 年报,
文字解读 and 预决算 are published the ways real sites publish them.

* nbhtml.docs.gov.cn  - 年报 as an HTML article with the three tables (consistent);
                        a 解读 article wrapping a DOCX; junk attachments (zip bomb DOCX,
                        truncated PDF).
* nbpdf.docs.gov.cn   - 年报 article wrapping a PDF printed by headless Chromium with an
                        embedded CJK font, with designed arithmetic errors (第三部分
                        自然人 column, 第四部分 行政复议 总计); a PDF 解读; a scanned
                        (image-only) PDF and an encrypted PDF among the attachments.
* nbole.docs.gov.cn   - the Office 97 / WPS formats as LibreOffice writes them: 年报
                        article wrapping a DOC with designed arithmetic errors, a WPS 解读
                        (WPS text files are Word 97 binary documents), 预算 as XLSX with a
                        merged title row, 决算 as XLS and its 附表 as ET (WPS spreadsheets
                        are BIFF8 workbooks).
* nbdocx.docs.gov.cn  - 年报 listed directly as a DOCX file (merged header cells,
                        full-width digits, blank cells = 0, a 小计 column; consistent);
                        预算/决算 articles with year-less titles wrapping 附件1.pdf /
                        附件1.docx whose own first line carries the year.

Needs chromium (PDF printing), qpdf (encryption) and LibreOffice (soffice: DOC, XLS,
XLSX) at generation time only; the tests
read the committed files. Run from this directory: python3 gen_docs.py
"""
import base64
import os
import shutil
import struct
import subprocess
import tempfile
import zipfile
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))

APPLICANTS = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
SUB3 = ["1．属于国家秘密", "2．其他法律行政法规禁止公开", "3．危及“三安全一稳定”", "4．保护第三方合法权益",
        "5．属于三类内部事务信息", "6．属于四类过程性信息", "7．属于行政执法案卷", "8．属于行政查询事项"]
SUB4 = ["1．本机关不掌握相关政府信息", "2．没有现成信息需要另行制作", "3．补正后申请内容仍不明确"]
SUB5 = ["1．信访举报投诉类申请", "2．重复申请", "3．要求提供公开出版物", "4．无正当理由大量反复申请",
        "5．要求行政机关确认或重新出具已获取信息"]
SUB6 = ["1．申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "2．申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3．其他"]
PARTS = ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
         "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"]
ASPECTS = ["出台背景", "出台目的", "核心举措", "适用对象", "执行标准", "关键词", "专业名词", "新旧文件差异对比"]
NUMS = "一二三四五六七八"


def table3_data(errors=False):
    """Rows of the 第三部分 table: (kind, labels, six applicant values)."""
    z = [0] * 6
    rows = {
        "new": [10, 3, 0, 0, 0, 1],
        "carry": [2, 0, 0, 0, 0, 0],
        "open": [5, 2, 0, 0, 0, 1],
        "part": [2, 0, 0, 0, 0, 0],
        "sub3": [[1, 0, 0, 0, 0, 0]] + [z] * 7,
        "sub4": [[1, 1, 0, 0, 0, 0], [1, 0, 0, 0, 0, 0], z],
        "sub5": [z] * 5,
        "sub6": [[1, 0, 0, 0, 0, 0], z, z],
        "next": [1, 0, 0, 0, 0, 0],
    }
    total = [sum(v) for v in zip(rows["open"], rows["part"], *rows["sub3"], *rows["sub4"], *rows["sub5"], *rows["sub6"])]
    rows["total"] = total
    if errors:
        # designed error: 自然人 结转下年度 printed as 0 (一+二 = 12, (七)+四 = 11+0)
        rows["next"] = [0, 0, 0, 0, 0, 0]
    return rows


def with_total(v, subtotal=False):
    out = list(v)
    if subtotal:
        out = out + [sum(v[1:])]
    return out + [sum(v)]


TABLE4_OK = [2, 1, 0, 0, 3, 1, 0, 0, 1, 2, 0, 0, 0, 0, 0]
TABLE4_BAD = [1, 1, 0, 0, 3, 1, 0, 0, 1, 2, 0, 0, 0, 0, 0]  # 行政复议 总计 3 ≠ 1+1+0+0


def html_table2():
    return """<table border="1" cellspacing="0"><tr><td colspan="4">第二十条第（一）项</td></tr>
<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
<tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr>
<tr><td>行政规范性文件</td><td>1</td><td>0</td><td>5</td></tr>
<tr><td colspan="4">第二十条第（五）项</td></tr>
<tr><td>信息内容</td><td colspan="3">本年处理决定数量</td></tr>
<tr><td>行政许可</td><td colspan="3">12</td></tr>
<tr><td colspan="4">第二十条第（六）项</td></tr>
<tr><td>行政处罚</td><td colspan="3">3</td></tr>
<tr><td>行政强制</td><td colspan="3">0</td></tr>
<tr><td colspan="4">第二十条第（八）项</td></tr>
<tr><td>信息内容</td><td colspan="3">本年收费金额（单位：万元）</td></tr>
<tr><td>行政事业性收费</td><td colspan="3">0</td></tr></table>"""


def html_table3(d):
    td = lambda v: "".join(f"<td>{x}</td>" for x in with_total(v))
    h = ['<table border="1" cellspacing="0">',
         '<tr><td colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="7">申请人情况</td></tr>',
         '<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>',
         '<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>',
         f'<tr><td colspan="3">一、本年新收政府信息公开申请数量</td>{td(d["new"])}</tr>',
         f'<tr><td colspan="3">二、上年结转政府信息公开申请数量</td>{td(d["carry"])}</tr>',
         f'<tr><td rowspan="22">三、本年度办理结果</td><td colspan="2">（一）予以公开</td>{td(d["open"])}</tr>',
         f'<tr><td colspan="2">（二）部分公开（区分处理的，只计这一情形，不计其他情形）</td>{td(d["part"])}</tr>']
    for name, subs, key in [("（三）不予公开", SUB3, "sub3"), ("（四）无法提供", SUB4, "sub4"),
                            ("（五）不予处理", SUB5, "sub5"), ("（六）其他处理", SUB6, "sub6")]:
        for i, s in enumerate(subs):
            lead = f'<td rowspan="{len(subs)}">{name}</td>' if i == 0 else ""
            h.append(f'<tr>{lead}<td>{s}</td>{td(d[key][i])}</tr>')
    h.append(f'<tr><td colspan="2">（七）总计</td>{td(d["total"])}</tr>')
    h.append(f'<tr><td colspan="3">四、结转下年度继续办理</td>{td(d["next"])}</tr>')
    h.append("</table>")
    return "\n".join(h)


def html_table4(v):
    heads = "".join("<td>%s</td>" % x for x in ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 3)
    return f"""<table border="1" cellspacing="0"><tr><td colspan="5" rowspan="2">行政复议</td><td colspan="10">行政诉讼</td></tr>
<tr><td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr>
<tr>{heads}</tr>
<tr>{"".join(f"<td>{x}</td>" for x in v)}</tr></table>"""


def report_body(org, year, errors=False):
    d = table3_data(errors)
    t4 = TABLE4_BAD if errors else TABLE4_OK
    return f"""<p>根据《中华人民共和国政府信息公开条例》和《中华人民共和国政府信息公开工作年度报告格式》，编制本报告。</p>
<h3>{PARTS[0]}</h3><p>{year}年，{org}坚持以公开为常态、不公开为例外。</p>
<h3>{PARTS[1]}</h3>{html_table2()}
<h3>{PARTS[2]}</h3>{html_table3(d)}
<h3>{PARTS[3]}</h3>{html_table4(t4)}
<h3>{PARTS[4]}</h3><p>存在的问题是主动公开的及时性有待提高。</p>
<h3>{PARTS[5]}</h3><p>本年度未收取信息处理费。</p>"""


def jiedu_body(topic):
    return "".join(f"<h3>{NUMS[i]}、{a}</h3><p>关于{topic}的{a}说明。</p>" for i, a in enumerate(ASPECTS))


PRINT_CSS = """<style>@page{size:A4;margin:12mm} body{font-family:"Droid Sans Fallback";font-size:9pt}
table{border-collapse:collapse;width:100%} td{border:1px solid #000;padding:1px 3px;vertical-align:middle}
h2,h3{font-size:10pt;margin:4px 0;font-weight:normal} p{margin:3px 0}</style>"""


def chromium_pdf(html, out):
    tmp = tempfile.mkdtemp()
    try:
        src = os.path.join(tmp, "in.html")
        with open(src, "w", encoding="utf-8") as f:
            f.write(f'<html><head><meta charset="utf-8">{PRINT_CSS}</head><body>{html}</body></html>')
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                        "--no-first-run", "--disable-background-networking", "--disable-component-update",
                        "--disable-sync", f"--user-data-dir={tmp}/ud", "--no-pdf-header-footer",
                        f"--print-to-pdf={out}", "file://" + src],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)
        # sites' PDFs come compressed; recompressing keeps the fixtures small (text layer unchanged)
        shutil.copy(out, src + ".pdf")
        subprocess.run(["qpdf", "--object-streams=generate", "--recompress-flate", "--compression-level=9",
                        src + ".pdf", out], check=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def png(w, h):
    """A grey 'scanned page' with dark text-like bars, as PNG bytes (pure Python)."""
    rows = []
    for y in range(h):
        line = bytearray([0])
        for x in range(w):
            ink = (y // 6) % 3 == 1 and (x // 9) % 5 != 4 and 20 < x < w - 20
            line.append(40 if ink else 235)
        rows.append(bytes(line))
    raw = zlib.compress(b"".join(rows), 9)
    chunk = lambda t, d: struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", raw) + chunk(b"IEND", b""))


# ---------- DOCX ----------

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def wp(text, heading=False):
    ppr = '<w:pPr><w:pStyle w:val="Heading2"/></w:pPr>' if heading else ""
    return f'<w:p>{ppr}<w:r><w:t xml:space="preserve">{esc(text)}</w:t></w:r></w:p>'


def wtc(text, span=1, vmerge=None):
    pr = ""
    if span > 1:
        pr += f'<w:gridSpan w:val="{span}"/>'
    if vmerge == "restart":
        pr += '<w:vMerge w:val="restart"/>'
    elif vmerge == "continue":
        pr += "<w:vMerge/>"
    pr = f"<w:tcPr>{pr}</w:tcPr>" if pr else ""
    return f"<w:tc>{pr}{wp(text) if text else '<w:p/>'}</w:tc>"


def wtbl(rows):
    return "<w:tbl><w:tblPr><w:tblBorders/></w:tblPr>" + "".join(f"<w:tr>{''.join(r)}</w:tr>" for r in rows) + "</w:tbl>"


FW = str.maketrans("0123456789", "０１２３４５６７８９")


def docx_num(x, i):
    """Numbers as Word users type them: some full-width, zeros sometimes left blank."""
    if x == 0 and i % 3 == 1:
        return ""
    s = str(x)
    return s.translate(FW) if i % 2 == 0 else s


def docx_table3(d):
    cols = 9  # 自然人, 5 法人, 小计, 总计 + 3 label columns = 11 grid columns
    nums = lambda v: [wtc(docx_num(x, i)) for i, x in enumerate(with_total(v, subtotal=True))]
    rows = [
        [wtc("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3, "restart"), wtc("申请人情况", 8)],
        [wtc("", 3, "continue"), wtc("自然人", 1, "restart"), wtc("法人或其他组织", 6), wtc("总计", 1, "restart")],
        [wtc("", 3, "continue"), wtc("", 1, "continue")] + [wtc(x) for x in APPLICANTS[1:]] + [wtc("小计"), wtc("", 1, "continue")],
        [wtc("一、本年新收政府信息公开申请数量", 3)] + nums(d["new"]),
        [wtc("二、上年结转政府信息公开申请数量", 3)] + nums(d["carry"]),
        [wtc("三、本年度办理结果", 1, "restart"), wtc("（一）予以公开", 2)] + nums(d["open"]),
        [wtc("", 1, "continue"), wtc("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", 2)] + nums(d["part"]),
    ]
    for name, subs, key in [("（三）不予公开", SUB3, "sub3"), ("（四）无法提供", SUB4, "sub4"),
                            ("（五）不予处理", SUB5, "sub5"), ("（六）其他处理", SUB6, "sub6")]:
        for i, s in enumerate(subs):
            rows.append([wtc("", 1, "continue"), wtc(name if i == 0 else "", 1, "restart" if i == 0 else "continue"),
                         wtc(s)] + nums(d[key][i]))
    rows.append([wtc("", 1, "continue"), wtc("（七）总计", 2)] + nums(d["total"]))
    rows.append([wtc("四、结转下年度继续办理", 3)] + nums(d["next"]))
    del cols
    return wtbl(rows)


def docx_table2():
    return wtbl([
        [wtc("第二十条第（一）项", 4)],
        [wtc(x) for x in ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"]],
        [wtc(x) for x in ["规章", "０", "", "０"]],
        [wtc(x) for x in ["行政规范性文件", "１", "0", "５"]],
        [wtc("第二十条第（五）项", 4)],
        [wtc("行政许可"), wtc("１２", 3)],
    ])


def docx_table4(v):
    heads = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 3
    return wtbl([
        [wtc("行政复议", 5, "restart"), wtc("行政诉讼", 10)],
        [wtc("", 5, "continue"), wtc("未经复议直接起诉", 5), wtc("复议后起诉", 5)],
        [wtc(x) for x in heads],
        [wtc(docx_num(x, i)) for i, x in enumerate(v)],
    ])


def write_docx(path, body_xml):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
        z.writestr("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
        z.writestr("word/document.xml", f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>{body_xml}</w:body></w:document>')


def docx_report(org, year):
    d = table3_data()
    body = [wp(f"{org}{year}年政府信息公开工作年度报告")]
    body.append(wp("根据《中华人民共和国政府信息公开条例》和《中华人民共和国政府信息公开工作年度报告格式》，编制本报告。"))
    body += [wp(PARTS[0], True), wp(f"{year}年，{org}坚持以公开为常态、不公开为例外。"),
             wp(PARTS[1], True), docx_table2(), wp(PARTS[2], True), docx_table3(d),
             wp(PARTS[3], True), docx_table4(TABLE4_OK), wp(PARTS[4], True), wp("及时性有待提高。"),
             wp(PARTS[5], True), wp("本年度未收取信息处理费。")]
    return "".join(body)


def docx_jiedu(topic):
    body = [wp(f"《{topic}》政策解读")]
    for i, a in enumerate(ASPECTS):
        body += [wp(f"{NUMS[i]}、{a}", True), wp(f"关于{topic}的{a}说明。")]
    return "".join(body)


def zip_bomb(path):
    """A DOCX whose document.xml inflates ~1000×: refused before inflating."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document>" + " " * (4 * 1024 * 1024) + "</w:document>")


# ---------- sites ----------

def office(html, out, filt, infilter):
    """Convert an HTML fragment with LibreOffice the way a site's staff export it."""
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "src.html")
        with open(src, "w", encoding="utf-8") as f:
            f.write(f'<html><head><meta charset="utf-8"></head><body>{html}</body></html>')
        ext = filt.split(":")[0]
        subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp}/profile",
                        f"--infilter={infilter}", "--convert-to", filt, "--outdir", tmp, src],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.makedirs(os.path.dirname(out), exist_ok=True)
        shutil.copyfile(os.path.join(tmp, "src." + ext), out)


def word97(html, out):
    office(html, out, 'doc:MS Word 97', "HTML (StarWriter)")


def excel(html, out, xlsx):
    office(html, out, 'xlsx:Calc Office Open XML' if xlsx else 'xls:MS Excel 97', "HTML (StarCalc)")


def budget_table(title, total):
    return f"""<table border="1"><tr><td colspan="4">{title}</td></tr>
<tr><td rowspan="2">项目</td><td colspan="2">本年预算</td><td rowspan="2">备注</td></tr>
<tr><td>金额（万元）</td><td>占比</td></tr>
<tr><td>一般公共预算拨款收入</td><td>{total - 200}</td><td>83%</td><td></td></tr>
<tr><td>事业收入</td><td>200</td><td>17%</td><td></td></tr>
<tr><td>收入合计</td><td>{total}</td><td>100%</td><td></td></tr></table>"""


def page(host, org, title, crumbs, main, meta=""):
    nav = '<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li></ul>'
    pos = ""
    if crumbs:
        pos = '<div class="position">当前位置：<a href="/">首页</a>' + "".join(
            f' &gt; <a href="{u}">{t}</a>' if u else f" &gt; {t}" for t, u in crumbs) + "</div>"
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{title} - {org}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="SiteName" content="{org}">{meta}</head>
<body><div class="header"><h1>{org}</h1>{nav}</div>
{pos}
<div class="main">{main}</div>
<div class="footer"><p>主办单位：{org} 联系电话：023-63880000</p><a href="/lxwm/">联系我们</a></div>
</body></html>
"""


def write(host, rel, text_or_bytes):
    p = os.path.join(HERE, host, rel)
    os.makedirs(os.path.dirname(p), exist_ok=True)
    mode = "wb" if isinstance(text_or_bytes, bytes) else "w"
    with open(p, mode, **({} if mode == "wb" else {"encoding": "utf-8"})) as f:
        f.write(text_or_bytes)


def column(host, org, rel, name, parent, items):
    crumbs = [("政务公开", "/zwgk/")] + parent + [(name, "/" + rel)]
    lis = "".join(f'<li><a href="{u}">{t}</a><span class="date">{d}</span></li>' for t, u, d in items)
    write(host, rel + "index.html", page(host, org, name, crumbs, f'<h2>{name}</h2><ul class="list">{lis}</ul>',
                                         f'\n<meta name="ColumnName" content="{name}">'))


def article(host, org, rel, title, date, crumbs, body):
    meta = f'\n<meta name="ArticleTitle" content="{title}">\n<meta name="PubDate" content="{date}">'
    write(host, rel, page(host, org, title, crumbs + [("正文", None)],
                          f'<h2>{title}</h2><p class="info">发布时间：{date}</p><div class="TRS_Editor">{body}</div>', meta))


def skeleton(host, org, menus):
    write(host, "index.html", page(host, org, org, [], "<p>欢迎访问。</p>"))
    lis = "".join(f'<li><a href="{u}">{t}</a></li>' for t, u in menus)
    write(host, "zwgk/index.html", page(host, org, "政务公开", [("政务公开", "/zwgk/")], f"<ul class='menu'>{lis}</ul>",
                                        '\n<meta name="ColumnName" content="政务公开">'))
    write(host, "lxwm/index.html", page(host, org, "联系我们", [("联系我们", "/lxwm/")], "<p>电话：023-63880000</p>"))


def main():
    for h in ["nbhtml.docs.gov.cn", "nbpdf.docs.gov.cn", "nbdocx.docs.gov.cn", "nbole.docs.gov.cn"]:
        shutil.rmtree(os.path.join(HERE, h), ignore_errors=True)

    # --- nbhtml: HTML 年报 (consistent), DOCX 解读, junk attachments ---
    host, org = "nbhtml.docs.gov.cn", "测试市网页年报局"
    skeleton(host, org, [("法定主动公开内容", "/zwgk/fdzdgknr/"), ("政府信息公开年报", "/zwgk/zfxxgknb/")])
    write(host, "zwgk/fdzdgknr/index.html", page(host, org, "法定主动公开内容", [("政务公开", "/zwgk/"), ("法定主动公开内容", "/zwgk/fdzdgknr/")],
          "<ul class='menu'><li><a href='/zwgk/fdzdgknr/zcjd/'>政策解读</a></li></ul>", '\n<meta name="ColumnName" content="法定主动公开内容">'))
    fd = [("法定主动公开内容", "/zwgk/fdzdgknr/")]
    write(host, "zwgk/fdzdgknr/zcjd/index.html", page(host, org, "政策解读", [("政务公开", "/zwgk/")] + fd + [("政策解读", "/zwgk/fdzdgknr/zcjd/")],
          "<ul class='menu'><li><a href='/zwgk/fdzdgknr/zcjd/wzjd/'>文字解读</a></li></ul>", '\n<meta name="ColumnName" content="政策解读">'))
    jd = fd + [("政策解读", "/zwgk/fdzdgknr/zcjd/")]
    column(host, org, "zwgk/fdzdgknr/zcjd/wzjd/", "文字解读", jd, [("《文旅消费促进办法》解读", "/zwgk/fdzdgknr/zcjd/wzjd/202611/t20261110_1.html", "2026-11-10")])
    article(host, org, "zwgk/fdzdgknr/zcjd/wzjd/202611/t20261110_1.html", "《文旅消费促进办法》解读", "2026-11-10",
            [("政务公开", "/zwgk/")] + jd + [("文字解读", "/zwgk/fdzdgknr/zcjd/wzjd/")],
            '<p>解读全文见附件：</p><p><a href="/zwgk/fdzdgknr/zcjd/wzjd/202611/P020261110_jd.docx">《文旅消费促进办法》解读.docx</a></p>')
    write_docx(os.path.join(HERE, host, "zwgk/fdzdgknr/zcjd/wzjd/202611/P020261110_jd.docx"), docx_jiedu("文旅消费促进办法"))
    column(host, org, "zwgk/zfxxgknb/", "政府信息公开年报", [], [
        (f"{org}2025年政府信息公开工作年度报告", "/zwgk/zfxxgknb/202601/t20260115_1.html", "2026-01-15"),
        (f"{org}2024年政府信息公开工作年度报告", "/zwgk/zfxxgknb/202501/t20250120_1.html", "2025-01-20")])
    nb = [("政务公开", "/zwgk/"), ("政府信息公开年报", "/zwgk/zfxxgknb/")]
    article(host, org, "zwgk/zfxxgknb/202601/t20260115_1.html", f"{org}2025年政府信息公开工作年度报告", "2026-01-15", nb,
            report_body(org, 2025) + '<p>附件：<a href="/zwgk/zfxxgknb/202601/P020260115_bomb.docx">统计表.docx</a> '
            '<a href="/zwgk/zfxxgknb/202601/P020260115_cut.pdf">统计表.pdf</a></p>')
    # last year's report with an arithmetic error: not judged (the newest is)
    article(host, org, "zwgk/zfxxgknb/202501/t20250120_1.html", f"{org}2024年政府信息公开工作年度报告", "2025-01-20", nb,
            report_body(org, 2024, errors=True))
    zip_bomb(os.path.join(HERE, host, "zwgk/zfxxgknb/202601/P020260115_bomb.docx"))

    # --- nbpdf: PDF 年报 with errors, PDF 解读, scanned and encrypted PDFs ---
    host, org = "nbpdf.docs.gov.cn", "测试市PDF年报局"
    skeleton(host, org, [("法定主动公开内容", "/zwgk/fdzdgknr/"), ("政府信息公开年报", "/zwgk/zfxxgknb/")])
    write(host, "zwgk/fdzdgknr/index.html", page(host, org, "法定主动公开内容", [("政务公开", "/zwgk/"), ("法定主动公开内容", "/zwgk/fdzdgknr/")],
          "<ul class='menu'><li><a href='/zwgk/fdzdgknr/zcjd/'>政策解读</a></li></ul>", '\n<meta name="ColumnName" content="法定主动公开内容">'))
    write(host, "zwgk/fdzdgknr/zcjd/index.html", page(host, org, "政策解读", [("政务公开", "/zwgk/")] + fd + [("政策解读", "/zwgk/fdzdgknr/zcjd/")],
          "<ul class='menu'><li><a href='/zwgk/fdzdgknr/zcjd/wzjd/'>文字解读</a></li></ul>", '\n<meta name="ColumnName" content="政策解读">'))
    column(host, org, "zwgk/fdzdgknr/zcjd/wzjd/", "文字解读", jd, [("《景区管理办法》解读", "/zwgk/fdzdgknr/zcjd/wzjd/202610/t20261020_1.html", "2026-10-20")])
    article(host, org, "zwgk/fdzdgknr/zcjd/wzjd/202610/t20261020_1.html", "《景区管理办法》解读", "2026-10-20",
            [("政务公开", "/zwgk/")] + jd + [("文字解读", "/zwgk/fdzdgknr/zcjd/wzjd/")],
            '<p><a href="/zwgk/fdzdgknr/zcjd/wzjd/202610/P020261020_jd.pdf">《景区管理办法》解读.pdf</a></p>'
            '<p><a href="/zwgk/fdzdgknr/zcjd/wzjd/202610/P020261020_scan.pdf">图解（扫描件）.pdf</a></p>')
    base = os.path.join(HERE, host, "zwgk/fdzdgknr/zcjd/wzjd/202610")
    os.makedirs(base, exist_ok=True)
    chromium_pdf(f"<h2>《景区管理办法》政策解读</h2>{jiedu_body('景区管理办法')}", os.path.join(base, "P020261020_jd.pdf"))
    img = base64.b64encode(png(360, 240)).decode()
    chromium_pdf(f'<img src="data:image/png;base64,{img}" style="width:160mm">', os.path.join(base, "P020261020_scan.pdf"))
    column(host, org, "zwgk/zfxxgknb/", "政府信息公开年报", [], [
        (f"{org}2025年政府信息公开工作年度报告", "/zwgk/zfxxgknb/202601/t20260120_1.html", "2026-01-20")])
    article(host, org, "zwgk/zfxxgknb/202601/t20260120_1.html", f"{org}2025年政府信息公开工作年度报告", "2026-01-20", nb,
            '<p>现将本机关2025年度报告全文公布如下（见附件）。</p>'
            '<p>附件：<a href="/zwgk/zfxxgknb/202601/P020260120_nb.pdf">2025年政府信息公开工作年度报告.pdf</a></p>'
            '<p><a href="/zwgk/zfxxgknb/202601/P020260120_secret.pdf">统计附表（加密）.pdf</a></p>')
    base = os.path.join(HERE, host, "zwgk/zfxxgknb/202601")
    os.makedirs(base, exist_ok=True)
    chromium_pdf(f"<h2>{org}2025年政府信息公开工作年度报告</h2>{report_body(org, 2025, errors=True)}", os.path.join(base, "P020260120_nb.pdf"))
    plain = os.path.join(base, "plain.pdf")
    chromium_pdf("<h2>统计附表</h2><p>行政许可 12 件。</p>", plain)
    subprocess.run(["qpdf", "--encrypt", "open-sesame", "owner-pass", "256", "--", plain, os.path.join(base, "P020260120_secret.pdf")], check=True)
    os.remove(plain)

    # --- nbdocx: DOCX 年报 listed directly; 预决算 articles wrapping 附件1 ---
    host, org = "nbdocx.docs.gov.cn", "测试市文档年报局"
    skeleton(host, org, [("法定主动公开内容", "/zwgk/fdzdgknr/"), ("政府信息公开年报", "/zwgk/zfxxgknb/")])
    write(host, "zwgk/fdzdgknr/index.html", page(host, org, "法定主动公开内容", [("政务公开", "/zwgk/"), ("法定主动公开内容", "/zwgk/fdzdgknr/")],
          "<ul class='menu'><li><a href='/zwgk/fdzdgknr/czyjs/'>预算/决算</a></li></ul>", '\n<meta name="ColumnName" content="法定主动公开内容">'))
    column(host, org, "zwgk/fdzdgknr/czyjs/", "预算/决算", fd, [
        ("部门预算公开", "/zwgk/fdzdgknr/czyjs/202603/t20260320_1.html", "2026-03-20"),
        ("部门决算公开", "/zwgk/fdzdgknr/czyjs/202508/t20250828_1.html", "2025-08-28")])
    ys = [("政务公开", "/zwgk/")] + fd + [("预算/决算", "/zwgk/fdzdgknr/czyjs/")]
    article(host, org, "zwgk/fdzdgknr/czyjs/202603/t20260320_1.html", "部门预算公开", "2026-03-20", ys,
            '<p><a href="/zwgk/fdzdgknr/czyjs/202603/P020260320_fj1.pdf">附件1</a></p>')
    base = os.path.join(HERE, host, "zwgk/fdzdgknr/czyjs/202603")
    os.makedirs(base, exist_ok=True)
    chromium_pdf(f"<h2>{org}2026年部门预算</h2><p>收支总表（单位：万元）</p><table><tr><td>收入合计</td><td>1200</td></tr></table>", os.path.join(base, "P020260320_fj1.pdf"))
    article(host, org, "zwgk/fdzdgknr/czyjs/202508/t20250828_1.html", "部门决算公开", "2025-08-28", ys,
            '<p><a href="/zwgk/fdzdgknr/czyjs/202508/P020250828_fj1.docx">附件1</a></p>')
    write_docx(os.path.join(HERE, host, "zwgk/fdzdgknr/czyjs/202508/P020250828_fj1.docx"), wp(f"{org}2025年部门决算") + wp("收支决算总表。"))
    column(host, org, "zwgk/zfxxgknb/", "政府信息公开年报", [], [
        (f"{org}2025年政府信息公开工作年度报告", "/zwgk/zfxxgknb/P020260118_nb.docx", "2026-01-18")])
    write_docx(os.path.join(HERE, host, "zwgk/zfxxgknb/P020260118_nb.docx"), docx_report(org, 2025))

    # --- nbole: DOC 年报 with errors, WPS 解读, XLSX/XLS/ET budgets (LibreOffice exports) ---
    host, org = "nbole.docs.gov.cn", "测试市办公文档年报局"
    skeleton(host, org, [("法定主动公开内容", "/zwgk/fdzdgknr/"), ("政府信息公开年报", "/zwgk/zfxxgknb/")])
    write(host, "zwgk/fdzdgknr/index.html", page(host, org, "法定主动公开内容", [("政务公开", "/zwgk/"), ("法定主动公开内容", "/zwgk/fdzdgknr/")],
          "<ul class='menu'><li><a href='/zwgk/fdzdgknr/zcjd/'>政策解读</a></li><li><a href='/zwgk/fdzdgknr/czyjs/'>财政预决算</a></li></ul>",
          '\n<meta name="ColumnName" content="法定主动公开内容">'))
    write(host, "zwgk/fdzdgknr/zcjd/index.html", page(host, org, "政策解读", [("政务公开", "/zwgk/")] + fd + [("政策解读", "/zwgk/fdzdgknr/zcjd/")],
          "<ul class='menu'><li><a href='/zwgk/fdzdgknr/zcjd/wzjd/'>文字解读</a></li></ul>", '\n<meta name="ColumnName" content="政策解读">'))
    column(host, org, "zwgk/fdzdgknr/zcjd/wzjd/", "文字解读", jd, [("《农村公路养护办法》解读", "/zwgk/fdzdgknr/zcjd/wzjd/202609/t20260915_1.html", "2026-09-15")])
    article(host, org, "zwgk/fdzdgknr/zcjd/wzjd/202609/t20260915_1.html", "《农村公路养护办法》解读", "2026-09-15",
            [("政务公开", "/zwgk/")] + jd + [("文字解读", "/zwgk/fdzdgknr/zcjd/wzjd/")],
            '<p>附件：<a href="/zwgk/fdzdgknr/zcjd/wzjd/202609/P020260915_jd.wps">解读全文.wps</a></p>')
    word97(f"<h2>《农村公路养护办法》政策解读</h2>{jiedu_body('农村公路养护办法')}",
           os.path.join(HERE, host, "zwgk/fdzdgknr/zcjd/wzjd/202609/P020260915_jd.wps"))
    column(host, org, "zwgk/fdzdgknr/czyjs/", "财政预决算", fd, [
        ("部门预算", "/zwgk/fdzdgknr/czyjs/202603/t20260325_1.html", "2026-03-25"),
        ("部门决算", "/zwgk/fdzdgknr/czyjs/202509/t20250905_1.html", "2025-09-05")])
    ys = [("政务公开", "/zwgk/")] + fd + [("财政预决算", "/zwgk/fdzdgknr/czyjs/")]
    article(host, org, "zwgk/fdzdgknr/czyjs/202603/t20260325_1.html", "部门预算", "2026-03-25", ys,
            '<p><a href="/zwgk/fdzdgknr/czyjs/202603/P020260325_fj1.xlsx">附件1</a></p>')
    excel(budget_table(f"{org}2026年部门预算收支总表", 1200), os.path.join(HERE, host, "zwgk/fdzdgknr/czyjs/202603/P020260325_fj1.xlsx"), True)
    article(host, org, "zwgk/fdzdgknr/czyjs/202509/t20250905_1.html", "部门决算", "2025-09-05", ys,
            '<p><a href="/zwgk/fdzdgknr/czyjs/202509/P020250905_fj1.xls">附件1</a> '
            '<a href="/zwgk/fdzdgknr/czyjs/202509/P020250905_fj2.et">附件2</a></p>')
    excel(budget_table(f"{org}2025年部门决算收支总表", 1100), os.path.join(HERE, host, "zwgk/fdzdgknr/czyjs/202509/P020250905_fj1.xls"), False)
    excel(budget_table(f"{org}2025年部门决算财政拨款支出表", 900), os.path.join(HERE, host, "zwgk/fdzdgknr/czyjs/202509/P020250905_fj2.et"), False)
    column(host, org, "zwgk/zfxxgknb/", "政府信息公开年报", [], [
        (f"{org}2025年政府信息公开工作年度报告", "/zwgk/zfxxgknb/202601/t20260122_1.html", "2026-01-22")])
    article(host, org, "zwgk/zfxxgknb/202601/t20260122_1.html", f"{org}2025年政府信息公开工作年度报告", "2026-01-22", nb,
            '<p>附件：<a href="/zwgk/zfxxgknb/202601/P020260122_nb.doc">2025年政府信息公开工作年度报告.doc</a></p>')
    word97(f"<h2>{org}2025年政府信息公开工作年度报告</h2>{report_body(org, 2025, errors=True)}",
           os.path.join(HERE, host, "zwgk/zfxxgknb/202601/P020260122_nb.doc"))

    # truncated PDF for nbhtml (a cut-off upload)
    with open(os.path.join(HERE, "nbpdf.docs.gov.cn/zwgk/zfxxgknb/202601/P020260120_nb.pdf"), "rb") as f:
        head = f.read(3000)
    write("nbhtml.docs.gov.cn", "zwgk/zfxxgknb/202601/P020260115_cut.pdf", head)


if __name__ == "__main__":
    main()
