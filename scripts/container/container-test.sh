#!/usr/bin/env bash
# Builds the runtime-monitor image with podman from local Debian/JDK 25 base images and
# checks it the way Kubernetes runs it: non-root, read-only root file system with a
# tmpfs /tmp, 512 MiB and one CPU, probes and scrape over HTTP, SIGTERM to stop; and the
# Java agent jar the image carries for other JVMs, started in a JVM there.
#
#   scripts/container/container-test.sh
#
# Needs root, podman, runc, debootstrap and curl (apt packages: see docs/testing.md, "The
# container test"); fails with the install command when one is missing. Everything it creates
# (base images, the image, containers, the Maven cache of the build) lives in one
# temporary directory, removed at the end. Prints a summary and "N passed, N failed";
# exits non-zero when any check fails.
#
# Environment:
#   STARTS          start-ups measured per JVM variant (default 3)
#   STOP_GRACE      seconds `podman stop` waits before SIGKILL (default 10)
#   JDK_HOME        JDK 25 for the base images (default /usr/lib/jvm/temurin-25-jdk-amd64)
set -euo pipefail
cd "$(dirname "$0")/../.."

STARTS="${STARTS:-3}"
STOP_GRACE="${STOP_GRACE:-10}"
IMAGE=localhost/runtime-monitor:container-test
# As a restricted Kubernetes pod runs it: a memory and CPU limit, a numeric non-root
# user, a read-only root file system with an empty /tmp, no capabilities.
RUN_LIMITS=(--memory 512m --cpus 1 --read-only --tmpfs /tmp --user 10001
	--cap-drop ALL --security-opt no-new-privileges)
LIMIT_BYTES=536870912 # 512 MiB
HEALTH_TIMEOUT=60     # seconds a start-up may take before it counts as failed
# The Java agent the image carries for other JVMs (docs/agent.md), and its port there.
AGENT_JAR=/opt/runtime-monitor/runtime-monitor-agent.jar
AGENT_PORT=9404

source scripts/container/podman-env.sh
WORK=""

passed=0
failed=0
summary=()

pass() {
	passed=$((passed + 1))
	echo "PASS  $*"
}

fail() {
	failed=$((failed + 1))
	echo "FAIL  $*"
}

# check DESCRIPTION COMMAND...: passes when the command succeeds.
check() {
	local description="$1"
	shift
	if "$@"; then pass "$description"; else fail "$description"; fi
}

note() {
	summary+=("$*")
}

# matches VALUE GLOB
matches() {
	[[ "$1" == $2 ]]
}

# has_line TEXT EXTENDED_REGEX
has_line() {
	grep -Eq -- "$2" <<<"$1"
}

# problem_lines LOG: the lines of the service's log that report a problem of its own: WARN
# or ERROR in the level field of Spring Boot's console format ("<timestamp> <level> <pid>
# --- ..."), the lines of a stack trace, and a write the file system refused. The monitor's
# level changes ("Runtime check 'x' is warning: ...", WARN or ERROR) are left out: they
# report the JVM it watches, which a busy machine can push over a threshold, not a fault
# of the container.
problem_lines() {
	grep -E -- '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[^ ]+ +(WARN|ERROR) [0-9]+ --- |^[[:space:]]+at [[:alnum:]_$.]+\(|^Caused by: |^[[:alnum:]_$.]+\.[[:alnum:]_$]+(Exception|Error)(: |$)' <<<"$1" |
		grep -Ev -- "LevelChangeLogger +: Runtime check '"
	grep -Ei -- 'read-only file system|permission denied' <<<"$1"
}

# has_no_problem_line LOG
has_no_problem_line() {
	[ -z "$(problem_lines "$1")" ]
}

# write_fails CONTAINER PATH: the container cannot create PATH.
write_fails() {
	! timeout 30 podman exec "$1" touch "$2" 2>/dev/null
}

cleanup() {
	local status=$?
	set +e
	# --all only ever means this run's own storage.
	if [ "$(podman info --format '{{.Store.GraphRoot}}' 2>/dev/null)" = "$PODMAN_ROOT/storage" ]; then
		podman rm --all --force --time 0 >/dev/null 2>&1
		podman rmi --all --force >/dev/null 2>&1
	fi
	# Nothing should still be mounted under WORK; unmount anything that is before removing it.
	awk -v work="$WORK" 'index($2, work) == 1 { print $2 }' /proc/self/mounts | sort -r | xargs -r -n1 umount -l
	rm -rf "$WORK"
	exit "$status"
}

