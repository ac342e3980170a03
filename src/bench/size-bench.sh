#!/usr/bin/env bash
# Every command of deciban on extreme-size cases (issue 14), each run once in the default heap under
# /usr/bin/time -v: exit code, wall seconds, peak resident memory, and the first line of stderr. The
# target: each command either finishes within 30 s or refuses at load with one line naming the limit.
#
# Sizes (written by src/bench/size_cases.py into a temporary project folder):
#   beyond the limits: 10,000 hypotheses; 200,000 items; a 1 MB label; 1 MB strings  (must be refused)
#   at the limits:     100 hypotheses; 100,000 items; a 64 KiB label; 64 KiB strings  (must finish)
#   between:           10,000 items
# Run from the project root:  src/bench/size-bench.sh      (options: SETS="beyond limit between" LIMIT_S=120
# PROFILE=1: also record each command with Java Flight Recorder and print the deciban methods holding
# the most CPU samples, inclusive: where a slow command spends its time, by stage)
# Timings on a shared machine vary; compare rows of one run, and read the README's figures for a quiet one.
set -euo pipefail
cd "$(dirname "$0")/../.."
SETS=${SETS:-"beyond limit between"}
LIMIT_S=${LIMIT_S:-120}
PROFILE=${PROFILE:-0}
mvn -B -q package -DskipTests
JAR=target/deciban.jar
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
cases=()
for set in $SETS; do
  case $set in
    beyond) python3 src/bench/size_cases.py "$TMP" hyp 10000 items 200000 label 1000000 strings 1000000
            cases+=(hyp-10000 items-200000 label-1000000 strings-1000000) ;;
    limit)  python3 src/bench/size_cases.py "$TMP" hyp 100 items 100000 label 65536 strings 65000
            cases+=(hyp-100 items-100000 label-65536 strings-65000) ;;
    between) python3 src/bench/size_cases.py "$TMP" items 10000
            cases+=(items-10000) ;;
    *) echo "unknown set $set" >&2; exit 2 ;;
  esac
done
printf '%-16s %-22s %5s %8s %9s  %s\n' case command exit seconds peak_MiB "first line of stderr"
for c in "${cases[@]}"; do
  for cmd in "check" "run --no-mc" "run" "explain" "sensitivity" "what-if --without item-0" "timeline" "history --verify" "test"; do
    # shellcheck disable=SC2086
    set +e
    JFR=()
    [ "$PROFILE" = 1 ] && JFR=(-XX:StartFlightRecording=filename="$TMP/rec.jfr",settings=profile)
    /usr/bin/time -v -o "$TMP/time" timeout "$LIMIT_S" java "${JFR[@]}" -jar "$JAR" $cmd --root "$TMP" "$c" >"$TMP/out" 2>"$TMP/err"
    code=$?
    set -e
    secs=$(grep 'Elapsed (wall clock)' "$TMP/time" | awk '{print $NF}' | awk -F: '{ if (NF == 3) print $1 * 3600 + $2 * 60 + $3; else print $1 * 60 + $2 }')
    kb=$(grep 'Maximum resident set size' "$TMP/time" | awk '{print $NF}')
    [ "$code" = 124 ] && code="TIME"
    printf '%-16s %-22s %5s %8.1f %9d  %s\n' "$c" "$cmd" "$code" "$secs" $((kb / 1024)) "$(head -1 "$TMP/err" | cut -c1-150)"
    if [ "$PROFILE" = 1 ] && [ -s "$TMP/rec.jfr" ]; then
      jfr print --stack-depth 64 --events jdk.ExecutionSample "$TMP/rec.jfr" | python3 -c '
import collections, re, sys
blocks = sys.stdin.read().split("jdk.ExecutionSample")[1:]
count = collections.Counter()
for b in blocks:
    count.update(set(f for f in re.findall(r"^\s+([\w.$<>]+)\(", b, re.M) if f.startswith("org.deciban.") and ".cli." not in f))
for name, n in count.most_common(6):
    print("      %5.1f%% %s" % (100.0 * n / max(1, len(blocks)), name))'
      rm -f "$TMP/rec.jfr"
    fi
  done
done
