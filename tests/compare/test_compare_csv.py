"""The comparison's CSVs, charts and header follow the report's conventions in the user's
language: read from the real files ``graphnet compare`` writes, in Czech and in English."""

from __future__ import annotations

import base64
import csv
import re
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from graphnet.cli import main
from graphnet.compare import Comparison
from graphnet.compare.charts import figure_bars, sector_pair_bars
from graphnet.compare.render import build_content
from graphnet.compare.tables import CSV_FILES
from graphnet.i18n import catalogue, t
from graphnet.model import Network
from graphnet.vocab import LINK_KINDS

#: Language → (field separator, decimal mark), as a spreadsheet in that language expects.
DIALECTS = {"cs": (";", ","), "en": (",", ".")}


@pytest.fixture(scope="module", params=["cs", "en"])
def written(request: pytest.FixtureRequest, sample_dir: Path, sample_dir_later: Path,
            tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    lang = request.param
    out = tmp_path_factory.mktemp(f"compare-{lang}")
    result = CliRunner().invoke(main, ["compare", str(sample_dir), str(sample_dir_later),
                                       "-o", str(out), "--lang", lang, "--no-map"],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return lang, out


def read(written: tuple[str, Path], key: str) -> list[dict[str, str]]:
    lang, out = written
    text = (out / CSV_FILES[key]).read_text("utf-8-sig")
    return list(csv.DictReader(text.splitlines(), delimiter=DIALECTS[lang][0]))


def col(key: str, lang: str) -> str:
    return t(key, lang)


def test_every_header_is_a_catalogue_text_in_the_language(written: tuple[str, Path]) -> None:
    lang, out = written
    texts = {texts[lang] for key, texts in catalogue().items()
             if key.startswith(("report.col_", "compare.col_"))}
    for key in CSV_FILES:
        header = (out / CSV_FILES[key]).read_text("utf-8-sig").splitlines()[0]
        assert set(header.split(DIALECTS[lang][0])) <= texts, key


def test_no_code_or_python_word_reaches_a_csv(written: tuple[str, Path],
                                              sample_network: Network) -> None:
    lang, out = written
    sectors = sample_network.sectors
    codes = ({c for c in sectors.codes if sectors.label(c, lang) != c}  # "justice" is Czech
             | {c for c in LINK_KINDS.codes if LINK_KINDS.label(c, lang) != c}
             | {"True", "False", "None", "nan", "reweighted", "still_open",
                "cut_point", "missing_sector_link", "coverage_gap"})
    if lang == "cs":
        codes |= {"gained", "lost", "resolved", "high", "low", "broker", "added", "removed"}
    for key in CSV_FILES:
        with open(out / CSV_FILES[key], encoding="utf-8-sig", newline="") as handle:
            cells = {cell for row in csv.reader(handle, delimiter=DIALECTS[lang][0])
                     for cell in row}
        assert not cells & codes, (key, cells & codes)


def test_counts_are_whole_numbers_and_shares_use_the_decimal_mark(
        written: tuple[str, Path], sample_comparison: Comparison) -> None:
    lang, _ = written
    decimal = DIALECTS[lang][1]
    rows = {row[col("compare.col_figure", lang)]: row for row in read(written, "figures")}
    actors = rows[t("compare.figure_actors", lang)]
    old, new = sample_comparison.old, sample_comparison.new
    assert actors[col("compare.col_before", lang)] == str(len(old.actors))
    assert actors[col("compare.col_after", lang)] == str(len(new.actors))
    density = {f.key: f for f in sample_comparison.figures}["density"]
    cell = rows[t("compare.figure_density", lang)][col("compare.col_before", lang)]
    assert float(cell.replace(decimal, ".")) == pytest.approx(density.before, rel=1e-5)
    assert re.fullmatch(rf"0{re.escape(decimal)}\d+", cell)
    negative = [r[col("compare.col_difference", lang)] for r in rows.values()
                if r[col("compare.col_difference", lang)].startswith(("-", "'"))]
    assert negative and all(re.fullmatch(rf"-\d+({re.escape(decimal)}\d+)?", n)
                            for n in negative)


def test_pandas_reads_the_numbers_back_in_the_language_dialect(
        written: tuple[str, Path], sample_comparison: Comparison) -> None:
    lang, out = written
    separator, decimal = DIALECTS[lang]
    frame = pd.read_csv(out / CSV_FILES["sector_pairs"], sep=separator, decimal=decimal,
                        encoding="utf-8-sig")
    linked = frame[col("compare.col_linked_after", lang)]
    assert linked.dtype.kind == "i"
    assert linked.sum() == sum(p.linked_after for p in sample_comparison.sector_pairs)
    densities = frame[col("compare.col_density_after", lang)].dropna()
    assert densities.dtype.kind == "f"
    expected = [p.density_after for p in sample_comparison.sector_pairs
                if p.density_after is not None]
    assert densities.tolist() == pytest.approx(expected, rel=1e-5)


def test_flags_and_sectors_are_words(written: tuple[str, Path],
                                     sample_comparison: Comparison) -> None:
    lang, _ = written
    yes, no = t("report.word_yes", lang), t("report.word_no", lang)
    pairs = read(written, "sector_pairs")
    assert {r[col("report.col_expected", lang)] for r in pairs} == {yes, no}
    labels = {sample_comparison.sectors.label(c, lang) for c in sample_comparison.sectors.codes}
    assert {r[col("report.col_sector_a", lang)] for r in pairs} <= labels
    links = read(written, "links")
    assert {r[col("compare.col_directed", lang)] for r in links} == {yes, no}
    assert {r[col("compare.col_change", lang)] for r in links} == {
        t(f"compare.change_{c}", lang) for c in ("gained", "lost", "reweighted")}
    assert {r[col("compare.col_link_kind", lang)] for r in links} == {
        LINK_KINDS.label(c.kind, lang) for c in sample_comparison.links.gained
        + sample_comparison.links.lost + sample_comparison.links.reweighted}


def test_findings_list_names_sector_labels_and_ids_as_the_report(
        written: tuple[str, Path], sample_comparison: Comparison) -> None:
    lang, _ = written
    rows = read(written, "findings")
    findings = sample_comparison.findings
    assert len(rows) == len(findings.resolved) + len(findings.new) + len(findings.still_open)
    first = findings.resolved[0] if findings.resolved else findings.new[0]
    row = rows[0]
    assert row[col("report.col_id", lang)] == "; ".join(first.actors)
    assert row[col("report.col_text", lang)] == first.text[lang]
    assert row[col("report.col_sectors", lang)] == "; ".join(
        sample_comparison.sectors.label(s, lang) for s in first.sectors)


def svg_texts(uri: str) -> list[str]:
    svg = base64.b64decode(uri.split(",", 1)[1]).decode("utf-8")
    return [text.strip() for text in re.findall(r"<text[^>]*>([^<]*)</text>", svg)]


@pytest.mark.parametrize(("lang", "wrong"), [("cs", "."), ("en", ",")])
def test_chart_ticks_and_labels_share_the_decimal_mark(sample_comparison: Comparison,
                                                       lang: str, wrong: str) -> None:
    figures = [f for f in sample_comparison.figures if f.key in ("density", "ei_index")]
    pairs = [p for p in sample_comparison.sector_pairs if p.expected]
    texts = (svg_texts(figure_bars(figures, lang))
             + svg_texts(sector_pair_bars(pairs, sample_comparison.sectors, lang)))
    numbers = [text for text in texts if re.fullmatch(r"[−\-]?\d+([.,]\d+)?(\xa0?%)?", text)]
    assert len(numbers) > 10
    assert not [n for n in numbers if wrong in n]
    assert any(DIALECTS[lang][1] in n for n in numbers)


@pytest.mark.parametrize(("lang", "shown"), [("cs", "22. 11. 2026"), ("en", "2026-11-22")])
def test_header_prints_the_date_as_the_report(sample_comparison: Comparison, lang: str,
                                              shown: str) -> None:
    content = build_content(sample_comparison, lang, generated_at="2026-11-22T17:00:00+00:00")
    assert shown in content["generated"] and "T17:00" not in content["generated"]
