"""Province and region names in Dutch, French and English, keyed by the reference's names
(``municipalities()["province"]``, Dutch, ``""`` for Brussels; ``["region"]``, English)."""

from __future__ import annotations

__all__ = ["PROVINCES", "REGIONS", "place_name"]

#: The reference's region names → nl, fr, en.
REGIONS: dict[str, tuple[str, str, str]] = {
    "Flanders": ("Vlaams Gewest", "Région flamande", "Flemish Region"),
    "Wallonia": ("Waals Gewest", "Région wallonne", "Walloon Region"),
    "Brussels": ("Brussels Hoofdstedelijk Gewest", "Région de Bruxelles-Capitale",
                 "Brussels-Capital Region"),
}  # fmt: skip
#: The reference's (Dutch) province names → nl, fr, en; "" for the Brussels municipalities.
PROVINCES: dict[str, tuple[str, str, str]] = {
    "Antwerpen": ("Antwerpen", "Anvers", "Antwerp"),
    "Vlaams-Brabant": ("Vlaams-Brabant", "Brabant flamand", "Flemish Brabant"),
    "Waals-Brabant": ("Waals-Brabant", "Brabant wallon", "Walloon Brabant"),
    "West-Vlaanderen": ("West-Vlaanderen", "Flandre-Occidentale", "West Flanders"),
    "Oost-Vlaanderen": ("Oost-Vlaanderen", "Flandre-Orientale", "East Flanders"),
    "Henegouwen": ("Henegouwen", "Hainaut", "Hainaut"),
    "Luik": ("Luik", "Liège", "Liège"),
    "Limburg": ("Limburg", "Limbourg", "Limburg"),
    "Luxemburg": ("Luxemburg", "Luxembourg", "Luxembourg"),
    "Namen": ("Namen", "Namur", "Namur"),
    "": ("geen (Brussel)", "aucune (Bruxelles)", "none (Brussels)"),
}


def place_name(kind: str, value: str, lang: str) -> str:
    """A region (``kind="region"``) or province name of the reference in ``lang`` (nl, fr, en);
    a name it does not know, as it is.

    >>> place_name("province", "Luik", "fr"), place_name("region", "Flanders", "nl")
    ('Liège', 'Vlaams Gewest')
    """
    table = REGIONS if kind == "region" else PROVINCES
    return table.get(value, (value, value, value))[("nl", "fr", "en").index(lang)]
