#!/usr/bin/env bash
# scaffold.sh <dir> <name> <tags-json> : writes the per-project config files every package shares.
set -euo pipefail
dir=$1; name=$2
depth=$(echo "$dir" | awk -F/ '{print NF}')
up=$(printf '../%.0s' $(seq 1 "$depth"))
cat > "$dir/tsconfig.json" <<JSON
{
  "extends": "${up}tsconfig.base.json",
  "compilerOptions": {
    "rootDir": ".",
    "outDir": "out-tsc",
    "tsBuildInfoFile": "out-tsc/tsconfig.tsbuildinfo"
  },
  "include": ["src/**/*.ts", "test/**/*.ts"],
  "references": []
}
JSON
cat > "$dir/eslint.config.mjs" <<JS
import baseConfig from '${up}eslint.config.mjs';

export default [...baseConfig];
JS
cat > "$dir/vitest.config.mts" <<JS
import { sharedVitestConfig } from '${up}vitest.shared.mts';

export default sharedVitestConfig('${name}');
JS
