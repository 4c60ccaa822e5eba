"""A page that reconnects runs once at once, so the person's next click is not lost.

When a tab loses its connection (a phone put away, a server restarted) and comes back after
Streamlit has let its session go (``server.disconnectedSessionTTL``, 120 s), it reconnects to a
new, empty session and keeps showing the old page. Streamlit 1.67 asks for no run then, so the
person's first click reaches a session that has never drawn its widgets: a button's ``on_click``
is not called ("Next" does nothing) and an answer's ``on_change`` is not called either. The script
below watches the app's connection state (``data-test-connection-state`` on ``stApp``) and, on a
reconnection, asks for a run the way Streamlit's own "r" key does; the draft (ui/drafts.py) is
restored in it. A click that comes before that run is over is kept by ui/press.py
(tests/browser/test_connection.py).
"""

from __future__ import annotations

SCRIPT = """// # not-text: a script, no words for people
(() => {
  const app = document.querySelector('[data-testid=stApp]');
  if (!app || window.wdReconnectWatch) return;
  const STATE = 'data-test-connection-state';
  let lost = false;
  const key = (type) => {
    const event = new KeyboardEvent(type, {key: 'r', code: 'KeyR', bubbles: true});
    Object.defineProperty(event, 'keyCode', {get: () => 82});
    Object.defineProperty(event, 'which', {get: () => 82});
    document.dispatchEvent(event);
  };
  window.wdReconnectWatch = new MutationObserver(() => {
    const now = app.getAttribute(STATE);
    if (now !== 'CONNECTED') { lost = lost || now === 'PINGING_SERVER' || now === 'CONNECTING'; return; }
    if (!lost) return;
    lost = false;
    key('keydown');
    key('keyup');
  });
  window.wdReconnectWatch.observe(app, {attributes: true, attributeFilter: [STATE]});
})();
"""
