#!/usr/bin/env python3
"""Regenerate the binary fixtures of the media-verification sites (tests/sites/media/).

Run from the repository root: python3 tests/sites/media/gen_media.py
Real images come from ImageMagick `convert` when installed (else tiny hand-built files);
everything else is built byte by byte here. HTML pages and _routes.toml are hand-written.
`@PORT@` in HTML is replaced by the fixture server's port by tests/verify_media.rs.
"""
import os, struct, subprocess, zlib

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)))
SITE = os.path.join(ROOT, "www.media.test")
EXT = os.path.join(ROOT, "cdn.media-ext.test")


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


def chunk(ty, data):
    return struct.pack(">I", len(data)) + ty + data + struct.pack(">I", zlib.crc32(ty + data))


def png(w, h, idat_extra=b""):
    raw = b"".join(b"\x00" + b"\x80\x20\x20" * w for _ in range(h))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw) + idat_extra) + chunk(b"IEND", b""))


def convert(args, fallback):
    try:
        return subprocess.run(["convert", *args], check=True, capture_output=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return fallback


def mp4(mdat=b""):
    ftyp = struct.pack(">I", 24) + b"ftypisom" + struct.pack(">I", 0x200) + b"isomiso2"
    return ftyp + struct.pack(">I", 8 + len(mdat)) + b"mdat" + mdat


valid_png = png(48, 32)
write(f"{SITE}/img/ok.png", valid_png)
write(f"{SITE}/img/logo.png", png(120, 40))
# signature + IHDR 400x300 + an IDAT chunk that claims 5000 bytes but stops after 20
cut = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 400, 300, 8, 2, 0, 0, 0))
       + struct.pack(">I", 5000) + b"IDAT" + b"\x78\x9c" + b"\x00" * 18)
write(f"{SITE}/img/truncated.png", cut)
# 100 KB PNG cut in the middle of a 200 KB IDAT: the 64 KiB probe cannot tell, a full read can
big_cut = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 2000, 1500, 8, 2, 0, 0, 0))
           + struct.pack(">I", 200_000) + b"IDAT")
big_cut += b"\x00" * (100_000 - len(big_cut))
write(f"{SITE}/img/big-cut.png", big_cut)
# 90 KB complete PNG (a large ancillary chunk before IDAT)
big_ok = png(64, 64)
big_ok = big_ok[:33] + chunk(b"tEXt", b"Comment\x00" + b"x" * 90_000) + big_ok[33:]
write(f"{SITE}/img/big-ok.png", big_ok)
jpeg = convert(["-size", "32x24", "xc:#c03030", "jpeg:-"], None)
if jpeg is None:
    jpeg = open("/root/.pyenv/versions/3.13.0/lib/python3.13/test/test_email/data/python.jpg", "rb").read()
write(f"{SITE}/img/photo.jpg", jpeg)
write(f"{SITE}/img/labelled-html.jpg", jpeg)
gif = convert(["-size", "16x16", "xc:#3060c0", "gif:-"], b"GIF89a\x10\x00\x10\x00\x00\x00\x00;")
write(f"{SITE}/img/icon.gif", gif)
write(f"{SITE}/img/poster.png", png(64, 36))

write(f"{SITE}/img/zero.png", png(0, 0))
write(f"{SITE}/video/ok.mp4", mp4())
write(f"{SITE}/video/moved-target.mp4", mp4(b"moved"))
write(f"{SITE}/video/slow.mp4", mp4())
write(f"{SITE}/video/empty.mp4", b"")
# 200 KB MP4 served by a route that ignores Range
write(f"{SITE}/_bodies/large.mp4", mp4(b"\x00" * (200_000 - 32)))
write(f"{SITE}/video/old.flv", b"FLV\x01\x05\x00\x00\x00\x09\x00\x00\x00\x00")
write(f"{SITE}/flash/player.swf", b"FWS\x0a" + struct.pack("<I", 64) + b"\x00" * 56)
write(f"{SITE}/audio/ok.mp3", b"ID3\x04\x00\x00\x00\x00\x00\x00" + b"\xff\xfb\x90\x64" + b"\x00" * 413)

pdf = (b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
       b"2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n"
       b"trailer\n<< /Root 1 0 R >>\n%%EOF\n")
write(f"{SITE}/docs/report.pdf", pdf)
write(f"{SITE}/docs/cut.pdf", pdf[:60])
write(f"{SITE}/docs/file.doc", b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + b"\x00" * 504)
# minimal OOXML-style zip (stored [Content_Types].xml)
name = b"[Content_Types].xml"
body = b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'
crc = zlib.crc32(body)
local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 0, 0, 0, crc, len(body), len(body), len(name), 0) + name + body
central = struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 0, 0, 0, crc, len(body), len(body), len(name), 0, 0, 0, 0, 0, 0) + name
end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 1, 1, len(central), len(local), 0)
write(f"{SITE}/docs/file.docx", local + central + end)
write(f"{SITE}/docs/not-a-docx.docx", b"This is a plain text note, not a Word file.\n")

write(f"{EXT}/files/guide.pdf", pdf)
write(f"{EXT}/img/banner.png", png(200, 50))
