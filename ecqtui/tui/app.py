"""The Textual application: a thin shell that holds the store, the autosaver and the screens.

Flow lives in the screens (``ecqtui/tui/screens``) and logic in ``ecqtui.core``; the App only
wires them together: the header, global keys, the palette, the theme and the signal handling
that keeps typed words when an SSH connection drops.
"""

from __future__ import annotations

import asyncio
import signal
from typing import Iterable

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.theme import Theme

from ecqtui import paths
from ecqtui.store import Store
from ecqtui.tui.autosave import Autosaver
from ecqtui.tui.commands import StepCommands

#: Black and white with a yellow accent, for glare, projectors and low vision.
HIGH_CONTRAST = Theme(
    name="ecq-high-contrast",
    primary="#ffff00",
    secondary="#00ffff",
    accent="#ffff00",
    warning="#ffff00",
    error="#ff5555",
    success="#00ff00",
    foreground="#ffffff",
    background="#000000",
    surface="#000000",
    panel="#1a1a1a",
    boost="#333333",
    dark=True,
)


class EcqApp(App):
    """ecq-tui: self-evaluation to story outline, keyboard first."""

    TITLE = "ecq-tui"
    CSS_PATH = [str(paths.resource("styles") / "app.tcss"), str(paths.resource("styles") / "dialogs.tcss")]
    COMMANDS = App.COMMANDS | {StepCommands}
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", priority=True, id="app.quit", tooltip="Save everything and quit"),
        Binding("f1", "help", "Help", id="app.help", tooltip="Keys and guidance for this screen"),
    ]

    def __init__(self, store: Store, *, theme: str | None = None) -> None:
        super().__init__()
        self.store = store
        #: Debounced saving of typed text; flushed on leaving a screen, quit and SIGHUP/SIGTERM.
        self.autosaver = Autosaver(self)
        self.register_theme(HIGH_CONTRAST)
        if theme and theme in self.available_themes:
            self.theme = theme
        self._signals_installed: list[int] = []

    def on_mount(self) -> None:
        """Install the signal handlers, show the profile in the header and open Home."""
        self.refresh_header()
        try:
            loop = asyncio.get_running_loop()
            for sig in (signal.SIGHUP, signal.SIGTERM):
                loop.add_signal_handler(sig, self._flush_and_exit)
                self._signals_installed.append(sig)
        except (NotImplementedError, RuntimeError, ValueError):
            pass  # not the main thread or no signals here; autosave still runs
        from ecqtui.tui.screens.home import HomeScreen

        self.push_screen(HomeScreen())

    def on_unmount(self) -> None:
        self.autosaver.flush()
        try:
            loop = asyncio.get_running_loop()
            for sig in self._signals_installed:
                loop.remove_signal_handler(sig)
        except RuntimeError:
            pass

    def _flush_and_exit(self) -> None:
        """SIGHUP (a dropped SSH link) or SIGTERM: Textual runs no cleanup, so save and exit here."""
        self.keep_drafts()
        self.autosaver.flush()
        self.exit(return_code=0)

    def refresh_header(self) -> None:
        """Profile name, framework and read-only state in the header (shown as plain text)."""
        profile = self.store.profile()
        # Short on purpose: the header must fit 80 columns with a long name.
        parts = ["read-only"] if self.store.read_only else []
        name = profile.name or "New profile"
        if len(name) > 28:  # keep the framework visible at 80 columns
            name = name[:27] + "…"
        parts += [name, f"{profile.framework} ECQs"]
        self.sub_title = " | ".join(parts)

    async def action_quit(self) -> None:
        """Ctrl+Q: let keys typed just before it land, keep every draft, save, then leave."""
        await self._settle()
        self.keep_drafts()
        self.autosaver.flush()
        self.exit()

    async def _settle(self) -> None:
        """Wait (at most half a second) for widgets to handle the keys already queued for them.

        Over a slow link, "LAST" and Ctrl+Q can arrive in one read: the App handles Ctrl+Q at
        once while the editor has yet to insert the letters, so quitting straight away lost them.
        """
        try:
            from textual._wait import wait_for_idle  # private, but stable within textual 8
        except ImportError:  # pragma: no cover - a later Textual moved it
            await asyncio.sleep(0.1)
            return
        await wait_for_idle(0.02, 0.5)

    def keep_drafts(self) -> None:
        """Save what every open screen or dialog holds typed but not yet stored (quit, hang-up)."""
        for screen in reversed(self.screen_stack):
            leave_drafts = getattr(screen, "leave_drafts", None)
            if leave_drafts is not None:
                try:
                    leave_drafts()
                except Exception as exc:  # one failing draft must not stop the others being kept
                    self.log.error(f"keeping drafts of {screen!r} failed: {exc!r}")

    def action_help(self) -> None:
        from ecqtui.tui.widgets.dialogs import HelpScreen

        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen.for_screen(self.screen))

    def open_step(self, step_id: str, *, over_current: bool = False, **kwargs) -> None:
        """Open a step on top of Home (used by Home, the palette and "write this story").

        ``over_current`` opens it above the current step instead, so Escape comes back to it
        (Map's and Rebalance's "write this story").
        """
        from ecqtui.tui.screens import step_screen

        self.autosaver.flush()
        screen = step_screen(self, step_id, **kwargs)
        if screen is None:
            return
        if over_current:
            self.push_screen(screen)
            return
        # Keep the stack shallow: the default screen, Home, then one step (dialogs above it).
        while len(self.screen_stack) > 2:
            leaving = self.screen_stack[-1]
            leave_drafts = getattr(leaving, "leave_drafts", None)
            if leave_drafts is not None:
                leave_drafts()  # a half-typed recollection is kept, never dropped
            self.pop_screen()
        self.autosaver.flush()
        self.push_screen(screen)

    def action_switch_framework(self) -> None:
        from ecqtui.tui.screens.switch import FrameworkSwitchScreen

        self.push_screen(FrameworkSwitchScreen())

    def action_export_outline(self) -> None:
        self.open_step("outline", export=True)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        # The Screenshot command writes the screen (career data) to the Downloads folder.
        for command in super().get_system_commands(screen):
            if "screenshot" not in command.title.lower():
                yield command


def make_app(store: Store, *, theme: str | None = None) -> EcqApp:
    return EcqApp(store, theme=theme)


__all__ = ["EcqApp", "make_app", "HIGH_CONTRAST"]
