"""Tavern peer of 20 graph-conformance catalogue cases.

Inputs (environment): GRAPH_BASE_URL (required, e.g. http://127.0.0.1:PORT/beta; only 127.0.0.1 is
accepted) and optionally GRAPH_TOKEN (otherwise an unsigned test token is minted here, as the
runner's --mint-tokens does). Test files read them as {tavern.env_vars.GRAPH_BASE_URL} and
{tavern.env_vars.GRAPH_TOKEN}.
"""
import os
import sys
import urllib.parse

sys.path.insert(0, os.path.dirname(__file__))

from mint import mint  # noqa: E402

base = os.environ.get("GRAPH_BASE_URL", "")
host = urllib.parse.urlsplit(base).hostname
if host != "127.0.0.1":
    raise SystemExit(f"GRAPH_BASE_URL must point at 127.0.0.1 (got {base!r})")
os.environ.setdefault("GRAPH_TOKEN", mint())
os.environ.setdefault("GRAPH_RUN_ID", "tavern-peer")
