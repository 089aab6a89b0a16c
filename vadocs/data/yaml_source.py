"""Read YAML for humans: every scalar keeps the text the user wrote, every node its position.

PyYAML composes the node graph; we walk it ourselves instead of using its
constructors, so that ``01067`` stays ``"01067"``, ``NO`` stays ``"NO"``, a date is
whatever the schema later makes of ``2026-12-01``, and no value ever becomes a
``float``. The walk also refuses duplicate keys, custom tags, alias bombs and
absurd nesting — with the file, line and column of the offending node.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from vadocs.data.yaml_errors import syntax_problem
from vadocs.errors import InputFileError, Problem, ProblemsError
from vadocs.i18n import _, os_error

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 40
MAX_NODES = 200_000

PathKey = tuple[str | int, ...]

_NULL_TAG = "tag:yaml.org,2002:null"
_STANDARD_TAGS = {
    "tag:yaml.org,2002:" + t
    for t in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq", "binary")
}
try:
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML without libyaml
    _Loader = yaml.SafeLoader


@dataclass
class Document:
    """A loaded YAML file: plain data plus where each part of it was written."""

    file: Path
    data: Any
    value_positions: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    null_words: dict[PathKey, str] = field(default_factory=dict)
    """Where a word YAML reads as "no value" (``Null``, ``~``) was written, and the word."""
    plain_spans: dict[PathKey, tuple[int, int, int, int]] = field(default_factory=dict)
    """Unquoted scalars: 0-based start line and column, end line and column."""
    lines: list[str] = field(default_factory=list)
    """The file's text, line by line (for checks on how a value was written)."""

    def position(self, path: PathKey) -> tuple[int, int] | None:
        """Line and column (1-based) of the value at ``path``.

        For a path that is not written (a missing key), the position of the
        nearest written ancestor's key, which is where the key belongs.
        """
        probe = tuple(path)
        if probe in self.value_positions and probe in self.key_positions:
            key_line = self.key_positions[probe][0]
            value = self.value_positions[probe]
            # A block value starts on a later line: point at its key instead.
            return value if value[0] == key_line else self.key_positions[probe]
        while probe:
            if probe in self.key_positions:
                return self.key_positions[probe]
            if probe in self.value_positions:
                return self.value_positions[probe]
            probe = probe[:-1]
        return self.value_positions.get((), None)

    def problem(
        self, path: PathKey, message: str, hint: str = "", rule: str = "", *, at_key: bool = False
    ) -> Problem:
        pos = self.key_positions.get(tuple(path)) if at_key else None
        pos = pos or self.position(path)
        return Problem(
            file=self.file,
            message=message,
            path=format_path(path),
            line=pos[0] if pos else None,
            column=pos[1] if pos else None,
            hint=hint,
            rule=rule,
        )


