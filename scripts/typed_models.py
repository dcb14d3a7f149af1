"""The typed Swift models of a resource, with the API's defaults, rendered from its field table.

Part of scripts/generate-schema.py: every scalar field under a struct's path becomes an optional property named
as the API names it, an object or map of objects becomes a nested struct when RESOURCES names one, and each
struct's `Default` enum holds the table's default of every field that has one (the simulator reads these).
"""

from swift_literals import swift_string

SWIFT_TYPES = {"text": "String", "number": "Double", "integer": "Int", "boolean": "Bool", "textList": "[String]"}
KEYWORDS = {"as", "case", "class", "default", "do", "else", "enum", "extension", "for", "func", "if", "import", "in",
            "init", "is", "let", "nil", "operator", "protocol", "repeat", "return", "self", "static", "struct",
            "super", "switch", "true", "false", "var", "where", "while", "try", "throw", "guard", "defer"}


def identifier(name):
    return f"`{name}`" if name in KEYWORDS else name


def parent(path):
    return path.rsplit(".", 1)[0] if "." in path else ""


class Models:
    def __init__(self, resource, rules, server_defaults):
        self.resource = resource
        self.rules = rules
        self.by_path = {r["path"]: r for r in rules}
        self.server_defaults = server_defaults

    def default(self, rule):
        """The rule's default, else the value the API fills in (as FieldTable.defaultValue(at:) reads it)."""
        if "default" in rule: return rule["default"]
        node = self.server_defaults
        for key in rule["path"].split("."):
            node = node.get(key) if isinstance(node, dict) else None
        return node

    def swift_type(self, rule):
        """The Swift type of a field, or None when the typed view leaves it to the node tree."""
        models, path = self.resource["models"], rule["path"]
        if rule["type"] == "text" and path in self.resource["enums"]: return self.resource["enums"][path]
        if rule["type"] in SWIFT_TYPES: return SWIFT_TYPES[rule["type"]]
        if rule["type"] == "object" and path in models: return models[path]
        if rule["type"] == "map" and path + ".*" in models: return f"[String: {models[path + '.*']}]"
        return None

    def literal(self, value, swift_type):
        if isinstance(value, bool): return "true" if value else "false"
        if swift_type == "Double": return repr(float(value))
        if swift_type == "Int": return str(int(value))
        if swift_type == "String": return swift_string(value)
        if swift_type == "[String]": return "[" + ", ".join(swift_string(v) for v in value) + "]"
        if swift_type in self.resource["enums"].values(): return "." + value
        return None

    def fields(self, path):
        return [(r, t) for r in self.rules if parent(r["path"]) == path and (t := self.swift_type(r))]

    def struct(self, paths, name):
        path = paths[0]
        rule = self.by_path.get(path)
        about = rule["description"] if rule and rule["description"] else self.resource["summary"]
        if len(paths) > 1: about = "each of these fields has this shape."
        fields = self.fields(path)
        lines = [f"/// {', '.join(f'`{p}`' for p in paths)}: {about}" if path else f"/// {about}",
                 f"public struct {name}: Decodable, Sendable {{"]
        lines += [f"    public var {identifier(r['path'].rsplit('.', 1)[-1])}: {t}?" for r, t in fields]
        lines += ["", "    public init() {}"]
        if path in self.resource["lenient"]:
            keys = ", ".join(identifier(r["path"].rsplit(".", 1)[-1]) for r, _ in fields)
            lines += ["", "    enum CodingKeys: String, CodingKey {", f"        case {keys}", "    }", "",
                      "    /// A field that does not decode (a wrong type, a bad enum value) is left nil: validation",
                      "    /// reports it at its line, and the other fields stay usable.",
                      "    public init(from decoder: any Decoder) throws {",
                      "        let container = try decoder.container(keyedBy: CodingKeys.self)"]
            for r, t in fields:
                key = r["path"].rsplit(".", 1)[-1]
                lines.append(f"        {identifier(key)} = try? container.decodeIfPresent({t}.self, forKey: .{identifier(key)})")
            lines.append("    }")
        lines.append("}")
        defaults = [(r, t, self.literal(v, t)) for r, t in fields if (v := self.default(r)) is not None]
        defaults = [(r, t, text) for r, t, text in defaults if text is not None]
        if defaults:
            lines += ["", f"extension {name} {{", "    /// The API's default for each field that has one, from the field table.",
                      "    public enum Default {"]
            lines += [f"        public static let {identifier(r['path'].rsplit('.', 1)[-1])}: {t} = {text}" for r, t, text in defaults]
            lines += ["    }", "}"]
        return lines

    def enum(self, path, name):
        cases = ", ".join(identifier(v) for v in self.by_path[path]["allowed"])
        return [f"/// `{path}`: {self.by_path[path]['description']}", f"public enum {name}: String, Decodable, Sendable, CaseIterable {{", f"    case {cases}", "}"]

    def render(self, header):
        names = {}
        for path, name in self.resource["models"].items(): names.setdefault(name, []).append(path)
        for name, paths in names.items():
            shapes = {tuple((r["path"].rsplit(".", 1)[-1], t) for r, t in self.fields(p)) for p in paths}
            if len(shapes) != 1: raise RuntimeError(f"{name} names structs of different fields: {paths}")
        lines = [header, "// A typed view of a file: property names are the API's own snake_case field names, so what a user",
                 "// reads in the vendor's reference, in their YAML and here is one word. Every property is optional:",
                 "// a file states only what the user chose, and the API keeps the rest."]
        for name, paths in names.items(): lines += [""] + self.struct(paths, name)
        for path, name in self.resource["enums"].items(): lines += [""] + self.enum(path, name)
        return "\n".join(lines) + "\n"


def render(resource, rules, server_defaults, header):
    name = "".join(part.capitalize() for part in resource["name"].split("_"))
    return {f"{name}Models.swift": Models(resource, rules, server_defaults).render(header)}
