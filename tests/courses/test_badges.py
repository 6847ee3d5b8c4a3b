"""Certificates as Open Badges 3.0 credentials: a signed JWT-VC that a standard verifier
(openbadgeslib's, resolving the issuer's did:web) accepts while the certificate holds, and
refuses once it is revoked, through the signed status list."""

import json
from urllib.parse import urlsplit

import jwt
import pytest
from flask.testing import FlaskClient
from openbadgeslib.ob3 import OB3VerificationError, OB3Verifier

from courses.operations.certificates import revoke
from paja.extensions import db
from tests import factories
from tests.conftest import Auth
from tests.courses.factories import certificate_of, complete, create_course


def fetcher(client: FlaskClient):
    """What the verifier downloads (the did:web document, the status list), from the app."""

    def download(url: str) -> bytes:
        response = client.get(urlsplit(url).path)
        assert response.status_code == 200, url
        return response.data

    return download


def test_a_credential_verifies_until_its_certificate_is_revoked(
    client: FlaskClient, auth: Auth
) -> None:
    holder = auth.login(factories.create_user())
    certificate = certificate_of(complete(holder, create_course()))
    response = client.get(f"/courses/certificates/{certificate.code}.jwt")
    assert response.status_code == 200 and response.mimetype == "application/vc+jwt"
    token = response.get_data(as_text=True)
    did = "did:web:localhost"
    verifier = OB3Verifier.for_issuer_did(did, download=fetcher(client))
    credential = verifier.verify(token, check_status=True, download=fetcher(client))
    assert credential.achievement.name == certificate.title
    assert credential.issuer.id == did
    assert credential.id.endswith(f"/verify/{certificate.code}")  # the same verification code
    claims = jwt.decode(token, options={"verify_signature": False})
    assert jwt.get_unverified_header(token)["alg"] == "EdDSA"
    subject = json.dumps(claims, ensure_ascii=False)
    assert holder.email not in subject  # the address only hashed
    assert certificate.name in subject
    revoke(certificate, "Virheellinen")
    db.session.commit()
    with pytest.raises(OB3VerificationError, match="status 'revocation' is set"):
        verifier.verify(token, check_status=True, download=fetcher(client))


def test_a_forged_credential_does_not_verify(client: FlaskClient, auth: Auth) -> None:
    holder = auth.login(factories.create_user())
    certificate = certificate_of(complete(holder, create_course()))
    token = client.get(f"/courses/certificates/{certificate.code}.jwt").get_data(as_text=True)
    header, payload, signature = token.split(".")
    tampered = header + "." + payload[:-4] + "AAAA" + "." + signature  # the claims changed
    verifier = OB3Verifier.for_issuer_did("did:web:localhost", download=fetcher(client))
    with pytest.raises(OB3VerificationError):
        verifier.verify(tampered)


def test_only_the_holder_downloads_the_credential(client: FlaskClient, auth: Auth) -> None:
    certificate = certificate_of(complete(factories.create_user(), create_course()))
    auth.login(factories.create_user())
    assert client.get(f"/courses/certificates/{certificate.code}.jwt").status_code == 403
    did = client.get("/.well-known/did.json").get_json()
    assert did["id"] == "did:web:localhost"
    assert "d" not in did["verificationMethod"][0]["publicKeyJwk"]  # never the private part


def test_an_independent_verifier_accepts_it_until_revoked_and_refuses_forgeries(
    client: FlaskClient, auth: Auth
) -> None:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from tests.courses.independent_verifier import Rejected, verify

    holder = auth.login(factories.create_user())
    certificate = certificate_of(complete(holder, create_course()))
    token = client.get(f"/courses/certificates/{certificate.code}.jwt").get_data(as_text=True)
    download = fetcher(client)
    claims = verify(token, download)
    assert claims["credentialSubject"]["achievement"]["name"] == certificate.title
    assert claims["id"].endswith(f"/verify/{certificate.code}")
    # A forger signs the same claims with a key of their own and brings it in the header:
    # the key the issuer's DID document names is the one that counts.
    forger = Ed25519PrivateKey.generate()
    own_key = json.loads(jwt.algorithms.OKPAlgorithm.to_jwk(forger.public_key()))
    forged = jwt.encode(
        jwt.decode(token, options={"verify_signature": False}),
        forger,
        algorithm="EdDSA",
        headers={"jwk": own_key},
    )
    with pytest.raises(Rejected, match="signature"):
        verify(forged, download)
    revoke(certificate, "Virheellinen")
    db.session.commit()
    with pytest.raises(Rejected, match="status revocation is set"):
        verify(token, download)
