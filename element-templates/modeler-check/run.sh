#!/usr/bin/env bash
# Draws a new ticket type (设备维修 deviceRepair) with Flowdesk's element templates in camunda-bpmn-js, the editor
# that Camunda Modeler 5 embeds for Camunda 7 diagrams: templates picked and their fields typed in its properties
# panel, as an analyst does. Writes the BPMN and screenshots to a scratch folder. Needs Node.js, npm and Debian's
# chromium. Usage: bash element-templates/modeler-check/run.sh [SCRATCH_DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
scratch=$(mkdir -p "${1:-/tmp/flowdesk-modeler-check}" && cd "${1:-/tmp/flowdesk-modeler-check}" && pwd)
cd "$scratch"
mkdir -p shots
if [[ ! -d package ]]; then
  npm pack --silent camunda-bpmn-js@5.35.0 >/dev/null && tar xzf camunda-bpmn-js-5.35.0.tgz
  # 5.35.0's bundle: the "remove template" replace entry reads bpmn-js' replace options as arrays, and one of them
  # is not; applying a template to the process then throws. Modeler's own build does not have it.
  sed -i 's/const ALL_OPTIONS = Object.values(replaceOptions);/const ALL_OPTIONS = Object.values(replaceOptions).filter(Array.isArray);/' \
    package/dist/camunda-platform-modeler.development.js
fi
[[ -d node_modules/playwright-core ]] || npm install --silent --no-audit --no-fund --no-save playwright-core >/dev/null
cp "$here/page.html" "$scratch/page.html"
NODE_PATH="$scratch/node_modules" node "$here/draw.js" "$scratch" "$scratch/device-repair.bpmn"
echo "screenshots: $scratch/shots"
