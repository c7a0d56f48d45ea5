#!/usr/bin/env python3
"""Checks what schema validation cannot: that the deploy files agree with each other and with
the server. Called by deploy/check.sh:

    check_manifests.py --server-env ENV_NAMES RENDERED.yaml...

RENDERED.yaml are `kubectl kustomize` outputs (base and overlays); ENV_NAMES is a file with
the SITREP_* variables `sitrep-server --help` lists. Also reads deploy/compose.yaml and the
two collector configs. Prints one line per problem and exits 1 if there is any.
"""

import argparse
import re
import sys
from pathlib import Path

import yaml

DEPLOY = Path(__file__).resolve().parent
problems = []


def problem(where, message):
    problems.append(f"{where}: {message}")


def duration_seconds(value):
    """`25s`, `500ms`, `2m` or a bare number of seconds, as sitrep-server parses them."""
    match = re.fullmatch(r"(\d+)(ms|s|m)?", str(value))
    if not match:
        raise ValueError(f"{value!r} is not a duration")
    number, unit = int(match.group(1)), match.group(2) or "s"
    return number / 1000 if unit == "ms" else number * 60 if unit == "m" else number


def check_env_names(where, names, server_env):
    for name in names:
        if name.startswith("SITREP_") and name not in server_env:
            problem(where, f"{name} is not a variable sitrep-server reads ({', '.join(sorted(server_env))})")


def check_deployment(where, deployment, configmaps):
    spec = deployment["spec"]
    pod = spec["template"]["spec"]
    pod_labels = spec["template"]["metadata"]["labels"]
    if any(pod_labels.get(k) != v for k, v in spec["selector"]["matchLabels"].items()):
        problem(where, "the selector does not match the pod labels")
    pod_security = pod.get("securityContext", {})
    if pod_security.get("runAsNonRoot") is not True:
        problem(where, "pod securityContext.runAsNonRoot is not true")
    if pod_security.get("seccompProfile", {}).get("type") != "RuntimeDefault":
        problem(where, "pod seccompProfile is not RuntimeDefault")
    if pod.get("automountServiceAccountToken") is not False:
        problem(where, "the service account token is mounted")
    (container,) = pod["containers"]
    ports = {p["name"]: p["containerPort"] for p in container.get("ports", [])}
    if "grpc" not in ports:
        problem(where, "no container port named grpc")
    env = container.get("env", [])
    values = {e["name"]: e.get("value") for e in env}

    listen = values.get("SITREP_LISTEN", "0.0.0.0:50051")
    if int(listen.rsplit(":", 1)[1]) != ports.get("grpc"):
        problem(where, f"SITREP_LISTEN {listen} is not on the grpc containerPort {ports.get('grpc')}")
    metrics = values.get("SITREP_METRICS_ADDR")
    if metrics and int(metrics.rsplit(":", 1)[1]) != ports.get("metrics"):
        problem(where, f"SITREP_METRICS_ADDR {metrics} is not on the metrics containerPort {ports.get('metrics')}")

    for probe_name in ("readinessProbe", "livenessProbe"):
        probe = container.get(probe_name)
        if not probe or "grpc" not in probe:
            problem(where, f"{probe_name} is not a native grpc probe")
        elif probe["grpc"]["port"] != ports.get("grpc"):
            problem(where, f"{probe_name} checks port {probe['grpc']['port']}, the server listens on {ports.get('grpc')}")

    # Dependent variables $(NAME) only expand when NAME is defined earlier in the list.
    seen = set()
    for e in env:
        for ref in re.findall(r"\$\(([A-Za-z_][A-Za-z0-9_]*)\)", e.get("value") or ""):
            if ref not in seen:
                problem(where, f"env {e['name']} uses $({ref}) before it is defined")
        seen.add(e["name"])
    for name in ("OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_SERVICE_NAME", "OTEL_RESOURCE_ATTRIBUTES"):
        if name not in values:
            problem(where, f"no {name} in the environment")

    grace = duration_seconds(values.get("SITREP_SHUTDOWN_GRACE", "30s"))
    pre_stop = container.get("lifecycle", {}).get("preStop", {}).get("sleep", {}).get("seconds", 0)
    termination = pod.get("terminationGracePeriodSeconds", 30)
    if termination <= grace + pre_stop:
        problem(where, f"terminationGracePeriodSeconds {termination} is not above preStop {pre_stop} s "
                       f"+ shutdown grace {grace} s")

    security = container.get("securityContext", {})
    wanted = {"readOnlyRootFilesystem": True, "allowPrivilegeEscalation": False, "runAsNonRoot": True}
    for key, value in wanted.items():
        if security.get(key) is not value:
            problem(where, f"container securityContext.{key} is not {value}")
    if security.get("capabilities", {}).get("drop") != ["ALL"]:
        problem(where, "container capabilities do not drop ALL")
    for kind in ("requests", "limits"):
        for resource in ("cpu", "memory"):
            if resource not in container.get("resources", {}).get(kind, {}):
                problem(where, f"no resources.{kind}.{resource}")

    lexicon_dir = values.get("SITREP_LEXICONS")
    volumes = {v["name"]: v for v in pod.get("volumes", [])}
    for mount in container.get("volumeMounts", []):
        volume = volumes.get(mount["name"], {})
        if "configMap" not in volume:
            continue
        data = configmaps.get(volume["configMap"]["name"])
        if data is None:
            problem(where, f"volume {mount['name']} names ConfigMap {volume['configMap']['name']}, which is not rendered")
            continue
        if lexicon_dir and mount["mountPath"].startswith(lexicon_dir.rstrip("/") + "/"):
            key = mount.get("subPath")
            if key not in data:
                problem(where, f"mount {mount['mountPath']} takes subPath {key!r}, not a key of the ConfigMap")
            elif not mount["mountPath"].endswith(".tsv"):
                problem(where, f"mount {mount['mountPath']}: the lexicon loader reads only *.tsv")
        elif mount["mountPath"].rstrip("/") == (lexicon_dir or "").rstrip("/"):
            problem(where, "the whole ConfigMap is mounted on the lexicon directory; the loader would "
                           "also read the kubelet's ..data entries (mount each file with subPath)")
    for key, text in (configmaps.get(volumes.get("lexicons", {}).get("configMap", {}).get("name"), {}) or {}).items():
        check_lexicon(f"{where} ConfigMap key {key}", text)
    return values.keys()


