#!/usr/bin/env bash
# What the network drawing of report.html costs `deciban run`. For the ceasefire fixture and standard networks
# (a case made on each: its first variable the question, one neutral item on it), each round starts one fresh
# JVM per case on the shipped jar (org.deciban.bench.DrawingCost: the page's other charts, then the drawing cold
# and 20 times warm) and times one whole `run --no-mc --no-write` process of the same case; rounds are
# interleaved so a change in the machine's load hits every case alike. Prints the medians over RUNS rounds and
# the cold drawing as a share of the whole process. The load average is printed before and after.
# Run from the project root:  src/bench/run-drawing-bench.sh   (options: RUNS=5 NETWORKS="alarm ..." BUILD=1)
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${RUNS:-5}
NETWORKS=${NETWORKS:-"asia alarm hailfinder win95pts pathfinder andes"}
JAR=$PWD/target/deciban.jar
if [ "${BUILD:-0}" = 1 ] || [ ! -f "$JAR" ]; then
  mvn -B -q package -DskipTests
fi
mvn -B -q test-compile
CP="$JAR:$PWD/target/test-classes"
ROOT=$(mktemp -d)
TMP=$(mktemp -d)
trap 'rm -rf "$ROOT" "$TMP"' EXIT
cp -r src/test/resources/cases/ceasefire/. "$ROOT"/
CASES="ceasefire"
for net in $NETWORKS; do
  file=src/test/resources/networks/$net.bif.gz
  cp "$file" "$ROOT/priors/"
  # whole files through awk (an early exit would stop zcat with SIGPIPE, which pipefail reports)
  first=$(zcat "$file" | awk '/^variable/ && !n { print $2 } /^variable/ { n++ }')
  states=$(zcat "$file" | awk '/^variable/ { n++ } n == 1 && /type discrete/ { sub(/.*\{ */, ""); sub(/ *\}.*/, ""); print }')
  printf 'case: %s\nquestion: %s?\nnetwork: %s.bif.gz\nquestion_variable: %s\n' "$net" "$first" "$net" "$first" >"$ROOT/priors/$net.yaml"
  mkdir -p "$ROOT/evidence/$net"
  likelihoods=$(echo "$states" | tr ',' '\n' | sed 's/^ *//; s/ *$//; s/$/: 0.5/' | paste -sd, | sed 's/,/, /g')
  printf -- '- id: neutral\n  on: %s\n  likelihoods: {%s}\n' "$first" "$likelihoods" >"$ROOT/evidence/$net/one.yaml"
  CASES="$CASES $net"
done
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)   cores: $(nproc)   rounds: $RUNS   $(java -version 2>&1 | head -1)"
for ((r = 1; r <= RUNS; r++)); do
  for c in $CASES; do
    java -cp "$CP" org.deciban.bench.DrawingCost "$ROOT" "$c" 20 >>"$TMP/$c.cost"
    t0=$(date +%s%N)
    java -jar "$JAR" run --root "$ROOT" "$c" --no-mc --no-write >/dev/null
    echo $(( ($(date +%s%N) - t0) / 1000000 )) >>"$TMP/$c.whole"
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
field() { grep -o "$1=[^ ]*" "$2" | cut -d= -f2 | median; }
echo
echo "| case | variables | page without the drawing, cold (ms) | drawing, cold (ms) | drawing, warm (ms) | whole \`run --no-mc\` process (ms) | cold drawing / whole run | page size with the drawing alone (KB) |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
for c in $CASES; do
  vars=$(grep -o 'variables=[0-9]*' "$TMP/$c.cost" | head -1 | cut -d= -f2)
  page=$(field page_ms "$TMP/$c.cost"); cold=$(field drawing_cold_ms "$TMP/$c.cost"); warm=$(field drawing_warm_ms "$TMP/$c.cost")
  whole=$(median <"$TMP/$c.whole"); chars=$(field drawing_chars "$TMP/$c.cost")
  awk -v c="$c" -v v="$vars" -v p="$page" -v d="$cold" -v w="$warm" -v t="$whole" -v k="$chars" \
    'BEGIN { printf "| %s | %d | %d | %d | %.1f | %d | %.2f | %d |\n", c, v, p, d, w, t, d / t, k / 1024 }'
done
