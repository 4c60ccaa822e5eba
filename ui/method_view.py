"""The method page: how Wide & Deep turns answers into scores, for a facilitator to explain."""

from __future__ import annotations

import streamlit as st

from assessment.method import dimension_table, guidance_table, item_table
from assessment.questionnaire import Questionnaire


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
    st.dataframe(dimension_table(q), hide_index=True, width="stretch")
    st.header("Guidance and the questions that measure it")
    st.dataframe(guidance_table(q), hide_index=True, width="stretch")
    st.header("Every question")
    st.dataframe(item_table(q), hide_index=True, width="stretch")
    st.caption(f"Questionnaire {q.id}, version {q.version}, language {q.language}.")
