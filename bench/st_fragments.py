"""A ``StreamlitClient`` that also reruns fragments, as the browser does for ``run_every``.

``@st.fragment(run_every="3s")`` does not make the server rerun anything by itself: a full
run sends a ``ForwardMsg.auto_rerun`` (``interval`` in seconds, ``fragment_id``), and the
browser then sends a ``BackMsg.rerun_script`` with that ``fragment_id`` and
``is_auto_rerun=True`` every ``interval`` (Streamlit 1.67, ``runtime/fragment.py`` and
``runtime/app_session.py``). The fragment run streams ``new_session`` and ``delta``s whose
``metadata.run.fragment_ids`` name the fragment, and ends with ``script_finished`` =
``FINISHED_FRAGMENT_RUN_SUCCESSFULLY``; only the fragment's part of the page changes.

    client = FragmentClient(base_url)
    client.connect("projector", "w=3&k=...")
    client.fragments            # {"<fragment id>": 3.0}
    client.rerun_fragment()     # RunResult of one refresh, as a projector's browser does it
"""

from __future__ import annotations

import time
from typing import Any

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from bench.st_client import RunResult, StreamlitClient, StreamlitClientError

FRAGMENT_DONE = ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY


class FragmentClient(StreamlitClient):
    """Records the page's auto-rerunning fragments and reruns one on request."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fragments: dict[str, float] = {}  # fragment id -> run_every interval (s)
        self._fragment_to_run = ""

    def connect(self, page: str = "", query_string: str = "") -> RunResult:
        self.fragments = {}
        return super().connect(page, query_string)

    def rerun_fragment(self, fragment_id: str | None = None) -> RunResult:
        """Rerun one fragment (default: the first the page registered) and wait for its end.

        The page's other elements are kept; the fragment's deltas replace theirs.
        """
        if fragment_id is None:
            if not self.fragments:
                raise StreamlitClientError("no auto-rerunning fragment on this page; use rerun().")
            fragment_id = next(iter(self.fragments))
        ws = self._socket()
        started = time.perf_counter()
        self._fragment_to_run = fragment_id
        ws.send_binary(self._client_state_msg(self.page_script_hash, ""))
        run: dict[str, Any] = {"id": None, "elements": {e.path: e for e in self.elements},
                               "messages": 0, "bytes": 0, "first": None}
        while True:
            msg = self._receive(ws, run)
            kind = msg.WhichOneof("type")
            if kind == "new_session" and fragment_id in msg.metadata.run.fragment_ids:
                run["id"] = msg.metadata.run.script_run_id
                run["first"] = time.perf_counter() - started
            if (kind == "script_finished" and run["id"] is not None
                    and msg.metadata.run.script_run_id in ("", run["id"])):
                if msg.script_finished == FRAGMENT_DONE:
                    status = "ok"
                    break
                if msg.script_finished == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
                    status = "compile_error"
                    break
            self._handle(msg, run)
        elements = tuple(run["elements"][p] for p in sorted(run["elements"]))
        self.elements = elements
        self.widgets = {e.key: e for e in elements if e.key is not None}
        return RunResult(
            status=status, elapsed=time.perf_counter() - started, first_message=run["first"],
            messages=run["messages"], received_bytes=run["bytes"], page_script_hash=self.page_script_hash,
            elements=elements,
            exceptions=tuple(e.proto.message for e in elements if e.kind == "exception"),
        )

    def _client_state_msg(self, page_script_hash: str, page_name: str) -> bytes:
        data = super()._client_state_msg(page_script_hash, page_name)
        if not self._fragment_to_run:
            return data
        msg = BackMsg.FromString(data)
        msg.rerun_script.fragment_id = self._fragment_to_run
        msg.rerun_script.is_auto_rerun = True
        self._fragment_to_run = ""
        return msg.SerializeToString()

    def _handle(self, msg: ForwardMsg, run: dict[str, Any]) -> str | None:
        kind = msg.WhichOneof("type")
        if kind == "auto_rerun":
            self.fragments[msg.auto_rerun.fragment_id] = msg.auto_rerun.interval
        elif kind == "stop_auto_rerun":
            for fragment_id in msg.stop_auto_rerun.fragment_ids:
                self.fragments.pop(fragment_id, None)
        return super()._handle(msg, run)
