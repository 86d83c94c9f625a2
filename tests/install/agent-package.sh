#!/usr/bin/env bash
# The device agent's package (npm run package:agent), checked on its own:
# 1. its contents: the bundle runs on the Node.js it ships and loads serialport; the services
#    (Restart=always, the kiosk compositor with Chromium and the autoplay flag), the config as a
#    conffile, the dependencies, maintainer scripts that parse and make the user luot-agent in
#    lp, dialout and video;
# 2. as root with LUOT_IT_BASE=<a debootstrapped Debian> (as tests/install/run.sh makes one):
#    installed under systemd-nspawn, the agent service is enabled, starts as luot-agent, says
#    what it runs in the journal, and comes back after kill -9; the page's session is enabled
#    and, on wlroots' headless backend (the package's session-headless.conf: the machine has no
#    tty1, screen or input), started for real: cage runs Chromium in kiosk mode on the page of
#    the configured hub (a stand-in page server, tests/install/page-server.mjs), whose script
#    runs; a killed browser is started again. Prints the time to the page and to come back.
#    The machine has no network: the package's dependencies (cage, xwayland, chromium, without
#    Recommends) are put into its apt cache first, with the host's network, and timed.
#   LUOT_AGENT_DEB=path   use a package already built (else: npm run package:agent)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
failures=0
pass() { echo "  ok   $*"; }
fail() { echo "  FAIL $*"; failures=$((failures + 1)); }
ms() { date +%s%3N; }

if [ -n "${LUOT_AGENT_DEB:-}" ]; then deb="$LUOT_AGENT_DEB"; else
  npm run package:agent --silent
  deb="$(ls -t dist/luot-agent_*_amd64.deb | head -1)"
fi
version="$(dpkg-deb -f "$deb" Version)"
echo "== package $(basename "$deb"): $(du -k "$deb" | cut -f1) KiB, installed $(dpkg-deb -f "$deb" Installed-Size) KiB"

work="$(mktemp -d /var/tmp/luot-agent-pkg.XXXXXX)"
nspawn_pid=""
cleanup() {
  [ -n "$nspawn_pid" ] && kill "$nspawn_pid" 2>/dev/null && sleep 1
  rm -rf "$work"
}
trap cleanup EXIT
set +e

echo "== contents"
tree="$work/tree"
dpkg-deb -R "$deb" "$tree"
for f in usr/bin/luot-agent usr/lib/luot-agent/luot-agent.cjs usr/lib/luot-agent/node/bin/node \
  usr/lib/luot-agent/bin/luot-agent-browser usr/lib/luot-agent/bin/luot-agent-screen usr/lib/luot-agent/session-headless.conf \
  lib/systemd/system/luot-agent.service lib/systemd/system/luot-agent-session.service etc/luot-agent/agent.conf \
  usr/share/doc/luot-agent/install.md; do
  [ -e "$tree/$f" ] && pass "/$f" || fail "/$f is missing"
done
[ "$(dpkg-deb -f "$deb" Architecture)" = amd64 ] && pass "Architecture: amd64 (it ships Node.js)" || fail "architecture"
depends="$(dpkg-deb -f "$deb" Depends)"
[[ "$depends" == *cage* && "$depends" == *chromium* && "$depends" == *systemd* ]] && pass "Depends: $depends" || fail "Depends: $depends"
grep -qx /etc/luot-agent/agent.conf "$tree/DEBIAN/conffiles" && pass "agent.conf is a conffile" || fail "conffiles"
for s in postinst prerm postrm; do sh -n "$tree/DEBIAN/$s" && pass "$s parses" || fail "$s does not parse"; done
for s in luot-agent-browser luot-agent-screen; do sh -n "$tree/usr/lib/luot-agent/bin/$s" && pass "$s parses" || fail "$s"; done
grep -q 'useradd --system .* luot-agent' "$tree/DEBIAN/postinst" && grep -q 'for group in lp dialout video' "$tree/DEBIAN/postinst" &&
  pass "postinst makes the user luot-agent in lp, dialout and video" || fail "postinst user"
unit="$tree/lib/systemd/system/luot-agent.service"
session="$tree/lib/systemd/system/luot-agent-session.service"
grep -qx 'Restart=always' "$unit" && grep -qx 'User=luot-agent' "$unit" && pass "luot-agent.service: Restart=always, User=luot-agent" || fail "luot-agent.service"
grep -qx 'Restart=always' "$session" && grep -q '^ExecStart=/usr/bin/cage .*luot-agent-browser' "$session" && grep -qx 'Conflicts=getty@tty1.service' "$session" &&
  pass "luot-agent-session.service: cage with the browser on tty1, Restart=always" || fail "luot-agent-session.service"
