#!/usr/bin/env bash
# npm run test:install: the Debian package on a real Debian under its own systemd.
# Builds the package, makes a Debian 12 system with debootstrap, boots it with systemd-nspawn,
# installs the package and checks: the hub answers after boot; kill -9 is followed by a restart
# within 10 s; a hung hub is restarted by the watchdog; a reboot keeps every acknowledged
# ticket; an upgrade keeps the data; a migration made to fail leaves the old version running;
# `luot restore` on a second fresh system gives the same day report. Prints the package's size
# and the time from boot to the hub's first answer. Needs root, debootstrap, systemd-container.
#   LUOT_DEB=path      use a package already built (else: npm run package)
#   LUOT_IT_BASE=dir   reuse a debootstrapped system (else: made here, about 5 minutes)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
here="$root/tests/install"
cd "$root"
[ "$(id -u)" -eq 0 ] || { echo "test:install needs root (debootstrap, systemd-nspawn)"; exit 2; }
command -v debootstrap >/dev/null && command -v systemd-nspawn >/dev/null ||
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap systemd-container >/dev/null

work="$(mktemp -d /var/tmp/luot-install.XXXXXX)"
declare -A nspawn_pid=()
cleanup() {
  for m in "${!nspawn_pid[@]}"; do kill "${nspawn_pid[$m]}" 2>/dev/null || true; done
  sleep 1
  rm -rf "$work"
}
trap cleanup EXIT
failures=0
pass() { echo "  ok   $*"; }
fail() { echo "  FAIL $*"; failures=$((failures + 1)); }
ms() { date +%s%3N; }

# --- The package ------------------------------------------------------------------------------
if [ -n "${LUOT_DEB:-}" ]; then deb="$LUOT_DEB"; else
  npm run package --silent
  deb="$(ls -t dist/luot_*_amd64.deb | head -1)"
fi
version="$(dpkg-deb -f "$deb" Version)"
deb_kib="$(du -k "$deb" | cut -f1)"
echo "== package $(basename "$deb"): $deb_kib KiB, installed $(dpkg-deb -f "$deb" Installed-Size) KiB"

# Two more packages made from this one: the next version (a plain upgrade), and one after it
# whose new migration fails.
repack() { # repack <new version> <with failing migration: yes|no> <out>
  local dir="$work/repack-$1"
  dpkg-deb -R "$deb" "$dir"
  sed -i "s/^Version: .*/Version: $1/" "$dir/DEBIAN/control"
  sed -i "s/^NEW_VERSION=.*/NEW_VERSION=\"$1\"/" "$dir/DEBIAN/postinst"
  sed -i "s/\"version\": \"[^\"]*\"/\"version\": \"$1\"/" "$dir/usr/lib/luot/package.json"
  if [ "$2" = yes ]; then
    local last; last="$(ls "$dir/usr/lib/luot/server/db/migrations" | sort | tail -1 | cut -c1-3)"
    cp "$here/failing-migration.sql" "$dir/usr/lib/luot/server/db/migrations/$(printf '%03d' $((10#$last + 1)))_failing_probe.sql"
  fi
  dpkg-deb --root-owner-group -Zgzip -z1 --build "$dir" "$3" >/dev/null
  rm -rf "$dir"
}
next="$version+next1"
broken="$version+next2"
repack "$next" no "$work/next.deb"
repack "$broken" yes "$work/broken.deb"

# --- A Debian system --------------------------------------------------------------------------
base="${LUOT_IT_BASE:-}"
if [ -z "$base" ]; then
  base="$work/base"
  echo "== debootstrap Debian 12 (bookworm)"
  started=$(ms)
  debootstrap --variant=minbase --include=systemd,systemd-sysv,dbus,ca-certificates bookworm "$base" \
    http://deb.debian.org/debian >"$work/debootstrap.log" 2>&1 || { tail -20 "$work/debootstrap.log"; exit 1; }
  echo "   made in $(( ($(ms) - started) / 1000 )) s"
fi

# The hall each machine is given (/etc/luot/hall.yaml): the demo hall, open around the clock, so
# that the checks do not depend on the hour or the day the test runs (the demo's own hours close
# it at night and on Sundays).
LUOT_DATA_DIR="$work/hall" npx tsx server/cli/demo-any-hour.ts >/dev/null
sed 's#^catalog: .*#catalog: /usr/lib/luot/config/demo-procedures.json#' "$work/hall/hall.yaml" >"$work/hall.yaml"
machine() { # a fresh copy of the base system
  cp -a "$base" "$work/$1"
  mkdir -p "$work/$1/etc/luot" && cp "$work/hall.yaml" "$work/$1/etc/luot/hall.yaml"
  echo "luot-$1" > "$work/$1/etc/hostname"
  cp "$here/http.mjs" "$work/$1/root/http.mjs"
}

