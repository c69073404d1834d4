"""The profile file (data/profile.yml, or $SITEKIT_PROFILE): its schema, its loader, and the values it leaves to complete.

A value the establishment does not know yet is written `à compléter`: the site builds and shows it as to be
completed; the publish check (`validate.py --publish`) refuses to go live until it is filled in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, Field, ValidationError

from sitekit.core import renames
from sitekit.core.plugin_options import configured_profile
from sitekit.core.problems import Collector, Problem, ProblemsError
from sitekit.core.schema import Localized, Model, Text, problem, problems_from_pydantic
from sitekit.core.yamlfile import Location, YamlDocument, load_mapping
from sitekit.profile.names import normal_article

DEFAULT_PROFILE = "data/profile.yml"
OLD_PROFILE = "data/profil.yml"  # its name before this release, still read (sitekit.core.renames)
ENV_VAR = "SITEKIT_PROFILE"  # formerly SITE_PROFILE, still read (sitekit.core.renames)
PLACEHOLDER = "à compléter"  # the value of a key the establishment has not filled in yet
LOGO_TYPES = (".svg", ".png")

_PHONE_CHARS = re.compile(r"[\s.\-()]")
_EMAIL = re.compile(r"[^@\s<>\"'(),;:]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
_HOST = re.compile(r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+")
_COLOUR = re.compile(r"#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})")


def is_placeholder(value: object) -> bool:
    return isinstance(value, str) and value.strip().strip("[]").strip().lower() == PLACEHOLDER


def _placeholder_or(check: Any) -> Any:
    """A field check that lets `à compléter` through unchanged (normalised), and checks anything else."""

    def run(value: Any) -> Any:
        return PLACEHOLDER if is_placeholder(value) else check(value)

    return run


def _text(value: Any) -> Any:
    return value.strip() if isinstance(value, str) else value  # Text's own constraints then apply


def check_phone(value: Any) -> str:
    """A French number (10 digits from 0, or +33 and 9 digits), another +<country> number or an internal extension."""
    if isinstance(value, int) and not isinstance(value, bool):
        raise problem("the phone number was read as a number", 'put it in quotes, e.g. "01 99 00 12 34"')
    if isinstance(value, str):
        digits = _PHONE_CHARS.sub("", value.strip())
        if (
            re.fullmatch(r"0[1-9]\d{8}", digits)
            or re.fullmatch(r"\+33[1-9]\d{8}", digits)
            or re.fullmatch(r"\+(?!33)[1-9]\d{6,14}", digits)
            or re.fullmatch(r"\d{2,6}", digits)
        ):
            return value.strip()
    raise problem(
        f"{value!r} is not a phone number",
        'write 10 digits such as "01 99 00 12 34", "+33 1 99 00 12 34", or an internal extension such as "4455"',
    )


def phone_uri(number: str) -> str:
    """The tel: address of a number: French numbers in international form, extensions as dialled."""
    digits = _PHONE_CHARS.sub("", number)
    if re.fullmatch(r"0[1-9]\d{8}", digits):
        digits = "+33" + digits[1:]
    return f"tel:{digits}"


def check_article(value: Any) -> str:
    """The French article of the establishment's name: le, la, l' or les."""
    if isinstance(value, str) and (article := normal_article(value)):
        return article
    raise problem(
        f"{value!r} is not an article",
        "write le, la, l' or les, the article the name takes in a sentence (« publié par le Centre hospitalier… »)",
    )


def check_email(value: Any) -> str:
    if isinstance(value, str) and _EMAIL.fullmatch(value.strip()):
        return value.strip()
    raise problem(f"{value!r} is not an e-mail address", "write one address such as support@ch-exemple.fr")


def check_https(value: Any) -> str:
    if isinstance(value, str):
        text = value.strip()
        match = re.fullmatch(r"https://([^/?#\s]+)(/[^\s]*)?", text)
        if match and _HOST.fullmatch(match[1].lower()):
            return text
        if text.startswith("http://"):
            raise problem(f"{value!r} is not an https address", "write the address with https://")
    raise problem(f"{value!r} is not a web address", "write the full address, starting with https://")


def check_site_url(value: Any) -> str:
    url = check_https(value)
    if "?" in url or "#" in url:
        raise problem(f"{value!r} has a query or fragment", "write the address of the site's home folder only")
    return url if url.endswith("/") else url + "/"


def check_colour(value: Any) -> str:
    if isinstance(value, str) and (match := _COLOUR.fullmatch(value.strip())):
        digits = match[1].lower()
        return "#" + (digits if len(digits) == 6 else "".join(c * 2 for c in digits))
    raise problem(f"{value!r} is not a colour", 'write it as #rrggbb in quotes, e.g. "#1d5e8c"')


def check_contact(value: Any) -> str:
    """An e-mail address or an https page (a contact form)."""
    if isinstance(value, str) and value.strip().startswith(("http://", "https://")):
        return check_https(value)
    try:
        return check_email(value)
    except Exception:
        raise problem(
            f"{value!r} is neither an e-mail address nor an https page",
            "write an address such as accessibilite@ch-exemple.fr, or the https:// page of a contact form",
        ) from None


def _check_localized(value: Any) -> Any:
    if is_placeholder(value):
        return {"fr": PLACEHOLDER, "en": PLACEHOLDER}
    return value


Phone = Annotated[str, BeforeValidator(_placeholder_or(check_phone))]
Email = Annotated[str, BeforeValidator(_placeholder_or(check_email))]
ContactAddress = Annotated[str, BeforeValidator(_placeholder_or(check_contact))]
Article = Annotated[str, BeforeValidator(_placeholder_or(check_article))]
Https = Annotated[str, BeforeValidator(check_https)]
SiteUrl = Annotated[str, BeforeValidator(check_site_url)]
Colour = Annotated[str, BeforeValidator(check_colour)]
LocalizedOrMissing = Annotated[Localized, BeforeValidator(_check_localized)]
FreeText = Annotated[Text, BeforeValidator(_placeholder_or(_text))]


class Kind(str, Enum):
    SANITAIRE = "sanitaire"
    MEDICO_SOCIAL = "medico-social"
    GROUPEMENT = "groupement"


class Establishment(Model):
    name: FreeText
    short_name: FreeText
    article: Article | None = None  # le, la, l', les: « publié par le Centre hospitalier… », « du CH… »
    kind: Kind
    region: FreeText
    logo: Text
    colour: Colour
    address: FreeText
    phone: Phone
    registration: FreeText  # SIRET or FINESS number, for the legal notice


class Host(Model):
    name: FreeText
    address: FreeText
    phone: Phone


class Site(Model):
    name: FreeText | None = None  # the site's name (header, browser title); default: the short name, else the name
    url: SiteUrl
    publication_director: FreeText
    contact: ContactAddress
    accessibility_contact: ContactAddress
    host: Host


class ItSupport(Model):
    phone: Phone
    email: Email
    hours: LocalizedOrMissing


class OnCall(Model):
    phone: Phone


class Person(Model):
    """A contact role (RSSI, DPO, communication team): an e-mail address, optionally a name and a phone."""

    name: FreeText | None = None
    email: Email
    phone: Phone | None = None


class Contacts(Model):
    it_support: ItSupport
    on_call: OnCall
    rssi: Person
    dpo: Person
    communication: Person


class RegionalContact(Model):
    """A regional body: its name, optionally its page, e-mail and phone, and where these facts come from."""

    name: FreeText
    url: Https | None = None
    email: Email | None = None
    phone: Phone | None = None
    sources: tuple[Https, ...] = Field(min_length=1)
    confirmed: bool = True


class Regional(Model):
    ars: RegionalContact
    support: RegionalContact


class ProfileData(Model):
    establishment: Establishment
    site: Site
    contacts: Contacts
    regional: Regional


@dataclass(frozen=True)
class Profile:
    """The profile as loaded: the values, where they were read from, and the logo on disk."""

    data: ProfileData
    path: str  # as shown in messages, e.g. data/profile.yml
    file: Path
    logo_file: Path
    lines: dict[Location, int]

    @property
    def site_url(self) -> str:
        return self.data.site.url

    @property
    def kind(self) -> Kind:
        return self.data.establishment.kind

    @property
    def site_name(self) -> str | None:
        """The site's name: `site.name`, else the short name, else the name; None while none is known."""
        establishment = self.data.establishment
        for value in (self.data.site.name, establishment.short_name, establishment.name):
            if value is not None and not is_placeholder(value):
                return value
        return None

    @property
    def addresses_staff(self) -> bool:
        """True once the profile names its establishment: the site is then that establishment's, for its staff (the
        home page says what to do now and whom to call); the demo, unnamed, keeps the home for adopters."""
        return not is_placeholder(self.data.establishment.name)

    @property
    def article(self) -> str | None:
        """The article of the establishment's name (le, la, l', les), None when the profile gives none yet."""
        article = self.data.establishment.article
        return None if article is None or is_placeholder(article) else article

    def line(self, key: str) -> int:
        """Line of a dotted key in the profile file (of its closest parent that has one)."""
        return YamlDocument(self.path, None, self.lines).line(tuple(key.split(".")))

    def missing(self) -> list[str]:
        """Dotted keys whose value is still `à compléter`, in file order."""
        keys = [key for key, value in leaves(self.data) if is_placeholder(value)]
        return sorted(keys, key=self.line)


