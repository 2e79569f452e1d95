"""The Textual application (a first, read-only view of the profile)."""

from __future__ import annotations

from textual.app import App, ComposeResult, SystemCommand
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from ecqtui import paths
from ecqtui.store import Store


class ProfileScreen(Screen):
    """Lists what the profile holds: achievements and the stories told from them."""

    BINDINGS = [("q", "app.quit", "Quit")]

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store

    def compose(self) -> ComposeResult:
        bank = self.store.bank()
        profile = bank.profile
        yield Header()
        heading = f"{profile.name or 'New profile'}  |  framework: {profile.framework}"
        yield Static(Content(heading), id="profile-heading")
        options = []
        for achievement in bank.achievements:
            stories = bank.stories_for(achievement.id)
            lenses = ", ".join(s.ecq for s in stories) or "not mapped"
            line = f"{achievement.period:>12}  {achievement.title}  [{lenses}]"
            options.append(Option(Content(line), id=achievement.id))
        if not options:
            options.append(Option(Content("No achievements yet."), disabled=True))
        yield OptionList(*options, id="achievements")
        yield Footer()


class EcqApp(App):
    TITLE = "ecq-tui"
    CSS_PATH = str(paths.resource("styles") / "app.tcss")

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store

    def on_mount(self) -> None:
        self.push_screen(ProfileScreen(self.store))

    def get_system_commands(self, screen: Screen):
        # The Screenshot command writes the screen (career data) to the Downloads folder.
        for command in super().get_system_commands(screen):
            if "screenshot" not in command.title.lower():
                yield command


def make_app(store: Store) -> EcqApp:
    return EcqApp(store)


__all__ = ["EcqApp", "make_app", "SystemCommand"]
