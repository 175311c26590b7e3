"""Keyed pseudonyms (HMAC-SHA256) for NIK, KK and JKN card numbers.

The key is a secret held by the health office (at least 16 bytes), read from an environment variable or from a file
named by one; it is never printed, logged or written. The same value and key always give the same token, so two
extracts prepared with one key can be matched on tokens; without the key a token cannot be traced back. Each kind of
number has its own domain (``nik:``, ``kk:``, ``participant:``), so a NIK and a KK with the same digits get
different tokens.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from collections.abc import Iterable
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa

from uhc_lib.registry.nik import as_strings

MIN_KEY_BYTES = 16
TOKEN_HEX_CHARS = 32
DOMAINS = ("nik", "kk", "participant")
_HEX_PAIRS = np.frombuffer(b"".join(f"{i:02x}".encode() for i in range(256)), dtype=np.uint16)


class PseudonymKeyError(ValueError):
    """The pseudonymisation key is missing or too short (the message never contains the key)."""


class PseudonymKey(bytes):
    """Key bytes whose ``repr``/``str`` never show the key."""

    def __repr__(self) -> str:
        return f"PseudonymKey(<{len(self)} bytes hidden>)"

    __str__ = __repr__


def load_key(env: str = "UHC_PSEUDONYM_KEY", file_env: str = "UHC_PSEUDONYM_KEY_FILE") -> bytes:
    """The key from environment variable ``env``, or from the file whose path is in ``file_env``.

    A key file's trailing newline is ignored. Raises :class:`PseudonymKeyError` (a ``ValueError``) when neither is
    set, the file cannot be read, or the key is shorter than 16 bytes.
    """
    value = os.environ.get(env)
    if value:
        key, origin = value.encode(), f"environment variable {env}"
    elif os.environ.get(file_env):
        path = Path(os.environ[file_env])
        try:
            key = path.read_bytes().rstrip(b"\r\n")
        except OSError as exc:
            raise PseudonymKeyError(
                f"cannot read the pseudonymisation key file {path} (from {file_env}): {exc.strerror}"
            ) from None
        origin = f"key file {path}"
    else:
        raise PseudonymKeyError(
            f"no pseudonymisation key: set {env} to a secret of at least {MIN_KEY_BYTES} bytes, or {file_env} to the "
            "path of a file holding it (keep the same key to match extracts prepared at different times)"
        )
    return check_key(key, origin)


def check_key(key: bytes, origin: str = "key") -> PseudonymKey:
    """``key`` as a :class:`PseudonymKey`; :class:`PseudonymKeyError` when it is not bytes or shorter than 16 bytes."""
    if not isinstance(key, bytes | bytearray):
        raise PseudonymKeyError(f"the pseudonymisation {origin} must be bytes, not {type(key).__name__}")
    if len(key) < MIN_KEY_BYTES:
        raise PseudonymKeyError(
            f"the pseudonymisation {origin} is too short: {len(key)} bytes, at least {MIN_KEY_BYTES} needed"
        )
    return PseudonymKey(key)


KEY_CHECK_MESSAGE = b"check:uhc-monitor pseudonym key check v1"


def key_check(key: bytes) -> str:
    """A token that tells whether two files were made with the same key (32 hex characters of an HMAC of a fixed
    message); it reveals nothing about the key or about any NIK."""
    return hmac.new(check_key(key), KEY_CHECK_MESSAGE, hashlib.sha256).hexdigest()[:TOKEN_HEX_CHARS]


def _pad(key: bytes, byte: int) -> bytes:
    block = hashlib.sha256(key).digest() if len(key) > 64 else key
    return bytes(b ^ byte for b in block.ljust(64, b"\0"))


def tokenize_arrow(values, key: bytes, domain: str = "nik") -> pa.StringArray:
    """HMAC-SHA256 of ``domain + ":" + value`` as 32 hex characters, for an Arrow string array (whitespace trimmed).

    Null and empty values give null tokens. Equals ``hmac.new(key, b"nik:" + value, sha256).hexdigest()[:32]``.
    """
    if domain not in DOMAINS:
        raise ValueError(f"domain must be one of {DOMAINS}, got {domain!r}")
    key = check_key(key)
    strings = as_strings(values)
    inner = hashlib.sha256(_pad(key, 0x36) + domain.encode() + b":")
    outer = hashlib.sha256(_pad(key, 0x5C))

    def digest(value: str) -> bytes:
        i = inner.copy()
        i.update(value.encode())
        o = outer.copy()
        o.update(i.digest())
        return o.digest()

    texts = strings.to_pylist()
    present = np.array([bool(t) for t in texts], dtype=bool)
    n = int(present.sum())
    raw = b"".join([digest(t) for t in texts if t])
    pairs = np.frombuffer(raw, dtype=np.uint8).reshape(n, 32)[:, : TOKEN_HEX_CHARS // 2]
    hexed = _HEX_PAIRS[pairs].tobytes()
    offsets = np.zeros(len(texts) + 1, dtype=np.int32)
    offsets[1:] = np.cumsum(present * TOKEN_HEX_CHARS)
    validity = None if present.all() else pa.py_buffer(np.packbits(present, bitorder="little").tobytes())
    return pa.StringArray.from_buffers(len(texts), pa.py_buffer(offsets), pa.py_buffer(hexed), validity)


def tokenize(values: pd.Series | pa.Array | Iterable[str], key: bytes, domain: str = "nik"):
    """Tokens (32 hex characters) of ``values``: a pandas Series in gives a Series (same index) out, else an Arrow
    array. See :func:`tokenize_arrow`."""
    tokens = tokenize_arrow(values, key, domain)
    if isinstance(values, pd.Series):
        return tokens.to_pandas().set_axis(values.index).rename(values.name)
    return tokens
