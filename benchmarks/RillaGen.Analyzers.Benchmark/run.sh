#!/usr/bin/env bash
# Measures RillaGen's analyzers on a generated consumer project of 1,000 files, with and without a
# RillaGen reference. Usage: benchmarks/RillaGen.Analyzers.Benchmark/run.sh [work folder]
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
work="${1:-${TMPDIR:-/tmp}/rilla-analyzer-benchmark}"

dotnet build "$repo/benchmarks/RillaGen.Analyzers.Benchmark" -c Release -v:q -nologo
for variant in with without; do
  flag=""; [ "$variant" = without ] && flag="--without-rillagen"
  dotnet run --project "$repo/benchmarks/RillaGen.Analyzers.Benchmark" -c Release --no-build -- "$work/$variant" --repo "$repo" $flag
  # First build: restores and builds RillaGen and the analyzers. Second: recompiles only the consumer.
  dotnet build "$work/$variant/Consumer.csproj" -c Release -v:q -nologo > /dev/null
  dotnet build "$work/$variant/Consumer.csproj" -c Release --no-dependencies -t:Rebuild -p:ReportAnalyzer=true \
    -v:d -clp:PerformanceSummary -nologo > "$work/$variant.log"
  echo "== $variant RillaGen"
  grep -E "^\s+[0-9]+ ms\s+Csc\s" "$work/$variant.log" | head -1 || true
  # The Csc task's ReportAnalyzer table: the total, and the rows of RillaGen's analyzers.
  grep -E "Total analyzer execution time|^ +[<0-9.]+ +[<0-9]+ +RillaGen\.Analyzers" "$work/$variant.log" | sed 's/^ *//' || true
done
