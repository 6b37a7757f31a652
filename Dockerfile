# syntax=docker/dockerfile:1
# One image per service, built from this repository's sources (docker-compose.yml builds all three):
#   docker build --build-arg SERVICE=execution-service --build-arg PORT=3002 -t agentnexus/execution-service .
# SERVICE is the Maven module (execution-service | stream-gateway | metrics-aggregator), PORT its HTTP port.
# Needs BuildKit (docker compose v2 and docker build use it by default) for the Maven cache mount. Base images
# are fully qualified (docker.io/…) so that podman, which refuses short names, builds it too.

FROM docker.io/library/eclipse-temurin:17-jdk-noble AS build
ARG SERVICE
RUN test -n "$SERVICE" || { echo "build with --build-arg SERVICE=<module>" >&2; exit 1; }
WORKDIR /workspace
COPY . .
# The repository's own Maven (wrapper) and the module with the modules it needs; ~/.m2 survives between builds.
RUN --mount=type=cache,target=/root/.m2 ./mvnw -q -B -DskipTests package -pl "$SERVICE" -am

# noble pinned: the healthchecks in docker-compose.yml use its curl
FROM docker.io/library/eclipse-temurin:17-jre-noble
ARG SERVICE
ARG PORT
ARG VERSION=0.1.0-SNAPSHOT
RUN test -n "$PORT" || { echo "build with --build-arg PORT=<the service's HTTP port>" >&2; exit 1; } \
    && groupadd --system --gid 10001 agentnexus \
    && useradd --system --uid 10001 --gid agentnexus --home-dir /app --no-create-home \
        --shell /usr/sbin/nologin agentnexus
WORKDIR /app
COPY --from=build /workspace/${SERVICE}/target/${SERVICE}-${VERSION}-exec.jar /app/app.jar
USER agentnexus:agentnexus
EXPOSE ${PORT}
# The heap follows the container's memory limit; an OutOfMemoryError ends the process so the engine restarts it
# instead of leaving it half alive. Add flags with JAVA_TOOL_OPTIONS.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75.0", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/app.jar"]
