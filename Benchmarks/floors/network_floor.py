"""The measured network floor for pull, diff and status: list every page, then GET every agent, CONCURRENCY at a
time over kept-alive connections, reading each body and doing nothing else with it.

Usage: python3 network_floor.py CONCURRENCY   (ELEVENLABS_API_KEY and ELEVENLABS_BASE_URL name the server)
"""
import http.client
import json
import os
import sys
import threading
import urllib.parse
from concurrent.futures import ThreadPoolExecutor

concurrency = int(sys.argv[1])
base = urllib.parse.urlsplit(os.environ["ELEVENLABS_BASE_URL"])
headers = {"xi-api-key": os.environ["ELEVENLABS_API_KEY"]}
local = threading.local()


def get(path):
    if not hasattr(local, "connection"):
        local.connection = http.client.HTTPConnection(base.hostname, base.port)
    local.connection.request("GET", path, headers=headers)
    answer = local.connection.getresponse()
    body = answer.read()
    if answer.status != 200:
        raise SystemExit(f"GET {path}: {answer.status}")
    return body


ids, cursor = [], None
while True:
    query = {"page_size": 100} | ({"cursor": cursor} if cursor else {})
    page = json.loads(get("/v1/convai/agents?" + urllib.parse.urlencode(query)))
    ids += [agent["agent_id"] for agent in page["agents"]]
    if not page.get("has_more"):
        break
    cursor = page["next_cursor"]
with ThreadPoolExecutor(concurrency) as pool:
    size = sum(len(body) for body in pool.map(lambda agent_id: get(f"/v1/convai/agents/{agent_id}"), ids))
print(f"fetched {len(ids)} agents, {size} bytes")
