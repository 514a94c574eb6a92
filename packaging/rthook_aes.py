# PyInstaller runtime hook: the few `cryptography` names pdfminer uses, on OpenSSL.
#
# pdfminer imports cryptography only to decrypt AES-encrypted PDFs (AES-CBC, no padding).
# The cryptography wheel adds 12 MB to the app; Python's own hashlib already ships
# OpenSSL's libcrypto, so these stand-ins call its EVP interface through ctypes instead.
# The spec leaves cryptography out and runs this before the app; the tests check that
# these give the same bytes as cryptography itself.
import ctypes
import sys
import types


def _libcrypto():
    import _hashlib  # noqa: F401  (loads the libcrypto that Python's hashlib links)

    names = (
        "libcrypto.so.3",
        "libcrypto.so.1.1",
        "libcrypto-3-x64.dll",
        "libcrypto-3.dll",
        "libcrypto-1_1-x64.dll",
        "libcrypto.3.dylib",
        "libcrypto.1.1.dylib",
    )
    for name in names:
        try:
            lib = ctypes.CDLL(name)
        except OSError:
            continue
        lib.EVP_CIPHER_CTX_new.restype = ctypes.c_void_p
        lib.EVP_CIPHER_CTX_free.argtypes = [ctypes.c_void_p]
        for bits in (128, 192, 256):
            getattr(lib, f"EVP_aes_{bits}_cbc").restype = ctypes.c_void_p
        lib.EVP_CipherInit_ex.argtypes = [
            ctypes.c_void_p,
            ctypes.c_void_p,
            ctypes.c_void_p,
            ctypes.c_char_p,
            ctypes.c_char_p,
            ctypes.c_int,
        ]
        lib.EVP_CIPHER_CTX_set_padding.argtypes = [ctypes.c_void_p, ctypes.c_int]
        lib.EVP_CipherUpdate.argtypes = [
            ctypes.c_void_p,
            ctypes.c_char_p,
            ctypes.POINTER(ctypes.c_int),
            ctypes.c_char_p,
            ctypes.c_int,
        ]
        return lib
    raise ImportError("no OpenSSL libcrypto to decrypt AES-encrypted PDFs with")


class _AES:
    def __init__(self, key):
        if len(key) not in (16, 24, 32):
            raise ValueError(f"invalid AES key size ({len(key) * 8} bits)")
        self.key = bytes(key)


class _CBC:
    def __init__(self, initialization_vector):
        if len(initialization_vector) != 16:
            raise ValueError("invalid IV size for CBC")
        self.initialization_vector = bytes(initialization_vector)


class _Context:
    """update() returns every whole block; finalize() refuses a partial one, as cryptography."""

    def __init__(self, lib, algorithm, mode, encrypt):
        self._lib = lib
        self._ctx = lib.EVP_CIPHER_CTX_new()
        cipher = getattr(lib, f"EVP_aes_{len(algorithm.key) * 8}_cbc")()
        ok = lib.EVP_CipherInit_ex(
            self._ctx, cipher, None, algorithm.key, mode.initialization_vector, int(encrypt)
        )
        if ok != 1:
            raise ValueError("OpenSSL refused the AES key or IV")
        lib.EVP_CIPHER_CTX_set_padding(self._ctx, 0)
        self._pending = b""

    def update(self, data):
        data = self._pending + bytes(data)
        whole = len(data) - len(data) % 16
        self._pending = data[whole:]
        if not whole:
            return b""
        out = ctypes.create_string_buffer(whole + 16)
        written = ctypes.c_int(0)
        if self._lib.EVP_CipherUpdate(self._ctx, out, ctypes.byref(written), data, whole) != 1:
            raise ValueError("OpenSSL failed to run AES-CBC")
        return out.raw[: written.value]

    def finalize(self):
        if self._pending:
            raise ValueError("the length of the data is not a multiple of the block length")
        return b""

    def __del__(self):
        ctx, self._ctx = getattr(self, "_ctx", None), None
        if ctx:
            self._lib.EVP_CIPHER_CTX_free(ctx)


class _Cipher:
    def __init__(self, algorithm, mode, backend=None):
        self.algorithm, self.mode = algorithm, mode

    def decryptor(self):
        return _Context(_libcrypto(), self.algorithm, self.mode, encrypt=False)

    def encryptor(self):
        return _Context(_libcrypto(), self.algorithm, self.mode, encrypt=True)


def _install():
    names = (
        "cryptography",
        "cryptography.hazmat",
        "cryptography.hazmat.backends",
        "cryptography.hazmat.primitives",
        "cryptography.hazmat.primitives.ciphers",
    )
    modules = {name: types.ModuleType(name) for name in names}
    for name, module in modules.items():
        module.__path__ = []  # a package, so that its submodules import
        parent, _, child = name.rpartition(".")
        if parent:
            setattr(modules[parent], child, module)
    modules["cryptography.hazmat.backends"].default_backend = lambda: None
    ciphers = modules["cryptography.hazmat.primitives.ciphers"]
    ciphers.Cipher = _Cipher
    ciphers.algorithms = types.SimpleNamespace(AES=_AES)
    ciphers.modes = types.SimpleNamespace(CBC=_CBC)
    for name, module in modules.items():
        sys.modules.setdefault(name, module)


_install()
