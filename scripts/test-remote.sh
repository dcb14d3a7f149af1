#!/bin/sh
# Builds the emulator and the tests, then runs the Remote and emulator tests (Swift and Python).
set -eu
cd "$(dirname "$0")/.."
scripts/python-tools
swift build --build-tests
swift test --skip-build --filter 'RemoteTests|AgentEmulatorKitTests'
AGENTCTL_EMULATOR="$(swift build --show-bin-path)/agentctl-emulator" .build/venv/bin/python -m pytest -q Tests/python
