"""Access tokens: a secret shown once and stored only as its hash, verified by lookup, revoked by a new row."""

from __future__ import annotations

import hashlib

import pytest

from infraledger.errors import InputError, LedgerError
from infraledger.ledger import open_ledger
from infraledger.ledger.tokens import AccessRole, allows, create_token, list_tokens, revoke_token, verify_token

pytestmark = pytest.mark.both_backends


def test_a_token_verifies_until_it_is_revoked(make_ledger):
    store = make_ledger()
    secret = create_token(store, "web-app", "reviewer")
    assert len(secret) >= 40 and secret != create_token(store, "other", AccessRole.READER)
    info = verify_token(store, secret)
    assert (info.name, info.role) == ("web-app", AccessRole.REVIEWER) and info.created is not None
    assert verify_token(store, secret + "x") is None and verify_token(store, "") is None
    assert [(t.name, t.role) for t in list_tokens(store)] == [("other", AccessRole.READER),
                                                              ("web-app", AccessRole.REVIEWER)]
    assert revoke_token(store, "web-app") is True
    assert verify_token(store, secret) is None
    assert [t.name for t in list_tokens(store)] == ["other"]
    assert revoke_token(store, "web-app") is False and revoke_token(store, "nobody") is False


def test_only_the_hash_of_the_secret_is_stored(make_ledger):
    store = make_ledger()
    secret = create_token(store, "admin", "admin")
    rows = store.backend.query("SELECT name, role, hash, action FROM tokens")
    assert rows == [("admin", "admin", hashlib.sha256(secret.encode()).hexdigest(), "create")]
    assert not any(secret in str(value) for row in rows for value in row)


def test_an_active_name_cannot_be_taken_twice_but_a_revoked_one_can(make_ledger):
    store = make_ledger()
    first = create_token(store, "ci", "reader")
    with pytest.raises(InputError, match="already named"):
        create_token(store, "ci", "admin")
    revoke_token(store, "ci")
    second = create_token(store, "ci", "admin")
    assert verify_token(store, first) is None and verify_token(store, second).role is AccessRole.ADMIN
    with pytest.raises(InputError):
        create_token(store, "x", "owner")
    with pytest.raises(InputError):
        create_token(store, " ", "reader")


def test_roles_are_ordered_reader_reviewer_admin():
    assert allows("admin", "reviewer") and allows(AccessRole.REVIEWER, AccessRole.READER)
    assert allows("reader", "reader")
    assert not allows("reader", "reviewer") and not allows(AccessRole.REVIEWER, "admin")
    with pytest.raises(InputError):
        allows("root", "reader")


def test_a_read_only_ledger_verifies_but_does_not_make_tokens(tmp_path):
    with open_ledger(tmp_path / "l.duckdb") as store:
        secret = create_token(store, "web", "reader")
    with open_ledger(tmp_path / "l.duckdb", read_only=True) as store:
        assert verify_token(store, secret).name == "web"
        with pytest.raises(LedgerError, match="read-only"):
            create_token(store, "more", "reader")
        with pytest.raises(LedgerError, match="read-only"):
            revoke_token(store, "web")
