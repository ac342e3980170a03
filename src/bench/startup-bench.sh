#!/usr/bin/env bash
# Start-up benchmark: whole processes, side by side, as an analyst runs them after every edit.
# Times `java -version` (the JVM's own start), `deciban --version`, `deciban check CASE` and `deciban run CASE`
# from the packaged jar, both as shipped (the launcher maps target/deciban.jsa, the class-data sharing archive
# of the package step) and with DECIBAN_CDS=off (everything in one JVM, no archive), and optionally a second
# jar (BASELINE_JAR=/path/to/older/deciban.jar, run as it runs by default). The variants are interleaved, round
# after round, so a change in the machine's load hits them alike; the table gives the median wall time and the
# median CPU time (user + system, all threads) of RUNS rounds, and each median wall time as a multiple of
# `java -version`'s. The load average is printed before and after: other work on the machine slows every row.
# `run` writes its reports into a temporary copy of priors/, evidence/ and reports/, never into the project.
# Run from anywhere:  src/bench/startup-bench.sh   (options: RUNS=7 CASE=kim-2024 BUILD=1 BASELINE_JAR=...;
# BREAKDOWN=1 prints instead when `run` loads the classes of each library)
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${RUNS:-7}
CASE=${CASE:-kim-2024}
JAR=$PWD/target/deciban.jar
if [ "${BUILD:-0}" = 1 ] || [ ! -f "$JAR" ]; then
  mvn -B -q package -DskipTests
fi
[ -f target/deciban.jsa ] || echo "note: target/deciban.jsa is missing: the 'shipped' rows run without the archive" >&2
if [ ! -x /usr/bin/time ]; then
  echo "GNU time missing: installing Debian's 'time'" >&2
  (apt-get update -qq && apt-get install -y time) >&2
fi
ROOT=$(mktemp -d)
TMP=$(mktemp -d)
trap 'rm -rf "$ROOT" "$TMP"' EXIT
cp -r priors evidence "$ROOT"/
mkdir -p "$ROOT/reports"
[ -d reports ] && cp -r reports/. "$ROOT/reports"/

# name|environment|command ...: one variant a line
variants() {
  echo "java -version||java -version"
  for cmd in "--version" "check --root $ROOT $CASE" "run --root $ROOT $CASE"; do
    echo "deciban ${cmd%% *} (shipped)||java -jar $JAR $cmd"
    echo "deciban ${cmd%% *} (DECIBAN_CDS=off)|DECIBAN_CDS=off|java -jar $JAR $cmd"
    if [ "${cmd%% *}" != --version ]; then
      # the other choice of compilers (the launcher picks C1 alone for a small case: cli.ChildTuning)
      echo "deciban ${cmd%% *} (DECIBAN_JIT=full)|DECIBAN_JIT=full|java -jar $JAR $cmd"
    fi
    if [ -n "${BASELINE_JAR:-}" ]; then
      echo "deciban ${cmd%% *} (BASELINE_JAR)||java -jar $BASELINE_JAR $cmd"
    fi
  done
}

# the shipped launcher and the single JVM must print the same thing
a=$(java -jar "$JAR" run --no-write --root "$ROOT" "$CASE")
b=$(DECIBAN_CDS=off java -jar "$JAR" run --no-write --root "$ROOT" "$CASE")
if [ "$a" != "$b" ]; then
  echo "the launcher's output differs from the single JVM's:" >&2
  diff <(echo "$a") <(echo "$b") >&2 || true
  exit 1
fi

if [ "${BREAKDOWN:-0}" = 1 ]; then
  # where `run` spends its time, as the JVM loads classes: per library, the first and last load (seconds since
  # the JVM started) and the number of classes, in one JVM without the archive (DECIBAN_CDS=off)
  DECIBAN_CDS=off java -Xlog:class+load:file="$TMP/classes":uptime -jar "$JAR" run --no-write --root "$ROOT" "$CASE" >/dev/null
  echo "classes loaded by run: $(wc -l <"$TMP/classes") ($(grep -c 'shared objects file' "$TMP/classes") from the JDK's archive)"
  awk '{t = $1; gsub(/[][s]/, "", t); c = $2; sub(/\$.*/, "", c); n = split(c, p, "."); k = (n > 3) ? p[1] "." p[2] "." p[3] : p[1] "." p[2];
        if (!(k in first)) { first[k] = t; order[++m] = k } last[k] = t; count[k]++ }
       END { for (i = 1; i <= m; i++) if (count[order[i]] >= 10) printf "  %7.3f s .. %7.3f s %5d  %s\n", first[order[i]], last[order[i]], count[order[i]], order[i] }' \
    "$TMP/classes" | grep -v ' java\.\| jdk\.\| sun\.'
  exit 0
fi
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)   cores: $(nproc)   rounds: $RUNS"
i=0
while IFS= read -r line; do echo "$line" >"$TMP/v$i"; i=$((i + 1)); done < <(variants)
n=$i
for ((r = 1; r <= RUNS; r++)); do
  for ((v = 0; v < n; v++)); do
    IFS='|' read -r name envs cmd <"$TMP/v$v"
    t0=$(date +%s%N)
    # shellcheck disable=SC2086
    if ! env $envs /usr/bin/time -o "$TMP/cpu" -f '%U %S' $cmd >/dev/null 2>"$TMP/err"; then
      echo "failed: $name: $cmd" >&2
      cat "$TMP/err" >&2
      exit 1
    fi
    t1=$(date +%s%N)
    echo "$(( (t1 - t0) / 1000000 )) $(awk '{printf "%d", ($1 + $2) * 1000}' "$TMP/cpu")" >>"$TMP/times$v"
  done
done
echo "load average after:  $(cut -d' ' -f1-3 /proc/loadavg)"
median() { sort -n | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
base=$(cut -d' ' -f1 "$TMP/times0" | median)
printf '%-36s %12s %12s %10s\n' "whole process" "wall ms" "CPU ms" "x java"
for ((v = 0; v < n; v++)); do
  IFS='|' read -r name envs cmd <"$TMP/v$v"
  w=$(cut -d' ' -f1 "$TMP/times$v" | median)
  c=$(cut -d' ' -f2 "$TMP/times$v" | median)
  printf '%-36s %12s %12s %10.1f\n' "$name" "$w" "$c" "$(awk -v w="$w" -v b="$base" 'BEGIN {print w / b}')"
done
echo "(median of $RUNS rounds; CPU = user + system of all threads, from GNU time)"
