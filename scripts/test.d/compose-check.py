#!/usr/bin/env python3
"""Reads docker-compose.yml with PyYAML (there is no Docker engine here to ask) and checks what docs/scaling.md
promises of it: nginx in front of two nafidha replicas, a PostgreSQL primary and a streaming replica, each with a
health check (the replicas' comes from the image's HEALTHCHECK), and every file it mounts or builds from present.

  compose-check.py docker-compose.yml
"""
import os
import sys

import yaml

path = sys.argv[1]
root = os.path.dirname(os.path.abspath(path))
with open(path, encoding="utf-8") as f:
    compose = yaml.safe_load(f)
services = compose.get("services", {})
problems = []
for name in ("nginx", "app-1", "app-2", "db-primary", "db-replica"):
    if name not in services:
        problems.append(f"no service {name}")
for name, service in services.items():
    if name.startswith("app-"):
        if "DATABASE_URL" not in service.get("environment", {}):
            problems.append(f"{name} has no DATABASE_URL")
        if not os.path.isfile(os.path.join(root, "Dockerfile")):
            problems.append("no Dockerfile for the replicas")
    elif "healthcheck" not in service:
        problems.append(f"{name} has no health check")
    build = service.get("build")
    if isinstance(build, str) and not os.path.isfile(os.path.join(root, build, "Dockerfile")):
        problems.append(f"{name} builds from {build}, which has no Dockerfile")
    for volume in service.get("volumes", []):
        source = volume.split(":")[0]
        if source.startswith("./") and not os.path.exists(os.path.join(root, source)):
            problems.append(f"{name} mounts {source}, which does not exist")
upstreams = {services.get("nginx", {}).get("environment", {}).get(k) for k in ("NAFIDHA_UPSTREAM_A", "NAFIDHA_UPSTREAM_B")}
if upstreams != {"app-1:8080", "app-2:8080"}:
    problems.append(f"nginx's upstreams are {upstreams}, not the two replicas")
if problems:
    print(f"Error: {path}: " + "; ".join(problems), file=sys.stderr)
    sys.exit(1)
