"""Certificates as Open Badges 3.0 credentials: W3C Verifiable Credentials signed as JWT-VCs
(EdDSA) by openbadgeslib, issued by the provider's did:web (its document at
/.well-known/did.json), with the certificate's verification code and page, and revocation
in a signed Bitstring Status List."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlsplit

from flask import current_app

from courses.models import Certificate
from paja.links import absolute_url

if TYPE_CHECKING:
    from openbadgeslib.ob3 import Issuer, OpenBadgeCredential

# openbadgeslib and cryptography are imported where they are used: a web worker that never
# signs a credential stays within its memory budget.

KEY_FRAGMENT = "key-1"
STATUS_BITS = 131072  # the minimum the Bitstring Status List asks for (16 KB)
STATUS_VALID = timedelta(days=1)  # a status list copy is trusted this long


def issuer_did() -> str:
    """`did:web:` and the host of the configured base address (a port percent-encoded)."""
    parts = urlsplit(current_app.config["PAJA_BASE_URL"])
    return "did:web:" + quote(parts.netloc, safe="")


def _key_file() -> Path:
    """Where the signing key is kept (`OB3_KEY_FILE`; in the instance folder by default)."""
    return Path(current_app.config["OB3_KEY_FILE"])


def private_key_pem() -> bytes:
    """The Ed25519 signing key; made once (file mode 600) when none exists yet."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    path = _key_file()
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        pem = Ed25519PrivateKey.generate().private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        path.touch(mode=0o600)
        path.write_bytes(pem)
    return path.read_bytes()


def public_key_pem() -> bytes:
    """The verification key."""
    from cryptography.hazmat.primitives import serialization

    key = serialization.load_pem_private_key(private_key_pem(), password=None)
    return key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def did_document() -> dict[str, Any]:
    """The did:web document publishing the verification key."""
    from openbadgeslib.keys import public_jwk_from_pem
    from openbadgeslib.ob3 import build_did_document

    return build_did_document(issuer_did(), [(KEY_FRAGMENT, public_jwk_from_pem(public_key_pem()))])


def status_url() -> str:
    """Where the revocation list is served."""
    return absolute_url("verify.status_list_file")


def _issuer() -> Issuer:
    """The provider as the credentials' issuer."""
    from openbadgeslib.ob3 import Issuer

    return Issuer(
        id=issuer_did(),
        name=current_app.config["SELLER_NAME"],
        url=current_app.config["PAJA_BASE_URL"],
        email=current_app.config["SELLER_EMAIL"] or None,
    )


def credential_of(certificate: Certificate, email: str) -> OpenBadgeCredential:
    """The certificate as an Open Badges 3.0 credential (unsigned)."""
    from openbadgeslib.ob3 import Achievement, IdentityObject, OpenBadgeCredential, status_entry

    page = absolute_url("verify.certificate", code=certificate.code)
    achievement = Achievement(
        id=page + "#achievement",
        name=certificate.title,
        description=certificate.title,
        criteria_narrative=_criteria(certificate),
        achievement_type="Course" if certificate.kind == "course" else "Assessment",
    )
    credential = OpenBadgeCredential(
        issuer=_issuer(),
        recipient_id=None,
        achievement=achievement,
        id=page,
        name=f"{certificate.title}: {certificate.name}",
        issuance_date=certificate.issued_at.astimezone(UTC),
        credential_status=[status_entry(status_url(), "revocation", certificate.id)],
    )
    credential.identifiers = [
        IdentityObject(identity_hash=certificate.name, identity_type="name", hashed=False),
        IdentityObject.create(email.lower(), salt=certificate.code),  # the address, hashed
    ]
    return credential


def _criteria(certificate: Certificate) -> str:
    """What earned it, in words."""
    if certificate.kind == "course":
        return "Completed the course's required modules."
    return f"Attended the session ({certificate.hours} hours)."


def signed_credential(certificate: Certificate, email: str) -> str:
    """The certificate as a signed compact JWT-VC."""
    from openbadgeslib.ob3 import OB3Signer

    signer = OB3Signer(private_key_pem(), algorithm="EdDSA")
    return signer.sign(credential_of(certificate, email))


def status_list(revoked_ids: list[int], now: datetime) -> str:
    """The signed revocation list: a bit per certificate id, set when revoked."""
    from openbadgeslib.ob3 import build_status_list_credential, sign_status_list_credential

    document = build_status_list_credential(
        issuer_did(), status_url(), "revocation", [i for i in revoked_ids if i < STATUS_BITS],
        size_bits=STATUS_BITS, issued=now, valid_until=now + STATUS_VALID,
    )  # fmt: skip
    return sign_status_list_credential(document, private_key_pem(), "EdDSA")
