#!/usr/bin/env python3
"""Drives `graph-conformance serve` with the official Microsoft Graph beta SDK for Python.

Proves that an application built on `msgraph-beta-sdk` can use the mock in place of Graph:
create a workPosition, PATCH it via /me and via /users/{upn}, read it back, list, delete.
Any SDK error (ODataError, transport, deserialisation) or a wrong value fails the script.

    python3 Tests/Interop/msgraph_sdk_drive.py http://127.0.0.1:PORT/beta

The token is minted here the way the suite mints it (an unsigned `alg: none` JWT with the
claims of cases/targets/embedded.yaml's `readWrite` principal, reference §7); the mock accepts
it, a live Graph never would. It is never printed.
"""

import asyncio
import base64
import datetime
import json
import sys
import time
import urllib.parse
import uuid

from kiota_abstractions.authentication import (AccessTokenProvider, AllowedHostsValidator,
                                               BaseBearerTokenAuthenticationProvider)
from msgraph_beta import GraphRequestAdapter, GraphServiceClient
from msgraph_beta.generated.models.allowed_audiences import AllowedAudiences
from msgraph_beta.generated.models.o_data_errors.o_data_error import ODataError
from msgraph_beta.generated.models.position_detail import PositionDetail
from msgraph_beta.generated.models.work_position import WorkPosition

# Adele, the `readWrite` principal of cases/targets/embedded.yaml.
USER_ID = "8b0c6f3e-2d4a-4c1e-9f7a-1a2b3c4d5e6f"
USER_UPN = "AdeleV@contoso.example"
TENANT_ID = "7c3a1f6e-0b2d-4e5f-8a9b-0c1d2e3f4a5b"


def _segment(value: dict) -> str:
    raw = json.dumps(value, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def mint_token() -> str:
    """Unsigned test JWT (RFC 7519 §6.1) with a Graph access token's claims."""
    now = int(time.time())
    claims = {
        "aud": "https://graph.microsoft.com", "iss": f"https://sts.windows.net/{TENANT_ID}/",
        "iat": now, "nbf": now - 60, "exp": now + 3600, "ver": "1.0", "tid": TENANT_ID,
        "appid": "b6e5d4c3-a2b1-4c0d-9e8f-7a6b5c4d3e2f",
        "xms_gc_test": "graph-conformance test token, not valid for Microsoft Graph",
        "oid": USER_ID, "sub": USER_ID, "upn": USER_UPN, "unique_name": USER_UPN,
        "name": "Adele Vance", "scp": "User.ReadWrite", "idtyp": "user",
    }
    return _segment({"alg": "none", "typ": "JWT"}) + "." + _segment(claims) + "."


class MintedTokenProvider(AccessTokenProvider):
    """Hands the SDK our minted token, and only for the mock's host."""

    def __init__(self, token: str, host: str) -> None:
        self._token = token
        self._validator = AllowedHostsValidator([host])

    async def get_authorization_token(self, uri: str, additional_authentication_context=None) -> str:
        return self._token if self._validator.is_url_host_valid(uri) else ""

    def get_allowed_hosts_validator(self) -> AllowedHostsValidator:
        return self._validator


def expect(condition: bool, what: str) -> None:
    if not condition:
        raise AssertionError(what)


async def drive(base_url: str) -> list[str]:
    host = urllib.parse.urlparse(base_url).hostname or ""
    auth = BaseBearerTokenAuthenticationProvider(MintedTokenProvider(mint_token(), host))
    adapter = GraphRequestAdapter(auth)
    adapter.base_url = base_url
    client = GraphServiceClient(request_adapter=adapter)
    # /me is a method in some SDK releases and a property in others.
    me = client.me() if callable(client.me) else client.me
    done: list[str] = []
    marker = f"graph-conformance sdk-interop {uuid.uuid4()}"

    created = await me.profile.positions.post(WorkPosition(
        allowed_audiences=AllowedAudiences.Organization, is_current=True, categories=["sdk-a"],
        detail=PositionDetail(job_title="Staff Engineer", description=marker,
                              start_month_year=datetime.date(2019, 4, 1))))
    expect(created is not None and created.id, "create returned no id")
    position_id = created.id
    done.append("create via /me")
    me_item = me.profile.positions.by_work_position_id(position_id)
    upn_item = client.users.by_user_id(USER_UPN).profile.positions.by_work_position_id(position_id)
    try:
        patched = await me_item.patch(WorkPosition(is_current=False))
        expect(patched is None or patched.is_current is False, "PATCH via /me did not echo isCurrent=false")
        done.append("PATCH via /me")

        patched = await upn_item.patch(WorkPosition(categories=["sdk-b"]))
        expect(patched is None or patched.categories == ["sdk-b"], "PATCH via /users/{upn} did not echo categories")
        done.append("PATCH via /users/{upn}")

        read = await me_item.get()
        expect(read.is_current is False, f"read-back isCurrent {read.is_current!r}, expected False")
        expect(read.categories == ["sdk-b"], f"read-back categories {read.categories!r}")
        expect(read.detail is not None and read.detail.job_title == "Staff Engineer", "PATCH lost detail.jobTitle")
        expect(read.detail.start_month_year == datetime.date(2019, 4, 1), "startMonthYear did not survive")
        done.append("get")

        listed = await me.profile.positions.get()
        expect(listed is not None and any(item.id == position_id for item in listed.value or []),
               "the new position is not in the list")
        done.append("list")
    finally:
        await me_item.delete()
    done.append("delete")
    try:
        await me_item.get()
        raise AssertionError("the position is still there after DELETE")
    except ODataError as error:
        expect(error.response_status_code == 404, f"GET after DELETE answered {error.response_status_code}, expected 404")
    done.append("gone after delete (404)")
    return done


def main() -> int:
    if len(sys.argv) != 2:
        print("usage: msgraph_sdk_drive.py BASE_URL   (e.g. http://127.0.0.1:8080/beta)", file=sys.stderr)
        return 2
    try:
        steps = asyncio.run(drive(sys.argv[1].rstrip("/")))
    except Exception as error:  # the SDK's own errors and ours: one line, no traceback noise
        detail = getattr(error, "error", None)
        message = getattr(detail, "message", None) or str(error) or type(error).__name__
        status = getattr(error, "response_status_code", None)
        print(f"msgraph-beta-sdk interop FAILED: {type(error).__name__}" + (f" {status}" if status else "") + f": {message}",
              file=sys.stderr)
        return 1
    for step in steps:
        print(f"ok  {step}")
    print(f"msgraph-beta-sdk interop: {len(steps)} steps ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
