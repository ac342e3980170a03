#!/usr/bin/env bash
# Side-by-side exact-inference benchmark on the workload of shared/bench/network-queries.md: deciban's
# junction tree (org.deciban.bench.NetworkBenchMain) and Weka 3.8.6's (src/bench/weka, GPL, a separate
# Maven project used here only, never part of deciban's build or jar), on the same networks and the same
# finding sets (org.deciban.bench.XmlBifExport writes each network in XMLBIF for Weka, with 17-digit
# probabilities, and the sets A and B). One query: five hard findings (A and B alternating), propagate,
# read every marginal. Per-query time: mean over the second half of the queries (warm JIT). Each program
# runs once per network under /usr/bin/time -v (peak RSS); Weka gets WEKA_TIMEOUT seconds per network.
# Also: the cold whole process on ALARM (JVM start, read, compile, one query), median of COLD_RUNS runs.
# Both programs print P(first variable = first state | set A); the table says whether they agree.
# Run from the project root:  src/bench/run-network-bench.sh
#   options: NETWORKS="alarm hailfinder ..." SECONDS_PER_NETWORK=10 WEKA_TIMEOUT=300 COLD_RUNS=5
set -euo pipefail
cd "$(dirname "$0")/../.."
NETWORKS=${NETWORKS:-"alarm hailfinder hepar2 win95pts pathfinder andes munin"}
SECS=${SECONDS_PER_NETWORK:-10}
WEKA_TIMEOUT=${WEKA_TIMEOUT:-300}
COLD_RUNS=${COLD_RUNS:-5}
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores; $(java -version 2>&1 | head -1)"
mvn -B -q test-compile
mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test >/dev/null
mvn -B -q -f src/bench/weka/pom.xml package
mvn -B -q -f src/bench/weka/pom.xml dependency:build-classpath -Dmdep.outputFile=target/cp.txt >/dev/null
CP="target/test-classes:target/classes:$(cat target/cp.txt)"
WCP="src/bench/weka/target/weka-peer-1.jar:$(cat src/bench/weka/target/cp.txt)"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
field() { grep -o "$1=[^ ]*" "$2" | head -1 | cut -d= -f2; }
rss() { awk '/Maximum resident set size/ {printf "%d", $NF / 1024}' "$1"; }
declare -A TARGET=([alarm]="25 µs" [hailfinder]="110 µs" [hepar2]="50 µs" [win95pts]="60 µs" [pathfinder]="1.5 ms" [andes]="3 ms" [munin]="320 ms")
us() { awk -v x="$1" 'BEGIN { if (x == "") print "-"; else if (x >= 1000000) printf "%.2f s", x / 1e6; else if (x >= 1000) printf "%.2f ms", x / 1e3; else printf "%.1f µs", x }'; }
ROWS=()
for net in $NETWORKS; do
  file=src/test/resources/networks/$net.bif.gz
  vars=$(zcat "$file" | grep -c '^variable')
  echo "== $net ($vars variables)" >&2
  /usr/bin/time -v java -cp "$CP" org.deciban.bench.NetworkBenchMain "$file" "$net" "$SECS" >"$TMP/d.out" 2>"$TMP/d.time"
  cat "$TMP/d.out" >&2
  d=$(field per_query_us "$TMP/d.out"); dc=$(field compile_ms "$TMP/d.out"); df=$(field first "$TMP/d.out"); drss=$(rss "$TMP/d.time")
  java -cp "$CP" org.deciban.bench.XmlBifExport "$file" "$net" "$TMP/$net.xml" "$TMP/$net.queries"
  code=0
  timeout "$WEKA_TIMEOUT" /usr/bin/time -v java -cp "$WCP" org.deciban.benchpeer.WekaPeer "$TMP/$net.xml" "$TMP/$net.queries" "$net" "$SECS" \
      >"$TMP/w.out" 2>"$TMP/w.time" || code=$?
  if [ "$code" = 0 ]; then
    cat "$TMP/w.out" >&2
    w=$(field per_query_us "$TMP/w.out"); wf=$(field first "$TMP/w.out"); wrss="$(rss "$TMP/w.time") MiB"
    ratio=$(awk -v w="$w" -v d="$d" 'BEGIN { printf "%.0fx", w / d }')
    agree=$(awk -v a="$df" -v b="$wf" 'BEGIN { d = a - b; if (d < 0) d = -d; print (d <= 1e-9 ? "yes" : "NO (" a " vs " b ")") }')
    wtext=$(us "$w")
  elif [ "$code" = 124 ]; then
    echo "weka: did not finish within ${WEKA_TIMEOUT} s" >&2
    wtext="did not finish in ${WEKA_TIMEOUT} s"; ratio="-"; agree="-"; wrss="-"
  else
    err=$(grep -o '[A-Za-z.]*\(Exception\|Error\)[^ ]*' "$TMP/w.time" | head -1)
    echo "weka: failed (exit $code): $(grep -m1 'Exception\|Error' "$TMP/w.time")" >&2
    wtext="failed: ${err:-exit $code}"; ratio="-"; agree="-"; wrss="-"
  fi
  ROWS+=("| $net | $vars | $(us "$d") | ${TARGET[$net]:-} | $wtext | $ratio | $agree | $(awk -v x="$dc" 'BEGIN { printf "%.0f ms", x }') | $drss / $wrss |")
done
COLD=()
for i in $(seq "$COLD_RUNS"); do
  s=$(date +%s%N)
  java -cp "$CP" org.deciban.bench.NetworkBenchMain src/test/resources/networks/alarm.bif.gz alarm cold >/dev/null
  COLD+=($(( ($(date +%s%N) - s) / 1000000 )))
done
cold=$(printf '%s\n' "${COLD[@]}" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
echo
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| network | variables | deciban per query | target | Weka 3.8.6 per query | Weka / deciban | same marginals | deciban compile | peak RSS deciban / Weka (MiB) |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: |"
printf '%s\n' "${ROWS[@]}"
echo
echo "Cold whole process on ALARM (JVM start, read, compile, one query), median of $COLD_RUNS: ${cold} ms (target 300 ms); runs: ${COLD[*]} ms"
