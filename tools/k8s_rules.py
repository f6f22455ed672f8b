"""What the Kubernetes schema does not check but a Haven deployment needs: every resource a
kustomization names exists and every manifest is named by one; each Deployment runs two
replicas as a fixed non-root user on a read-only root filesystem, without privileges or
capabilities, with RuntimeDefault seccomp, readiness and liveness probes on the health
endpoints, resources, Prometheus annotations and a PodDisruptionBudget."""

import pathlib
import sys

import yaml

root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "docker/k8s")
problems = []
named = set()
for k in sorted(root.rglob("kustomization.yaml")):
    doc = yaml.safe_load(k.read_text())
    for r in doc.get("resources", []):
        target = (k.parent / r).resolve()
        if target.is_dir():
            if not (target / "kustomization.yaml").exists():
                problems.append(f"{k}: {r} has no kustomization.yaml")
        elif not target.exists():
            problems.append(f"{k}: {r} does not exist")
        else:
            named.add(target)

docs = {}
for f in sorted(root.rglob("*.yaml")):
    if f.name == "kustomization.yaml":
        continue
    if f.resolve() not in named:
        problems.append(f"{f}: no kustomization names it")
    docs[f] = yaml.safe_load(f.read_text())

budgets = {
    d["spec"]["selector"]["matchLabels"]["app.kubernetes.io/name"]
    for d in docs.values()
    if d.get("kind") == "PodDisruptionBudget"
}
deployments = 0
for f, d in docs.items():
    if d.get("kind") != "Deployment":
        continue
    deployments += 1
    name = d["metadata"]["name"]
    spec = d["spec"]
    pod = spec["template"]["spec"]
    psc = pod.get("securityContext", {})

    def need(ok, what):
        if not ok:
            problems.append(f"{f}: {what}")

    need(spec.get("replicas", 1) >= 2, "at least 2 replicas")
    need(name in budgets, "a PodDisruptionBudget")
    need(psc.get("runAsNonRoot") is True and psc.get("runAsUser", 0) > 0, "runAsNonRoot with a numeric user")
    need(psc.get("seccompProfile", {}).get("type") == "RuntimeDefault", "seccomp RuntimeDefault")
    annotations = spec["template"]["metadata"].get("annotations", {})
    need(annotations.get("prometheus.io/scrape") == "true", "Prometheus scrape annotation")
    for c in pod["containers"]:
        sc = c.get("securityContext", {})
        need(sc.get("allowPrivilegeEscalation") is False, f"{c['name']}: no privilege escalation")
        need(sc.get("readOnlyRootFilesystem") is True, f"{c['name']}: read-only root filesystem")
        need(sc.get("capabilities", {}).get("drop") == ["ALL"], f"{c['name']}: drops ALL capabilities")
        need(c.get("readinessProbe", {}).get("httpGet", {}).get("path") == "/health/ready", f"{c['name']}: readiness on /health/ready")
        need(c.get("livenessProbe", {}).get("httpGet", {}).get("path") == "/health/live", f"{c['name']}: liveness on /health/live")
        need("limits" in c.get("resources", {}) and "requests" in c.get("resources", {}), f"{c['name']}: requests and limits")
        secret_refs = [e for e in c.get("env", []) if "secretKeyRef" in e.get("valueFrom", {})]
        need(any(e["name"] == "DATABASE_URL" for e in secret_refs), f"{c['name']}: DATABASE_URL from a Secret")

if deployments < 4:
    problems.append(f"{root}: {deployments} Deployments, expected one per component (4)")
if problems:
    print("k8s rules:\n  " + "\n  ".join(problems), file=sys.stderr)
    sys.exit(1)
print(f"k8s rules: {deployments} Deployments meet them")
