"""Windows that fit the screen they open on: the main window, the preview and every dialog.

A 1366 × 768 laptop with a taskbar leaves about 1366 × 728 pixels; a 1920 × 1080 screen at
150 % leaves 1280 × 690. A window taller than that hides its bottom edge (status line,
buttons) below the screen, where the clerk never finds them. These helpers size a window
against the *available* geometry of its screen, allowing for the frame the window system adds,
and pull back a remembered geometry that lies off every screen (a monitor unplugged since).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMargins, QObject, QPoint, QRect, QSettings, QSize, QTimer
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

# Before a window is shown its frame is unknown; this much is kept free for a title bar and
# borders (Windows 10/11 at 100 %: 31 px title, 8 px borders).
FRAME_ALLOWANCE = QMargins(8, 32, 8, 8)
# Screens smaller than this open the main window maximised: every pixel is needed there.
MAXIMISE_BELOW = QSize(1440, 900)
MAIN_WINDOW_SIZE = QSize(1280, 800)
MIN_VISIBLE = 120  # px of a remembered window that must be on a screen to keep its place


def screen_of(widget: QWidget | None = None) -> QScreen | None:
    """The screen ``widget`` is on (or will open on), else the primary screen."""
    screen = widget.screen() if widget is not None else None
    return screen or QGuiApplication.primaryScreen()


def available_rect(widget: QWidget | None = None) -> QRect:
    """The part of the widget's screen not taken by taskbars and docks."""
    screen = screen_of(widget)
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 728)


def frame_margins(widget: QWidget) -> QMargins:
    """The frame around ``widget``: measured once shown, else the allowance."""
    if widget.isVisible():
        frame, inner = widget.frameGeometry(), widget.geometry()
        measured = QMargins(
            inner.left() - frame.left(),
            inner.top() - frame.top(),
            frame.right() - inner.right(),
            frame.bottom() - inner.bottom(),
        )
        if measured.top() > 0 or measured.left() > 0:
            return measured
    return FRAME_ALLOWANCE


def fitting_size(widget: QWidget, wanted: QSize) -> QSize:
    """``wanted`` shrunk so the window with its frame fits the available screen."""
    room = available_rect(widget).marginsRemoved(frame_margins(widget)).size()
    return wanted.boundedTo(room).expandedTo(widget.minimumSize().boundedTo(room))


def centre_on_screen(widget: QWidget) -> None:
    """Place ``widget`` (its frame included) in the middle of the available screen."""
    area = available_rect(widget)
    margins = frame_margins(widget)
    outer = widget.size().grownBy(margins)
    left = area.left() + max(0, (area.width() - outer.width()) // 2) + margins.left()
    top = area.top() + max(0, (area.height() - outer.height()) // 2) + margins.top()
    widget.move(left, top)


def size_window(widget: QWidget, wanted: QSize) -> None:
    """Resize a top-level window to ``wanted`` or the screen, whichever is smaller, centred."""
    widget.resize(fitting_size(widget, wanted))
    centre_on_screen(widget)


def restore_remembered(window: QMainWindow, settings: QSettings) -> bool:
    """The window's remembered geometry and toolbar state; True when it is to be shown
    maximised (see :func:`open_main_window`)."""
    geometry = settings.value("window/geometry")
    remembered = geometry is not None and window.restoreGeometry(geometry)
    maximised = open_main_window(window, remembered)
    state = settings.value("window/state")
    if state is not None:
        window.restoreState(state)
    return maximised


def open_main_window(widget: QWidget, remembered: bool) -> bool:
    """Before the first show: a small screen opens maximised; otherwise a remembered geometry
    is kept if it fits on a screen, or a comfortable size is centred.

    Returns whether the caller is to show the window maximised (``showMaximized()``: the state
    is set in C++, so Qt's namespace is not built in Python before the first paint)."""
    area = available_rect(widget)
    small = area.width() < MAXIMISE_BELOW.width() or area.height() < MAXIMISE_BELOW.height()
    if remembered and widget.isMaximized():
        return False
    if remembered and on_some_screen(widget.geometry()):
        keep_inside(widget)
        return False
    size_window(widget, MAIN_WINDOW_SIZE)
    return small


def on_some_screen(rect: QRect) -> bool:
    """Whether enough of ``rect`` (its top edge above all, where the title bar is) shows on a
    screen for the clerk to grab and move it."""
    title = QRect(
        rect.left(), rect.top() - FRAME_ALLOWANCE.top(), rect.width(), 2 * FRAME_ALLOWANCE.top()
    )
    for screen in QGuiApplication.screens():
        seen = screen.availableGeometry().intersected(title)
        if seen.width() >= min(MIN_VISIBLE, rect.width()):
            return True
    return False


def keep_inside(widget: QWidget) -> None:
    """Shrink and move a top-level window so its frame lies within the available screen."""
    if widget.isMaximized() or widget.isFullScreen():
        return
    area = available_rect(widget)
    margins = frame_margins(widget)
    size = fitting_size(widget, widget.size())
    if size != widget.size():
        widget.resize(size)
    outer = QRect(widget.geometry().topLeft(), size).marginsAdded(margins)
    dx = dy = 0
    if outer.right() > area.right():
        dx = area.right() - outer.right()
    if outer.left() + dx < area.left():
        dx = area.left() - outer.left()
    if outer.bottom() > area.bottom():
        dy = area.bottom() - outer.bottom()
    if outer.top() + dy < area.top():
        dy = area.top() - outer.top()
    if dx or dy:
        widget.move(widget.pos() + QPoint(dx, dy))


class _ScreenFitter(QObject):
    """Keeps every dialog and secondary window inside the screen when it is shown."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() != QEvent.Type.Show
            or not isinstance(watched, QWidget)
            or not watched.isWindow()
        ):
            return False
        from PySide6.QtCore import Qt  # installed after the main window's first paint

        if watched.windowType() in (Qt.WindowType.Window, Qt.WindowType.Dialog):
            keep_inside(watched)
            # the frame is known only once the window system has it: check again then
            QTimer.singleShot(0, watched, lambda: keep_inside(watched))
        return False


_fitter: _ScreenFitter | None = None


def install_screen_fit() -> None:
    """Watch the application so any window shown later fits its screen (idempotent)."""
    global _fitter
    app = QApplication.instance()
    if app is None or _fitter is not None:
        return
    _fitter = _ScreenFitter(app)
    app.installEventFilter(_fitter)
