#!/usr/bin/env bash
# Installs what the tests need (Debian packages, npm packages), builds the solution and runs every test project.
# Ends with one line "N passed, N failed, N skipped" summed over all projects; exits non-zero on any failure,
# when no test ran, or when a test project ran no test.
set -euo pipefail
cd "$(dirname "$0")"

# Real servers the integration tests start on loopback themselves; systemd-analyze, which checks the gateway's unit;
# what runs the Raspberry Pi build (deploy/gateway/publish-arm64.sh) here: qemu-aarch64 with the arm64 libraries
# .NET loads; and the headless browser and its driver the dashboard's browser tests use.
packages=(mosquitto systemd qemu-user libc6:arm64 libstdc++6:arm64 libgcc-s1:arm64 libssl3:arm64 chromium chromium-driver)
installed=(/usr/sbin/mosquitto /usr/bin/systemd-analyze /usr/bin/qemu-aarch64 /lib/ld-linux-aarch64.so.1
  /usr/lib/aarch64-linux-gnu/libstdc++.so.6 /usr/lib/aarch64-linux-gnu/libgcc_s.so.1 /usr/lib/aarch64-linux-gnu/libssl.so.3
  /usr/bin/chromium /usr/bin/chromedriver)

install_packages() {
  local missing=0
  for f in "${installed[@]}"; do [ -e "$f" ] || missing=1; done
  [ "$missing" = 0 ] && return 0
  local sudo=()
  if [ "$(id -u)" != 0 ]; then
    sudo -n true 2>/dev/null || { echo "test.sh: installing ${packages[*]} needs root or password-less sudo" >&2; exit 1; }
    sudo=(sudo -n)
  fi
  echo "Installing ${packages[*]} from Debian's packages..."
  # Keep the packages' own services from starting: the tests start their own instances on free ports.
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' | "${sudo[@]}" tee /usr/sbin/policy-rc.d >/dev/null
    "${sudo[@]}" chmod +x /usr/sbin/policy-rc.d
    trap '"${sudo[@]}" rm -f /usr/sbin/policy-rc.d' EXIT
  fi
  if ! dpkg --print-foreign-architectures | grep -qx arm64; then
    "${sudo[@]}" dpkg --add-architecture arm64
  fi
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${packages[@]}" </dev/null >/dev/null
}

install_packages

# The Standard Webhooks reference implementation (npm "standardwebhooks") that the cloud's tests check our webhook
# signatures with; node and npm come with the machine.
(cd tests/webhook-verifier && npm ci --no-audit --no-fund --loglevel=error)

results=test-output/results
rm -rf test-output
mkdir -p "$results"
# The browser tests leave pictures of the dashboard at phone and desktop widths here for a person to look at.
export SHG_SCREENSHOTS_DIR="$PWD/test-output/screenshots"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build SmartHomeGateway.sln -c Release --nologo -v quiet

status=0
for project in tests/*Tests/*.csproj; do
  name=$(basename "$project" .csproj)
  echo "== $name"
  dotnet test "$project" -c Release --no-build --nologo \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" \
    --results-directory "$results" || status=1
  if [ ! -f "$results/$name.trx" ]; then
    echo "test.sh: $name left no results" >&2
    status=1
  fi
done

# The dashboard's pure JavaScript modules (SSE parser, chart geometry, consent toggling) with node's own test runner;
# the page end to end is the browser tests' part.
echo "== dashboard JavaScript"
node --experimental-detect-module --test --test-reporter=tap tests/dashboard-js/*.test.mjs >"$results/dashboard-js.tap" || status=1
grep -E '^(not ok|# (pass|fail|skipped) )' "$results/dashboard-js.tap" || true
tap() { # counter name
  local v
  v=$(sed -n "s/^# $1 \([0-9]*\)$/\1/p" "$results/dashboard-js.tap")
  echo "${v:-0}"
}

counter() { # file, attribute
  local v
  v=$(grep -o '<Counters [^>]*>' "$1" | sed -n "s/.* $2=\"\([0-9]*\)\".*/\1/p" || true)
  echo "${v:-0}"
}

if compgen -G "$SHG_SCREENSHOTS_DIR/*.png" >/dev/null; then
  echo "Screenshots of the dashboard: $SHG_SCREENSHOTS_DIR"
fi

passed=0 failed=0 skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  if [ "$(counter "$trx" total)" = 0 ]; then
    echo "test.sh: $(basename "$trx" .trx) ran no test" >&2
    status=1
  fi
  passed=$((passed + $(counter "$trx" passed)))
  failed=$((failed + $(counter "$trx" failed) + $(counter "$trx" error) + $(counter "$trx" timeout) + $(counter "$trx" aborted)))
  skipped=$((skipped + $(counter "$trx" notExecuted)))
done

passed=$((passed + $(tap pass)))
failed=$((failed + $(tap fail) + $(tap cancelled)))
skipped=$((skipped + $(tap skipped) + $(tap todo)))

echo "$passed passed, $failed failed, $skipped skipped"
[ "$status" = 0 ] && [ "$failed" = 0 ] && [ "$passed" -gt 0 ]
