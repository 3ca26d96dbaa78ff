#!/usr/bin/env bash
# Exercises the jpackage app image as a user would (after mvn -Pdist package):
# the command launcher's --version and a one-epoch training run, then the lab's
# window under Xvfb until its window appears.
set -euo pipefail
cd "$(dirname "$0")/.."
image=app/target/dist/StrideLab
work=$(mktemp -d /tmp/stridelab-image.XXXXXX)
export STRIDELAB_HOME="$work/home"

"$image/bin/stridelab" --version
"$image/bin/stridelab" train --data generated --epochs 1 --train-limit 256 --batch 64 --width 0.125 \
  --out "$work/run"
test -s "$work/run/summary.json" || { echo "the image's one-epoch run left no summary.json" >&2; exit 1; }

display=:87
Xvfb "$display" -screen 0 1600x1000x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill "$xvfb" 2>/dev/null || true; kill "$lab" 2>/dev/null || true' EXIT
sleep 2
DISPLAY=$display "$image/bin/StrideLab" > "$work/lab.log" 2>&1 &
lab=$!
for _ in $(seq 120); do
  if DISPLAY=$display xwininfo -root -tree 2>/dev/null | grep -q '"StrideLab .* learning strides'; then
    echo "the lab's window is open (app image, Xvfb $display)"
    exit 0
  fi
  kill -0 "$lab" 2>/dev/null || { echo "the lab exited before its window appeared:" >&2; cat "$work/lab.log" >&2; exit 1; }
  sleep 1
done
echo "no lab window within 120 s:" >&2
cat "$work/lab.log" >&2
exit 1
