#!/usr/bin/env bash
# Checks the deployment files with what runs without a container engine: the compose file with
# `docker compose config` (or docker-compose), every Kubernetes manifest with
# `kubernetes-validate --strict` (PyPI), and tools/k8s_rules.py for what the schema cannot
# say (each kustomization's resources exist; non-root, read-only, no privileges, probes,
# two replicas, a disruption budget). Installs the two tools when missing and it may.
set -euo pipefail
cd "$(dirname "$0")/.."
if docker compose version >/dev/null 2>&1; then
  compose=(docker compose)
elif command -v docker-compose >/dev/null; then
  compose=(docker-compose)
elif [ "$(id -u)" = 0 ]; then
  apt-get update -qq && apt-get install -y -qq docker-compose >/dev/null
  compose=(docker-compose)
else
  echo "deploy-check: docker compose is needed (apt-get install docker-compose)" >&2
  exit 1
fi
# the secrets come from docker/make-secrets.py on the user's machine; the check only needs the
# variables to be set
GRONDWERK_AUDIT_KEYS=x GRONDWERK_CATALOG_SECRET=x HOLIDAY_RENTAL_PROXY_SECRET=x HOUSEHOLD_BUDGET_PROXY_SECRET=x \
  "${compose[@]}" -f docker/compose.yaml config -q
echo "deploy-check: docker/compose.yaml is valid"
command -v kubernetes-validate >/dev/null || pip install -q kubernetes-validate
mapfile -t manifests < <(find docker/k8s -name '*.yaml' ! -name kustomization.yaml | sort)
kubernetes-validate --strict --quiet "${manifests[@]}"
echo "deploy-check: ${#manifests[@]} Kubernetes manifests valid (strict)"
python3 tools/k8s_rules.py docker/k8s
