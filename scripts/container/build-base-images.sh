#!/usr/bin/env bash
# Builds the two base images the Dockerfile can start from where no registry is
# reachable, from Debian packages and the machine's own Temurin JDK 25; nothing is pulled:
#
#   localhost/runtime-monitor-base/jdk:25   Debian minbase + the JDK 25    (JDK_IMAGE, build stage)
#   localhost/runtime-monitor-base/jre:25   Debian minbase + a jlinked JRE (JRE_IMAGE, runtime stage)
#
# Both have the JVM in /opt/java/openjdk with JAVA_HOME and PATH set, as the
# eclipse-temurin images do. Needs root (debootstrap) and podman.
#
# Environment:
#   PODMAN_ROOT     podman storage to put the images in (default: the machine's own)
#   JDK_HOME        the JDK 25 to copy and jlink from (default: /usr/lib/jvm/temurin-25-jdk-amd64)
#   DEBIAN_SUITE    default: bookworm
#   DEBIAN_MIRROR   default: the first Debian mirror in the machine's apt sources
set -euo pipefail
source "$(dirname "$0")/podman-env.sh"

JDK_HOME="${JDK_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
DEBIAN_SUITE="${DEBIAN_SUITE:-bookworm}"
BASE_JDK_IMAGE=localhost/runtime-monitor-base/jdk:25
BASE_JRE_IMAGE=localhost/runtime-monitor-base/jre:25

# What Spring Boot and the service need, from
#   jdeps --ignore-missing-deps --print-module-deps --multi-release 25 --recursive \
#         --class-path 'lib/*' app.jar
# on the extracted jar, plus what a JRE is expected to have for operations: elliptic-curve
# TLS, the extended charsets and remote JMX; and the agent's HTTP server (jdk.httpserver,
# from the same jdeps on the agent jar). container-test.sh proves the list by running the
# service, and the service with the agent, on it.
JRE_MODULES=java.base,java.compiler,java.desktop,java.instrument,java.naming,java.net.http,java.prefs,java.scripting,java.security.jgss,java.sql,jdk.jfr,jdk.management,jdk.unsupported,jdk.crypto.ec,jdk.charsets,jdk.management.agent,jdk.httpserver

debian_mirror() {
	if [ -n "${DEBIAN_MIRROR:-}" ]; then
		echo "$DEBIAN_MIRROR"
		return
	fi
	# One-line style (sources.list) first, then deb822 (*.sources); skip security.
	{
		cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null \
			| awk '$1 == "deb" { for (i = 2; i <= NF; i++) if ($i ~ /^(https?|ftp):/) { print $i; break } }'
		cat /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '$1 == "URIs:" { print $2 }'
	} | grep -v -- '-security' | head -1
}

main() {
	if [ "$(id -u)" -ne 0 ]; then
		echo "build-base-images.sh needs root (debootstrap)" >&2
		exit 1
	fi
	require_commands podman:podman runc:runc debootstrap:debootstrap
	if [ ! -x "$JDK_HOME/bin/jlink" ]; then
		echo "No JDK 25 at $JDK_HOME (set JDK_HOME)" >&2
		exit 1
	fi
	local mirror
	mirror="$(debian_mirror)"
	if [ -z "$mirror" ]; then
		echo "No Debian mirror found in /etc/apt/sources.list*; set DEBIAN_MIRROR" >&2
		exit 1
	fi

	local scratch
	scratch="$(mktemp -d "${TMPDIR:-/tmp}/runtime-monitor-base.XXXXXX")"
	trap "rm -rf '$scratch'" EXIT

	# jlink (about 7 s) runs while debootstrap (about 25 s) downloads.
	log "jlink a JRE from $JDK_HOME"
	mkdir -p "$scratch/jre/opt/java"
	timeout 300 "$JDK_HOME/bin/jlink" --add-modules "$JRE_MODULES" --strip-debug --no-man-pages \
		--no-header-files --compress=zip-6 --generate-cds-archive \
		--output "$scratch/jre/opt/java/openjdk" >"$scratch/jlink.log" 2>&1 &
	local jlink_pid=$!

	log "debootstrap --variant=minbase $DEBIAN_SUITE from $mirror"
	if ! timeout 300 debootstrap --variant=minbase "$DEBIAN_SUITE" "$scratch/rootfs" "$mirror" >"$scratch/debootstrap.log" 2>&1; then
		tail -20 "$scratch/debootstrap.log" >&2
		exit 1
	fi
	if ! wait "$jlink_pid"; then
		cat "$scratch/jlink.log" >&2
		exit 1
	fi

	# The JDK as it is, except links that point outside it (Debian-style packages link
	# lib/security/cacerts to /etc/ssl/certs/java/cacerts): those become the files.
	log "copy the JDK"
	mkdir -p "$scratch/jdk/opt/java"
	cp -a "$JDK_HOME" "$scratch/jdk/opt/java/openjdk"
	find "$scratch/jdk/opt/java/openjdk" -type l -lname '/*' -print0 \
		| while IFS= read -r -d '' link; do
			cp --remove-destination "$(readlink -f "$link")" "$link"
		done

	import_image "$scratch/rootfs" "$scratch/jdk" "$BASE_JDK_IMAGE" "Debian $DEBIAN_SUITE minbase with the JDK 25"
	import_image "$scratch/rootfs" "$scratch/jre" "$BASE_JRE_IMAGE" "Debian $DEBIAN_SUITE minbase with a jlinked JRE 25"
	podman images --format '{{.Repository}}:{{.Tag}} {{.Size}}' | grep runtime-monitor-base >&2
}

# import_image ROOTFS JAVA_TREE IMAGE DESCRIPTION: one layer, the root file system
# (without apt's caches, documentation and translations) and the Java tree over it.
import_image() {
	local rootfs="$1" java_tree="$2" image="$3" description="$4"
	log "import $image"
	tar -C "$rootfs" \
		--exclude='./var/cache/apt/archives/*.deb' --exclude='./var/lib/apt/lists/*' \
		--exclude='./usr/share/doc/*' --exclude='./usr/share/man/*' --exclude='./usr/share/locale/*' \
		-c . -C "$java_tree" ./opt/java \
		| timeout 300 podman import --quiet \
			--change 'ENV JAVA_HOME=/opt/java/openjdk' \
			--change 'ENV PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
			--change 'ENV LANG=C.UTF-8' \
			--change "LABEL org.opencontainers.image.description=\"$description\"" \
			--change 'CMD ["java", "-version"]' \
			- "$image" >/dev/null
}

main "$@"
