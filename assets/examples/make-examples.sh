#!/usr/bin/env bash
# Makes the example runs the lab ships (Examples menu): finished runs that let a
# lecture start from curves, strides and masks without training.
#
#   assets/examples/make-examples.sh [OUT]     (default: assets/examples/runs)
#
# All runs: width 0.125 (8, 16, 32, 64 filters), the generated pattern data
# (no download), its first 2,560 training images, SGD 0.1 with cosine decay,
# weight decay 5e-4, seed 1: the lecture grid's protocol at half its width.
# Each run keeps its logs, summary and best weights; the training checkpoint is
# removed to keep the examples small, so they open but do not continue.
# The same command gives the same runs, up to the float noise of multi-threaded
# kernels in the last digits.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
out=${1:-$root/assets/examples/runs}
lab="$root/bin/stridelab"
common=(--width 0.125 --data generated --train-limit 2560 --batch 128 --epochs 6 --optimizer sgd --lr 0.1
        --momentum 0.9 --weight-decay 5e-4 --schedule cosine --checkpoint-every 0 --seed 1)

rm -rf "$out"
mkdir -p "$out"
# 1. The same poor start, (3, 2, 3), two ways: strides fixed at 3 keep the cut, DiffStride learns them down.
"$lab" train "${common[@]}" --method strided --strides 3,2,3 --out "$out/strided-poor-start"
"$lab" train "${common[@]}" --method diffstride --strides 3,2,3 --out "$out/diffstride-poor-start"
# 2. A small grid: the three methods from a good and a poor start.
"$lab" grid run --preset lecture --width 0.125 --methods strided,spectral,diffstride --strides 2,2,2 \
  --strides 3,2,3 --out "$out/grid-good-and-poor-start"
# No training checkpoints (examples open, they do not continue), temporary files or locks.
find "$out" \( -name checkpoint.zip -o -name '.*.tmp' -o -name '*.lock' \) -delete
find "$out" -depth -type d -empty -delete
# The list the app unpacks them from (resources cannot be listed inside a jar).
(cd "$out" && find . -type f ! -name files.txt | sed 's|^\./||' | LC_ALL=C sort > files.txt)
du -sh "$out"
