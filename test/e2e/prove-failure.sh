#!/usr/bin/env bash
# Proves the UI tests can fail. Packages the extension, then makes two broken builds from copies
# of the .vsix and runs the UI tests against each:
#   1. without extension/dist/server.js (no language server): every UI test but the snippet one
#      (Problems panel, hovers, quick fix, audit) must fail;
#   2. without extension/snippets/ (the manifest still points there): the snippet test must fail.
# Exits 0 only when every one of those tests fails; prints why each failed.
# Usage: test/e2e/prove-failure.sh [package.vsix]   (default: npm run package, then its output)
# Run after test/e2e/setup.sh and node scripts/build-suite.mjs.
set -euo pipefail
cd "$(dirname "$0")/../.."

if [ $# -gt 0 ]; then
  vsix=$1
else
  npm run package > /dev/null
  shopt -s nullglob
  vsix=$(ls -t dist-vsix/*.vsix ./*.vsix | head -n 1)
  shopt -u nullglob
fi
mkdir -p .e2e
proven=true

# break NAME ZIP_ENTRY_GLOB TEST_NAME_PATTERN EXPECTED_COUNT
break_and_run() {
  local name=$1 entries=$2 pattern=$3 expected=$4
  local broken=".e2e/broken-$name.vsix" log=".e2e/prove-failure-$name.log"
  cp "$vsix" "$broken"
  zip -q -d "$broken" "$entries"
  echo "== $broken: $vsix without $entries"
  set +e
  rm -rf "test-results/e2e-broken-$name"
  AWS_PATTERNS_E2E_VSIX="$broken" AWS_PATTERNS_E2E_UI_TIMEOUT=10000 AWS_PATTERNS_E2E_SHOTS="test-results/e2e-broken-$name" node --import tsx --test --test-reporter=spec \
    --test-name-pattern="$pattern" test/e2e/vscode.test.ts > "$log" 2>&1
  set -e
  # Each failed test with its error and what it was waiting for.
  sed -n '/failing tests:/,$p' "$log" | grep -A3 '^✖ UI' | grep -E '^✖|^  [A-Za-z]|waiting for' | sed 's/\x1b\[[0-9;]*m//g' || true
  local failed passed
  failed=$(grep -c '^✖ UI: ' "$log" || true)
  passed=$(grep -c '^✔ UI: ' "$log" || true)
  # Node lists each failed test twice: in the run and in the closing summary.
  if [ "$passed" -ne 0 ] || [ "$failed" -ne $((2 * expected)) ]; then
    echo "NOT PROVEN: $passed passed, $((failed / 2)) of $expected failed (log: $log)"
    proven=false
  else
    echo "proven: all $expected failed (log: $log; screenshots: test-results/e2e-broken-$name/)"
  fi
}

# Every UI test but the snippet one needs the server; the snippet one needs only the snippet files.
ui_tests=$(grep -cE "^test\\('UI: " test/e2e/vscode.test.ts)
break_and_run no-server 'extension/dist/server.js' '^UI: (?!typing a snippet)' $((ui_tests - 1))
break_and_run no-snippets 'extension/snippets/*' '^UI: typing a snippet' 1
$proven
