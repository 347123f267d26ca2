"""Every command has help text and is documented in the README; every setting is documented."""

from __future__ import annotations

from pathlib import Path

import click

from infraledger.cli.main import cli
from infraledger.config import SETTINGS

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def _commands(group: click.Group, prefix: str = ""):
    context = click.Context(group)
    for name in group.list_commands(context):
        cmd = group.get_command(context, name)
        yield prefix + name, cmd
        if isinstance(cmd, click.Group):
            yield from _commands(cmd, prefix + name + " ")


def test_every_command_has_help_and_is_in_the_readme():
    for name, cmd in _commands(cli):
        assert (cmd.help or "").strip(), f"command '{name}' has no help text"
        assert f"infraledger {name}" in README, f"command '{name}' is not documented in README.md"


def test_every_setting_is_documented():
    for setting in SETTINGS:
        assert f"INFRALEDGER_{setting.name.upper()}" in README, setting.name


def test_readme_opens_with_exactly_two_setup_commands():
    first_block = README.split("```", 2)[1]
    lines = [line for line in first_block.splitlines()[1:] if line.strip()]
    assert len(lines) == 2
    assert "infraledger quickstart" in lines[0] and "pytest" in lines[1]
