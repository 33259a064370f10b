#!/usr/bin/env bash
# The agent beside jmx_exporter's Java agent, on the same program in the same run: a plain
# main that prints one line and idles (the tests' IdleApplication, compiled here for
# Java 17 so that one class file serves every JDK), started as
#   - none:  no agent;
#   - ours:  -javaagent:target/runtime-monitor-*-agent.jar=127.0.0.1:PORT
#   - jmx:   -javaagent:jmx_prometheus_javaagent.jar=127.0.0.1:PORT:config.yaml, with the
#            catch-all config of jmx_exporter's README (rules: [{pattern: ".*"}]): every
#            MBean, plus the JVM and process metrics the Java agent adds by itself;
# and, on JDK 25 only, jmx_exporter's agent again with -Dsun.net.httpserver.nodelay=true
# (TCP_NODELAY on the sockets of the JDK's HTTP server, which both agents use: without it a
# response written as headers then body waits for the client's delayed ACK, about 40 ms;
# our agent turns it on by itself);
# each on the JDK 25 under test and, when JDK17_HOME (default the Debian JDK 17) exists,
# on JDK 17 too, every JVM with HEAP_OPTS (-Xms256m -Xmx256m: a fixed heap, so that Native
# Memory Tracking's total does not follow it) and -XX:NativeMemoryTracking=summary.
#  1. Start-up, each variant alone, STARTS times in a rotating order (median): the
#     milliseconds from launching java to the program's line on standard output (stamped
#     as the line arrives) and to the first 200 from the agent's /metrics (curl every
#     10 ms; the same curl runs against the agentless JVM's unused port, so that every
#     start competes with the same polling).
#  2. Memory, all variants side by side: started one after the other, left idle SETTLE
#     seconds (default 30), then threads and VmRSS (/proc/<pid>/status) and the committed
#     total of `jcmd <pid> VM.native_memory summary` (read last: the attach adds a thread).
#  3. One scrape of each agent: series (lines neither empty nor starting with #) and bytes.
#  4. Load, the JDK 25 agents only, one after the other: wrk -t1 -c4 for 5 s to warm up, then
#     wrk --latency -t1 -c4 -d<seconds> on 127.0.0.1; req/s, p50, p99.
#  5. Memory again, every JVM, right after the load.
# Figures are from one run; the machine's load (uptime) is printed before and after.
# Needs curl, wrk, python3 and a JDK 25 (javac, jcmd). It builds nothing of the project's:
# run './mvnw -DskipTests package' first (the agent jar); it fetches jmx_exporter's jar
# with './mvnw dependency:copy' (JMX_EXPORTER_VERSION, default 1.0.1, the newest this
# machine's Maven repository serves).
# Prints markdown tables (also in target/bench/agent-vs-jmx-exporter.md); every figure in
# target/bench/agent-vs-jmx-exporter.tsv, each NMT summary and scrape in
# target/bench/agent-vs-jmx-exporter/.
# Usage: scripts/bench/agent-vs-jmx-exporter.sh [wrk seconds, default 15] [starts, default 3]
# Environment: SETTLE, HEAP_OPTS, JAVA_HOME (JDK 25), JDK17_HOME (empty: no JDK 17 rows),
# JMX_EXPORTER_VERSION.
set -euo pipefail
cd "$(dirname "$0")/../.."

DURATION="${1:-15}"
STARTS="${2:-3}"
SETTLE="${SETTLE:-30}"
HEAP_OPTS="${HEAP_OPTS:--Xms256m -Xmx256m}"
JDK25="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
JDK17="${JDK17_HOME-/usr/lib/jvm/java-17-openjdk-amd64}"
JMX_EXPORTER_VERSION="${JMX_EXPORTER_VERSION:-1.0.1}"
AGENT="$(ls "$PWD"/target/runtime-monitor-*-agent.jar 2>/dev/null | head -1)"
PROGRAM_SOURCE=src/test/java/dev/runtimemonitor/testsupport/IdleApplication.java
PROGRAM=dev.runtimemonitor.testsupport.IdleApplication
READY_LINE='idle application started'
for tool in curl wrk python3 "$JDK25/bin/javac" "$JDK25/bin/jcmd"; do
  command -v "$tool" >/dev/null || { echo "$tool is missing" >&2; exit 1; }
