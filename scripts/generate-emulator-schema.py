#!/usr/bin/env python3
"""Generate the API emulator's schema resource from the ElevenLabs agents OpenAPI reference.

The emulator (Sources/AgentEmulatorKit) validates request bodies and fills in the
server's defaults from this file, so what it accepts and what it returns follow the
reference, independently of agentctl's own rules table.

Output (JSON, keys sorted, committed):
  reference_sha256  hash of the reference the file was generated from
  schemas           every component schema, compacted to the keywords the emulator
                    checks; "$ref" becomes {"ref": name}; inline object schemas are
                    hoisted under a synthetic name ("Parent/oneOf/0") so every object
                    schema with properties has a name
  defaults          for every model, the value the server fills in for each optional
                    property the input leaves out (nested models built recursively)
  operations        for every "METHOD /path" of the reference: its query parameters
                    ("query": name -> schema; "query_defaults"), request body ("body")
                    and 200 answer ("response"), compacted the same way

Usage:
  scripts/generate-emulator-schema.py            # rewrite the resource
  scripts/generate-emulator-schema.py --check    # exit 1 if the committed file is stale
"""

import argparse
import copy
import hashlib
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_REFERENCE = os.path.join(ROOT, "reference", "elevenlabs-agents-openapi.json")
DEFAULT_OUTPUT = os.path.join(ROOT, "Sources", "AgentEmulatorKit", "Resources", "agents-api.json")

# Keywords the emulator's validator understands; everything else (docs, examples) is dropped.
KEPT_KEYWORDS = [
    "type", "enum", "const", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
    "minLength", "maxLength", "pattern", "minItems", "maxItems", "uniqueItems", "minProperties",
    "required", "x-documented-range",
]

# Ranges the ElevenLabs documentation states but the OpenAPI document does not encode
# (issue 4: turn.turn_timeout 1-30 s; soft_timeout_config.timeout_seconds -1 to disable, else 0.5-8.0 s).
DOCUMENTED_RANGES = [
    {"schemas": ["TurnConfig", "TurnConfigWorkflowOverride"],
     "property": "turn_timeout", "range": {"minimum": 1, "maximum": 30}},
    {"schemas": ["SoftTimeoutConfig", "SoftTimeoutConfigWorkflowOverride"],
     "property": "timeout_seconds", "range": {"minimum": 0.5, "maximum": 8.0, "disabled": -1}},
]


def ref_name(ref):
    prefix = "#/components/schemas/"
    if not ref.startswith(prefix):
        raise SystemExit(f"unsupported $ref {ref!r}")
    return ref[len(prefix):]


class Compactor:
    def __init__(self, schemas):
        self.source = schemas
        self.out = {}

    def run(self):
        for name, schema in self.source.items():
            self.out[name] = self.compact(schema, name, top=True)
        return self.out

    def compact(self, node, path, top=False):
        if "$ref" in node:
            return {"ref": ref_name(node["$ref"])}
        if "properties" in node and not top:
            # Hoist inline models so defaults can be looked up by name.
            self.out[path] = self.compact(node, path, top=True)
            return {"ref": path}
        result = {k: copy.deepcopy(node[k]) for k in KEPT_KEYWORDS if k in node}
        if "properties" in node:
            result["properties"] = {
                key: self.compact(value, f"{path}/properties/{key}") for key, value in node["properties"].items()
            }
            result.setdefault("type", "object")
        if "items" in node:
            result["items"] = self.compact(node["items"], f"{path}/items")
        if "additionalProperties" in node:
            extra = node["additionalProperties"]
            result["additionalProperties"] = (
                extra if isinstance(extra, bool) else self.compact(extra, f"{path}/additionalProperties")
            )
        if "propertyNames" in node:
            result["propertyNames"] = self.compact(node["propertyNames"], f"{path}/propertyNames")
        for key in ("anyOf", "oneOf"):
            if key in node:
                result[key] = [self.compact(branch, f"{path}/{key}/{i}") for i, branch in enumerate(node[key])]
        if "discriminator" in node and "oneOf" in node:
            disc = node["discriminator"]
            result["discriminator"] = {
                "propertyName": disc["propertyName"],
                "mapping": {tag: ref_name(ref) for tag, ref in disc.get("mapping", {}).items()},
            }
        return result


