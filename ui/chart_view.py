"""A chart with its text alternative: one plain sentence under it and a table a screen reader can
read, so no chart's meaning rests on its picture or its colours alone (WCAG 1.1.1, 1.4.1).

    show_chart(fig, key="chart.map", summary=t("results.map_summary", ...),
               columns=(t("results.table.part"), t("results.table.known")), rows=[("Own field", "21–50"), ...])

The table is ``st.table`` (real HTML ``<table>`` markup, unlike ``st.dataframe``'s canvas), inside a
collapsed expander titled "Show as a table", built when it is opened (``ui/lazy.py``; its key is the
chart's key + ``.table``). Rows are given already in words: ranges as the
person chose them, scores as shown on the page (``assessment/chart_text.py`` builds them). The
summary is also the chart's accessible name (Streamlit's ``alt``, an ``aria-label`` on the graphic),
so a screen reader that lands on the chart hears what it shows, not "graphic".
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import pandas as pd
import streamlit as st

from assessment.text import plotly_separators
from ui.lazy import opened_section
from ui.text import language, t

CHART_CONFIG: Mapping[str, Any] = {"displayModeBar": False, "responsive": True}


def show_chart(figure: Any, *, key: str, summary: str, columns: Sequence[str],
               rows: Iterable[Sequence[Any]], config: Mapping[str, Any] | None = None,
               table_label: str | None = None, **plotly_kwargs: Any) -> None:
    """Draw ``figure``, then ``summary`` as a caption and ``rows`` under ``columns`` as a table."""
    figure.layout.separators = plotly_separators(language())  # 1.234,5 in pt-BR (figures are cached per language)
    st.plotly_chart(figure, config=dict(config or CHART_CONFIG), key=key,
                    **({"theme": None, "alt": summary} | plotly_kwargs))
    st.caption(summary)
    with opened_section(table_label or t("common.chart.show_table"), key=f"{key}.table") as opened:
        if opened:  # built when opened: three tables cost the results page about 30 ms to arrive
            st.table(chart_table(columns, rows), hide_index=True, alt=summary)


def chart_table(columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> pd.DataFrame:
    """The rows as a frame (shown without its index: 0, 1, 2… means nothing to a reader)."""
    return pd.DataFrame([tuple(r) for r in rows], columns=list(columns))