grep -q -- '--kiosk' "$tree/usr/lib/luot-agent/bin/luot-agent-browser" && grep -q -- '--autoplay-policy=no-user-gesture-required' "$tree/usr/lib/luot-agent/bin/luot-agent-browser" &&
  pass "Chromium in kiosk mode, sound without a click" || fail "browser flags"
if command -v systemd-analyze >/dev/null; then
  out="$(cd "$tree/lib/systemd/system" && systemd-analyze verify --man=no ./luot-agent.service 2>&1 | grep -v 'Command /usr/bin/luot-agent is not executable\|is not executable: No such file' || true)"
  [ -z "$out" ] && pass "systemd-analyze verify luot-agent.service" || { fail "systemd-analyze"; echo "$out"; }
fi
node_bin="$tree/usr/lib/luot-agent/node/bin/node"
printf 'HUB=http://192.168.10.10:8080\nROLE=kiosk\nDEVICE=K1\nTOKEN=a-long-random-secret\nPRINTER=/dev/usb/lp0\n' >"$work/agent.conf"
"$node_bin" "$tree/usr/lib/luot-agent/luot-agent.cjs" version | grep -q "luot-agent $version" && pass "the bundle runs on the shipped Node.js" || fail "luot-agent version"
[ "$("$node_bin" "$tree/usr/lib/luot-agent/luot-agent.cjs" page-url --config "$work/agent.conf")" = "http://192.168.10.10:8080/kiosk/?device=K1&token=a-long-random-secret" ] &&
  pass "page-url gives the kiosk page with its id and token" || fail "page-url"
printf 'ROLE=kiosk\n' >"$work/bad.conf"
"$node_bin" "$tree/usr/lib/luot-agent/luot-agent.cjs" --config "$work/bad.conf" >"$work/bad.out" 2>&1
[ $? = 2 ] && grep -q 'HUB is missing' "$work/bad.out" && pass "a config without HUB stops it with the reason" || { fail "bad config"; cat "$work/bad.out"; }
"$node_bin" -e 'require(process.argv[1])' "$tree/usr/lib/luot-agent/node_modules/serialport" && pass "serialport loads" || fail "serialport"

base="${LUOT_IT_BASE:-}"
if [ -z "$base" ] || [ "$(id -u)" -ne 0 ]; then
  echo "== not installed (run as root with LUOT_IT_BASE=<a debootstrapped Debian> for the systemd checks)"
  [ "$failures" -eq 0 ] && { echo "agent package: all checks passed"; exit 0; } || { echo "agent package: $failures failed"; exit 1; }
fi

echo "== installed under systemd-nspawn"
machine="$work/machine"
cp -a "$base" "$machine"
echo luot-agent-test > "$machine/etc/hostname"
cp "$deb" "$machine/root/luot-agent.deb"
cp "$root/tests/install/page-server.mjs" "$machine/root/page-server.mjs"
# What the package needs from the archive, into the machine's apt cache (the lists debootstrap
# left, fetched again when stale); the machine itself installs it offline.
fetch_at=$(ms)
systemd-nspawn -q -D "$machine" --register=no --keep-unit --pipe env DEBIAN_FRONTEND=noninteractive sh -c \
  'apt-get install -y -qq --no-install-recommends --download-only /root/luot-agent.deb || { apt-get update -qq && apt-get install -y -qq --no-install-recommends --download-only /root/luot-agent.deb; }' \
  >"$work/fetch.log" 2>&1 || { fail "apt could not fetch cage, xwayland and chromium"; tail -20 "$work/fetch.log"; exit 1; }
echo "   fetched the dependencies ($(du -sm "$machine/var/cache/apt/archives" | cut -f1) MB) in $(( $(ms) - fetch_at )) ms"
systemd-nspawn -q -D "$machine" --register=no --keep-unit --private-network --boot --console=pipe >"$work/console" 2>&1 &
nspawn_pid=$!
init_pid() {
  local p
  for p in $(pgrep -P "$nspawn_pid" 2>/dev/null); do [ "$(cat "/proc/$p/comm" 2>/dev/null)" = systemd ] && { echo "$p"; return 0; }; done
  return 1
}
on() { nsenter -t "$(init_pid)" -a -- env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 "$@"; }

