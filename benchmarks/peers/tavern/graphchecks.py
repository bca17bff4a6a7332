"""Checks Tavern has no built-in form for, called through `verify_response_with`.

* work_position / work_position_list: the response body matches microsoft.graph.workPosition as
  declared in cases/contract/workposition.csdl.xml (declared members typed, nullable, extra members
  and @odata annotations allowed: the runner's default shape policy).
* graph_error: the Graph error body (cases/contract/shapes.yaml graph.error).
* snapshot / unchanged: the runner's `snapshot:` and `unchanged: {from, except}` expectations
  (server-managed = /lastModifiedDateTime and /lastModifiedBy; annotations ignored).
* at: subset match at JSON pointers (the runner's `at:`).
Snapshots live in this module for the length of one pytest process (tests run sequentially).
"""
import re

ENUMS = {
    "allowedAudiences": {"me", "family", "contacts", "groupMembers", "organization", "federatedOrganizations",
                         "everyone", "unknownFutureValue"},
    "personRelationship": {"manager", "colleague", "directReport", "dotLineReport", "assistant", "dotLineManager",
                           "alternateContact", "friend", "spouse", "sibling", "child", "parent", "sponsor",
                           "emergencyContact", "other", "unknownFutureValue"},
    "physicalAddressType": {"unknown", "home", "business", "other"},
}
S, B, D, I32, DATE, DTO = "string", "bool", "double", "int32", "date", "dateTimeOffset"
IDENTITY = {"open": True, "props": {"displayName": S, "id": S}}
IDENTITY_SET = {"open": True, "props": {"application": IDENTITY, "device": IDENTITY, "user": IDENTITY}}
ADDRESS = {"props": {"city": S, "countryOrRegion": S, "postalCode": S, "postOfficeBox": S, "state": S, "street": S,
                     "type": ("enum", "physicalAddressType")}}
COMPANY = {"props": {"address": ADDRESS, "companyCode": S, "costCenter": S, "department": S, "displayName": S,
                     "division": S, "officeLocation": S, "pronunciation": S, "secondaryDepartment": S, "webUrl": S}}
DETAIL = {"props": {"company": COMPANY, "description": S, "employeeId": S, "employeeType": S, "endMonthYear": DATE,
                    "jobTitle": S, "layer": I32, "level": S, "role": S, "secondaryJobTitle": S, "secondaryRole": S,
                    "startMonthYear": DATE, "summary": S}}
PERSON = {"props": {"displayName": S, "relationship": ("enum", "personRelationship"), "userId": S,
                    "userPrincipalName": S}}
INFERENCE = {"props": {"confidenceScore": D, "userHasVerifiedAccuracy": B}}
WORK_POSITION = {"required": ["id"], "props": {
    "id": S, "allowedAudiences": ("flags", "allowedAudiences"), "createdBy": IDENTITY_SET, "createdDateTime": DTO,
    "inference": INFERENCE, "isSearchable": B, "lastModifiedBy": IDENTITY_SET, "lastModifiedDateTime": DTO,
    "source": {"props": {"type": S}},
    "sources": ("collection", {"props": {"isDefaultSource": B, "properties": ("collection", S), "sourceId": S}}),
    "categories": ("collection", S), "colleagues": ("collection", PERSON), "detail": DETAIL, "isCurrent": B,
    "manager": PERSON}}

DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
DTO_RE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$")


