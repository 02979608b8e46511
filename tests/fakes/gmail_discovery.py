"""Check requests against a Google discovery document, as the real front end would reject them.

`DiscoveryValidator(doc)` matches a request's method and path to one of the document's methods, then
checks every query parameter (known to the method or global, right type, enum value, repeated only
where allowed, required ones present) and the JSON body against the request schema (known properties,
right types). A problem is a `Violation`; the fake answers it with 400 and records it so that the test
fails. The pattern (load the service description, match the route, check names and types) is the one a
Graph fake can follow with its own metadata.

The documents are the ones google-api-python-client ships (`googleapiclient/discovery_cache/documents`),
so the fake and the client agree on the API revision the provider was written against.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
import urllib.parse
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import googleapiclient

DOCUMENTS = Path(googleapiclient.__file__).parent / "discovery_cache" / "documents"


class Violation(ValueError):
    """A request the real service would refuse (or that the provider should never make)."""


@dataclass
class Route:
    method_id: str  # e.g. "gmail.users.messages.get"
    spec: dict[str, Any]
    regex: re.Pattern[str]
    names: list[str]
    literal_length: int


@dataclass
class Checked:
    method_id: str
    path_params: dict[str, str]
    query: dict[str, list[str]]
    body: Any = None
    notes: list[str] = field(default_factory=list)


def load_document(name: str) -> dict[str, Any]:
    """`name` like "gmail.v1" or "calendar.v3"."""
    return json.loads((DOCUMENTS / f"{name}.json").read_text(encoding="utf-8"))


class DiscoveryValidator:
    def __init__(self, doc: dict[str, Any]):
        self.doc = doc
        self.schemas: dict[str, Any] = doc.get("schemas", {})
        self.global_params: dict[str, Any] = doc.get("parameters", {})
        self.prefix = "/" + doc.get("servicePath", "").lstrip("/")
        self.routes: dict[str, list[Route]] = {}
        self.scopes: dict[str, list[str]] = {}  # method id -> the OAuth scopes any one of which allows it
        self._collect(doc)

    def _collect(self, node: dict[str, Any]) -> None:
        for spec in node.get("methods", {}).values():
            template = self.prefix + (spec.get("flatPath") or spec["path"])
            pattern, names, literal = _compile(template)
            self.routes.setdefault(spec["httpMethod"], []).append(
                Route(spec["id"], spec, pattern, names, literal))
            self.scopes[spec["id"]] = list(spec.get("scopes", ()))
        for child in node.get("resources", {}).values():
            self._collect(child)

    # -- entry point ---------------------------------------------------------------------------------

    def check(self, method: str, raw_path: str, raw_query: str, body: bytes | None) -> Checked:
        """Raise Violation naming the problem, else return the method id and decoded parameters."""
        route, path_params = self._route(method, raw_path)
        query = urllib.parse.parse_qs(raw_query, keep_blank_values=True)
        params = route.spec.get("parameters", {})
        for name, values in query.items():
            spec = params.get(name) or self.global_params.get(name)
            if spec is None or spec.get("location", "query") != "query":
                raise Violation(f"{route.method_id}: unknown query parameter {name!r}")
            if len(values) > 1 and not spec.get("repeated"):
                raise Violation(f"{route.method_id}: parameter {name!r} given {len(values)} times but is not repeated")
            for value in values:
                _check_value(route.method_id, name, value, spec)
        for name, spec in params.items():
            if spec.get("required") and spec.get("location") == "query" and name not in query:
                raise Violation(f"{route.method_id}: required parameter {name!r} missing")
        for name, value in path_params.items():
            _check_value(route.method_id, name, value, params.get(name, {"type": "string"}))
        parsed_body = None
        request_schema = route.spec.get("request")
        if body:
            if request_schema is None:
                raise Violation(f"{route.method_id}: takes no request body")
            try:
                parsed_body = json.loads(body)
            except ValueError as exc:
                raise Violation(f"{route.method_id}: body is not JSON: {exc}") from exc
            self._check_schema(route.method_id, "body", parsed_body, request_schema)
        elif request_schema is not None and method in ("POST", "PUT", "PATCH"):
            raise Violation(f"{route.method_id}: request body missing")
        return Checked(route.method_id, path_params, query, parsed_body)

    def _route(self, method: str, raw_path: str) -> tuple[Route, dict[str, str]]:
        path = raw_path.split("?", 1)[0]
        best: tuple[Route, dict[str, str]] | None = None
        for route in self.routes.get(method, []):
            match = route.regex.fullmatch(path)
            if match and (best is None or route.literal_length > best[0].literal_length):
                best = (route, {n: urllib.parse.unquote(v) for n, v in zip(route.names, match.groups(), strict=True)})
        if best is None:
            raise Violation(f"no method of the API answers {method} {path}")
        return best

    # -- schemas -------------------------------------------------------------------------------------

    def _check_schema(self, where: str, at: str, value: Any, schema: dict[str, Any]) -> None:
        if "$ref" in schema:
            schema = self.schemas[schema["$ref"]]
        kind = schema.get("type")
        if kind == "object" or "properties" in schema:
            if not isinstance(value, dict):
                raise Violation(f"{where}: {at} must be an object")
            props = schema.get("properties", {})
            extra = schema.get("additionalProperties")
            for key, item in value.items():
                if key in props:
                    self._check_schema(where, f"{at}.{key}", item, props[key])
                elif extra is not None:
                    self._check_schema(where, f"{at}.{key}", item, extra)
                else:
                    raise Violation(f"{where}: unknown field {at}.{key}")
        elif kind == "array":
            if not isinstance(value, list):
                raise Violation(f"{where}: {at} must be an array")
            for i, item in enumerate(value):
                self._check_schema(where, f"{at}[{i}]", item, schema.get("items", {}))
        elif kind == "string":
            if not isinstance(value, str):
                raise Violation(f"{where}: {at} must be a string")
            _check_value(where, at, value, schema)
        elif kind == "integer":
            if isinstance(value, bool) or not isinstance(value, int):
                raise Violation(f"{where}: {at} must be an integer")
        elif kind == "boolean" and not isinstance(value, bool):
            raise Violation(f"{where}: {at} must be a boolean")


def _compile(template: str) -> tuple[re.Pattern[str], list[str], int]:
    names: list[str] = []
    out = []
    literal = 0
    for piece in re.split(r"(\{\+?[^}]+\})", template):
        if piece.startswith("{") and piece.endswith("}"):
            reserved = piece.startswith("{+")
            names.append(piece.strip("{}+"))
            out.append("(.+)" if reserved else "([^/]+)")
        else:
            literal += len(piece)
            out.append(re.escape(piece))
    return re.compile("".join(out)), names, literal


def _check_value(where: str, name: str, value: str, spec: dict[str, Any]) -> None:
    kind = spec.get("type", "string")
    fmt = spec.get("format", "")
    if "enum" in spec and value not in spec["enum"]:
        raise Violation(f"{where}: {name}={value!r} is not one of {spec['enum']}")
    if kind == "integer" or fmt in ("int32", "uint32", "int64", "uint64"):
        if not re.fullmatch(r"-?\d+", value):
            raise Violation(f"{where}: {name}={value!r} is not an integer")
        number = int(value)
        if fmt.startswith("uint") and number < 0:
            raise Violation(f"{where}: {name}={value!r} must not be negative")
        if "minimum" in spec and number < int(spec["minimum"]):
            raise Violation(f"{where}: {name}={value!r} is below the minimum {spec['minimum']}")
        if "maximum" in spec and number > int(spec["maximum"]):
            raise Violation(f"{where}: {name}={value!r} is above the maximum {spec['maximum']}")
    elif kind == "boolean":
        if value not in ("true", "false"):
            raise Violation(f"{where}: {name}={value!r} is not true or false")
    elif fmt == "date-time":
        try:
            moment = datetime.fromisoformat(value)
        except ValueError as exc:
            raise Violation(f"{where}: {name}={value!r} is not an RFC 3339 timestamp") from exc
        if moment.tzinfo is None:
            raise Violation(f"{where}: {name}={value!r} needs a time zone offset")
    elif fmt == "byte":
        try:
            base64.urlsafe_b64decode(value + "=" * (-len(value) % 4))
        except (binascii.Error, ValueError) as exc:
            raise Violation(f"{where}: {name} is not base64url") from exc
