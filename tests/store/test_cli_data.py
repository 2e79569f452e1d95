"""The data commands: export / import round trips, refusals that change nothing, hostile
text, and non-ASCII text under LC_ALL=C."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.conftest import cli_env
from ecqtui.core.bank import SCHEMA_VERSION, Bank
from ecqtui.core.models import Achievement, Recollection, SelfEvaluation, Story
from ecqtui.store import Store, backup_dir, list_backups
from sample_records import full_bank

CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]")  # C0, DEL, C1 as UTF-8
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def snapshot(db: Path) -> dict[str, bytes]:
    files = {db.name: db.read_bytes()}
    if backup_dir(db).is_dir():
        files.update({f"backups/{p.name}": p.read_bytes() for p in backup_dir(db).iterdir()})
    return files


def strings(value):
    """Every string (keys included) inside a JSON value."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from strings(item)


def assert_no_control(raw: bytes) -> None:
    """No control character in the bytes, nor hidden in a JSON \\u escape."""
    assert not CONTROL_BYTES.search(raw), CONTROL_BYTES.search(raw)
    for text in strings(json.loads(raw.decode("utf-8"))):
        assert not CONTROL_CHARS.search(text), repr(text)


def write_export(path: Path, bank: Bank) -> Path:
    path.write_text(json.dumps(bank.to_dict(), ensure_ascii=False), encoding="utf-8")
    return path


# --- round trips ------------------------------------------------------------------------------


def test_export_then_import_round_trips_every_record_type(tmp_path, run_cli):
    source = tmp_path / "source.json"
    with Store.open(source) as store:
        store.replace_all(full_bank())
    exported = tmp_path / "export.json"
    result = run_cli("--db", source, "export", "--json", exported)
    assert result.returncode == 0, result.stderr
    assert "Exported 2 achievements, 1 stories" in result.stderr
    assert Bank.from_dict(json.loads(exported.read_text(encoding="utf-8"))) == full_bank()

    target = tmp_path / "target.json"
    result = run_cli("--db", target, "import", exported)
    assert result.returncode == 0, result.stderr
    with Store.open(target, read_only=True) as store:
        assert store.bank() == full_bank()

    stdout = run_cli("--db", target, "export", "--json", "-")
    assert stdout.returncode == 0 and stdout.stderr == ""
    assert Bank.from_dict(json.loads(stdout.stdout)) == full_bank()


def test_import_from_standard_input(tmp_path, run_cli, tmp_db):
    payload = json.dumps(full_bank().to_dict())
    result = run_cli("--db", tmp_db, "import", "-", input=payload)
    assert result.returncode == 0, result.stderr
    with Store.open(tmp_db, read_only=True) as store:
        assert store.bank() == full_bank()


def test_export_never_overwrites_without_force_nor_follows_a_symlink(tmp_path, run_cli, tmp_db):
    with Store.open(tmp_db) as store:
        store.replace_all(full_bank())
    existing = tmp_path / "existing.json"
    existing.write_bytes(b"keep me")
    result = run_cli("--db", tmp_db, "export", "--json", existing)
    assert result.returncode == 1 and "--force" in result.stderr
    assert existing.read_bytes() == b"keep me"

    victim = tmp_path / "victim.txt"
    victim.write_bytes(b"not yours")
    link = tmp_path / "link.json"
    link.symlink_to(victim)
    for extra in ([], ["--force"]):
        result = run_cli("--db", tmp_db, "export", "--json", link, *extra)
        assert result.returncode == 1 and "symbolic link" in result.stderr
        assert "Traceback" not in result.stderr
    assert victim.read_bytes() == b"not yours" and link.is_symlink()

    result = run_cli("--db", tmp_db, "export", "--json", existing, "--force")
    assert result.returncode == 0, result.stderr
    assert Bank.from_dict(json.loads(existing.read_bytes())) == full_bank()


# --- import refusals -------------------------------------------------------------------------


def _bank_dict(**changes) -> dict:
    data = full_bank().to_dict()
    data.update(changes)
    return data


def _duplicate(kind: str) -> dict:
    data = full_bank().to_dict()
    data[kind] = data[kind] + data[kind][:1]
    return data


