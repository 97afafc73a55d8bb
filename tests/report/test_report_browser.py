"""report.html in real headless Chromium: renders cleanly, offline, escapes, prints on A4."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

SCRIPT_NAME = "<script>alert(1)</script>"  # as in conftest.py

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("lang", ["cs", "en"])
def test_report_renders_without_console_error_or_network_request(
        open_page, sample_reports: dict[str, Path], artifacts: Path, lang: str) -> None:
    visit = open_page(sample_reports[lang] / "report.html")
    visit.page.screenshot(path=str(artifacts / f"report-first-screen-{lang}.png"))
    assert visit.console_errors == []
    assert visit.network_requests == []
    assert visit.page.locator("section").count() == 11


def test_report_images_all_load(open_page, sample_reports: dict[str, Path]) -> None:
    visit = open_page(sample_reports["cs"] / "report.html")
    broken = visit.page.evaluate(
        "Array.from(document.images).filter(i => !i.complete || i.naturalWidth === 0).length")
    assert visit.page.locator("img").count() >= 2
    assert broken == 0


def test_script_named_actor_shows_as_text_and_opens_no_dialog(
        open_page, hostile_report: Path) -> None:
    visit = open_page(hostile_report / "report.html")
    assert visit.page.get_by_text(SCRIPT_NAME).first.is_visible()
    assert visit.page.evaluate("document.scripts.length") == 0
    assert visit.dialogs == []


def test_report_prints_on_a4_with_a_page_per_section(
        open_page, sample_reports: dict[str, Path], artifacts: Path) -> None:
    visit = open_page(sample_reports["en"] / "report.html")
    visit.page.emulate_media(media="print")
    breaks = visit.page.evaluate(
        "Array.from(document.querySelectorAll('section')).slice(1)"
        ".map(s => getComputedStyle(s).breakBefore)")
    assert set(breaks) == {"page"}
    pdf = visit.page.pdf(path=str(artifacts / "report-a4-en.pdf"), format="A4")
    pages = re.findall(rb"/Type\s*/Page(?!s)", pdf)
    assert len(pages) >= 11
