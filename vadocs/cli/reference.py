"""The CLI reference in the README, generated from the commands' own help texts."""

from __future__ import annotations

import click

START = "<!-- cli-reference:start -->"
END = "<!-- cli-reference:end -->"


def _walk(command: click.Command, path: list[str]) -> list[tuple[list[str], click.Command]]:
    found = [(path, command)]
    if isinstance(command, click.Group):
        for name in sorted(command.commands):
            found += _walk(command.commands[name], [*path, name])
    return found


def reference(group: click.Group) -> str:
    """Markdown: one section per command with its ``--help`` output."""
    parts = []
    for path, command in _walk(group, ["vadocs"]):
        ctx = click.Context(
            command,
            info_name=" ".join(path),
            terminal_width=100,
            max_content_width=100,
            help_option_names=["-h", "--help"],
        )
        parts.append(f"### `{' '.join(path)}`\n\n```text\n{command.get_help(ctx)}\n```\n")
    return "\n".join(parts)


def replace_block(readme: str, block: str) -> str:
    head, rest = readme.split(START, 1)
    _, tail = rest.split(END, 1)
    return f"{head}{START}\n{block}\n{END}{tail}"
