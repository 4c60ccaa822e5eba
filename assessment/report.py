"""A self-contained HTML report of one result: opens offline, charts stay interactive.

plotly.js is inlined once (about 4.7 MB), so the file works with no network at all. Every
piece of text is escaped: the display name is whatever a person typed.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import plotly.graph_objects as go

from assessment.scoring import Result
from assessment.wording import ResultWords

_STYLE = (
    "body{font-family:system-ui,-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;max-width:760px;margin:0 auto;"  # not-text
    'padding:24px 16px;color:#1a1a1a;line-height:1.5}'
    'h1{font-size:1.9rem;margin-bottom:.2rem} h2{margin-top:2rem;font-size:1.3rem}'
    '.scores{display:flex;gap:24px;font-size:1.4rem} .scores b{font-size:2rem}'
    '.card{border:1px solid #ddd;border-radius:8px;padding:8px 16px;margin:10px 0}'
    '.muted{color:#555;font-size:.9rem}'
    'table{border-collapse:collapse} th,td{padding:4px 14px 4px 0;text-align:left} tr+tr{border-top:1px solid #eee} .caution{background:#fff4e0;border-left:4px solid #E69F00;padding:8px 16px}'
)


@dataclass(frozen=True, slots=True)
class ReportTexts:
    """The report's words in the reader's language, built by the UI (ui/results_flow.py)."""

    title: str                 # "Wide & Deep results", or with the person's name (escaped here)
    width: str
    depth: str
    out_of: str                # "/100"
    where: str
    part: str                  # table heads of the segments table
    known: str
    favour: str
    wide: str
    deep: str
    dimensions: str
    next_steps: str
    network_title: str
    network_rows: tuple[tuple[str, float, float], ...]  # (source, width, depth); the last is the total
    network_note: str
    footer: str


def render_report(result: Result, words: ResultWords, figures: Sequence[go.Figure], texts: ReportTexts) -> str:
    """The whole report as one HTML string."""
    e = html.escape
    guidance = dict(words.questionnaire.guidance)
    profile = words.profile(result.profile.id)
    charts = [
        fig.to_html(full_html=False, include_plotlyjs=(n == 0), config={"displayModeBar": False, "responsive": True})
        for n, fig in enumerate(figures)
    ]
    advice = "".join(
        f"<div class='card'><p><b>{n}. {e(a.title)}</b></p><p>{e(a.text)}</p>"
        f"<p class='muted'>{e(_guidance_line(a.guidance, guidance))}</p></div>"
        for n, a in enumerate(map(words.advice, result.advice), start=1)
    )
    caution = ""
    if result.caution:
        c = words.caution()
        caution = f"<p class='caution'><b>{e(c.title)}</b> — {e(c.text)}</p>"
    segments = "".join(
        f"<tr><td>{e(words.segment(s.id))}</td><td>~{s.contacts:g}</td><td>~{s.favour:g}</td>"
        f"<td>{e(texts.wide) if s.wide else ''} {e(texts.deep) if s.deep else ''}</td></tr>"
        for s in result.segments
    )
    title, lang = e(texts.title), f'lang="{e(result.language)}"'
    return f"""<!doctype html>
<html {lang}><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title><style>{_STYLE}</style></head><body>
<h1>{title}</h1>
<h2>{e(profile.name)}</h2><p><i>{e(profile.tagline)}</i></p><p>{e(profile.summary)}</p>
<div class="scores"><span>{e(texts.width)} <b>{result.width:.0f}</b>{e(texts.out_of)}</span><span>{e(texts.depth)} <b>{result.depth:.0f}</b>{e(texts.out_of)}</span></div>
{caution}
{charts[0] if charts else ''}
<h2>{e(texts.where)}</h2>
<table><tr><th>{e(texts.part)}</th><th>{e(texts.known)}</th><th>{e(texts.favour)}</th><th></th></tr>{segments}</table>
{charts[2] if len(charts) > 2 else ''}
<h2>{e(texts.dimensions)}</h2>
{charts[1] if len(charts) > 1 else ''}
<h2>{e(texts.next_steps)}</h2>{advice}
{_network_section(texts)}
<p class="muted">{e(texts.footer)}</p>
</body></html>"""


def _network_section(texts: ReportTexts) -> str:
    """How a network map fed Width and Depth: numbers only, as on the share page (no names)."""
    if not texts.network_rows:
        return ""
    e = html.escape
    *sources, (label, width, depth) = texts.network_rows
    rows = "".join(f"<tr><td>{e(s)}</td><td>{w:.0f}</td><td>{d:.0f}</td></tr>" for s, w, d in sources)
    rows += f"<tr><td><b>{e(label)}</b></td><td><b>{width:.0f}</b></td><td><b>{depth:.0f}</b></td></tr>"
    return (
        f"<h2>{e(texts.network_title)}</h2>"
        f"<table><tr><th></th><th>{e(texts.width)}</th><th>{e(texts.depth)}</th></tr>{rows}</table>"
        f"<p class='muted'>{e(texts.network_note)}</p>"
    )


def _guidance_line(ids: Sequence[str], guidance: Mapping[str, str]) -> str:
    return " · ".join(f"{g}: {guidance.get(g, '')}" for g in ids)
