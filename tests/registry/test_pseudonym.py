"""Keyed tokens: deterministic per key, different across keys and domains, and keys that never show."""

import hashlib
import hmac

import pandas as pd
import pyarrow as pa
import pytest

from uhc_lib.registry.pseudonym import PseudonymKeyError, check_key, load_key, tokenize

KEY = b"test-key-0123456789abcdef"
OTHER = b"another-key-0123456789ab"


def test_same_nik_same_key_gives_the_same_token():
    tokens = tokenize(["1707011512900001", "1707011512900001", "1707015512900002"], KEY).to_pylist()
    assert tokens[0] == tokens[1] != tokens[2]
    assert tokens[0] == hmac.new(KEY, b"nik:1707011512900001", hashlib.sha256).hexdigest()[:32]
    assert len(tokens[0]) == 32 and all(c in "0123456789abcdef" for c in tokens[0])


def test_other_key_gives_other_tokens():
    assert tokenize(["1707011512900001"], KEY)[0] != tokenize(["1707011512900001"], OTHER)[0]


def test_domains_separate_nik_kk_and_card_numbers():
    digits = ["1707011512900001"]
    tokens = {d: tokenize(digits, KEY, domain=d)[0].as_py() for d in ("nik", "kk", "participant")}
    assert len(set(tokens.values())) == 3
    assert tokens["kk"] == hmac.new(KEY, b"kk:1707011512900001", hashlib.sha256).hexdigest()[:32]
    with pytest.raises(ValueError, match="domain"):
        tokenize(digits, KEY, domain="name")


def test_series_in_series_out_with_nulls_and_trimming():
    values = pd.Series(["1707011512900001", None, "", " 1707011512900001 "], index=[10, 11, 12, 13], name="nik")
    out = tokenize(values, KEY)
    assert list(out.index) == [10, 11, 12, 13] and out.name == "nik"
    assert out.isna().tolist() == [False, True, True, False]
    assert out[10] == out[13]


def test_arrow_in_arrow_out_same_length():
    out = tokenize(pa.array(["1", None, "2"]), KEY)
    assert isinstance(out, pa.Array) and len(out) == 3 and out.null_count == 1


def test_load_key_from_environment(monkeypatch):
    monkeypatch.setenv("UHC_PSEUDONYM_KEY", "a-secret-of-sixteen-bytes")
    monkeypatch.delenv("UHC_PSEUDONYM_KEY_FILE", raising=False)
    key = load_key()
    assert key == b"a-secret-of-sixteen-bytes"
    assert "secret" not in repr(key) and "secret" not in str(key) and "secret" not in f"{key}"


def test_load_key_from_file(monkeypatch, tmp_path):
    path = tmp_path / "key.txt"
    path.write_bytes(b"file-secret-0123456789\n")
    monkeypatch.delenv("UHC_PSEUDONYM_KEY", raising=False)
    monkeypatch.setenv("UHC_PSEUDONYM_KEY_FILE", str(path))
    assert load_key() == b"file-secret-0123456789"


def test_load_key_errors_never_show_the_key(monkeypatch, tmp_path):
    monkeypatch.delenv("UHC_PSEUDONYM_KEY", raising=False)
    monkeypatch.delenv("UHC_PSEUDONYM_KEY_FILE", raising=False)
    with pytest.raises(PseudonymKeyError, match="UHC_PSEUDONYM_KEY_FILE"):
        load_key()
    monkeypatch.setenv("UHC_PSEUDONYM_KEY", "short-secret")
    with pytest.raises(ValueError, match="too short: 12 bytes") as error:
        load_key()
    assert "short-secret" not in str(error.value)
    monkeypatch.delenv("UHC_PSEUDONYM_KEY")
    monkeypatch.setenv("UHC_PSEUDONYM_KEY_FILE", str(tmp_path / "missing.txt"))
    with pytest.raises(PseudonymKeyError, match="cannot read"):
        load_key()


def test_tokenize_refuses_a_short_key():
    with pytest.raises(PseudonymKeyError):
        tokenize(["1707011512900001"], b"short")
    with pytest.raises(PseudonymKeyError):
        check_key("a string, not bytes, long enough")
