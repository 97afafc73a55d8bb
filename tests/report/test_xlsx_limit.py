"""No cell of report.xlsx holds more than Excel's 32,767 characters: a long list
keeps what fits and ends with "… a dalších N, viz findings.csv"; findings.csv
keeps the whole list. Checked by opening the real workbook with openpyxl."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import openpyxl
import pytest

from graphnet.report import make_report
from graphnet.report.xlsx import CELL_LIMIT, fit_cell

N_ISOLATED = 900


@pytest.fixture(scope="module")
def many_isolated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An ORP where 900 services with long names have no link: the finding that lists
    the isolated actors runs to about 50,000 characters."""
    folder = tmp_path_factory.mktemp("long") / "orp"
    folder.mkdir()
    rows = ["id;název;sektor", "OSPOD;OSPOD Horní Lhota;OSPOD", "ZS;ZŠ Horní Lhota;školství"]
    rows += [f"S{i};Sociálně aktivizační služba pro rodiny s dětmi č. {i};sociální služby"
             for i in range(N_ISOLATED)]
    (folder / "akteri.csv").write_text("\n".join(rows) + "\n", encoding="utf-8-sig")
    (folder / "vazby.csv").write_text("od;komu;typ\nOSPOD;ZS;spolupráce\n",
                                      encoding="utf-8-sig")
    return folder


def _cells(path: Path) -> list[tuple[str, str]]:
    book = openpyxl.load_workbook(path, read_only=True)
    try:
        return [(sheet.title, value) for sheet in book.worksheets
                for row in sheet.iter_rows(values_only=True)
                for value in row if isinstance(value, str)]
    finally:
        book.close()


@pytest.mark.parametrize(("lang", "ending"), [
    ("cs", r"; … a dalších (\d+), viz findings\.csv$"),
    ("en", r"; … and (\d+) more, see findings\.csv$"),
])
def test_long_lists_are_cut_to_the_cell_limit_and_point_to_the_csv(
        many_isolated: Path, tmp_path: Path, lang: str, ending: str) -> None:
    make_report(many_isolated, tmp_path / "out", lang=lang, with_map=False)
    cells = _cells(tmp_path / "out" / "report.xlsx")
    assert max(len(value) for _, value in cells) <= CELL_LIMIT
    cut = [value for _, value in cells if re.search(ending, value)]
    assert cut, "no cell was cut, so the test did not reach the limit"

    with (tmp_path / "out" / "findings.csv").open(encoding="utf-8-sig", newline="") as file:
        whole = [cell for row in csv.reader(file, delimiter=";" if lang == "cs" else ",")
                 for cell in row if len(cell) > CELL_LIMIT]
    assert whole, "findings.csv must hold the whole list"
    for value in cut:
        match = re.search(ending, value)
        assert match is not None
        kept = value[: match.start()]
        # Several findings list nearly the same actors: the one this cell starts as.
        sources = [cell for cell in whole if cell.startswith(kept + "; ")]
        assert sources, "the cut cell must be the start of a whole list in findings.csv"
        left = {len(cell.split("; ")) - len(kept.split("; ")) for cell in sources}
        assert int(match.group(1)) in left


def test_a_long_text_without_a_list_is_cut_and_says_where_the_whole_is() -> None:
    text = "x" * (CELL_LIMIT + 10)
    cut = fit_cell(text, "cs", "findings.csv")
    assert len(cut) == CELL_LIMIT and cut.endswith("… (celý text viz findings.csv)")
    emoji = "😀" * CELL_LIMIT  # Excel counts each as two characters
    assert len(fit_cell(emoji, "en").encode("utf-16-le")) // 2 <= CELL_LIMIT
