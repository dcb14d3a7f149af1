#!/usr/bin/env python3
"""Generates agentctl's field table (Sources/Validation/FieldTable/*.swift) from the vendor's OpenAPI reference.

The reference gives every field's type, enum, range, default and description. The conversation-flow page
documents ranges the reference leaves out; those are the DOCUMENTED overlays below, each with its citation.
Run: python3 scripts/generate-field-table.py [--reference PATH] [--check]
"""
import argparse, json, os, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_REFERENCE = os.path.join(ROOT, "reference", "elevenlabs-agents-openapi.json")
OUT_DIR = os.path.join(ROOT, "Sources", "Validation", "FieldTable")
SEED = "ElevenLabs docs, Conversation flow"

# Ranges the vendor documents on the conversation-flow page but the OpenAPI reference does not state.
DOCUMENTED = {
    "conversation_config.turn.turn_timeout": dict(
        minimum=1, maximum=30, cite=f"{SEED}: \"Turn timeouts must be between 1 and 30 seconds.\""),
    "conversation_config.turn.soft_timeout_config.timeout_seconds": dict(
        minimum=0.5, maximum=8.0, special=[-1], cite=f"{SEED}: soft timeout \"Default -1 (disabled)\", \"Range 0.5 to 8.0 seconds\""),
}
# Deprecated fields the issue names explicitly, beyond what the reference marks.
SECTIONS = ["top", "agent", "prompt", "built_in_tools", "tts", "asr", "turn", "conversation", "vad", "language_presets"]


def swift_string(text):
    out = '"'
    for ch in text:
        code = ord(ch)
        if ch == '"': out += '\\"'
        elif ch == '\\': out += '\\\\'
        elif ch == '\n': out += '\\n'
        elif ch == '\t': out += '\\t'
        elif ch == '\r': out += '\\r'
        elif code < 0x20 or code > 0x7E: out += '\\u{%x}' % code
        else: out += ch
    return out + '"'


def swift_json(value):
    if value is None: return ".null"
    if isinstance(value, bool): return ".bool(%s)" % ("true" if value else "false")
    if isinstance(value, (int, float)): return ".number(%r)" % value
    if isinstance(value, str): return ".string(%s)" % swift_string(value)
    if isinstance(value, list): return ".array([%s])" % ", ".join(swift_json(v) for v in value)
    if isinstance(value, dict):
        return ".object(JSONObject([%s]))" % ", ".join("(%s, %s)" % (swift_string(k), swift_json(v)) for k, v in value.items()) if value else ".object(JSONObject())"
    raise TypeError(value)