BAD_IMPORTS = {
    "not json": (b"{this is not json", "not valid JSON"),
    "empty": (b"", "not valid JSON"),
    "not utf-8": (json.dumps(_bank_dict()).replace("Zo\\u00eb", "Zo\udcff").encode("utf-8", "surrogateescape"), "not UTF-8"),
    "top level list": (b"[]", "not an object"),
    "wrong format marker": (json.dumps(_bank_dict(format="something-else")).encode(), "not an ecq-tui export"),
    "no format marker": (json.dumps({"profile": {}}).encode(), "not an ecq-tui export"),
    "newer schema": (json.dumps(_bank_dict(schema_version=SCHEMA_VERSION + 1)).encode(), "newer ecq-tui"),
    "no schema version": (json.dumps({k: v for k, v in _bank_dict().items() if k != "schema_version"}).encode(), "schema_version"),
    "dangling story": (json.dumps(_bank_dict(achievements=[])).encode(), "not in the file"),
    "duplicate achievements": (json.dumps(_duplicate("achievements")).encode(), "used twice"),
    "duplicate stories": (json.dumps(_duplicate("stories")).encode(), "used twice"),
    "wrong field type": (json.dumps(_bank_dict(achievements=[{"id": "a", "start_year": "2020"}], stories=[])).encode(), "start_year"),
}


@pytest.fixture
def held_db(tmp_db) -> Path:
    """A data file that already holds words."""
    with Store.open(tmp_db) as store:
        store.save(Achievement(id="mine", title="My own achievement"))
        store.save(Story(id="s", achievement_id="mine", action="My own story"))
    return tmp_db


@pytest.mark.parametrize("case", sorted(BAD_IMPORTS))
def test_import_refuses_bad_input_with_a_reason_and_changes_nothing(case, held_db, tmp_path, run_cli):
    payload, reason = BAD_IMPORTS[case]
    assert "Zo\\u00eb" in json.dumps(_bank_dict())  # the not-UTF-8 case really edits something
    bad = tmp_path / "bad.json"
    bad.write_bytes(payload)
    before = snapshot(held_db)
    result = run_cli("--db", held_db, "import", bad, "--force")
    assert result.returncode == 1
    assert reason in result.stderr and "nothing was imported" in result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(held_db) == before


def test_import_does_not_replace_achievements_and_stories_without_force(held_db, tmp_path, run_cli):
    incoming = write_export(tmp_path / "in.json", full_bank())
    before = snapshot(held_db)
    result = run_cli("--db", held_db, "import", incoming)
    assert result.returncode == 1 and "--force" in result.stderr
    assert "1 achievement, 1 story" in result.stderr
    assert snapshot(held_db) == before

    result = run_cli("--db", held_db, "import", incoming, "--force")
    assert result.returncode == 0, result.stderr
    with Store.open(held_db, read_only=True) as store:
        assert store.bank() == full_bank()
    # the replaced words are kept in a backup copy
    assert any("My own story" in b.read_text(encoding="utf-8") for b in list_backups(held_db))


@pytest.mark.parametrize("what", ["self_evaluation", "recollection"])
def test_import_does_not_replace_other_words_without_force(what, tmp_db, tmp_path, run_cli):
    with Store.open(tmp_db) as store:
        if what == "self_evaluation":
            store.save_self_evaluation(SelfEvaluation(fit={"pressure": "Pages of reflection"}))
        else:
            store.save(Recollection(who="Pat", text="You calmed the room."))
    incoming = write_export(tmp_path / "in.json", full_bank())
    before = snapshot(tmp_db)
    result = run_cli("--db", tmp_db, "import", incoming)
    assert result.returncode == 1
    assert snapshot(tmp_db) == before


# --- hostile text -------------------------------------------------------------------------------

MEGABYTE = ("Ünïcödé [b]brackets[/b] — " * 40_000)[: 1_000_000]

