"""The letter's blocks written out: Markdown, HTML, and PDF from the HTML.

PDF goes through WeasyPrint (the ``pdf`` extra), which needs the system's Pango; Chinese is
set in the system's Noto CJK fonts (Debian: ``fonts-noto-cjk``). Nothing else here needs
either, so ``paycheck.claim`` imports without them.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from paycheck.claim.document import Block

INSTALL = "pip install 'paycheck-labour[pdf]'"


class PdfUnavailable(RuntimeError):
    """WeasyPrint (or the system library it needs) is not installed."""

    def __init__(self, why: str) -> None:
        super().__init__(
            f"PDF needs WeasyPrint: {INSTALL} (from a checkout: pip install '.[pdf]'), and the "
            f"system's Pango and Noto CJK fonts (Debian: apt-get install libpango-1.0-0 "
            f"libpangoft2-1.0-0 fonts-noto-cjk) ({why})"
        )


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def markdown(blocks: Sequence[Block]) -> str:
    out: list[str] = []
    for b in blocks:
        if b.kind == "title":
            out.append(f"# {b.text}")
        elif b.kind == "heading":
            out.append(f"## {b.text}")
        elif b.kind == "note":
            out.append(f"> {b.text}")
        elif b.kind == "warning":
            out.append(f"> **{b.text}**")
        elif b.kind in {"list", "steps"}:
            indent = "    " if b.kind == "steps" else ""
            out.append("\n".join(f"{indent}- {item}" for item in b.items))
        elif b.kind in {"lines", "sign"}:  # one line each: a hard break between them
            out.append("  \n".join(item or "&nbsp;" for item in b.items))
        elif b.kind == "table":
            head, *rows = b.rows
            lines = [
                "| " + " | ".join(_cell(h) for h in head) + " |",
                "|" + "|".join(" --- " for _ in head) + "|",
            ]
            lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
            out.append("\n".join(lines))
        else:
            out.append(b.text)
    return "\n\n".join(out) + "\n"


CSS = """
@page { size: A4; margin: 20mm 18mm 22mm 18mm;
        @bottom-center { content: counter(page) " / " counter(pages);
                         font-size: 9pt; color: #555; } }
body { font-family: "Noto Serif CJK SC", "Noto Serif", "DejaVu Serif", serif;
       font-size: 11pt; line-height: 1.55; color: #111; max-width: 48em; margin: 0 auto; }
html:not(:lang(zh)) body { font-family: "DejaVu Serif", "Noto Serif", "Noto Serif CJK SC", serif; }
h1 { font-size: 18pt; text-align: center; margin: 0 0 0.6em; }
h2 { font-size: 13pt; margin: 1.2em 0 0.4em; border-bottom: 1px solid #999; }
p { margin: 0.4em 0; }
.note { font-size: 9.5pt; color: #444; border-left: 3px solid #999; padding-left: 0.6em; }
.warning { font-weight: bold; border: 2px solid #b00; background: #fff3f3;
           padding: 0.5em 0.7em; margin: 0.7em 0; }
.lines p, .sign p { margin: 0.15em 0; }
.sign { margin-top: 1.5em; }
ul.steps { font-family: "Noto Sans Mono CJK SC", "DejaVu Sans Mono", monospace;
           font-size: 9pt; color: #333; }
table { border-collapse: collapse; width: 100%; font-size: 10pt; margin: 0.5em 0; }
th, td { border: 1px solid #888; padding: 0.25em 0.4em; vertical-align: top; text-align: left; }
th { background: #eee; }
"""


def html(blocks: Sequence[Block], lang: str, title: str) -> str:
    parts: list[str] = []
    for b in blocks:
        text = escape(b.text)
        if b.kind == "title":
            parts.append(f"<h1>{text}</h1>")
        elif b.kind == "heading":
            parts.append(f"<h2>{text}</h2>")
        elif b.kind in {"note", "warning"}:
            parts.append(f'<p class="{b.kind}">{text}</p>')
        elif b.kind in {"list", "steps"}:
            items = "".join(f"<li>{escape(i)}</li>" for i in b.items)
            parts.append(f'<ul class="{b.kind}">{items}</ul>')
        elif b.kind in {"lines", "sign"}:
            lines = "".join(f"<p>{escape(i) or '&nbsp;'}</p>" for i in b.items)
            parts.append(f'<div class="{b.kind}">{lines}</div>')
        elif b.kind == "table":
            head, *rows = b.rows
            th = "".join(f"<th>{escape(h)}</th>" for h in head)
            trs = "".join(
                "<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in rows
            )
            parts.append(f"<table><thead><tr>{th}</tr></thead><tbody>{trs}</tbody></table>")
        else:
            parts.append(f"<p>{text}</p>")
    code = lang.replace("_", "-")
    return (
        f'<!DOCTYPE html>\n<html lang="{code}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        + "\n".join(parts)
        + "\n</body>\n</html>\n"
    )


def pdf(document: str) -> bytes:
    """An HTML document as PDF bytes, through WeasyPrint."""
    try:
        from weasyprint import HTML
    except (ImportError, OSError) as exc:  # OSError: WeasyPrint without the system's Pango
        raise PdfUnavailable(str(exc).splitlines()[0] if str(exc) else type(exc).__name__) from None
    data = HTML(string=document).write_pdf()
    assert isinstance(data, bytes)
    return data