def leaves(model: BaseModel, prefix: str = "") -> list[tuple[str, Any]]:
    """(dotted key, value) of every field holding a value (a localized text counts as one value)."""
    out: list[tuple[str, Any]] = []
    for name in type(model).model_fields:
        value = getattr(model, name)
        key = f"{prefix}{name}"
        if isinstance(value, Localized):
            out.append((key, value.fr))
        elif isinstance(value, BaseModel):
            out.extend(leaves(value, key + "."))
        else:
            out.append((key, value))
    return out


def profile_setting(root: Path, chosen: str | None = None) -> str:
    """The profile named for the project at `root`: `chosen`, else $SITEKIT_PROFILE (or its old name $SITE_PROFILE),
    else the sitekit plugin's `profile:` in root/mkdocs.yml (the one place an establishment names its profile), else
    '' (data/profile.yml)."""
    return (chosen or renames.environment(ENV_VAR) or configured_profile(root)).strip()


def profile_location(root: Path, chosen: str | None = None) -> tuple[Path, str]:
    """The profile file to load and its name in messages: the one `profile_setting` names, else data/profile.yml
    (data/profil.yml, its old name, when only that one exists; the name it has on disk is the one shown).

    A relative path is read from the current folder (where `make build` runs), else from the project root.
    """
    wanted = profile_setting(root, chosen)
    if not wanted or Path(wanted).as_posix() == DEFAULT_PROFILE:
        return renames.shown(root, DEFAULT_PROFILE, OLD_PROFILE)
    path = Path(wanted)
    if not path.is_absolute():
        path = (Path.cwd() / path) if (Path.cwd() / path).exists() else (root / path)
    if not path.exists() and Path(wanted).as_posix() == OLD_PROFILE and (root / DEFAULT_PROFILE).is_file():
        renames.tell(OLD_PROFILE, DEFAULT_PROFILE)  # a setting written before the file was renamed
        return root / DEFAULT_PROFILE, DEFAULT_PROFILE
    path = path.resolve()
    try:
        return path, path.relative_to(root).as_posix()
    except ValueError:
        return path, str(path)


