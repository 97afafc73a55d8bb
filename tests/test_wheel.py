"""graphnet installed as a user installs it: built into an sdist and a wheel (the wheel
made from the sdist, as ``python -m build`` does), the wheel installed into a fresh
virtual environment outside the checkout, and the commands run from a folder outside
the checkout. The editable install of the test command reads every file from the
checkout, so only this check sees a file that the wheel lacks.

The fresh environment gets graphnet from the wheel alone (installed with ``--no-deps``)
and its dependencies from the test environment through a ``.pth`` line, so the check
runs offline and fast; it asserts that ``graphnet`` is imported from the new
environment, never from the checkout.
"""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
SAMPLE = "orp-horni-lhota-2025"
LATER = "orp-horni-lhota-2026"

pytestmark = pytest.mark.slow


def _checkout_files(folder: str) -> list[str]:
    """Every file under ``folder`` of the checkout (no caches), as a posix path from the
    repository's root."""
    return sorted(
        path.relative_to(REPO).as_posix()
        for path in (REPO / folder).rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
    )


def _wheel_expected() -> dict[str, str]:
    """Where each file read at run time must be in the wheel: wheel path -> checkout path."""
    expected = {name: name for name in _checkout_files("graphnet")}
    expected.update({f"graphnet/{name}": name for name in _checkout_files("cypher")})
    expected.update({
        name.replace(f"datasets/{SAMPLE}/", f"graphnet/data/sample/{SAMPLE}/"): name
        for name in _checkout_files(f"datasets/{SAMPLE}")
    })
    return expected


@dataclass(frozen=True)
class Installed:
    """A fresh virtual environment holding graphnet's wheel."""

    wheel: Path
    sdist: Path
    venv: Path
    work: Path  # a folder outside the checkout to run commands in

    @property
    def bin(self) -> Path:
        return self.venv / ("Scripts" if os.name == "nt" else "bin")

    def run(self, *args: str | Path) -> subprocess.CompletedProcess[str]:
        """Run a program of the environment in ``work``; fail the test with its output
        when it fails."""
        env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
        result = subprocess.run([str(self.bin / str(args[0])), *map(str, args[1:])],
                                cwd=self.work, env=env, capture_output=True, text=True,
                                timeout=600)
        assert result.returncode == 0, (
            f"{args} exited {result.returncode}\n{result.stdout}\n{result.stderr}")
        return result

    def python(self, code: str) -> str:
        return self.run("python", "-c", code).stdout.strip()


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Installed]:
    root = tmp_path_factory.mktemp("wheel")
    assert not root.resolve().is_relative_to(REPO), "the check must run outside the checkout"
    dist = root / "dist"
    subprocess.run([sys.executable, "-m", "build", "--outdir", str(dist), str(REPO)],
                   check=True, capture_output=True, timeout=900)
    (wheel,) = dist.glob("graphnet-*.whl")
    (sdist,) = dist.glob("graphnet-*.tar.gz")

    venv = root / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    python = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    site = Path(subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True, capture_output=True, text=True).stdout.strip())
    # The dependencies come from the test environment; its .pth files (the editable
    # install among them) are not read for a folder named in a .pth line.
    deps = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    (site / "zz_test_dependencies.pth").write_text("\n".join(sorted(deps)) + "\n", "utf-8")
    subprocess.run([str(python), "-m", "pip", "install", "-q", "--no-deps", "--no-index",
                    str(wheel)], check=True, timeout=300)

    work = root / "work"
    work.mkdir()
    yield Installed(wheel=wheel, sdist=sdist, venv=venv, work=work)


def test_graphnet_is_imported_from_the_wheel_not_the_checkout(installed: Installed) -> None:
    where = Path(installed.python("import graphnet; print(graphnet.__file__)")).resolve()
    assert where.is_relative_to(installed.venv.resolve())
    path = json.loads(installed.python("import json, sys; print(json.dumps(sys.path))"))
    folders = [Path(entry).resolve() if entry else installed.work for entry in path]
    assert REPO not in folders, path  # "" is the working folder, outside the checkout


def test_wheel_holds_every_file_read_at_run_time(installed: Installed) -> None:
    with zipfile.ZipFile(installed.wheel) as wheel:
        names = set(wheel.namelist())
        missing = sorted(set(_wheel_expected()) - names)
        assert not missing, f"the wheel lacks {missing}"
        for inside, source in _wheel_expected().items():
            assert wheel.read(inside) == (REPO / source).read_bytes(), inside
    for needed in ("graphnet/py.typed", "graphnet/data/optimal_model.yaml",
                   "graphnet/templates/map/map.html.j2",
                   "graphnet/templates/report/report.html.j2",
                   "graphnet/templates/compare/compare.html.j2",
                   "graphnet/cypher/README.md", f"graphnet/data/sample/{SAMPLE}/akteri.csv"):
        assert needed in names


