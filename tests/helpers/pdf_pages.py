#!/usr/bin/python3
"""The text of each page of a PDF written by LibreOffice, as a JSON list of strings (one per page, in order).

Usage: pdf_pages.py FILE.pdf

A small reader of its own (no poppler on the machines): objects and FlateDecode streams, the page tree, each
page's content streams and the fonts' ToUnicode maps, the text-showing operators (Tj, TJ, ', "). Enough for
"which page says what" in tests; not a general PDF parser (no object streams, no encryption: LibreOffice's
export uses neither). Text blocks are separated by newlines; a large TJ gap becomes a space.
"""
import json
import re
import sys
import zlib

OBJ = re.compile(rb"(\d+)\s+(\d+)\s+obj\b(.*?)\bendobj", re.S)


def read_objects(data):
    objects = {}
    for m in OBJ.finditer(data):
        body = m.group(3)
        stream = None
        s = re.search(rb"stream\r?\n", body)
        if s and body.lstrip().startswith(b"<<"):
            head = body[: s.start()]
            raw = body[s.end():]
            end = raw.rfind(b"endstream")
            raw = raw[:end].rstrip(b"\r\n") if end >= 0 else raw
            if b"/FlateDecode" in head:
                try:
                    raw = zlib.decompressobj().decompress(raw)
                except zlib.error:
                    raw = b""
            stream = raw
            body = head
        objects[int(m.group(1))] = (body, stream)
    return objects


def ref(body, key):
    m = re.search(rb"/" + key + rb"\s*(\d+)\s+\d+\s+R", body)
    return int(m.group(1)) if m else None


def refs_in(text):
    return [int(x) for x in re.findall(rb"(\d+)\s+\d+\s+R", text)]


def dict_value(body, key, objects):
    """The << ... >> after /key, inline or through a reference."""
    m = re.search(rb"/" + key + rb"\s*(<<|\d+\s+\d+\s+R)", body)
    if not m:
        return b""
    if m.group(1) == b"<<":
        depth, i = 0, m.start(1)
        while i < len(body):
            if body.startswith(b"<<", i):
                depth += 1
                i += 2
            elif body.startswith(b">>", i):
                depth -= 1
                i += 2
                if depth == 0:
                    return body[m.start(1): i]
            else:
                i += 1
        return body[m.start(1):]
    return objects.get(refs_in(m.group(1))[0], (b"", None))[0]


def hex_bytes(h):
    h = re.sub(rb"\s", b"", h)
    if len(h) % 2:
        h += b"0"
    return bytes.fromhex(h.decode())


def parse_cmap(stream):
    width = 1
    cs = re.search(rb"begincodespacerange\s*<([0-9A-Fa-f]+)>", stream)
    if cs:
        width = len(cs.group(1)) // 2
    table = {}
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", stream, re.S):
        for src, dst in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>", block):
            table[int(src, 16)] = hex_bytes(dst).decode("utf-16-be", "replace")
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", stream, re.S):
        for a, b, rest in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(\[[^\]]*\]|<[0-9A-Fa-f]*>)", block):
            lo, hi = int(a, 16), int(b, 16)
            if rest.startswith(b"["):
                for i, d in enumerate(re.findall(rb"<([0-9A-Fa-f]*)>", rest)):
                    table[lo + i] = hex_bytes(d).decode("utf-16-be", "replace")
            else:
                start = hex_bytes(rest[1:-1])
                base = int.from_bytes(start, "big")
                for i in range(hi - lo + 1):
                    table[lo + i] = (base + i).to_bytes(len(start), "big").decode("utf-16-be", "replace")
    return width, table


def literal(s):
    out, i = bytearray(), 0
    while i < len(s):
        c = s[i]
        if c == 0x5C and i + 1 < len(s):
            n = s[i + 1]
            esc = {ord("n"): 10, ord("r"): 13, ord("t"): 9, ord("b"): 8, ord("f"): 12}
            if n in esc:
                out.append(esc[n])
                i += 2
            elif 0x30 <= n <= 0x37:
                m = re.match(rb"[0-7]{1,3}", s[i + 1:])
                out.append(int(m.group(0), 8) & 0xFF)
                i += 1 + len(m.group(0))
            else:
                out.append(n)
                i += 2
        else:
            out.append(c)
            i += 1
    return bytes(out)


