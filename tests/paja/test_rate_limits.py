"""Logins, sign-ups and reset requests are rate-limited per address."""

from flask import Flask


def test_too_many_login_attempts_get_429(limited_app: Flask) -> None:
    with limited_app.app_context():
        client = limited_app.test_client()
        data = {"email": "ei@example.fi", "password": "väärä-salasana"}
        codes = [client.post("/auth/login", data=data).status_code for _ in range(21)]
        assert codes[:20] == [200] * 20
        assert codes[20] == 429
        response = client.post("/auth/login", data=data)
        assert "Liian monta yritystä" in response.get_data(as_text=True)
        assert int(response.headers["Retry-After"]) > 0
        assert client.get("/auth/login").status_code == 200  # reading the page is not limited


def test_password_reset_requests_are_limited(limited_app: Flask) -> None:
    with limited_app.app_context():
        client = limited_app.test_client()
        codes = [
            client.post("/auth/forgot-password", data={"email": f"x{n}@example.fi"}).status_code
            for n in range(6)
        ]
        assert codes == [302] * 5 + [429]
