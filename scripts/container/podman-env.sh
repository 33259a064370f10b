# Sourced by the container scripts: podman as it works on our build machines.
#
# CONTAINERS_CONF      defaults to containers.conf beside this file (runc, lower ulimits).
# PODMAN_ROOT          when set, podman keeps every image, container, build cache and
#                      temporary file under this directory instead of the machine's own
#                      storage, so a test run can be removed with it and leaves nothing.
#                      (The runroot in it must stay under 50 characters: podman says so.)

CONTAINER_SCRIPTS="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export CONTAINERS_CONF="${CONTAINERS_CONF:-$CONTAINER_SCRIPTS/containers.conf}"

# use_podman_root DIR: from now on podman (here and in child processes) keeps its
# images, containers and layers under DIR, through a storage.conf of its own.
use_podman_root() {
	export PODMAN_ROOT="$1"
	mkdir -p "$PODMAN_ROOT/storage" "$PODMAN_ROOT/run" "$PODMAN_ROOT/tmp"
	cat >"$PODMAN_ROOT/storage.conf" <<-CONF
		[storage]
		driver = "overlay"
		graphroot = "$PODMAN_ROOT/storage"
		runroot = "$PODMAN_ROOT/run"
	CONF
	export CONTAINERS_STORAGE_CONF="$PODMAN_ROOT/storage.conf"
	# Build cache mounts and large temporary blobs go to TMPDIR.
	export TMPDIR="$PODMAN_ROOT/tmp"
}

if [ -n "${PODMAN_ROOT:-}" ]; then
	use_podman_root "$PODMAN_ROOT"
fi

# require_commands PACKAGE:COMMAND...: fails, naming the apt packages, when any is missing.
require_commands() {
	local missing=() spec
	for spec in "$@"; do
		command -v "${spec#*:}" >/dev/null 2>&1 || missing+=("${spec%%:*}")
	done
	if [ "${#missing[@]}" -gt 0 ]; then
		echo "Missing: ${missing[*]}. Install the container tools with:" >&2
		echo "  apt-get update && apt-get install -y podman buildah runc fuse-overlayfs slirp4netns uidmap debootstrap containernetworking-plugins catatonit curl" >&2
		return 1
	fi
}

log() {
	printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2
}
