import subprocess
import sys
from pathlib import Path


def test_the_core_never_imports_streamlit():
    code = (
        "import sys, reunion_core, reunion_core.charts, reunion_core.progress, reunion_core.demo;"
        "print('streamlit' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                         cwd=Path(__file__).resolve().parent.parent)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "False"
