#!/usr/bin/env bash
# Scale benchmark (issue "One compiled model", item 3): the whole `deciban run` as an analyst runs it (exact
# posterior, Monte Carlo at the case's 2,000 draws, sensitivity, every report and the history record) on
# generated cases of 1,000, 10,000 and 100,000 items, each a whole process from the packaged jar.
#
# The cases are written by src/bench/scale_cases.py into a temporary project (3 hypotheses, items dated over
# five years, a third in 50 groups, mixed reliabilities, confidence 20, drift 0.2 a year, 2,000 draws; the same
# files for the same N). The table gives, for each size, the median wall time, the median CPU time (user +
# system, all threads of both JVMs) and the largest resident set of RUNS runs, beside the targets
# (<= 3 s, <= 6 s, <= 30 s and <= 2 GiB). The load average is printed before and after: other work on the
# two cores slows every row. Figures come from GNU time (%e, %U + %S, %M: the peak RSS of the largest process).
#
# Run from anywhere:  src/bench/scale-bench.sh      (options: SIZES="1000 10000 100000" RUNS=3 BUILD=1;
# STAGES=1 also prints the in-process stage times of org.deciban.bench.ScaleStages for each size)
set -euo pipefail
cd "$(dirname "$0")/../.."
SIZES=${SIZES:-"1000 10000 100000"}
RUNS=${RUNS:-3}
JAR=$PWD/target/deciban.jar
if [ "${BUILD:-0}" = 1 ] || [ ! -f "$JAR" ]; then
  mvn -B -q package -DskipTests
fi
if [ ! -x /usr/bin/time ]; then
  echo "GNU time missing: installing Debian's 'time'" >&2
  (apt-get update -qq && apt-get install -y time) >&2
fi
ROOT=$(mktemp -d)
TMP=$(mktemp -d)
trap 'rm -rf "$ROOT" "$TMP"' EXIT
# shellcheck disable=SC2086
python3 src/bench/scale_cases.py "$ROOT" $SIZES

target() {
  case $1 in
    1000) echo "3 s" ;; 10000) echo "6 s" ;; 100000) echo "30 s, 2 GiB" ;; *) echo "-" ;;
  esac
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores; $(java -version 2>&1 | head -1)"
rows=()
for n in $SIZES; do
  walls=(); cpus=(); rss=0
  for ((r = 1; r <= RUNS; r++)); do
    rm -rf "$ROOT/reports"
    if ! /usr/bin/time -o "$TMP/t" -f "%e %U %S %M" java -jar "$JAR" run --root "$ROOT" "scale-$n" >"$TMP/out" 2>"$TMP/err"; then
      echo "run scale-$n failed:" >&2; cat "$TMP/err" >&2; exit 1
    fi
    read -r e u s m <"$TMP/t"
    walls+=("$e"); cpus+=("$(awk -v u="$u" -v s="$s" 'BEGIN { printf "%.2f", u + s }')")
    [ "$m" -gt "$rss" ] && rss=$m
    echo "scale-$n run $r: wall $e s, cpu $(awk -v u="$u" -v s="$s" 'BEGIN { printf "%.2f", u + s }') s, peak RSS $((m / 1024)) MiB" >&2
  done
  med() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)]}'; }
  rows+=("| $n | $(med "${walls[@]}") | $(med "${cpus[@]}") | $((rss / 1024)) | $(target "$n") |")
  if [ "${STAGES:-0}" = 1 ]; then
    [ -f "$TMP/cp" ] || mvn -B -q dependency:build-classpath -Dmdep.outputFile="$TMP/cp" >/dev/null
    mvn -B -q test-compile >/dev/null
    echo "stages of scale-$n (one JVM, no reports):" >&2
    java -cp "target/classes:target/test-classes:$(cat "$TMP/cp")" org.deciban.bench.ScaleStages "$ROOT" "scale-$n" >&2
  fi
done
echo
echo "| items | wall s (median of $RUNS) | CPU s (median) | peak RSS MiB (largest) | target |"
echo "| ---: | ---: | ---: | ---: | --- |"
printf '%s\n' "${rows[@]}"
echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