millis() {
	date +%s%3N
}

# host_port CONTAINER [PORT]: where the host reaches the container's PORT (default 8080).
host_port() {
	podman port "$1" "${2:-8080}" | head -1
}

# http_status URL: the status code, 000 when nothing answers.
http_status() {
	curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$1" || true
}

# wait_healthy CONTAINER START_MILLIS: prints milliseconds from START_MILLIS to the first
# 200 from /health; fails after HEALTH_TIMEOUT seconds or when the container exits.
wait_healthy() {
	wait_ok "$1" "$2" "http://$(host_port "$1")/health"
}

# wait_ok CONTAINER START_MILLIS URL: prints milliseconds from START_MILLIS to the first
# 200 from URL; fails after HEALTH_TIMEOUT seconds or when the container exits.
wait_ok() {
	local container="$1" start="$2" url="$3" deadline polls=0
	deadline=$((start + HEALTH_TIMEOUT * 1000))
	while [ "$(millis)" -lt "$deadline" ]; do
		if [ "$(http_status "$url")" = 200 ]; then
			echo $(($(millis) - start))
			return 0
		fi
		# Asking podman costs CPU the starting JVM competes for: about once a second.
		polls=$((polls + 1))
		if [ $((polls % 20)) -eq 0 ] && [ "$(podman inspect --format '{{.State.Running}}' "$container")" != true ]; then
			echo "$container exited during start-up:" >&2
			podman logs "$container" 2>&1 | tail -20 >&2
			return 1
		fi
		sleep 0.05
	done
	echo "$container: no 200 from $url within ${HEALTH_TIMEOUT}s" >&2
	podman logs "$container" 2>&1 | tail -20 >&2
	return 1
}

# pause_source ADDRESS: gc.pauseSource of /runtime once the first sample has set it (up
# to 30 s), empty when it never does.
pause_source() {
	local deadline found
	deadline=$(($(millis) + 30000))
	while [ "$(millis)" -lt "$deadline" ]; do
		found="$(curl -s --max-time 2 -H 'Accept: application/json' "http://$1/runtime" |
			sed -n 's/.*"pauseSource":"\([a-z]*\)".*/\1/p' || true)"
		if [ -n "$found" ]; then
			echo "$found"
			return 0
		fi
		sleep 0.5
	done
}

# jvm_ready_seconds CONTAINER: the JVM's own "process running for" at Spring's "Started".
jvm_ready_seconds() {
	podman logs "$1" 2>&1 | sed -n 's/.*Started .* (process running for \([0-9.]*\)).*/\1/p' | head -1
}

median() {
	sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) print "n/a"; else print v[int((NR + 1) / 2)] }'
}

build_images() {
	local started
	started="$(millis)"
	if ! timeout 600 scripts/container/build-base-images.sh; then
		fail "local base images built (debootstrap, JDK 25, jlinked JRE 25)"
		return 1
	fi
	note "base images: $(( ($(millis) - started) / 1000 )) s (debootstrap + jlink + import)"

	started="$(millis)"
	log "podman build (log: build.log)"
	if ! timeout 900 podman build --pull=never \
		--build-arg JDK_IMAGE=localhost/runtime-monitor-base/jdk:25 \
		--build-arg JRE_IMAGE=localhost/runtime-monitor-base/jre:25 \
		--build-arg REVISION="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)" \
		-t "$IMAGE" . >"$WORK/build.log" 2>&1; then
		grep -v '\[warning\]\[aot\]' "$WORK/build.log" | tail -40
		fail "image built from the Dockerfile"
		return 1
	fi
	pass "image built from the Dockerfile with the local base images"
	note "image build: $(( ($(millis) - started) / 1000 )) s (Maven in the build stage, AOT training)"
	note "image size: $(podman image inspect --format '{{.Size}}' "$IMAGE" | awk '{ printf "%.0f MB", $1 / 1000000 }') (base JRE image $(podman image inspect --format '{{.Size}}' localhost/runtime-monitor-base/jre:25 | awk '{ printf "%.0f MB", $1 / 1000000 }'))"
}

