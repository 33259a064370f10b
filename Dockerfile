# runtime-monitor container image.
#
#   docker build -t runtime-monitor .        (BuildKit)
#   podman build -t runtime-monitor .
#
# The base images are build arguments so the image also builds where no registry is
# reachable, from local JDK 25 / JRE 25 images (see scripts/container/build-base-images.sh):
#   podman build --build-arg JDK_IMAGE=localhost/runtime-monitor-base/jdk:25 \
#                --build-arg JRE_IMAGE=localhost/runtime-monitor-base/jre:25 -t runtime-monitor .
# Both must provide `java` on the PATH; the JDK image also needs JAVA_HOME with javac.
ARG JDK_IMAGE=eclipse-temurin:25-jdk
ARG JRE_IMAGE=eclipse-temurin:25-jre

# --- build: the Maven wrapper packages the Spring Boot jar, which is then extracted, and the agent jar ---
FROM ${JDK_IMAGE} AS build
WORKDIR /build
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
COPY src/ src/
# The local Maven repository (and the Maven distribution the wrapper fetches) lives in a
# cache mount: it survives between builds without ending up in any layer.
RUN --mount=type=cache,id=runtime-monitor-m2,target=/root/.m2 \
    ./mvnw -B -ntp -DskipTests package \
 && java -Djarmode=tools -jar target/runtime-monitor-*-exec.jar \
        extract --layers --application-filename app.jar --destination /layers \
 && mkdir /agent && cp target/runtime-monitor-*-agent.jar /agent/runtime-monitor-agent.jar

# --- runtime: a JRE 25, the application in layers that change least first ---
FROM ${JRE_IMAGE}
ARG VERSION=0.1.0-SNAPSHOT
ARG REVISION=unknown
LABEL org.opencontainers.image.title="runtime-monitor" \
      org.opencontainers.image.description="A Spring Boot service that watches its own JVM and reports it as Prometheus metrics and health" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}"

WORKDIR /app
# Each layer holds lib/*.jar or app.jar; app.jar's manifest puts lib/*.jar on its class path,
# and exports jdk.internal.perf so that the monitor reads the GC counters in memory, with
# no hsperfdata file needed in /tmp.
COPY --from=build /layers/dependencies/ ./
COPY --from=build /layers/spring-boot-loader/ ./
COPY --from=build /layers/snapshot-dependencies/ ./
COPY --from=build /layers/application/ ./
# The Java agent, for any other JVM (docs/agent.md): a Kubernetes init container running
# this image copies it into a volume the application's container starts it from. The path
# has no version, so that a pod's -javaagent option stays the same from release to release.
COPY --from=build /agent/ /opt/runtime-monitor/

# Default JVM options. The JVM reads JAVA_TOOL_OPTIONS first and the command line
# (JDK_JAVA_OPTIONS included) after it, so JDK_JAVA_OPTIONS adds to or overrides these
# flag by flag, and setting JAVA_TOOL_OPTIONS replaces them. java.io.tmpdir stays /tmp:
# the only place the service writes (Tomcat's work directory, hsperfdata, JFR) and the
# only writable one with a read-only root.
#   -XX:MaxRAMPercentage=75.0    the heap follows the container's memory limit (3/4 of it).
#   -XX:+ExitOnOutOfMemoryError  an out-of-memory error ends the process, to be restarted.
# GC pauses come from the JVM's GC counters, not Flight Recorder; a JVM that falls back to
# it (Shenandoah) can add -XX:FlightRecorderOptions:memorysize=1m with JDK_JAVA_OPTIONS.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75.0 -XX:+ExitOnOutOfMemoryError"

# Train the JDK 25 AOT cache: start the application up to the refreshed context, record
# the classes it loads and links, and write the cache. It is only valid for this JVM and
# this exact class path, which is why it is made here, in the final image. Written by
# root, read by everyone; the service never writes it. What the training run leaves in
# /tmp (Tomcat's directories, hsperfdata) is removed so it does not end up in the image
# (a tmpfs mount would be neater, but buildah 1.28 empties the whole image with one).
# The "Skipping ..." warnings name classes a cache cannot hold (proxies, unlinked classes).
RUN java -XX:AOTCacheOutput=/app/app.aot -Dspring.context.exit=onRefresh -jar /app/app.jar \
 && chmod 444 /app/app.aot \
 && find /tmp -mindepth 1 -delete

# Any numeric user works (Kubernetes runAsUser); nothing in the image belongs to it.
USER 10001:10001
EXPOSE 8080
# Exec form: java is PID 1 and gets SIGTERM itself, so Spring Boot shuts down gracefully.
# Set JDK_JAVA_OPTIONS=-XX:AOTMode=off to start without the AOT cache.
ENTRYPOINT ["java", "-XX:AOTCache=/app/app.aot", "-jar", "/app/app.jar"]