done
[ -n "$AGENT" ] || { echo "No agent jar: run ./mvnw -DskipTests package" >&2; exit 1; }
JDKS=(25)
if [ -n "$JDK17" ] && [ -x "$JDK17/bin/java" ]; then JDKS+=(17); fi

OUT="target/bench"
DETAIL="$OUT/agent-vs-jmx-exporter"
RAW="$OUT/agent-vs-jmx-exporter.tsv"
rm -rf "$DETAIL"
mkdir -p "$DETAIL/jmx-exporter"
./mvnw -q dependency:copy -Dartifact="io.prometheus.jmx:jmx_prometheus_javaagent:$JMX_EXPORTER_VERSION" \
  -DoutputDirectory="$DETAIL/jmx-exporter" -Dmdep.stripVersion=true
JMX_JAR="$PWD/$DETAIL/jmx-exporter/jmx_prometheus_javaagent.jar"
JMX_CONFIG="$PWD/$DETAIL/jmx-exporter/config.yaml"
printf 'rules:\n- pattern: ".*"\n' > "$JMX_CONFIG"

WORK="$(mktemp -d /tmp/rm-agent-bench.XXXXXX)"
"$JDK25/bin/javac" --release 17 -d "$WORK/classes" "$PROGRAM_SOURCE"
declare -A PID PORT
stop() {
  kill "${PID[$1]}" 2>/dev/null || true
  wait "${PID[$1]}" 2>/dev/null || true
  unset "PID[$1]"
}
stop_all() { for name in "${!PID[@]}"; do stop "$name"; done; }
trap 'stop_all; rm -rf "$WORK"' EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
# Microseconds since the epoch, without a fork (bash 5's EPOCHREALTIME).
micros() { local now="$EPOCHREALTIME"; echo "${now/[.,]/}"; }
jdk_home() { if [ "$1" = 17 ]; then echo "$JDK17"; else echo "$JDK25"; fi; }

# name (variant-jdk): starts the program, its standard output stamped line by line
# (microseconds) into WORK/name.out, its standard error into WORK/name.err; sets
# PID[name], PORT[name] and LAUNCHED (microseconds).
launch() {
  local name="$1" variant="${1%-*}" jdk="${1##*-}" agent=()
  PORT[$name]="$(free_port)"
  case "$variant" in
    *_nodelay) agent=(-Dsun.net.httpserver.nodelay=true) ;;
  esac
  case "$variant" in
    ours*) agent+=("-javaagent:$AGENT=127.0.0.1:${PORT[$name]}") ;;
    jmx*) agent+=("-javaagent:$JMX_JAR=127.0.0.1:${PORT[$name]}:$JMX_CONFIG") ;;
  esac
  LAUNCHED="$(micros)"
  # shellcheck disable=SC2086 # HEAP_OPTS is a list of words
  "$(jdk_home "$jdk")/bin/java" $HEAP_OPTS -XX:NativeMemoryTracking=summary "${agent[@]}" \
    -cp "$WORK/classes" "$PROGRAM" 86400 \
    > >(while IFS= read -r line; do printf '%s %s\n' "${EPOCHREALTIME/[.,]/}" "$line"; done > "$WORK/$name.out") \
    2> "$WORK/$name.err" &
  PID[$name]=$!
}

