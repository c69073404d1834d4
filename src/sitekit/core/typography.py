"""French typography applied where French text meets an output: the non-breaking spaces an author types as
ordinary spaces (or does not type) made right. Pure; `french_text` for plain text (titles, exports, data texts),
`french_html` for HTML (the text between tags only: never code, scripts, attributes, URLs or character
references).

The choices (those of the Imprimerie nationale's lexicon, as most French publishers apply it):

- U+202F (narrow no-break space) before « ; ! ? », inside « » and as the thousands separator (12 000);
- U+00A0 (no-break space) before « : », after « n° » and between a number and its unit (50 %, 3 €, 1,2 M€);
- a space typed before « : ; ! ? » becomes the one above; a missing one is added before « ; ! ? » only after a
  word and when the mark ends the sentence or the clause (followed by a space, the end of the text or a closing
  mark): « 10:30 », « a;b », « page?x=1 » are left as they are; a missing one before « : » is never added (a time,
  a ratio, a label in English: the validator asks for it instead);
- a number and its unit get a no-break space even when none was typed (« 50% »); a thousands separator is never
  added (a year, a postcode, a phone number or a FINESS number must stay whole), only a typed space made narrow;
- the straight apostrophe between two letters (« l'équipe ») becomes « ’ »; straight quotes are left as typed
  (which one opens is not always clear: the validator asks for « »);
- `&nbsp;`, `&#160;` or `&#8239;` typed by habit count as spaces and are written as the character of the rule.

Applying either function twice gives the same text as applying it once.
"""

from __future__ import annotations

import re
from collections.abc import Callable

FRENCH = "fr"
NBSP = "\u00a0"  # no-break space: before « : », after « n° », between a number and its unit
NNBSP = "\u202f"  # narrow no-break space: before « ; ! ? », inside « », between groups of thousands
SPACES = " \t\n\r" + NBSP + NNBSP  # what counts as a space typed before or after a mark

# The spaces an author types as character references, by habit or after a warning that once asked for them.
SPACE_REFERENCES = re.compile(r"&(?:nbsp|NonBreakingSpace|#160|#[xX]0*[aA]0|#8239|#[xX]0*202[fF]);")

# Elements whose text is not prose: code, keyboard keys, program output, scripts, styles, maths and form text.
SKIPPED_ELEMENTS = frozenset({"code", "pre", "kbd", "samp", "tt", "var", "script", "style", "textarea", "math", "svg"})
# Elements that never have a closing tag (an attribute on them opens nothing to skip).
VOID_ELEMENTS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
)
# Inline elements: the text on either side of them reads as one (« **Attention** ! »); any other tag ends it.
INLINE_ELEMENTS = frozenset(
    {"a", "abbr", "b", "bdi", "bdo", "cite", "data", "dfn", "em", "i", "mark", "q", "s", "small", "span", "strong"}
    | {"sub", "sup", "time", "u", "del", "ins"}
)

_S = "[" + re.escape(SPACES) + "]"
# URLs and e-mail addresses written in the text: left as they are.
_URL = re.compile(r"(?:https?|ftp|mailto|file|tel):\S+|www\.\S+|[\w.+-]+@[\w-]+\.[\w.-]+")
_AFTER_MARK = r"(?=$|[\s" + re.escape(NBSP + NNBSP) + r"»”’\"')\]}.,…<]|[!?])"
# « mot ? » « mot? » → « mot ? » (narrow); a run such as « ?! » or « ??? » keeps its marks together.
_SPACE_BEFORE_TALL = re.compile(_S + r"+(?=[;!?]+" + _AFTER_MARK + ")")
_MISSING_BEFORE_TALL = re.compile(r"(?<=[\w»)\]%€’”*_])(?<![;!?])(?=[;!?]+" + _AFTER_MARK + ")")
_SPACE_BEFORE_COLON = re.compile(_S + r"+(?=:" + _AFTER_MARK + ")")  # not « :smile: », « :) »
_OPEN_GUILLEMET = re.compile(r"«" + _S + r"*")
_CLOSE_GUILLEMET = re.compile(_S + r"*»")
_UNIT_SIGN = re.compile(r"(?<=\d)" + _S + r"*(?=(?:‰|%|€|k€|M€|Md€|Mds€)(?![\w€]))")
_UNIT_WORD = re.compile(r"(?<=\d)" + _S + r"+(?=(?:ko|Ko|Mo|Go|To|kB|MB|GB|TB)\b)")
_THOUSANDS = re.compile(r"(?<![\d,.])(\d{1,3})((?:" + _S + r"\d{3})+)(?![\d])")
_APOSTROPHE = re.compile(r"(?<=[^\W\d_])'(?=[^\W\d_])")  # l'équipe, aujourd'hui: between two letters
_APOSTROPHE_REFERENCE = re.compile(r"(?<=[^\W\d_])&(?:#39|#[xX]0*27|apos);(?=[^\W\d_])")
_NUMERO = re.compile(r"\b([nN]°)" + _S + r"*(?=\w)")
_REFERENCE = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
# A tag (its attributes may hold « > » between quotes), a comment, a CDATA section or a declaration.
_TOKEN = re.compile(
    r"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<![^>]*>|<\?.*?\?>|</?[A-Za-z][^\s/>]*(?:[^>\"']|\"[^\"]*\"|'[^']*')*>", re.S
)
_TAG_NAME = re.compile(r"</?([A-Za-z][^\s/>]*)")
_LANG = re.compile(r"""\slang\s*=\s*["']?([A-Za-z-]*)""")
_SENTINEL = 0xF0000  # supplementary private use area A: what a text never holds, standing for what it must keep