class Generator:
    def __init__(self, reference):
        self.schemas = reference["components"]["schemas"]
        self.rules = []

    def deref(self, node):
        seen = 0
        while "$ref" in node:
            node = self.schemas[node["$ref"].split("/")[-1]]
            seen += 1
            if seen > 20: raise RuntimeError("ref loop")
        return node

    def unwrap(self, prop):
        """(schema, nullable, union) for a property: anyOf [X, null] becomes X; a real union stays one."""
        nullable = False
        if "anyOf" in prop:
            options = [o for o in prop["anyOf"] if o.get("type") != "null"]
            nullable = len(options) < len(prop["anyOf"])
            if len(options) != 1: return prop, nullable, True
            merged = dict(options[0])
            for key in ("description", "default", "title"):
                if key in prop and key not in merged: merged[key] = prop[key]
            prop = merged
        if "allOf" in prop and len(prop["allOf"]) == 1:
            prop = dict(prop["allOf"][0], **{k: v for k, v in prop.items() if k != "allOf"})
        return prop, nullable, False

    def field(self, path, prop, depth):
        prop, nullable, union = self.unwrap(prop)
        target = self.deref(prop) if "$ref" in prop else prop
        rule = dict(path=path, nullable=nullable, description=(prop.get("description") or target.get("description") or "").strip())
        for key in ("default",):
            if key in prop: rule[key] = prop[key]
            elif key in target and "$ref" in prop and target.get("type") != "object": rule[key] = target[key]
        if prop.get("deprecated") or target.get("deprecated") is True and target.get("type") != "object":
            rule["deprecated"] = True
        for key in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength", "maxItems", "minItems"):
            if key in prop: rule[key] = prop[key]
            elif key in target: rule[key] = target[key]
        if union:
            rule["type"] = "any"
        elif "enum" in target or "const" in target:
            values = target.get("enum") or [target["const"]]
            rule["type"] = {"integer": "integer", "number": "number"}.get(target.get("type"), "text")
            rule["allowed"] = [str(v) for v in values]
            rule["deprecated_values"] = sorted(k for k, v in target.get("x-fern-enum", {}).items() if v.get("deprecated"))
        elif target.get("type") == "array":
            items, _, item_union = self.unwrap(target.get("items", {}))
            item_target = self.deref(items) if "$ref" in items else items
            if item_union:
                rule["type"] = "list"
            elif "enum" in item_target:
                rule["type"] = "textList"
                rule["allowed"] = [str(v) for v in item_target["enum"]]
                rule["deprecated_values"] = sorted(k for k, v in item_target.get("x-fern-enum", {}).items() if v.get("deprecated"))
            elif item_target.get("type") in ("string",):
                rule["type"] = "textList"
                for key in ("minLength", "maxLength"):
                    if key in item_target: rule["item_" + key] = item_target[key]
            elif item_target.get("type") == "object" and "properties" in item_target and depth < 6:
                rule["type"] = "list"
                self.rules.append(rule)
                self.walk(item_target, path + "[]", depth + 1)
                return
            else:
                rule["type"] = "list"
        elif target.get("type") == "object" and "properties" in target and depth < 7:
            rule["type"] = "object"
            self.rules.append(rule)
            self.walk(target, path, depth + 1)
            return
        elif target.get("type") == "object" and isinstance(target.get("additionalProperties"), dict) \
                and "$ref" in target["additionalProperties"] and depth < 6:
            rule["type"] = "map"
            self.rules.append(rule)
            value = self.deref(target["additionalProperties"])
            if "properties" in value:
                self.rules.append(dict(path=path + ".*", type="object", nullable=False, description="One entry of " + path.split(".")[-1]))
                self.walk(value, path + ".*", depth + 1)
            return
        else:
            rule["type"] = {"string": "text", "number": "number", "integer": "integer", "boolean": "boolean",
                            "object": "map"}.get(target.get("type"), "any")
        documented = DOCUMENTED.get(path)
        if documented:
            rule.update({k: v for k, v in documented.items()})
        self.rules.append(rule)

    def walk(self, schema, prefix, depth):
        for name, prop in schema.get("properties", {}).items():
            self.field(prefix + "." + name if prefix else name, prop, depth)


def defaults_document(gen, schema, depth=0):
    """The values the API fills in for a schema's fields: each field's documented default, nested objects recursed."""
    out = {}
    for name, prop in schema.get("properties", {}).items():
        unwrapped, _, union = gen.unwrap(prop)
        if "default" in prop or "default" in unwrapped:
            out[name] = prop.get("default", unwrapped.get("default"))
            continue
        if union or depth > 8: continue
        target = gen.deref(unwrapped) if "$ref" in unwrapped else unwrapped
        if target.get("type") == "object" and "properties" in target:
            nested = defaults_document(gen, target, depth + 1)
            if nested: out[name] = nested
    return out


def render_defaults(document):
    text = json.dumps(document, sort_keys=False, separators=(",", ":"), ensure_ascii=True)
    return "\n".join([
        "// Generated by scripts/generate-field-table.py from the vendor's OpenAPI reference. Do not edit.",
        "",
        "extension FieldTable {",
        "    /// The values the API fills in when a field is not set (GetAgentResponseModel's documented defaults).",
        "    static let serverDefaultsJSON = #\"\"\"",
        "        " + text,
        "        \"\"\"#",
        "}",
        ""])


def section_of(path):
    parts = path.split(".")
    if len(parts) < 2 or parts[0] != "conversation_config": return "top"
    if parts[1] == "agent" and len(parts) > 2 and parts[2] == "prompt":
        return "built_in_tools" if len(parts) > 3 and parts[3] == "built_in_tools" else "prompt"
    return parts[1] if parts[1] in SECTIONS else "top"


