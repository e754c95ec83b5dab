#!/usr/bin/env bash
# Bootstraps Cake (a local dotnet tool, .config/dotnet-tools.json) and runs build.cake.
# Usage: ./build.sh [--target=build|test|demo|prerequisites|pack|plugins] [--configuration=Release]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# Plain text when the output goes to a file or a CI log rather than a terminal.
if [[ ! -t 1 ]]; then export NO_COLOR="${NO_COLOR:-1}"; fi

dotnet tool restore
# exec: Cake replaces this shell, so Ctrl-C / SIGTERM reach it (and it forwards them to the demo).
exec dotnet cake build.cake "$@"
