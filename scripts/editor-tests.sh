#!/usr/bin/env bash
# The editors' checks (docs/editors.md): the VS Code extension installs from its
# lock file, its TextMate grammar passes the tests under editors/vscode/test/, and it
# builds into a .vsix. Needs Node.js 20 or later and the npm registry; the install
# takes most of a minute, so .ci/run does not call this script.
set -euo pipefail
cd "$(dirname "$0")/../editors/vscode"

npm ci --no-audit --no-fund
npx vscode-tmgrammar-test -g syntaxes/kaohe-rule.tmLanguage.json "test/**/*.rule"

out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
# Without a `repository` field vsce asks whether to go on; the flag answers it.
npx @vscode/vsce package --allow-missing-repository -o "$out/kaohe-rule.vsix"
test -s "$out/kaohe-rule.vsix"
echo "editor-tests: grammar tests pass and the extension packages"