def test_sdist_holds_the_package_the_cypher_library_and_the_samples(
        installed: Installed) -> None:
    with tarfile.open(installed.sdist) as sdist:
        members = sdist.getnames()
    prefix = members[0].split("/")[0]
    names = {name.removeprefix(prefix + "/") for name in members}
    wanted = [*_checkout_files("graphnet"), *_checkout_files("cypher"),
              *_checkout_files(f"datasets/{SAMPLE}"), *_checkout_files(f"datasets/{LATER}"),
              "pyproject.toml", "README.md", "LICENSE"]
    missing = sorted(set(wanted) - names)
    assert not missing, f"the sdist lacks {missing}"
    assert not any(name.startswith(".venv/") for name in names)


def _first_actor() -> dict[str, str]:
    with open(REPO / "datasets" / SAMPLE / "akteri.csv", encoding="utf-8-sig") as handle:
        return next(csv.DictReader(handle, delimiter=";"))


def _assert_offline_page(html: str) -> None:
    """A page that works offline: no script or stylesheet fetched from anywhere."""
    assert not re.search(r"<script[^>]*\bsrc\s*=", html, re.IGNORECASE)
    assert not re.search(r"<link[^>]*\bhref\s*=\s*[\"']?(https?:)?//", html, re.IGNORECASE)
    assert not re.search(r"@import\s+(url\()?[\"']?(https?:)?//", html, re.IGNORECASE)


def test_demo_writes_the_sample_report(installed: Installed) -> None:
    result = installed.run("graphnet", "demo", "-o", "demo")
    out = installed.work / "demo"
    assert "demo/report.html" in result.stdout  # says where the report is
    actor = _first_actor()
    html = (out / "report.html").read_text("utf-8")
    assert actor["název"] in html
    assert actor["kontakt"].split(",")[0] not in html  # a person's name stays out
    _assert_offline_page(html)
    for name in ("report.md", "actors.csv", "findings.csv", "map.html"):
        assert (out / name).stat().st_size > 0, name
    assert json.loads((out / "report.json").read_text("utf-8"))["schema"].startswith(
        "graphnet.report/")
    assert zipfile.is_zipfile(out / "report.xlsx")


def _bundled_sample(installed: Installed) -> Path:
    where = Path(installed.python("from graphnet.bundled import sample_dir; print(sample_dir())"))
    assert where.resolve().is_relative_to(installed.venv.resolve())
    return where


def test_map_of_the_bundled_sample_is_one_offline_page(installed: Installed) -> None:
    installed.run("graphnet", "map", _bundled_sample(installed), "-o", "map.html")
    html = (installed.work / "map.html").read_text("utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert '<script id="graphnet-data" type="application/json">' in html
    assert "vis.Network" in html or "vis-network" in html
    assert _first_actor()["název"] in html
    _assert_offline_page(html)


def test_compare_of_the_two_samples(installed: Installed) -> None:
    later = installed.work / LATER
    shutil.copytree(REPO / "datasets" / LATER, later)
    installed.run("graphnet", "compare", _bundled_sample(installed), later, "-o", "compare")
    out = installed.work / "compare"
    data = json.loads((out / "compare.json").read_text("utf-8"))
    for side, folder in (("old", REPO / "datasets" / SAMPLE), ("new", later)):
        meta = yaml.safe_load((folder / "graphnet.yaml").read_text("utf-8"))
        assert data[side]["name"] == meta["name"]
        with open(folder / "akteri.csv", encoding="utf-8-sig") as handle:
            assert data[side]["actors"] == sum(1 for _ in csv.DictReader(handle,
                                                                          delimiter=";"))
    html = (out / "compare.html").read_text("utf-8")
    assert data["new"]["name"] in html
    _assert_offline_page(html)
    assert (out / "compare.md").stat().st_size > 0


def test_neo4j_queries_lists_the_bundled_library(installed: Installed) -> None:
    output = installed.run("graphnet", "neo4j", "queries").stdout
    # One query a block: its name (and what it needs) unindented, then indented lines.
    listed = {line.split()[0] for line in output.splitlines() if line and not line[0].isspace()}
    names = [re.search(r"^// name: (\S+)", path.read_text("utf-8"), re.MULTILINE)
             for path in sorted((REPO / "cypher").glob("*.cypher"))]
    assert len(names) >= 17
    for match in names:
        assert match is not None
        assert match.group(1) in listed
