"""A real Streamlit client over the websocket: one instance is one browser tab's session.

It speaks the protocol the browser frontend speaks (Streamlit 1.67, read from
``streamlit/web/server/starlette/starlette_websocket.py``, ``runtime/app_session.py`` and
the frontend bundle):

1. ``GET /_stcore/health``: the server sets the ``_streamlit_xsrf`` cookie (as for a tab).
2. Websocket ``/_stcore/stream`` with ``Sec-WebSocket-Protocol: streamlit, <xsrf cookie>``
   (a third entry would be a session id to resume), the cookie, and an ``Origin``. The
   server selects ``streamlit``. It only checks the token against the cookie to decide
   whether to read auth cookies; without it the session still opens, anonymous.
3. Nothing arrives until the client sends a ``BackMsg.rerun_script`` (``ClientState``):
   ``query_string``, ``widget_states``, ``page_script_hash`` ("" on first load, with
   ``page_name`` = the URL path), ``context_info``. Every run then streams ``ForwardMsg``s,
   one per binary frame: ``new_session`` (per run; ``metadata.run`` names it), ``navigation``
   (pages and their hashes), ``delta``s (``new_element`` / ``add_block`` at
   ``metadata.delta_path``), ``page_info_changed`` (query string set by the script), and
   ``script_finished``. ``FINISHED_EARLY_FOR_RERUN`` means another run follows
   (``st.rerun``, ``st.switch_page``); the run is over at ``FINISHED_SUCCESSFULLY`` or
   ``FINISHED_WITH_COMPILE_ERROR``.
4. Widget protos carry ``id = "$$ID-<hash>-<user key>"``. Like the browser, the client
   sends the state of every widget it has set on each rerun, drops states of widgets no
   longer rendered, and sends a button's ``trigger_value`` once. Radio and selectbox values
   are the option strings (``string_value``), not indexes.

No ``cached_message_hashes`` are sent, so the server never answers with ``ref_hash``
stubs. Not thread-safe: use one client per thread (``bench/workshop_load.py`` runs one
thread per simulated participant; the work per message is one protobuf parse in C).
"""

from __future__ import annotations

import socket
import time
import urllib.request
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import websocket  # websocket-client
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

XSRF_COOKIE = "_streamlit_xsrf"
WIDGET_ID_PREFIX = "$$ID-"
_DONE = {ForwardMsg.FINISHED_SUCCESSFULLY: "ok", ForwardMsg.FINISHED_WITH_COMPILE_ERROR: "compile_error"}
_TEXT_FIELDS = ("body", "label", "message", "text")


def _ack_at_once(ws: websocket.WebSocket) -> None:
    """Re-arm TCP_QUICKACK after every read (Linux clears it by itself).

    Without it the kernel delays the ACK of a small frame by up to 40 ms, and the server's next
    frames of the same run wait for that ACK: every run measured 40-45 ms slower than it is,
    ours and a bare page alike, which compressed every ours-vs-bare ratio towards 1 (measured:
    a bare page's rerun 66-76 ms with delayed ACKs, 26-34 ms with this). Chromium does not wait
    like this, so the client should not either.
    """
    sock = getattr(ws, "sock", None)
    if sock is not None and hasattr(socket, "TCP_QUICKACK"):
        try:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_QUICKACK, 1)
        except OSError:  # the socket closed under us; the next recv says so
            pass


class StreamlitClientError(RuntimeError):
    """The server closed the connection, a run timed out, or a widget is not on the page."""


@dataclass(frozen=True, slots=True)
class Element:
    """One rendered element: its kind (``Element`` oneof name, e.g. ``markdown``, ``radio``),
    position, protobuf, and for widgets the id and user key."""

    path: tuple[int, ...]
    kind: str
    proto: Any
    widget_id: str | None = None
    key: str | None = None

    @property
    def text(self) -> str:
        """The element's main text (markdown body, alert body, widget label), or ''."""
        return next((getattr(self.proto, f) for f in _TEXT_FIELDS
                     if f in self.proto.DESCRIPTOR.fields_by_name and getattr(self.proto, f)), "")


@dataclass(frozen=True, slots=True)
class RunResult:
    """One script run as the client saw it. Times in seconds from sending the rerun:
    ``first_message`` when the run's ``new_session`` arrived (queueing on a busy server),
    ``elapsed`` when its ``script_finished`` did (the round trip a person waits)."""

    status: str
    elapsed: float
    first_message: float
    messages: int
    received_bytes: int
    page_script_hash: str
    elements: tuple[Element, ...]
    exceptions: tuple[str, ...] = field(default=())

    def texts(self) -> list[str]:
        return [e.text for e in self.elements if e.text]


