"""The passphrase lock: a key stretched from the passphrase, and authenticated encryption of each value.

No SQL and no storage here (store.py keeps what this makes). Every free text, safety answer and
choice is sealed on its own: AES-256-GCM with a fresh random 96-bit nonce, its place in the file
(table, column, row) as associated data, so a sealed value moved to another row or column does not
open. The key comes from the passphrase through Argon2id (memory-hard) where this OpenSSL build has
it, else scrypt, with a random salt per file; the cost is kept beside the salt, so it can grow later.
"""

from __future__ import annotations

import base64
import json
import os
from dataclasses import dataclass

# `cryptography` is imported only where a key is made or used: a journal without a passphrase never
# loads it (about 8 MB of server memory, measured by make bench).
from .errors import ValidationError, WrongPassphrase

PREFIX = "tt2:"  # a sealed value, as text: PREFIX + base64(nonce + ciphertext + tag)
CHECK = "take-two passphrase check"  # sealed once per passphrase: a wrong passphrase fails to open it
IDLE_MINUTES = 10  # lock again after this many minutes without a click or a key (a setting)
IDLE_RANGE = (1, 240)
MIN_LENGTH = 8
MAX_LENGTH = 1024

# Argon2id costs: memory in KiB, passes, lanes. 256 MiB and 3 passes take about 0.45 s here (make bench):
# unlock stays under a second, and each guess from a copied file costs an attacker as much.
ARGON2 = {"memory_cost": 262_144, "iterations": 3, "lanes": 4}
SCRYPT = {"n": 2**17, "r": 8, "p": 1}  # about 0.3 s and 128 MiB here, where Argon2id is missing


@dataclass(frozen=True)
class KeyRecipe:
    """How a file's key is made from its passphrase: the function, its costs and the file's salt."""

    kdf: str  # "argon2id" or "scrypt"
    salt: bytes
    cost: dict

    def to_text(self) -> str:
        return json.dumps({"kdf": self.kdf, "salt": base64.b64encode(self.salt).decode(), "cost": self.cost},
                          sort_keys=True)

    @classmethod
    def from_text(cls, text: str) -> KeyRecipe:
        try:
            data = json.loads(text)
            recipe = cls(str(data["kdf"]), base64.b64decode(data["salt"], validate=True), dict(data["cost"]))
        except (ValueError, KeyError, TypeError) as exc:
            raise ValidationError("The file's passphrase settings are damaged.") from exc
        if not _sane(recipe):
            raise ValidationError("The file's passphrase settings are damaged.")
        return recipe


# What a recipe read from a file (or an export) may ask for: never so much that opening a forged one
# hangs or exhausts this machine (at most 1 GiB, a few seconds). A weaker recipe than ours can't harm:
# only the passphrase that sealed the file's check value opens it.
_BOUNDS = {
    "argon2id": {"memory_cost": (1_024, 1_048_576), "iterations": (1, 10), "lanes": (1, 16)},
    "scrypt": {"n": (2**10, 2**20), "r": (1, 16), "p": (1, 4)},
}
MAX_KDF_BYTES = 2**30


def _sane(recipe: KeyRecipe) -> bool:
    bounds = _BOUNDS.get(recipe.kdf)
    if bounds is None or len(recipe.salt) < 16 or set(recipe.cost) != set(bounds):
        return False
    for name, (low, high) in bounds.items():
        value = recipe.cost[name]
        if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
            return False
    if recipe.kdf == "scrypt":
        n, r = recipe.cost["n"], recipe.cost["r"]
        return n & (n - 1) == 0 and 128 * n * r <= MAX_KDF_BYTES
    return True


def argon2_available() -> bool:
    """Whether this OpenSSL build has Argon2id (cryptography 44+ on OpenSSL 3.2+)."""
    from cryptography.exceptions import UnsupportedAlgorithm

    try:
        from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

        Argon2id(salt=b"0" * 16, length=32, iterations=1, lanes=1, memory_cost=8).derive(b"probe")
    except (ImportError, UnsupportedAlgorithm):
        return False
    return True


def new_recipe(argon2: dict | None = None, scrypt: dict | None = None) -> KeyRecipe:
    """A recipe with a fresh random salt: Argon2id where there is one, else scrypt."""
    if argon2_available():
        return KeyRecipe("argon2id", os.urandom(16), dict(argon2 or ARGON2))
    return KeyRecipe("scrypt", os.urandom(16), dict(scrypt or SCRYPT))


