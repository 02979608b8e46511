"""Serving a test server (HTTP, HTTPS or plain TCP socketserver) on a daemon thread, stopped by the test."""

from __future__ import annotations

import socketserver
import threading


class Serving:
    """`start()` serves `server` on a daemon thread; `stop()` shuts it down, joins it and closes the socket.
    Safe to stop twice, and to stop a server that never started (its socket is still closed)."""

    def __init__(self, server: socketserver.BaseServer, name: str):
        self.server = server
        self.name = name
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        return self.server.server_address[1]  # type: ignore[index]

    def start(self) -> None:
        self._thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05},
                                        name=f"{self.name}-{self.port}", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        if self._thread is not None:
            self.server.shutdown()
            self._thread.join(timeout=10)
            self._thread = None
        self.server.server_close()
