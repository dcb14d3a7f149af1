"""Shared fixtures: the built agentctl and agentctl-emulator, and how to run them."""
import json
import os
import pathlib
import subprocess
import urllib.request

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

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
API_KEY = "sdk-fidelity-key"


def emulator_path():
    configured = os.environ.get("AGENTCTL_EMULATOR")
    if configured:
        return configured
    if os.environ.get("AGENTCTL_BIN_DIR"):
        return os.path.join(os.environ["AGENTCTL_BIN_DIR"], "agentctl-emulator")
    products = subprocess.run(
        ["swift", "build", "--show-bin-path"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.strip()
    return os.path.join(products, "agentctl-emulator")


class Emulator:
    def __init__(self, *arguments):
        binary = emulator_path()
        if not os.path.exists(binary):
            raise RuntimeError(f"{binary} does not exist: run `swift build --product agentctl-emulator` first")
        self.process = subprocess.Popen(
            [binary, "--port", "0", "--api-key", API_KEY, "--exit-on-stdin-close", *arguments],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        line = self.process.stdout.readline().strip()
        prefix = "listening on "
        if not line.startswith(prefix):
            self.stop()
            raise RuntimeError(f"emulator did not start: {line!r} {self.process.stderr.read()}")
        self.base_url = line[len(prefix):]

    def control(self, settings):
        """POST /_emulator/control with these settings (docs/emulator.md, "Test hooks")."""
        request = urllib.request.Request(self.base_url + "/_emulator/control", data=json.dumps(settings).encode(),
                                         headers={"content-type": "application/json"}, method="POST")
        with urllib.request.urlopen(request, timeout=5) as answer:
            answer.read()

    def stop(self):
        self.process.stdin.close()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@pytest.fixture
def emulator():
    running = Emulator("--seed-agents", "5")
    yield running
    running.stop()
