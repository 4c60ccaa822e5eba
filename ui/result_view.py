"""Showing a result: the same view for the owner, a shared link and a workshop participant."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

import streamlit as st

from assessment.charts import result_figures
from assessment.network.blend import N_MIN, blend_shown
from assessment.questionnaire import Questionnaire
from assessment.scoring import Result

from . import state

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$])")
CHART_CONFIG = {"displayModeBar": False, "responsive": True}


def md_escape(text: str) -> str:
    """Text a person typed, made inert for st.markdown (no links, images, HTML or formatting)."""
    return _MD_SPECIAL.sub(r"\\\1", text)


@st.cache_resource(show_spinner=False, max_entries=256)
def _figures(result_json: str, quadrants: tuple[tuple[bool, bool, str], ...], titled: bool):
    """Build the three figures once per distinct result; reruns reuse them (they are never mutated)."""
    result = Result.from_dict(json.loads(result_json))
    return result_figures(result, {(w, d): n for w, d, n in quadrants}, titled=titled)


def figures(result: Mapping[str, Any], q: Questionnaire, *, titled: bool = True):
    """The figures with their own titles (for the report), or without (the page has headings)."""
    quadrants = tuple((p.wide, p.deep, p.name) for p in q.profiles)
    return _figures(json.dumps(result, sort_keys=True), quadrants, titled)


def show_result(result: Mapping[str, Any], q: Questionnaire, *, title: str | None = None,
                answers: Mapping[str, str] | None = None) -> None:
    """Profile, scores, the three charts, where wide/deep, and next steps."""
    profile = result["profile"]
    if title:
        st.title(md_escape(title))
    st.header(profile["name"])
    st.markdown(f"*{profile['tagline']}*")
    st.write(profile["summary"])

    width_col, depth_col = st.columns(2)
    width_col.metric("Width", f"{result['width']:.0f} / 100", help="How far your network reaches: weighted mean of the width dimensions.")
    depth_col.metric("Depth", f"{result['depth']:.0f} / 100", help="How deep it goes: weighted mean of the depth dimensions.")

    if result.get("caution"):
        c = result["caution"]
        st.warning(f"**{c['title']}** — {c['text']}  \n*Guidance {', '.join(c['guidance'])}*")

    map_fig, dims_fig, where_fig = figures(result, q, titled=False)
    st.plotly_chart(map_fig, config=CHART_CONFIG, theme=None, key="chart.map")

    st.subheader("Where your network is wide and where it is deep")
    wide = [s["name"] for s in result["segments"] if s["wide"]]
    deep = [s["name"] for s in result["segments"] if s["deep"]]
    st.markdown(
        f"**Wide in:** {', '.join(wide) or 'no part yet'}  \n"
        f"**Deep in:** {', '.join(deep) or 'no part yet'} *(2 or more people who would do you a favour)*"
    )
    st.plotly_chart(where_fig, config=CHART_CONFIG, theme=None, key="chart.where")

    st.subheader("Your dimensions")
    st.plotly_chart(dims_fig, config=CHART_CONFIG, theme=None, key="chart.dimensions")

    st.subheader("Three next steps")
    guidance = dict(q.guidance)
    for n, advice in enumerate(result["advice"], start=1):
        with st.container(border=True):
            st.markdown(f"**{n}. {advice['title']}**")
            st.write(advice["text"])
            st.caption(" · ".join(f"{g}: {guidance.get(g, '')}" for g in advice["guidance"]))

    show_network_note(result)

    if answers:
        with st.expander("Answers shared by the owner"):
            st.dataframe(
                [{"question": k, "answer": v} for k, v in answers.items()], hide_index=True, width="stretch"
            )


def show_network_note(result: Mapping[str, Any]) -> None:
    """How a network map fed these scores (numbers only: a saved result holds no names), or, under
    the person's own result without one, an invitation to map their network."""
    own = result == state.get(state.RESULT)
    shown = blend_shown(result)
    if shown:
        *sources, (label, width, depth) = shown.rows
        st.subheader("Network map in these scores")
        st.markdown(
            "| | Width | Depth |\n|---|---:|---:|\n"
            + "".join(f"| {source} | {w:.0f} | {d:.0f} |\n" for source, w, d in sources)
            + f"| **{label}** | **{width:.0f}** | **{depth:.0f}** |"
        )
        st.caption(f"{shown.sentence} The names on the map are never saved or shared.")
        if own:
            st.page_link("pages/network.py", label="Change your network map", icon=":material/hub:")
    elif own:
        st.subheader("Map your network")
        st.write(
            "Optional: list the people who matter in your working life, using initials or a nickname, and see "
            "where your network is wide, where it is deep, and who to get back in touch with. With "
            f"{N_MIN} or more people the map can feed your Width and Depth. Names stay in this browser."
        )
        st.page_link("pages/network.py", label="Map your network", icon=":material/hub:")