# The page's session, started for real on wlroots' headless backend.
seen() { local n; n="$(grep -c ' /seen?' "$machine/root/requests.log" 2>/dev/null)"; echo "${n:-0}"; }
last_size() { grep -o ' /\(seen?size=\|size?\)[0-9]*x[0-9]*' "$machine/root/requests.log" 2>/dev/null | tail -1 | grep -o '[0-9]*x[0-9]*'; }
session_main() { on systemctl show -p MainPID --value luot-agent-session.service; }
browser_of() { # the browser cage started (no procps in the machine: its /proc)
  on bash -c 'for d in /proc/[0-9]*; do read -r _ comm _ ppid _ <"$d/stat" 2>/dev/null && [ "$ppid" = "$0" ] && [ "$comm" = "(chromium)" ] && echo "${d#/proc/}"; done' "$1" | head -1
}
session_checks() {
  echo "== the page's session (cage and Chromium) on wlroots' headless backend"
  local session_at=$(ms) started_at cage browser n
  on systemd-run --quiet --unit=page-server /usr/lib/luot-agent/node/bin/node /root/page-server.mjs /root/requests.log
  on install -D -m 0644 /usr/lib/luot-agent/session-headless.conf /etc/systemd/system/luot-agent-session.service.d/headless.conf &&
    on systemctl daemon-reload && pass "the headless mode is the package's own drop-in (session-headless.conf)" || fail "session-headless.conf"
  for _ in $(seq 1 50); do on bash -c 'exec 3<>/dev/tcp/127.0.0.1/8080' 2>/dev/null && break; sleep 0.1; done
  rm -f "$machine/root/requests.log"
  started_at=$(ms)
  on systemctl restart luot-agent-session.service
  for _ in $(seq 1 600); do [ "$(seen)" -ge 1 ] && break; sleep 0.1; done
  if [ "$(seen)" -ge 1 ]; then
    pass "Chromium in cage opened the page and ran its script $(( $(ms) - started_at )) ms after the session started"
  else
    fail "the page was not opened within 60 s"; on journalctl -u luot-agent-session -n 40 --no-pager
  fi
  local size=""
  for _ in $(seq 1 50); do size="$(last_size)"; [ "${size%x*}" -ge 1024 ] 2>/dev/null && break; sleep 0.1; done
  [ "${size%x*}" -ge 1024 ] 2>/dev/null && pass "the page fills the output: ${size} (the headless output's size, no window frame)" || fail "the page is not full screen: ${size:-no size}"
  grep -q ' /kiosk/?device=K1&token=a-long-random-secret$' "$machine/root/requests.log" && pass "the page asked is the kiosk's, with its id and token (page-url)" || { fail "page asked"; cat "$machine/root/requests.log"; }
  on systemctl is-active luot-agent-session.service | grep -qx active && pass "luot-agent-session.service is active" || fail "luot-agent-session.service is not active"
  cage="$(session_main)"
  [ "$(on cat "/proc/$cage/comm")" = cage ] && [ "$(on stat -c %U "/proc/$cage")" = luot-agent ] && pass "cage is the session's main process, as luot-agent" || fail "main process: $(on cat "/proc/$cage/comm" 2>/dev/null)"
  browser="$(browser_of "$cage")"
  on cat "/proc/$browser/cmdline" 2>/dev/null | tr '\0' ' ' | grep -q -- '--kiosk .*--autoplay-policy=no-user-gesture-required.*http://127.0.0.1:8080/kiosk/' &&
    pass "Chromium runs under cage in kiosk mode, sound without a click, on the page" || { fail "no kiosk Chromium under cage (pid '$browser')"; on journalctl -u luot-agent-session -n 30 --no-pager; }
  n="$(seen)"
  local killed_at=$(ms)
  on bash -c "kill -9 $browser"
  for _ in $(seq 1 600); do [ "$(seen)" -gt "$n" ] && break; sleep 0.1; done
  if [ "$(seen)" -gt "$n" ] && [ "$(session_main)" != "$cage" ]; then
    pass "after kill -9 of Chromium, cage ended and the session came back on the page in $(( $(ms) - killed_at )) ms (Restart=always, RestartSec=2)"
  else fail "the page did not come back after Chromium was killed"; on journalctl -u luot-agent-session -n 30 --no-pager; fi
  on journalctl -u luot-agent-session --no-pager | grep -q 'luot-agent-session.service: Scheduled restart job' && pass "the journal shows the restart" || fail "no restart in the journal"
  on systemctl stop luot-agent-session.service page-server.service
  on rm -f /etc/systemd/system/luot-agent-session.service.d/headless.conf
  echo "   the session's checks took $(( $(ms) - session_at )) ms"
}
booted=0
for _ in $(seq 1 600); do
  if init_pid >/dev/null && on systemctl is-system-running 2>/dev/null | grep -qE 'running|degraded'; then booted=1; break; fi
  sleep 0.1
