#!/usr/bin/env bash
# Line and branch coverage per module from the JaCoCo reports that ./mvnw verify writes (target/site/jacoco).
set -euo pipefail
cd "$(dirname "$0")/.."
printf '%-20s %8s %8s\n' module lines branches
for csv in */target/site/jacoco/jacoco.csv; do
  awk -F, -v module="${csv%%/*}" 'NR > 1 { lm += $8; lc += $9; bm += $6; bc += $7 }
    END {
      printf "%-20s %7.1f%% %7.1f%%\n", module, (lm + lc ? 100 * lc / (lm + lc) : 0), (bm + bc ? 100 * bc / (bm + bc) : 0)
    }' "$csv"
done
