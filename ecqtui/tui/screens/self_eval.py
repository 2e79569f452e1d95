"""Self-evaluation: readiness questions, fit, what others recall, career stages, and the decision."""

from __future__ import annotations

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Header, Input, Label, OptionList, Static, TabbedContent, TabPane, TextArea
from textual.widgets.option_list import Option

from ecqtui import paths
from ecqtui.core.models import Achievement, ReadinessAnswer, Recollection
from ecqtui.core.self_eval import (
    ASK_OTHERS_PROMPTS,
    CAREER_STAGE_PROMPTS,
    FIT_TOPICS,
    QUESTIONS_BY_ID,
    READINESS_QUESTIONS,
    summarize,
)
from ecqtui.tui.screens.base import StepScreen

#: Answer -> (symbol, label). The symbol carries the state without colour.
ANSWER_MARKS = {
    "yes": ("[x]", "Yes"),
    "not_yet": ("[!]", "Not yet"),
    "unsure": ("[?]", "Unsure"),
    None: ("[ ]", "-"),
}
ANSWER_KEYS = {"1": "yes", "y": "yes", "2": "not_yet", "n": "not_yet", "3": "unsure", "u": "unsure"}


class ReadinessList(OptionList):
    """The ten questions; 1/2/3 or y/n/u answer the highlighted one."""

    BINDINGS = [
        Binding("1,y", "answer('yes')", "Yes", id="self_eval.yes"),
        Binding("2,n", "answer('not_yet')", "Not yet", id="self_eval.not_yet"),
        Binding("3,u", "answer('unsure')", "Unsure", id="self_eval.unsure"),
    ]

    def action_answer(self, answer: str) -> None:
        self.screen.answer_highlighted(answer)  # type: ignore[attr-defined]


class RecollectionList(OptionList):
    BINDINGS = [
        Binding("b", "to_achievement", "Make achievement", id="self_eval.to_achievement",
                tooltip="Turn the highlighted recollection into a brainstormed achievement"),
    ]

    def action_to_achievement(self) -> None:
        self.screen.recollection_to_achievement()  # type: ignore[attr-defined]


