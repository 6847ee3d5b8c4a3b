"""An Open Badges 3.0 verifier written from the specifications alone (W3C VC Data Model 2.0
with VC-JOSE, did:web, Bitstring Status List; 1EdTech OB 3.0), sharing no code with
openbadgeslib: PyJWT checks the signature with the key the issuer's DID document names,
never with a key the token brings along."""

from __future__ import annotations

import base64
import gzip
import json
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any
from urllib.parse import unquote

import jwt

Fetch = Callable[[str], bytes]
VC2 = "https://www.w3.org/ns/credentials/v2"
# What the OB 3.0 AchievementCredential JSON schema requires (1EdTech, schema 3.0.3).
REQUIRED = {"@context", "id", "type", "credentialSubject", "issuer", "validFrom"}
ACHIEVEMENT_REQUIRED = {"id", "type", "name", "description", "criteria"}
PROFILE_REQUIRED = {"id", "type"}


class Rejected(Exception):
    """The credential does not verify; the message says why."""


def did_web_url(did: str) -> str:
    """Where a did:web document lives (did:web:host[:path…], the host percent-decoded)."""
    host, *path = did.removeprefix("did:web:").split(":")
    return f"https://{unquote(host)}/{'/'.join(path) + '/' if path else '.well-known/'}did.json"


def signed_claims(token: str, fetch: Fetch) -> dict[str, Any]:
    """The claims of a JWT whose issuer's DID document holds the key that signed it."""
    unverified = jwt.decode(token, options={"verify_signature": False})
    issuer = unverified.get("issuer")
    did = issuer["id"] if isinstance(issuer, dict) else issuer
    if not isinstance(did, str) or not did.startswith("did:web:") or unverified.get("iss") != did:
        raise Rejected("the issuer is not a did:web, or iss differs from it")
    document = json.loads(fetch(did_web_url(did)))
    if document.get("id") != did:
        raise Rejected("the DID document is for another DID")
    methods = {m["id"]: m for m in document["verificationMethod"]}
    kid = jwt.get_unverified_header(token).get("kid") or document["assertionMethod"][0]
    if kid not in document["assertionMethod"] or kid not in methods:
        raise Rejected("the key is not one the issuer asserts with")
    key = jwt.PyJWK(methods[kid]["publicKeyJwk"], algorithm="EdDSA").key
    try:
        return dict(jwt.decode(token, key=key, algorithms=["EdDSA"], options={"require": ["iss"]}))
    except jwt.InvalidTokenError as error:
        raise Rejected(f"the signature or claims do not verify: {error}") from error


def _in_force(claims: dict[str, Any], now: datetime) -> None:
    """validFrom has come and validUntil (if any) has not passed."""
    if datetime.fromisoformat(claims["validFrom"]) > now:
        raise Rejected("not valid yet")
    until = claims.get("validUntil")
    if until and datetime.fromisoformat(until) < now:
        raise Rejected("expired")


def _status_bit(entry: dict[str, Any], issuer: str, fetch: Fetch, now: datetime) -> bool:
    """Whether the credential's bit is set in its signed, current status list."""
    listed = signed_claims(fetch(entry["statusListCredential"]).decode(), fetch)
    _in_force(listed, now)
    subject = listed["credentialSubject"]
    if listed["iss"] != issuer or "BitstringStatusListCredential" not in listed["type"]:
        raise Rejected("the status list is not the issuer's")
    if subject["statusPurpose"] != entry["statusPurpose"]:
        raise Rejected("the status list is for another purpose")
    encoded = subject["encodedList"]
    if not encoded.startswith("u"):  # multibase base64url
        raise Rejected("the list is not multibase base64url")
    bits = gzip.decompress(base64.urlsafe_b64decode(encoded[1:] + "=" * (-len(encoded[1:]) % 4)))
    index = int(entry["statusListIndex"])
    return bool(bits[index // 8] >> (7 - index % 8) & 1)  # the first index is the leftmost bit


def verify(token: str, fetch: Fetch, now: datetime | None = None) -> dict[str, Any]:
    """The credential's claims once signature, type, validity and revocation all check out."""
    now = now or datetime.now(UTC)
    claims = signed_claims(token, fetch)
    if claims.get("@context", [None])[0] != VC2:
        raise Rejected("not a VC Data Model 2.0 credential")
    if not {"VerifiableCredential", "OpenBadgeCredential"} <= set(claims["type"]):
        raise Rejected("not an OpenBadgeCredential")
    achievement = claims.get("credentialSubject", {}).get("achievement", {})
    issuer = claims.get("issuer") if isinstance(claims.get("issuer"), dict) else {}
    for part, needed, found in (("credential", REQUIRED, claims),
                                ("achievement", ACHIEVEMENT_REQUIRED, achievement),
                                ("issuer profile", PROFILE_REQUIRED, issuer)):  # fmt: skip
        if needed - set(found):
            raise Rejected(f"the {part} lacks {sorted(needed - set(found))}")
    _in_force(claims, now)
    entries = claims.get("credentialStatus", [])
    for entry in entries if isinstance(entries, list) else [entries]:
        if entry["type"] != "BitstringStatusListEntry":
            raise Rejected(f"unknown status type {entry['type']}")
        if _status_bit(entry, claims["iss"], fetch, now):
            raise Rejected(f"status {entry['statusPurpose']} is set")
    return claims
