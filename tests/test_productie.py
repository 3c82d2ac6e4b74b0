"""The production files: the Dockerfile passes hadolint and the Kubernetes manifests pass kubernetes-validate
(offline schemas, strict); what they promise (non-root, health checks, affinity, sizes) is checked as data."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
K8S = ROOT / "deploy" / "k8s"
BIN = Path(sys.executable).parent


def _tool(naam: str) -> str:
    pad = BIN / naam
    if pad.exists():
        return str(pad)
    gevonden = shutil.which(naam)
    if gevonden is None:
        pytest.fail(f"{naam} ontbreekt: installeer requirements-dev.txt (make test doet dat)")
    return gevonden


def _manifesten() -> list[Path]:
    # the CloudNativePG example needs its operator's CRD: not a core resource, not validated here
    return [*sorted(K8S.glob("*.yaml")), K8S / "voorbeeld" / "secret.yaml"]


def test_kubernetes_manifests_are_valid():
    uit = subprocess.run([_tool("kubernetes-validate"), "--strict", "--quiet", *map(str, _manifesten())],
                         capture_output=True, text=True, timeout=120)  # fmt: skip
    assert uit.returncode == 0, uit.stdout + uit.stderr


def test_dockerfile_passes_hadolint():
    uit = subprocess.run([_tool("hadolint"), str(ROOT / "Dockerfile")], capture_output=True, text=True, timeout=60)
    assert uit.returncode == 0, uit.stdout + uit.stderr


def test_the_image_runs_as_an_ordinary_user_with_a_health_check_and_the_app_inside():
    tekst = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    assert re.search(r"^USER 10001$", tekst, re.M)
    assert "HEALTHCHECK" in tekst and "/_stcore/health" in tekst
    assert "pip install --no-cache-dir -r requirements.txt" in tekst  # the same pins as `make run`
    gekopieerd = set(re.findall(r"^COPY (\S+?)/? ", tekst, re.M))
    for nodig in ("app_pages", "ui", "reb_maps", "data", "assets"):
        assert nodig in gekopieerd, nodig
    assert "tests/" in (ROOT / ".dockerignore").read_text() and ".streamlit/secrets.toml" in (
        ROOT / ".dockerignore"
    ).read_text()


def test_the_deployment_is_probed_sized_and_reads_its_secrets():
    deployment = yaml.safe_load((K8S / "deployment.yaml").read_text())
    pod = deployment["spec"]["template"]["spec"]
    (container,) = pod["containers"]
    assert pod["securityContext"]["runAsNonRoot"] is True
    for probe in ("readinessProbe", "livenessProbe"):
        assert container[probe]["httpGet"]["path"] == "/_stcore/health"
    assert container["resources"]["requests"]["memory"] and container["resources"]["limits"]["memory"]
    assert container["env"][0]["name"] == "REB_WERKRUIMTE" and "secretKeyRef" in container["env"][0]["valueFrom"]
    ingress = yaml.safe_load((K8S / "ingress.yaml").read_text())
    notities = ingress["metadata"]["annotations"]
    assert notities["nginx.ingress.kubernetes.io/affinity"] == "cookie"  # one session, one replica
    assert int(notities["nginx.ingress.kubernetes.io/proxy-read-timeout"]) >= 3600  # the websocket stays open
    assert notities["nginx.ingress.kubernetes.io/proxy-body-size"] == "200m"  # = MAX_UPLOAD_MB
