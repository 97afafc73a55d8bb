"""The repository itself: what a checkout on any system gets."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


@pytest.mark.skipif(not (REPO / ".git").exists() or shutil.which("git") is None,
                    reason="needs a git checkout")
def test_repository_has_no_symbolic_links() -> None:
    # A symbolic link becomes a text file holding its target in a Windows checkout;
    # the build backend maps cypher/ and datasets/ into the wheel instead.
    listing = subprocess.run(["git", "ls-files", "-s"], cwd=REPO, check=True,
                             capture_output=True, text=True).stdout
    links = [line.split("\t", 1)[1] for line in listing.splitlines()
             if line.startswith("120000 ")]
    assert not links, f"symbolic links in the repository: {links}"