def decode_spaces(text: str) -> str:
    """The character references of a no-break space typed in `text` (`&nbsp;`, `&#8239;`...) as the character."""
    if "&" not in text:
        return text
    return SPACE_REFERENCES.sub(lambda m: NNBSP if "8239" in m[0] or "202" in m[0] else NBSP, text)


_spaces = decode_spaces


def _rules(text: str) -> str:
    """The rules on a text whose URLs, references and e-mails are already out of reach."""
    text = _SPACE_BEFORE_TALL.sub(NNBSP, text)
    text = _MISSING_BEFORE_TALL.sub(NNBSP, text)
    text = _SPACE_BEFORE_COLON.sub(NBSP, text)
    text = _OPEN_GUILLEMET.sub("«" + NNBSP, text)
    text = _CLOSE_GUILLEMET.sub(NNBSP + "»", text)
    text = _UNIT_SIGN.sub(NBSP, text)
    text = _UNIT_WORD.sub(NBSP, text)
    text = _THOUSANDS.sub(lambda m: m[1] + re.sub(_S, NNBSP, m[2]), text)
    text = _APOSTROPHE.sub("’", text)
    return _NUMERO.sub(lambda m: m[1] + NBSP, text)


def _kept(text: str, patterns: tuple[re.Pattern[str], ...], rules: Callable[[str], str]) -> str:
    """`rules` applied to `text` with every match of `patterns` stood for by one private character, then put back."""
    kept: list[str] = []

    def keep(match: re.Match[str]) -> str:
        kept.append(match[0])
        return chr(_SENTINEL + len(kept) - 1)

    for pattern in patterns:
        text = pattern.sub(keep, text)
    text = rules(text)
    if kept:
        text = re.sub(r"[\U000F0000-\U000FFFFD]", lambda m: kept[ord(m[0]) - _SENTINEL], text)
    return text


def french_text(text: str) -> str:
    """Plain French text with its non-breaking spaces right (the module's rules); URLs and e-mails unchanged."""
    if not text:
        return text
    return _kept(_spaces(text), (_URL,), _rules)


def typeset(text: str, lang: str) -> str:
    """`text` as published in `lang`: French typography in French, unchanged in another language."""
    return french_text(text) if lang == FRENCH else text


def _fragment(text: str) -> str:
    """One HTML text node: references other than spaces kept as written (an apostrophe escaped as `&#39;` between
    two letters is read as one)."""
    if "&" in text:
        text = _APOSTROPHE_REFERENCE.sub("'", text)
    return _kept(_spaces(text), (_URL, _REFERENCE), _rules)


def french_html(html: str) -> str:
    """HTML with the rules applied to its French prose: the text between tags, outside `SKIPPED_ELEMENTS` and
    elements marked in another language (`lang="en"`); tags, attributes, comments and references unchanged.

    The text on either side of an inline element reads as one, so that « **Attention**! » gets its space too."""
    out: list[str] = []
    run: list[str] = []  # text nodes and inline tags read since the last other tag: even indexes are text
    skipping: str | None = None
    depth = 0
    pos = 0
    for match in _TOKEN.finditer(html):
        text, tag = html[pos : match.start()], match[0]
        pos = match.end()
        name_match = _TAG_NAME.match(tag)
        name = name_match[1].lower() if name_match else ""
        closing = tag.startswith("</")
        if skipping is not None:
            out.append(text)
            if name == skipping and not tag.endswith("/>"):
                depth += -1 if closing else 1
                if depth == 0:
                    skipping = None
            out.append(tag)
            continue
        run.append(text)
        opens_skip = bool(name) and not closing and not tag.endswith("/>") and name not in VOID_ELEMENTS
        opens_skip = opens_skip and (name in SKIPPED_ELEMENTS or _other_language(tag))
        if name in INLINE_ELEMENTS and not opens_skip:
            run.append(tag)
            continue
        out.append(_run(run))
        run = []
        out.append(tag)
        if opens_skip:
            skipping, depth = name, 1
    if skipping is None:
        run.append(html[pos:])
        out.append(_run(run))
    else:
        out.append(html[pos:])
    return "".join(out)


def _run(run: list[str]) -> str:
    """Text nodes separated by inline tags (even indexes: text), each node read with the last character written
    before it and the first character of the next node when it is a space or a mark, so that the rules see across
    the tags."""
    texts = run[::2]
    done: list[str] = []
    before = ""
    for index, text in enumerate(texts):
        if not text:
            done.append(text)
            continue
        after = next((t[0] for t in texts[index + 1 :] if t), "")
        if after not in SPACES + ";:!?»":  # a word after a tag: the node ends there (« prêts ?<a>¶</a> »)
            after = ""
        result = _fragment(before + text + after)
        result = result[len(before) : len(result) - len(after)]
        if after and result[-1:] in (NBSP, NNBSP) and text[-1] not in SPACES:
            result = result[:-1]  # a space the rules added at the end: the next node adds it at its start
        done.append(result)
        before = result[-1] if result else before
    out = []
    for index, part in enumerate(run):
        out.append(done[index // 2] if index % 2 == 0 else part)
    return "".join(out)


def _other_language(tag: str) -> bool:
    """A tag that marks its content as written in another language than French."""
    found = _LANG.search(tag)
    return found is not None and not found[1].lower().startswith("fr")
