"""One window per store: a second start hands its file argument to the first and exits.

The first process listens on a local socket named after the store path; a later process
connects, sends one line (the file to open, or nothing) and quits, so the store never has
two writers.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

CONNECT_TIMEOUT_MS = 500


def server_name(store_path: Path) -> str:
    """A socket name unique per store file (and short: socket paths are limited)."""
    key = str(Path(store_path).expanduser().resolve()).encode("utf-8")
    return "nianbao-" + hashlib.sha1(key).hexdigest()[:16]


def _encode(open_file: Path | None) -> bytes:
    payload = {"open": str(open_file) if open_file else ""}
    return json.dumps(payload, ensure_ascii=False).encode("utf-8") + b"\n"


def hand_over(store_path: Path, open_file: Path | None = None) -> bool:
    """Pass ``open_file`` to a running nianbao on the same store; True when one answered."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(store_path))
    if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
        return False
    socket.write(_encode(open_file))
    socket.flush()
    socket.waitForBytesWritten(CONNECT_TIMEOUT_MS)
    # Wait for the first window to acknowledge, so it has the message before we exit.
    socket.waitForReadyRead(CONNECT_TIMEOUT_MS)
    socket.disconnectFromServer()
    return True


def _answers(name: str) -> bool:
    """True when a running window listens on ``name`` (connects without sending anything)."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    alive = socket.waitForConnected(CONNECT_TIMEOUT_MS)
    if alive:
        socket.disconnectFromServer()
    return alive


class InstanceServer(QObject):
    """Listens for later starts; emits ``activated(path)`` ("" when no file was given)."""

    activated = Signal(str)

    def __init__(self, store_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._on_connection)
        self.name = server_name(store_path)

    def listen(self) -> bool:
        """Start listening. False when another window already listens (two starts at the same
        moment): with ``UserAccessOption`` Qt would silently put its socket in the place of
        the live one. Only a socket left over by a crashed process is removed."""
        if _answers(self.name):
            return False  # a live window: its socket must stay
        if self._server.listen(self.name):
            return True
        QLocalServer.removeServer(self.name)
        return self._server.listen(self.name)

    def close(self) -> None:
        self._server.close()

    def _on_connection(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            if socket.state() == QLocalSocket.LocalSocketState.UnconnectedState:
                socket.deleteLater()  # a probe of a later start (see _answers): gone already
                continue
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        if not socket.canReadLine():
            return
        line = bytes(socket.readLine().data()).decode("utf-8", "replace")
        try:
            path = str(json.loads(line).get("open", ""))
        except (ValueError, AttributeError):
            path = ""
        socket.write(b"ok\n")
        socket.flush()
        self.activated.emit(path)
