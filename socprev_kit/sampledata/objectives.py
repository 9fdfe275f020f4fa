"""The ``objectives`` table: general, strategic and operational objectives, in the language of the
lead municipality, with baselines computed from the registered values as the kit counts them."""

from __future__ import annotations

from functools import partial

import pandas as pd

from .projects import (
    FIRST,
    LAST,
    PROJECTS,
    WAVES,
    ProjectSpec,
    language,
    monthly_indicators,
    parse_effects,
)

TEXTS = {
    "nl": {"nuisance": "Minder drugsoverlast en een veiliger gevoel in {area}.",
           "crime": "Minder druggerelateerde criminaliteit in {area}.",
           "survey": "Minder ervaren drugsoverlast in {area}: van {b} % naar {t} % van de "
                     "bewoners tegen {tp}.",
           "strategic": "Daling van het aantal {name} met {pct} % tegen {tp} (ten opzichte van "
                        "{bp}).",
           "P03": "Minstens {t} % van de geplande activiteiten wordt uitgevoerd in {tp}.",
           "operational": "{Name}: minstens {t} in {tp}.", "and": " en "},
    "fr": {"nuisance": "Moins de nuisances liées à la drogue et plus de sécurité à {area}.",
           "crime": "Moins de criminalité liée à la drogue à {area}.",
           "survey": "Moins de nuisances liées à la drogue ressenties à {area} : de {b} % à "
                     "{t} % des habitants d'ici {tp}.",
           "strategic": "Diminution de {pct} % du nombre {de}{name} d'ici {tp} (par rapport à "
                        "{bp}).",
           "P03": "Au moins {t} % des activités prévues sont réalisées en {tp}.",
           "operational": "{Name} : au moins {t} en {tp}.", "and": " et "},
}  # fmt: skip
#: Output indicators an operational objective may use, the first one a project registers.
OUTPUT_OBJECTIVES = ("P04", "O05", "O07", "O09", "O10S", "O08", "O11", "P06N")
OBJECTIVE_COLUMNS = ("project_id", "objective_id", "level", "text", "indicator_id",
                     "baseline_value", "baseline_period", "target_value",
                     "target_period")  # fmt: skip


def objectives_table(
    regs: pd.DataFrame,
    cat: pd.DataFrame,
    muni: pd.DataFrame,
    projects: tuple[ProjectSpec, ...] = PROJECTS,
) -> pd.DataFrame:
    """General, strategic and operational objectives, with baselines computed from the data."""
    sums = regs.groupby(["project_id", "indicator_id", "period"])["value"].sum()
    totals = {key: g.droplevel([0, 1]) for key, g in sums.groupby(level=[0, 1])}
    rows = []
    for p in projects:
        mine = {ind: s for (pid, ind), s in totals.items() if pid == p.project_id}
        codes = p.nis.split(";")
        lang = language(p, muni.at[codes[0], "region"])
        places = [muni.at[c, f"name_{lang}"] for c in codes]
        area = places[-1] if len(places) == 1 else ", ".join(places[:-1])
        area += "" if len(places) == 1 else TEXTS[lang]["and"] + places[-1]
        rows += [(p.project_id, *o) for o in _project_objectives(p, lang, area, mine, cat)]
    return pd.DataFrame(rows, columns=list(OBJECTIVE_COLUMNS))


def _project_objectives(
    p: ProjectSpec, lang: str, area: str, totals: dict[str, pd.Series], cat: pd.DataFrame
) -> list[tuple]:
    """One project's objectives: (id, level, text, indicator, baseline, period, target, period)."""
    found = partial(_observed, totals, cat)
    impact = [ind for ind, *_ in parse_effects(p.effects) + parse_effects(p.monitors)]
    out = [_general(p, lang, area, impact[0], found)]
    year = int(p.intervention[:4])
    bp, tp = str(max(year - 1, 2019)), str(min(year + 3, 2025))
    pct = 20 if p.effects else 10
    for n, ind in enumerate(impact, 1):
        b, name = found(ind, bp), cat.at[ind, f"name_{lang}"]
        name = name[0].lower() + name[1:]
        de = "d'" if name[0] in "aeiouéh" else "de "
        text = TEXTS[lang]["strategic"].format(name=name, pct=pct, tp=tp, bp=bp, de=de)
        out.append((f"S{n}", "strategic", text, ind, b, bp, round(b * (1 - pct / 100)), tp))
    return out + _operational(p, lang, found, cat)


def _general(p: ProjectSpec, lang: str, area: str, ind: str, found: partial) -> tuple:
    """The general objective: perceived nuisance in the survey, or else the first impact series."""
    words = TEXTS[lang]
    if p.survey:
        b, bp, tp = found("I05", str(WAVES[0])), str(WAVES[0]), str(WAVES[-1])
        t = round(b - 5, 1)
        text = words["survey"].format(area=area, b=_dec(b), t=_dec(t), tp=tp)
        return ("G1", "general", text, "I05", b, bp, t, tp)
    b = found(ind, FIRST[:4])
    text = words["crime" if p.phenomenon == "drug_crime" else "nuisance"].format(area=area)
    return ("G1", "general", text, ind, b, FIRST[:4], round(0.7 * b), LAST[:4])


def _operational(p: ProjectSpec, lang: str, found: partial, cat: pd.DataFrame) -> list[tuple]:
    """Two operational objectives over the first to the last full calendar year of the project."""
    words = TEXTS[lang]
    start, end = pd.Timestamp(p.start), pd.Timestamp(p.end or LAST)
    bp = str(start.year + (start.month > 1 or start.day > 1))  # the first full calendar year
    tp = str(min(2025, end.year - (end.month < 12)))  # the last full calendar year
    text = words["P03"].format(t=95, tp=tp)
    out = [("O1", "operational", text, "P03", found("P03", bp), bp, 95.0, tp)]
    ind = next(i for i in OUTPUT_OBJECTIVES if i in monthly_indicators(p))
    b = found(ind, bp)
    t = round(b * 1.15)
    text = words["operational"].format(Name=cat.at[ind, f"name_{lang}"], t=_dec(t), tp=tp)
    out.append(("O2", "operational", text, ind, b, bp, t, tp))
    return out


def _observed(totals: dict[str, pd.Series], cat: pd.DataFrame, ind: str, period: str) -> float:
    """A project's value of ``ind`` over ``period`` (a year or a month), as the kit counts it.

    ``totals`` maps an indicator to the project's totals per period (summed over municipalities);
    ``cat`` is the catalogue indexed by ``indicator_id``.
    """
    info = cat.loc[ind]
    if info["kind"] == "derived":
        num, den = (_observed(totals, cat, info[c], period) for c in ("numerator", "denominator"))
        return round(float(info["factor"] * num / den), 1)
    s = totals[ind]
    s = s[(s.index == period) | s.index.str.fullmatch(rf"{period}-\d\d")]
    if info["aggregation"] == "mean":
        return round(float(s.mean()), 1)
    return round(float(s.iloc[-1] if info["aggregation"] == "last" else s.sum()), 2)


def _dec(x: float) -> str:
    """A number as Dutch and French running text has it: ``1 234,5``."""
    return f"{x:,.1f}".removesuffix(".0").replace(",", " ").replace(".", ",")
