"""The machine-checkable rules of PDF/UA-1 (ISO 14289-1, as the Matterhorn protocol lists them) that a PDF's own
objects show, checked with pypdf, and the text of a tagged PDF read back in the order of its structure tree.

veraPDF is the reference checker, but it is Java from Maven Central, which this project's machines cannot reach;
this module checks the subset its rules and the Matterhorn protocol mark as machine-checkable and that a PDF made
from HTML can break: the document (tagged, language, title shown, PDF/UA identification in XMP), the content
(every drawing operator inside marked content, every marked sequence in the structure tree), the structure
(standard types, figures with an alternative text, headings without a skipped level, lists made of items), the
annotations (inside the structure tree, links described, tab order) and the fonts (embedded, mapped to Unicode).
Each problem names its Matterhorn checkpoint.
"""

from __future__ import annotations

import io
import itertools
import re
from collections import defaultdict
from dataclasses import dataclass

from pypdf import PdfReader
from pypdf.generic import ArrayObject, ContentStream, DictionaryObject, IndirectObject

# Standard structure types of PDF 1.7 (14.8.4): any other type needs a RoleMap entry.
STANDARD_TYPES = {
    *[
        "Document",
        "Part",
        "Art",
        "Sect",
        "Div",
        "BlockQuote",
        "Caption",
        "TOC",
        "TOCI",
        "Index",
        "NonStruct",
        "Private",
    ],
    *[
        "P",
        "H",
        "H1",
        "H2",
        "H3",
        "H4",
        "H5",
        "H6",
        "L",
        "LI",
        "Lbl",
        "LBody",
        "Table",
        "TR",
        "TH",
        "TD",
        "THead",
        "TBody",
        "TFoot",
    ],
    *[
        "Span",
        "Quote",
        "Note",
        "Reference",
        "BibEntry",
        "Code",
        "Link",
        "Annot",
        "Ruby",
        "RB",
        "RT",
        "RP",
        "Warichu",
        "WT",
        "WP",
    ],
    *["Figure", "Formula", "Form"],
}
# Operators that draw: text, paths, images and shadings.
DRAWING = {"Tj", "TJ", "'", '"', "Do", "f", "F", "f*", "B", "B*", "b", "b*", "S", "s", "sh", "BI"}
BLOCKS = {"H1", "H2", "H3", "H4", "H5", "H6", "P", "LBody", "Lbl", "Caption", "TH", "TD"}


def _obj(value):
    return value.get_object() if isinstance(value, IndirectObject) else value


def _kids(element) -> list:
    kids = _obj(element.get("/K"))
    if kids is None:
        return []
    return list(kids) if isinstance(kids, ArrayObject) else [kids]


def _walk(element, parents: tuple[str, ...] = ()):
    """Every structure element under `element`, depth first: (element, types of its ancestors)."""
    for raw_kid in _kids(element):
        kid = _obj(raw_kid)
        if isinstance(kid, DictionaryObject) and kid.get("/Type") not in ("/MCR", "/OBJR") and "/S" in kid:
            yield kid, parents
            yield from _walk(kid, (*parents, str(kid["/S"])[1:]))


def _mcids_of(element) -> list[int]:
    out = []
    for raw_kid in _kids(element):
        kid = _obj(raw_kid)
        if isinstance(kid, int):
            out.append(int(kid))
        elif isinstance(kid, DictionaryObject) and kid.get("/Type") == "/MCR":
            out.append(int(kid["/MCID"]))
    return out


def _parent_tree(root) -> dict[int, object]:
    """The structure tree's ParentTree as {key: value} (a number tree: Nums, or Kids of number trees)."""
    out: dict[int, object] = {}

    def visit(node) -> None:
        node = _obj(node)
        nums = node.get("/Nums")
        if nums is not None:
            for index in range(0, len(nums), 2):
                out[int(nums[index])] = _obj(nums[index + 1])
        for kid in node.get("/Kids", []):
            visit(kid)

    visit(root["/ParentTree"])
    return out


@dataclass
class _PageContent:
    mcids: list[int]
    unmarked: list[str]


