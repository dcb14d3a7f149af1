"""The peer of `agentctl pull` in BENCHMARKS.md: the official elevenlabs SDK, used the straightforward way.

Lists every agent (following the cursor), then fetches each one and writes its JSON to agents/<id>.json: in turn,
or with THREADS > 1 on a thread pool of that size (the fair peer of agentctl's --concurrency).
Usage: python3 sdk_pull.py [THREADS]
"""
import json
import os
import sys
from concurrent.futures import ThreadPoolExecutor

from elevenlabs.client import ElevenLabs

threads = int(sys.argv[1]) if len(sys.argv) > 1 else 1
client = ElevenLabs(api_key=os.environ["ELEVENLABS_API_KEY"], base_url=os.environ["ELEVENLABS_BASE_URL"])
os.makedirs("agents", exist_ok=True)
ids, cursor = [], None
while True:
    page = client.conversational_ai.agents.list(page_size=100, cursor=cursor)
    ids += [summary.agent_id for summary in page.agents]
    if not page.has_more:
        break
    cursor = page.next_cursor


def pull(agent_id):
    agent = client.conversational_ai.agents.get(agent_id)
    with open(os.path.join("agents", agent_id + ".json"), "w") as out:
        json.dump(agent.dict(), out, default=str)


if threads > 1:
    with ThreadPoolExecutor(threads) as pool:
        list(pool.map(pull, ids))
else:
    for agent_id in ids:
        pull(agent_id)
print(f"pulled {len(ids)} agents")
