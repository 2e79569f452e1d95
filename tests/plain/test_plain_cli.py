"""`ecq-tui plain` as installed: answers files, no terminal, TERM=dumb, a real pty."""

from __future__ import annotations

import io
import json
import stat
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT, cli_env
from ecqtui.store import Store

EXAMPLE = REPO_ROOT / "docs" / "answers-example.json"


def answers_file(tmp_path: Path, answers: list) -> Path:
    path = tmp_path / "answers.json"
    path.write_text(json.dumps({"format": "ecq-tui-answers", "version": 1, "answers": answers}), encoding="utf-8")
    return path


def test_the_documented_answers_file_builds_a_complete_profile_and_outline(run_cli, tmp_path):
    db = tmp_path / "p.json"
    result = run_cli("--db", db, "plain", "--answers", EXAMPLE, input="")
    assert result.returncode == 0, result.stderr + result.stdout[-2000:]
    assert "\x1b" not in result.stdout
    with Store.open(db, read_only=True) as store:
        bank = store.bank()
    assert bank.profile.name == "Jordan Rivera"
    assert bank.self_evaluation.decision == "commit"
    assert len(bank.self_evaluation.answers) == 10 and len(bank.recollections) == 1
    titles = {a.title for a in bank.achievements}
    assert titles == {"Nine-state data-sharing MOU", "Cut the grant closeout backlog"}
    mou = next(a for a in bank.achievements if a.title.startswith("Nine"))
    assert (mou.start_year, mou.end_year, mou.organizations) == (2023, 2024, 9)
    assert bank.recollections[0].achievement_id == mou.id
    by_ecq = {s.ecq: s for s in bank.stories}
    assert set(by_ecq) == {"BC", "RD"}
    assert by_ecq["BC"].status == "done" and by_ecq["BC"].result.startswith("All 9 states signed")
    assert by_ecq["BC"].competencies == ["partnering", "influencing_negotiating"]
    outline = tmp_path / "ecq-outline.md"
    assert stat.S_IMODE(outline.stat().st_mode) == 0o600
    text = outline.read_text(encoding="utf-8")
    assert "Jordan Rivera" in text and "All 9 states signed within 8 months" in text
    assert "Readiness" in text                                  # --include-self-eval was answered yes


def test_an_answer_for_the_wrong_question_stops_with_exit_2_and_keeps_earlier_answers(run_cli, tmp_path):
    db = tmp_path / "p.json"
    path = answers_file(tmp_path, [
        {"prompt": "menu", "answer": "brainstorm"},
        {"prompt": "brainstorm.action", "answer": "add"},
        {"prompt": "achievement.title", "answer": "Kept title"},
        {"prompt": "achievement.start_year", "answer": "2020"},
    ])
    result = run_cli("--db", db, "plain", "--answers", path, input="")
    assert result.returncode == 2
    assert "answer 4" in result.stderr and "'achievement.start_year'" in result.stderr
    assert "'achievement.summary'" in result.stderr and "Step 2 of 6, Brainstorm" in result.stderr
    assert "Traceback" not in result.stderr
    with Store.open(db, read_only=True) as store:
        assert [a.title for a in store.achievements()] == ["Kept title"]


def test_answers_that_run_out_exit_1_naming_the_waiting_question(run_cli, tmp_path):
    path = answers_file(tmp_path, [{"prompt": "menu", "answer": "brainstorm"}])
    result = run_cli("--db", tmp_path / "p.json", "plain", "--answers", path, input="")
    assert result.returncode == 1
    assert "'brainstorm.action'" in result.stderr and "saved" in result.stderr


@pytest.mark.parametrize("content, reason", [
    ("{not json", "not valid JSON"),
    ('{"format": "something-else", "answers": []}', "expected 'ecq-tui-answers'"),
    ('{"answers": 3}', "must hold a list"),
    ('[{"prompt": "menu"}]', 'has no "answer"'),
    ('["banana"]', "'banana' is not one of the choices"),
])
def test_bad_answers_files_are_refused_with_the_reason(run_cli, tmp_path, content, reason):
    path = tmp_path / "answers.json"
    path.write_text(content, encoding="utf-8")
    result = run_cli("--db", tmp_path / "p.json", "plain", "--answers", path, input="")
    assert result.returncode == 2
    assert reason in result.stderr and "Traceback" not in result.stderr


def test_missing_answers_file_is_a_clear_error(run_cli, tmp_path):
    result = run_cli("--db", tmp_path / "p.json", "plain", "--answers", tmp_path / "nope.json", input="")
    assert result.returncode == 2 and "cannot read the answers file" in result.stderr