class DefaultBuilder:
    """Builds what a pydantic response model serialises for the properties an input left out."""

    def __init__(self, source):
        self.source = source
        self.cache = {}

    def resolve(self, node):
        while "$ref" in node:
            node = self.source[ref_name(node["$ref"])]
        return node

    def model_defaults(self, name, stack=()):
        """The default of every property of a model that has one."""
        if name in self.cache:
            return self.cache[name]
        schema = self.source[name]
        if "properties" not in schema or name in stack:
            return None
        result = {}
        for key, prop in schema["properties"].items():
            # Output schemas list defaulted fields as required too (pydantic's serialization mode).
            if key in schema.get("required", []) and "default" not in prop:
                continue
            found, value = self.property_default(prop, stack + (name,))
            if found:
                result[key] = value
        self.cache[name] = result
        return result

    def property_default(self, prop, stack):
        """(found, value) for a property the input left out."""
        if "default" in prop:
            return True, self.fill(copy.deepcopy(prop["default"]), prop, stack)
        if any(branch.get("type") == "null" for branch in prop.get("anyOf", [])):
            return True, None
        if "$ref" in prop:
            name = ref_name(prop["$ref"])
            target = self.source[name]
            if "properties" in target:
                # default_factory=Model only works when every required field has a default.
                required = target.get("required", [])
                buildable = all("default" in target["properties"][key] for key in required)
                value = self.model_defaults(name, stack) if buildable else None
                return (value is not None), value
            if "default" in target:
                return True, copy.deepcopy(target["default"])
            return False, None
        kind = prop.get("type")
        if kind == "array":
            return True, []
        if kind == "object":
            return True, {}
        return False, None

    def fill(self, value, prop, stack):
        """Fill nested model defaults into an explicit dict default."""
        if not isinstance(value, dict) or "$ref" not in prop:
            return value
        defaults = self.model_defaults(ref_name(prop["$ref"]), stack) or {}
        return {**defaults, **value}


def compact_operations(paths, compactor):
    """Query, body and 200 schemas of every operation, so the emulator checks each endpoint as the reference says."""
    operations = {}
    for path, methods in paths.items():
        for method, operation in methods.items():
            key = f"{method.upper()} {path}"
            entry = {}
            query = {p["name"]: p.get("schema", {}) for p in operation.get("parameters", []) if p["in"] == "query"}
            if query:
                entry["query"] = {name: compactor.compact(schema, f"{key}/query/{name}") for name, schema in query.items()}
                defaults = {name: schema["default"] for name, schema in query.items() if "default" in schema}
                if defaults:
                    entry["query_defaults"] = defaults
            body = operation.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema")
            if body is not None:
                entry["body"] = compactor.compact(body, f"{key}/body")
            answer = operation.get("responses", {}).get("200", {}).get("content", {}).get("application/json", {})
            if answer.get("schema"):
                entry["response"] = compactor.compact(answer["schema"], f"{key}/response")
            operations[key] = entry
    return operations


def apply_documented_ranges(schemas):
    for entry in DOCUMENTED_RANGES:
        for name in entry["schemas"]:
            prop = schemas[name]["properties"][entry["property"]]
            prop["x-documented-range"] = entry["range"]


def generate(reference_path):
    with open(reference_path, "rb") as handle:
        raw = handle.read()
    reference = json.loads(raw)
    source = copy.deepcopy(reference["components"]["schemas"])
    apply_documented_ranges(source)
    builder = DefaultBuilder(source)
    defaults = {}
    for name in source:
        value = builder.model_defaults(name)
        if value is not None:
            defaults[name] = value
    compactor = Compactor(source)
    schemas = compactor.run()
    operations = compact_operations(reference["paths"], compactor)
    document = {
        "reference_sha256": hashlib.sha256(raw).hexdigest(),
        "schemas": schemas,
        "defaults": defaults,
        "operations": operations,
    }
    return json.dumps(document, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reference", default=DEFAULT_REFERENCE)
    parser.add_argument("--output", default=DEFAULT_OUTPUT)
    parser.add_argument("--check", action="store_true", help="fail if --output differs from a fresh generation")
    args = parser.parse_args()
    text = generate(args.reference)
    if args.check:
        try:
            with open(args.output, encoding="utf-8") as handle:
                current = handle.read()
        except FileNotFoundError:
            current = None
        if current != text:
            print(f"{args.output} is stale: run scripts/generate-emulator-schema.py", file=sys.stderr)
            return 1
        return 0
    os.makedirs(os.path.dirname(args.output), exist_ok=True)
    temporary = args.output + ".tmp"
    with open(temporary, "w", encoding="utf-8") as handle:
        handle.write(text)
    os.replace(temporary, args.output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