class StreamlitClient:
    """``with StreamlitClient("http://127.0.0.1:8501") as c: c.connect(); c.act("q1", 2)``.

    ``timeout`` bounds each wait for the next message (and the health request), not a whole run.
    """

    def __init__(self, base_url: str, *, timeout: float = 30.0, locale: str = "en-GB",
                 timezone: str = "Europe/London") -> None:
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.locale, self.timezone = locale, timezone
        self.session_id = ""
        self.page_script_hash = ""
        self.query_string = ""
        self.pages: dict[str, str] = {}  # URL path or page title -> page_script_hash
        self.elements: tuple[Element, ...] = ()
        self.widgets: dict[str, Element] = {}  # user key -> widget element
        self._states: dict[str, WidgetState] = {}
        self._triggers: list[str] = []
        self._ws: websocket.WebSocket | None = None

    # -- connection -------------------------------------------------------------------
    def connect(self, page: str = "", query_string: str = "") -> RunResult:
        """Open a new session as a tab opening ``/<page>?<query_string>`` would; returns the first run."""
        self.close()
        self._states.clear()
        self._triggers.clear()
        xsrf = self._fetch_xsrf_cookie()
        parts = urlsplit(self.base_url)
        scheme = "wss" if parts.scheme == "https" else "ws"
        self._ws = websocket.create_connection(
            f"{scheme}://{parts.netloc}{parts.path}/_stcore/stream",
            subprotocols=["streamlit", xsrf] if xsrf else ["streamlit"],
            cookie=f"{XSRF_COOKIE}={xsrf}" if xsrf else None,
            origin=f"{parts.scheme}://{parts.netloc}",
            timeout=self.timeout,
            skip_utf8_validation=True,
        )
        self.query_string = query_string
        return self._run(page_name=page.strip("/"))

    def _fetch_xsrf_cookie(self) -> str:
        with urllib.request.urlopen(f"{self.base_url}/_stcore/health", timeout=self.timeout) as reply:
            for header in reply.headers.get_all("Set-Cookie") or ():
                name, _, rest = header.partition("=")
                if name.strip() == XSRF_COOKIE:
                    return rest.split(";", 1)[0]
        return ""

    def close(self) -> None:
        if self._ws is not None:
            self._ws.close()
            self._ws = None

    def __enter__(self) -> StreamlitClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- what a person does -----------------------------------------------------------
    def set_value(self, key: str, value: Any) -> None:
        """Stage a widget value by user key; sent with the next rerun. Radio and selectbox
        take an option index (int) or the option text; text inputs a str; checkboxes a bool;
        number inputs a number."""
        widget = self.widget(key)
        state = WidgetState(id=widget.widget_id)
        if widget.kind in ("radio", "selectbox"):
            options = list(widget.proto.options)
            state.string_value = options[value] if isinstance(value, int) else str(value)
        elif widget.kind in ("text_input", "text_area"):
            state.string_value = str(value)
        elif widget.kind == "checkbox":
            state.bool_value = bool(value)
        elif widget.kind == "number_input":
            state.double_value = float(value)
        else:
            raise StreamlitClientError(f"{key}: setting a {widget.kind} is not supported; use click() for buttons.")
        self._states[widget.widget_id] = state

    def act(self, key: str, value: Any) -> RunResult:
        """Change one widget and rerun, as a browser does on every change outside a form."""
        self.set_value(key, value)
        return self.rerun()

    def click(self, key: str) -> RunResult:
        """Press a button (or form submit button) and rerun."""
        widget = self.widget(key)
        if widget.kind != "button":
            raise StreamlitClientError(f"{key}: is a {widget.kind}, not a button.")
        self._triggers.append(widget.widget_id)
        return self.rerun()

    def switch_page(self, url_path: str, query_string: str = "") -> RunResult:
        """Go to another page of ``st.navigation`` by URL path ("" for the default page) or
        title. Query params are dropped unless given, as the browser drops them."""
        try:
            page_hash = self.pages[url_path.strip("/")]
        except KeyError:
            raise StreamlitClientError(f"{url_path}: no such page; pages are {sorted(self.pages)}.") from None
        self.query_string = query_string
        return self._run(page_script_hash=page_hash)

    def rerun(self) -> RunResult:
        """Rerun the current page with the staged widget states."""
        return self._run(page_script_hash=self.page_script_hash)

    def pause(self, seconds: float) -> None:
        """Think time that keeps the socket alive: reads (so pings are answered) and discards
        whatever arrives, e.g. fragment reruns. Idle without reading for more than the
        server's ping interval plus timeout (30 s + 30 s) and the server drops the session."""
        ws = self._socket()
        deadline = time.perf_counter() + seconds
        while (left := deadline - time.perf_counter()) > 0:
            ws.settimeout(left)
            try:
                self._handle(self._receive(ws), {})
            except websocket.WebSocketTimeoutException:
                break
        ws.settimeout(self.timeout)

    # -- reading the page -------------------------------------------------------------
    def widget(self, key: str) -> Element:
        try:
            return self.widgets[key]
        except KeyError:
            keys = sorted(self.widgets)
            raise StreamlitClientError(f"{key}: no widget with this key on the page; keys are {keys}.") from None

    def texts(self) -> list[str]:
        return [e.text for e in self.elements if e.text]

    # -- protocol ---------------------------------------------------------------------
    def _socket(self) -> websocket.WebSocket:
        if self._ws is None:
            raise StreamlitClientError("not connected; call connect() first.")
        return self._ws

    def _client_state_msg(self, page_script_hash: str, page_name: str) -> bytes:
        msg = BackMsg()
        rerun = msg.rerun_script
        rerun.query_string = self.query_string
        rerun.page_script_hash = page_script_hash
        rerun.page_name = page_name
        rerun.context_info.locale = self.locale
        rerun.context_info.timezone = self.timezone
        rerun.widget_states.widgets.extend(self._states.values())
        for widget_id in self._triggers:
            rerun.widget_states.widgets.add(id=widget_id, trigger_value=True)
        self._triggers.clear()
        return msg.SerializeToString()

    def _run(self, page_script_hash: str = "", page_name: str = "") -> RunResult:
        ws = self._socket()
        started = time.perf_counter()
        ws.send_binary(self._client_state_msg(page_script_hash, page_name))
        run: dict[str, Any] = {"id": None, "elements": {}, "messages": 0, "bytes": 0, "first": None}
        while True:
            msg = self._receive(ws, run)
            if run["first"] is None and msg.WhichOneof("type") == "new_session":
                run["first"] = time.perf_counter() - started  # the server has started the run
            status = self._handle(msg, run)
            if status is not None:
                break
        elements = tuple(run["elements"][p] for p in sorted(run["elements"]))
        self.elements = elements
        self.widgets = {e.key: e for e in elements if e.key is not None}
        live = {e.widget_id for e in elements if e.widget_id}
        self._states = {wid: s for wid, s in self._states.items() if wid in live}
        return RunResult(
            status=status, elapsed=time.perf_counter() - started, first_message=run["first"],
            messages=run["messages"], received_bytes=run["bytes"], page_script_hash=self.page_script_hash,
            elements=elements,
            exceptions=tuple(e.proto.message for e in elements if e.kind == "exception"),
        )

    def _receive(self, ws: websocket.WebSocket, run: dict[str, Any] | None = None) -> ForwardMsg:
        try:
            data = ws.recv()
            _ack_at_once(ws)
        except websocket.WebSocketTimeoutException:
            if run is None:
                raise
            raise StreamlitClientError(f"no message for {self.timeout}s while waiting for script_finished") from None
        except websocket.WebSocketConnectionClosedException:
            raise StreamlitClientError("the server closed the websocket") from None
        if not isinstance(data, bytes):  # a close frame (recv() gives "") or a text frame
            raise StreamlitClientError(f"the server closed the websocket ({'close' if not data else 'text'} frame)")
        msg = ForwardMsg()
        msg.ParseFromString(data)
        if run is not None:
            run["messages"] += 1
            run["bytes"] += len(data)
        return msg

    def _handle(self, msg: ForwardMsg, run: dict[str, Any]) -> str | None:
        """Apply one message; return the run's status once our run has finished, else None."""
        kind = msg.WhichOneof("type")
        if kind == "new_session":
            ns = msg.new_session
            if ns.initialize.session_id:
                self.session_id = ns.initialize.session_id
            if not msg.metadata.run.fragment_ids:  # a full run: a fresh page
                run["id"] = msg.metadata.run.script_run_id
                run["elements"] = {}
                self.page_script_hash = ns.page_script_hash
        elif kind == "navigation":
            nav = msg.navigation
            self.pages = {}
            for p in nav.app_pages:  # reachable by URL path ("" is the default page) or title
                self.pages.setdefault(p.page_name, p.page_script_hash)
                self.pages[p.url_pathname] = p.page_script_hash
            self.page_script_hash = nav.page_script_hash or self.page_script_hash
        elif kind == "page_info_changed":
            self.query_string = msg.page_info_changed.query_string
        elif kind == "delta" and "elements" in run:
            self._apply_delta(msg, run["elements"])
        elif kind == "script_finished" and run.get("id") is not None:
            finished = msg.metadata.run.script_run_id
            if msg.script_finished in _DONE and finished in ("", run["id"]):
                return _DONE[msg.script_finished]
        return None

    @staticmethod
    def _apply_delta(msg: ForwardMsg, elements: dict[tuple[int, ...], Element]) -> None:
        path = tuple(msg.metadata.delta_path)
        delta = msg.delta
        if delta.WhichOneof("type") == "add_block":
            elements[path] = Element(path, "block", delta.add_block)
            return
        if delta.WhichOneof("type") != "new_element":
            return
        kind = delta.new_element.WhichOneof("type")
        proto = getattr(delta.new_element, kind)
        widget_id = getattr(proto, "id", "") if "id" in proto.DESCRIPTOR.fields_by_name else ""
        if widget_id.startswith(WIDGET_ID_PREFIX):
            key = widget_id.split("-", 2)[2]  # "$$ID-<hash>-<user key>"; "None" when unkeyed
            elements[path] = Element(path, kind, proto, widget_id, None if key == "None" else key)
        else:
            elements[path] = Element(path, kind, proto)
