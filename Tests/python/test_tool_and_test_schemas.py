"""The generated JSON Schemas of tool and test files, run by the real check-jsonschema, agree with validate: the
example files pass both, and each broken file fails both on the same field, inside the shape its `type` names."""
import json
import re
import subprocess
import sys

import pytest

from conftest import REPOSITORY

WEBHOOK = ("tool_config:\n  type: webhook\n  name: book\n  description: Books.\n"
           "  api_schema:\n    url: https://example.com/book\n")
CLIENT = "tool_config:\n  type: client\n  name: show\n  description: Shows.\n"

# kind -> case -> (file text, the field validate and the schema flag)
BROKEN = {
    "tool": {
        "unknown-type": ("tool_config:\n  type: webhok\n  name: x\n", "tool_config.type"),
        "webhook-timeout-above-range": (WEBHOOK + "  response_timeout_secs: 301\n", "tool_config.response_timeout_secs"),
        "client-timeout-above-its-own-range": (CLIENT + "  response_timeout_secs: 121\n", "tool_config.response_timeout_secs"),
        "webhook-method-unknown": (WEBHOOK + "    method: FETCH\n", "tool_config.api_schema.method"),
        "webhook-without-url": ("tool_config:\n  type: webhook\n  name: b\n  description: B.\n  api_schema:\n    method: GET\n",
                                "tool_config.api_schema.url"),
        "client-without-description": ("tool_config:\n  type: client\n  name: show\n", "tool_config.description"),
        "key-of-another-shape": (CLIENT + "  api_schema:\n    url: https://example.com\n", "tool_config.api_schema"),
        "system-params-unknown-tool": ("tool_config:\n  type: system\n  name: end\n  params:\n    system_tool_type: hang_up\n",
                                       "tool_config.params.system_tool_type"),
        "mock-without-result": (CLIENT + "response_mocks:\n  - is_error: true\n", "response_mocks[0].mock_result"),
    },
    "test": {
        "unknown-type": ("type: unit\nname: x\n", "type"),
        "simulation-turns-above-range": ("type: simulation\nname: s\nsimulation_max_turns: 51\n", "simulation_max_turns"),
        "response-test-too-many-examples": (
            "type: llm\nname: r\nsuccess_examples:\n" + "  - {response: Hi, type: success}\n" * 6, "success_examples"),
        "tool-test-key-of-another-shape": ("type: tool\nname: t\nsimulation_scenario: x\n", "simulation_scenario"),
        "without-name": ("type: llm\nsuccess_condition: ok\n", "name"),
    },
}

GOOD = {
    "tool": {"client-timeout-at-its-bound": CLIENT + "  response_timeout_secs: 120\n",
             "webhook-timeout-at-its-bound": WEBHOOK + "  response_timeout_secs: 300\n"},
    "test": {"simulation-turns-at-bound": "type: simulation\nname: s\nsimulation_max_turns: 50\n"},
}


def check_jsonschema(kind, *files):
    schema = REPOSITORY / "schemas" / f"{kind}.schema.json"
    return subprocess.run([sys.executable, "-m", "check_jsonschema", "--schemafile", str(schema),
                           "--output-format", "JSON", *map(str, files)], capture_output=True, text=True)


def schema_fields(report) -> set:
    """The fields check-jsonschema flags, in validate's path notation (`a.b[0].c`)."""
    fields = set()
    for error in json.loads(report)["errors"]:
        path = error["path"].removeprefix("$").removeprefix(".")
        named = re.search(r"\('(.+)' was unexpected\)|^'(.+)' is a required property", error["message"])
        if named:  # an unknown or missing key is reported on its parent object
            key = named.group(1) or named.group(2)
            path = f"{path}.{key}" if path else key
        fields.add(path)
    return fields


def validate_errors(agentctl, file) -> set:
    result = agentctl("validate", "--format", "json", str(file))
    assert result.returncode in (0, 1), result.stderr
    found = set()
    for item in json.loads(result.stdout):
        if item["severity"] == "error" or item["rule"] == "unknown-field":
            path = item.get("path") or ""
            missing = re.search(r"needs `([^`]+)`", item["message"])
            found.add(f"{path}.{missing.group(1)}" if missing and path else missing.group(1) if missing else path)
    return found


@pytest.mark.parametrize("kind", ["tool", "test"])
def test_the_example_files_pass(kind):
    examples = sorted((REPOSITORY / f"{kind}s").glob("*.yaml"))
    assert len(examples) >= 3
    result = check_jsonschema(kind, *examples)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("kind,case", [(k, c) for k, cases in GOOD.items() for c in sorted(cases)])
def test_values_at_the_edges_pass_both(kind, case, tmp_path, agentctl):
    file = tmp_path / f"{kind}s" / f"{case}.yaml"
    file.parent.mkdir()
    file.write_text(GOOD[kind][case])
    assert validate_errors(agentctl, file) == set()
    result = check_jsonschema(kind, file)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("kind,case", [(k, c) for k, cases in BROKEN.items() for c in sorted(cases)])
def test_each_broken_file_fails_both_on_the_same_field(kind, case, tmp_path, agentctl):
    text, field = BROKEN[kind][case]
    file = tmp_path / f"{kind}s" / f"{case}.yaml"
    file.parent.mkdir()
    file.write_text(text)
    assert validate_errors(agentctl, file) == {field}
    result = check_jsonschema(kind, file)
    assert result.returncode == 1, result.stdout + result.stderr
    assert schema_fields(result.stdout) == {field}