def load_profile(file: Path, shown: str, root: Path) -> Profile:
    """The profile at `file`; ProblemsError with every problem (`shown:line: key: problem (fix)`) otherwise."""
    if not file.is_file():
        hint = ""
        if shown not in (DEFAULT_PROFILE, OLD_PROFILE):
            hint = f" (set by ${ENV_VAR})" if renames.environment(ENV_VAR) else " (named in mkdocs.yml)"
        raise ProblemsError(
            [
                Problem(
                    shown,
                    0,
                    "",
                    f"profile file not found{hint}",
                    "create it from an example with make profile NAME=<name>, or name an existing file on the line "
                    f"profile: of the sitekit plugin in mkdocs.yml (or in {ENV_VAR})",
                )
            ]
        )
    doc = load_mapping(
        file,
        shown,
        "expected the profile's sections (establishment:, site:, contacts:, regional:)",
        "start from a copy of examples/profiles/hopital.yml",
    )
    try:
        data = ProfileData.model_validate(doc.data)
    except ValidationError as exc:
        raise ProblemsError(_worded(problems_from_pydantic(exc, doc, (), ProfileData))) from None
    problems = Collector()
    logo = root / data.establishment.logo
    _check_logo(logo, data.establishment.logo, doc, problems)
    problems.raise_if_errors()
    return Profile(data, shown, file, logo, dict(doc.lines))


def _worded(problems: list[Problem]) -> list[Problem]:
    """The schema's generic fix for a missing key, in the profile's words."""
    return [
        Problem(
            p.path,
            p.line,
            p.field,
            p.message,
            f"add {p.field.rsplit('.', 1)[-1]}: with its value, or "
            f"{PLACEHOLDER} until you know it (keys: docs/guide/adapter-le-kit.md)",
            p.level,
        )
        if p.message == "missing"
        else p
        for p in problems
    ]


def _check_logo(logo: Path, written: str, doc: YamlDocument, problems: Collector) -> None:
    where = (doc.path, doc.line(("establishment", "logo")), "establishment.logo")
    if logo.suffix.lower() not in LOGO_TYPES:
        problems.add(*where, f"{written!r} is not an SVG or PNG file", "give the path of a .svg or .png logo")
    elif not logo.is_file():
        problems.add(
            *where,
            f"logo {written!r} not found",
            "give its path from the repository's root, e.g. examples/profiles/hopital.svg",
        )
    elif image_kind(logo.read_bytes()) != logo.suffix.lower():
        problems.add(
            *where,
            f"{written!r} is not a {logo.suffix.lower()[1:].upper()} image",
            "export the logo again as SVG or PNG",
        )


def image_kind(data: bytes) -> str:
    """'.png' or '.svg' for the bytes of such an image, '' otherwise."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return ".png"
    try:
        from defusedxml import ElementTree

        root = ElementTree.fromstring(data)
    except Exception:
        return ""
    return ".svg" if root.tag in ("{http://www.w3.org/2000/svg}svg", "svg") else ""
