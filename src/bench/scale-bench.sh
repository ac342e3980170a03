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
# This machine's speed drifts by a quarter over an hour, so a figure is best read beside another build's taken in
# the same run: BASELINE_JAR=/path/to/older/deciban.jar runs that jar too, alternating with this one round by
# round, and adds its median and the ratio (baseline / this build) to each row.
#
# Run from anywhere:  src/bench/scale-bench.sh      (options: SIZES="1000 10000 100000" RUNS=3 BUILD=1
# BASELINE_JAR=...; STAGES=1 also prints the in-process stage times of org.deciban.bench.ScaleStages for each size)
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
med() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)]}'; }
# one whole run of a jar on scale-N: appends "wall cpu rss_kib" to $TMP/$label
one() {
  local label=$1 jar=$2 n=$3 r=$4
  rm -rf "$ROOT/reports"
  if ! /usr/bin/time -o "$TMP/t" -f "%e %U %S %M" java -jar "$jar" run --root "$ROOT" "scale-$n" >"$TMP/out" 2>"$TMP/err"; then
    echo "run scale-$n ($label) failed:" >&2; cat "$TMP/err" >&2; exit 1
  fi
  read -r e u s m <"$TMP/t"
  local c; c=$(awk -v u="$u" -v s="$s" 'BEGIN { printf "%.2f", u + s }')
  echo "$e $c $m" >>"$TMP/$label"
  echo "scale-$n $label run $r: wall $e s, cpu $c s, peak RSS $((m / 1024)) MiB" >&2
}
for n in $SIZES; do
  rm -f "$TMP/this" "$TMP/baseline"
  for ((r = 1; r <= RUNS; r++)); do
    one this "$JAR" "$n" "$r"
    if [ -n "${BASELINE_JAR:-}" ]; then
      one baseline "$BASELINE_JAR" "$n" "$r"
    fi
  done
  # shellcheck disable=SC2046
  w=$(med $(cut -d' ' -f1 "$TMP/this")); c=$(med $(cut -d' ' -f2 "$TMP/this"))
  rss=$(cut -d' ' -f3 "$TMP/this" | sort -g | tail -1)
  row="| $n | $w | $c | $((rss / 1024)) | $(target "$n") |"
  if [ -n "${BASELINE_JAR:-}" ]; then
    # shellcheck disable=SC2046
    bw=$(med $(cut -d' ' -f1 "$TMP/baseline")); bc=$(med $(cut -d' ' -f2 "$TMP/baseline"))
    brss=$(cut -d' ' -f3 "$TMP/baseline" | sort -g | tail -1)
    row="$row $bw | $bc | $((brss / 1024)) | $(awk -v a="$bw" -v b="$w" 'BEGIN { printf "%.2f", a / b }') |"
  fi
  rows+=("$row")
  if [ "${STAGES:-0}" = 1 ]; then
    [ -f "$TMP/cp" ] || mvn -B -q dependency:build-classpath -Dmdep.outputFile="$TMP/cp" >/dev/null
    mvn -B -q test-compile >/dev/null
    echo "stages of scale-$n (one JVM, no reports):" >&2
    java -cp "target/classes:target/test-classes:$(cat "$TMP/cp")" org.deciban.bench.ScaleStages "$ROOT" "scale-$n" >&2
  fi
done
echo
if [ -n "${BASELINE_JAR:-}" ]; then
  echo "| items | wall s (median of $RUNS) | CPU s (median) | peak RSS MiB (largest) | target | baseline wall s | baseline CPU s | baseline RSS MiB | baseline / this (wall) |"
  echo "| ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: |"
else
  echo "| items | wall s (median of $RUNS) | CPU s (median) | peak RSS MiB (largest) | target |"
  echo "| ---: | ---: | ---: | ---: | --- |"
fi
printf '%s\n' "${rows[@]}"
echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