class SelfEvalScreen(StepScreen):
    STEP_ID = "self_eval"
    TITLE_TEXT = "Self-evaluation"
    CSS_PATH = str(paths.resource("styles") / "self_eval.tcss")
    HELP = (
        "For each readiness question, Tab to the example box and note a moment that shows it (Enter "
        "comes back to the list), then answer honestly: 1 or y for Yes, 2 or n for Not yet, 3 or u for "
        "Unsure. Answering moves on to the next question. Fit asks whether the executive life "
        "suits you and those close to you. Ask others records what colleagues, mentors or family remember; "
        "press b on one to make it an achievement. Career stages asks where you have led. The Summary shows "
        "the areas to develop; press c to record that you commit now or l for not yet. Tab moves between "
        "fields; Ctrl+N moves to the next section (or Tab to the section bar, then Left and Right). Everything saves as you type."
    )
    BINDINGS = StepScreen.BINDINGS + [
        Binding("ctrl+n", "next_tab", "Next section", id="self_eval.next_tab", priority=True,
                tooltip="Readiness, Fit, Ask others, Career stages, Summary"),
        Binding("ctrl+right", "next_tab", "Next section", id="self_eval.next_tab_arrow", show=False),
        Binding("ctrl+left", "previous_tab", "Previous section", id="self_eval.prev_tab", show=False),
        # Only on the Summary tab, outside the text boxes (see check_action).
        Binding("c", "decide('commit')", "Commit now", id="self_eval.commit"),
        Binding("l", "decide('not_yet')", "Not yet", id="self_eval.not_yet_decision"),
        # Not in the footer (it would push Quit and Help off an 80-column line); the summary names it.
        Binding("p", "fill_plan", "Actions to plan", id="self_eval.fill_plan", show=False),
    ]

    TABS = ("readiness", "fit", "others", "stages", "summary")

    def compose(self) -> ComposeResult:
        evaluation = self.store.self_evaluation()
        yield Header()
        with TabbedContent(id="self-eval-tabs", initial="readiness"):
            with TabPane("Readiness", id="readiness"):
                yield ReadinessList(id="questions")
                yield Static(Content(""), id="question-text", classes="detail")
                yield Input(placeholder="An example (optional)", id="example", compact=True, select_on_focus=False)
            with TabPane("Fit", id="fit"):
                with VerticalScroll():
                    for topic, prompt in FIT_TOPICS:
                        yield Static(Content(prompt), classes="prompt")
                        area = TextArea(evaluation.fit.get(topic, ""), id=f"fit-{topic}", classes="reflection")
                        area.soft_wrap = True
                        yield area
            with TabPane("Ask others", id="others"):
                yield RecollectionList(id="recollections")
                yield Static(Content("[x] = already an achievement; b makes one. Ask: " + ASK_OTHERS_PROMPTS[0]), id="ask-prompt", classes="hint")
                with Horizontal(id="recollection-form"):
                    yield Input(placeholder="Who", id="rec-who", compact=True, select_on_focus=False)
                    yield Input(placeholder="Relation", id="rec-relation", compact=True, select_on_focus=False)
                yield Input(placeholder="What they recall (Enter adds it)", id="rec-text", compact=True, select_on_focus=False)
            with TabPane("Career stages", id="stages"):
                with VerticalScroll():
                    for stage, prompt in CAREER_STAGE_PROMPTS.items():
                        yield Static(Content(prompt), classes="prompt")
                        area = TextArea(evaluation.career_stages.get(stage, ""), id=f"stage-{stage}", classes="reflection")
                        area.soft_wrap = True
                        yield area
            with TabPane("Summary", id="summary"):
                with VerticalScroll(id="summary-scroll"):
                    yield Static(Content(""), id="summary-text", classes="detail")
                    yield Static(Content(""), id="decision-text", classes="section-title")
                    yield Label(Content("Development plan (one action per line):"), classes="prompt")
                    plan = TextArea("\n".join(evaluation.development_plan), id="plan")
                    plan.soft_wrap = True
                    yield plan
        yield Footer(compact=True)

    def on_mount(self) -> None:
        super().on_mount()
        self.refresh_questions()
        self.refresh_recollections()
        self.refresh_summary()
        self.query_one("#questions", OptionList).highlighted = self._first_unanswered()
        self.query_one("#questions", OptionList).focus()

    # --- readiness ----------------------------------------------------------------------------

    def _first_unanswered(self) -> int:
        answers = self.store.self_evaluation().answers
        for i, q in enumerate(READINESS_QUESTIONS):
            if not (answers.get(q.id) and answers[q.id].answer):
                return i
        return 0

    def refresh_questions(self) -> None:
        answers = self.store.self_evaluation().answers
        options = self.query_one("#questions", OptionList)
        keep = options.highlighted
        options.clear_options()
        for q in READINESS_QUESTIONS:
            answer = answers.get(q.id)
            symbol, label = ANSWER_MARKS[answer.answer if answer else None]
            options.add_option(Option(Content(f"{symbol} {label:<8} {q.topic}"), id=q.id))
        if keep is not None:
            options.highlighted = keep

    def _highlighted_question(self) -> str | None:
        options = self.query_one("#questions", OptionList)
        if options.highlighted is None:
            return None
        return READINESS_QUESTIONS[options.highlighted].id

    @on(OptionList.OptionHighlighted, "#questions")
    def _show_question(self, event: OptionList.OptionHighlighted) -> None:
        q = QUESTIONS_BY_ID[event.option.id]
        self.query_one("#question-text", Static).update(Content(f"{q.question}\nFor example: {q.example_hint}"))
        answer = self.store.self_evaluation().answers.get(q.id)
        example = self.query_one("#example", Input)
        with example.prevent(Input.Changed):
            example.value = answer.example if answer else ""

    def answer_highlighted(self, answer: str) -> None:
        qid = self._highlighted_question()
        if qid is None or not self.writable():
            return
        self._save_example_now()
        evaluation = self.store.self_evaluation()
        current = evaluation.answers.get(qid) or ReadinessAnswer()
        current.answer = answer
        evaluation.answers[qid] = current
        if self.attempt(lambda: self.store.save_self_evaluation(evaluation)) is not None:
            self.refresh_questions()
            self.refresh_summary()
            options = self.query_one("#questions", OptionList)
            if options.highlighted is not None and options.highlighted < len(READINESS_QUESTIONS) - 1:
                options.highlighted += 1

    def _save_example_now(self) -> None:
        self.ecq_app.autosaver.flush()

    @on(Input.Changed, "#example")
    def _example_changed(self, event: Input.Changed) -> None:
        qid = self._highlighted_question()
        if qid is None:
            return
        text = event.value

        def save() -> None:
            evaluation = self.store.self_evaluation()
            current = evaluation.answers.get(qid) or ReadinessAnswer()
            current.example = text
            evaluation.answers[qid] = current
            self.store.save_self_evaluation(evaluation)

        self.schedule(f"self_eval:example:{qid}", save)

    @on(Input.Submitted, "#example")
    def _example_done(self) -> None:
        """Enter in the example: saved; back to the list, on the next question."""
        self.ecq_app.autosaver.flush()
        options = self.query_one("#questions", OptionList)
        if options.highlighted is not None and options.highlighted < len(READINESS_QUESTIONS) - 1:
            options.highlighted += 1
        options.focus()

    # --- fit, stages and plan text areas ------------------------------------------------------

    @on(TextArea.Changed)
    def _text_changed(self, event: TextArea.Changed) -> None:
        area_id = event.text_area.id or ""
        text = event.text_area.text
        if area_id.startswith("fit-"):
            topic = area_id[4:]

            def save() -> None:
                evaluation = self.store.self_evaluation()
                evaluation.fit[topic] = text
                self.store.save_self_evaluation(evaluation)

            self.schedule(f"self_eval:fit:{topic}", save)
        elif area_id.startswith("stage-"):
            stage = area_id[6:]

            def save() -> None:
                evaluation = self.store.self_evaluation()
                evaluation.career_stages[stage] = text
                self.store.save_self_evaluation(evaluation)

            self.schedule(f"self_eval:stage:{stage}", save)
        elif area_id == "plan":

            def save() -> None:
                evaluation = self.store.self_evaluation()
                evaluation.development_plan = [line.strip() for line in text.splitlines() if line.strip()]
                self.store.save_self_evaluation(evaluation)

            self.schedule("self_eval:plan", save)

    # --- ask others ---------------------------------------------------------------------------

    def refresh_recollections(self) -> None:
        options = self.query_one("#recollections", OptionList)
        keep = options.highlighted
        options.clear_options()
        for rec in self.store.recollections():
            mark = "[x]" if rec.achievement_id else "[ ]"
            who = f"{rec.who} ({rec.relation})" if rec.relation else rec.who
            first = rec.text.splitlines()[0] if rec.text else ""
            options.add_option(Option(Content(f"{mark} {who}: {first}"), id=rec.id))
        if not options.option_count:
            options.add_option(Option(Content("No recollections yet: ask someone who has seen you lead."), disabled=True))
        else:
            # Always a highlighted row, so b works at once without pressing Down first.
            options.highlighted = min(keep, options.option_count - 1) if keep is not None else 0

    @on(Input.Submitted, "#rec-text")
    def add_recollection(self) -> None:
        if not self.writable():
            return
        who = self.query_one("#rec-who", Input)
        relation = self.query_one("#rec-relation", Input)
        text = self.query_one("#rec-text", Input)
        if not text.value.strip():
            self.notify("Write what they recall first.", markup=False)
            return
        rec = Recollection(who=who.value.strip() or "Someone", relation=relation.value.strip(), text=text.value)
        if self.attempt(lambda: self.store.save(rec)) is not None:
            who.value = relation.value = text.value = ""
            self.refresh_recollections()
            recollections = self.query_one("#recollections", OptionList)
            recollections.highlighted = recollections.option_count - 1  # the one just added
            self.notify("Recollection saved. Press b on it to make it an achievement.", markup=False)
            who.focus()

    def leave_drafts(self) -> None:
        """Escape never discards a half-typed recollection: keep it as one."""
        if self.store.read_only:
            return
        text = self.query_one("#rec-text", Input).value
        who = self.query_one("#rec-who", Input).value
        if text.strip():
            rec = Recollection(who=who.strip() or "Someone",
                               relation=self.query_one("#rec-relation", Input).value.strip(), text=text)
            self.attempt(lambda: self.store.save(rec))

    def recollection_to_achievement(self) -> None:
        options = self.query_one("#recollections", OptionList)
        if options.highlighted is None or not self.writable():
            return
        option = options.get_option_at_index(options.highlighted)
        rec = self.store.get(Recollection, option.id or "")
        if rec is None:
            return
        if rec.achievement_id and self.store.get(Achievement, rec.achievement_id):
            self.notify("This recollection is already an achievement (see Brainstorm).", markup=False)
            return
        first = rec.text.strip().splitlines()[0] if rec.text.strip() else "Recollection"
        # A short working title cut at a word (the whole recollection becomes the summary).
        title = first if len(first) <= 70 else first[:70].rsplit(" ", 1)[0].rstrip(",;:") + " ..."
        achievement = Achievement(title=title, summary=rec.text, recollection_id=rec.id,
                                  notes=f"Recalled by {rec.who}" + (f" ({rec.relation})" if rec.relation else ""))

        def both() -> None:
            self.store.save(achievement)
            rec.achievement_id = achievement.id
            self.store.save(rec)

        if self.attempt(both) is not None or self.store.get(Achievement, achievement.id):
            self.refresh_recollections()
            self.notify(Content(f"Added to Brainstorm: {title}").plain, markup=False)

    # --- summary and decision -----------------------------------------------------------------

    def refresh_summary(self) -> None:
        evaluation = self.store.self_evaluation()
        summary = summarize(evaluation)
        lines = [summary.verdict, ""]
        if summary.develop:
            lines.append("Areas to develop:")
            for q in summary.develop:
                answer = evaluation.answers[q.id].answer
                lines.append(f"  {ANSWER_MARKS[answer][0]} {q.topic}")
            lines.append("")
            lines.append("Development actions:")
            lines.extend(f"  - {action}" for action in summary.suggested_actions)
            lines.append("")
        if summary.missing_stages:
            lines.append("Career stages without an example: " + ", ".join(summary.missing_stages))
            lines.append("")
        self.query_one("#summary-text", Static).update(Content("\n".join(lines)))
        if evaluation.decision:
            verdict = "Commit now" if evaluation.decision == "commit" else "Not yet"
            decision = (f"[x] Decision: {verdict}, recorded {evaluation.decision_date or 'without a date'}. "
                        "p copies the actions to your plan.")
        else:
            decision = "[ ] No decision yet: c = commit now, l = not yet (later), p = copy actions to the plan."
        self.query_one("#decision-text", Static).update(Content(decision))

    def _on_summary(self) -> bool:
        return self.query_one(TabbedContent).active == "summary" and not isinstance(self.focused, (Input, TextArea))

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action in ("decide", "fill_plan"):
            return self._on_summary()
        return True

    def record_decision(self, decision: str) -> None:
        if not self.writable():
            return
        self.ecq_app.autosaver.flush()
        evaluation = self.store.self_evaluation()
        evaluation.decision = decision
        evaluation.decision_date = date.today().isoformat()
        if self.attempt(lambda: self.store.save_self_evaluation(evaluation)) is not None:
            self.refresh_summary()
            open_questions = len(summarize(evaluation).unanswered)
            if open_questions:
                self.notify(f"Recorded, but {open_questions} readiness question(s) are still unanswered: "
                            "the step stays in progress until they are.", severity="warning", markup=False)

    def action_decide(self, decision: str) -> None:
        self.record_decision(decision)

    def action_fill_plan(self) -> None:
        plan = self.query_one("#plan", TextArea)
        actions = summarize(self.store.self_evaluation()).suggested_actions
        existing = [line for line in plan.text.splitlines() if line.strip()]
        added = [a for a in actions if a not in existing]
        plan.text = "\n".join(existing + added)  # TextArea.Changed schedules the save
        self.notify(f"{len(added)} development action(s) added to your plan." if added
                    else "Your plan already holds every suggested action.", markup=False)

    #: What takes focus when a section opens (focus left in a hidden section would switch back to it).
    FIRST_FIELD = {"readiness": "#questions", "fit": "#fit-pressure", "others": "#recollections",
                   "stages": "#stage-personal", "summary": "#summary-scroll"}

    def show_section(self, pane_id: str) -> None:
        self.query_one(TabbedContent).active = pane_id
        self.query_one(self.FIRST_FIELD[pane_id]).focus()

    def action_next_tab(self) -> None:
        tabs = self.query_one(TabbedContent)
        self.show_section(self.TABS[(self.TABS.index(tabs.active) + 1) % len(self.TABS)])

    def action_previous_tab(self) -> None:
        tabs = self.query_one(TabbedContent)
        self.show_section(self.TABS[(self.TABS.index(tabs.active) - 1) % len(self.TABS)])

    @on(TabbedContent.TabActivated)
    def _tab_changed(self, event: TabbedContent.TabActivated) -> None:
        self.ecq_app.autosaver.flush()
        if event.pane.id == "summary":
            self.refresh_summary()
        self.refresh_bindings()

