"""The generated JSON Schema, run by the real check-jsonschema (which reads the YAML itself), agrees with validate:
good agents pass both, and each broken agent fails both on the same field."""
import json
import re
import subprocess
import sys

import pytest

from conftest import REPOSITORY

SCHEMA = REPOSITORY / "schemas" / "agent.schema.json"

BASE = "name: Case\nconversation_config:\n"

# Each broken agent has one problem: (its YAML under conversation_config, the field validate and the schema flag).
BROKEN = {
    "turn-timeout-above-range": ("  turn:\n    turn_timeout: 45\n", "conversation_config.turn.turn_timeout"),
    "turn-timeout-below-range": ("  turn:\n    turn_timeout: 0.5\n", "conversation_config.turn.turn_timeout"),
    "soft-timeout-between-disabled-and-range": (
        "  turn:\n    soft_timeout_config:\n      timeout_seconds: 0.2\n",
        "conversation_config.turn.soft_timeout_config.timeout_seconds"),
    "soft-timeout-below-disabled": (
        "  turn:\n    soft_timeout_config:\n      timeout_seconds: -2\n",
        "conversation_config.turn.soft_timeout_config.timeout_seconds"),
    "filler-longer-than-200-code-points": (
        "  turn:\n    soft_timeout_config:\n      message: \"" + "👍🏽" * 101 + "\"\n",
        "conversation_config.turn.soft_timeout_config.message"),
    "too-many-fillers": (
        "  turn:\n    soft_timeout_config:\n      additional_soft_timeout_messages: [a, b, c, d, e, f, g, h]\n",
        "conversation_config.turn.soft_timeout_config.additional_soft_timeout_messages"),
    "fillers-per-generation-not-whole": (
        "  turn:\n    soft_timeout_config:\n      max_soft_timeouts_per_generation: 2.5\n",
        "conversation_config.turn.soft_timeout_config.max_soft_timeouts_per_generation"),
    "unknown-eagerness": ("  turn:\n    turn_eagerness: hasty\n", "conversation_config.turn.turn_eagerness"),
    "typo-in-a-key": ("  turn:\n    turn_timout: 7\n", "conversation_config.turn.turn_timout"),
    "number-in-quotes": ("  turn:\n    turn_timeout: \"7\"\n", "conversation_config.turn.turn_timeout"),
    "null-where-the-api-needs-a-value": ("  turn:\n    turn_timeout: null\n", "conversation_config.turn.turn_timeout"),
    "llm-not-offered": ("  agent:\n    prompt:\n      llm: gpt-2\n", "conversation_config.agent.prompt.llm"),
    "rag-distance-at-exclusive-bound": (
        "  agent:\n    prompt:\n      rag:\n        max_vector_distance: 1\n",
        "conversation_config.agent.prompt.rag.max_vector_distance"),
    "stability-above-one": ("  tts:\n    stability: 1.5\n", "conversation_config.tts.stability"),
    "list-item-field-out-of-range": (
        "  tts:\n    supported_voices:\n      - label: calm\n        voice_id: abc\n        stability: 2\n",
        "conversation_config.tts.supported_voices[0].stability"),
    "client-event-unknown": (
        "  conversation:\n    client_events: [audio, sms]\n", "conversation_config.conversation.client_events[1]"),
    "language-preset-override": (
        "  language_presets:\n    nb:\n      overrides:\n        tts:\n          model_id: eleven_v9\n",
        "conversation_config.language_presets.nb.overrides.tts.model_id"),
    "section-not-a-mapping": ("  turn: [7]\n", "conversation_config.turn"),
}

# Values at the edges that both must accept.
GOOD_EDGES = {
    "soft-timeout-disabled": "  turn:\n    soft_timeout_config:\n      timeout_seconds: -1\n",
    "soft-timeout-range-ends": "  turn:\n    turn_timeout: 30\n    soft_timeout_config:\n      timeout_seconds: 8.0\n",
    "filler-of-200-code-points": "  turn:\n    soft_timeout_config:\n      message: \"" + "👍🏽" * 100 + "\"\n",
    "whole-number-written-with-fraction": (
        "  turn:\n    soft_timeout_config:\n      max_soft_timeouts_per_generation: 2.0\n"),
    "norwegian-is-text": "  agent:\n    language: no\n",
    "free-form-sections": "  agent:\n    first_message: Hi\nplatform_settings:\n  anything: [1, 2]\nworkflow: null\n",
}


def check_jsonschema(*files):
    return subprocess.run([sys.executable, "-m", "check_jsonschema", "--schemafile", str(SCHEMA),
                           "--output-format", "JSON", *map(str, files)], capture_output=True, text=True)


def schema_fields(report) -> set:
    """The fields check-jsonschema flags, in validate's path notation (`a.b[0].c`)."""
    fields = set()
    for error in json.loads(report)["errors"]:
        path = error["path"].removeprefix("$").removeprefix(".")
        unexpected = re.search(r"\('(.+)' was unexpected\)", error["message"])
        if unexpected:  # an unknown key is reported on its parent object
            path = f"{path}.{unexpected.group(1)}" if path else unexpected.group(1)
        fields.add(path)
    return fields


def validate_errors(agentctl, file) -> set:
    result = agentctl("validate", "--format", "json", str(file))
    assert result.returncode in (0, 1), result.stderr
    return {item["path"] for item in json.loads(result.stdout) if item["severity"] == "error"}


def test_the_example_agents_pass():
    examples = sorted((REPOSITORY / "agents").glob("*.yaml"))
    assert len(examples) >= 4
    result = check_jsonschema(*examples)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_agent_init_writes_passes(tmp_path, agentctl):
    assert agentctl("init", str(tmp_path)).returncode == 0
    result = check_jsonschema(tmp_path / "agents" / "front-desk.yaml")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("case", sorted(GOOD_EDGES))
def test_values_at_the_edges_pass_both(case, tmp_path, agentctl):
    agent = tmp_path / f"{case}.yaml"
    agent.write_text(BASE + GOOD_EDGES[case])
    assert validate_errors(agentctl, agent) == set()
    result = check_jsonschema(agent)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_each_broken_agent_fails_both_on_the_same_field(case, tmp_path, agentctl):
    body, field = BROKEN[case]
    agent = tmp_path / f"{case}.yaml"
    agent.write_text(BASE + body)
    assert validate_errors(agentctl, agent) == {field}
    result = check_jsonschema(agent)
    assert result.returncode == 1, result.stdout + result.stderr
    assert schema_fields(result.stdout) == {field}


def test_a_key_unknown_to_both_is_flagged_by_the_schema_as_by_validate_strict(tmp_path, agentctl):
    agent = tmp_path / "future.yaml"
    agent.write_text(BASE + "  turn:\n    future_field: 1\n")
    relaxed = agentctl("validate", "--format", "json", str(agent))
    assert relaxed.returncode == 0
    assert [(item["severity"], item["path"]) for item in json.loads(relaxed.stdout)] == [
        ("warning", "conversation_config.turn.future_field")]
    assert agentctl("validate", "--strict", str(agent)).returncode == 1
    result = check_jsonschema(agent)
    assert result.returncode == 1
    assert schema_fields(result.stdout) == {"conversation_config.turn.future_field"}