def _content(reader: PdfReader, page) -> _PageContent:
    stack: list[int | None] = []
    mcids: list[int] = []
    unmarked: list[str] = []
    operations = ContentStream(page.get_contents(), reader).operations
    for operands, operator in operations:
        op = operator.decode("latin-1") if isinstance(operator, bytes) else str(operator)
        if op in ("BDC", "BMC"):
            props = operands[1] if op == "BDC" and len(operands) > 1 else None
            props = _obj(props)
            mcid = props.get("/MCID") if isinstance(props, DictionaryObject) else None
            stack.append(int(mcid) if mcid is not None else None)
            if mcid is not None:
                mcids.append(int(mcid))
        elif op == "EMC":
            if stack:
                stack.pop()
        elif op in DRAWING and not stack:
            unmarked.append(op)
    return _PageContent(mcids, unmarked)


def pdfua_problems(data: bytes) -> list[str]:
    """What breaks a machine-checkable PDF/UA-1 rule, one line per problem with its Matterhorn checkpoint."""
    reader = PdfReader(io.BytesIO(data))
    catalog = reader.trailer["/Root"]
    out: list[str] = []
    # Document: tagged, language, title shown, identification.
    if not _obj(catalog.get("/MarkInfo", {})).get("/Marked"):
        out.append("01-002: the document is not marked as tagged (MarkInfo /Marked true)")
    if "/StructTreeRoot" not in catalog:
        return [*out, "01-001: no structure tree (StructTreeRoot)"]
    if _obj(catalog.get("/MarkInfo", {})).get("/Suspects"):
        out.append("01-003: MarkInfo /Suspects is true")
    lang = str(catalog.get("/Lang", ""))
    if not re.fullmatch(r"[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*", lang):
        out.append(f"11-006: the document's language is missing or not a language tag ({lang!r})")
    if not _obj(catalog.get("/ViewerPreferences", {})).get("/DisplayDocTitle"):
        out.append("07-001: ViewerPreferences /DisplayDocTitle is not true")
    metadata = catalog.get("/Metadata")
    xmp = _obj(metadata).get_data().decode("utf-8") if metadata is not None else ""
    if not re.search(r"pdfuaid:part(=\"1\"|>1<)", xmp):
        out.append("06-002: the XMP metadata does not declare PDF/UA-1 (pdfuaid:part 1)")
    title = re.search(r"<dc:title>.*?<rdf:li[^>]*>([^<]+)</rdf:li>", xmp, re.DOTALL)
    if not title or not title[1].strip():
        out.append("06-003: the XMP metadata has no dc:title")
    # Structure: standard types (or mapped), figures described, headings in order, lists of items.
    root = _obj(catalog["/StructTreeRoot"])
    role_map = {str(k)[1:]: str(v)[1:] for k, v in _obj(root.get("/RoleMap", {})).items()}
    tree_mcids: dict[int, set[int]] = defaultdict(set)  # page number -> MCIDs the tree references
    pages = {page.indirect_reference.idnum: number for number, page in enumerate(reader.pages)}
    heading_levels: list[int] = []
    annotations_in_tree: set[int] = set()
    for element, parents in _walk(root):
        kind = str(element["/S"])[1:]
        kind = role_map.get(kind, kind)
        if kind not in STANDARD_TYPES:
            out.append(f"02-004: structure type {kind!r} is neither standard nor role-mapped")
        if kind == "Figure" and not (element.get("/Alt") or element.get("/ActualText")):
            out.append("13-004: a Figure has no alternative text (Alt)")
        if re.fullmatch(r"H[1-6]", kind):
            heading_levels.append(int(kind[1]))
        if kind == "L":
            wrong = {str(_obj(k)["/S"])[1:] for k in _kids(element) if isinstance(_obj(k), DictionaryObject)}
            wrong -= {"LI", "Caption", "L"}
            if wrong:
                out.append(f"09-004: a list holds {sorted(wrong)} instead of list items (LI)")
        if kind == "LI" and parents and parents[-1] != "L":
            out.append("09-004: a list item (LI) outside a list (L)")
        page_ref = element.raw_get("/Pg") if "/Pg" in element else None
        page = pages.get(page_ref.idnum) if isinstance(page_ref, IndirectObject) else 0
        for mcid in _mcids_of(element):
            tree_mcids[page or 0].add(mcid)
        for raw_kid in _kids(element):
            kid = _obj(raw_kid)
            if isinstance(kid, DictionaryObject) and kid.get("/Type") == "/OBJR":
                annotations_in_tree.add(kid.raw_get("/Obj").idnum)
                if kind != "Link" and _obj(kid["/Obj"]).get("/Subtype") == "/Link":
                    out.append(f"28-010: a link annotation is tagged {kind!r}, not Link")
    for before, after in itertools.pairwise(heading_levels):
        if after > before + 1:
            out.append(f"14-003: heading level skipped (H{before} then H{after})")
    if heading_levels and heading_levels[0] != 1:
        out.append(f"14-002: the first heading is H{heading_levels[0]}, not H1")
    parent_tree = _parent_tree(root)
    # Content and annotations, page by page.
    for number, page in enumerate(reader.pages):
        content = _content(reader, page)
        if content.unmarked:
            out.append(f"01-005: page {number + 1}: {len(content.unmarked)} drawing operators outside marked content")
        missing = sorted(set(content.mcids) - tree_mcids[number])
        if missing:
            out.append(f"01-007: page {number + 1}: marked content {missing[:5]} not in the structure tree")
        dangling = sorted(tree_mcids[number] - set(content.mcids))
        if dangling:
            out.append(f"01-007: page {number + 1}: the structure tree names absent marked content {dangling[:5]}")
        parents_key = page.get("/StructParents")
        if content.mcids and (parents_key is None or int(parents_key) not in parent_tree):
            out.append(f"01-007: page {number + 1}: no ParentTree entry for its marked content (StructParents)")
        annotations = [_obj(a) for a in page.get("/Annots", [])]
        if annotations and page.get("/Tabs") != "/S":
            out.append(f"19-003: page {number + 1} has annotations but its tab order is not /S (structure)")
        raw = page.raw_get("/Annots") if "/Annots" in page else []
        for ref, annotation in zip(_obj(raw), annotations, strict=True):
            if annotation.get("/Subtype") in ("/Popup",):
                continue
            if ref.idnum not in annotations_in_tree or "/StructParent" not in annotation:
                out.append(f"28-002: page {number + 1}: an annotation is not in the structure tree")
            if annotation.get("/Subtype") == "/Link" and not str(annotation.get("/Contents", "")).strip():
                out.append(f"28-011: page {number + 1}: a link annotation has no description (Contents)")
        for name, font in _obj(_obj(page.get("/Resources", {})).get("/Font", {})).items():
            out += _font_problems(str(name), _obj(font))
    return out


