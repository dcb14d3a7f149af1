"""The pre-commit hook, run by the real pre-commit in a throw-away Git repository, as a user's commit would run it."""
import os
import pathlib
import shutil
import subprocess
import sys

import pytest

from conftest import REPOSITORY

AGENT_WITH_TURN_TIMEOUT_45_ON_LINE_12 = """\
name: Support desk
tags:
  - support
conversation_config:
  agent:
    first_message: Hello
    language: en
    prompt:
      prompt: You help callers.
      llm: gpt-4o-mini
  turn:
    turn_timeout: 45
"""

LOCATED_ERROR = ("agents/support.yaml:12:19: error: [range] `conversation_config.turn.turn_timeout` "
                 "must be between 1 and 30, found 45")


@pytest.fixture
def environment(tmp_path, agentctl_bin_dir):
    """agentctl on PATH, pre-commit's cache in the test's folder, Git isolated from the user's own configuration."""
    env = dict(os.environ)
    env["PATH"] = f"{agentctl_bin_dir}{os.pathsep}{env['PATH']}"
    env["PRE_COMMIT_HOME"] = str(tmp_path / "pre-commit-home")
    env["GIT_CONFIG_GLOBAL"] = os.devnull
    env["GIT_CONFIG_NOSYSTEM"] = "1"
    for role in ("AUTHOR", "COMMITTER"):
        env[f"GIT_{role}_NAME"] = "agentctl tests"
        env[f"GIT_{role}_EMAIL"] = "tests@agentctl.invalid"
    return env


def git(cwd, env, *arguments, check=True):
    return subprocess.run(["git", *arguments], cwd=cwd, env=env, capture_output=True, text=True, check=check)


def new_repository(path: pathlib.Path, env) -> pathlib.Path:
    path.mkdir(parents=True)
    git(path, env, "init", "--quiet", "--initial-branch=main")
    return path


def commit_count(repository, env) -> int:
    return int(git(repository, env, "rev-list", "--all", "--count").stdout)


def install_pre_commit(repository, env):
    subprocess.run([sys.executable, "-m", "pre_commit", "install"], cwd=repository, env=env,
                   capture_output=True, text=True, check=True)


@pytest.fixture
def hook_repository(tmp_path, environment):
    """A Git repository holding this working tree's .pre-commit-hooks.yaml, which pre-commit clones by path and
    rev exactly as it clones agentctl from its remote: the manifest under test is the one in this checkout."""
    hooks = new_repository(tmp_path / "agentctl", environment)
    shutil.copy(REPOSITORY / ".pre-commit-hooks.yaml", hooks / ".pre-commit-hooks.yaml")
    git(hooks, environment, "add", ".pre-commit-hooks.yaml")
    git(hooks, environment, "commit", "--quiet", "-m", "hooks")
    return hooks, git(hooks, environment, "rev-parse", "HEAD").stdout.strip()