def check_passphrase(passphrase: object) -> str:
    """A passphrase to set: long enough to resist guessing, not absurd; ValidationError says why not."""
    if not isinstance(passphrase, str) or len(passphrase.strip()) < MIN_LENGTH:
        raise ValidationError(f"Choose a passphrase of at least {MIN_LENGTH} characters: a few words you "
                              "will remember work well.")
    if len(passphrase) > MAX_LENGTH:
        raise ValidationError(f"A passphrase can have at most {MAX_LENGTH} characters.")
    if _guessable(passphrase):
        raise ValidationError("That passphrase is among the first a guesser would try. A few ordinary words "
                              "that only you would put together work well, such as a line from a song you like.")
    return passphrase


# The first guesses of any guessing list (a copied file can be tried offline, about one guess a second
# here): refused, as are one character repeated and a plain run such as "12345678" or "abcdefgh".
COMMON = frozenset((
    "password", "passw0rd", "password1", "password12", "password123", "12345678", "123456789", "1234567890",
    "qwertyui", "qwertyuiop", "qwerty12", "qwerty123", "asdfghjk", "asdfghjkl", "iloveyou", "iloveyou1",
    "11111111", "00000000", "abcdefgh", "letmein1", "letmeinnow", "baseball", "football", "sunshine",
    "princess", "trustno1", "welcome1", "whatever", "superman", "starwars", "michelle", "jennifer", "computer",
    "internet", "dragon12", "monkey12", "shadow12", "master12", "mustang1", "passpass", "changeme",
))


def _guessable(passphrase: str) -> bool:
    plain = passphrase.strip().lower()
    steps = {ord(b) - ord(a) for a, b in zip(plain, plain[1:], strict=False)}
    return plain in COMMON or len(set(plain)) < 4 or (len(steps) == 1 and steps <= {-1, 1})


def derive(passphrase: str, recipe: KeyRecipe) -> bytes:
    """The 256-bit key for this passphrase and recipe (slow on purpose)."""
    secret = passphrase.encode("utf-8")
    if recipe.kdf == "argon2id":
        from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

        return Argon2id(salt=recipe.salt, length=32, **recipe.cost).derive(secret)
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    return Scrypt(salt=recipe.salt, length=32, **recipe.cost).derive(secret)


class Cipher:
    """Seals and opens values under one key. The key lives only in this object, in memory."""

    def __init__(self, key: bytes) -> None:
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        self._aead = AESGCM(key)

    def seal(self, text: str, place: str) -> str:
        nonce = os.urandom(12)
        sealed = self._aead.encrypt(nonce, _padded(text.encode("utf-8")), place.encode("utf-8"))
        return PREFIX + base64.b64encode(nonce + sealed).decode("ascii")

    def open(self, value: str, place: str) -> str:
        """The text sealed at `place`; WrongPassphrase if this key did not seal it (or it was changed)."""
        try:
            raw = base64.b64decode(value[len(PREFIX):], validate=True)
            return _unpadded(self._aead.decrypt(raw[:12], raw[12:], place.encode("utf-8"))).decode("utf-8")
        except (_invalid_tag(), ValueError) as exc:
            raise WrongPassphrase("A sealed entry could not be opened with this passphrase: it was "
                                  "changed outside Take Two, or sealed with another one.") from exc

    def check_value(self) -> str:
        return self.seal(CHECK, "vault.check")

    def opens(self, check: str) -> bool:
        """Whether this key opens the file's check value (the passphrase is right)."""
        try:
            return self.open(check, "vault.check") == CHECK
        except WrongPassphrase:
            return False


# Sealed values are padded to a multiple of this many bytes, so a length does not tell a short value
# from another ("on" from "lifted", one verdict from another, discreet on from off); notes show only
# their size to the nearest 64 bytes.
PAD = 64


def _padded(data: bytes) -> bytes:
    return data + b"\x80" + b"\x00" * (-(len(data) + 1) % PAD)


def _unpadded(data: bytes) -> bytes:
    body = data.rstrip(b"\x00")
    if not body.endswith(b"\x80"):
        raise ValueError("padding")
    return body[:-1]


def _invalid_tag() -> type[Exception]:
    from cryptography.exceptions import InvalidTag

    return InvalidTag


def is_sealed(value: object) -> bool:
    return isinstance(value, str) and value.startswith(PREFIX)


def wait_after(failures: int) -> float:
    """Seconds to wait before the next try after this many wrong passphrases in a row: none for the
    first three (a typo), then doubling from 2 s up to 5 minutes."""
    return 0.0 if failures < 3 else float(min(300, 2 ** (failures - 2)))


def valid_idle(minutes: int) -> bool:
    return IDLE_RANGE[0] <= minutes <= IDLE_RANGE[1]


def idle_too_long(last_seen: float, now: float, minutes: int) -> bool:
    """Whether a session unseen since `last_seen` (monotonic seconds) has been idle past its limit."""
    return now - last_seen > minutes * 60
