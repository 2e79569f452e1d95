"""The six steps of the guided app as a linear conversation, over the same store and coach.

Each answer is saved as soon as it is given, so Ctrl+C or a dropped line loses at most the
answer being typed. The flow knows nothing of how questions are shown: it talks to a
:class:`~ecqtui.plain.io.PlainIO`.

The coach is imported when a step first needs it, not at start: the step menu must appear
within 300 ms over SSH, and compiling the coach's patterns costs a third of that.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ecqtui.core.figures import FigureError, exact_amount, parse_amount, parse_count, parse_year
from ecqtui.core.frameworks import Framework, load_framework
from ecqtui.core.guidance import PART_GUIDANCE, PART_LABELS, memory_prompts
from ecqtui.core.models import (
    CAREER_STAGES,
    CCAR_PARTS,
    STORY_STATUSES,
    Achievement,
    ReadinessAnswer,
    Recollection,
    Story,
)
from ecqtui.core.progress import STEPS, resume_step, step_statuses
from ecqtui.core.self_eval import (
    ASK_OTHERS_PROMPTS,
    CAREER_STAGE_PROMPTS,
    FIT_TOPICS,
    READINESS_QUESTIONS,
    summarize,
)
from ecqtui.plain.io import Choice, PlainIO
from ecqtui.store import Store, StoreError

STEP_COUNT = len(STEPS)
STEP_NUMBER = {step_id: n for n, (step_id, _) in enumerate(STEPS, 1)}
STEP_NAME = dict(STEPS)
ANSWER_LABELS = {"yes": "Yes", "not_yet": "Not yet", "unsure": "Unsure"}
SEVERITY_WORDS = {"error": "Error", "warning": "Warning", "info": "Note"}
QUIT = "quit"
#: For the menu line only: loading the other framework just for its name cost a tenth of start-up.
FRAMEWORK_LABELS = {"classic": "the classic ECQs (five, 28 competencies)",
                    "2025": "the 2025 ECQs (in force since 1 Oct 2025)"}
DONE = "done"


class PlainFlow:
    """One plain-mode session on an open store."""

    def __init__(self, store: Store, io: PlainIO, *, today: date | None = None) -> None:
        self.store = store
        self.io = io
        self.today = today or date.today()

    # --- helpers ---------------------------------------------------------------------------

    @property
    def framework(self) -> Framework:
        return load_framework(self.store.profile().framework)

    def where(self, step: str, detail: str = "") -> None:
        text = f"Step {STEP_NUMBER[step]} of {STEP_COUNT}, {STEP_NAME[step]}"
        self.io.where = f"{text}, {detail}" if detail else text

    def say_findings(self, findings, *, limit: int = 12) -> None:
        if not findings:
            self.io.say("The coach finds nothing to fix here.")
            return
        for f in findings[:limit]:
            where = f" ({PART_LABELS[f.part]})" if f.part in PART_LABELS else ""
            self.io.say(f"- {SEVERITY_WORDS.get(f.severity, f.severity)}{where}, {f.code}: {f.message}")
        if len(findings) > limit:
            self.io.say(f"- and {len(findings) - limit} more.")

    def _achievement_line(self, a: Achievement) -> str:
        period = a.period
        return f"{a.title or '(untitled)'}" + (f" ({period})" if period else "")

    # --- the step menu -------------------------------------------------------------------

    def run(self) -> int:
        """The step menu until the user quits. Ctrl+C in a step comes back here; at the menu it leaves."""
        io = self.io
        profile = self.store.profile()
        io.say(f"ecq-tui plain mode. Profile: {profile.name or 'unnamed'}, framework {self.framework.name}.")
        if self.store.read_only:
            io.say(f"Data file: {self.store.path}, open read-only: you can look and print the outline, "
                   "but answers that change the profile are not saved.")
        else:
            io.say(f"Data file: {self.store.path}. Every answer is saved as soon as you give it.")
        step = resume_step(self.store.bank())
        while True:
            io.where = "Step menu"
            statuses = step_statuses(self.store.bank(), this_year=self.today.year)
            choices = [Choice(s.id, f"Step {n} of {STEP_COUNT}: {s.name} ({s.state.replace('_', ' ')}): {s.summary}")
                       for n, s in enumerate(statuses, 1)]
            other = "2025" if self.framework.id == "classic" else "classic"
            choices += [Choice("name", f"Your name on the outline ({self.store.profile().name or 'not set'})"),
                        Choice("framework", f"Switch the framework to {FRAMEWORK_LABELS[other]}"),
                        Choice(QUIT, "Quit")]
            try:
                step = io.choose("menu", "Which step?", choices, default=step)
            except KeyboardInterrupt:
                io.say("")
                io.say("Leaving plain mode. Everything up to your last answer is saved.")
                return 130
            if step == QUIT:
                io.say("Goodbye." + ("" if self.store.read_only else " Everything you answered is saved."))
                return 0
            try:
                if step == "name":
                    self.set_name()
                    step = resume_step(self.store.bank())
                    continue
                if step == "framework":
                    self.switch_framework(other)
                    step = resume_step(self.store.bank())
                    continue
                if not self.store.read_only:
                    self.store.set_last_step(step)
                getattr(self, f"step_{step}")()
            except KeyboardInterrupt:
                io.say("")
                io.say("Stopped. The answer you were typing was not saved; every earlier answer was. "
                       "Back at the step menu (Ctrl+C again leaves).")
                continue
            except StoreError as exc:
                io.say(f"Not saved: {exc} Back at the step menu.")
                continue
            step = _next_step(step)

    def set_name(self) -> None:
        self.io.where = "Profile"
        profile = self.store.profile()
        profile.name = self.io.text("profile.name", "Your name, as it should appear on the outline",
                                    default=profile.name)
        self.store.save_profile(profile)
        self.io.say(f"Saved: {profile.name or 'no name'}.")

    def switch_framework(self, target: str) -> None:
        io = self.io
        io.where = "Framework switch"
        bank = self.store.bank()
        plan = coach().plan_switch(bank, target)
        new_fw = load_framework(target)
        io.say(f"Switching to {new_fw.name} relabels {len(plan.relabels)} stories through the crosswalk.")
        titles = {s.id: bank.story_title(s.id) for s in bank.stories}
        for story_id, old, new, _ in plan.relabels:
            io.say(f"  {titles.get(story_id, story_id)}: {old} becomes {new or 'no ECQ (needs retelling)'}")
        for story_id in plan.needs_retelling:
            note = plan.notes.get(story_id, "")
            io.say(f"  Needs retelling: {titles.get(story_id, story_id)}" + (f": {note}" if note else ""))
        if not io.confirm("framework.confirm", f"Switch to {new_fw.name}? (a backup of the file is kept)", default=False):
            io.say("Nothing changed.")
            return
        self.store.replace_all(coach().apply_switch(bank, plan))
        io.say(f"Now using {new_fw.name}.")

    # --- 1. self-evaluation ------------------------------------------------------------------

    def step_self_eval(self) -> None:
        io = self.io
        se = self.store.self_evaluation()
        unanswered = [q for q in READINESS_QUESTIONS if not (se.answers.get(q.id) and se.answers[q.id].answer)]
        self.where("self_eval")
        mode = io.choose("self_eval.mode", "What would you like to do?", [
            Choice("unanswered", f"Answer what is still open ({len(unanswered)} questions, then any empty reflections)"),
            Choice("all", "Go through every question again"),
            Choice("others", "Ask others: record what colleagues, family or mentors recall"),
            Choice("summary", "See the summary and record your decision"),
        ], default="unanswered" if unanswered else "summary")
        if mode in ("unanswered", "all"):
            questions = READINESS_QUESTIONS if mode == "all" else unanswered
            for n, q in enumerate(questions, 1):
                self._readiness_question(q, n, len(questions))
            self._reflections(only_empty=mode == "unanswered")
            self._ask_others()
        elif mode == "others":
            self._ask_others()
        self._summary_and_decision()

    def _readiness_question(self, q, n: int, total: int) -> None:
        io = self.io
        self.where("self_eval", f"question {n} of {total}, {q.topic}")
        current = self.store.self_evaluation().answers.get(q.id) or ReadinessAnswer()
        answer = io.choose("self_eval.answer", f"{q.question}\n(For example: {q.example_hint})",
                           [Choice(k, v) for k, v in ANSWER_LABELS.items()], default=current.answer)
        self._save_answer(q.id, answer=answer)
        example = io.text("self_eval.example", "An example that shows it (optional; Enter to skip)",
                          default=current.example)
        self._save_answer(q.id, example=example)

    def _save_answer(self, question_id: str, **changes) -> None:
        se = self.store.self_evaluation()
        answer = se.answers.get(question_id) or ReadinessAnswer()
        for name, value in changes.items():
            setattr(answer, name, value)
        se.answers[question_id] = answer
        self.store.save_self_evaluation(se)

    def _reflections(self, *, only_empty: bool) -> None:
        io = self.io
        for n, (topic, prompt) in enumerate(FIT_TOPICS, 1):
            current = self.store.self_evaluation().fit.get(topic, "")
            if only_empty and current.strip():
                continue
            self.where("self_eval", f"would the SES life suit you, {n} of {len(FIT_TOPICS)}")
            text = io.text("self_eval.fit", prompt, default=current)
            se = self.store.self_evaluation()
            se.fit[topic] = text
            self.store.save_self_evaluation(se)
        for n, stage in enumerate(CAREER_STAGES, 1):
            current = self.store.self_evaluation().career_stages.get(stage, "")
            if only_empty and current.strip():
                continue
            self.where("self_eval", f"career stages, {n} of {len(CAREER_STAGES)}, {stage}")
            text = io.text("self_eval.stage", f"{CAREER_STAGE_PROMPTS[stage]} (your example; Enter to skip)",
                           default=current)
            se = self.store.self_evaluation()
            se.career_stages[stage] = text
            self.store.save_self_evaluation(se)

    def _ask_others(self) -> None:
        io = self.io
        io.say("Questions worth asking colleagues, family or mentors:")
        for prompt in ASK_OTHERS_PROMPTS:
            io.say(f"  - {prompt}")
        while True:
            recollections = self.store.recollections()
            self.where("self_eval", f"ask others, {len(recollections)} recorded")
            choices = [Choice("add", "Record what someone recalls")]
            for r in recollections:
                if not r.achievement_id:
                    choices.append(Choice(f"make:{r.id}", f"Make an achievement of: {r.who or 'someone'}: {r.text[:60]}"))
            choices.append(Choice(DONE, "Done with asking others"))
            action = io.choose("self_eval.others", "What next?", choices, default=DONE)
            if action == DONE:
                return
            if action == "add":
                who = io.text("recollection.who", "Who recalls it? (a name or a role)")
                relation = io.text("recollection.relation", "Their relation to you (colleague, mentor, family...)")
                text = io.lines("recollection.text", "What do they recall?")
                if not text.strip():
                    io.say("Nothing recorded: the recollection was empty.")
                    continue
                self.store.save(Recollection(who=who, relation=relation, text=text))
                io.say("Recorded.")
            else:
                rec = self.store.get(Recollection, action.split(":", 1)[1])
                if rec is None:
                    continue
                title = io.text("recollection.title", "A short title for this achievement",
                                default=rec.text.strip().splitlines()[0][:80] if rec.text.strip() else "",
                                validate=_required("a title"))
                achievement = self.store.save(Achievement(title=title, summary=rec.text, recollection_id=rec.id))
                rec.achievement_id = achievement.id
                self.store.save(rec)
                io.say(f"Added the achievement '{title}'. Fill in its years and figures in Brainstorm.")

    def _summary_and_decision(self) -> None:
        io = self.io
        self.where("self_eval", "summary")
        se = self.store.self_evaluation()
        summary = summarize(se)
        io.say(summary.verdict)
        for q in summary.develop:
            io.say(f"  To develop: {q.topic} (you answered {ANSWER_LABELS[se.answers[q.id].answer].lower()}).")
        if summary.missing_stages:
            io.say("  Career stages without an example: " + ", ".join(summary.missing_stages) + ".")
        suggestions = summary.suggested_actions
        if suggestions:
            plan = se.development_plan or suggestions
            actions = list(dict.fromkeys([*suggestions, *se.development_plan]))
            picked = io.checkbox("self_eval.plan", "Development actions for your plan",
                                 [Choice(str(i), action) for i, action in enumerate(actions, 1)],
                                 selected=[str(i) for i, action in enumerate(actions, 1) if action in plan])
            se = self.store.self_evaluation()
            se.development_plan = [actions[int(i) - 1] for i in picked]
            self.store.save_self_evaluation(se)
        elif se.development_plan:
            io.say("Your development plan: " + "; ".join(se.development_plan))
        decision = io.choose("self_eval.decision", "Your decision about an SES bid", [
            Choice("commit", "Commit now: I am ready to write my ECQs"),
            Choice("not_yet", "Not yet: I will work on my development plan first"),
            Choice("later", "Decide later (nothing recorded)"),
        ], default=se.decision or "later")
        if decision != "later":
            se = self.store.self_evaluation()
            se.decision = decision
            se.decision_date = self.today.isoformat()
            self.store.save_self_evaluation(se)
            io.say(f"Recorded: {'commit now' if decision == 'commit' else 'not yet'}, on {se.decision_date}.")

    # --- 2. brainstorm -----------------------------------------------------------------------

    def step_brainstorm(self) -> None:
        io = self.io
        fw = self.framework
        io.say(f"Aim for {fw.rules.distinct_stories_total} or more achievements from the last "
               f"{fw.rules.recency_years} years.")
        self._list_achievements()
        while True:
            achievements = self.store.achievements()
            self.where("brainstorm", f"{len(achievements)} achievements")
            choices = [Choice("add", "Add an achievement"), Choice("prompts", "Add one with a memory-jogging prompt")]
            if achievements:
                choices += [Choice("edit", "Edit an achievement"), Choice("delete", "Delete an achievement"),
                            Choice("list", "List the achievements with the coach's warnings")]
            choices.append(Choice(DONE, "Done with Brainstorm"))
            action = io.choose("brainstorm.action", "What next?", choices, default="add")
            if action == DONE:
                return
            if action == "list":
                self._list_achievements()
            elif action == "add":
                self._achievement_form(None, len(achievements) + 1, len(achievements) + 1)
            elif action == "prompts":
                prompts = memory_prompts(fw, achievements, self.today.year)
                key = io.choose("brainstorm.prompt", "Which prompt?",
                                [Choice(p.key, p.label) for p in prompts] + [Choice("back", "Back")])
                if key == "back":
                    continue
                prompt = next(p for p in prompts if p.key == key)
                io.say(prompt.question)
                self._achievement_form(None, len(achievements) + 1, len(achievements) + 1, start_year=prompt.start_year)
            else:
                a = self._pick_achievement(f"brainstorm.{action}", f"Which achievement to {action}?", achievements)
                if a is None:
                    continue
                if action == "edit":
                    self._achievement_form(a, achievements.index(a) + 1, len(achievements))
                else:
                    self._delete_achievement(a)

    def _list_achievements(self) -> None:
        achievements = self.store.achievements()
        fw = self.framework
        if not achievements:
            self.io.say("No achievements yet.")
        for n, a in enumerate(achievements, 1):
            warnings = _finding_summary(coach().check_achievement(a, fw, year_end=self.today.year))
            self.io.say(f"  {n}. {self._achievement_line(a)}" + (f": {warnings}" if warnings else ""))

    def _pick_achievement(self, key: str, prompt: str, achievements: list[Achievement]) -> Achievement | None:
        choices = [Choice(a.id, self._achievement_line(a)) for a in achievements]
        choices.append(Choice("back", "Back"))
        chosen = self.io.choose(key, prompt, choices)
        return next((a for a in achievements if a.id == chosen), None)

    def _delete_achievement(self, a: Achievement) -> None:
        stories = self.store.bank().stories_for(a.id)
        extra = f" Its {len(stories)} stor{'ies' if len(stories) != 1 else 'y'} will go with it." if stories else ""
        if self.io.confirm("brainstorm.confirm_delete", f"Delete '{a.title}'?{extra}", default=False):
            self.store.delete(Achievement, a.id)
            self.io.say("Deleted.")
        else:
            self.io.say("Kept.")

    def _achievement_form(self, a: Achievement | None, n: int, total: int, start_year: int | None = None) -> None:
        """Ask each field in turn; the achievement is saved after every answer."""
        io = self.io
        self.where("brainstorm", f"achievement {n} of {total}")
        this_year = self.today.year
        title = io.text("achievement.title", "Title: what did you lead, in a few words?",
                        default=a.title if a else "", validate=_required("a title") if a else None)
        if not title:
            io.say("Nothing added: an achievement needs a title.")
            return
        if a is None:
            a = Achievement(title=title, start_year=start_year)
        a.title = title
        a = self.store.save(a)

        def ask_save(field: str, value) -> None:
            nonlocal a
            setattr(a, field, value)
            a = self.store.save(a)

        ask_save("summary", io.lines("achievement.summary", "Summary: the challenge, what you did, what changed",
                                     default=a.summary))
        start = parse_year(io.text("achievement.start_year", "Year it started (e.g. 2021)",
                                                default=_str(a.start_year), validate=_year_check(this_year)))
        if start is not None and a.end_year is not None and a.end_year < start:
            a.end_year = None  # asked again just below, unless the achievement is ongoing
        ask_save("start_year", start)
        ask_save("ongoing", io.confirm("achievement.ongoing", "Is it still going on?", default=a.ongoing))
        if not a.ongoing:
            ask_save("end_year", parse_year(io.text("achievement.end_year", "Year it ended",
                                                  default=_str(a.end_year),
                                                  validate=_year_check(this_year, after=a.start_year))))
        else:
            ask_save("end_year", None)
        ask_save("people", parse_count(io.text("achievement.people", "People you led or whose work you directed (a number, for example 35)",
                                               default=_str(a.people), validate=_figure_check(parse_count))))
        ask_save("budget", parse_amount(io.text("achievement.budget", "Budget or money involved (e.g. $4.2M)",
                                                default=exact_amount(a.budget), validate=_figure_check(parse_amount))))
        ask_save("organizations", parse_count(io.text("achievement.organizations",
                                                      "How many organizations or partners were involved (a number)",
                                                      default=_str(a.organizations),
                                                      validate=_figure_check(parse_count))))
        results = io.lines("achievement.results", "Results with figures, one per line (e.g. backlog cut 40%)",
                           default="\n".join(a.results))
        ask_save("results", [line.strip() for line in results.splitlines() if line.strip()])
        ask_save("notes", io.lines("achievement.notes", "Notes (anything else worth remembering)", default=a.notes))
        io.say(f"Saved: {self._achievement_line(a)}.")
        self.say_findings(_unique_codes(coach().check_achievement(a, self.framework, year_end=this_year)))

    # --- 3. map ------------------------------------------------------------------------------------

    def step_map(self) -> None:
        io = self.io
        shown_coverage = False
        while True:
            bank = self.store.bank()
            fw = load_framework(bank.profile.framework)
            self.where("map", f"{len(bank.achievements)} achievements")
            if not bank.achievements:
                io.say("There is nothing to map yet: add achievements in Brainstorm first.")
                return
            choices = []
            for a in bank.achievements:
                lenses = ", ".join(s.ecq for s in bank.stories_for(a.id)) or "not mapped"
                choices.append(Choice(a.id, f"{self._achievement_line(a)}: {lenses}"))
            choices += [Choice("coverage", "Show the coverage of ECQs and competencies"),
                        Choice(DONE, "Done with Map")]
            unmapped = next((a.id for a in bank.achievements if not bank.stories_for(a.id)), None)
            default = unmapped or (DONE if shown_coverage else "coverage")
            chosen = io.choose("map.achievement", "Which achievement to map?", choices, default=default)
            if chosen == DONE:
                return
            if chosen == "coverage":
                self._show_coverage()
                shown_coverage = True
                continue
            index = next(i for i, a in enumerate(bank.achievements) if a.id == chosen)
            self._map_one(bank.achievements[index], index + 1, len(bank.achievements), fw)

    def _map_one(self, a: Achievement, n: int, total: int, fw: Framework) -> None:
        io = self.io
        self.where("map", f"achievement {n} of {total}, {a.title}")
        suggestion = coach().suggest_for_achievement(a, fw)
        io.say("The coach's reading, best first:")
        for rank in suggestion.ranking[:3]:
            io.say(f"  {rank.ecq} {rank.name}: {rank.score:.0%}")
            for comp in [c for c in rank.competencies if c.score > 0][:3]:
                io.say(f"    {comp.name}, because of: {', '.join(comp.cues[:4])}")
        stories = self.store.bank().stories_for(a.id)
        story: Story | None = None
        if stories:
            choices = [Choice(s.id, f"Change the {s.ecq or 'no-ECQ'} story ({s.status})") for s in stories]
            if len({s.ecq for s in stories if s.ecq in fw.ecq_ids}) < len(fw.ecqs):
                choices.append(Choice("new", "Add another story through a different ECQ"))
            which = io.choose("map.story", "This achievement already has a story.", choices, default=stories[0].id)
            story = next((s for s in stories if s.id == which), None)
        lens_choices = [Choice(r.ecq, f"{r.ecq} {r.name} ({r.score:.0%})" + (" (coach's pick)" if i == 0 else ""))
                        for i, r in enumerate(suggestion.ranking)]
        taken = {s.ecq for s in stories if story is None or s.id != story.id}
        lens_choices = [c for c in lens_choices if c.value not in taken]
        lens = io.choose("map.lens", "Which ECQ lens?", lens_choices,
                         default=story.ecq if story else lens_choices[0].value)
        if story is None:
            story = Story(achievement_id=a.id, ecq=lens, status="idea")
        else:
            story.change_lens(lens)
        story = self.store.save(story)
        rank = next(r for r in suggestion.ranking if r.ecq == lens)
        cues = {c.id: c.cues for c in rank.competencies if c.score > 0}
        ecq = fw.ecq(lens)
        comp_choices = [Choice(c.id, c.name + (f" (coach: {', '.join(cues[c.id][:3])})" if c.id in cues else ""))
                        for c in ecq.competencies]
        picked = io.checkbox("map.competencies", f"Which {ecq.name} competencies does this story show?",
                             comp_choices, selected=story.competencies or list(cues)[:2])
        story.competencies = picked
        self.store.save(story)
        io.say(f"Mapped to {ecq.name} with {len(picked)} competenc{'y' if len(picked) == 1 else 'ies'}.")

    def _show_coverage(self) -> None:
        io = self.io
        bank = self.store.bank()
        fw = load_framework(bank.profile.framework)
        cov = coach().coverage(bank, fw)
        self.where("map", "coverage")
        for ecq in fw.ecqs:
            io.say(f"{ecq.name} ({ecq.id}): {cov.counts[ecq.id]} of {cov.target_per_ecq} stories")
            for comp in ecq.competencies:
                stories = cov.matrix[ecq.id][comp.id]
                mark = "[x]" if stories else "[ ]"
                io.say(f"  {mark} {comp.name}" + (f": {len(stories)} stor{'y' if len(stories) == 1 else 'ies'}" if stories else ""))
        if cov.gaps:
            io.say("Gaps:")
            for gap in cov.gaps:
                io.say(f"  - {gap}")
        for aid, ecqs in cov.duplicate_primary:
            a = bank.achievement(aid)
            io.say(f"  Look twice: '{a.title if a else aid}' is the story of {', '.join(ecqs)}.")
        for s1, s2, why in cov.similar_stories[:10]:
            io.say(f"  Look twice: '{bank.story_title(s1)}' and '{bank.story_title(s2)}' may tell the same "
                   f"event: {why}.")

    # --- 4. rebalance ----------------------------------------------------------------------------

    def step_rebalance(self) -> None:
        io = self.io
        while True:
            bank = self.store.bank()
            fw = load_framework(bank.profile.framework)
            self.where("rebalance")
            target = fw.rules.target_stories_per_ecq
            by_ecq = bank.stories_by_ecq()
            counts = {e.id: len(by_ecq.get(e.id, [])) for e in fw.ecqs}
            io.say("Stories per ECQ against the target of " + str(target) + ": "
                   + ", ".join(f"{e} {n}" for e, n in counts.items()) + ".")
            moves = coach().propose_moves(bank, fw)
            if not moves:
                if any(n < target for n in counts.values()):
                    io.say("No ECQ has a story to spare: add achievements (Brainstorm) or map more (Map) "
                           "for the ECQs short of stories.")
                else:
                    io.say("Balanced: no ECQ is short of stories.")
                return
            titles = {s.id: bank.story_title(s.id) for s in bank.stories}
            choices = [Choice(str(i), f"Retell '{titles.get(m.story_id, m.story_id)}' from {m.from_ecq} as {m.to_ecq}")
                       for i, m in enumerate(moves, 1)]
            choices.append(Choice(DONE, "Done with Rebalance"))
            chosen = io.choose("rebalance.move", "The coach proposes these moves. Look at one?", choices, default="1")
            if chosen == DONE:
                return
            self._consider_move(moves[int(chosen) - 1], titles, fw)

    def _consider_move(self, move, titles: dict[str, str], fw: Framework) -> None:
        io = self.io
        self.where("rebalance", f"'{titles.get(move.story_id, move.story_id)}' as {move.to_ecq}")
        io.say(f"Why it fits {fw.ecq(move.to_ecq).name}: {move.why}")
        io.say(f"New challenge: {move.new_challenge}")
        io.say(f"Actions to foreground: {move.foreground}")
        io.say(f"Result to lead with: {move.lead_result}")
        if not io.confirm("rebalance.accept", f"Retell this story through {fw.ecq(move.to_ecq).name}?", default=False):
            io.say("Left as it was.")
            return
        story = self.store.get(Story, move.story_id)
        if story is None:
            return
        ecq = fw.ecq(move.to_ecq)
        picked = io.checkbox("rebalance.competencies", f"Which {ecq.name} competencies will the retelling show?",
                             [Choice(c.id, c.name) for c in ecq.competencies], selected=list(move.competencies))
        io.say("Questions for the retelling:")
        for comp_id in picked:
            for question in move.questions.get(comp_id, ()):
                io.say(f"  - {fw.competency(comp_id).name}: {question}")
        reframe = io.lines("rebalance.reframe", "In a line or two, the new angle for this story (optional)")
        self.store.save(coach().apply_move(story, move, competencies=picked, reframe=reframe), checkpoint=True)
        io.say(f"Moved to {ecq.name}. The old lens is kept in the story's history; rewrite it in Write CCAR.")

    # --- 5. write CCAR ------------------------------------------------------------------------------

    def step_write(self) -> None:
        io = self.io
        while True:
            bank = self.store.bank()
            fw = load_framework(bank.profile.framework)
            self.where("write", f"{len(bank.stories)} stories")
            if not bank.stories:
                io.say("There are no stories yet: choose an ECQ lens for an achievement in Map first.")
                return
            choices = []
            for ecq_id in [*fw.ecq_ids, None]:
                for s in bank.stories:
                    if s.ecq == ecq_id or (ecq_id is None and s.ecq not in fw.ecq_ids):
                        a = bank.achievement(s.achievement_id)
                        label = ecq_id or "No ECQ of this framework (map it again)"
                        choices.append(Choice(s.id, f"{label}: {a.title if a else s.id} ({s.status})"))
            choices.append(Choice(DONE, "Done with Write CCAR"))
            first_open = next((c.value for c in choices if c.value != DONE and bank.story(c.value).status != "done"), DONE)
            chosen = io.choose("write.story", "Which story?", choices, default=first_open)
            if chosen == DONE:
                return
            self._write_story(chosen)

    def _write_story(self, story_id: str) -> None:
        io = self.io
        told_angle = False
        while True:
            story = self.store.get(Story, story_id)
            if story is None:
                return
            a = self.store.get(Achievement, story.achievement_id)
            title = a.title if a else story_id
            self.where("write", f"{story.ecq}: {title}")
            if story.reframe and not told_angle:
                io.say(f"The angle: {story.reframe}")
                told_angle = True
            choices = [Choice("all", "Write the four parts in order")]
            for part in CCAR_PARTS:
                words = len(getattr(story, part).split())
                choices.append(Choice(part, f"{PART_LABELS[part]} ({words} words)"))
            choices += [Choice("review", "Review: length, competencies and the coach's findings"),
                        Choice("history", "Earlier versions (restore one)"),
                        Choice("status", f"Set the status (now {story.status})"),
                        Choice(DONE, "Back to the list of stories")]
            empty = next((p for p in CCAR_PARTS if not getattr(story, p).strip()), "review")
            action = io.choose("write.next", "What next?", choices, default="all" if empty == "challenge" else empty)
            if action == DONE:
                return
            if action == "all":
                for n, part in enumerate(CCAR_PARTS, 1):
                    self._write_part(story_id, part, f"{story.ecq}: {title}, part {n} of 4")
                self._review(story_id)
            elif action in CCAR_PARTS:
                self._write_part(story_id, action, f"{story.ecq}: {title}")
            elif action == "review":
                self._review(story_id)
            elif action == "history":
                self._history(story_id)
            else:
                status = io.choose("write.status", "Status of this story",
                                   [Choice(s, s) for s in STORY_STATUSES], default=story.status)
                story = self.store.get(Story, story_id)
                story.status = status
                self.store.save(story)

    def _write_part(self, story_id: str, part: str, where: str) -> None:
        io = self.io
        self.where("write", f"{where}, {PART_LABELS[part]}")
        io.say(f"{PART_LABELS[part]}: {PART_GUIDANCE[part]}")
        story = self.store.get(Story, story_id)
        text = io.lines(f"write.{part}", f"Your {PART_LABELS[part]}", default=getattr(story, part))
        story = self.store.get(Story, story_id)
        if text != getattr(story, part):
            setattr(story, part, text)
            if story.status == "idea":
                story.status = "drafting"
            story = self.store.save(story, checkpoint=True)
        fw = self.framework
        findings = [f for f in coach().check_story(story, fw, year_end=self.today.year) if f.part == part]
        self.say_findings(findings)

    def _review(self, story_id: str) -> None:
        io = self.io
        story = self.store.get(Story, story_id)
        a = self.store.get(Achievement, story.achievement_id)
        fw = self.framework
        length = coach().estimate_length(story.text)
        io.say(f"Length: {length.words} words, about {length.pages:.1f} pages, "
               f"{length.spoken_minutes:.1f} minutes spoken.")
        shown = coach().evidence(story, fw)
        for comp_id in story.competencies:
            sentence = shown.get(comp_id)
            name = fw.competency(comp_id).name if comp_id in {c.id for c in fw.competencies} else comp_id
            io.say(f"  {'[x]' if sentence else '[ ]'} {name}" + (f": {sentence}" if sentence else ": no action shows it yet"))
        self.say_findings(coach().check_story(story, fw, achievement=a, year_end=self.today.year))

    def _history(self, story_id: str) -> None:
        io = self.io
        revisions = self.store.revisions("stories", story_id)
        if not revisions:
            io.say("No earlier versions yet: they are kept as you rewrite parts.")
            return
        choices = [Choice(str(i), f"{PART_LABELS.get(r.field, r.field)}, {r.at[:16].replace('T', ' ')}: "
                                  f"{' '.join(r.text.split())[:50]}")
                   for i, r in enumerate(revisions[:20], 1)]
        choices.append(Choice("back", "Back"))
        chosen = io.choose("write.revision", "Which earlier version?", choices)
        if chosen == "back":
            return
        revision = revisions[int(chosen) - 1]
        io.say(f"That version of the {PART_LABELS.get(revision.field, revision.field)}:")
        for line in revision.text.splitlines():
            io.say("  | " + line)
        if io.confirm("write.restore", "Put this version back? (the current text is kept as a version)", default=False):
            self.store.restore_revision(revision)
            io.say("Restored.")

    # --- 6. outline ----------------------------------------------------------------------------------

    def step_outline(self) -> None:
        from ecqtui.commands.outline import SUFFIXES, send_to_printer
        from ecqtui.core.outline import build_outline, render
        from ecqtui.errors import CommandError
        from ecqtui.safefile import write_new_file

        io = self.io
        self.where("outline")
        view = io.choose("outline.view", "Which view?", [
            Choice("outline", "Story outline: bullets per CCAR part, figures, coverage"),
            Choice("narrative", "Narrative: the full CCAR prose per ECQ"),
            Choice("resume", f"Resume bullets (against a {self.framework.rules.resume_pages:g}-page resume)"),
            Choice("interview", "Interview cue cards"),
        ], default="outline")
        destination = io.choose("outline.destination", "Where to?", [
            Choice("screen", "Show it here"),
            Choice("file", "Write a file (text, Markdown, HTML, Word or JSON)"),
            Choice("printer", "Send it to the printer"),
        ], default="screen")
        with_checks = io.confirm("outline.with_checks", "Add the coach's findings to each story?", default=False)
        include_self_eval = io.confirm("outline.self_eval", "Add your readiness summary and development plan?",
                                       default=False)
        outline = build_outline(self.store.bank(), view=view, with_checks=with_checks,
                                include_self_eval=include_self_eval, today=self.today)
        if destination == "screen":
            for line in render(outline, "text").splitlines():
                io.say(line)
            return
        if destination == "printer":
            try:
                used = send_to_printer(render(outline, "text"))
            except CommandError as exc:
                io.say(str(exc).removeprefix("ecq-tui outline: "))
                return
            io.say(f"Sent the outline to the printer ({used}).")
            return
        default_name = str(Path.home() / f"ecq-{view}.md")
        path_text = io.text("outline.path", "File to write (.txt, .md, .html, .docx or .json)",
                            default=default_name, validate=_required("a file name"))
        path = Path(path_text).expanduser()
        fmt = SUFFIXES.get(path.suffix.lower())
        if fmt is None:
            fmt = io.choose("outline.format", "Which format?", [Choice(f, f) for f in
                                                                 ("text", "markdown", "html", "docx", "json")],
                            default="markdown")
        overwrite = False
        if path.exists():
            overwrite = io.confirm("outline.overwrite", f"{path} exists. Replace it?", default=False)
            if not overwrite:
                io.say("Nothing written.")
                return
        rendered = render(outline, fmt)
        data = rendered if isinstance(rendered, bytes) else rendered.encode("utf-8")
        try:
            write_new_file(path, data, overwrite=overwrite)
        except OSError as exc:
            io.say(f"Not written: {path}: {exc.strerror or exc}")
            return
        io.say(f"Wrote the {view} ({fmt}) to {path} (readable only by you).")


def _unique_codes(findings: list) -> list:
    """One finding per code: the same warning twice in one record says nothing new."""
    seen: set[str] = set()
    return [f for f in findings if not (f.code in seen or seen.add(f.code))]


def _finding_summary(findings: list) -> str:
    """'error: too old; warning: not executive' for a list line."""
    return "; ".join(f"{f.severity}: {f.code.replace('-', ' ')}" for f in _unique_codes(findings))


def coach():
    import ecqtui.core.coach as module

    return module


def _next_step(step: str) -> str:
    ids = [s for s, _ in STEPS]
    return ids[min(ids.index(step) + 1, len(ids) - 1)]


def _str(value) -> str:
    return "" if value is None else str(value)


def _required(what: str):
    return lambda text: None if text.strip() else f"Please give {what}."


def _year_check(this_year: int, after: int | None = None):
    def check(text: str) -> str | None:
        if not text:
            return None
        try:
            year = parse_year(text)
        except FigureError:
            year = None
        if year is None or year > this_year + 1:
            return f"Give a year between 1950 and {this_year + 1}, or leave it empty."
        if after is not None and year < after:
            return f"The end cannot come before the start ({after})."
        return None
    return check


def _figure_check(parse):
    def check(text: str) -> str | None:
        try:
            parse(text)
        except FigureError as exc:
            message = str(exc)
            return message[:1].upper() + message[1:] + "."
        return None
    return check
