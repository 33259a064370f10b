#!/usr/bin/env bash
# What the monitor costs an idle service: the packaged jar started several times side by
# side on 127.0.0.1, each with the JVM options the container image ships (JAVA_TOOL_OPTIONS
# from the Dockerfile, or SHIPPED_OPTS): monitor off (twice, to show the noise between
# two identical JVMs), and monitor on with each source of GC pauses —
#   - the default (runtime-monitor.gc-events=auto: the JVM's GC counters);
#   - runtime-monitor.gc-events=jfr, Flight Recorder with its default buffers (the shipped
#     options less any -XX:FlightRecorderOptions) and with
#     -XX:FlightRecorderOptions:memorysize=1m added;
#   - runtime-monitor.gc-events=notifications (no Flight Recorder, whole milliseconds).
# It checks each JVM's log for the source it asked for. Once every JVM answers /health it
# waits SETTLE seconds (the JIT is still busy right after start-up), then leaves them idle
# for the given seconds and reads, for each JVM:
#   - CPU time over the idle period: utime + stime from /proc/<pid>/stat, and of it, the
#     share of Flight Recorder's threads and of the monitor's (/proc/<pid>/task/*/stat);
#   - live threads and resident memory (VmRSS) from /proc/<pid>/status;
#   - the committed total and the "Tracing" (Flight Recorder) category of Native Memory
#     Tracking (-XX:NativeMemoryTracking=summary, jcmd <pid> VM.native_memory summary),
#     read last: the attach starts a thread and costs CPU.
# The heap is fixed (HEAP_OPTS, -Xms256m -Xmx256m by default) so that NMT's total does not
# follow the heap's state; RSS still does. Nothing sends a request during the idle period.
# Prints markdown tables (also in target/bench/idle-cost.md): each JVM, and monitor on − off
# with the median over the rounds; every round's figures go to target/bench/idle-cost-rounds.tsv,
# each JVM's NMT summary to target/bench/idle-cost-nmt/.
# Needs curl, python3 and a JDK 25 (jcmd); run './mvnw -DskipTests package' first.
# Usage: scripts/bench/idle-cost.sh [idle seconds, default 60] [rounds, default 1]
# Environment: SETTLE (seconds, default 20), HEAP_OPTS, EXTRA_OPTS (say -XX:+UseSerialGC,
# the collector the JVM picks in a 512 MiB container), SHIPPED_OPTS (options to measure
# instead of the Dockerfile's, say the chart's javaToolOptions), JAVA_HOME.
set -euo pipefail
cd "$(dirname "$0")/../.."

IDLE="${1:-60}"
ROUNDS="${2:-1}"
SETTLE="${SETTLE:-20}"
HEAP_OPTS="${HEAP_OPTS:--Xms256m -Xmx256m}"
EXTRA_OPTS="${EXTRA_OPTS:-}"
JDK="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
JAVA="$JDK/bin/java"
JCMD="$JDK/bin/jcmd"
JAR="$(ls "$PWD"/target/runtime-monitor-*-exec.jar 2>/dev/null | head -1)"
for tool in curl python3 "$JCMD"; do
  command -v "$tool" >/dev/null || { echo "$tool is missing" >&2; exit 1; }
done
[ -n "$JAR" ] || { echo "No packaged jar: run ./mvnw -DskipTests package" >&2; exit 1; }

# The image's options; the same without any -XX:FlightRecorderOptions (Flight Recorder's
# default buffers), and with its buffers at their 1 MB minimum.
if [ -n "${SHIPPED_OPTS:-}" ]; then
  SHIPPED="$SHIPPED_OPTS"
else
  SHIPPED="$(sed -n 's/^ENV JAVA_TOOL_OPTIONS="\(.*\)"$/\1/p' Dockerfile)"
  [ -n "$SHIPPED" ] || { echo "No ENV JAVA_TOOL_OPTIONS line in the Dockerfile" >&2; exit 1; }
fi
BARE="$(echo "$SHIPPED" | sed -E 's/(^| )-XX:FlightRecorderOptions[:=][^ ]*//g; s/^ +//')"
JFR_1M="${BARE:+$BARE }-XX:FlightRecorderOptions:memorysize=1m"

WORK="$(mktemp -d /tmp/rm-idle.XXXXXX)"
OUT="target/bench"
rm -rf "$OUT/idle-cost-nmt"
mkdir -p "$OUT/idle-cost-nmt"
declare -A PID PORT
stop_all() {
  for name in "${!PID[@]}"; do kill "${PID[$name]}" 2>/dev/null || true; done
  for name in "${!PID[@]}"; do wait "${PID[$name]}" 2>/dev/null || true; done
  PID=()
}
trap 'stop_all; rm -rf "$WORK"' EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