def check_lexicon(where, text):
    header = {}
    for line in text.splitlines():
        if not line.strip():
            continue
        if not line.startswith("#"):
            break
        match = re.match(r"#\s*(table|source|licence|license|columns):\s*(.*)", line)
        if match:
            header.setdefault(match.group(1).replace("license", "licence"), match.group(2))
    for key in ("table", "source", "licence", "columns"):
        if key not in header:
            problem(where, f"no '# {key}:' header line")


def check_rendered(path, server_env):
    docs = [d for d in yaml.safe_load_all(path.read_text()) if d]
    kinds = {}
    for d in docs:
        kinds.setdefault(d["kind"], []).append(d)
    configmaps = {c["metadata"]["name"]: c.get("data", {}) for c in kinds.get("ConfigMap", [])}
    (deployment,) = kinds.get("Deployment", [None])
    if deployment is None:
        problem(path.name, "no Deployment")
        return
    names = check_deployment(f"{path.name} Deployment", deployment, configmaps)
    check_env_names(f"{path.name} Deployment", names, server_env)
    pod_labels = deployment["spec"]["template"]["metadata"]["labels"]

    services = kinds.get("Service", [])
    if not any(s["spec"].get("clusterIP") == "None" for s in services):
        problem(path.name, "no headless Service (clusterIP: None)")
    if not any(s["spec"].get("clusterIP") != "None" for s in services):
        problem(path.name, "no ClusterIP Service")
    for s in services:
        if any(pod_labels.get(k) != v for k, v in s["spec"]["selector"].items()):
            problem(path.name, f"Service {s['metadata']['name']} selects no pod of the Deployment")
        for port in s["spec"]["ports"]:
            # The metrics port serves Prometheus text over HTTP/1.1; every other port is gRPC.
            wanted = "http" if port["name"] == "metrics" else "grpc"
            if port.get("appProtocol") != wanted:
                problem(path.name, f"Service {s['metadata']['name']} port {port['name']} lacks appProtocol: {wanted}")

    (hpa,) = kinds.get("HorizontalPodAutoscaler", [None])
    if hpa is None:
        problem(path.name, "no HorizontalPodAutoscaler")
    else:
        if hpa["apiVersion"] != "autoscaling/v2":
            problem(path.name, "the HPA is not autoscaling/v2")
        if hpa["spec"]["scaleTargetRef"]["name"] != deployment["metadata"]["name"]:
            problem(path.name, "the HPA scales another Deployment")
        if not any(m.get("resource", {}).get("name") == "cpu" for m in hpa["spec"]["metrics"]):
            problem(path.name, "the HPA does not scale on CPU")
        if not hpa["spec"].get("minReplicas", 1) <= deployment["spec"].get("replicas", 1) <= hpa["spec"]["maxReplicas"]:
            problem(path.name, "Deployment replicas are outside the HPA bounds")

    (pdb,) = kinds.get("PodDisruptionBudget", [None])
    if pdb is None:
        problem(path.name, "no PodDisruptionBudget")
    elif any(pod_labels.get(k) != v for k, v in pdb["spec"]["selector"]["matchLabels"].items()):
        problem(path.name, "the PodDisruptionBudget selects no pod of the Deployment")


