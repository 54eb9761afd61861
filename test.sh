#!/usr/bin/env bash
# Every test of the solution. Installs what the tests need (Chromium, a font, PostgreSQL and Redis, from Debian
# packages) when missing, builds once, runs each test project in turn, and ends with one line:
# "N passed, N failed, N skipped", summed over the projects' TRX files.
# Results: artifacts/test-results/<project>/<project>.trx; screenshots: artifacts/screenshots/.
set -euo pipefail
cd "$(dirname "$0")"
root=$PWD
configuration=Release
artifacts=$root/artifacts

install_packages() {
  local missing=()
  [[ -x /usr/bin/chromium ]] || missing+=(chromium)
  # The scale-out and reliability tests start their own PostgreSQL and Redis servers on 127.0.0.1.
  compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
  [[ -x /usr/bin/redis-server ]] || missing+=(redis-server)
  # Screenshots need at least one font to show text; Chromium only recommends one.
  dpkg-query -W -f='${Status}' fonts-dejavu-core 2>/dev/null | grep -q 'ok installed' || missing+=(fonts-dejavu-core)
  ((${#missing[@]} == 0)) && return 0

  local sudo=()
  if [[ $(id -u) -ne 0 ]]; then
    if command -v sudo >/dev/null 2>&1; then
      sudo=(sudo)
    else
      echo "test.sh: ${missing[*]} missing and neither root nor sudo is available to install it" >&2
      exit 1
    fi
  fi
  echo "Installing ${missing[*]} from Debian packages" >&2
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

install_packages

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
dotnet tool restore >/dev/null

rm -rf "$artifacts/test-results" "$artifacts/screenshots"
mkdir -p "$artifacts/test-results" "$artifacts/screenshots"
export STAYFULL_SCREENSHOTS="$artifacts/screenshots"

if ! dotnet build Stayfull.sln -c "$configuration" -nologo -v minimal; then
  echo "test.sh: the build failed" >&2
  exit 1
fi

# One project at a time: the machine has two cores and the browser tests want one of them.
broken=()
for project in tests/*/*.csproj; do
  name=$(basename "$project" .csproj)
  results="$artifacts/test-results/$name"
  echo "── $name" >&2
  # A hung test host is ended after 15 minutes, without a memory dump.
  if ! dotnet test "$project" -c "$configuration" --no-build --nologo \
    --logger "trx;LogFileName=$name.trx" --results-directory "$results" \
    --blame-hang-timeout 15m --blame-hang-dump-type none; then
    echo "test.sh: $name reported failures" >&2
  fi
  [[ -f "$results/$name.trx" ]] || broken+=("$name")
done

((${#broken[@]} == 0)) || echo "test.sh: no results from ${broken[*]}" >&2

python3 - "$artifacts/test-results" "${#broken[@]}" <<'PY'
import pathlib, sys, xml.etree.ElementTree as ET

ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
for trx in sorted(pathlib.Path(sys.argv[1]).rglob("*.trx")):
    counters = ET.parse(trx).getroot().find("t:ResultSummary/t:Counters", ns)
    if counters is None:
        failed += 1
        continue
    count = lambda name: int(counters.get(name, "0"))
    passed += count("passed")
    failed += count("failed") + count("error") + count("timeout") + count("aborted")
    skipped += count("notExecuted")
print(f"{passed} passed, {failed} failed, {skipped} skipped")
sys.exit(1 if failed or int(sys.argv[2]) else 0)
PY