HOSTILE = {
    # given -> expected after sanitizing (written out by hand, not computed with sanitize)
    "[bold]not bold[/bold]": "[bold]not bold[/bold]",
    "[/": "[/",
    "[@click=app.quit]x[/]": "[@click=app.quit]x[/]",
    "title\x1b]0;PWNED\x07 rest": "title rest",
    "osc52 \x1b]52;c;cGF5bG9hZA==\x1b\\done": "osc52 done",
    "\x1b[31mred\x1b[0m plain": "red plain",
    "nul\x00byte": "nulbyte",
    "del\x7fete": "delete",
    "c1 \x85next\x8dline": "c1 nextline",
    "8-bit osc \x9d0;PWNED\x07after": "8-bit osc after",
    "bell\x07 and backspace\x08": "bell and backspace",
    "tabs\tand\nnewlines\r\nwindows\rmac": "tabs\tand\nnewlines\nwindows\nmac",
    "emoji 🚀 CJK 中文 “quotes” – dash": "emoji 🚀 CJK 中文 “quotes” – dash",
    "[bold]x\x00[/bold] [/] [@click=app.quit]q[/]\x07": "[bold]x[/bold] [/] [@click=app.quit]q[/]",
    "\x1b[1m[red]alarm[/red]\x1b[0m \\[escaped]": "[red]alarm[/red] \\[escaped]",
    MEGABYTE: MEGABYTE,
}


def hostile_bank() -> Bank:
    texts = list(HOSTILE)
    return Bank.from_dict({
        "format": "ecq-tui", "schema_version": 1,
        "profile": {"name": texts[3]},
        "self_evaluation": {"fit": {"pressure": texts[4]}, "development_plan": texts[:3]},
        "achievements": [{"id": f"a{i}", "title": t, "summary": t, "results": [t]} for i, t in enumerate(texts)],
        "stories": [{"id": "s1", "achievement_id": "a0", "action": texts[5], "result": texts[6], "reframe": texts[7],
                     "competencies": ["vision", "decisiveness"]}],
        "recollections": [{"id": "r1", "who": texts[9], "text": texts[10]}],
        "revisions": [{"kind": "stories", "record_id": "s1", "field": "action", "text": texts[11]}],
    })


def test_hostile_text_is_stored_and_exported_without_control_characters(tmp_db, tmp_path, run_cli):
    with Store.open(tmp_db) as store:
        for i, text in enumerate(HOSTILE):  # through save: the path the screens use
            store.save(Achievement(id=f"a{i}", title=text, notes=text))
    with Store.open(tmp_db, read_only=True) as store:
        got = [(a.title, a.notes) for a in store.achievements()]
    assert got == [(expected, expected) for expected in HOSTILE.values()]
    assert_no_control(tmp_db.read_bytes())
    for backup in list_backups(tmp_db):
        assert_no_control(backup.read_bytes())

    exported = tmp_path / "export.json"
    assert run_cli("--db", tmp_db, "export", "--json", exported).returncode == 0
    assert_no_control(exported.read_bytes())
    stdout = run_cli("--db", tmp_db, "export", "--json", "-", encoding=None)
    assert stdout.returncode == 0
    assert_no_control(stdout.stdout)


def test_hostile_text_survives_import_and_export(tmp_db, tmp_path, run_cli):
    # A raw file as a hostile or damaged export would hold it: control characters included.
    raw = {"format": "ecq-tui", "schema_version": 1,
           "achievements": [{"id": f"a{i}", "title": t} for i, t in enumerate(HOSTILE)]}
    incoming = tmp_path / "hostile.json"
    incoming.write_text(json.dumps(raw), encoding="utf-8")
    result = run_cli("--db", tmp_db, "import", incoming)
    assert result.returncode == 0, result.stderr
    assert_no_control(tmp_db.read_bytes())
    stdout = run_cli("--db", tmp_db, "export", "--json", "-", encoding=None)
    assert_no_control(stdout.stdout)
    titles = [a["title"] for a in json.loads(stdout.stdout)["achievements"]]
    assert titles == list(HOSTILE.values())

    bank = hostile_bank()
    again = tmp_path / "again.json"
    with Store.open(again) as store:
        store.replace_all(bank)
    with Store.open(again, read_only=True) as store:
        assert store.bank() == bank
    assert bank.stories[0].action == "red plain"
    assert_no_control(again.read_bytes())


# --- LC_ALL=C --------------------------------------------------------------------------------

WORDS = "Zoë Ørsted-Łukasz said “ship it” — naïve café, résumé ✓ 🚀 中文 日本語 한국어"

ROUND_TRIP = textwrap.dedent("""
    import json, sys
    from ecqtui.core.models import Achievement, Story
    from ecqtui.store import Store
    db, words = sys.argv[1], json.loads(sys.argv[2])
    with Store.open(db) as store:
        store.save(Achievement(id="a1", title=words, results=[words]))
        store.save(Story(id="s1", achievement_id="a1", action=words))
    with Store.open(db, read_only=True) as store:
        a, s = store.get(Achievement, "a1"), store.get(Story, "s1")
        print(json.dumps([a.title, a.results[0], s.action]))  # ASCII-only output
""")


