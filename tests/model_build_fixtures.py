"""Shared helpers of the model_build tests: measure the peak RSS of a real llama.cpp load."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

# Run in a fresh interpreter so the baseline is clean. The backend's settings: default
# use_mmap (True), n_batch 512, verbose off. Peak = VmHWM after the generation minus VmHWM
# once llama_cpp (libllama) is imported, i.e. what loading and serving the model added.
_MEASURE = r"""
import json, sys
def hwm_kib():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
from llama_cpp import Llama
path, n_ctx, fill = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
base = hwm_kib()
llm = Llama(model_path=path, n_ctx=n_ctx, verbose=False, seed=0)
text = "我最近睡不好，工作压力很大，心里总是很乱，不知道该和谁说。"
unit = llm.tokenize(text.encode(), add_bos=False)
prompt = (unit * (fill // len(unit) + 1))[:fill]
out = llm.create_completion(prompt, max_tokens=8, temperature=0.0)
print(json.dumps({"peak_bytes": (hwm_kib() - base) * 1024,
                  "prompt_tokens": out["usage"]["prompt_tokens"]}))
llm.close()
"""


def measured_peak_rss(path: Path, n_ctx: int, fill: int) -> dict[str, int]:
    """Load `path` with context `n_ctx`, evaluate a `fill`-token prompt plus 8 tokens."""
    done = subprocess.run(
        [sys.executable, "-c", _MEASURE, str(path), str(n_ctx), str(fill)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])
