"""Plotly's script, fetched while the person answers the last step instead of after it.

The browser loads Plotly's script (4.7 MB, Streamlit's PlotlyChart chunk) the first time a page
draws a chart: on "See my results" that was about 1.1 s of the 1.3 s before the three charts
showed (issue 13 §5, measured by bench/browser_speed.py). One empty chart on the last step,
laid out but invisible and out of the flow (app.py's CSS for ``.st-key-chart-preload``), makes
the browser fetch and compile it while the person reads; the results page then draws at once.
"""

from __future__ import annotations

import plotly.graph_objects as go
import streamlit as st

PRELOAD_KEY = "chart-preload"  # the container's class is st-key-chart-preload


@st.cache_resource(show_spinner=False)
def _empty_figure() -> go.Figure:
    """Nothing to see: no axes, no data, transparent (built once per process, never changed)."""
    figure = go.Figure()
    figure.update_layout(width=40, height=40, margin={"l": 0, "r": 0, "t": 0, "b": 0},
                         xaxis={"visible": False}, yaxis={"visible": False},
                         paper_bgcolor="rgba(0,0,0,0)", plot_bgcolor="rgba(0,0,0,0)")
    return figure


def preload_chart_script() -> None:
    """Draw the hidden chart that makes the browser load Plotly's script now."""
    with st.container(key=PRELOAD_KEY):
        st.plotly_chart(_empty_figure(), config={"displayModeBar": False, "staticPlot": True}, theme=None,
                        width="content", key="chart.preload")
