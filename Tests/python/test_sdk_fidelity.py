"""The official ElevenLabs Python SDK, pointed at the emulator, must list, get, create, update and delete.

The SDK builds its response objects without validation (construct_type), so every raw response is also
validated strictly with the SDK's own pydantic models: a wrong shape fails here.
"""

import elevenlabs
import pytest
from elevenlabs.core.api_error import ApiError
from elevenlabs.errors import UnprocessableEntityError

from conftest import API_KEY


def client_for(emulator, key=API_KEY):
    return elevenlabs.ElevenLabs(api_key=key, base_url=emulator.base_url)


def strictly(model, response):
    """Validates an SDK raw response's JSON against the SDK's pydantic model and returns the model."""
    # HttpResponse keeps the httpx response private; its JSON is what the emulator sent.
    return model.model_validate(response._response.json())


def list_all(agents, page_size):
    pages, cursor = [], None
    while True:
        response = agents.with_raw_response.list(page_size=page_size, cursor=cursor)
        page = strictly(elevenlabs.GetAgentsPageResponseModel, response)
        pages.append(page)
        if not page.has_more:
            return pages
        cursor = page.next_cursor


def test_lists_every_agent_across_pages(emulator):
    agents = client_for(emulator).conversational_ai.agents
    pages = list_all(agents, page_size=2)
    assert [len(page.agents) for page in pages] == [2, 2, 1]
    ids = [agent.agent_id for page in pages for agent in page.agents]
    assert len(set(ids)) == 5
    newest_first = [agent.created_at_unix_secs for page in pages for agent in page.agents]
    assert newest_first == sorted(newest_first, reverse=True)
    assert all(agent.access_info.role == "admin" for page in pages for agent in page.agents)


def test_get_returns_the_full_agent_with_server_defaults(emulator):
    agents = client_for(emulator).conversational_ai.agents
    summary = agents.list(page_size=1).agents[0]
    response = agents.with_raw_response.get(summary.agent_id)
    agent = strictly(elevenlabs.GetAgentResponseModel, response)
    assert agent.agent_id == summary.agent_id
    assert agent.name == summary.name
    assert agent.conversation_config.agent.prompt.prompt.startswith("You are")
    assert agent.conversation_config.asr.quality == "high"
    assert agent.conversation_config.turn.soft_timeout_config.timeout_seconds == -1.0
    assert agent.platform_settings.call_limits.daily_limit == 100000
    assert agent.metadata.updated_at_unix_secs >= agent.metadata.created_at_unix_secs


def test_create_update_delete_round_trip(emulator):
    agents = client_for(emulator).conversational_ai.agents
    created = agents.with_raw_response.create(
        name="Fidelity agent",
        tags=["fidelity"],
        conversation_config=elevenlabs.ConversationalConfig(
            agent=elevenlabs.AgentConfig(
                first_message="Hi there",
                prompt=elevenlabs.PromptAgentApiModelOutput(prompt="Be helpful."),
            ),
            turn=elevenlabs.TurnConfig(turn_timeout=12.0),
        ),
    )
    agent_id = strictly(elevenlabs.CreateAgentResponseModel, created).agent_id
    assert agent_id.startswith("agent_")

    before = strictly(elevenlabs.GetAgentResponseModel, agents.with_raw_response.get(agent_id))
    assert before.name == "Fidelity agent"
    assert before.tags == ["fidelity"]
    assert before.conversation_config.turn.turn_timeout == 12.0
    assert before.conversation_config.tts.voice_id

    updated = agents.with_raw_response.update(
        agent_id,
        name="Fidelity agent v2",
        conversation_config=elevenlabs.ConversationalConfig(turn=elevenlabs.TurnConfig(turn_timeout=20.0)),
    )
    after = strictly(elevenlabs.GetAgentResponseModel, updated)
    assert after.name == "Fidelity agent v2"
    assert after.conversation_config.turn.turn_timeout == 20.0
    # Keys the update left out are kept.
    assert after.conversation_config.agent.first_message == "Hi there"
    assert after.conversation_config.agent.prompt.prompt == "Be helpful."
    assert after.metadata.updated_at_unix_secs > before.metadata.updated_at_unix_secs

    agents.delete(agent_id)
    with pytest.raises(ApiError) as missing:
        agents.get(agent_id)
    assert missing.value.status_code == 404


def test_out_of_range_update_is_a_422_with_location(emulator):
    agents = client_for(emulator).conversational_ai.agents
    agent_id = agents.list(page_size=1).agents[0].agent_id
    with pytest.raises(UnprocessableEntityError) as rejected:
        agents.update(agent_id, conversation_config=elevenlabs.ConversationalConfig(
            turn=elevenlabs.TurnConfig(turn_timeout=45.0)))
    detail = rejected.value.body["detail"]
    assert detail[0]["loc"] == ["body", "conversation_config", "turn", "turn_timeout"]
    assert detail[0]["msg"] == "Input should be less than or equal to 30"
    # The rejected update changed nothing.
    assert agents.get(agent_id).conversation_config.turn.turn_timeout != 45.0


def test_wrong_key_is_401(emulator):
    agents = client_for(emulator, key="not-the-key").conversational_ai.agents
    with pytest.raises(ApiError) as refused:
        agents.list()
    assert refused.value.status_code == 401
