#!/usr/bin/python3
"""Reads a .docx with python-docx (an implementation independent of the one that wrote it)
and prints what the tests check, as JSON: headings with levels, paragraphs, tables,
inline images, header and footer text and field codes, and each section's page setup.

Usage: /usr/bin/python3 tests/helpers/docx_read.py FILE.docx
"""
import json
import re
import sys

import docx
from docx.oxml.ns import qn


def fields(element):
    """Field instructions (complex w:instrText and simple w:fldSimple) under an element."""
    out = [t.text.strip() for t in element.iter(qn("w:instrText")) if t.text and t.text.strip()]
    out += [f.get(qn("w:instr")).strip() for f in element.iter(qn("w:fldSimple"))]
    return out


def part_text(part):
    return "\n".join(p.text for p in part.paragraphs)


def heading_level(paragraph):
    name = paragraph.style.name if paragraph.style is not None else ""
    m = re.fullmatch(r"Heading (\d)", name)
    return int(m.group(1)) if m else None


def table_json(table):
    first = table.rows[0]._tr if table.rows else None
    trPr = first.find(qn("w:trPr")) if first is not None else None
    repeat = trPr is not None and trPr.find(qn("w:tblHeader")) is not None
    return {
        "headerRepeats": repeat,
        "rows": [[cell.text for cell in row.cells] for row in table.rows],
    }


def main(path):
    d = docx.Document(path)
    body = d.element.body
    headings, paragraphs = [], []
    for p in d.paragraphs:
        level = heading_level(p)
        if level is not None:
            headings.append({"level": level, "text": p.text})
        paragraphs.append({"style": p.style.name if p.style is not None else "", "text": p.text})
    sections = []
    for s in d.sections:
        sections.append({
            "orientation": "landscape" if s.orientation == docx.enum.section.WD_ORIENT.LANDSCAPE else "portrait",
            "pageWidth": s.page_width,
            "pageHeight": s.page_height,
            "header": part_text(s.header),
            "footer": part_text(s.footer),
            "headerFields": fields(s.header._element),
            "footerFields": fields(s.footer._element),
        })
    result = {
        "headings": headings,
        "paragraphs": paragraphs,
        "tables": [table_json(t) for t in d.tables],
        "inlineImages": len(d.inline_shapes),
        "bodyFields": fields(body),
        "sections": sections,
        "styles": sorted(s.name for s in d.styles),
        "title": d.core_properties.title,
    }
    json.dump(result, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1])
