"""The command table of ``infraledger``: each command is found in its module, and a run imports only that one."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib import import_module

import click

from infraledger.cli.main import COMMAND_MODULES


def test_each_module_adds_exactly_the_commands_the_table_gives_it():
    for module in set(COMMAND_MODULES.values()):
        group = click.Group()
        import_module(f"infraledger.cli.{module}").register(group)
        assert set(group.commands) == {name for name, m in COMMAND_MODULES.items() if m == module}, module


def test_a_command_imports_its_own_module_and_no_other():
    code = ("import sys; from infraledger.cli.main import main; sys.argv = ['infraledger', 'edgar', '--help']\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "import json; print(json.dumps([m for m in sys.modules if m.startswith('infraledger.cli.')]))")
    ran = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = json.loads(ran.stdout.strip().splitlines()[-1])
    assert "infraledger.cli.edgar" in loaded
    assert not {"infraledger.cli.report", "infraledger.cli.serve", "infraledger.cli.watch"} & set(loaded)
