"""`ecq-tui suggest` and `ecq-tui check` as a script would use them."""

from __future__ import annotations

import json


def test_suggest_json(run_cli):
    result = run_cli("suggest", "--json", "Negotiated an MOU with 9 states and OMB")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["framework"] == "classic" and data["ranking"][0]["ecq"] == "BC"
    assert set(data["ranking"][0]) == {"ecq", "name", "score", "competencies"}


def test_suggest_json_lines_from_stdin(run_cli):
    result = run_cli("suggest", "--json", "--framework", "2025", "-",
                     input="Cut IT costs $3M by consolidating systems\n\nCoached 5 supervisors\n")
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == 2 and lines[0]["framework"] == "2025" and len(lines[0]["ranking"]) == 5


def test_suggest_without_text_is_a_usage_error(run_cli):
    result = run_cli("suggest")
    assert result.returncode == 2 and "Traceback" not in result.stderr


def test_check_exit_codes(run_cli, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Challenge:\nBacklog of 41,000 cases in 2023.\nContext:\nI led 240 staff.\n"
                    "Action:\nI set targets for each team.\nResult:\nI cut the backlog 38%.\n", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_text("Challenge:\nIn 2011 we had problems.\n", encoding="utf-8")
    assert run_cli("check", "--year-end", "2026", good).returncode == 0
    result = run_cli("check", "--json", "--year-end", "2026", bad)
    assert result.returncode == 1
    codes = {f["code"] for f in json.loads(result.stdout)["findings"]}
    assert {"missing-part", "too-old"} <= codes
    missing = run_cli("check", tmp_path / "nope.txt")
    assert missing.returncode == 2 and "Traceback" not in missing.stderr


def test_check_reads_a_word_draft_and_refuses_binary_junk(run_cli, tmp_path):
    from docx import Document

    draft = tmp_path / "draft.docx"
    doc = Document()
    for line in ("Challenge", "We had a backlog.", "Context", "It was big.", "Action", "Things were done.",
                 "Result", "It got better."):
        doc.add_paragraph(line)
    doc.save(draft)
    result = run_cli("check", "--json", draft)
    assert result.returncode == 1, result.stderr          # no figure in the result: an error finding
    codes = {f["code"] for f in __import__("json").loads(result.stdout)["findings"]}
    assert "no-metric" in codes and "acronym-undefined" not in codes   # 'PK' of the zip is not read as text
    junk = tmp_path / "junk.bin"
    junk.write_bytes(bytes(range(256)) * 20)
    result = run_cli("check", junk)
    assert result.returncode == 2 and "is not a text file" in result.stderr and "Traceback" not in result.stderr
