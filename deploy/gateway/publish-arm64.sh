#!/usr/bin/env bash
# Publishes the gateway for a Raspberry Pi with a 64-bit OS: a self-contained linux-arm64 build (no .NET needed on the
# Pi), as one executable, SmartHome.Gateway, in the output folder (default: artifacts/gateway-linux-arm64).
# Not trimmed: options binding and MQTTnet use reflection that trimming would have to be taught about.
# Usage: deploy/gateway/publish-arm64.sh [output folder]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
output=$(realpath -m "${1:-$root/artifacts/gateway-linux-arm64}")

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet publish "$root/src/SmartHome.Gateway" -c Release -r linux-arm64 --self-contained \
  -p:PublishSingleFile=true -o "$output" --nologo -v quiet </dev/null
echo "$output/SmartHome.Gateway"