booted_at=0
boot() { # boot <machine>: starts it, waits until its systemd is up
  booted_at=$(ms)
  systemd-nspawn -q -D "$work/$1" --register=no --keep-unit --private-network --boot --console=pipe \
    >"$work/$1.console" 2>&1 &
  nspawn_pid[$1]=$!
  for _ in $(seq 1 600); do
    if init_pid "$1" >/dev/null && on "$1" systemctl is-system-running 2>/dev/null | grep -qE 'running|degraded'; then return 0; fi
    sleep 0.1
  done
  echo "machine $1 did not boot"; tail -30 "$work/$1.console"; exit 1
}
init_pid() { # the pid of the machine's systemd (systemd-nspawn's child), as seen from here
  local p
  for p in $(pgrep -P "${nspawn_pid[$1]}" 2>/dev/null); do
    [ "$(cat "/proc/$p/comm" 2>/dev/null)" = systemd ] && { echo "$p"; return 0; }
  done
  return 1
}
on() { # on <machine> command...: runs in the machine
  local m=$1; shift
  nsenter -t "$(init_pid "$m")" -a -- env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 "$@"
}
halt() { # halt <machine>: a clean power-off, waiting for it to end
  on "$1" systemctl poweroff >/dev/null 2>&1 || true
  wait "${nspawn_pid[$1]}" 2>/dev/null || true
  unset "nspawn_pid[$1]"
}
api() { on "$1" /usr/lib/luot/node/bin/node /root/http.mjs "${@:2}"; }
json() { node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const v=JSON.parse(s);console.log(eval(process.argv[1]))})' "$1"; }
wait_answer() { # wait_answer <machine> <seconds>: until /api/health answers
  local end=$(( $(ms) + $2 * 1000 ))
  while [ "$(ms)" -lt "$end" ]; do
    api "$1" GET /api/health >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  return 1
}
main_pid() { on "$1" systemctl show -p MainPID --value luot.service; }

# --- Machine A: install, answer, restarts ------------------------------------------------------
# From here a failed check is counted and the run goes on.
set +e
echo "== machine A: install $version"
machine a
cp "$deb" "$work/a/root/luot.deb"; cp "$work/next.deb" "$work/a/root/next.deb"; cp "$work/broken.deb" "$work/a/root/broken.deb"
boot a
if on a dpkg -i /root/luot.deb >"$work/a-install.log" 2>&1; then pass "dpkg -i installs the package"; else fail "dpkg -i"; cat "$work/a-install.log"; fi
if wait_answer a 60; then pass "the hub answers after the install"; else fail "no answer after install"; on a journalctl -u luot -n 40 --no-pager; fi
on a systemctl is-enabled luot.service | grep -q enabled && pass "luot.service is enabled" || fail "luot.service not enabled"
user_line="$(on a stat -c %U "/proc/$(main_pid a)")"
[ "$user_line" = luot ] && pass "the hub runs as the user luot" || fail "the hub runs as '$user_line'"
groups="$(on a id -nG luot)"
[[ " $groups " == *" dialout "* && " $groups " == *" lp "* ]] && pass "luot is in dialout and lp" || fail "luot groups: $groups"
on a luot version | grep -q "luot $version" && pass "luot version" || fail "luot version"
on a luot status >"$work/status.txt" 2>&1 && grep -q "running version $version" "$work/status.txt" && pass "luot status" || { fail "luot status"; cat "$work/status.txt"; }
on a luot doctor >"$work/doctor.txt" 2>&1 || true
grep -q "✓ máy chủ trả lời" "$work/doctor.txt" && grep -q "đồng hồ" "$work/doctor.txt" && pass "luot doctor checks the hub and the clock" || { fail "luot doctor"; cat "$work/doctor.txt"; }
clock="$(api a GET /api/health | json 'v.clock.synchronized')"
[ "$clock" != "" ] && pass "/api/health reports the clock (synchronised: $clock)" || fail "no clock in health"
on a journalctl -u luot --no-pager | grep "luot is ready" >/dev/null && pass "the hub logs to the journal" || fail "no hub lines in the journal"

