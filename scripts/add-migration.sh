#!/usr/bin/env bash
# Adds one migration with the same name for every database provider, so their schemas never drift.
# Usage: scripts/add-migration.sh <MigrationName>
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh <MigrationName>}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
dotnet tool restore >/dev/null
for provider in Sqlite SqlServer Postgres; do
  dotnet ef migrations add "$name" \
    --project Stayfull.Domain \
    --startup-project Stayfull.Domain \
    --context "${provider}StayfullDbContext" \
    --output-dir "Data/Migrations/$provider"
done
