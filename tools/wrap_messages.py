"""Wrap the user-facing string literals of modules in ``_()`` for translation.

Mechanical and repeatable, so that new English messages from other branches are
wrapped the same way::

    python tools/wrap_messages.py vadocs/cli/new_command.py [...]
    make messages        # extract, update the German catalog, compile

What counts as a message: the first argument of ``echo``/``secho``, of an
``...Error``/``...Exception`` class, of ``fail``/``BadParameter``/``UsageError``;
the message and hint of ``Problem(...)``, ``doc.problem(...)`` and ``self._fail(...)``;
the keywords ``help=``, ``hint=``, ``message=``, ``epilog=``; the docstring of a
click command or group (moved into ``help=_(...)``). f-strings become
``_("... {name} ...").format(name=expr)``. Anything else (strings built with ``+``)
is listed for a person to wrap by hand.
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

_KEYWORDS = {"help", "hint", "message", "epilog"}
_FIRST_ARG = {"echo", "secho", "fail", "BadParameter", "UsageError", "ClickException"}
_POSITIONS = {"Problem": (1,), "problem": (1, 2), "_fail": (2, 3)}
_IMPORT = "from vadocs.i18n import _\n"


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else ""


_GERMAN = re.compile(
    r"[äöüßÄÖÜ„“]|\b(ist|nicht|keine?|Sie|der|die|das|und|mit|nur|oder|eine?|wird|sind|"
    r"Datei|Zahlung|Buchung|Rechnung|fehlt|gibt|Fehler|Betrag|nennt)\b"
)


def _text_parts(node: ast.expr) -> str:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return " ".join(str(v.value) for v in node.values if isinstance(v, ast.Constant))
    return ""


def _is_prose(node: ast.expr) -> bool:
    """English text: letters, and not already German (those messages stay as written)."""
    text = _text_parts(node)
    return re.search(r"[A-Za-z]{2,}", text) is not None and not _GERMAN.search(text)


def _literal(text: str) -> str:
    """Source of a string literal, one physical line per message line."""
    lines = text.splitlines(keepends=True) or [""]
    parts = [repr(line).replace("\\x08", "\\b") for line in lines]
    parts = ['"' + p[1:-1].replace('"', '\\"') + '"' if p.startswith("'") else p for p in parts]
    return parts[0] if len(parts) == 1 else "\n" + "\n".join(parts) + "\n"


def _placeholder(expr: ast.expr, taken: dict[str, str]) -> str:
    source = ast.unparse(expr)
    for name, known in taken.items():
        if known == source:
            return name
    if isinstance(expr, ast.Name):
        base = expr.id
    elif isinstance(expr, ast.Attribute):
        base = expr.attr
    elif isinstance(expr, ast.Call) and _name(expr.func) == "len":
        base = "n"
    else:
        base = re.sub(r"\W+", "_", source).strip("_").lower()[:24] or "value"
    base = base.lstrip("_") or "value"
    name, i = base, 2
    while name in taken:
        name, i = f"{base}{i}", i + 1
    taken[name] = source
    return name


def _convert(node: ast.expr) -> str | None:
    if isinstance(node, ast.Constant):
        return f"_({_literal(str(node.value))})"
    assert isinstance(node, ast.JoinedStr)
    text, taken = "", {}  # type: tuple[str, dict[str, str]]
    for part in node.values:
        if isinstance(part, ast.Constant):
            text += str(part.value).replace("{", "{{").replace("}", "}}")
            continue
        assert isinstance(part, ast.FormattedValue)
        spec = ""
        if part.format_spec is not None:
            if not all(isinstance(v, ast.Constant) for v in part.format_spec.values):  # type: ignore[attr-defined]
                return None
            spec = ":" + "".join(str(v.value) for v in part.format_spec.values)  # type: ignore[attr-defined]
        conv = {-1: "", 115: "!s", 114: "!r", 97: "!a"}[part.conversion]
        text += "{" + _placeholder(part.value, taken) + conv + spec + "}"
    args = ", ".join(f"{k}={v}" for k, v in taken.items())
    return f"_({_literal(text)}).format({args})"


class _Finder(ast.NodeVisitor):
    def __init__(self) -> None:
        self.found: list[ast.expr] = []
        self.docstrings: list[tuple[ast.Call, ast.Expr]] = []
        self.manual: list[ast.expr] = []
        self.bodies: dict[int, list[ast.stmt]] = {}

    def _take(self, node: ast.expr) -> None:
        if _is_prose(node):
            self.found.append(node)
        elif isinstance(node, ast.BinOp) and "str" in ast.dump(node) and _has_prose(node):
            self.manual.append(node)

    def visit_Call(self, node: ast.Call) -> None:
        name = _name(node.func)
        if name != "_":
            if (name in _FIRST_ARG or name.endswith(("Error", "Exception"))) and node.args:
                self._take(node.args[0])
            for index in _POSITIONS.get(name, ()):
                if len(node.args) > index:
                    self._take(node.args[index])
            for kw in node.keywords:
                if kw.arg in _KEYWORDS:
                    self._take(kw.value)
        self.generic_visit(node)

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        for deco in node.decorator_list:
            if (
                isinstance(deco, ast.Call)
                and _name(deco.func) in ("command", "group")
                and not any(kw.arg == "help" for kw in deco.keywords)
                and node.body
                and isinstance(node.body[0], ast.Expr)
                and isinstance(node.body[0].value, ast.Constant)
                and isinstance(node.body[0].value.value, str)
            ):
                self.docstrings.append((deco, node.body[0]))
                self.bodies[id(node.body[0])] = node.body
        self.generic_visit(node)


def _has_prose(node: ast.AST) -> bool:
    return any(_is_prose(n) for n in ast.walk(node) if isinstance(n, ast.expr))


def _offset(lines: list[str], line: int, col: int) -> int:
    """Character offset of an ast (line, UTF-8 byte column) position."""
    before = sum(len(x) for x in lines[: line - 1])
    return before + len(lines[line - 1].encode()[:col].decode())


def wrap(source: str) -> tuple[str, list[str]]:
    """``source`` with its messages wrapped, and the places to wrap by hand."""
    tree = ast.parse(source)
    finder = _Finder()
    finder.visit(tree)
    lines = source.splitlines(keepends=True)
    body_of = finder.bodies
    edits: list[tuple[int, int, str]] = []
    manual = [f"line {n.lineno}: {ast.unparse(n)[:70]}" for n in finder.manual]
    for node in finder.found:
        new = _convert(node)
        if new is None:
            manual.append(f"line {node.lineno}: {ast.unparse(node)[:70]}")
            continue
        start = _offset(lines, node.lineno, node.col_offset)
        end = _offset(lines, node.end_lineno or node.lineno, node.end_col_offset or 0)
        edits.append((start, end, new))
    for deco, doc in finder.docstrings:
        import inspect

        text = inspect.cleandoc(str(doc.value.value))  # type: ignore[attr-defined]
        start = _offset(lines, doc.lineno, 0)
        end = _offset(lines, (doc.end_lineno or doc.lineno) + 1, 0)
        edits.append((start, end, "" if len(body_of[id(doc)]) > 1 else "    pass\n"))
        close = _offset(lines, deco.end_lineno or deco.lineno, (deco.end_col_offset or 1) - 1)
        sep = ", " if deco.args or deco.keywords else ""
        edits.append((close, close, f"{sep}help=_({_literal(text)})"))
    for start, end, new in sorted(edits, reverse=True):
        source = source[:start] + new + source[end:]
    if edits and _IMPORT not in source:
        source = _add_import(source)
    return source, manual


def _add_import(source: str) -> str:
    marker = "from __future__ import annotations\n"
    if marker in source:
        return source.replace(marker, marker + "\n" + _IMPORT, 1)
    return _IMPORT + source


def main(paths: list[str]) -> int:
    for name in paths:
        path = Path(name)
        new, manual = wrap(path.read_text(encoding="utf-8"))
        if new != path.read_text(encoding="utf-8"):
            path.write_text(new, encoding="utf-8")
            print(f"wrapped {path}")
        for place in manual:
            print(f"{path}: by hand: {place}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
