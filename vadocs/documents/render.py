"""Render a Word template with a context, through docxtpl and our one Jinja environment."""

from __future__ import annotations

import functools
import hashlib
import io
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import IO, Any

from docx.image.exceptions import UnrecognizedImageError
from docx.shared import Mm
from docxtpl import DocxTemplate, InlineImage
from jinja2 import Environment, Template, TemplateSyntaxError, UndefinedError
from jinja2 import TemplateError as JinjaTemplateError
from jinja2.exceptions import SecurityError

from vadocs.documents.environment import make_environment
from vadocs.documents.jinja_cache import bytecode_cache, compile_cached
from vadocs.documents.jinja_errors import (
    missing_name,
    placeholder_in,
    suggestion,
    syntax_message,
    undefined_message,
)
from vadocs.errors import TemplateError, shown
from vadocs.i18n import _

# Word's AutoCorrect turns " into „ “ and ' into ‚ ‘ — also inside tags, where Jinja
# then fails. docxtpl repairs “ ” ‘ ’ but not the German opening marks.
_TAG = re.compile(r"(?<=\{[\{%])(.*?)(?=[\}%]\})", re.DOTALL)
_GERMAN_QUOTES = str.maketrans({"„": '"', "“": '"', "”": '"', "‚": "'", "‘": "'", "’": "'"})


_COMPILED: dict[str, Template] = {}
"""Compiled Jinja templates by their source: a batch of 50 invoices compiles the XML once."""


class _CachingEnvironment:
    """Wraps the one environment so that docxtpl's ``from_string`` reuses compilations:
    in memory, and between runs as Jinja bytecode in the user's cache folder
    (:func:`vadocs.documents.jinja_cache.bytecode_cache`)."""

    def __init__(self, env: Environment) -> None:
        self.env = env
        self.autoescape = True
        self.disk = bytecode_cache()

    def from_string(self, source: str) -> Template:
        key = hashlib.sha256(source.encode()).hexdigest()
        if key not in _COMPILED:
            _COMPILED[key] = compile_cached(self.env, self.disk, key, source)
        return _COMPILED[key]


@functools.cache
def shared_environment() -> _CachingEnvironment:
    return _CachingEnvironment(make_environment())


class VadocsTemplate(DocxTemplate):  # type: ignore[misc]
    """docxtpl's template with German quote repair inside tags."""

    def patch_xml(self, src_xml: str) -> str:
        src_xml = _TAG.sub(lambda m: m.group(0).translate(_GERMAN_QUOTES), src_xml)
        return str(super().patch_xml(src_xml))


class RenderError(TemplateError):
    """A template failed to render; ``template`` is its file."""

    def __init__(self, template: Path, message: str, *, hint: str = "") -> None:
        super().__init__(message, hint=hint)
        self.template = template


ContextFactory = Callable[[DocxTemplate], Mapping[str, Any]]


def render_docx(template: Path, context: Mapping[str, Any] | ContextFactory) -> bytes:
    """Render ``template``; ``context`` may be a factory that needs the template (for images)."""
    try:
        tpl = VadocsTemplate(str(template))
        tpl.render_init()
    except Exception as exc:  # python-docx raises many types for a broken file
        raise TemplateError(
            _("{template}: is not a readable Word document ({name__}: {exc})").format(
                template=shown(template), name__=type(exc).__name__, exc=exc
            ),
            hint=_("open it in Word or LibreOffice and save it again as .docx"),
        ) from None
    values = context(tpl) if callable(context) else context
    try:
        tpl.render(dict(values), jinja_env=shared_environment(), autoescape=True)
    except UndefinedError as exc:
        raise _unknown_placeholder(template, tpl, exc.message) from None
    except TemplateSyntaxError as exc:
        raise RenderError(
            template,
            _("{template}: {message}, near „{snippet}“").format(
                template=shown(template),
                message=syntax_message(exc.message),
                snippet=_snippet(getattr(exc, "docx_context", [])),
            ),
            hint=_("run `vadocs check` for the exact place; a tag may be split or mistyped"),
        ) from None
    except (UnrecognizedImageError, OSError) as exc:
        raise TemplateError(
            _("{template}: an image cannot be inserted ({name__}: {exc})").format(
                template=shown(template), name__=type(exc).__name__, exc=exc
            ),
            hint=_("check that the logo named in vadocs.yaml is a valid PNG or JPEG file"),
        ) from None
    except SecurityError as exc:
        raise TemplateError(
            _("{template}: not allowed in a template: {exc}").format(template=template, exc=exc)
        ) from None
    except JinjaTemplateError as exc:
        raise TemplateError(
            _("{template}: cannot be rendered: {exc}").format(template=template, exc=exc)
        ) from None
    buffer = io.BytesIO()
    tpl.save(buffer)
    return buffer.getvalue()


def _unknown_placeholder(template: Path, tpl: DocxTemplate, message: str | None) -> RenderError:
    """The error for an unknown placeholder, named as written in the template
    (``kunde.nme``), with the closest known field as a suggestion."""
    from vadocs.documents.fields import fields_for

    try:
        source = tpl.patch_xml(tpl.get_xml())
    except Exception:  # only to name the placeholder; the error stands without it
        source = ""
    name = placeholder_in(re.sub(r"<[^>]*>", "", source), missing_name(message))
    close = suggestion(name, (f.path for f in fields_for())) if "." in name else ""
    hint = _("did you mean {name}? ").format(name=close) if close else ""
    return RenderError(
        template,
        f"{shown(template)}: {undefined_message(name)}",
        hint=hint + _("`vadocs fields` lists every placeholder; check the spelling in Word"),
    )


def _snippet(lines: Any) -> str:
    text = " ".join(str(x).strip() for x in lines if str(x).strip())
    return text[:120]


def inline_image(tpl: DocxTemplate, image: Path | IO[bytes], width_mm: float) -> InlineImage:
    source = str(image) if isinstance(image, Path) else image
    return InlineImage(tpl, source, width=Mm(width_mm))
