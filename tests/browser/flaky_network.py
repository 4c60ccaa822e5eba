"""A network between the browser and the server that a test can cut and restore, as a phone's
connection drops: a TCP relay on a free port of 127.0.0.1 in front of one server.

    with FlakyNetwork(app.base_url) as network:
        page.goto(network.base_url); ...
        network.cut()      # every open connection closed; new ones closed at once
        network.restore()  # connections relayed again
"""

from __future__ import annotations

import socket
import threading
from urllib.parse import urlsplit

from bench.st_server import free_port


class FlakyNetwork:
    def __init__(self, server_url: str) -> None:
        target = urlsplit(server_url)
        self.target = (target.hostname, target.port)
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self._open: set[socket.socket] = set()
        self._lock = threading.Lock()
        self._down = False
        self._listener = socket.create_server(("127.0.0.1", self.port))
        self._stopped = False
        threading.Thread(target=self._accept, daemon=True).start()

    def __enter__(self) -> FlakyNetwork:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def cut(self) -> None:
        with self._lock:
            self._down = True
            for s in self._open:
                _close(s)
            self._open.clear()

    def restore(self) -> None:
        with self._lock:
            self._down = False

    def close(self) -> None:
        self._stopped = True
        self.cut()
        _close(self._listener)

    def _accept(self) -> None:
        while not self._stopped:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            with self._lock:
                if self._down:
                    _close(client)
                    continue
                try:
                    server = socket.create_connection(self.target)
                except OSError:
                    _close(client)
                    continue
                self._open.update((client, server))
            for a, b in ((client, server), (server, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    def _pipe(self, source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            with self._lock:
                self._open.discard(source)
                self._open.discard(sink)
            _close(source)
            _close(sink)


def _close(s: socket.socket) -> None:
    try:
        s.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    s.close()
