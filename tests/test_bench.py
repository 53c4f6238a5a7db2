"""The benchmark script keeps working: tiny data, two reruns; it checks figures exist, not speed."""

import re
import subprocess
import sys
from pathlib import Path

from bench import run

ROOT = Path(__file__).resolve().parent.parent


def test_the_benchmark_prints_and_writes_every_figure(tmp_path):
    out = tmp_path / "PERFORMANCE.md"
    # its own process: it drives its own browser and AppTest sessions
    done = subprocess.run(
        [sys.executable, "-m", "bench.run", "--reruns", "2", "--starts", "1", "--switches", "1", "--years", "0", "0.1",
         "--out", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    table = out.read_text()
    assert table.strip() in done.stdout
    for page in ["one-line app (floor)", *run.PAGES]:
        row = next(line for line in table.splitlines() if line.startswith(f"| {page} |"))
        assert len(re.findall(r"\| \d+\.\d ", row)) >= 2, row  # a figure for each data size
    for measure in ("cold start to Home drawn", "server RSS after every page", "open an up-to-date"):
        row = next(line for line in table.splitlines() if measure in line)
        assert re.search(r"\| \d+(\.\d)? \|", row), row
    assert "2 reruns per page" in table and "cores" in table
    from bench.switch import SWITCHES

    for _, link, _ in SWITCHES:  # the felt switch to every page, against the two-page floor
        row = next(line for line in table.splitlines() if line.startswith(f"| {link} | "))
        assert re.search(r"^\| [^|]+ \| \d+ \| \d+\.\d \|", row), row
    assert re.search(r"^\| two-page one-line app \(floor\) \| \d+ \|", table, re.M)
    assert re.search(r"^\| \d+ \| \d+ \| \d+\.\d\d \| (meets|\*\*misses\*\*) \(<= 2x\) \|$", table, re.M)
    # with a passphrase: the unlock, sealing every text, Home with nothing kept, plain against encrypted
    assert re.search(r"^\| unlock: .* \| \d+ \| (meets|\*\*misses\*\*) \(< 1 s", table, re.M)
    assert re.search(r"^\| set a passphrase on .* \| \d+ \| \|$", table, re.M)
    assert re.search(r"^\| Home drawn with nothing kept, plain / encrypted \| \d+\.\d / \d+\.\d \|", table, re.M)
    assert re.search(r"^\| build a report of .* \| \d+ \| \d+\.\d MB \| (meets|\*\*misses\*\*) \(< 2 s\) \|$", table, re.M)
    row = next(line for line in table.splitlines() if line.startswith("| app.py |"))
    assert len(re.findall(r"\| \d+\.\d+ ", row)) >= 5, row  # two sizes, encrypted, and the ratios
