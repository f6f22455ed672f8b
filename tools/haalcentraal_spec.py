#!/usr/bin/env python3
"""Assembles openapi/registry-proxy-haalcentraal.json from the official contracts in
standards/haalcentraal: the BRP Personen spec whole (path /haalcentraal/api/brp/personen)
and the three BAG lookups the proxy serves, with every component they reference (BAG names get
the prefix `Bag`, because both contracts define e.g. `Adres`). With --check, fails when the
committed file differs (a test runs this)."""
import json, os, sys
import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(ROOT, "standards", "haalcentraal")
OUT = os.path.join(ROOT, "openapi", "registry-proxy-haalcentraal.json")
BAG_BASE = "/lvbag/individuelebevragingen/v2"
BAG_PATHS = ["/adressen", "/adressen/{nummeraanduidingIdentificatie}", "/adresseerbareobjecten/{adresseerbaarObjectIdentificatie}"]


def build():
    brp = json.load(open(os.path.join(SHARED, "brp-personen", "resolved", "openapi.json"), encoding="utf-8"))
    bag = yaml.safe_load(open(os.path.join(SHARED, "bag-individuele-bevragingen-v2", "openapi.yaml"), encoding="utf-8"))
    out = {
        "openapi": "3.1.0",
        "info": {
            "title": "Grondwerk registry proxy: Haal Centraal BRP Personen en BAG",
            "description": "Drop-in endpoints volgens de officiele contracten: " + brp["info"]["title"] + " " + brp["info"]["version"]
            + " en " + bag["info"]["title"] + " " + str(bag["info"]["version"]) + " (alleen de adres-bevragingen).",
            "version": brp["info"]["version"],
            "contact": {"name": "Grondwerk", "email": "grondwerk@example.org", "url": "https://example.org/grondwerk"},
            "license": {"name": "EUPL-1.2", "identifier": "EUPL-1.2"},
        },
        "servers": [{"url": "/"}],
        "paths": {"/haalcentraal/api/brp/personen": brp["paths"]["/personen"]},
        "components": json.loads(json.dumps(brp["components"])),
    }
    out["components"]["securitySchemes"] = {"bearer": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"}}
    out["security"] = [{"bearer": []}]
    needed = {}

    def rewrite(node):
        if isinstance(node, dict):
            res = {}
            for k, v in node.items():
                if k == "$ref" and isinstance(v, str) and v.startswith("#/components/"):
                    _, _, kind, name = v.split("/", 3)
                    needed.setdefault((kind, name), None)
                    res[k] = f"#/components/{kind}/Bag{name}"
                else:
                    res[k] = rewrite(v)
            return res
        if isinstance(node, list):
            return [rewrite(x) for x in node]
        return node

    for p in BAG_PATHS:
        item = {"get": bag["paths"][p]["get"]}
        item["get"].pop("security", None)
        out["paths"][BAG_BASE + p] = rewrite(item)
    done = set()
    while True:
        todo = [k for k in needed if k not in done]
        if not todo:
            break
        for kind, name in todo:
            done.add((kind, name))
            out["components"].setdefault(kind, {})["Bag" + name] = rewrite(bag["components"][kind][name])
    return json.dumps(out, indent=2, ensure_ascii=False, sort_keys=False, default=str) + "\n"


text = build()
if "--check" in sys.argv:
    if open(OUT, encoding="utf-8").read() != text:
        print("openapi/registry-proxy-haalcentraal.json differs from the official contracts; run tools/haalcentraal_spec.py", file=sys.stderr)
        sys.exit(1)
    print("haalcentraal spec matches the official contracts")
else:
    open(OUT, "w", encoding="utf-8").write(text)
    print(f"wrote {OUT} ({len(text)} bytes)")