check_image_config() {
	local config
	config="$(podman image inspect --format '{{.Config.User}}|{{json .Config.Entrypoint}}|{{json .Config.ExposedPorts}}|{{index .Config.Labels "org.opencontainers.image.title"}}' "$IMAGE")"
	check "image runs as user 10001, exec-form java entrypoint with the AOT cache, port 8080, OCI title label ($config)" \
		matches "$config" '10001:10001|\["java","-XX:AOTCache=/app/app.aot",*\]|{"8080/tcp":{}}|runtime-monitor'
	local tmp_content
	tmp_content="$(timeout 60 podman run --rm --entrypoint /bin/ls "$IMAGE" -A /tmp)"
	check "image has an empty /tmp (the AOT training left nothing behind)" [ -z "$tmp_content" ]
}

check_heap_sizing() {
	local flags max_heap processors
	flags="$(timeout 60 podman run --rm "${RUN_LIMITS[@]}" --entrypoint java "$IMAGE" -XX:+PrintFlagsFinal -version 2>/dev/null)"
	max_heap="$(awk '$2 == "MaxHeapSize" { print $4 }' <<<"$flags")"
	check "the JVM sizes its heap to 75% of the 512 MiB limit: MaxHeapSize $max_heap = 384 MiB" \
		[ "$max_heap" = $((LIMIT_BYTES * 3 / 4)) ]
	processors="$(timeout 60 podman run --rm "${RUN_LIMITS[@]}" --entrypoint java "$IMAGE" -XshowSettings:system -version 2>&1 \
		| sed -n 's/.*Effective CPU Count: *\([0-9]*\).*/\1/p')"
	check "the JVM sees the CPU limit: effective CPU count $processors" [ "$processors" = 1 ]
}

check_aot_cache_usable() {
	# AOTMode=on refuses to start when the cache cannot be used (wrong JVM, class path
	# or flags); spring.context.exit=onRefresh stops the application once it is wired.
	local output
	if output="$(timeout 120 podman run --rm "${RUN_LIMITS[@]}" \
		-e JDK_JAVA_OPTIONS='-XX:AOTMode=on -Dspring.context.exit=onRefresh' "$IMAGE" 2>&1)"; then
		pass "the AOT cache is usable under the run limits (-XX:AOTMode=on starts)"
	else
		echo "$output" | tail -10
		fail "the AOT cache is usable under the run limits (-XX:AOTMode=on starts)"
	fi
}

