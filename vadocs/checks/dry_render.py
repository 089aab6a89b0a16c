"""Render each template for every example client, as ``vadocs build`` would, and read the result.

Same template class (docxtpl + German quote repair), same Jinja environment
(sandbox, strict undefined, autoescape, our filters), same images. Only the work
that is identical for every client — docxtpl's XML clean-up and Jinja's compiling —
is done once per template, which makes a full check take about a second.
"""

from __future__ import annotations

import io
import re
import traceback
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Template, UndefinedError
from jinja2 import TemplateError as JinjaTemplateError
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment
from lxml import etree  # type: ignore[import-untyped]

from vadocs.checks.docx_parts import PackageError, Part, part_label, snippet
from vadocs.checks.examples import RenderCase
from vadocs.checks.expected_values import ExpectedValues, unconditional_outputs
from vadocs.checks.jinja_parts import ParsedPart
from vadocs.checks.story_text import reader_text
from vadocs.documents.environment import make_environment
from vadocs.documents.jinja_errors import missing_name
from vadocs.documents.planning import with_images
from vadocs.documents.render import VadocsTemplate
from vadocs.errors import Problem
from vadocs.i18n import N_, _

_LEFTOVER = re.compile(r"\{\{|\{%|%\}|\}\}|\{#|#\}")
_NONE = re.compile(r"\bNone\b")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Rendered:
    case: RenderCase
    text: str


class _PatchCachingTemplate(VadocsTemplate):
    """:class:`VadocsTemplate` remembering its XML clean-up across renderings."""

    patch_cache: dict[str, str]

    def patch_xml(self, src_xml: str) -> str:
        found = self.patch_cache.get(src_xml)
        if found is None:
            found = self.patch_cache[src_xml] = super().patch_xml(src_xml)
        return found


def _compiling_once(env: ImmutableSandboxedEnvironment) -> ImmutableSandboxedEnvironment:
    compiled: dict[str, Template] = {}
    plain: Callable[..., Template] = env.from_string

    def from_string(source: Any, globals: Any = None, template_class: Any = None) -> Template:
        if globals is not None or template_class is not None or not isinstance(source, str):
            return plain(source, globals, template_class)
        if source not in compiled:
            compiled[source] = plain(source)
        return compiled[source]

    env.from_string = from_string  # type: ignore[method-assign]
    return env


@dataclass(frozen=True)
class Failure:
    """A rendering that raised: the message, and the part and Jinja line it happened in."""

    message: str
    part: str = ""
    line: int = 0

    @classmethod
    def of(cls, tpl: VadocsTemplate | None, exc: BaseException, message: str) -> Failure:
        lines = [n for f, n in traceback.walk_tb(exc.__traceback__)
                 if f.f_code.co_filename == "<template>"]  # fmt: skip
        current = getattr(tpl, "current_rendering_part", None) if tpl is not None else None
        name = str(getattr(current, "partname", "")) if current is not None else ""
        return cls(message, part_label(name) if name else "", lines[-1] if lines else 0)

    def location(self, parts: list[ParsedPart]) -> str:
        part = next((p for p in parts if p.label == self.part), None)
        if part is None or not self.line:
            return _("rendering")
        quoted = re.findall(r"'([^']+)'", self.message)
        return part.locate(self.line, quoted[-1] if quoted else "")


class DryRenderer:
    """Renders one template for many clients; collects what goes wrong."""

    def __init__(self, template: Path) -> None:
        self.template = template
        self.data = template.read_bytes()
        self.env = _compiling_once(make_environment())
        self.patches: dict[str, str] = {}

    def render(self, case: RenderCase) -> Rendered | Failure:
        """The rendered text, or what went wrong and where."""
        tpl: VadocsTemplate | None = None
        try:
            tpl = _PatchCachingTemplate(io.BytesIO(self.data))
            tpl.patch_cache = self.patches
            tpl.render_init()
            example = case.example
            values = with_images(case.context, example.engagement, example.workspace, case.images)(
                tpl
            )
            tpl.render(values, jinja_env=self.env, autoescape=True)
            return Rendered(case, reader_text(_rendered_parts(tpl)))
        except UndefinedError as exc:
            return Failure.of(
                tpl, exc, _("unknown placeholder '{name}'").format(name=missing_name(exc.message))
            )
        except SecurityError as exc:
            return Failure.of(tpl, exc, _("not allowed in a template: {exc}").format(exc=exc))
        except JinjaTemplateError as exc:
            return Failure.of(
                tpl, exc, _("cannot be rendered: {exc}").format(exc=exc.message or exc)
            )
        except (etree.XMLSyntaxError, PackageError) as exc:
            return Failure.of(
                tpl, exc, _("the rendered document is broken XML: {exc}").format(exc=exc)
            )
        except Exception as exc:  # whatever docxtpl raises is a finding here
            return Failure.of(
                tpl,
                exc,
                _("docxtpl failed: {kind}: {exc}").format(kind=type(exc).__name__, exc=exc),
            )


