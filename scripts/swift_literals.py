"""Swift source literals for values read from the reference, shared by the schema generator's parts."""


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
