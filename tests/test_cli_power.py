"""``socprev-kit power`` on the shipped sample data: the sentence, the assumptions and the curve in
the chosen language; every mistake a message in that language with exit 2, never a traceback;
and the registration workbook's instructions that point to the command."""

from __future__ import annotations

import os
import subprocess
import sys

import openpyxl
import pytest
from conftest import ROOT

from socprev_kit.cli import main
from socprev_kit.registration.workbook import write_template

SAMPLE = ROOT / "sample_data" / "clean"
GENT = ["power", "44021", "--indicator", "I02", "--data", str(SAMPLE), "--sims", "40"]


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_power_of_a_sample_municipality_in_dutch(capsys):
    code, out, err = run(capsys, *GENT, "--start", "2026-01", "--months", "24")
    assert code == 0, err
    assert out.startswith("Gent (44021), indicator I02, start januari 2026, 24 maanden")
    assert "Met 24 maanden na de start zou een daling van " in out
    assert "Aannames, uit de eigen reeks vóór de start:" in out
    assert "Maanden vóór de start" in out and "Verandering" in out and "−95\u00a0%" in out


def test_power_with_comparisons_in_french(capsys):
    args = [*GENT, "--start", "2026-01", "--months", "12", "--lang", "fr"]
    code, out, err = run(capsys, *args, "--comparison", "52011", "21004")
    assert code == 0, err
    assert "comparé à Charleroi (52011), Bruxelles (21004)" in out
    assert "Avec 12 mois après le début, " in out and "Série de comparaison" in out


@pytest.mark.parametrize(
    ("args", "lang", "words"),
    [
        (["power", "99999", "--indicator", "I02", "--start", "2026-01"], "fr", "Commune inconnue"),
        (["power", "Gentt", "--indicator", "I02", "--start", "2026-01"], "nl", "Bedoelt u: Gent"),
        ([*GENT, "--start", "2026-01", "--indicator", "I09"], "nl", "Geen maandgegevens van I09"),
        ([*GENT, "--start", "2019-06"], "fr", "Il n'y a que 5 mois de données avant le début"),
        ([*GENT, "--start", "2026-01", "--comparison", "99998"], "en", "Unknown municipality"),
    ],
)
def test_mistakes_are_messages_in_the_language(capsys, args, lang, words):
    code, out, err = run(capsys, *args, "--lang", lang)
    assert code == 2 and words in err and "Traceback" not in err, err


@pytest.mark.parametrize("month", ["2026-1", "2026-13", "januari"])
def test_a_month_in_the_wrong_format_exits_2(capsys, month):
    with pytest.raises(SystemExit) as stop:
        main([*GENT, "--start", month])
    assert stop.value.code == 2
    assert "YYYY-MM" in capsys.readouterr().err


def test_as_a_process_no_traceback():
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("SOCPREV_DEBUG", None)
    args = ["power", "00000", "--indicator", "I02", "--start", "2026-01", "--lang", "nl"]
    done = subprocess.run([sys.executable, "-m", "socprev_kit.cli", *args],
                          capture_output=True, text=True, env=env, timeout=120)  # fmt: skip
    assert done.returncode == 2
    assert "Onbekende gemeente: 00000" in done.stderr and "Traceback" not in done.stderr


@pytest.mark.parametrize(
    ("lang", "words"), [("nl", "Welke verandering"), ("fr", "Quel changement")]
)
def test_the_workbook_instructions_point_to_the_command(tmp_path, lang, words):
    path = write_template(tmp_path / "t.xlsx", project_id="ANT-SW", lang=lang, year=2026,
                          data=SAMPLE)  # fmt: skip
    ws = openpyxl.load_workbook(path).worksheets[0]
    texts = [c.value for c in ws["A"] if isinstance(c.value, str)]
    head = next(i for i, t in enumerate(texts) if words in t)
    assert "socprev-kit power" in texts[head + 1] and "--start 2026-01" in texts[head + 1]
