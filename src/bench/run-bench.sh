#!/usr/bin/env bash
# Side-by-side Monte Carlo benchmark: deciban's kernel vs a vectorised numpy program on the workload of
# shared/bench/monte-carlo-workload.md (20 items x 3 hypotheses, 1,000,000 draws; and 200 x 8, 100,000 draws),
# on 1 thread and on all cores, with the random-draw floor (Beta draws alone, same samplers) and the
# peak memory (maximum resident set size from /usr/bin/time -v) of each run.
# Run from the project root:  src/bench/run-bench.sh   (options: SIZES="small large" CORES=2)
set -euo pipefail
cd "$(dirname "$0")/../.."
CORES=${CORES:-$(nproc)}
SIZES=${SIZES:-"small large"}
PY=python3
if ! $PY -c 'import numpy' 2>/dev/null; then
  if [ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import numpy' 2>/dev/null; then PY=/usr/bin/python3
  else echo "numpy missing: installing Debian's python3-numpy" >&2; (apt-get update -qq && apt-get install -y python3-numpy) >&2; PY=/usr/bin/python3; fi
fi
mvn -B -q test-compile
mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test >/dev/null
CP="target/test-classes:target/classes:$(cat target/cp.txt)"
TMP=$(mktemp -d)
measure() {  # name, command...: prints the program's first line and its peak memory
  local name=$1; shift
  /usr/bin/time -v "$@" >"$TMP/out" 2>"$TMP/time"
  local rate; rate=$(grep -o 'draws_per_s=[0-9]*' "$TMP/out" | head -1 | cut -d= -f2)
  local kb; kb=$(grep 'Maximum resident set size' "$TMP/time" | awk '{print $NF}')
  printf '%-34s %12s draws/s  peak %6d MiB\n' "$name" "$rate" $((kb / 1024))
  sed -n '2,$p' "$TMP/out" | sed 's/^/    /'
  echo "$rate" >"$TMP/rate_$name"
}
for size in $SIZES; do
  if [ "$size" = small ]; then D=1000000; else D=100000; fi
  echo "== workload $size, $D draws, $CORES cores =="
  for t in 1 "$CORES"; do
    measure "deciban-kernel-$size-t$t" java -cp "$CP" org.deciban.bench.BenchMain "$size" kernel "$t" "$D"
    measure "deciban-floor-$size-t$t" java -cp "$CP" org.deciban.bench.BenchMain "$size" floor "$t" "$D"
    # numpy: OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE are unset together, for this command alone
    measure "numpy-kernel-$size-p$t" env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE $PY src/bench/mc_numpy.py "$size" "$D" "$t"
    measure "numpy-floor-$size-p$t" env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE $PY src/bench/mc_numpy.py "$size" "$D" "$t" floor
  done
  for t in 1 "$CORES"; do
    k=$(cat "$TMP/rate_deciban-kernel-$size-t$t"); f=$(cat "$TMP/rate_deciban-floor-$size-t$t")
    n=$(cat "$TMP/rate_numpy-kernel-$size-p$t")
    awk -v k="$k" -v n="$n" -v f="$f" -v t="$t" -v s="$size" 'BEGIN {
      printf "ratio %s, %s thread(s): deciban/numpy %.2fx; deciban floor/kernel %.2fx (kernel within that factor of its random-draw floor)\n", s, t, k / n, f / k }'
  done
done
rm -rf "$TMP"
