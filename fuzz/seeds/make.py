#!/usr/bin/env python3
"""Writes the fuzz targets' seed inputs into load/ and reader/ beside this file.

Run from anywhere: python3 fuzz/seeds/make.py. The corpus starts from these
(cp fuzz/seeds/<target>/* fuzz/corpus/<target>/).
"""
import os

HERE = os.path.dirname(os.path.abspath(__file__))
REAL = os.path.join(HERE, "..", "..", "content", "zhongshan-kjj-2021-142.yaml")

# A small letter that loads: every section, a figure, a point, a note, an erratum.
MINIMAL = (
    "classification: A类\nissuer: 某局\ndoc_number: 某函〔2021〕1号\ntitle: 答复的函\n"
    "proposal: {number: 1, session: 某会议, title: 某建议}\naddressee: 某委员\n"
    "opening: [您好。]\nsuggestions:\n  - title: 关于某事的建议\n    response: 吸取采纳该建议。\n"
    "    measures:\n      - title: 做某事\n        paragraphs: [共3家企业。]\n"
    "        figures: [{text: 共3家, value: 3, unit: 家, what: 企业, qualifier: 共}]\n"
    "        points:\n          - text: 一是人工智能1项。\n"
    "            figures: [{text: 1项, value: 1, unit: 项, what: 项目}]\n"
    "closing: [特此答复。]\ncontact: 联系人：某某\ncc: 抄送：某委\n"
    "errata: [{original: 某 局, corrected: 某局, note: 删去空格}]\n"
    "notes: [{text: 人工智能, note: 原文如此}]\n"
    "signature: {issuer: 某局, date: 2021-07-28}\n"
)

LOAD = {
    "real.yaml": open(REAL, "rb").read(),
    "minimal.yaml": MINIMAL.encode(),
    "minimal-crlf-bom.yaml": b"\xef\xbb\xbf" + MINIMAL.replace("\n", "\r\n").encode(),
    # ESC, BEL, RLO, tab, NEL, LINE SEPARATOR in the opening; a CSI in a title.
    "escapes.yaml": MINIMAL.replace(
        "opening: [您好。]",
        'opening: ["您好\\e]0;pwned\\a\\u202e。\\t\\u0085\\u2028x"]',
    )
    .replace("title: 做某事", 'title: "做\\e[2J某事"')
    .encode(),
    "aliases.yaml": MINIMAL.replace("opening: [您好。]", "opening: &o [您好。]")
    .replace("closing: [特此答复。]", "closing: *o")
    .encode(),
    "nested.yaml": ("a: " + "[" * 64 + "]" * 64 + "\n").encode(),
    "alias-bomb.yaml": b'a: &a ["x","x"]\nb: &b [*a,*a]\nc: &c [*b,*b]\nd: &d [*c,*c]\ne: [*d,*d]\n',
    "wrong-shape.yaml": b"- 1\n- 2\n",
    "bad-utf8.yaml": MINIMAL.encode()[:40] + b"\xff\xfe" + MINIMAL.encode()[40:],
}


def key(c):
    """A plain key press of printable ASCII `c` (tag 0, then the character less 32)."""
    return bytes([0, ord(c) - 32])


def keys(s):
    return b"".join(key(c) for c in s)


def start(width, height, flags=0):
    """The header: width - 1 as a little-endian u16, height - 1, flags (1: English, 2: wide)."""
    return bytes([(width - 1) & 0xFF, (width - 1) >> 8, height - 1, flags])


READER = {
    "keys-81x25": start(81, 25) + keys("jjlEGkkhCg"),
    # Search for four odd characters (tag 7 picks from INTERESTING), Enter, next, filter.
    "search-1x1": start(1, 1) + key("/") + b"".join(bytes([7, i]) for i in range(4))
    + bytes([9, 4]) + keys("n&"),
    "figures-121x37-en-wide": start(121, 37, 3) + keys("fsu") + bytes([9, 4]) + key("?")
    + bytes([9, 5]),
    # Wheel, click, resizes (tag 12), wheel up at the corner.
    "mouse-resize": start(201, 51) + bytes([11, 0, 10, 0, 5, 0, 11, 2, 60, 0, 8, 0])
    + bytes([12, 3, 0, 2, 12, 43, 1, 99, 11, 1, 0, 0, 0, 0]),
    # Search, paste five characters (tag 13), Ctrl-W, Enter, copy, Home.
    "paste-copy": start(61, 21, 1) + key("/")
    + bytes([13, 5, 0x80, 0x81, ord("a"), 0x8A, 0xC0, 0x00, 0x20])
    + bytes([0xF0, ord("w") - 32, 9, 4]) + key("y") + bytes([9, 6]),
}

for target, seeds in (("load", LOAD), ("reader", READER)):
    os.makedirs(os.path.join(HERE, target), exist_ok=True)
    for name, data in seeds.items():
        with open(os.path.join(HERE, target, name), "wb") as f:
            f.write(data)