def check_collector(path):
    config = yaml.safe_load(path.read_text())
    for name, pipeline in config["service"]["pipelines"].items():
        for part in ("receivers", "processors", "exporters"):
            for component in pipeline.get(part, []):
                if component not in (config.get(part) or {}):
                    problem(path.name, f"pipeline {name} uses {part[:-1]} {component}, which is not defined")
    receivers = config.get("receivers", {})
    if "grpc" not in receivers.get("otlp", {}).get("protocols", {}):
        problem(path.name, "no OTLP/gRPC receiver")


def check_compose(path, server_env):
    compose = yaml.safe_load(path.read_text())
    services = compose["services"]
    for name in ("sitrep", "otel-collector"):
        if name not in services:
            problem(path.name, f"no service {name}")
    sitrep = services.get("sitrep", {})
    check_env_names(f"{path.name} sitrep", sitrep.get("environment", {}).keys(), server_env)
    for volume in [v for s in services.values() for v in s.get("volumes", [])]:
        source = volume.split(":")[0]
        if source.startswith(".") and not (path.parent / source).exists():
            problem(path.name, f"volume source {source} does not exist")
    endpoint = sitrep.get("environment", {}).get("OTEL_EXPORTER_OTLP_ENDPOINT", "")
    if "otel-collector" not in endpoint:
        problem(path.name, "sitrep does not export to the otel-collector service")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--server-env", type=Path, required=True)
    parser.add_argument("rendered", type=Path, nargs="+")
    args = parser.parse_args()
    server_env = set(args.server_env.read_text().split())
    if not server_env:
        problem(str(args.server_env), "lists no SITREP_* variable")
    for path in args.rendered:
        check_rendered(path, server_env)
    check_compose(DEPLOY / "compose.yaml", server_env)
    for name in ("otel-collector.yaml", "otel-collector.laptop.yaml"):
        check_collector(DEPLOY / name)
    check_lexicon("deploy/k8s/base/lexicons/desk.tsv", (DEPLOY / "k8s/base/lexicons/desk.tsv").read_text())
    for line in problems:
        print(line)
    if problems:
        return 1
    print(f"ok: {len(args.rendered)} rendered manifests, compose.yaml and the collector configs agree with each other and with sitrep-server")
    return 0


if __name__ == "__main__":
    sys.exit(main())
