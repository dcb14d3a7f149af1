"""Starts the built agentctl-emulator for the Python tests (build it first: swift build --product agentctl-emulator)."""

import os
import subprocess

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
API_KEY = "sdk-fidelity-key"


def emulator_path():
    configured = os.environ.get("AGENTCTL_EMULATOR")
    if configured:
        return configured
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
