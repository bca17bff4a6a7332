"""Unsigned test JWTs (alg: none, empty signature) with the claims the embedded mock checks.

The same claims graph-conformance's TokenMinter puts in (aud, iss, iat/nbf/exp, tid, oid, upn, scp ...)
for the readWrite principal of cases/targets/embedded.yaml. Usable as a script: prints one token.
"""
import base64
import json
import sys
import time

TENANT = "7c3a1f6e-0b2d-4e5f-8a9b-0c1d2e3f4a5b"
ADELE = {"id": "8b0c6f3e-2d4a-4c1e-9f7a-1a2b3c4d5e6f", "upn": "AdeleV@contoso.example", "name": "Adele Vance"}


def _b64(data: dict) -> str:
    raw = json.dumps(data, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def mint(user=ADELE, scp="User.ReadWrite", now=None) -> str:
    now = int(now or time.time())
    claims = {
        "aud": "https://graph.microsoft.com", "iss": f"https://sts.windows.net/{TENANT}/",
        "iat": now, "nbf": now - 60, "exp": now + 3600, "ver": "1.0", "tid": TENANT,
        "appid": "b6e5d4c3-a2b1-4c0d-9e8f-7a6b5c4d3e2f",
        "xms_gc_test": "graph-conformance test token, not valid for Microsoft Graph",
        "oid": user["id"], "sub": user["id"], "upn": user["upn"], "unique_name": user["upn"],
        "name": user["name"], "scp": scp, "idtyp": "user",
    }
    return _b64({"alg": "none", "typ": "JWT"}) + "." + _b64(claims) + "."


if __name__ == "__main__":
    print(mint())