def render(section, rules):
    name = "".join(p.capitalize() for p in section.split("_"))
    lines = ["// Generated by scripts/generate-field-table.py from the vendor's OpenAPI reference. Do not edit.",
             "import ConfigModel", "", "extension FieldTable {",
             f"    static let {section.replace('_', ' ').title().replace(' ', '')[0].lower() + name[1:]}Fields: [FieldRule] = ["]
    for r in rules:
        args = [f"path: {swift_string(r['path'])}", f"type: .{r['type']}"]
        if r.get("nullable"): args.append("nullable: true")
        if "allowed" in r: args.append("allowed: [" + ", ".join(swift_string(v) for v in r["allowed"]) + "]")
        if r.get("deprecated_values"): args.append("deprecatedValues: [" + ", ".join(swift_string(v) for v in r["deprecated_values"]) + "]")
        for key, label in (("minimum", "minimum"), ("maximum", "maximum"), ("exclusiveMinimum", "exclusiveMinimum"),
                           ("exclusiveMaximum", "exclusiveMaximum")):
            if key in r: args.append(f"{label}: {float(r[key])!r}")
        if "special" in r: args.append("special: [" + ", ".join(repr(float(v)) for v in r["special"]) + "]")
        for key, label in (("minLength", "minLength"), ("maxLength", "maxLength"), ("minItems", "minItems"),
                           ("maxItems", "maxItems"), ("item_minLength", "itemMinLength"), ("item_maxLength", "itemMaxLength")):
            if key in r and not (key == "minLength" and r[key] == 0): args.append(f"{label}: {int(r[key])}")
        if "default" in r: args.append(f"default: {swift_json(r['default'])}")
        if r.get("deprecated"): args.append("deprecated: true")
        if "cite" in r: args.append(f"documentedIn: {swift_string(r['cite'])}")
        args.append(f"description: {swift_string(r['description'])}")
        lines.append("        FieldRule(" + ", ".join(args) + "),")
    lines += ["    ]", "}", ""]
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--reference", default=DEFAULT_REFERENCE)
    parser.add_argument("--check", action="store_true", help="exit 1 if the committed files differ")
    parser.add_argument("--out", default=OUT_DIR)
    args = parser.parse_args()
    reference = json.load(open(args.reference))
    gen = Generator(reference)
    body = gen.schemas["Body_Create_Agent_v1_convai_agents_create_post"]
    for name in ("name", "tags", "conversation_config", "platform_settings", "workflow"):
        prop = body["properties"][name]
        if name in ("platform_settings", "workflow"):
            gen.rules.append(dict(path=name, type="map", nullable=True,
                                  description=(gen.deref(gen.unwrap(prop)[0]).get("description") or f"Agent {name.replace('_', ' ')}; kept and sent unchanged.").strip()))
        else:
            gen.field(name, prop, 0)
    stale = []
    for section in SECTIONS:
        rules = [r for r in gen.rules if section_of(r["path"]) == section]
        text = render(section, rules)
        path = os.path.join(args.out, f"FieldTable+{''.join(p.capitalize() for p in section.split('_'))}.swift")
        if args.check:
            if not os.path.exists(path) or open(path).read() != text: stale.append(path)
        else:
            tmp = path + ".tmp"
            with open(tmp, "w") as f: f.write(text)
            os.replace(tmp, path)
    response = gen.schemas["GetAgentResponseModel"]["properties"]
    defaults = {}
    for name in ("conversation_config", "platform_settings", "workflow"):
        schema = gen.deref(gen.unwrap(response[name])[0])
        defaults[name] = defaults_document(gen, schema)
    path = os.path.join(args.out, "FieldTable+ServerDefaults.swift")
    text = render_defaults(defaults)
    if args.check:
        if not os.path.exists(path) or open(path).read() != text: stale.append(path)
    else:
        with open(path + ".tmp", "w") as f: f.write(text)
        os.replace(path + ".tmp", path)
    if stale:
        print("stale generated files (run scripts/generate-field-table.py):\n  " + "\n  ".join(stale), file=sys.stderr)
        sys.exit(1)
    print(f"{len(gen.rules)} fields", file=sys.stderr)


if __name__ == "__main__":
    main()
