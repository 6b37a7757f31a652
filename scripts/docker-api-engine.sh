#!/usr/bin/env bash
# Starts a Docker-Engine-API-compatible engine (podman) on a unix socket and builds the local demo agent image.
# For machines without Docker (CI, dev boxes): installs podman + runc + static busybox from apt when missing.
# Prints the DOCKER_HOST to use on its last line. Idempotent: a second run reuses a live engine.
#   usage: scripts/docker-api-engine.sh [socket-dir]      (default /tmp/agentnexus-podman)
set -euo pipefail
dir="${1:-/tmp/agentnexus-podman}"
sock="$dir/podman.sock"
image="localhost/agentnexus-demo:1"
mkdir -p "$dir"

if ! command -v podman >/dev/null || ! command -v runc >/dev/null || [ ! -x /bin/busybox ] \
    || ! command -v curl >/dev/null; then
  apt-get update -q >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q podman runc busybox-static curl >&2
fi

# crun refuses this kind of machine's hybrid cgroups; without explicit ulimits every start fails on setrlimit.
conf="$dir/containers.conf"
cat > "$conf" <<'CONF'
[containers]
default_ulimits = ["nofile=20000:20000", "nproc=4096:4096"]
[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
CONF
export CONTAINERS_CONF="$conf"
# Fully qualified names only; registries on 127.0.0.1 (the tests' own, any port) speak plain HTTP.
registries="$dir/registries.conf"
cat > "$registries" <<'CONF'
unqualified-search-registries = []
[[registry]]
location = "127.0.0.1"
insecure = true
CONF
export CONTAINERS_REGISTRIES_CONF="$registries"

if ! curl -sf --unix-socket "$sock" http://d/_ping >/dev/null 2>&1; then
  rm -f "$sock"
  # conmon writes marker files (e.g. "oom") into its working directory: keep them out of the caller's tree
  # Every descriptor of the background job is redirected: a caller reading this script's output through a pipe
  # (`$(… | tail -1)`) would otherwise wait for the service to exit before seeing end-of-file.
  (cd "$dir" && exec setsid nohup podman system service --time=0 "unix://$sock") \
    </dev/null >"$dir/podman.log" 2>&1 &
  for _ in $(seq 1 100); do
    curl -sf --unix-socket "$sock" http://d/_ping >/dev/null 2>&1 && break
    sleep 0.1
  done
  curl -sf --unix-socket "$sock" http://d/_ping >/dev/null || { echo "podman did not answer; see $dir/podman.log" >&2; exit 1; }
fi

# No registry is reachable here: the demo image is a busybox rootfs imported locally.
if ! podman image exists "$image"; then
  rootfs="$(mktemp -d)"
  mkdir -p "$rootfs"/{bin,tmp,etc,home/agent}
  cp /bin/busybox "$rootfs/bin/busybox"
  for applet in $("$rootfs/bin/busybox" --list); do
    [ "$applet" = busybox ] || ln -sf busybox "$rootfs/bin/$applet"
  done
  chmod 1777 "$rootfs/tmp"
  printf 'root:x:0:0:root:/root:/bin/sh\nagent:x:1000:1000:agent:/home/agent:/bin/sh\n' > "$rootfs/etc/passwd"
  printf 'root:x:0:\nagent:x:1000:\n' > "$rootfs/etc/group"
  chown 1000:1000 "$rootfs/home/agent"
  tar -C "$rootfs" -c . | podman import --change 'CMD ["/bin/sh"]' - "$image" >&2
  rm -rf "$rootfs"
fi
echo "DOCKER_HOST=unix://$sock"