TOKEN = re.compile(rb"\((?:\\.|[^\\()]|\((?:\\.|[^\\()])*\))*\)|<[0-9A-Fa-f\s]*>|\[|\]|/[^\s/\[\]()<>]+|[-+]?\d*\.?\d+|[A-Za-z'\"*]+")


def page_text(content, fonts):
    out, stack, font = [], [], None
    width, table = 1, {}

    def show(b):
        if not table:
            out.append(b.decode("latin-1"))
            return
        for i in range(0, len(b) - width + 1, width):
            out.append(table.get(int.from_bytes(b[i: i + width], "big"), ""))

    array = None
    for tok in TOKEN.findall(content):
        if tok.startswith(b"("):
            v = literal(tok[1:-1])
            (array if array is not None else stack).append(v)
        elif tok.startswith(b"<"):
            v = hex_bytes(tok[1:-1])
            (array if array is not None else stack).append(v)
        elif tok == b"[":
            array = []
        elif tok == b"]":
            stack.append(array)
            array = None
        elif tok.startswith(b"/") or re.fullmatch(rb"[-+]?\d*\.?\d+", tok):
            v = tok if tok.startswith(b"/") else float(tok)
            (array if array is not None else stack).append(v)
        else:
            op = tok
            if op == b"Tf" and len(stack) >= 2 and isinstance(stack[-2], bytes):
                font = stack[-2][1:]
                width, table = fonts.get(font, (1, {}))
            elif op == b"Tj" and stack and isinstance(stack[-1], bytes):
                show(stack[-1])
            elif op in (b"'", b'"') and stack and isinstance(stack[-1], bytes):
                out.append("\n")
                show(stack[-1])
            elif op == b"TJ" and stack and isinstance(stack[-1], list):
                for part in stack[-1]:
                    if isinstance(part, bytes):
                        show(part)
                    elif part < -200:
                        out.append(" ")
            elif op in (b"ET", b"T*", b"Td", b"TD"):
                out.append("\n")
            stack = []
    return "".join(out)


def pages_of(objects):
    catalog = next(b for b, _ in objects.values() if re.search(rb"/Type\s*/Catalog", b))
    order = []

    def walk(n):
        body = objects[n][0]
        if re.search(rb"/Type\s*/Pages\b", body):
            kids = re.search(rb"/Kids\s*\[(.*?)\]", body, re.S)
            for k in refs_in(kids.group(1)):
                walk(k)
        else:
            order.append(n)

    walk(ref(catalog, b"Pages"))
    return order


def main(path):
    with open(path, "rb") as f:
        data = f.read()
    objects = read_objects(data)
    cmaps = {}
    texts = []
    for n in pages_of(objects):
        body = objects[n][0]
        resources = dict_value(body, b"Resources", objects)
        font_dict = dict_value(resources, b"Font", objects)
        fonts = {}
        for name, num in re.findall(rb"/([^\s/<>\[\]]+)\s*(\d+)\s+\d+\s+R", font_dict):
            if num not in cmaps:
                tu = ref(objects.get(int(num), (b"", None))[0], b"ToUnicode")
                cmaps[num] = parse_cmap(objects[tu][1] or b"") if tu is not None else (1, {})
            fonts[name] = cmaps[num]
        contents = re.search(rb"/Contents\s*(\[[^\]]*\]|\d+\s+\d+\s+R)", body)
        stream = b"\n".join(objects[c][1] or b"" for c in refs_in(contents.group(1))) if contents else b""
        texts.append(page_text(stream, fonts))
    print(json.dumps(texts))


if __name__ == "__main__":
    main(sys.argv[1])