# name, JAVA_TOOL_OPTIONS, application arguments...
start() {
  local name="$1" options="$2"; shift 2
  PORT[$name]="$(free_port)"
  # shellcheck disable=SC2086 # the option strings are lists of words
  (cd "$WORK" && JAVA_TOOL_OPTIONS="$options" exec "$JAVA" $HEAP_OPTS $EXTRA_OPTS \
    -XX:NativeMemoryTracking=summary -jar "$JAR" \
    --server.port="${PORT[$name]}" --server.address=127.0.0.1 "$@" > "$WORK/$name.log" 2>&1) &
  PID[$name]=$!
}

wait_healthy() {
  local name="$1"
  for _ in $(seq 1 1800); do
    curl -fs -o /dev/null "http://127.0.0.1:${PORT[$name]}/health" 2>/dev/null && return 0
    kill -0 "${PID[$name]}" 2>/dev/null || break
    sleep 0.1
  done
  echo "$name: no 200 from /health within 180 s" >&2; cat "$WORK/$name.log" >&2; return 1
}

# Each JVM runs what it was asked to: its log names the source of GC pauses (none when
# the monitor is off), and Flight Recorder's threads exist only where it is the source.
check_source() {
  local name="$1" expected="$2" found=none jfr=no
  if grep -q "GC pauses from the JVM's GC counters" "$WORK/$name.log"; then found=counters
  elif grep -q 'GC pauses from Flight Recorder' "$WORK/$name.log"; then found=jfr
  elif grep -q 'GC pauses from GC notifications' "$WORK/$name.log"; then found=notifications
  fi
  if grep -q '^JFR' /proc/"${PID[$name]}"/task/*/comm 2>/dev/null; then jfr=yes; fi
  if [ "$found" != "$expected" ] || { [ "$expected" = jfr ] && [ "$jfr" = no ]; } \
    || { [ "$expected" != jfr ] && [ "$jfr" = yes ]; }; then
    echo "$name: expected GC pauses from $expected, the log says $found, Flight Recorder threads: $jfr" >&2
    cat "$WORK/$name.log" >&2
    exit 1
  fi
}

cpu_ticks() { sed 's/.*) //' "/proc/$1/stat" | awk '{print $12 + $13}'; }
# CPU ticks of the threads whose name matches a pattern: Flight Recorder's three (JFR
# Recorder Thread, JFR Periodic Tasks, JFR Event Stream) and the monitor's own. They
# live as long as the JVM, so their difference over the idle period is theirs alone.
thread_ticks() {
  local task total=0
  for task in /proc/"$1"/task/*; do
    if grep -qE "$2" "$task/comm" 2>/dev/null; then
      total=$((total + $(sed 's/.*) //' "$task/stat" | awk '{print $12 + $13}')))
    fi
  done
  echo "$total"
}
status() { awk -v key="$2:" '$1 == key {print $2}' "/proc/$1/status"; }
# committed KB of a category of the NMT summary ("Total" for the total)
nmt() {
  if [ "$2" = Total ]; then
    sed -nE 's/^Total: reserved=[0-9]+KB, committed=([0-9]+)KB.*/\1/p' "$1"
  else
    sed -nE "s/^-[[:space:]]+$2 \(reserved=[0-9]+KB, committed=([0-9]+)KB.*/\1/p" "$1"
  fi
}

NAMES=(off on-counters on-jfr on-jfr-1m on-notifications off-again)
HZ="$(getconf CLK_TCK)"
RAW="$OUT/idle-cost-rounds.tsv"
printf 'round\tjvm\tcpu_ms\tjfr_threads_cpu_ms\tmonitor_thread_cpu_ms\tthreads\trss_kb\tnmt_total_kb\tnmt_tracing_kb\tnmt_heap_kb\n' > "$RAW"
for round in $(seq 1 "$ROUNDS"); do
  start off "$SHIPPED" --runtime-monitor.enabled=false
  start on-counters "$SHIPPED"
  start on-jfr "$BARE" --runtime-monitor.gc-events=jfr
  start on-jfr-1m "$JFR_1M" --runtime-monitor.gc-events=jfr
  start on-notifications "$SHIPPED" --runtime-monitor.gc-events=notifications
  start off-again "$SHIPPED" --runtime-monitor.enabled=false
  for name in "${NAMES[@]}"; do wait_healthy "$name"; done
  sleep "$SETTLE"
  check_source off none
  check_source on-counters counters
  check_source on-jfr jfr
  check_source on-jfr-1m jfr
  check_source on-notifications notifications
  check_source off-again none
  declare -A BEFORE=() BEFORE_JFR=() BEFORE_MONITOR=()
  for name in "${NAMES[@]}"; do
    BEFORE[$name]="$(cpu_ticks "${PID[$name]}")"
    BEFORE_JFR[$name]="$(thread_ticks "${PID[$name]}" '^JFR')"
    BEFORE_MONITOR[$name]="$(thread_ticks "${PID[$name]}" '^runtime-monitor$')"
  done
  echo "round $round of $ROUNDS: idle for $IDLE s" >&2
  sleep "$IDLE"
  declare -A LINE=()
  for name in "${NAMES[@]}"; do
    pid="${PID[$name]}"
    cpu=$(( ($(cpu_ticks "$pid") - ${BEFORE[$name]}) * 1000 / HZ ))
    jfr=$(( ($(thread_ticks "$pid" '^JFR') - ${BEFORE_JFR[$name]}) * 1000 / HZ ))
    monitor=$(( ($(thread_ticks "$pid" '^runtime-monitor$') - ${BEFORE_MONITOR[$name]}) * 1000 / HZ ))
    LINE[$name]="$(printf '%s\t%s\t%s\t%s\t%s\t%s\t%s' "$round" "$name" "$cpu" "$jfr" "$monitor" \
      "$(status "$pid" Threads)" "$(status "$pid" VmRSS)")"
  done
  for name in "${NAMES[@]}"; do
    summary="$OUT/idle-cost-nmt/round$round-$name.txt"
    "$JCMD" "${PID[$name]}" VM.native_memory summary scale=KB > "$summary"
    tracing="$(nmt "$summary" Tracing)"
    printf '%s\t%s\t%s\t%s\n' "${LINE[$name]}" "$(nmt "$summary" Total)" \
      "${tracing:-0}" "$(nmt "$summary" 'Java Heap')" >> "$RAW"
  done
  stop_all