def format_path(path: PathKey) -> str:
    """``("rechnungen", 0, "datum")`` → ``rechnungen[0].datum``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out


def read_text(file: Path) -> str:
    """Read a UTF-8 text file, refusing what is not one, with a message that says why."""
    if file.is_dir():
        raise InputFileError(
            _("{file}: is a folder, not a YAML file").format(file=file), hint=_("name a .yaml file")
        )
    try:
        size = file.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InputFileError(
                _(
                    "{file}: {size} bytes is too large for a vadocs YAML file (limit {MAX_FILE_BYTES} bytes)"
                ).format(file=file, size=size, MAX_FILE_BYTES=MAX_FILE_BYTES),
                hint=_("keep time entries in a CSV file and name it in the client file"),
            )
        raw = file.read_bytes()
    except FileNotFoundError:
        raise InputFileError(
            _("{file}: no such file").format(file=file), hint=_("check the path")
        ) from None
    except OSError as exc:
        raise InputFileError(
            _("{file}: cannot be read ({exc_strerror_or_exc})").format(
                file=file, exc_strerror_or_exc=os_error(exc)
            )
        ) from None
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputFileError(
            _("{file}: is UTF-16 encoded").format(file=file),
            hint=_("save it as UTF-8 (in your editor: encoding UTF-8)"),
        )
    if b"\x00" in raw:
        raise InputFileError(
            _("{file}: contains NUL bytes; is it a binary file?").format(file=file)
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputFileError(
            _("{file}:{line}: is not valid UTF-8 (byte 0x{raw_exc_start:02x})").format(
                file=file, line=line, raw_exc_start=raw[exc.start]
            ),
            hint=_("save the file as UTF-8; Latin-1 / Windows-1252 is not accepted"),
        ) from None
    return text.removeprefix("\ufeff")


def load(file: Path) -> Document:
    """Load one YAML file into plain dicts, lists, strings and ``None``."""
    text = read_text(file)
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        raise ProblemsError([syntax_problem(file, text, exc)]) from None
    except yaml.YAMLError as exc:
        raise ProblemsError(
            [Problem(file=file, message=_("YAML error: {exc}").format(exc=exc))]
        ) from None
    except RecursionError:
        raise ProblemsError(
            [Problem(file=file, message=_("the YAML is nested too deeply"), hint=_("flatten it"))]
        ) from None
    doc = Document(file=file, data=None, lines=text.splitlines())
    if root is None:
        raise ProblemsError(
            [
                Problem(
                    file=file,
                    message=_("the file is empty"),
                    hint=_("see `vadocs init` for an example"),
                )
            ]
        )
    walker = _Walker(doc)
    doc.data = walker.walk(root, (), 0)
    if walker.problems:
        raise ProblemsError(walker.problems)
    return doc


class _Walker:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.nodes = 0
        self.problems: list[Problem] = []

    def _fail(self, node: yaml.Node, path: PathKey, message: str, hint: str = "") -> None:
        self.problems.append(
            Problem(
                file=self.doc.file,
                message=message,
                path=format_path(path),
                line=node.start_mark.line + 1,
                column=node.start_mark.column + 1,
                hint=hint,
            )
        )

    def walk(self, node: yaml.Node, path: PathKey, depth: int) -> Any:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            if self.nodes == MAX_NODES + 1:
                self._fail(
                    node,
                    path,
                    _("the YAML expands to too many values (alias bomb?)"),
                    _("do not use anchors and aliases to repeat large parts"),
                )
            return None
        if depth > MAX_DEPTH:
            self._fail(
                node, path, _("nested deeper than {MAX_DEPTH} levels").format(MAX_DEPTH=MAX_DEPTH)
            )
            return None
        self.doc.value_positions.setdefault(
            path, (node.start_mark.line + 1, node.start_mark.column + 1)
        )
        if node.tag not in _STANDARD_TAGS and not (
            isinstance(node, yaml.ScalarNode) and node.tag == "!"
        ):
            self._fail(
                node,
                path,
                _("the tag {tag} is not allowed").format(tag=node.tag),
                _("remove the '!' tag; vadocs reads plain YAML only"),
            )
            return None
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path, depth)
        if isinstance(node, yaml.SequenceNode):
            return [self.walk(item, (*path, i), depth + 1) for i, item in enumerate(node.value)]
        assert isinstance(node, yaml.ScalarNode)
        return self._scalar(node, path)

    def _mapping(self, node: yaml.MappingNode, path: PathKey, depth: int) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                self._fail(
                    key_node,
                    path,
                    _("merge keys ('<<') are not supported"),
                    _("write the keys out"),
                )
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                self._fail(key_node, path, _("a key must be a plain word"))
                continue
            key = str(key_node.value)
            child = (*path, key)
            if key in out:
                self._fail(
                    key_node,
                    child,
                    _("duplicate key '{key}'").format(key=key),
                    _("each key may appear once; delete or merge the repeated one"),
                )
                continue
            self.doc.key_positions[child] = (
                key_node.start_mark.line + 1,
                key_node.start_mark.column + 1,
            )
            out[key] = self.walk(value_node, child, depth + 1)
        return out

    def _scalar(self, node: yaml.ScalarNode, path: PathKey) -> str | None:
        if not node.style:
            start, end = node.start_mark, node.end_mark
            self.doc.plain_spans[path] = (start.line, start.column, end.line, end.column)
        if not node.style and node.tag == _NULL_TAG:
            if node.value and path:
                self.doc.null_words[path] = str(node.value)
            return None
        return str(node.value)