def test_no_terminal_and_no_answers_exits_2_without_asking_anything(run_cli, tmp_path):
    db = tmp_path / "p.json"
    result = run_cli("--db", db, "plain", input="1\n1\n")
    assert result.returncode == 2
    assert "--answers FILE" in result.stderr and "Traceback" not in result.stderr
    assert result.stdout == "" and not db.exists()


pexpect = pytest.importorskip("pexpect")


def spawn(tmp_path: Path, *args: str, term: str):
    child = pexpect.spawn(sys.executable, ["-m", "ecqtui", "--db", str(tmp_path / "p.json"), "plain", *args],
                          cwd=str(tmp_path), env=cli_env(tmp_path, {"TERM": term}), dimensions=(24, 80),
                          timeout=20, encoding="utf-8")
    child.logfile_read = io.StringIO()  # everything the terminal received
    return child


@pytest.mark.parametrize("args, term", [((), "dumb"), (("--screen-reader",), "xterm-256color")],
                         ids=["TERM=dumb", "--screen-reader"])
def test_real_terminal_line_mode_writes_no_escape_byte(tmp_path, args, term):
    child = spawn(tmp_path, *args, term=term)
    child.expect("Step menu.")
    child.expect("press Enter for 1: ")
    child.sendline("brainstorm")
    child.expect("What next")
    child.expect(": ")
    child.sendline("add")
    child.expect("Title")
    child.sendline("Closed [red]14[/red] OIG findings")
    child.expect("Summary")
    child.sendcontrol("c")                      # Ctrl+C mid-answer
    child.expect("was not saved")
    child.expect("Step menu.")
    child.sendcontrol("c")                      # and again: leave
    child.expect("Everything up to your last answer is saved.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    received = child.logfile_read.getvalue()
    assert "Step 2 of 6, Brainstorm, achievement 1 of 1." in received
    assert "\x1b" not in received and "\x9b" not in received
    with Store.open(tmp_path / "p.json", read_only=True) as store:
        assert [a.title for a in store.achievements()] == ["Closed [red]14[/red] OIG findings"]


def test_real_terminal_questionary_mode_starts_and_quits(tmp_path):
    child = spawn(tmp_path, term="xterm-256color")
    child.expect("Which step")
    child.send("9")                             # questionary shortcut keys: 9 = Quit
    child.send("\r")
    child.expect("Goodbye")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def test_numbered_choices_count_from_one_and_the_transcript_lists_them(run_cli, tmp_path):
    path = answers_file(tmp_path, [{"prompt": "menu", "answer": 0}])
    result = run_cli("--demo", "plain", "--answers", path, input="")
    assert result.returncode == 2 and "0 is not one of the choices" in result.stderr
    path = answers_file(tmp_path, [{"prompt": "menu", "answer": "quit"}])
    result = run_cli("--demo", "plain", "--answers", path, input="")
    assert result.returncode == 0
    assert "  1. Step 1 of 6: Self-evaluation" in result.stdout      # an author can count from the transcript


def test_an_answers_file_of_another_version_is_refused(run_cli, tmp_path):
    path = tmp_path / "answers.json"
    path.write_text('{"format": "ecq-tui-answers", "version": 2, "answers": []}', encoding="utf-8")
    result = run_cli("--demo", "plain", "--answers", path, input="")
    assert result.returncode == 2 and "version 2" in result.stderr


def test_the_documented_ids_match_the_framework_files():
    from ecqtui.core.frameworks import load_framework

    doc = (REPO_ROOT / "docs" / "answers-format.md").read_text(encoding="utf-8")
    for framework_id in ("classic", "2025"):
        for ecq in load_framework(framework_id).ecqs:
            row = next(line for line in doc.splitlines() if line.startswith(f"| {framework_id} | `{ecq.id}` "))
            assert all(f"`{c.id}`" in row for c in ecq.competencies), row


def test_a_hangup_in_plain_mode_removes_the_private_demo_copy(tmp_path):
    import signal
    import time

    child = pexpect.spawn(sys.executable, ["-m", "ecqtui", "--demo", "plain", "--screen-reader"], cwd=str(tmp_path),
                          env=cli_env(tmp_path, {"TERM": "xterm-256color"}), dimensions=(24, 200), timeout=20,
                          encoding="utf-8")
    child.expect("Data file: ")
    child.expect(r"(\S+demo\.json)")
    demo_file = Path(child.match.group(1))
    child.expect("press Enter for ")
    assert demo_file.exists()
    child.kill(signal.SIGHUP)
    child.expect(pexpect.EOF)
    child.close()
    for _ in range(50):
        if not demo_file.parent.exists():
            break
        time.sleep(0.05)
    assert not demo_file.parent.exists()
