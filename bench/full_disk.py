"""A real full disk, tried by hand (needs root to mount a 3 MB tmpfs): `sudo make full-disk`.

Not in `make test`: mounting needs root, which a test run must not need. The same behaviour with a
limit the operating system enforces without root (a file-size limit) is in tests/test_faults.py.
It saves check-ins until the disk is full, then frees space and saves again, in one process (no
restart), and reopens the file to count what is in it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from reunion_core.errors import ReunionError
from reunion_core.records import CheckIn
from reunion_core.store import Store


def main() -> int:
    mount = Path(tempfile.mkdtemp(prefix="take-two-full-disk-"))
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m,mode=700", "tmpfs", str(mount)], check=True)
    try:
        filler = mount / "filler"
        filler.write_bytes(b"\0" * 1_500_000)
        (mount / "d").mkdir(mode=0o700)
        store, reported = Store.open(mount / "d" / "journal.duckdb"), 0
        try:
            while True:
                store.add_checkin(CheckIn(30, "dip_a_toe", 2, note=os.urandom(4500).hex()))
                reported += 1
        except ReunionError as exc:
            print(f"after {reported} saves the person sees: {exc}")
        filler.unlink()
        store.add_checkin(CheckIn(30, "dip_a_toe", 2, note="after space was freed"))
        reported += 1
        store.close()
        found = len(Store.open(mount / "d" / "journal.duckdb").checkins())
        print(f"space freed, saved again without a restart; reopened: {found} of {reported} reported saves")
        return 0 if found == reported else 1
    finally:
        subprocess.run(["umount", str(mount)], check=False)
        mount.rmdir()


if __name__ == "__main__":
    sys.exit(main())