def c_locale_env(tmp_path: Path, utf8_mode: bool) -> dict[str, str]:
    env = cli_env(tmp_path, {"LC_ALL": "C", "LANG": "C", "PYTHONIOENCODING": None, "LC_CTYPE": None})
    env.pop("PYTHONUTF8", None)
    if not utf8_mode:
        env["PYTHONUTF8"] = "0"  # a plain ASCII locale, as without Python's automatic UTF-8 mode
    return env


@pytest.mark.parametrize("utf8_mode", [True, False], ids=["default", "PYTHONUTF8=0"])
def test_store_round_trips_non_ascii_text_under_lc_all_c(utf8_mode, tmp_db, tmp_path):
    env = c_locale_env(tmp_path, utf8_mode)
    result = subprocess.run([sys.executable, "-c", ROUND_TRIP, str(tmp_db), json.dumps(WORDS)],
                            env=env, cwd=tmp_path, capture_output=True, timeout=60)
    assert result.returncode == 0, result.stderr.decode(errors="replace")
    assert json.loads(result.stdout) == [WORDS] * 3
    assert WORDS.encode("utf-8") in tmp_db.read_bytes()  # stored as UTF-8, whatever the locale
    with Store.open(tmp_db, read_only=True) as store:
        assert store.get(Story, "s1").action == WORDS


@pytest.mark.parametrize("utf8_mode", [True, False], ids=["default", "PYTHONUTF8=0"])
def test_cli_export_and_import_files_under_lc_all_c(utf8_mode, tmp_db, tmp_path, run_cli):
    with Store.open(tmp_db) as store:
        store.save(Achievement(id="a1", title=WORDS))
    env = c_locale_env(tmp_path, utf8_mode)
    exported = tmp_path / "export.json"
    result = run_cli("--db", tmp_db, "export", "--json", exported, env=env)
    assert result.returncode == 0, result.stderr
    assert WORDS.encode("utf-8") in exported.read_bytes()
    target = tmp_path / "target.json"
    result = run_cli("--db", target, "import", exported, env=env)
    assert result.returncode == 0, result.stderr
    with Store.open(target, read_only=True) as store:
        assert store.get(Achievement, "a1").title == WORDS


def test_cli_export_to_stdout_under_lc_all_c(tmp_db, tmp_path, run_cli):
    with Store.open(tmp_db) as store:
        store.save(Achievement(id="a1", title=WORDS))
    result = run_cli("--db", tmp_db, "export", "--json", "-", env=c_locale_env(tmp_path, True), encoding=None)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.decode("utf-8"))["achievements"][0]["title"] == WORDS


def test_cli_export_to_stdout_with_an_ascii_locale(tmp_db, tmp_path, run_cli):
    with Store.open(tmp_db) as store:
        store.save(Achievement(id="a1", title=WORDS))
    result = run_cli("--db", tmp_db, "export", "--json", "-", env=c_locale_env(tmp_path, False), encoding=None)
    assert "Traceback" not in result.stderr.decode(errors="replace")
    assert result.returncode == 0
    assert json.loads(result.stdout.decode("utf-8"))["achievements"][0]["title"] == WORDS


def test_control_characters_in_ids_and_keys_never_reach_the_file(tmp_db, tmp_path, run_cli):
    osc = "\x1b]0;PWNED\x07"
    raw = {"format": "ecq-tui", "schema_version": 1,
           "profile": {"framework": f"classic{osc}"},
           "self_evaluation": {"answers": {f"q{osc}": {"answer": "yes"}}, "fit": {f"k{osc}": "v"}},
           "achievements": [{"id": f"a{osc}", "recollection_id": f"r{osc}"}],
           "stories": [{"id": f"s{osc}", "achievement_id": f"a{osc}"}]}
    incoming = tmp_path / "ids.json"
    incoming.write_text(json.dumps(raw), encoding="utf-8")
    result = run_cli("--db", tmp_db, "import", incoming)
    # Ids and keys are machine names: such a file is refused with the reason, nothing written.
    assert result.returncode == 1 and "nothing was imported" in result.stderr
    assert "Traceback" not in result.stderr
    assert not tmp_db.exists()
