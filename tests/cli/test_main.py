"""The command line: version, help with examples, errors as one line."""

from __future__ import annotations

import click
from click.testing import CliRunner

from graphnet import __version__
from graphnet.cli import main


def all_commands(group: click.Group, prefix: tuple[str, ...] = ()):
    ctx = click.Context(group)
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        yield (*prefix, name), command
        if isinstance(command, click.Group):
            yield from all_commands(command, (*prefix, name))


def test_version_is_printed():
    result = CliRunner().invoke(main, ["--version"], catch_exceptions=False)
    assert result.exit_code == 0
    assert __version__ in result.output


def test_every_command_has_help_ending_with_an_example():
    runner = CliRunner()
    commands = [((), main), *all_commands(main)]
    for path, _command in commands:
        result = runner.invoke(main, [*path, "--help"], catch_exceptions=False)
        assert result.exit_code == 0, path
        tail = result.output.strip().splitlines()[-2:]
        assert tail[0].strip() == "Example:", (path, tail)
        assert tail[1].strip().startswith("graphnet"), (path, tail)


def test_every_command_answers_version():
    runner = CliRunner()
    for path, _command in all_commands(main):
        result = runner.invoke(main, [*path, "--version"], catch_exceptions=False)
        assert result.exit_code == 0, path
        assert __version__ in result.output, path
