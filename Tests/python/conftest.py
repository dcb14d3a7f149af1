"""Shared fixtures: where the built agentctl is, and how to run it."""
import os
import pathlib
import subprocess

import pytest

REPOSITORY = pathlib.Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def agentctl_bin_dir() -> pathlib.Path:
    """The folder holding the built agentctl: AGENTCTL_BIN_DIR (scripts/test sets it), else SwiftPM's debug folder."""
    given = os.environ.get("AGENTCTL_BIN_DIR")
    if given:
        folder = pathlib.Path(given)
    else:
        shown = subprocess.run(["swift", "build", "--show-bin-path"], cwd=REPOSITORY,
                               capture_output=True, text=True, check=True)
        folder = pathlib.Path(shown.stdout.strip())
    if not (folder / "agentctl").is_file():
        pytest.fail(f"no agentctl in {folder}: build it first (`swift build`, or run scripts/test)")
    return folder


@pytest.fixture(scope="session")
def agentctl(agentctl_bin_dir):
    """Runs the built agentctl with arguments, returning the completed process (never raising on exit status)."""
    def run(*arguments, cwd=REPOSITORY):
        return subprocess.run([str(agentctl_bin_dir / "agentctl"), *arguments], cwd=cwd,
                              capture_output=True, text=True)
    return run
