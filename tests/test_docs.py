"""Every command says what it does, and the README names every command."""

import typer
from typer.main import get_command

from briefgen.cli import app


def commands():
    group = get_command(app)
    for name, command in group.commands.items():
        if hasattr(command, "commands"):
            for sub_name, sub in command.commands.items():
                yield f"{name} {sub_name}", sub
        else:
            yield name, command


def test_every_command_has_help_and_every_option_too():
    for name, command in commands():
        assert (command.help or "").strip(), f"briefgen {name} has no help text"
        for param in command.params:
            if isinstance(param, typer.core.TyperOption) or param.param_type_name == "option":
                assert (param.help or "").strip(), f"briefgen {name} {param.opts} has no help text"


def test_readme_names_every_command(root):
    readme = (root / "README.md").read_text()
    for name, _ in commands():
        assert f"briefgen {name}" in readme, f"README does not mention 'briefgen {name}'"
