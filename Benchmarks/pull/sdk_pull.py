"""The peer of `agentctl pull` in BENCHMARKS.md: the official elevenlabs SDK, used the straightforward way.

Lists every agent (following the cursor) and fetches each one in turn, writing its JSON to agents/<id>.json.
"""
import json
import os

from elevenlabs.client import ElevenLabs

client = ElevenLabs(api_key=os.environ["ELEVENLABS_API_KEY"], base_url=os.environ["ELEVENLABS_BASE_URL"])
os.makedirs("agents", exist_ok=True)
cursor = None
count = 0
while True:
    page = client.conversational_ai.agents.list(page_size=100, cursor=cursor)
    for summary in page.agents:
        agent = client.conversational_ai.agents.get(summary.agent_id)
        with open(os.path.join("agents", summary.agent_id + ".json"), "w") as out:
            json.dump(agent.dict(), out, default=str)
        count += 1
    if not page.has_more:
        break
    cursor = page.next_cursor
print(f"pulled {count} agents")