def _font_problems(name: str, font: DictionaryObject) -> list[str]:
    out = []
    described = _obj(font["/DescendantFonts"][0]) if font.get("/Subtype") == "/Type0" else font
    descriptor = _obj(described.get("/FontDescriptor", {}))
    if font.get("/Subtype") != "/Type3" and not any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")):
        out.append(f"31-001: font {name} ({font.get('/BaseFont')}) is not embedded")
    if "/ToUnicode" not in font:
        out.append(f"31-027: font {name} has no ToUnicode map (its text cannot be read back)")
    return out


# --- the text read back in reading order ------------------------------------------------------------------------


def _marked_text(page, visit) -> None:
    """Calls `visit(mcid, chunk, cm, tm)` for each piece of text of `page`, with the MCID of the innermost
    marked-content sequence around it that has one (None outside any)."""
    stack: list[int | None] = []

    def before(operator, operands, cm, tm):
        if operator == b"BDC":
            props = _obj(operands[1]) if len(operands) > 1 else None
            stack.append(int(props["/MCID"]) if isinstance(props, DictionaryObject) and "/MCID" in props else None)
        elif operator == b"BMC":
            stack.append(None)
        elif operator == b"EMC" and stack:
            stack.pop()

    def text(chunk, cm, tm, font, size):
        visit(next((m for m in reversed(stack) if m is not None), None), chunk, cm, tm)

    page.extract_text(visitor_operand_before=before, visitor_text=text)


