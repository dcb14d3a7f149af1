#!/bin/sh
# Builds the emulator and the tests, then runs the Remote and emulator tests (Swift and Python).
# The Python tests need: python3 -m pip install -r Tests/python/requirements.txt
set -eu
cd "$(dirname "$0")/.."
swift build --build-tests
swift test --skip-build --filter 'RemoteTests|AgentEmulatorKitTests'
AGENTCTL_EMULATOR="$(swift build --show-bin-path)/agentctl-emulator" python3 -m pytest -q Tests/python
