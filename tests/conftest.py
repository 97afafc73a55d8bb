"""Shared fixtures: paths to the bundled sample data and a real headless Chromium."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parent.parent
DATASETS = REPO / "datasets"
ARTIFACTS = REPO / "test-artifacts"

# Chromium flags that keep a headless browser from calling home on this closed
# network (otherwise it floods the log with refused connections).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def sample_dir() -> Path:
    """The bundled sample ORP (first mapping)."""
    return DATASETS / "orp-horni-lhota-2025"


@pytest.fixture(scope="session")
def sample_dir_later() -> Path:
    """The same ORP mapped a year later."""
    return DATASETS / "orp-horni-lhota-2026"


@pytest.fixture(scope="session")
def sample_network(sample_dir: Path) -> Any:
    """The first mapping, loaded as users load it (once per session)."""
    import graphnet

    return graphnet.load(sample_dir)


@pytest.fixture(scope="session")
def sample_network_later(sample_dir_later: Path) -> Any:
    """The second mapping, loaded once per session."""
    import graphnet

    return graphnet.load(sample_dir_later)


@pytest.fixture(scope="session")
def sample_analysis(sample_network: Any) -> Any:
    """The first mapping's analysis, computed once per session."""
    import graphnet

    return graphnet.analyse(sample_network)


@pytest.fixture(scope="session")
def sample_analysis_later(sample_network_later: Any) -> Any:
    """The second mapping's analysis, computed once per session."""
    import graphnet

    return graphnet.analyse(sample_network_later)


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """A folder for files tests leave for people to look at (screenshots)."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@dataclass
class PageVisit:
    """A page opened in Chromium with what it did on the way."""

    page: Any
    console_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    @property
    def network_requests(self) -> list[str]:
        """Requests for anything but the page's own file (or inline data)."""
        return [u for u in self.requests if not u.startswith(("file://", "data:", "blob:"))]


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's chromium, headless, driven by Playwright."""
    playwright_api = pytest.importorskip("playwright.sync_api")
    executable = os.environ.get("GRAPHNET_CHROMIUM") or shutil.which("chromium")
    if executable is None:
        pytest.fail("Debian's chromium is not installed: run the README's test command")
    with playwright_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def open_page(browser: Any) -> Iterator[Any]:
    """Open a local HTML file in a fresh page; returns a :class:`PageVisit`."""
    contexts = []

    def _open(path: Path, wait_for: str | None = None, timeout_ms: int = 15000) -> PageVisit:
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        contexts.append(context)
        page = context.new_page()
        visit = PageVisit(page)
        def on_console(message: Any) -> None:
            if message.type == "error":
                visit.console_errors.append(message.text)

        page.on("console", on_console)
        page.on("pageerror", lambda e: visit.console_errors.append(str(e)))
        page.on("request", lambda r: visit.requests.append(r.url))

        def on_dialog(dialog: Any) -> None:
            visit.dialogs.append(dialog.message)
            dialog.dismiss()

        page.on("dialog", on_dialog)
        page.goto(Path(path).resolve().as_uri(), wait_until="load", timeout=timeout_ms)
        if wait_for:
            page.wait_for_function(wait_for, timeout=timeout_ms)
        return visit

    yield _open
    for context in contexts:
        context.close()
