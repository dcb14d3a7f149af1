"""The official ElevenLabs Python SDK drives the emulator's tools, agent tests and runs, and branches.

As in test_sdk_fidelity.py, every raw answer is also validated strictly with the SDK's own pydantic models.
"""

import elevenlabs
import pydantic
import pytest
from elevenlabs.conversational_ai import tests as sdk_tests
from elevenlabs.core.api_error import ApiError
from elevenlabs.errors import UnprocessableEntityError

from conftest import Emulator
from test_sdk_fidelity import client_for, strictly


def client_tool(name, description="Looks up an order"):
    return elevenlabs.ToolRequestModel(
        tool_config=elevenlabs.ToolRequestModelToolConfig_Client(name=name, description=description))


def test_tools_create_list_get_update_delete(emulator):
    tools = client_for(emulator).conversational_ai.tools
    created = strictly(elevenlabs.ToolResponseModel, tools.with_raw_response.create(request=client_tool("lookup")))
    assert created.id.startswith("tool_")
    assert created.tool_config.response_timeout_secs == 20
    for name in ["bravo", "alpha"]:
        tools.create(request=client_tool(name))

    names, cursor = [], None
    while True:
        page = strictly(elevenlabs.ToolsResponseModel,
                        tools.with_raw_response.list(page_size=2, sort_by="name", sort_direction="asc", cursor=cursor))
        names += [tool.tool_config.name for tool in page.tools]
        if not page.has_more:
            break
        cursor = page.next_cursor
    assert names == ["alpha", "bravo", "lookup"]

    updated = strictly(elevenlabs.ToolResponseModel, tools.with_raw_response.update(
        created.id, request=client_tool("lookup", description="Finds an order")))
    assert updated.tool_config.description == "Finds an order"
    assert tools.get(created.id).tool_config.description == "Finds an order"

    dependents = strictly(elevenlabs.GetToolDependentAgentsResponseModel,
                          tools.with_raw_response.get_dependent_agents(created.id))
    assert dependents.agents == []

    tools.delete(created.id)
    with pytest.raises(ApiError) as missing:
        tools.get(created.id)
    assert missing.value.status_code == 404


def test_tool_without_required_fields_is_a_422(emulator):
    tools = client_for(emulator).conversational_ai.tools
    with pytest.raises(UnprocessableEntityError) as rejected:
        tools.create(request=elevenlabs.ToolRequestModel(
            tool_config=elevenlabs.ToolRequestModelToolConfig_Webhook.model_construct(type="webhook", name="w", description="d")))
    assert rejected.value.body["detail"][0]["loc"] == ["body", "tool_config", "webhook", "api_schema"]


def test_agent_tests_and_a_scripted_run(emulator):
    client = client_for(emulator)
    tests, agents = client.conversational_ai.tests, client.conversational_ai.agents
    passing = tests.create(request=sdk_tests.TestsCreateRequestBody_Llm(name="Greets", success_condition="Says hello")).id
    failing = tests.create(request=sdk_tests.TestsCreateRequestBody_Llm(name="Books", success_condition="Books a table")).id
    read = pydantic.TypeAdapter(sdk_tests.TestsGetResponse).validate_python(
        tests.with_raw_response.get(passing)._response.json())
    assert read.name == "Greets" and read.type == "llm"

    replaced = tests.update(failing, request=sdk_tests.TestsUpdateRequestBody_Simulation(name="Books", simulation_scenario="Table for 2"))
    assert replaced.type == "simulation"
    page = strictly(elevenlabs.GetTestsPageResponseModel, tests.with_raw_response.list(page_size=1))
    assert len(page.tests) == 1 and page.has_more

    emulator.control({"test_outcomes": {"Books": {"status": "failed", "pending_polls": 2}}})
    agent_id = agents.list(page_size=1).agents[0].agent_id
    started = strictly(elevenlabs.GetTestSuiteInvocationResponseModel, agents.with_raw_response.run_tests(
        agent_id, tests=[elevenlabs.SingleTestRunRequestModel(test_id=passing),
                         elevenlabs.SingleTestRunRequestModel(test_id=failing)]))
    assert [run.status for run in started.test_runs] == ["pending", "pending"]
    polls = []
    for _ in range(3):
        invocation = strictly(elevenlabs.GetTestSuiteInvocationResponseModel,
                              tests.invocations.with_raw_response.get(started.id))
        polls.append([run.status for run in invocation.test_runs])
    assert polls == [["pending", "pending"], ["passed", "pending"], ["passed", "failed"]]
    assert invocation.test_runs[1].condition_result.result == "failure"

    tests.delete(passing)
    with pytest.raises(ApiError) as missing:
        tests.get(passing)
    assert missing.value.status_code == 404


def test_branches_hold_their_own_config(emulator):
    agents = client_for(emulator).conversational_ai.agents
    agent = agents.get(agents.list(page_size=1).agents[0].agent_id)
    created = strictly(elevenlabs.CreateAgentBranchResponseModel, agents.branches.with_raw_response.create(
        agent.agent_id, parent_version_id=agent.version_id, name="Experiment", description="Longer turns",
        conversation_config={"turn": {"turn_timeout": 20}}))
    listed = strictly(elevenlabs.ListResponseAgentBranchSummary, agents.branches.with_raw_response.list(agent.agent_id))
    assert [branch.name for branch in listed.results] == ["Main", "Experiment"]

    on_branch = strictly(elevenlabs.GetAgentResponseModel,
                         agents.with_raw_response.get(agent.agent_id, branch_id=created.created_branch_id))
    assert on_branch.conversation_config.turn.turn_timeout == 20.0
    agents.update(agent.agent_id, branch_id=created.created_branch_id,
                  conversation_config=elevenlabs.ConversationalConfig(turn=elevenlabs.TurnConfig(turn_timeout=25.0)))
    assert agents.get(agent.agent_id, branch_id=created.created_branch_id).conversation_config.turn.turn_timeout == 25.0
    assert agents.get(agent.agent_id).conversation_config.turn.turn_timeout == agent.conversation_config.turn.turn_timeout

    renamed = strictly(elevenlabs.AgentBranchResponse, agents.branches.with_raw_response.update(
        agent.agent_id, created.created_branch_id, name="Pilot"))
    assert renamed.name == "Pilot" and renamed.parent_branch.name == "Main"


def test_two_instances_give_the_same_tool_different_ids():
    staging, production = Emulator("--instance", "staging"), Emulator("--instance", "production")
    try:
        ids = [client_for(running).conversational_ai.tools.create(request=client_tool("same")).id
               for running in (staging, production)]
    finally:
        staging.stop()
        production.stop()
    assert ids[0] != ids[1]