# The container as Kubernetes runs it: probes, scrape, read-only root, SIGTERM.
check_running_service() {
	local name=rm-test-service started address metrics pid1 logs
	podman create --name "$name" "${RUN_LIMITS[@]}" -p 127.0.0.1::8080 "$IMAGE" >/dev/null
	started="$(millis)"
	timeout 60 podman start "$name" >/dev/null
	if ! wait_healthy "$name" "$started" >/dev/null; then
		fail "/health answers 200 after start-up"
		return
	fi
	pass "/health answers 200 after start-up"
	address="$(host_port "$name")"
	check "/health/liveness answers 200" [ "$(http_status "http://$address/health/liveness")" = 200 ]
	check "/health/readiness answers 200" [ "$(http_status "http://$address/health/readiness")" = 200 ]

	metrics="$(curl -s --max-time 5 "http://$address/metrics")"
	check "/metrics has the monitor's meters (runtime_check_value)" \
		has_line "$metrics" '^runtime_check_value\{check="threads"\} [0-9]'
	check "/metrics shows the 512 MiB container limit (runtime_container_memory_limit_bytes 5.36870912E8)" \
		has_line "$metrics" '^runtime_container_memory_limit_bytes 5\.36870912E8$'
	check "the container-memory check has a value, not NaN ($(grep '^runtime_check_value{check="container-memory"}' <<<"$metrics" || true))" \
		has_line "$metrics" '^runtime_check_value\{check="container-memory"\} [0-9][0-9.E-]*$'
	check "/metrics shows one CPU (system_cpu_count 1.0)" has_line "$metrics" '^system_cpu_count 1\.0$'

	# A uid with no name gets no hsperfdata file: the counters are read in the JVM's
	# memory, through the Add-Exports of app.jar's manifest.
	local pauses
	pauses="$(pause_source "$address")"
	check "/runtime: GC pauses from the JVM's GC counters (gc.pauseSource ${pauses:-missing})" [ "$pauses" = counters ]

	pid1="$(timeout 30 podman exec "$name" cat /proc/1/comm)"
	check "PID 1 is java ($pid1), so SIGTERM reaches the JVM" [ "$pid1" = java ]
	check "the root file system is read-only (writing /app fails)" write_fails "$name" /app/probe

	local stop_started stop_ms exit_code
	stop_started="$(millis)"
	timeout $((STOP_GRACE + 30)) podman stop --time "$STOP_GRACE" "$name" >/dev/null
	stop_ms=$(($(millis) - stop_started))
	exit_code="$(podman inspect --format '{{.State.ExitCode}}' "$name")"
	logs="$(podman logs "$name" 2>&1)"
	# The service turns SIGTERM into exit code 0 once its shutdown hooks (Spring's graceful
	# shutdown) have run; 143 would mean the plain JVM default, 137 the SIGKILL at the end
	# of the grace period.
	check "podman stop (SIGTERM): the JVM exits cleanly with 0, got $exit_code" [ "$exit_code" = 0 ]
	check "podman stop returns within the ${STOP_GRACE}s grace period (${stop_ms} ms)" [ "$stop_ms" -lt $((STOP_GRACE * 1000)) ]
	check "the log shows the graceful shutdown begin" has_line "$logs" 'Commencing graceful shutdown'
	check "the log shows the graceful shutdown complete" has_line "$logs" 'Graceful shutdown complete'
	check "the log shows the GC counters read in the JVM's memory (app.jar exports jdk.internal.perf)" \
		has_line "$logs" "GC pauses from the JVM's GC counters \(read from the JVM's memory \(jdk\.internal\.perf\)\)"
	check "the log has no write errors, warnings or errors (read-only root, non-root user)" \
		has_no_problem_line "$logs"
	if [ "$failed" -gt 0 ]; then
		echo "--- service log ---"
		echo "$logs" | tail -30
	fi
	note "graceful stop: ${stop_ms} ms, exit code $exit_code"
	podman rm "$name" >/dev/null
}

# The agent jar, as a pod uses it (docs/agent.md): an init container running this image
# copies it out, and another JVM starts with -javaagent. Here the other JVM is first a bare
# `java -version`, then the JDK's own web server (`java -m jdk.httpserver`), a JVM that is
# not ours, as the agent is meant for.
check_agent() {
	local output name=rm-test-agent started address
	check "the image carries the agent at $AGENT_JAR, readable by user 10001" \
		timeout 60 podman run --rm "${RUN_LIMITS[@]}" --entrypoint /bin/sh "$IMAGE" -c "test -r $AGENT_JAR"
	if output="$(timeout 60 podman run --rm "${RUN_LIMITS[@]}" --entrypoint java "$IMAGE" \
		"-javaagent:$AGENT_JAR=127.0.0.1:0" -version 2>&1)"; then
		pass "java -javaagent:$AGENT_JAR=127.0.0.1:0 -version starts and exits 0"
	else
		echo "$output" | tail -10
		fail "java -javaagent:$AGENT_JAR=127.0.0.1:0 -version starts and exits 0"
	fi

	podman create --name "$name" "${RUN_LIMITS[@]}" -p "127.0.0.1::$AGENT_PORT" --entrypoint java "$IMAGE" \
		"-javaagent:$AGENT_JAR=$AGENT_PORT" -m jdk.httpserver -b 127.0.0.1 -d /tmp >/dev/null
	started="$(millis)"
	timeout 60 podman start "$name" >/dev/null
	address="$(host_port "$name" "$AGENT_PORT")"
	if wait_ok "$name" "$started" "http://$address/health/readiness" >/dev/null; then
		pass "the JDK's web server with the agent: /health/readiness answers 200 on port $AGENT_PORT"
		check "the JDK's web server with the agent: /metrics has the monitor's meters (runtime_check_value)" \
			has_line "$(curl -s --max-time 5 "http://$address/metrics")" '^runtime_check_value\{check="threads"\} [0-9]'
	else
		fail "the JDK's web server with the agent: /health/readiness answers 200 on port $AGENT_PORT"
	fi
	podman rm --force --time 0 "$name" >/dev/null
}

# Start-up variants: the image as shipped, and two ways of starting it without the cache:
# with the entrypoint's -XX:AOTCache left out, the JVM still maps the JRE's default CDS
# archive (as a stock JRE image would); -XX:AOTMode=off turns class data sharing off.
declare -A VARIANT_LABEL=(
	[aot]="with the AOT cache (as shipped)"
	[cds]="without: -XX:AOTCache removed"
	[off]="without: -XX:AOTMode=off"
)
VARIANTS=(aot cds off)

# start_once VARIANT ROUND: prints "MILLIS JVM_SECONDS", podman start to the first 200
# from /health and the JVM's own uptime when Spring reported it started.
start_once() {
	local variant="$1" name="rm-test-start-$1-$2" args started ms jvm
	case "$variant" in
		aot) args=("$IMAGE") ;;
		cds) args=(--entrypoint java "$IMAGE" -jar /app/app.jar) ;;
		off) args=(-e JDK_JAVA_OPTIONS=-XX:AOTMode=off "$IMAGE") ;;
	esac
	podman create --name "$name" "${RUN_LIMITS[@]}" -p 127.0.0.1::8080 "${args[@]}" >/dev/null
	started="$(millis)"
	timeout 60 podman start "$name" >/dev/null
	if ! ms="$(wait_healthy "$name" "$started")"; then
		podman rm --force --time 0 "$name" >/dev/null
		return 1
	fi
	jvm="$(jvm_ready_seconds "$name")"
	podman rm --force --time 0 "$name" >/dev/null
	echo "$ms ${jvm:-n/a}"
}

