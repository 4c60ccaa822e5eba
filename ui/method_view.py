"""The method page: how Wide & Deep turns answers into scores, for a facilitator to explain."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from assessment.method import dimension_table, guidance_table, item_table
from assessment.network.blend import N_FULL, N_MIN, W_MAX
from assessment.network.content import NetworkContent
from assessment.network.loading import network_content
from assessment.questionnaire import Questionnaire

STATEMENT = Path(__file__).resolve().parents[1] / "docs" / "accessibility.md"
MAINTAINERS = "\n## For maintainers"  # the statement shown on the method page stops here


def show_method(q: Questionnaire) -> None:
    t = q.thresholds
    st.title("About the method")
    st.write(
        "Wide & Deep is built on two articles about professional networks: quality of connections "
        "beats their number, open networks reach across fields, organisations and levels, and a contact "
        "becomes a connection when they would take your call and do you a favour. Each question measures "
        "one or more of the sixteen points of guidance drawn from them (G01–G16 below)."
    )
    st.header("How scores are computed")
    st.markdown(
        f"""
1. **Each answer has a value from 0 to 1.** *Strongly disagree* is 0, *Neither* 0.5, *Strongly agree* 1;
   frequencies run from *Never* (0) to *Very often* (1). A few statements are **reversed**, where the articles warn
   against a habit (judging an event by the number of cards collected, G01/G07): agreeing lowers the score.
2. **The network grid** asks, for each of {len(q.segments)} parts of the network, how many people you know and how many
   would do you a favour, in bands. Each column adds one value to its dimension: the mean band score over all parts,
   so the grid weighs like two questions, not twelve.
3. **A dimension score** is 100 × the mean value of its questions.
4. **Width** is the weighted mean of the width dimensions, **Depth** that of the depth dimensions (weights below).
5. **Your profile** is the quadrant you fall in: wide when Width ≥ {t.wide:g}, deep when Depth ≥ {t.deep:g}.
6. **Where:** a part of your network counts as *wide* when you know 6–20 people there or more
   (band score ≥ {t.segment_wide:g}), and *deep* when 2–3 people or more there would do you a favour (≥ {t.segment_deep:g}).
7. **Next steps** come from your {q.advice_count} weakest dimensions. A **caution** appears when Reach is high but
   few of the people you know would pass the favour test (G07).
"""
    )
    st.header("Profiles")
    for p in q.profiles:
        st.markdown(f"**{p.name}** — {'wide' if p.wide else 'not yet wide'}, {'deep' if p.deep else 'not yet deep'}. {p.tagline}")
    st.header("Dimensions")
    for d in dimension_table(q):
        st.markdown(f"**{d['dimension']}** · {d['feeds']} · weight {d['weight']:g} · {d['items']} questions — {d['what it means']}")
    st.header("Guidance and the questions that measure it")
    for g in guidance_table(q):
        with st.expander(f"{g['guidance']} — {g['idea']}"):
            st.markdown("\n".join(f"- {q.item(i).text}" for i in g["measured by"].split(", ") if i))
    st.header("Every question")
    rows = item_table(q)
    for step in q.steps:
        with st.expander(step.title):
            st.markdown("\n".join(
                f"- {r['question']}  \n  *{r['dimension']}* · {r['guidance']}"
                + (" · **reversed**" if r["scoring"].startswith("reversed") else "")
                for r in rows if r["step"] == step.title
            ))
    show_network_method(network_content())
    show_accessibility_statement()
    st.caption(f"Questionnaire {q.id}, version {q.version}, language {q.language}.")


def show_accessibility_statement() -> None:
    """docs/accessibility.md up to its maintainers' section, under its own heading (its title line dropped)."""
    title, body = STATEMENT.read_text(encoding="utf-8").split(MAINTAINERS)[0].split("\n", 1)
    st.header(title.lstrip("# "))
    with st.expander("What was tested, how, and what is known not to work"):
        st.markdown(body.replace("\n## ", "\n### "))


def show_network_method(content: NetworkContent) -> None:
    """The optional network map: its measures, and how they feed Width and Depth (assessment/network/blend.py)."""
    t, width, depth = content.thresholds, dict(content.width_parts), dict(content.depth_parts)
    strength = ", ".join(f"{content.field(f).label.lower().rstrip('?')} {w:g}" for f, w in content.strength)
    st.header("The network map (optional)")
    st.markdown(
        f"""
On the network map you list up to {content.max_contacts} people who matter, by initials or a nickname, describe
each with a few choices, and mark who knows whom.

1. **Tie strength** (0 to 1) is the weighted mean of four answers about each person ({strength}), after
   Granovetter (1973) and Marsden & Campbell (1984). A tie of {t.deep_tie:g} or more is a **deep tie**.
2. **Width from the map** = 100 × ({width['diversity']:g} × spread over segments, organisations and levels
   (Blau's index, normalised) + {width['openness']:g} × reach beyond your field and organisation
   (Krackhardt & Stern's E-I index, scaled 0–1) + {width['effective_size']:g} × non-redundant contacts
   (Burt's effective size, full at {content.reference('effective_size'):g})).
3. **Depth from the map** = 100 × ({depth['depth']:g} × mean strength of your {t.top_k} strongest ties
   + {depth['deep_ties']:g} × deep ties, full at {content.reference('deep_ties'):g}).
4. **Feeding your scores** happens only when you choose *Use my map in my scores*. With n people on the map
   (at least {N_MIN}) the map counts w = {W_MAX:g} × min(n, {N_FULL}) / {N_FULL}, so {N_MIN} people count
   {W_MAX * N_MIN / N_FULL:.0%} and {N_FULL} or more {W_MAX:.0%}:
   Width = (1 − w) × Width from your answers + w × Width from your map, and the same for Depth.
   Your profile is read again from the thresholds above. Dimensions, where your network is wide or deep,
   and next steps come from your answers alone; your results show both sets of scores.
5. **Privacy:** names stay in your browser session. A saved result and its share link hold only numbers from
   the map (how many people, deep ties, the measures below, counts per segment), never a name.
"""
    )
    st.dataframe(
        [{"Measure": m.name, "Guidance": ", ".join(m.guidance)} for m in content.measures],
        hide_index=True, width="stretch",
    )
