#!/usr/bin/env python3
"""Validates BRP responses (JSON files) against the official response schemas of the BRP
Personen spec, following the discriminators (an abstract type is checked as the subtype its
`type` names). Usage: validate_brp_response.py RESPONSE.json..."""
import json, os, sys
import jsonschema

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SPEC = os.path.join(ROOT, "standards", "haalcentraal", "brp-personen", "resolved", "openapi.json")

spec = json.load(open(SPEC, encoding="utf-8"))
schemas = spec["components"]["schemas"]
abstract = {n: s["discriminator"]["mapping"] for n, s in schemas.items() if "discriminator" in s}


def rewrite(node, in_allof=False):
    if isinstance(node, dict):
        out = {}
        for k, v in node.items():
            if k == "$ref" and not in_allof:
                name = v.split("/")[-1]
                out[k] = v + "__dispatch" if name in abstract else v
            elif k == "allOf":
                out[k] = [rewrite(x, True) for x in v]
            else:
                out[k] = rewrite(v)
        return out
    if isinstance(node, list):
        return [rewrite(x) for x in node]
    return node


defs = {n: rewrite(s) for n, s in schemas.items()}
for name, mapping in abstract.items():
    defs[name + "__dispatch"] = {
        "allOf": [{"$ref": f"#/components/schemas/{name}"}]
        + [{"if": {"properties": {"type": {"const": t}}, "required": ["type"]}, "then": {"$ref": ref}} for t, ref in mapping.items()]
        + [{"properties": {"type": {"enum": list(mapping)}}}],
    }
root = {"components": {"schemas": defs}, "$ref": "#/components/schemas/PersonenQueryResponse__dispatch"}
validator = jsonschema.Draft202012Validator(root, format_checker=jsonschema.FormatChecker())
failed = 0
for path in sys.argv[1:]:
    doc = json.load(open(path, encoding="utf-8"))
    for err in validator.iter_errors(doc):
        failed += 1
        print(f"{path}: {'/'.join(map(str, err.absolute_path))}: {err.message}", file=sys.stderr)
print(f"{len(sys.argv) - 1} responses checked, {failed} errors")
sys.exit(1 if failed else 0)
