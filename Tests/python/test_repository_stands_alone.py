"""Nothing tracked names a path outside the repository, so a clone with nothing beside it builds and tests."""
import pathlib
import re
import subprocess

import pytest

REPOSITORY = pathlib.Path(__file__).resolve().parents[2]

# A relative path that climbs with `..`, as a script, a test or a build file would name it.
CLIMBING = re.compile(r"(?<![\w.])(?:\.\./)+(?:\.\.(?![\w.])|[\w.\-/$]*)|(?<![\w.])\.\.(?=[\"'`\s)]|$)")
# Absolute paths into someone's working or home folders: a file naming one works only on that machine.
PRIVATE_ROOTS = ("/work/", "/home/", "/Users/", "/root/", "/workspace/", "/mnt/")
# The modeline in an agent, tool or test file (and the examples that show one, also wrapped in a help text) is
# relative to that file in agents/, tools/ or tests/.
MODELINE = re.compile(r"\$schema=(?:\.\./)+schemas/(?:agent|tool|test)\.schema\.json")
# Text that climbs on purpose and is no path on disk, with the reason.
NOT_PATHS = {
    ("Tests/RemoteTests/AgentsAPITests.swift", "../agents"): "an agent ID that tries to climb out of the URL path",
}


def escapes(file: pathlib.Path, text: str, repository: pathlib.Path = REPOSITORY) -> list[str]:
    """The paths in `text` (the content of `file`, relative to the repository) that lead outside it.

    A climbing path is read from the file's own folder when it names something there (`$(dirname "$0")/..`,
    `../schemas/...` in a test), and otherwise from the repository's root, where scripts and builds run."""
    found = []
    for match in CLIMBING.finditer(MODELINE.sub("", text)):
        path = match.group(0)
        if (str(file), path) in NOT_PATHS:
            continue
        beside = (repository / file.parent / path).resolve()
        if beside.is_relative_to(repository) and beside.exists():
            continue
        if not (repository / path).resolve().is_relative_to(repository):
            found.append(path)
    for root in PRIVATE_ROOTS:
        start = text.find(root)
        while start != -1:
            if start == 0 or not (text[start - 1].isalnum() or text[start - 1] in "_.-"):
                found.append(text[start:].split()[0])
            start = text.find(root, start + 1)
    return found


def tracked_files() -> list[pathlib.Path]:
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=REPOSITORY, capture_output=True, check=True).stdout
    return [pathlib.Path(name) for name in listed.decode().split("\0") if name]


def test_no_tracked_file_names_a_path_outside_the_repository():
    offenders = {}
    for file in tracked_files():
        path = REPOSITORY / file
        if not path.is_file() or path == pathlib.Path(__file__).resolve():  # this file's examples climb on purpose
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        if found := escapes(file, text):
            offenders[str(file)] = found
    assert offenders == {}


@pytest.mark.parametrize("file, text", [
    ("scripts/test", 'python3 ../sibling/reference/openapi.json'),
    ("Tests/python/conftest.py", 'ROOT / "../../../sibling/seeds"'),
    ("README.md", "see ../sibling for the seeds"),
    ("Package.swift", '.package(path: "..")'),
    ("scripts/generate-schema.py", 'open("/work/sibling/reference.json")'),
    ("docs/x.md", "/home/alice/agentctl/reference"),
])
def test_a_path_outside_is_caught(file, text):
    assert escapes(pathlib.Path(file), text) != []


@pytest.mark.parametrize("file, text", [
    ("Benchmarks/simulate/run.sh", 'cd "$(dirname "$0")/../.."'),
    ("agents/support.yaml", "# yaml-language-server: $schema=../schemas/agent.schema.json"),
    ("README.md", "# yaml-language-server: $schema=../schemas/agent.schema.json"),
    ("Tests/ConfigModelTests/ProjectScaffoldTests.swift", '"$schema=../../schemas/agent.schema.json"'),
    ("Sources/agentctl/ValidateCommand.swift", "yaml-language-server: \\\n        $schema=../schemas/tool.schema.json)"),
    ("scripts/install", 'PREFIX="${PREFIX:-/usr/local}"; /usr/bin/env bash'),
])
def test_a_path_inside_or_on_the_system_is_allowed(file, text):
    assert escapes(pathlib.Path(file), text) == []
