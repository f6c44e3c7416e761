"""Every command and every option a user can type is documented in README.md (as sqlite-utils does)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer.main

from kg.cli.app import app

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
ROOT = typer.main.get_command(app)


def _commands(group, prefix: tuple[str, ...] = ()):
    for name, cmd in sorted(group.commands.items()):
        path = prefix + (name,)
        yield path, cmd
        if hasattr(cmd, "commands"):  # a group (typer vendors its own click, so duck-type)
            yield from _commands(cmd, path)


COMMANDS = list(_commands(ROOT))


@pytest.mark.parametrize("path", [p for p, _ in COMMANDS], ids=lambda p: " ".join(p))
def test_docs_every_command_is_in_readme(path):
    assert re.search(r"kg " + r"\s+".join(map(re.escape, path)) + r"\b", README), f"kg {' '.join(path)} undocumented"


OPTIONS = sorted({(" ".join(p), opt) for p, cmd in COMMANDS for prm in cmd.params
                  if prm.param_type_name == "option" for opt in prm.opts if opt.startswith("--")
                  and opt != "--help"})


def test_docs_command_and_option_lists_are_not_empty():
    assert len(COMMANDS) >= 10 and len(OPTIONS) >= 30


@pytest.mark.parametrize("command,option", OPTIONS, ids=[f"{c} {o}" for c, o in OPTIONS])
def test_docs_every_option_is_in_readme(command, option):
    assert option in README, f"kg {command} {option} is not documented in README.md"


def test_docs_readme_gives_the_two_setup_commands_and_ci_uses_the_test_one():
    assert "make run" in README and "make test" in README
    ci = (Path(__file__).resolve().parents[1] / ".ci" / "run").read_text()
    assert "make test" in ci