def test_the_manifest_is_valid_for_pre_commit(environment):
    result = subprocess.run([sys.executable, "-m", "pre_commit", "validate-manifest", ".pre-commit-hooks.yaml"],
                            cwd=REPOSITORY, env=environment, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_commit_with_turn_timeout_45_is_blocked_then_goes_through_once_fixed(tmp_path, environment, hook_repository):
    hooks, rev = hook_repository
    project = new_repository(tmp_path / "project", environment)
    (project / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {hooks}\n    rev: {rev}\n    hooks:\n      - id: agentctl-validate\n")
    install_pre_commit(project, environment)
    agent = project / "agents" / "support.yaml"
    agent.parent.mkdir()
    agent.write_text(AGENT_WITH_TURN_TIMEOUT_45_ON_LINE_12)
    (project / "notes.yaml").write_text("not: [an agent\n")  # outside agents/: the hook must not look at it
    git(project, environment, "add", "--all")

    blocked = git(project, environment, "commit", "-m", "Add the support agent", check=False)
    output = blocked.stdout + blocked.stderr
    assert blocked.returncode != 0, output
    assert LOCATED_ERROR in output
    assert "agentctl validate" in output and "Failed" in output
    assert "notes.yaml" not in output
    assert commit_count(project, environment) == 0

    agent.write_text(AGENT_WITH_TURN_TIMEOUT_45_ON_LINE_12.replace("turn_timeout: 45", "turn_timeout: 12"))
    git(project, environment, "add", "--all")
    passed = git(project, environment, "commit", "-m", "Add the support agent", check=False)
    output = passed.stdout + passed.stderr  # git shows a hook's output on stderr
    assert passed.returncode == 0, output
    assert "agentctl validate" in output and "Passed" in output
    assert commit_count(project, environment) == 1


def test_a_repository_set_up_by_init_validates_agents_on_commit(tmp_path, environment, agentctl):
    project = new_repository(tmp_path / "project", environment)
    assert agentctl("init", cwd=project).returncode == 0
    install_pre_commit(project, environment)
    git(project, environment, "add", "--all")
    first = git(project, environment, "commit", "-m", "Set up agents", check=False)
    output = first.stdout + first.stderr
    assert first.returncode == 0, output
    assert "agentctl validate" in output and "Passed" in output

    agent = project / "agents" / "front-desk.yaml"
    lines = agent.read_text().splitlines(keepends=True)
    line = next(number for number, text in enumerate(lines, 1) if text.strip() == "turn_timeout: 7")
    lines[line - 1] = lines[line - 1].replace("7", "45")
    agent.write_text("".join(lines))
    blocked = git(project, environment, "commit", "--all", "-m", "Wait longer", check=False)
    assert blocked.returncode != 0
    assert f"agents/front-desk.yaml:{line}:19: error: [range]" in blocked.stdout + blocked.stderr
    assert commit_count(project, environment) == 1


AGENT_WITH_SOFT_TIMEOUT = """\
name: Front desk
conversation_config:
  agent:
    first_message: Hello
  turn:
    soft_timeout_config:
      timeout_seconds: 2
"""

SCRIPT_EXPECTING_A_QUICK_ANSWER = """\
# The caller must hear the answer itself within 3 seconds of stopping.
expect answer <= 3
user: Can I book a cleaning?
agent 2.5: Yes, which day?
"""


def test_a_script_whose_expectation_fails_blocks_the_commit_until_the_agent_is_fixed(tmp_path, environment, hook_repository):
    hooks, rev = hook_repository
    project = new_repository(tmp_path / "project", environment)
    (project / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {hooks}\n    rev: {rev}\n    hooks:\n      - id: agentctl-simulate-check\n")
    install_pre_commit(project, environment)
    (project / "agents" / "scripts").mkdir(parents=True)
    agent = project / "agents" / "front-desk.yaml"
    agent.write_text(AGENT_WITH_SOFT_TIMEOUT)
    (project / "agents" / "scripts" / "front-desk.sim").write_text(SCRIPT_EXPECTING_A_QUICK_ANSWER)
    git(project, environment, "add", "--all")

    blocked = git(project, environment, "commit", "-m", "Add the front desk", check=False)
    output = blocked.stdout + blocked.stderr
    assert blocked.returncode != 0, output
    # 0.6 s endpointing + 2.5 s reply + 0.075 s TTS, after a filler at 2 s that ends before the reply is ready
    assert "agents/scripts/front-desk.sim:2: expected answer <= 3 s, found 3.175 s" in output
    assert "agentctl simulate --check" in output and "Failed" in output
    assert commit_count(project, environment) == 0

    # an eager agent takes the turn 0.3 s after the caller stops: 0.3 + 2.5 + 0.075 = 2.875 s
    agent.write_text(AGENT_WITH_SOFT_TIMEOUT.replace("  turn:\n", "  turn:\n    turn_eagerness: eager\n"))
    git(project, environment, "add", "--all")
    passed = git(project, environment, "commit", "-m", "Add the front desk", check=False)
    output = passed.stdout + passed.stderr
    assert passed.returncode == 0, output
    assert "agentctl simulate --check" in output and "Passed" in output
    assert commit_count(project, environment) == 1
