"""The HTML part of a mail: the plain text as simple, accessible HTML with working links."""

from __future__ import annotations

import re

from markupsafe import Markup, escape

URL = re.compile(r"https?://[^\s<>\"]+[^\s<>\".,;:!?)]")
PAGE = Markup(
    '<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
    "<title>{title}</title>\n</head>\n"
    '<body style="font-family: Arial, sans-serif; font-size: 16px; line-height: 1.5; '
    'color: #1a1a1a; max-width: 40em;">\n{body}\n</body>\n</html>\n'
)


def _linked(line: str) -> Markup:
    """A line, escaped, with its addresses as links."""
    parts: list[Markup] = []
    position = 0
    for found in URL.finditer(line):
        parts.append(escape(line[position : found.start()]))
        parts.append(Markup('<a href="{0}">{0}</a>').format(found.group()))
        position = found.end()
    parts.append(escape(line[position:]))
    return Markup("").join(parts)


def mail_html(subject: str, text: str, language: str) -> str:
    """The mail's text as HTML: each paragraph a <p>, its lines kept, links clickable."""
    paragraphs = [block for block in re.split(r"\n\s*\n", text.strip()) if block.strip()]
    body = Markup("\n").join(
        Markup("<p>{}</p>").format(
            Markup("<br>\n").join(_linked(line) for line in block.split("\n"))
        )
        for block in paragraphs
    )
    return str(PAGE.format(lang=language, title=subject, body=body))