def _rendered_parts(tpl: VadocsTemplate) -> list[Part]:
    """The body, headers and footers of a rendered template, read in memory (no saving)."""
    document = tpl.docx
    parts = [Part("word/document.xml", "body", document.element)]
    for rel in document.part.rels.values():
        kind = rel.reltype.rsplit("/", 1)[-1]
        if kind in ("header", "footer") and not rel.is_external:
            target = rel.target_part
            root = getattr(target, "element", None)
            if root is None:
                root = etree.fromstring(target.blob)
            parts.append(Part(str(target.partname), kind, root))
    return parts


@dataclass(frozen=True)
class _Finding:
    rule: str
    key: str
    """What makes two clients' findings the same problem."""
    path: str
    message: str
    hint: str


def dry_render(
    template: Path, cases: Iterable[RenderCase], parts: list[ParsedPart]
) -> tuple[list[Rendered], list[Problem]]:
    """Render ``template`` for each case; ``parts`` (its parsed parts) locate what fails."""
    renderer = DryRenderer(template)
    values = ExpectedValues(unconditional_outputs(parts))
    grouped: dict[tuple[str, str], tuple[_Finding, list[str]]] = {}
    done: list[Rendered] = []
    for case in cases:
        rendered = renderer.render(case)
        if isinstance(rendered, Failure):
            where = rendered.location(parts)
            findings = [_Finding("RENDER-FAILED", rendered.message, where, rendered.message,
                                 _(_FAILED_HINT))]  # fmt: skip
        else:
            done.append(rendered)
            findings = list(_text_findings(rendered, values))
        for f in findings:
            # the same finding for several clients is one problem, shown as for the first
            grouped.setdefault((f.rule, f.key), (f, []))[1].append(case.label)
    problems = [
        Problem(template, _("{message} (for {names_labels})").format(message=f.message, names_labels=_names(labels)), path=f.path, hint=f.hint,
                rule=f.rule)
        for f, labels in grouped.values()
    ]  # fmt: skip
    return done, problems


_FAILED_HINT = N_(
    "a value this client does not have? guard optional values with {% if … %} "
    "(`vadocs fields` marks them); `vadocs build` for this client shows the whole error"
)


def _names(labels: list[str]) -> str:
    return ", ".join(labels[:3]) + (
        _(" and {n} more").format(n=len(labels) - 3) if len(labels) > 3 else ""
    )


def _text_findings(rendered: Rendered, expected: ExpectedValues) -> Iterable[_Finding]:
    text = rendered.text
    for m in _LEFTOVER.finditer(text):
        yield _Finding("RENDER-LEFTOVER", m.group(0),
                       _('rendered text "{text}"').format(text=snippet(text, m.start(), m.end())),
                       _("'{tag}' is left in the finished document").format(tag=m.group(0)),
                       _("a tag is broken or split; see the other problems, or retype it in Word"))  # fmt: skip
        break
    for m in _NONE.finditer(text):
        yield _Finding("RENDER-NONE", "None",
                       _('rendered text "{text}"').format(text=snippet(text, m.start(), m.end())),
                       _("the word None appears in the finished document"),
                       _("an empty value is printed; guard it with {% if … %} or use |default('')"))  # fmt: skip
        break
    flat = _SPACES.sub(" ", text)
    for item, value in expected.for_context(rendered.case.context):
        if _SPACES.sub(" ", value).strip() not in flat:
            yield _Finding("RENDER-VALUE-MISSING", item.source + item.location, item.location,
                           _('{{{{ {source} }}}} is not in the finished document '
                             '(expected "{value}")').format(source=item.source,
                                                            value=snippet(value)),
                           _("text beside a {%p %} tag, a tracked change or a broken tag may "
                             "swallow it"))  # fmt: skip
