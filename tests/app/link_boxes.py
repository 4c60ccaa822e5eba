"""The links a page shows in its link boxes (ui/link_box.py), as AppTest sees them: in page order."""

from __future__ import annotations

import json

from streamlit.testing.v1 import AppTest

from ui.link_box import COMPONENT


def shown_links(at: AppTest) -> list[str]:
    return [json.loads(e.proto.json)["url"] for e in at.get("bidi_component") if e.proto.component_name == COMPONENT]
