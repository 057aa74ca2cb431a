#!/usr/bin/env bash
# Installs what the tests need (Debian packages), builds the solution and runs every test project.
# Ends with one line "N passed, N failed, N skipped" summed over all projects; exits non-zero on any failure or if no test ran.
set -euo pipefail
cd "$(dirname "$0")"

# Real servers the integration tests start on loopback themselves.
packages=(mosquitto)
binaries=(/usr/sbin/mosquitto)

install_packages() {
  local missing=0
  for b in "${binaries[@]}"; do [ -x "$b" ] || missing=1; done
  [ "$missing" = 0 ] && return 0
  local sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  echo "Installing ${packages[*]} from Debian's packages..."
  # Keep the packages' own services from starting: the tests start their own instances on free ports.
  printf '#!/bin/sh\nexit 101\n' | $sudo tee /usr/sbin/policy-rc.d >/dev/null
  $sudo chmod +x /usr/sbin/policy-rc.d
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
  $sudo rm -f /usr/sbin/policy-rc.d
}

install_packages

results=test-output/results
rm -rf test-output
mkdir -p "$results"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build SmartHomeGateway.sln -c Release --nologo -v quiet

status=0
for project in tests/*Tests/*.csproj; do
  name=$(basename "$project" .csproj)
  echo "== $name"
  dotnet test "$project" -c Release --no-build --nologo \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" \
    --results-directory "$results" || status=1
done

passed=0 failed=0 skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  value() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  passed=$((passed + $(value passed)))
  failed=$((failed + $(value failed) + $(value error) + $(value timeout) + $(value aborted)))
  skipped=$((skipped + $(value notExecuted)))
done

echo "$passed passed, $failed failed, $skipped skipped"
[ "$status" = 0 ] && [ "$failed" = 0 ] && [ "$passed" -gt 0 ]
