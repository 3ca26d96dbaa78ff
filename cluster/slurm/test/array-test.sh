#!/usr/bin/env bash
# The Slurm path for real: a one-node cluster on this machine (munge, slurmctld and
# slurmd on localhost, no systemd, proctrack/linuxproc, task/none), a 4-cell tiny
# grid submitted with submit-grid.sh as an array job, and a check that the report
# job, run after the array, sees 4 finished cells. Run as root (CI does). Needs Debian's
# slurm-wlm and munge. The launcher is $STRIDELAB: CI gives the app image's
# (app/target/dist/StrideLab/bin/stridelab); the default is bin/stridelab of this checkout.
#
#   [STRIDELAB=...] cluster/slurm/test/array-test.sh [WORK_DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/../../.." && pwd)
work=$(realpath -m "${1:-$(mktemp -d /tmp/stridelab-slurm.XXXXXX)}")
mkdir -p "$work"/{state,spool,log}
host=$(hostname -s)
cpus=$(nproc)
mem_mb=$(awk '/MemTotal/ {printf "%d", $2 / 1024 * 0.8}' /proc/meminfo)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  scancel --user="$(id -un)" 2>/dev/null || true
}
trap cleanup EXIT

# munge: a fresh key, and the daemon (as root: --force accepts a root-owned key and socket)
mkdir -p /etc/munge /var/run/munge /var/log/munge /var/lib/munge
[ -s /etc/munge/munge.key ] || dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none
chmod 0400 /etc/munge/munge.key
munged --foreground --force --key-file=/etc/munge/munge.key --socket=/var/run/munge/munge.socket.2 &
pids+=($!)
sleep 1

# Addresses are given, so the test needs no name resolution for this machine's host name.
cat > "$work/slurm.conf" <<CONF
ClusterName=stridelab-test
SlurmctldHost=$host(127.0.0.1)
SlurmUser=$(id -un)
SlurmdUser=root
AuthType=auth/munge
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/log/slurmctld.log
SlurmdLogFile=$work/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
JobCompType=jobcomp/none
AccountingStorageType=accounting_storage/none
MpiDefault=none
ReturnToService=2
SchedulerType=sched/backfill
NodeName=$host NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$mem_mb State=UNKNOWN
PartitionName=test Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$work/slurm.conf"
slurmctld -D -f "$SLURM_CONF" > "$work/log/slurmctld.out" 2>&1 &
pids+=($!)
slurmd -D -f "$SLURM_CONF" -N "$host" > "$work/log/slurmd.out" 2>&1 &
pids+=($!)
for _ in $(seq 60); do
  sinfo -h -o %T 2>/dev/null | grep -qE '^(idle|mixed|allocated)' && break
  sleep 1
done
sinfo

# A 4-cell grid (2 stride inits x 2 seeds), as small as a grid gets.
grid="$work/grid"
STRIDELAB="${STRIDELAB:-$root/bin/stridelab}" STRIDELAB_HOME="$work/home" SBATCH_EXTRA="--mem=2500M" \
  STRIDELAB_JAVA_OPTS="-Xmx1g -Dorg.bytedeco.javacpp.maxbytes=1G -Dorg.bytedeco.javacpp.maxphysicalbytes=2G" \
  "$root/cluster/slurm/submit-grid.sh" "$grid" --methods strided --strides 2,2,2 --strides 3,2,3 --seeds 1,2 \
  --width 0.125 --epochs 1 --train-limit 64 --batch 32 --data generated --probe-max-shift 0

deadline=$((SECONDS + 900))
while [ -n "$(squeue -h -o %i)" ]; do
  if [ $SECONDS -gt $deadline ]; then
    echo "the jobs did not finish within 15 minutes:" >&2
    squeue >&2
    tail -n 40 "$work/log/"*.log "$grid"/slurm-*.out >&2 || true
    exit 1
  fi
  sleep 3
done
cat "$grid"/slurm-report-*.out
finished=$(grep -c ',finished,' "$grid/runs.csv" || true)
if [ "$finished" -ne 4 ]; then
  echo "expected 4 finished cells in the report, found $finished" >&2
  cat "$grid/runs.csv" "$grid"/slurm-*.out >&2
  exit 1
fi
echo "slurm array test: 4 cells finished, report written ($grid/runs.csv)"
