#!/usr/bin/env bash
# Runs a StrideLab grid on Slurm: one array task per cell, then a report job.
#
#   cluster/slurm/submit-grid.sh GRID_DIR [grid options: --preset paper --download, --config FILE, ...]
#
# GRID_DIR must be on a disk every node sees. Steps:
#   1. here, once: write GRID_DIR/grid.json and prepare the data (generate it, or check or
#      --download CIFAR-10), so the tasks do not all do it at the same moment;
#   2. sbatch an array of one task per cell (grid-cell.sbatch): task i trains shard i+1 of N,
#      i.e. exactly cell i+1 (array ids count from 0, shards from 1);
#   3. sbatch the report (grid-report.sbatch) to run after the array, however its tasks end.
# The launcher is $STRIDELAB (default: the stridelab found on PATH; bin/stridelab from a checkout).
# Extra sbatch options for both jobs (partition, account, time): SBATCH_EXTRA="--partition=gpu ...".
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
[ $# -ge 1 ] || { echo "usage: $0 GRID_DIR [grid run options]" >&2; exit 2; }
grid=$(realpath -m "$1"); shift
lab=${STRIDELAB:-stridelab}
"$lab" grid run "$@" --out "$grid" --prepare-only
cells=$("$lab" grid describe --count "$grid")
export STRIDELAB="$lab" GRID_DIR="$grid"
# shellcheck disable=SC2086
array=$(sbatch --parsable ${SBATCH_EXTRA:-} --array=0-$((cells - 1)) --chdir="$grid" "$here/grid-cell.sbatch")
# shellcheck disable=SC2086
report=$(sbatch --parsable ${SBATCH_EXTRA:-} --dependency=afterany:"${array%%;*}" --chdir="$grid" \
  "$here/grid-report.sbatch")
echo "grid $grid: $cells cells in array job $array; report job $report runs after it"
