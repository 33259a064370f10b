#!/usr/bin/env bash
# Benchmarks the packaged jar on this machine, each figure as a ratio from one run:
#  1. /health and /metrics throughput and p99 latency with wrk, monitor on vs
#     runtime-monitor.enabled=false (the same jar, rounds interleaved);
#  2. resident memory after start-up, monitor on vs off;
#  3. start-up to the first 200 from /health: fat jar vs extracted jar + JDK 25 AOT cache.
# Traffic goes to 127.0.0.1 only. Needs wrk and curl; run './mvnw -DskipTests package' first.
# Usage: scripts/bench/load-and-startup.sh [seconds per wrk run, default 15] [rounds, default 2]
set -euo pipefail
cd "$(dirname "$0")/../.."

DURATION="${1:-15}"
ROUNDS="${2:-2}"
JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
JAR="$(ls target/runtime-monitor-*-exec.jar 2>/dev/null | head -1)"
for tool in wrk curl; do
  command -v "$tool" >/dev/null || { echo "$tool is missing: apt-get install $tool" >&2; exit 1; }
done
[ -n "$JAR" ] || { echo "No packaged jar: run ./mvnw -DskipTests package" >&2; exit 1; }
WORK="$(mktemp -d /tmp/rm-bench.XXXXXX)"
OUT="target/bench"
mkdir -p "$OUT"
# Only a running service: with PID empty, kill "${PID:-0}" would be kill 0, the whole
# process group, the caller's included.
trap '[ -z "${PID:-}" ] || kill "$PID" 2>/dev/null; rm -rf "$WORK"' EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
millis() { date +%s%3N; }

# Starts a command in the background and waits for the first 200 from /health; sets PID,
# and STARTED_MS to the milliseconds it took. Not to be called in $(...): PID would be set
# in that subshell only, and stop would leave the service running.
start_and_wait() {
  local port="$1"; shift
  local started; started="$(millis)"
  "$@" --server.port="$port" --server.address=127.0.0.1 > "$WORK/app.log" 2>&1 &
  PID=$!
  for _ in $(seq 1 3000); do
    if curl -fs -o /dev/null "http://127.0.0.1:$port/health" 2>/dev/null; then
      STARTED_MS=$(($(millis) - started)); return 0
    fi
    sleep 0.01
  done
  echo "no 200 from /health within 30 s" >&2; cat "$WORK/app.log" >&2; return 1
}

stop() { kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; PID=; }

rss_kib() { awk '/^VmRSS:/ {print $2}' "/proc/$PID/status"; }

# wrk, then "requests/s p99-in-ms"
load() {
  local url="$1"
  wrk --latency -t2 -c16 -d"${DURATION}s" "$url" > "$WORK/wrk.txt"
  local rps p99
  rps="$(awk '/^Requests\/sec:/ {print $2}' "$WORK/wrk.txt")"
  p99="$(awk '$1 == "99%" {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v=v*1000}; print v}' "$WORK/wrk.txt")"
  echo "$rps $p99"
}

declare -A RPS P99 RSS
for round in $(seq 1 "$ROUNDS"); do
  for mode in on off; do
    enabled=true; [ "$mode" = off ] && enabled=false
    port="$(free_port)"
    start_and_wait "$port" "$JAVA" -Xmx512m -jar "$JAR" --runtime-monitor.enabled="$enabled"
    sleep 2
    RSS[$mode,$round]="$(rss_kib)"
    for path in /health /metrics; do
      wrk -t2 -c16 -d5s "http://127.0.0.1:$port$path" >/dev/null
      read -r rps p99 < <(load "http://127.0.0.1:$port$path")
      RPS[$mode,$path,$round]="$rps"; P99[$mode,$path,$round]="$p99"
      echo "round $round, monitor $mode, $path: $rps req/s, p99 $p99 ms"
    done
    stop
  done
done

best() { # highest of the rounds for throughput, lowest for latency and memory
  local kind="$1" key="$2" pick="$3" values=()
  for round in $(seq 1 "$ROUNDS"); do
    case "$kind" in
      rps) values+=("${RPS[$key,$round]}") ;;
      p99) values+=("${P99[$key,$round]}") ;;
      rss) values+=("${RSS[$key,$round]}") ;;
    esac
  done
  printf '%s\n' "${values[@]}" | sort -g | { if [ "$pick" = max ]; then tail -1; else head -1; fi; }
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a / b }'; }

# Start-up: three starts each, median.
median() { sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
"$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$WORK/extracted" >/dev/null
EXTRACTED="$(ls "$WORK"/extracted/*.jar | head -1)"
"$JAVA" -XX:AOTCacheOutput="$WORK/app.aot" -Dspring.context.exit=onRefresh -jar "$EXTRACTED" > "$WORK/train.log" 2>&1
fat=(); aot=()
for _ in 1 2 3; do
  port="$(free_port)"; start_and_wait "$port" "$JAVA" -jar "$JAR"; fat+=("$STARTED_MS"); stop
  port="$(free_port)"; start_and_wait "$port" "$JAVA" -XX:AOTCache="$WORK/app.aot" -jar "$EXTRACTED"
  aot+=("$STARTED_MS"); stop
done
FAT="$(printf '%s\n' "${fat[@]}" | median)"
AOT="$(printf '%s\n' "${aot[@]}" | median)"

{
  echo "| measure | monitor on | monitor off | on / off |"
  echo "|---|---|---|---|"
  for path in /health /metrics; do
    on="$(best rps "on,$path" max)"; off="$(best rps "off,$path" max)"
    echo "| \`$path\` throughput (req/s, wrk -t2 -c16 -d${DURATION}s) | $on | $off | $(ratio "$on" "$off") |"
    on="$(best p99 "on,$path" min)"; off="$(best p99 "off,$path" min)"
    echo "| \`$path\` p99 latency (ms) | $on | $off | $(ratio "$on" "$off") |"
  done
  on="$(best rss on min)"; off="$(best rss off min)"
  echo "| RSS after start-up (MiB) | $((on / 1024)) | $((off / 1024)) | $(ratio "$on" "$off") |"
  echo
  echo "| start-up to the first 200 from /health (median of 3) | ms |"
  echo "|---|---|"
  echo "| fat jar (\`java -jar\`) | $FAT |"
  echo "| extracted jar + JDK 25 AOT cache | $AOT |"
  echo "| ratio | $(ratio "$AOT" "$FAT") |"
} | tee "$OUT/load-and-startup.md"
