#!/usr/bin/env bash
# Benchmarks the Wawp mock against bare WireMock (defaults and tuned) and MockServer, with Jetty
# alone (the ceiling of any mock on WireMock) beside them.
# Usage: bench/run.sh [--quick] [any Bench option, e.g. --warmup 10s --duration 20s --rounds 2
#                      --connections 8,64 --requests 1000000 --servers mock,wiremock-tuned]
# Defaults: 8 and 64 connections, 2 rotations, 10 s warm-up + 20 s measured per round, then the
# mock alone for 1,000,000 requests (RSS check). About 12 minutes on 2 cores.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"

args=(--connections 8,64 --rounds 2 --warmup 10s --duration 20s --requests 1000000 --long-limit 300s)
if [[ "${1:-}" == "--quick" ]]; then
  shift
  args=(--connections 8,64 --rounds 1 --warmup 3s --duration 5s --requests 0)
fi

if [[ ! -f "$root/mock-server/target/wawp-mock-server.jar" ]]; then
  echo "building the mock's jar (mvn -pl mock-server -am package -DskipTests)"
  (cd "$root" && mvn -B -ntp -q -pl mock-server -am package -DskipTests)
fi
(cd "$here" && mvn -B -ntp -q package)

# The mock runs from its own path, as the README starts it: its class-data archive only matches
# the jar it was recorded with. Do not rebuild mock-server while the benchmark runs.
cd "$here"
exec java -cp "target/classes:$(cat target/classpath.txt)" dev.wawpkit.bench.Bench \
  --mock-jar "$root/mock-server/target/wawp-mock-server.jar" "${args[@]}" "$@"
