#!/usr/bin/env python3
"""Keeps the `load` corpus small enough for git; run after `cargo fuzz cmin load`.

`cmin` keeps every input that adds a feature, hit counts included, and most of what it keeps
by size are mutations of the 33 KB real letter. This keeps, within the budget (default
1.8 MB), first the inputs that reach the coverage edges, chosen greedily by new edges per
byte, then as many of the smallest others as fit; the rest are deleted. The edges come from one libFuzzer merge pass with
-use_counters=0 (edges, not hit counts) over the corpus, by the newer of the two builds the
README's commands make (AddressSanitizer in target/, none in target/plain/).

    python3 shrink-load-corpus.py [BUDGET_BYTES]
"""
import heapq
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
BUILDS = [
    os.path.join(HERE, d, "x86_64-unknown-linux-gnu/release/load")
    for d in ("target", "target/plain")
]
BUILDS = [b for b in BUILDS if os.access(b, os.X_OK)]
CORPUS = os.path.join(HERE, "corpus/load")
budget = int(sys.argv[1]) if len(sys.argv) > 1 else 1_800_000

if not BUILDS:
    sys.exit("build first: RUSTC_BOOTSTRAP=1 cargo fuzz build load")
BIN = max(BUILDS, key=os.path.getmtime)
print(f"using {os.path.relpath(BIN, HERE)}")

with tempfile.TemporaryDirectory() as work:
    empty = os.path.join(work, "empty")
    os.mkdir(empty)
    control = os.path.join(work, "control")
    subprocess.run(
        [BIN, "-merge=1", "-use_counters=0", f"-merge_control_file={control}", empty, CORPUS],
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    lines = open(control).read().split("\n")

count = int(lines[0])
files = lines[2 : 2 + count]
edges = {}
for line in lines[2 + count :]:
    if line.startswith("FT "):
        parts = line.split()
        edges[int(parts[1])] = set(map(int, parts[2:]))

size = {i: os.path.getsize(f) for i, f in enumerate(files)}
# First the inputs that reach the edges, greedily by new edges per byte, then the smallest of
# the rest (they carry the hit-count features `cmin` kept them for), within the budget.
keep = set()
covered = set()
total = 0
# Lazy greedy: a file's gain only shrinks as more is covered, so a stale score is an upper
# bound, and the file is rescored when it comes to the top.
heap = [(-len(e) / (size[i] + 64), i) for i, e in edges.items() if e]
heapq.heapify(heap)
while heap:
    _, best = heapq.heappop(heap)
    gain = len(edges[best] - covered)
    if gain == 0:
        continue
    score = -gain / (size[best] + 64)
    if heap and score > heap[0][0]:
        heapq.heappush(heap, (score, best))
        continue
    if total + size[best] > budget:
        continue
    keep.add(best)
    covered |= edges[best]
    total += size[best]
for i in sorted(size, key=lambda i: size[i]):
    if i not in keep and total + size[i] <= budget:
        keep.add(i)
        total += size[i]

all_edges = set().union(*edges.values()) if edges else set()
for i, f in enumerate(files):
    if i not in keep:
        os.remove(f)
print(
    f"corpus/load: kept {len(keep)} of {count} files, {total} bytes; "
    f"{len(covered)} of {len(all_edges)} edges"
)