echo "== tickets"
ids=()
for service in HT HT DD HT LDTBXH DD HT HT; do
  ids+=("$(api a POST /api/tickets "{\"serviceId\":\"$service\"}" | json 'v.ticket.ticket.id')")
done
api a POST /api/counters/1/call-next >/dev/null && api a POST /api/counters/1/finish >/dev/null
echo "   issued ${ids[*]}"
acknowledged=0
for id in "${ids[@]}"; do [[ "$id" == *-* ]] && acknowledged=$((acknowledged + 1)); done
[ "$acknowledged" -eq 8 ] && pass "8 tickets acknowledged" || fail "only $acknowledged of 8 tickets acknowledged"

echo "== kill -9 of the hub"
before="$(main_pid a)"
killed_at=$(ms)
on a bash -c "kill -9 $before"
restarted=""
while [ $(( $(ms) - killed_at )) -lt 15000 ]; do
  now="$(main_pid a)"
  if [ "$now" != 0 ] && [ "$now" != "$before" ] && api a GET /api/health >/dev/null 2>&1; then restarted=$(( $(ms) - killed_at )); break; fi
  sleep 0.1
done
if [ -n "$restarted" ] && [ "$restarted" -le 10000 ]; then pass "restarted and answering ${restarted} ms after kill -9"; else fail "no restart within 10 s after kill -9 (${restarted:-none})"; fi

echo "== a hung hub (SIGSTOP): the watchdog restarts it"
before="$(main_pid a)"
stopped_at=$(ms)
on a bash -c "kill -STOP $before"
restarted=""
while [ $(( $(ms) - stopped_at )) -lt 60000 ]; do
  now="$(main_pid a)"
  if [ "$now" != 0 ] && [ "$now" != "$before" ] && api a GET /api/health >/dev/null 2>&1; then restarted=$(( $(ms) - stopped_at )); break; fi
  sleep 0.5
done
[ -n "$restarted" ] && pass "a hung hub restarted by the watchdog after ${restarted} ms (WatchdogSec=20)" || fail "the watchdog did not restart a hung hub"
on a journalctl -u luot --no-pager | grep -i "watchdog timeout" >/dev/null && pass "the journal says: watchdog timeout" || fail "no watchdog line in the journal"

echo "== reboot"
halt a
boot a
if wait_answer a 60; then
  first_answer=$(( $(ms) - booted_at ))
  pass "after a reboot the hub answers"
else fail "no answer after reboot"; first_answer=none; fi
missing=0
for id in "${ids[@]}"; do api a GET "/api/tickets/$id" >/dev/null || missing=$((missing + 1)); done
[ "$missing" -eq 0 ] && pass "every acknowledged ticket is there after the reboot" || fail "$missing tickets lost in the reboot"

echo "== upgrade to $next"
on a dpkg -i /root/next.deb >"$work/a-next.log" 2>&1 && pass "dpkg -i of the next version" || { fail "upgrade"; cat "$work/a-next.log"; }
wait_answer a 60 || true
[ "$(api a GET /api/health | json 'v.version')" = "$next" ] && pass "the hub runs $next" || fail "the hub does not run $next"
ls "$work/a/var/lib/luot/backups/" | grep -q "luot-before-$next" && pass "a verified copy was made before the upgrade" || fail "no copy before the upgrade"
missing=0
for id in "${ids[@]}"; do api a GET "/api/tickets/$id" >/dev/null || missing=$((missing + 1)); done
[ "$missing" -eq 0 ] && pass "the upgrade keeps every ticket" || fail "$missing tickets lost in the upgrade"

echo "== an upgrade whose migration fails ($broken)"
schema_before="$(api a GET /api/health | json 'v.database.schemaVersion')"
seq_before="$(api a GET /api/health | json 'v.seq')"
if on a dpkg -i /root/broken.deb >"$work/a-broken.log" 2>&1; then fail "dpkg -i of a failing migration succeeded"; else pass "dpkg -i reports the failed upgrade"; fi
grep -q "FAILED" "$work/a-broken.log" && pass "the console says why: $(grep -o 'Reason: .*' "$work/a-broken.log" | head -1 | cut -c1-100)" || { fail "no reason on the console"; cat "$work/a-broken.log"; }
wait_answer a 60 || true
health="$(api a GET /api/health)"
[ "$(echo "$health" | json 'v.version')" = "$next" ] && pass "the previous version $next keeps running" || fail "running: $(echo "$health" | json 'v.version')"
[ "$(echo "$health" | json 'v.database.schemaVersion')" = "$schema_before" ] && [ "$(echo "$health" | json 'v.seq')" = "$seq_before" ] &&
  pass "the database is as before (schema $schema_before, last event #$seq_before)" || fail "the database changed"
on a journalctl -t luot --no-pager | grep "upgrade to $broken FAILED" >/dev/null && pass "the journal has the reason" || fail "no reason in the journal"
api a POST /api/tickets '{"serviceId":"HT"}' >/dev/null && pass "the kept version still issues tickets" || fail "the kept version does not issue"
echo "   fixing it: installing $next again"
on a dpkg -i /root/next.deb >"$work/a-again.log" 2>&1 && wait_answer a 60 && [ "$(api a GET /api/health | json 'v.version')" = "$next" ] &&
  [ ! -e "$work/a/etc/systemd/system/luot.service.d/rollback.conf" ] && pass "a good package afterwards replaces the kept version" || { fail "reinstall after the failed upgrade"; cat "$work/a-again.log"; }

echo "== copies off the machine: nightly, and when the hall closes"
on a mkdir -p /root/offsite
on a sed -i 's#^LUOT_BACKUP_TARGET=.*#LUOT_BACKUP_TARGET=/root/offsite#' /etc/luot/luot.env
on a systemctl start luot-backup.service && ls "$work/a/root/offsite/" | grep -q '^luot-night-.*\.sqlite$' &&
  pass "the nightly unit makes a verified copy in LUOT_BACKUP_TARGET" || { fail "the nightly copy"; on a journalctl -u luot-backup.service --no-pager | tail -5; }
on a systemctl is-active --quiet luot-backup-closing.path && pass "luot-backup-closing.path is watching" || fail "luot-backup-closing.path is not active"
# What the hub writes once the hall has closed (server/services/closing-copy.ts; its own test shows when).
on a runuser -u luot -- sh -c "printf '{\"day\":\"%s\",\"at\":%s}\n' \"\$(date +%F)\" \"\$(date +%s000)\" > /var/lib/luot/closing-copy.request"
for _ in $(seq 1 100); do ls "$work/a/root/offsite/" | grep -q '^luot-closing-' && break; sleep 0.2; done
ls "$work/a/root/offsite/" | grep -q '^luot-closing-.*\.sqlite$' && pass "the hub's closing request makes a copy off the machine" || { fail "no copy at closing"; on a journalctl -u luot-backup-closing.service --no-pager | tail -5; }
on a sed -i 's#^LUOT_BACKUP_TARGET=.*#LUOT_BACKUP_TARGET=#' /etc/luot/luot.env

echo "== backup on A, restore on a fresh machine B"
day="$(api a GET /api/health | json 'v.day')"
report_a="$(api a GET "/api/reports/day?day=$day")"
on a mkdir -p /root/copies
on a luot backup --to /root/copies >"$work/backup.txt" && grep -q "Backed up and verified" "$work/backup.txt" && pass "luot backup --to makes a verified copy" || { fail "luot backup"; cat "$work/backup.txt"; }
on a luot check-log >"$work/check-log.txt" 2>&1; checked=$?
[ "$checked" -eq 0 ] && grep -i "the log matches the tables" "$work/check-log.txt" >/dev/null && pass "luot check-log" || { fail "luot check-log (exit $checked)"; cat "$work/check-log.txt"; }
copy="$(ls "$work/a/root/copies/"luot-copy-*.sqlite | head -1)"
halt a
machine b
cp "$deb" "$work/b/root/luot.deb"
cp "$copy" "$work/b/root/copy.sqlite"
boot b
on b dpkg -i /root/luot.deb >"$work/b-install.log" 2>&1 && wait_answer b 60 && pass "machine B: installed, the hub answers" || { fail "machine B install"; cat "$work/b-install.log"; }
on b luot restore /root/copy.sqlite >"$work/restore.txt" 2>&1 && pass "luot restore" || { fail "luot restore"; cat "$work/restore.txt"; }
wait_answer b 60 || true
report_b="$(api b GET "/api/reports/day?day=$day")"
[ -n "$report_a" ] && [ "$report_a" = "$report_b" ] && pass "machine B gives the same day report ($(echo "$report_a" | json 'v.total?.issued ?? JSON.stringify(v).length') issued)" || { fail "day reports differ"; echo "A: $report_a"; echo "B: $report_b"; }
halt b

echo
echo "package size: $deb_kib KiB ($(basename "$deb"))"
echo "boot to first answer: ${first_answer} ms (systemd-nspawn start to /api/health answering)"
[ "$failures" -eq 0 ] && echo "test:install: all passed" || { echo "test:install: $failures failed"; exit 1; }
