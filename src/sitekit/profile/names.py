"""The establishment's name as a French sentence needs it: with its article, elided and contracted.

The profile gives the name (« Centre hospitalier de Valbrume ») and its article (`establishment.article`: le, la,
l', les). A sentence then prints « publié par le Centre hospitalier… », « les contacts du CH… », « de l’EHPAD… »,
« de la Maison… », « des Hôpitaux… », « au Centre… », « aux Hôpitaux… ». English keeps the name as it is; so does
French when the profile gives no article (the validator asks for one).

`with_article` is the one function that makes these forms; `fill_name` applies it to a text where the name follows
a preposition (`par {name}`, `de {name}`, `à {name}`) or starts a sentence.
"""

from __future__ import annotations

import re

ARTICLES = ("le", "la", "l'", "les")
ELIDED = "l’"  # the typographic apostrophe, as the site writes it
PREPOSITIONS = ("par", "de", "à")
_CONTRACTED = {("de", "le"): "du", ("de", "les"): "des", ("à", "le"): "au", ("à", "les"): "aux"}
# A vowel or an h (taken as mute: « l’hôpital », « l’hospice », « l’Hôtel-Dieu ») elides le, la and de.
_ELIDES = re.compile(r"[aàâäeéèêëiîïoôöuùûüyÿæœh]", re.IGNORECASE)


def normal_article(value: str) -> str | None:
    """The article as the profile may write it (any case, ' or ’), as one of ARTICLES; None when it is not one."""
    text = value.strip().lower().replace("’", "'")
    return text if text in ARTICLES else None


def elides(name: str) -> bool:
    """True when `name` starts with a vowel or an h: le and la become l’, de becomes d’."""
    return bool(name) and bool(_ELIDES.match(name))


def with_article(name: str, article: str | None, preposition: str | None = None, *, capital: bool = False) -> str:
    """`name` with its article after `preposition` (par, de, à or none), French contraction and elision applied:
    with_article("CH Valbrume", "le", "de") == "du CH Valbrume"; with_article("EHPAD", "le", "de") == "de l’EHPAD";
    without an article, the name alone after its preposition ("d’EHPAD…" for de). `capital`: a sentence's first
    word."""
    art = normal_article(article) if article else None
    prep = preposition.strip().lower() if preposition else None
    if prep is not None and prep not in PREPOSITIONS:
        raise ValueError(f"{preposition!r} is not one of {PREPOSITIONS}")
    if art in ("le", "la", "l'") and elides(name):
        art = ELIDED
    elif art == "l'":
        art = "le"  # l' before a consonant (a short name such as « CH … »): the masculine, the usual one
    if art is None:
        head = ("d’" if elides(name) else "de") if prep == "de" else prep
    else:
        head = _CONTRACTED.get((prep or "", art)) or (f"{prep} {art}" if prep else art)
    phrase = name if not head else (head + name if head.endswith("’") else f"{head} {name}")
    return phrase[:1].upper() + phrase[1:] if capital else phrase


# `{name}` after par, de or à (any case), or at the start of the text or of a sentence.
_SLOT = re.compile(r"(?:(?P<prep>\b(?:par|de|à|Par|De|À))\s+)?\{name\}")
SENTENCE_START = re.compile(r"(?:^\s*|\n[ \t]*\n\s*|[.!?]\s+)$")


def fill_name(text: str, name: str, article: str | None, lang: str) -> str:
    """`text` (an interface string) with each `{name}` replaced by the name in the form its place needs, in French;
    in English by the name as it is. Other placeholders are left for `str.format`."""
    if lang != "fr":
        return text.replace("{name}", name)

    def form(match: re.Match[str]) -> str:
        prep = match["prep"]
        before = text[: match.start()]
        capital = bool(SENTENCE_START.search(before))
        if prep is None:
            return with_article(name, article, None, capital=True) if capital else name
        return with_article(name, article, prep.lower(), capital=capital)

    return _SLOT.sub(form, text)
