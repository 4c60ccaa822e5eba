"""A results file chosen for upload: the uploader and its true limit, in words.

Streamlit's uploader takes whole megabytes only (``max_upload_size=1``) and says "1MB per file"
under its button, but a results file is read only up to ``assessment.exchange.MAX_IMPORT_BYTES``
(200 kB; a full map is about 15 kB): a 500 kB file was refused after the page had promised 1 MB.
So Streamlit's line is hidden (app.py's CSS, ``.st-key-results-file``) and the real limit is said
under the uploader.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from assessment.exchange import MAX_IMPORT_BYTES

from .text import t


def results_file_uploader(label: str, *, key: str, where: Any = st) -> Any:
    """``where``'s file uploader for one .json results file (None until one is chosen)."""
    with where.container(key=f"results-file-{key.replace('.', '-')}"):
        upload = st.file_uploader(label, type=["json"], key=key, max_upload_size=1)
        st.caption(t("common.file_limit", most_kb=MAX_IMPORT_BYTES // 1000))
    return upload
