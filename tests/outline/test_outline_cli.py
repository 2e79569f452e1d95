"""`ecq-tui outline` as a user runs it: files, modes, overwrites, printers, no Textual."""

from __future__ import annotations

import os
import stat
import sys


def test_outline_to_stdout_is_plain_text(run_cli):
    result = run_cli("--demo", "outline")
    assert result.returncode == 0, result.stderr
    assert "Leading Change (LC)" in result.stdout and "\x1b" not in result.stdout


def test_file_is_private_and_never_overwritten_without_force(run_cli, tmp_path):
    target = tmp_path / "ecqs.md"
    old = os.umask(0o022)
    try:
        assert run_cli("--demo", "outline", "-o", target).returncode == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert target.read_text(encoding="utf-8").startswith("# ECQ story outline")  # format from the suffix
    target.write_text("my notes", encoding="utf-8")
    again = run_cli("--demo", "outline", "-o", target)
    assert again.returncode == 1 and "--force" in again.stderr
    assert target.read_text(encoding="utf-8") == "my notes"
    assert run_cli("--demo", "outline", "-o", target, "--force").returncode == 0
    assert target.read_text(encoding="utf-8") != "my notes"


def test_refuses_to_write_through_a_symlink(run_cli, tmp_path):
    real = tmp_path / "real.txt"
    real.write_text("keep", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    result = run_cli("--demo", "outline", "-o", link, "--force")
    assert result.returncode == 1 and real.read_text(encoding="utf-8") == "keep"


def test_docx_needs_an_output_file(run_cli):
    result = run_cli("--demo", "outline", "--format", "docx")
    assert result.returncode == 2 and "Traceback" not in result.stderr


def test_print_uses_lp_when_present(run_cli, tmp_path):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    spool = tmp_path / "spool.txt"
    fake = bin_dir / "lp"
    fake.write_text(f"#!/bin/sh\ncat > {spool}\n", encoding="utf-8")
    fake.chmod(0o755)
    result = run_cli("--demo", "outline", "--print", env={"PATH": f"{bin_dir}:/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr
    assert "Leading Change (LC)" in spool.read_text(encoding="utf-8")


def test_print_without_a_printer_says_so(run_cli, tmp_path):
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    result = run_cli("--demo", "outline", "--print", env={"PATH": str(empty)})
    assert result.returncode == 1 and "no printer command" in result.stderr


# That outline never imports Textual is proved in tests/store/test_imports.py with the other commands.


def test_output_dash_writes_to_standard_output_not_a_file(run_cli, tmp_path):
    result = run_cli("--demo", "outline", "-o", "-", "--format", "markdown")
    assert result.returncode == 0 and result.stdout.startswith("# ECQ story outline")
    assert not (tmp_path / "-").exists()