# name: waits for the program's line and, with an agent, the first 200 from /metrics;
# sets READY_MS and SCRAPED_MS (empty without an agent), from LAUNCHED.
await_start() {
  local name="$1" url="http://127.0.0.1:${PORT[$1]}/metrics" scraped=
  local deadline=$(($(micros) + 60000000))
  while [ "$(micros)" -lt "$deadline" ]; do
    kill -0 "${PID[$name]}" 2>/dev/null || break
    if [ -z "$scraped" ] && curl -fs -o /dev/null --max-time 5 "$url" 2>/dev/null; then scraped="$(micros)"; fi
    if grep -q "$READY_LINE" "$WORK/$name.out" 2>/dev/null && { [ -n "$scraped" ] || [ "${name%-*}" = none ]; }; then
      READY_MS=$((($(awk -v line="$READY_LINE" 'index($0, line) {print $1; exit}' "$WORK/$name.out") - LAUNCHED) / 1000))
      SCRAPED_MS="${scraped:+$(((scraped - LAUNCHED) / 1000))}"
      return 0
    fi
    sleep 0.01
  done
  echo "$name: not started within 60 s" >&2; cat "$WORK/$name.out" "$WORK/$name.err" >&2; exit 1
}

status() { awk -v key="$2:" '$1 == key {print $2}' "/proc/$1/status"; }
# name, phase: one row of threads, RSS and NMT's committed total per JVM. Threads and RSS
# of every JVM first, then the attaches.
memory() {
  local phase="$1" name summary
  declare -A threads rss
  for name in "${NAMES[@]}"; do
    threads[$name]="$(status "${PID[$name]}" Threads)"
    rss[$name]="$(status "${PID[$name]}" VmRSS)"
  done
  for name in "${NAMES[@]}"; do
    summary="$DETAIL/nmt-$phase-$name.txt"
    "$(jdk_home "${name##*-}")/bin/jcmd" "${PID[$name]}" VM.native_memory summary scale=KB > "$summary"
    printf '%s\t%s\tthreads\t%s\n%s\t%s\trss_kb\t%s\n%s\t%s\tnmt_kb\t%s\n' \
      "$phase" "$name" "${threads[$name]}" "$phase" "$name" "${rss[$name]}" "$phase" "$name" \
      "$(sed -nE 's/^Total: reserved=[0-9]+KB, committed=([0-9]+)KB.*/\1/p' "$summary")" >> "$RAW"
  done
}

# wrk's latency in ms: 812.00us, 1.20ms, 1.01s
in_ms() { awk -v v="$1" 'BEGIN { if (v ~ /us$/) { sub(/us/, "", v); v /= 1000 } else if (v ~ /ms$/) sub(/ms/, "", v); else if (v ~ /s$/) { sub(/s/, "", v); v *= 1000 }; print v }'; }

NAMES=()
for jdk in "${JDKS[@]}"; do for variant in none ours jmx; do NAMES+=("$variant-$jdk"); done; done
NAMES+=(jmx_nodelay-25)
LOAD_BEFORE="$(uptime)"
echo "$LOAD_BEFORE" >&2
printf 'phase\tjvm\tmeasure\tvalue\n' > "$RAW"

# 1. Start-up, each JVM alone; the order rotates from one round to the next.
for round in $(seq 1 "$STARTS"); do
  for i in "${!NAMES[@]}"; do
    name="${NAMES[$(((i + round - 1) % ${#NAMES[@]}))]}"
    launch "$name"
    await_start "$name"
    stop "$name"
    printf 'start\t%s\tready_ms\t%s\nstart\t%s\tscraped_ms\t%s\n' "$name" "$READY_MS" "$name" "${SCRAPED_MS:-}" >> "$RAW"
    echo "start $round: $name ready in $READY_MS ms${SCRAPED_MS:+, first 200 from /metrics in $SCRAPED_MS ms}" >&2
  done
done

# 2. Side by side, settled.
for name in "${NAMES[@]}"; do launch "$name"; await_start "$name"; done
echo "all started; settling for $SETTLE s" >&2
sleep "$SETTLE"
memory settled

# 3. One scrape each.
for name in "${NAMES[@]}"; do
  [ "${name%-*}" = none ] && continue
  scrape="$DETAIL/scrape-$name.txt"
  bytes="$(curl -fs -o "$scrape" -w '%{size_download}' "http://127.0.0.1:${PORT[$name]}/metrics")"
  printf 'scrape\t%s\tbytes\t%s\nscrape\t%s\tseries\t%s\n' "$name" "$bytes" "$name" \
    "$(grep -v '^#' "$scrape" | grep -vc '^$')" >> "$RAW"
done

# 4. Load, one agent at a time.
for name in ours-25 jmx-25 jmx_nodelay-25; do
  url="http://127.0.0.1:${PORT[$name]}/metrics"
  wrk -t1 -c4 -d5s "$url" > /dev/null
  wrk --latency -t1 -c4 -d"${DURATION}s" "$url" > "$DETAIL/wrk-$name.txt"
  {
    printf 'load\t%s\trps\t%s\n' "$name" "$(awk '/^Requests\/sec:/ {print $2}' "$DETAIL/wrk-$name.txt")"
    printf 'load\t%s\tp50_ms\t%s\n' "$name" "$(in_ms "$(awk '$1 == "50%" {print $2}' "$DETAIL/wrk-$name.txt")")"
    printf 'load\t%s\tp99_ms\t%s\n' "$name" "$(in_ms "$(awk '$1 == "99%" {print $2}' "$DETAIL/wrk-$name.txt")")"
    printf 'load\t%s\terrors\t%s\n' "$name" "$(grep -cE 'Socket errors|Non-2xx' "$DETAIL/wrk-$name.txt" || true)"
  } >> "$RAW"
  echo "load: $name $(grep -E 'Requests/sec' "$DETAIL/wrk-$name.txt")" >&2
done

# 5. Right after the load.
memory loaded
stop_all
LOAD_AFTER="$(uptime)"

python3 - "$RAW" "$DURATION" "$STARTS" "$SETTLE" "$HEAP_OPTS" "$JMX_EXPORTER_VERSION" "$(nproc)" \
  "$LOAD_BEFORE" "$LOAD_AFTER" "$("$JDK25/bin/java" -version 2>&1 | head -1)" \
  "$( [ -x "$JDK17/bin/java" ] && "$JDK17/bin/java" -version 2>&1 | head -1)" <<'PYTHON' | tee "$OUT/agent-vs-jmx-exporter.md"
import csv, statistics, sys

raw, duration, starts, settle, heap, version, cores, load_before, load_after, jdk25, jdk17 = sys.argv[1:]
values = {}
for row in csv.DictReader(open(raw), delimiter="\t"):
    values.setdefault((row["phase"], row["jvm"], row["measure"]), []).append(row["value"])

def get(phase, jvm, measure):
    found = [float(v) for v in values.get((phase, jvm, measure), []) if v != ""]
    return statistics.median(found) if found else None

def fmt(value, unit="", digits=0, sign=False):
    if value is None:
        return "–"
    return f"{value:{'+' if sign else ''},.{digits}f}{unit}"

names = [k[1] for k in values if k[0] == "settled" and k[2] == "threads"]
jdks = [jdk for jdk in ("25", "17") if f"none-{jdk}" in names]
label = {"none": "no agent", "ours": "runtime-monitor agent", "jmx": f"jmx_exporter {version}",
         "jmx_nodelay": f"jmx_exporter {version}, TCP_NODELAY"}
variants = lambda jdk: ("none", "ours", "jmx") + (("jmx_nodelay",) if jdk == "25" else ())
mib = lambda kb: None if kb is None else kb / 1024

print(f"JDKs: {jdk25}" + (f"; {jdk17}" if "17" in jdks else "") + f". {cores} cores. "
      f"Every JVM: `{heap} -XX:NativeMemoryTracking=summary`. Start-up: median of {starts} starts, each alone. "
      f"Memory: all JVMs side by side, {settle} s after the last started, and again right after the load. "
      f"Load: `wrk --latency -t1 -c4 -d{duration}s` on `/metrics` after 5 s of warm-up, one agent at a time.")
print(f"Load before: `{load_before.strip()}`; after: `{load_after.strip()}`.")
print()
print("| variant | JDK | start-up to ready | to first 200 from /metrics | NMT committed MiB, settled / after load | RSS MiB, settled / after load | threads, settled / after load | series | bytes | req/s | p50 | p99 |")
print("|---|---|---|---|---|---|---|---|---|---|---|---|")
for jdk in jdks:
    for variant in variants(jdk):
        jvm = f"{variant}-{jdk}"
        print(f"| {label[variant]} | {jdk} | {fmt(get('start', jvm, 'ready_ms'), ' ms')} | {fmt(get('start', jvm, 'scraped_ms'), ' ms')} "
              f"| {fmt(mib(get('settled', jvm, 'nmt_kb')), digits=1)} / {fmt(mib(get('loaded', jvm, 'nmt_kb')), digits=1)} "
              f"| {fmt(mib(get('settled', jvm, 'rss_kb')))} / {fmt(mib(get('loaded', jvm, 'rss_kb')))} "
              f"| {fmt(get('settled', jvm, 'threads'))} / {fmt(get('loaded', jvm, 'threads'))} "
              f"| {fmt(get('scrape', jvm, 'series'))} | {fmt(get('scrape', jvm, 'bytes'))} "
              f"| {fmt(get('load', jvm, 'rps'))} | {fmt(get('load', jvm, 'p50_ms'), ' ms', 2)} | {fmt(get('load', jvm, 'p99_ms'), ' ms', 2)} |")
print()

def added(phase, jvm, measure, jdk, base_measure=None):
    value, base = get(phase, jvm, measure), get(phase, f"none-{jdk}", base_measure or measure)
    return None if value is None or base is None else value - base

print("| added over no agent, same JDK, same run | JDK | start-up to ready | to first 200 (vs no agent's ready) | NMT committed MiB, settled / after load | RSS MiB, settled / after load | threads, settled / after load |")
print("|---|---|---|---|---|---|---|")
for jdk in jdks:
    for variant in variants(jdk)[1:]:
        jvm = f"{variant}-{jdk}"
        print(f"| {label[variant]} | {jdk} | {fmt(added('start', jvm, 'ready_ms', jdk), ' ms', sign=True)} "
              f"| {fmt(added('start', jvm, 'scraped_ms', jdk, 'ready_ms'), ' ms', sign=True)} "
              f"| {fmt(mib(added('settled', jvm, 'nmt_kb', jdk)), digits=1, sign=True)} / {fmt(mib(added('loaded', jvm, 'nmt_kb', jdk)), digits=1, sign=True)} "
              f"| {fmt(mib(added('settled', jvm, 'rss_kb', jdk)), sign=True)} / {fmt(mib(added('loaded', jvm, 'rss_kb', jdk)), sign=True)} "
              f"| {fmt(added('settled', jvm, 'threads', jdk), sign=True)} / {fmt(added('loaded', jvm, 'threads', jdk), sign=True)} |")
print()
for suffix, what in (("", "as shipped"), ("_nodelay", "jmx_exporter's with TCP_NODELAY")):
    ours, jmx = get("load", "ours-25", "rps"), get("load", f"jmx{suffix}-25", "rps")
    errors = (get("load", "ours-25", "errors") or 0) + (get("load", f"jmx{suffix}-25", "errors") or 0)
    if ours and jmx:
        print(f"Scrape throughput, ours / jmx_exporter's, {what} (JDK 25): {ours / jmx:.1f}×" + ("" if errors == 0 else " — wrk reported errors, see its output"))
PYTHON