def _check(value, spec, path, problems):
    if value is None:
        return  # every member but id is nullable
    if isinstance(spec, dict):
        if not isinstance(value, dict):
            problems.append(f"{path}: expected an object")
            return
        for name in spec.get("required", []):
            if value.get(name) is None:
                problems.append(f"{path}/{name}: required")
        for name, member in value.items():
            if name.startswith("@") or "@" in name:
                continue
            if name in spec["props"]:
                _check(member, spec["props"][name], f"{path}/{name}", problems)
        return
    if isinstance(spec, tuple):
        kind, arg = spec
        if kind == "collection":
            if not isinstance(value, list):
                problems.append(f"{path}: expected an array")
                return
            for index, item in enumerate(value):
                _check(item, arg, f"{path}/{index}", problems)
        elif kind == "enum":
            if not isinstance(value, str) or value not in ENUMS[arg]:
                problems.append(f"{path}: not a {arg} member: {value!r}")
        elif kind == "flags":
            if not isinstance(value, str) or not all(part in ENUMS[arg] for part in value.split(",")):
                problems.append(f"{path}: not {arg} flags: {value!r}")
        return
    ok = {
        S: isinstance(value, str),
        B: isinstance(value, bool),
        D: isinstance(value, (int, float)) and not isinstance(value, bool),
        I32: isinstance(value, int) and not isinstance(value, bool) and -2**31 <= value < 2**31,
        DATE: isinstance(value, str) and bool(DATE_RE.match(value)),
        DTO: isinstance(value, str) and bool(DTO_RE.match(value)),
    }[spec]
    if not ok:
        problems.append(f"{path}: not {spec}: {value!r}")


def _fail(problems):
    if problems:
        raise AssertionError("; ".join(problems))


def work_position(response):
    problems = []
    _check(response.json(), WORK_POSITION, "", problems)
    _fail(problems)


def work_position_list(response):
    body = response.json()
    problems = []
    if not isinstance(body, dict) or not isinstance(body.get("value"), list):
        raise AssertionError("expected {value: [...]}")
    for index, item in enumerate(body["value"]):
        _check(item, WORK_POSITION, f"/value/{index}", problems)
    _fail(problems)


def graph_error(response):
    body = response.json()
    error = body.get("error") if isinstance(body, dict) else None
    if not isinstance(error, dict) or not isinstance(error.get("code"), str) or not isinstance(error.get("message"), str):
        raise AssertionError(f"not a Graph error body: {body!r}")


_snapshots = {}


def snapshot(response, name):
    _snapshots[name] = response.json()


def _strip(value, path, excluded):
    if any(path == e or path.startswith(e + "/") for e in excluded):
        return "<excluded>"
    if isinstance(value, dict):
        return {k: _strip(v, f"{path}/{k}", excluded) for k, v in value.items() if "@odata." not in k}
    return value


def unchanged(response, name, except_=()):
    excluded = []
    for item in except_:
        excluded += ["/lastModifiedDateTime", "/lastModifiedBy"] if item == "server-managed" else [item]
    before = _strip(_snapshots[name], "", excluded)
    after = _strip(response.json(), "", excluded)
    for key in set(before) | set(after):
        if before.get(key, "<absent>") != after.get(key, "<absent>"):
            raise AssertionError(f"/{key} changed: {before.get(key, '<absent>')!r} -> {after.get(key, '<absent>')!r}")


def _pointer(body, pointer):
    for token in pointer.strip("/").split("/"):
        body = body[int(token)] if isinstance(body, list) else body[token]
    return body


def _subset(expected, actual):
    if isinstance(expected, dict):
        return isinstance(actual, dict) and all(k in actual and _subset(v, actual[k]) for k, v in expected.items())
    return expected == actual


def at(response, values):
    body = response.json()
    for pointer, expected in values.items():
        actual = _pointer(body, pointer)
        if not _subset(expected, actual):
            raise AssertionError(f"{pointer}: expected {expected!r}, got {actual!r}")


def contains(response, pointer, item):
    if not any(_subset(item, element) for element in _pointer(response.json(), pointer)):
        raise AssertionError(f"{pointer}: no element matches {item!r}")


def not_contains(response, pointer, item):
    if any(_subset(item, element) for element in _pointer(response.json(), pointer)):
        raise AssertionError(f"{pointer}: an element matches {item!r}")


def empty_body(response):
    if response.content:
        raise AssertionError(f"expected no body, got {len(response.content)} bytes")
