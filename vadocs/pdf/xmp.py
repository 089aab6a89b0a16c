"""The XMP metadata packet of a PDF: replace the properties vadocs owns, keep the rest.

XMP (ISO 16684-1) is RDF/XML; a PDF/A file must say the same in XMP as in its document
information dictionary. Only the properties named in ``owned`` are replaced; anything else
(``pdfaid``, extension schemas such as Factur-X's) is kept as it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from xml.dom import minidom

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
NAMESPACES = {
    "dc": "http://purl.org/dc/elements/1.1/",
    "pdf": "http://ns.adobe.com/pdf/1.3/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
}
XMP_PADDING = ("\n" + " " * 99) * 20  # room for in-place edits, as the XMP spec suggests


@dataclass(frozen=True)
class XmpProperty:
    prefix: str
    name: str
    kind: str  # "text", "alt" (language alternative), "seq" or "bag"
    value: str


def update_xmp(data: bytes, owned: set[tuple[str, str]], properties: list[XmpProperty]) -> bytes:
    """Replace the ``owned`` properties of an XMP packet by ``properties``."""
    document = minidom.parseString(data)
    roots = document.getElementsByTagNameNS(RDF, "RDF")
    if not roots:
        return data
    rdf = roots[0]
    owned_names = {(NAMESPACES[prefix], name) for prefix, name in owned}
    for description in list(rdf.getElementsByTagNameNS(RDF, "Description")):
        _remove_owned(description, owned_names)
        if _is_empty(description) and description.parentNode is not None:
            description.parentNode.removeChild(description)
    for prefix in NAMESPACES:
        group = [p for p in properties if p.prefix == prefix]
        if group:
            rdf.appendChild(_description(document, rdf.prefix or "rdf", prefix, group))
    return _serialise(document)


def _remove_owned(description: minidom.Element, owned: set[tuple[str, str]]) -> None:
    for child in list(description.childNodes):
        if isinstance(child, minidom.Element) and (child.namespaceURI, child.localName) in owned:
            description.removeChild(child)
    for attribute in list(description.attributes.values()):
        if (attribute.namespaceURI, attribute.localName) in owned:
            description.removeAttributeNode(attribute)


def _is_empty(description: minidom.Element) -> bool:
    if any(isinstance(child, minidom.Element) for child in description.childNodes):
        return False
    return all(
        a.name.startswith("xmlns") or (a.namespaceURI, a.localName) == (RDF, "about")
        for a in description.attributes.values()
    )


def _description(
    document: minidom.Document, rdf: str, prefix: str, properties: list[XmpProperty]
) -> minidom.Element:
    description = document.createElementNS(RDF, f"{rdf}:Description")
    description.setAttribute(f"{rdf}:about", "")
    description.setAttribute(f"xmlns:{prefix}", NAMESPACES[prefix])
    for prop in properties:
        element = document.createElementNS(NAMESPACES[prefix], f"{prefix}:{prop.name}")
        if prop.kind == "text":
            element.appendChild(document.createTextNode(prop.value))
        else:
            container = document.createElementNS(RDF, f"{rdf}:{prop.kind.capitalize()}")
            item = document.createElementNS(RDF, f"{rdf}:li")
            if prop.kind == "alt":
                item.setAttribute("xml:lang", "x-default")
            item.appendChild(document.createTextNode(prop.value))
            container.appendChild(item)
            element.appendChild(container)
        description.appendChild(element)
    return description


def _serialise(document: minidom.Document) -> bytes:
    """Write the packet without an XML declaration, keeping the ``<?xpacket?>`` wrapper."""
    parts: list[str] = []
    for node in document.childNodes:
        if isinstance(node, minidom.ProcessingInstruction) and node.data.startswith("end"):
            parts.append(XMP_PADDING)
        if isinstance(node, minidom.Element):
            _drop_blank_text(node)
            parts.append(node.toprettyxml(indent=" ").rstrip())
        else:
            parts.append(node.toxml())
    return "\n".join(parts).encode("utf-8")


def _drop_blank_text(element: minidom.Element) -> None:
    """Remove indentation (whitespace between elements) so it can be written anew."""
    for child in list(element.childNodes):
        if isinstance(child, minidom.Text) and not child.data.strip():
            element.removeChild(child)
        elif isinstance(child, minidom.Element):
            _drop_blank_text(child)
