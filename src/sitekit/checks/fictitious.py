"""Fictitious values of a profile: an e-mail address or URL on a reserved or example domain, a phone number in a
range reserved for fiction, a value the example profiles mark as invented, an example's logo. The rules are data
(fictitious.yml, beside this module); the publish check (publish.py) reports what this module finds."""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterator
from enum import Enum
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from pydantic import BaseModel, Field, ValidationError

from sitekit.core.problems import Problem, ProblemsError
from sitekit.core.schema import Model, problems_from_pydantic
from sitekit.core.yamlfile import Location, YamlDocument, dotted, load_mapping
from sitekit.profile.model import Profile, is_placeholder

RULES_FILE = Path(__file__).with_name("fictitious.yml")
RULES_SHOWN = "src/sitekit/checks/fictitious.yml"

_URL = re.compile(r"https?://[^\s<>\"'()]+", re.IGNORECASE)
_EMAIL = re.compile(r"[^@\s<>\"'(),;:]+@([A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?)")
# A French number in a text: 0 or +33, then nine digits (separated by spaces, dots or hyphens, or not).
_FRENCH_PHONE = re.compile(r"(?<![\w+])(?:\+33|0)[\s.\-]*([1-9](?:[\s.\-]*\d){8})(?!\d)")


class ReservedDomains(Model):
    example: tuple[str, ...] = Field(min_length=1)  # example domains (RFC 2606, RFC 6761)
    test: tuple[str, ...] = Field(min_length=1)  # names reserved for tests and local networks


class PhoneRange(Model):
    range: str = Field(pattern=r"^0[1-9] \d\d \d\d$")  # the first six digits, as "01 99 00"
    used_by: str

    @property
    def digits(self) -> str:
        return self.range.replace(" ", "")


class InventedValue(Model):
    text: str = Field(min_length=1)
    why: str = Field(min_length=1)


class Rules(Model):
    """fictitious.yml: what marks a value as fictitious."""

    reserved_domains: ReservedDomains
    phone_ranges: tuple[PhoneRange, ...]
    marks: tuple[str, ...] = Field(min_length=1)
    values: tuple[InventedValue, ...]
    logos: tuple[str, ...]


@cache
def rules() -> Rules:
    """The rules of fictitious.yml, read once per process (a file of the package: a mistake in it is the code's)."""
    doc = load_mapping(
        RULES_FILE,
        RULES_SHOWN,
        "expected the rules' sections (reserved_domains:, phone_ranges:, marks:, values:, logos:)",
        "restore the file from the kit's repository",
    )
    try:
        return Rules.model_validate(doc.data)
    except ValidationError as exc:
        raise ProblemsError(problems_from_pydantic(exc, doc, (), Rules)) from None


@cache
def _marked() -> re.Pattern[str]:
    """A mark or an invented value of fictitious.yml, as a whole word, any case."""
    words = [*rules().marks, *(value.text for value in rules().values)]
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, words)) + r")(?!\w)", re.IGNORECASE)


def _under(host: str, names: tuple[str, ...]) -> bool:
    return any(host == name or host.endswith("." + name) for name in names)


def reserved_host(url: str) -> str:
    """Why the host of `url` cannot be a public site ('' when it can)."""
    return reserved_name(urlsplit(url).hostname or "")


def reserved_name(host: str) -> str:
    """Why `host` (a domain name or an IP address) cannot be published ('' when it can)."""
    host = host.lower().rstrip(".")
    domains = rules().reserved_domains
    if not host or _under(host, domains.test):
        return f"{host or 'no host'} is a reserved test name"
    if _under(host, domains.example):
        return f"{host} is an example domain"
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return ""
    return f"{host} is not a public address" if not address.is_global else ""


def texts(model: BaseModel, location: Location = ()) -> Iterator[tuple[Location, str]]:
    """(location, text) of every text of a profile's model, list items and both languages of a text included."""
    for name in type(model).model_fields:
        yield from _texts_of(getattr(model, name), (*location, name))


def _texts_of(value: Any, location: Location) -> Iterator[tuple[Location, str]]:
    if isinstance(value, BaseModel):
        yield from texts(value, location)
    elif isinstance(value, (tuple, list)):
        for index, item in enumerate(value):
            yield from _texts_of(item, (*location, index))
    elif isinstance(value, str) and not isinstance(value, Enum):  # an Enum (the kind) is a choice, not a text
        yield location, value


def fictitious(text: str) -> tuple[str, str] | None:
    """(what is wrong, how to fix it) when `text` is fictitious, else None: the first of an address on a
    reserved or example domain, a phone number in a range reserved for fiction, a mark or invented value."""
    for match in _URL.finditer(text):
        if why := reserved_host(match[0]):
            return _reserved(match[0], why)
    for match in _EMAIL.finditer(text):
        if why := reserved_name(match[1]):
            return _reserved(match[0], why)
    ranges = {phone_range.digits: phone_range.range for phone_range in rules().phone_ranges}
    for match in _FRENCH_PHONE.finditer(text):
        digits = "0" + re.sub(r"\D", "", match[1])
        if digits[:6] in ranges:
            return (
                f"{match[0].strip()} is in a range reserved for fiction ({ranges[digits[:6]]} xx xx): it rings no one",
                "write the establishment's real number (the example profiles' numbers are invented)",
            )
    # In a URL only its host is read: a real page's path may hold any word.
    hosts_only = _URL.sub(lambda m: urlsplit(m[0]).hostname or "", text)
    if found := _marked().search(hosts_only):
        return (
            f"« {text} »: « {found[0]} » marks an invented value of an example profile",
            "write the establishment's own value: the example profiles' names, addresses and numbers are invented",
        )
    return None


def _reserved(address: str, why: str) -> tuple[str, str]:
    return (
        f"{address} cannot be published: {why}",
        "write the establishment's own address: an example or reserved domain reaches no one",
    )


def fictitious_problems(profile: Profile, root: Path, skip: frozenset[Location] = frozenset()) -> list[Problem]:
    """One problem per fictitious text of the profile (`skip`: locations reported otherwise), and one for the logo
    when it is an example profile's, in line order."""
    doc = YamlDocument(profile.path, None, profile.lines)
    out: list[Problem] = []
    for location, text in texts(profile.data):
        if location in skip or is_placeholder(text):
            continue
        if found := fictitious(text):
            out.append(Problem(profile.path, doc.line(location), dotted(location), *found))
    logo = profile.logo_file.read_bytes() if profile.logo_file.is_file() else b""
    for example in rules().logos:
        if logo and (root / example).is_file() and (root / example).read_bytes() == logo:
            out.append(
                Problem(
                    profile.path,
                    profile.line("establishment.logo"),
                    "establishment.logo",
                    f"the logo is an example profile's ({example})",
                    "give the path of the establishment's own logo (SVG or PNG)",
                )
            )
            break
    return sorted(out, key=lambda p: p.line)
