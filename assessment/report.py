"""A self-contained HTML report of one result: opens offline, charts stay interactive, small enough to e-mail.

plotly.js is inlined once, as its basic bundle (scatter, bar, pie; 1.2 MB instead of the full 4.7 MB:
``report_assets/README.md``), so the file works with no network at all and stays under
``MAX_BYTES``. Every chart of a result uses only those trace types (``BASIC_TRACES``). Every piece
of text is escaped: the display name is whatever a person typed. A segment shows the ranges the
person chose, never the head-counts the scoring stands them for.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import zip_longest
from pathlib import Path

import plotly.graph_objects as go
import plotly.io as pio

from assessment.chart_text import ChartText
from assessment.scoring import Result, StepPart, step_parts
from assessment.text import plotly_separators
from assessment.wording import ResultWords

PLOTLY_BASIC = Path(__file__).with_name("report_assets") / "plotly-basic.min.js"
BASIC_TRACES = frozenset({"scatter", "bar", "pie"})  # what the basic bundle draws
MAX_BYTES = 1_500_000  # a report must be small enough to e-mail (issue 10: at most 1.5 MB)

_STYLE = (
    "body{font-family:system-ui,-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;max-width:760px;margin:0 auto;"  # not-text
    'padding:24px 16px;color:#1a1a1a;line-height:1.5}'
    'h1{font-size:1.9rem;margin-bottom:.2rem} h2{margin-top:2rem;font-size:1.3rem}'
    '.scores{display:flex;gap:24px;font-size:1.4rem} .scores b{font-size:2rem}'
    '.card{border:1px solid #ddd;border-radius:8px;padding:8px 16px;margin:10px 0}'
    '.muted{color:#555;font-size:.9rem} .part{font-weight:600;color:#0b4f6c}'
    'table{border-collapse:collapse} th,td{padding:4px 14px 4px 0;text-align:left} tr+tr{border-top:1px solid #eee} .caution{background:#fff4e0;border-left:4px solid #E69F00;padding:8px 16px}'
)


@dataclass(frozen=True, slots=True)
class ReportTexts:
    """The report's words in the reader's language, built by the UI (ui/results_flow.py)."""

    title: str                 # "Wide & Deep results", or with the person's name (escaped here)
    dated: str                 # "Made on December 1, 2026", in the reader's language
    width: str
    depth: str
    out_of: str                # "/100"
    where: str
    dimensions: str
    next_steps: str
    network_title: str
    network_rows: tuple[tuple[str, float, float], ...]  # (source, width, depth); the last is the total
    network_note: str
    idea: str                  # "The idea behind it: {idea}" with {idea} left in, filled per card
    footer: str                # "Questionnaire …. How the scores are computed:", then the link
    method_url: str            # the method page's address
    not_recorded: str          # a band a result saved before bands were kept cannot show
    # (side, already there) -> the sentence naming the part of the network a step is about, with
    # {part}, {band} and {start} left in, filled per card (scoring.step_parts)
    step_part: Mapping[tuple[str, bool], str] = field(default_factory=dict)
    profile_notes: tuple[str, ...] = ()  # why the profile and the map's dot differ, when they do


def render_report(result: Result, words: ResultWords, figures: Sequence[go.Figure], texts: ReportTexts,
                  in_words: Sequence[ChartText] = ()) -> str:
    """The whole report as one HTML string; ``in_words`` are the figures' sentences and tables
    (``chart_text.result_texts``, in the order of ``figures``), shown under each figure."""
    e = html.escape
    guidance = dict(words.questionnaire.guidance)
    profile = words.profile(result.profile.id)
    charts = [
        pio.to_html(_untitled(fig, words.questionnaire.language), full_html=False, include_plotlyjs=False,
                    config={"displayModeBar": False, "responsive": True}) + (_in_words(alt) if alt else "")
        for fig, alt in zip_longest(figures, in_words[:len(figures)])
    ]
    script = f"<script>{_plotly_basic()}</script>" if charts else ""
    parts = [_step_part(words, result, p, texts) for p in step_parts(words.questionnaire, result)]
    advice = "".join(
        f"<div class='card'><p><b>{n}. {e(a.title)}</b></p>{part}<p>{e(a.text)}</p>{_idea(a.guidance, guidance, texts)}</div>"
        for n, (a, part) in enumerate(zip(map(words.advice, result.advice), parts), start=1)
    )
    caution = ""
    if result.caution:
        c = words.caution()
        caution = f"<p class='caution'><b>{e(c.title)}</b> — {e(c.text)}</p>"
    title, lang = e(texts.title), f'lang="{e(words.questionnaire.language)}"'  # the reader's, not the taker's
    url = e(texts.method_url)
    footer = f'<p class="muted">{e(texts.footer)} <a href="{url}">{url}</a></p>'  # not-text: markup
    return f"""<!doctype html>
<html {lang}><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title><style>{_STYLE}</style>{script}</head><body>
<h1>{title}</h1>
<p class="muted">{e(texts.dated)}</p>
<h2>{e(profile.name)}</h2><p><i>{e(profile.tagline)}</i></p><p>{e(profile.summary)}</p>
<div class="scores"><span>{e(texts.width)} <b>{result.width:.0f}</b>{e(texts.out_of)}</span><span>{e(texts.depth)} <b>{result.depth:.0f}</b>{e(texts.out_of)}</span></div>
{caution}
{charts[0] if charts else ''}
{"".join(f"<p class='muted'>{e(note)}</p>" for note in texts.profile_notes)}
<h2>{e(texts.where)}</h2>
{charts[2] if len(charts) > 2 else ''}
<h2>{e(texts.dimensions)}</h2>
{charts[1] if len(charts) > 1 else ''}
<h2>{e(texts.next_steps)}</h2>{advice}
{_network_section(texts)}
{footer}
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


def _in_words(alt: ChartText) -> str:
    """A figure's sentence and its table, for a reader who cannot see the chart (or prints the report)."""
    e = html.escape
    head = "".join(f"<th scope='col'>{e(c)}</th>" for c in alt.columns)
    body = "".join("<tr>" + "".join(f"<td>{e(cell)}</td>" for cell in row) + "</tr>" for row in alt.rows)
    table = f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>" if alt.rows else ""
    return f"<p class='summary'>{e(alt.summary)}</p>{table}"


def _untitled(fig: go.Figure, language: str) -> dict:
    """The figure without its own title (the report's headings and score line say it once), its
    numbers written the reader's way."""
    data = fig.to_dict()
    data["layout"].pop("title", None)
    data["layout"]["separators"] = plotly_separators(language)
    return data


def _idea(ids: Sequence[str], guidance: dict[str, str], texts: ReportTexts) -> str:
    """The first idea behind a card in plain words (the codes and the full trace are on the method page)."""
    idea = next((guidance[g] for g in ids if g in guidance), None)
    return "" if idea is None else f"<p class='muted'>{html.escape(texts.idea.replace('{idea}', idea))}</p>"


def _step_part(words: ResultWords, result: Result, part: StepPart | None, texts: ReportTexts) -> str:
    """The line naming the part of the network a step is about ("" without a segment map), as on the page."""
    template = None if part is None else texts.step_part.get((part.axis, part.reached))
    if template is None:
        return ""
    said = words.part(part, result)
    line = (template.replace("{part}", said.name).replace("{band}", said.band or texts.not_recorded)
            .replace("{start}", said.start))
    return f"<p class='part'>{html.escape(line)}</p>"


@cache
def _plotly_basic() -> str:
    return PLOTLY_BASIC.read_text(encoding="utf-8")
