"""The app's stand-in for cryptography's AES-CBC (packaging/rthook_aes.py) gives its bytes."""

from __future__ import annotations

import os
import runpy

import pytest

from tests.conftest import PROJECT_ROOT

ciphers = pytest.importorskip("cryptography.hazmat.primitives.ciphers")


@pytest.fixture(scope="module")
def hook() -> dict:
    return runpy.run_path(str(PROJECT_ROOT / "packaging" / "rthook_aes.py"), run_name="aes_hook")


@pytest.mark.parametrize("key_size", [16, 32])
@pytest.mark.parametrize("length", [0, 16, 4096 + 16])
def test_the_stand_in_decrypts_and_encrypts_as_cryptography_does(hook, key_size, length):
    key, iv, data = os.urandom(key_size), os.urandom(16), os.urandom(length)
    real = ciphers.Cipher(ciphers.algorithms.AES(key), ciphers.modes.CBC(iv))
    ours = hook["_Cipher"](hook["_AES"](key), hook["_CBC"](iv), backend=None)

    real_encrypted = real.encryptor().update(data)
    assert ours.encryptor().update(data) == real_encrypted
    assert ours.decryptor().update(real_encrypted) == data
    # pdfminer calls update() alone; data fed in pieces gives the same whole blocks.
    pieces = ours.decryptor()
    assert pieces.update(real_encrypted[:7]) + pieces.update(real_encrypted[7:]) == data


def test_the_stand_in_refuses_a_partial_block(hook):
    context = hook["_Cipher"](hook["_AES"](b"k" * 16), hook["_CBC"](b"i" * 16)).decryptor()
    context.update(b"x" * 20)
    with pytest.raises(ValueError, match="multiple of the block length"):
        context.finalize()
