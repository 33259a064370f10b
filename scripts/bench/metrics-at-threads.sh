#!/usr/bin/env bash
# /metrics latency at rest (about 50 live threads) and with 10,000 threads leaked by the
# demo profile, for each jar given, in one run: in each round the service is measured at
# rest, the threads are leaked, it is measured again and the threads are released, so
# that the two figures of a round share the machine's load of the moment. One connection
# (wrk -t1 -c1), so the median is what one scrape costs, without queueing; the CPU time
# the service used per scrape (from /proc, all its threads: GC and the tick included) is
# the figure that a busy machine moves least. Also prints the monitor's own tick (the mean
# of runtime_sample_duration_seconds over the measurement).
# Traffic goes to 127.0.0.1 only; each service is stopped before the next starts.
# Usage: scripts/bench/metrics-at-threads.sh [seconds per wrk run, default 15]
#          [rounds, default 3] [jar[,--application-argument...] ...]
#        (default jar: target/runtime-monitor-*-exec.jar; arguments after a comma are
#        given to that start only, EXTRA_ARGS="--x=y" to every start)
set -euo pipefail
cd "$(dirname "$0")/../.."

DURATION="${1:-15}"
ROUNDS="${2:-3}"
shift 2 || shift || true
JARS=("$@")
[ ${#JARS[@]} -gt 0 ] || JARS=("$(ls target/runtime-monitor-*-exec.jar 2>/dev/null | head -1)")
JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
REST_THREADS=50
LEAKED_THREADS=10000
for tool in wrk curl python3; do
  command -v "$tool" >/dev/null || { echo "$tool is missing" >&2; exit 1; }
done
WORK="$(mktemp -d /tmp/rm-threads-bench.XXXXXX)"
trap '[ -n "${PID:-}" ] && kill "$PID" 2>/dev/null; rm -rf "$WORK"' EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

metric() { # the value of one unlabelled series
  curl -fs -o "$WORK/metrics.txt" "http://127.0.0.1:$PORT/metrics"
  awk -v name="$1" '$1 == name {value = $2} END {print value}' "$WORK/metrics.txt"
}

cpu_ticks() { awk '{print $14 + $15}' "/proc/$PID/stat"; }

median_ms() { # wrk on one connection; prints "p50-ms requests/s cpu-ms-per-request"
  local cpu0 cpu1
  cpu0="$(cpu_ticks)"
  wrk --latency -t1 -c1 -d"${DURATION}s" "http://127.0.0.1:$PORT/metrics" > "$WORK/wrk.txt"
  cpu1="$(cpu_ticks)"
  awk -v cpu="$((cpu1 - cpu0))" -v hz="$(getconf CLK_TCK)" \
    '$1 == "50%" {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v=v*1000}; p50=v}
     / requests in / {n=$1} /^Requests\/sec:/ {rps=$2}
     END {printf "%.2f %s %.2f\n", p50, rps, (n > 0) ? cpu * 1000 / hz / n : 0}' "$WORK/wrk.txt"
}

measure() { # label: warm up, wait for a tick that saw the threads, measure
  wrk -t1 -c1 -d5s "http://127.0.0.1:$PORT/metrics" >/dev/null
  sleep 6
  local live sum0 count0 p50 rps cpu tick
  live="$(metric jvm_threads_live_threads)"
  sum0="$(metric runtime_sample_duration_seconds_sum)"; count0="$(metric runtime_sample_duration_seconds_count)"
  read -r p50 rps cpu < <(median_ms)
  tick="$(awk -v s0="$sum0" -v c0="$count0" -v s1="$(metric runtime_sample_duration_seconds_sum)" \
    -v c1="$(metric runtime_sample_duration_seconds_count)" 'BEGIN {if (c1 > c0) printf "%.2f", (s1 - s0) / (c1 - c0) * 1000; else print "n/a"}')"
  printf '%-30s %-7s live %6.0f  /metrics p50 %7.2f ms  %8s req/s  CPU %5.2f ms/scrape  tick %s ms\n' \
    "$LABEL" "$1" "$live" "$p50" "$rps" "$cpu" "$tick"
}

for ENTRY in "${JARS[@]}"; do
  IFS=, read -r -a PARTS <<< "$ENTRY"
  JAR="${PARTS[0]}"
  LABEL="$(basename "$JAR")${PARTS[1]:+ ${PARTS[*]:1}}"
  PORT="$(free_port)"
  # shellcheck disable=SC2086
  "$JAVA" -Xmx512m -jar "$JAR" --spring.profiles.active=demo --server.address=127.0.0.1 \
    --server.port="$PORT" ${EXTRA_ARGS:-} "${PARTS[@]:1}" > "$WORK/app.log" 2>&1 &
  PID=$!
  for _ in $(seq 1 600); do
    curl -fs -o /dev/null "http://127.0.0.1:$PORT/health" 2>/dev/null && break
    sleep 0.1
  done
  curl -fs -o /dev/null "http://127.0.0.1:$PORT/health" || { cat "$WORK/app.log" >&2; exit 1; }
  sleep 2
  for round in $(seq 1 "$ROUNDS"); do
    live="$(metric jvm_threads_live_threads)"
    topup=$((REST_THREADS - ${live%.*}))
    [ "$topup" -gt 0 ] || topup=0
    [ "$topup" -eq 0 ] || curl -fs -o /dev/null -X POST "http://127.0.0.1:$PORT/demo/threads?count=$topup"
    measure "rest $round"
    curl -fs -o /dev/null -X POST "http://127.0.0.1:$PORT/demo/threads?count=$((LEAKED_THREADS - topup))"
    measure "10k $round"
    curl -fs -o /dev/null -X DELETE "http://127.0.0.1:$PORT/demo/threads"
  done
  kill "$PID"; wait "$PID" 2>/dev/null || true; PID=
done