# measure_startups: STARTS rounds, each starting every variant once, so that a burst of
# load on the machine hits all variants alike.
measure_startups() {
	local round variant result
	local -A millis_of=() jvm_of=() failed_of=()
	for ((round = 1; round <= STARTS; round++)); do
		for variant in "${VARIANTS[@]}"; do
			if result="$(start_once "$variant" "$round")"; then
				millis_of[$variant]+="${result% *} "
				jvm_of[$variant]+="${result#* } "
			else
				failed_of[$variant]=1
			fi
		done
	done
	for variant in "${VARIANTS[@]}"; do
		if [ -n "${failed_of[$variant]:-}" ]; then
			fail "start-up ${VARIANT_LABEL[$variant]}: every start answers 200 on /health"
			continue
		fi
		pass "start-up ${VARIANT_LABEL[$variant]}: /health 200 after ${millis_of[$variant]% } ms"
		note "$(printf '%-42s' "start-up ${VARIANT_LABEL[$variant]}:") median $(tr ' ' '\n' <<<"${millis_of[$variant]}" | grep . | median) ms to the first 200, JVM ready at $(tr ' ' '\n' <<<"${jvm_of[$variant]}" | grep . | median) s (runs: ${millis_of[$variant]% } ms)"
	done
}

main() {
	if [ "$(id -u)" -ne 0 ]; then
		echo "container-test.sh needs root (debootstrap, rootful podman)" >&2
		exit 1
	fi
	require_commands podman:podman runc:runc debootstrap:debootstrap curl:curl
	# Short on purpose: podman refuses a runroot path longer than 50 characters.
	WORK="$(mktemp -d /tmp/rmct.XXXXXX)"
	trap cleanup EXIT
	trap 'exit 130' INT
	trap 'exit 143' TERM
	use_podman_root "$WORK/podman"
	if [ "$(podman info --format '{{.Store.GraphRoot}}')" != "$PODMAN_ROOT/storage" ]; then
		echo "podman ignores CONTAINERS_STORAGE_CONF; refusing to touch the machine's own storage" >&2
		exit 1
	fi
	local started
	started="$(millis)"
	log "work directory $WORK"

	if build_images; then
		check_image_config
		check_heap_sizing
		check_aot_cache_usable
		check_running_service
		check_agent
		log "measuring start-up, $STARTS runs per variant"
		measure_startups
	fi

	echo
	echo "Container test summary (run with: ${RUN_LIMITS[*]})"
	local line
	for line in "${summary[@]}"; do
		echo "  $line"
	done
	echo "  whole script: $(( ($(millis) - started) / 1000 )) s"
	echo
	echo "container-test: $passed passed, $failed failed"
	[ "$failed" -eq 0 ]
}

main "$@"