def _text_by_mcid(reader: PdfReader) -> dict[tuple[int, int], str]:
    """The text each marked-content sequence shows: (page number, MCID) -> text."""
    out: dict[tuple[int, int], str] = defaultdict(str)
    for number, page in enumerate(reader.pages):

        def add(mcid, chunk, cm, tm, number=number):
            if mcid is not None:
                out[(number, mcid)] += chunk

        _marked_text(page, add)
    return out


def read_back(data: bytes) -> list[tuple[str, str]]:
    """(type, text) of each block of a tagged PDF (headings, paragraphs, list items, figures' alternative texts,
    link texts), in the order of its structure tree: what a screen reader reads. Soft hyphens the layout added at
    line ends are removed, lines joined by a space."""
    reader = PdfReader(io.BytesIO(data))
    root = _obj(reader.trailer["/Root"]["/StructTreeRoot"])
    pages = {page.indirect_reference.idnum: number for number, page in enumerate(reader.pages)}
    texts = _text_by_mcid(reader)
    out: list[tuple[str, str]] = []

    def collect(element, page: int) -> str:
        parts = []
        for raw_kid in _kids(element):
            kid = _obj(raw_kid)
            if isinstance(kid, int):
                parts.append(texts.get((page, int(kid)), ""))
            elif isinstance(kid, DictionaryObject) and kid.get("/Type") == "/MCR":
                parts.append(texts.get((page, int(kid["/MCID"])), ""))
            elif isinstance(kid, DictionaryObject) and "/S" in kid and kid.get("/Type") != "/OBJR":
                ref = kid.raw_get("/Pg") if "/Pg" in kid else None
                parts.append(collect(kid, pages.get(ref.idnum, page) if isinstance(ref, IndirectObject) else page))
        return "".join(parts)

    def visit(element, page: int) -> None:
        for raw_kid in _kids(element):
            kid = _obj(raw_kid)
            if not isinstance(kid, DictionaryObject) or "/S" not in kid or kid.get("/Type") in ("/MCR", "/OBJR"):
                continue
            kind = str(kid["/S"])[1:]
            ref = kid.raw_get("/Pg") if "/Pg" in kid else None
            here = pages.get(ref.idnum, page) if isinstance(ref, IndirectObject) else page
            if kind == "Figure":
                out.append((kind, str(kid.get("/Alt", ""))))
            elif kind in BLOCKS:
                out.append((kind, clean(collect(kid, here))))
            else:
                visit(kid, here)

    visit(root, 0)
    return [(kind, text) for kind, text in out if text]


def clean(text: str) -> str:
    """Text as read: soft hyphens at line ends removed (the word joined), a line broken after a hyphen joined,
    other line ends as spaces."""
    text = re.sub("\u00ad\\s*", "", text)
    text = re.sub(r"(?<=\w-)\n", "", text)  # a line broken after a word's own hyphen ("7-" / "word")
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ").replace("\u202f", " ")).strip()


def headline_lines(data: bytes) -> list[str]:
    """The lines of the first H1 of a tagged PDF, as laid out (text grouped by baseline, top to bottom)."""
    reader = PdfReader(io.BytesIO(data))
    root = _obj(reader.trailer["/Root"]["/StructTreeRoot"])
    heading = next(element for element, _ in _walk(root) if str(element["/S"]) == "/H1")
    wanted: set[int] = set(_mcids_of(heading))
    for element, _ in _walk(heading):
        wanted |= set(_mcids_of(element))
    lines: dict[float, str] = defaultdict(str)

    def add(mcid, chunk, cm, tm):
        if mcid in wanted and chunk.strip():
            y = round(cm[5] + tm[5] * cm[3], 0)  # the baseline, in page units
            lines[y] += chunk

    _marked_text(reader.pages[0], add)
    return [clean(lines[y]) for y in sorted(lines, reverse=True)]
