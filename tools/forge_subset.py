#!/usr/bin/env python3
"""Extracts the GitHub REST operations a harvest uses from GitHub's official OpenAPI description
(as the npm package @octokit/openapi carries it: generated/api.github.com.json) into
standards/forges/github-rest-subset.json: the operations with every component they refer to,
and `nullable: true` written as JSON Schema's `type: [..., "null"]` so that a JSON Schema
validator reads the schemas as OpenAPI 3.0 means them.

    python3 tools/forge_subset.py path/to/api.github.com.json > standards/forges/github-rest-subset.json
"""
import json
import sys

OPERATIONS = {
    "/orgs/{org}/repos": "repos/list-for-org",
    "/repos/{owner}/{repo}": "repos/get",
    "/repos/{owner}/{repo}/contents/{path}": "repos/get-content",
}
EXAMPLES = ["minimal-repository-items", "full-repository-default-response"]

spec = json.load(open(sys.argv[1]))
wanted = set()


def refs(node):
    if isinstance(node, dict):
        r = node.get("$ref")
        if isinstance(r, str) and r.startswith("#/components/"):
            _, _, kind, name = r.split("/", 3)
            if (kind, name) not in wanted and not (kind == "examples" and name not in EXAMPLES):
                wanted.add((kind, name))
                refs(spec["components"][kind][name])
        for v in node.values():
            refs(v)
    elif isinstance(node, list):
        for v in node:
            refs(v)


def nullable(node):
    if isinstance(node, dict):
        if node.get("nullable") is True and "type" in node:
            t = node["type"]
            node["type"] = (t if isinstance(t, list) else [t]) + ["null"]
            if "enum" in node and None not in node["enum"]:
                node["enum"] = node["enum"] + [None]
            del node["nullable"]
        for v in node.values():
            nullable(v)
    elif isinstance(node, list):
        for v in node:
            nullable(v)


paths = {}
for path, op_id in OPERATIONS.items():
    get = spec["paths"][path]["get"]
    assert get["operationId"] == op_id, (path, get["operationId"])
    paths[path] = {"get": get}
refs(paths)
for name in EXAMPLES:
    wanted.add(("examples", name))
    refs(spec["components"]["examples"][name])
components = {}
for kind, name in sorted(wanted):
    components.setdefault(kind, {})[name] = spec["components"][kind][name]
out = {
    "openapi": spec["openapi"],
    "info": {
        "title": spec["info"]["title"] + " (the operations a harvest uses)",
        "version": spec["info"]["version"],
    },
    "paths": paths,
    "components": components,
}
nullable(out)
json.dump(out, sys.stdout, indent=1, sort_keys=True)
print()
