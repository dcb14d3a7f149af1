"""The emulator's committed schema resource must match a fresh generation from the reference."""

import os
import subprocess
import sys

from conftest import ROOT


def test_committed_schema_resource_is_current():
    script = os.path.join(ROOT, "scripts", "generate-emulator-schema.py")
    result = subprocess.run([sys.executable, script, "--check"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