done
[ "$booted" = 1 ] || { fail "the machine did not boot"; tail -30 "$work/console"; exit 1; }
install_at=$(ms)
# (dpkg without its fsyncs: a throwaway machine; the install itself is the same.)
if on env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends -o Dpkg::Options::=--force-unsafe-io /root/luot-agent.deb >"$work/install.log" 2>&1; then
  pass "apt install ./luot-agent.deb installs it with cage, xwayland and chromium in $(( $(ms) - install_at )) ms ($(grep -c '^Setting up' "$work/install.log") packages)"
else fail "apt install ./luot-agent.deb"; tail -30 "$work/install.log"; fi
on systemctl is-enabled luot-agent.service | grep -qx enabled && pass "luot-agent.service is enabled" || fail "luot-agent.service not enabled"
on systemctl is-enabled luot-agent-session.service | grep -qx enabled && pass "luot-agent-session.service is enabled (the page at boot)" || fail "luot-agent-session.service not enabled"
groups="$(on id -nG luot-agent)"
[[ " $groups " == *" lp "* && " $groups " == *" dialout "* && " $groups " == *" video "* ]] && pass "luot-agent is in lp, dialout and video" || fail "groups: $groups"
[ "$(on stat -c '%U:%G %a' /etc/luot-agent/agent.conf)" = "root:luot-agent 640" ] && pass "agent.conf readable by the agent only" || fail "agent.conf: $(on stat -c '%U:%G %a' /etc/luot-agent/agent.conf)"
# A config of this machine: a printer file the agent may write, the screen left alone.
on sh -c 'printf "HUB=http://127.0.0.1:8080\nROLE=kiosk\nDEVICE=K1\nTOKEN=a-long-random-secret\nPRINTER=/var/lib/luot-agent/lp0\nSCREEN=always\n" > /etc/luot-agent/agent.conf'
on systemctl restart luot-agent.service
active=0
for _ in $(seq 1 100); do on systemctl is-active luot-agent.service | grep -qx active && { active=1; break; }; sleep 0.1; done
[ "$active" = 1 ] && pass "luot-agent.service starts" || { fail "luot-agent.service not active"; on journalctl -u luot-agent -n 30 --no-pager; }
pid="$(on systemctl show -p MainPID --value luot-agent.service)"
[ "$(on stat -c %U "/proc/$pid")" = luot-agent ] && pass "it runs as luot-agent" || fail "it runs as $(on stat -c %U "/proc/$pid")"
logged=0
for _ in $(seq 1 100); do on journalctl -u luot-agent --no-pager | grep -q "luot-agent $version: kiosk of http://127.0.0.1:8080, printer /var/lib/luot-agent/lp0" && { logged=1; break; }; sleep 0.1; done
[ "$logged" = 1 ] && pass "the journal says what it runs" || { fail "journal"; on journalctl -u luot-agent -n 20 --no-pager; }
on journalctl -u luot-agent --no-pager | grep -q "printer /var/lib/luot-agent/lp0: unreachable" && pass "it reports the missing printer" || fail "no printer line"
# No compositor, backlight or CEC in this machine: the screen switch says so and fails.
on runuser -u luot-agent -- /usr/lib/luot-agent/bin/luot-agent-screen off >"$work/screen.out" 2>&1
[ $? = 1 ] && grep -q "no way to switch the screen off here" "$work/screen.out" && pass "luot-agent-screen says when it cannot switch the screen" || { fail "luot-agent-screen"; cat "$work/screen.out"; }
killed_at=$(ms)
on systemctl kill --signal=KILL --kill-whom=main luot-agent.service
back=0
for _ in $(seq 1 150); do
  now="$(on systemctl show -p MainPID --value luot-agent.service)"
  if [ -n "$now" ] && [ "$now" != 0 ] && [ "$now" != "$pid" ] && on systemctl is-active luot-agent.service | grep -qx active; then back=1; break; fi
  sleep 0.1
done
[ "$back" = 1 ] && pass "after kill -9 it runs again in $(( $(ms) - killed_at )) ms (Restart=always)" || fail "not restarted after kill -9"
session_checks
on dpkg -r luot-agent >/dev/null 2>&1 && ! on systemctl is-active luot-agent.service >/dev/null && pass "dpkg -r stops and removes it" || fail "dpkg -r"
on systemctl poweroff >/dev/null 2>&1
wait "$nspawn_pid" 2>/dev/null
nspawn_pid=""
[ "$failures" -eq 0 ] && { echo "agent package: all checks passed"; exit 0; } || { echo "agent package: $failures failed"; exit 1; }