done

{
  echo "Shipped options (${SHIPPED_OPTS:+SHIPPED_OPTS, not }the Dockerfile's JAVA_TOOL_OPTIONS): \`$SHIPPED\`; for Flight Recorder's default buffers: \`$BARE\`; at 1 MB: \`$JFR_1M\`."
  echo "Every JVM: \`$HEAP_OPTS ${EXTRA_OPTS:+$EXTRA_OPTS }-XX:NativeMemoryTracking=summary\`, $IDLE s idle after $SETTLE s of settling, $(nproc) cores; median of $ROUNDS round(s) (each round in $RAW)."
  echo
  awk -F'\t' -v idle="$IDLE" -v rounds="$ROUNDS" '
    NR == 1 { next }
    { for (i = 3; i <= 10; i++) v[$2, $1, i] = $i }
    function median(jvm, other, i,    n, r, x, a, j, k, t) {
      n = 0
      for (r = 1; r <= rounds; r++) { x = v[jvm, r, i] - (other == "" ? 0 : v[other, r, i]); a[++n] = x }
      for (j = 1; j <= n; j++) for (k = j + 1; k <= n; k++) if (a[k] < a[j]) { t = a[j]; a[j] = a[k]; a[k] = t }
      return (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
    }
    function perMinute(ms) { return ms * 60 / idle }
    function core(ms) { return ms / (idle * 10) }
    function row(label, jvm) {
      printf "| %s | %.0f | %.1f | %.1f | %.1f | %.0f | %.3f | %.0f | %.0f | %d |\n", label,
        median(jvm, "", 7) / 1024, median(jvm, "", 8) / 1024, median(jvm, "", 9) / 1024,
        median(jvm, "", 10) / 1024, perMinute(median(jvm, "", 3)), core(median(jvm, "", 3)),
        perMinute(median(jvm, "", 4)), perMinute(median(jvm, "", 5)), median(jvm, "", 6)
    }
    function delta(label, on, off) {
      printf "| %s | %+.0f | %+.1f | %+.1f | %+.0f | %+.3f | %+d |\n", label,
        median(on, off, 7) / 1024, median(on, off, 8) / 1024, median(on, off, 9) / 1024,
        perMinute(median(on, off, 3)), core(median(on, off, 3)), median(on, off, 6)
    }
    END {
      print "| JVM | RSS MiB | NMT committed MiB | NMT Tracing MiB | Java heap MiB | CPU ms per minute | % of a core | of which JFR threads, ms/min | of which the monitor thread, ms/min | threads |"
      print "|---|---|---|---|---|---|---|---|---|---|"
      row("monitor off", "off")
      row("monitor on, default (GC counters)", "on-counters")
      row("monitor on, gc-events=jfr, default buffers", "on-jfr")
      row("monitor on, gc-events=jfr, memorysize=1m", "on-jfr-1m")
      row("monitor on, gc-events=notifications", "on-notifications")
      row("monitor off, a second JVM", "off-again")
      print ""
      print "| monitor on − off, same run | RSS MiB | NMT committed MiB | NMT Tracing MiB | CPU ms per minute | % of a core | threads |"
      print "|---|---|---|---|---|---|---|"
      delta("default (GC counters)", "on-counters", "off")
      delta("gc-events=jfr, default buffers", "on-jfr", "off")
      delta("gc-events=jfr, memorysize=1m", "on-jfr-1m", "off")
      delta("gc-events=notifications", "on-notifications", "off")
      delta("noise: off − off", "off-again", "off")
    }' "$RAW"
} | tee "$OUT/idle-cost.md"
