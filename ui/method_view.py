"""The method page: how Wide & Deep turns answers into scores, for a facilitator to explain.

The one written account of the method: its words are in content/en/ui/method.yaml, every fact in it
(counts, thresholds, weights, labels, guidance) comes from the content; docs/method.md points here.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from assessment.method import dimension_table, guidance_table, item_table
from assessment.network.blend import N_FULL, N_MIN, W_MAX
from assessment.network.content import NetworkContent
from assessment.room.summary import DOT_GRID, FLOOR_RESPONSES, MIN_RESPONSES
from assessment.questionnaire import Band, Questionnaire
from assessment.scoring import CLOSE_POINTS

from . import resources
from .text import language, t

STATEMENT = Path(__file__).resolve().parents[1] / "docs" / "accessibility.md"
MAINTAINERS = "\n## For maintainers"  # the statement shown on the method page stops here  # not-text


def _label(bands: tuple[Band, ...], n: int) -> str:
    return bands[max(n, 0)].label if bands else ""


def rules_with_examples(q: Questionnaire) -> tuple[str, ...]:
    """Rules 5-9 (profile, where, impossible answers, caution, next steps), each with a worked example
    whose every number and label comes from the content."""
    th, grid = q.thresholds, next((i for i in q.items if i.kind == "segment_grid"), None)
    known, favour = (grid.columns[0].bands, grid.columns[1].bands) if grid else ((), ())
    wide_at = next((n for n, b in enumerate(known) if 100 * b.value >= th.segment_wide), len(known) - 1)
    deep_at = next((n for n, b in enumerate(favour) if 100 * b.value >= th.segment_deep), len(favour) - 1)
    first = q.dimensions[0].id if q.dimensions else ""
    first_step = next((a.title for a in q.advice if a.dimension == first), "")
    deep_band, below_deep = _label(favour, deep_at), _label(favour, deep_at - 1)
    caution_dimension = q.dimension(q.caution.dimension).name
    return (
        t("method.rule.profile", wide=th.wide, deep=th.deep, places=th.places, n=len(q.segments),
          deep_band=deep_band, below_deep=below_deep),
        t("method.rule.where", wide_band=_label(known, wide_at), segment_wide=th.segment_wide, deep_band=deep_band,
          segment_deep=th.segment_deep, wide_least=known[wide_at].least if known else 0,
          below_wide=_label(known, wide_at - 1)),
        t("method.rule.impossible", none_known=_label(known, 0), one_favour=_label(favour, 1)),
        t("method.rule.caution", title=q.caution.title, dimension=caution_dimension, min_score=q.caution.min_score,
          guidance=", ".join(q.caution.guidance), top_known=_label(known, len(known) - 1), below_deep=below_deep),
        t("method.rule.advice", n=q.advice_count, points=CLOSE_POINTS, first_step=first_step),
        step_parts_rule(q, favour, deep_band),
    )


def step_parts_rule(q: Questionnaire, favour: tuple[Band, ...], deep_band: str) -> str:
    """Rule 10: the part each next-step card names, with a step kept to certain parts and a worked example."""
    names = {s.id: s.name for s in q.segments}
    kept = next((a for a in q.advice if a.parts), None)
    first, second, third = (list(names.values()) + ["", "", ""])[:3]
    return t("method.step_parts_rule", part_step=kept.title if kept else "",
             part_names=", ".join(names[p] for p in kept.parts) if kept else "", one_favour=_label(favour, 1),
             first=first, second=second, third=third, deep_band=deep_band)


def _scales(q: Questionnaire) -> str:
    """Each answer scale as "lowest (0) … highest (1)", once per distinct scale."""
    seen: dict[tuple[str, ...], str] = {}
    for item in q.items:
        scored = [o for o in item.options if o.value is not None]
        shown = tuple(o.label for o in item.options)  # by words: two scales may share option ids
        if scored and shown not in seen:
            seen[shown] = t("method.scale", low=scored[0].label, high=scored[-1].label)
    return "; ".join(seen.values())


def _unscored(q: Questionnaire) -> tuple[str, ...]:
    """A sentence for each answer that carries no value ("this has not happened")."""
    return tuple(t("method.unscored", option=o.label, question=i.text)
                 for i in q.items for o in i.options if o.value is None)


def show_method(q: Questionnaire) -> None:
    grid = next((i for i in q.items if i.kind == "segment_grid"), None)
    reversed_guidance = sorted({g for i in q.items if i.reverse for g in i.guidance})
    st.title(t("method.title"))
    st.markdown("\n\n".join((t("method.intro", n=len(q.guidance)), t("method.sources"))))
    st.header(t("method.scores_title"))
    st.markdown("\n".join((
        t("method.rule.values", scales=_scales(q), guidance="/".join(reversed_guidance)),
        t("method.rule.grid", n=len(q.segments), columns=len(grid.columns) if grid else 0),
        t("method.rule.dimension"),
        t("method.rule.axes"),
        *rules_with_examples(q),
    )))
    for sentence in _unscored(q):
        st.caption(sentence)
    st.header(t("method.profiles"))
    for p in q.profiles:
        st.markdown(t("method.profile", name=p.name, wide=t("method.wide") if p.wide else t("method.not_wide"),
                      deep=t("method.deep") if p.deep else t("method.not_deep"), tagline=p.tagline))
    st.header(t("method.dimensions"))
    for d in dimension_table(q):
        dimension = q.dimension(d.dimension)
        st.markdown(t("method.dimension", name=dimension.name, axis=t(f"results.{d.axis}"), weight=d.weight,
                      n=d.items, description=dimension.description))
    st.header(t("method.guidance"))
    ideas = dict(q.guidance)
    for g in guidance_table(q):
        with st.expander(t("method.guidance_point", id=g.guidance, idea=ideas[g.guidance])):
            st.markdown("\n".join(t("method.question_line", text=q.item(i).text) for i in g.items))
    st.header(t("method.questions"))
    rows = item_table(q)
    for step in q.steps:
        with st.expander(step.title):
            st.markdown("\n".join(_question_line(q, r) for r in rows if r.step == step.id))
    show_network_method(resources.network())
    show_accessibility_statement()
    st.header(t("workshop.method.title"))  # the room's privacy rule (assessment/room/summary.py)
    st.markdown(t("workshop.method.rule", n=MIN_RESPONSES, floor=FLOOR_RESPONSES, grid=DOT_GRID))
    st.caption(t("method.footer", id=q.id, version=q.version, language=q.language))


def _question_line(q: Questionnaire, row) -> str:
    item = q.item(row.item)
    text = item.text if row.column is None else t(
        "method.grid_question", text=item.text, column=next(c.label for c in item.columns if c.id == row.column))
    line = t("method.question", text=text, dimension=q.dimension(row.dimension).name, guidance=", ".join(row.guidance))
    return line + (t("method.reversed") if row.reverse else "")


def show_accessibility_statement() -> None:
    """docs/accessibility.md up to its maintainers' section, under its own heading (its title line dropped)."""
    translated = STATEMENT.with_suffix(f".{language()}.md")  # docs/accessibility.pt-BR.md
    source = translated if translated.is_file() else STATEMENT
    title, body = source.read_text(encoding="utf-8").split(MAINTAINERS)[0].split("\n", 1)
    st.header(title.lstrip("# "))
    with st.expander(t("method.accessibility")):
        st.markdown(body.replace("\n## ", "\n### "))


def show_network_method(content: NetworkContent) -> None:
    """The optional network map: its measures, and how they feed Width and Depth (assessment/network/blend.py)."""
    th, width, depth = content.thresholds, dict(content.width_parts), dict(content.depth_parts)
    strength = ", ".join(t("method.network.strength_part", field=content.field(f).label.lower().rstrip("?"), weight=w)
                         for f, w in content.strength)
    st.header(t("method.network.title"))
    st.markdown(t(
        "method.network.body", max_contacts=content.max_contacts, strength=strength, deep_tie=th.deep_tie,
        diversity=width["diversity"], openness=width["openness"], effective_size=width["effective_size"],
        effective_full=content.reference("effective_size"), depth=depth["depth"], top_k=th.top_k,
        deep_ties=depth["deep_ties"], deep_full=content.reference("deep_ties"), n_min=N_MIN, n_full=N_FULL,
        w_max=W_MAX, min_share=W_MAX * N_MIN / N_FULL,
    ))
    measure, guidance = t("method.network.measure"), t("method.network.measure_guidance")
    st.dataframe([{measure: m.name, guidance: ", ".join(m.guidance)} for m in content.measures],
                 hide_index=True, width="stretch")
