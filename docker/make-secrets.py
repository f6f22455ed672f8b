#!/usr/bin/env python3
"""Makes the secrets of the compose setup, once: docker/clients.toml (the demo clients of
config/demo-clients.toml, each with a new random secret) and docker/.env (the audit key and the
secrets the components sign their own tokens with, taken from that file). Both stay out of git;
no secret in the repository is ever accepted by the components.

    python3 docker/make-secrets.py        # then: docker compose -f docker/compose.yaml up
"""
import pathlib
import re
import secrets
import sys

here = pathlib.Path(__file__).resolve().parent
clients_file, env_file = here / "clients.toml", here / ".env"
if clients_file.exists() or env_file.exists():
    sys.exit(f"{clients_file} or {env_file} exists already; remove both to make new secrets")

template = (here.parent / "config" / "demo-clients.toml").read_text()
found = {}


def with_secret(match):
    secret = secrets.token_hex(32)
    found[match.group(2)] = secret
    return f'{match.group(1)}\nsecret = "{secret}"'


clients = re.sub(r'^(client_id = "([^"]+)")$', with_secret, template, flags=re.M)
for path, text in [
    (clients_file, clients),
    (
        env_file,
        f"GRONDWERK_AUDIT_KEYS=compose-1={secrets.token_hex(32)}\n"
        f"GRONDWERK_CATALOG_SECRET={found['grondwerk']}\n"
        f"HOLIDAY_RENTAL_PROXY_SECRET={found['holiday-rental']}\n"
        f"HOUSEHOLD_BUDGET_PROXY_SECRET={found['household-budget']}\n",
    ),
]:
    path.touch(mode=0o600)
    path.write_text(text)
    print(f"wrote {path}")
