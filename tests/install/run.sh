#!/usr/bin/env bash
# npm run test:install: the Debian package on real systems under their own systemd.
# Builds the package, makes Debian 12 (bookworm), Debian 13 (trixie) and Ubuntu 24.04 (noble)
# with debootstrap, boots each with systemd-nspawn, installs the package and checks, on each:
# it installs with its dependencies; the hub answers after boot; kill -9 is followed by a
# restart within 10 s; a hung hub is restarted by the watchdog; a reboot keeps every
# acknowledged ticket; `luot doctor`; the nightly and closing copies; `luot backup` on one
# machine and `luot restore` on a second fresh one give the same day report. On Debian 12 only
# (the same package scripts on every system): an upgrade keeps the data; a migration made to
# fail leaves the old version running. Prints the package's size, and per system the time
# from boot to the hub's first answer and from kill -9 to its next answer.
# Needs root, debootstrap, systemd-container (and the Ubuntu keyring, installed if missing).
#   LUOT_DEB=path               use a package already built (else: npm run package)
#   LUOT_IT_SYSTEMS="a b"       run only these systems (of: bookworm trixie noble)
#   LUOT_IT_BASES=dir           keep the debootstrapped systems in dir/<system> and reuse them
#                               at the next run (else: made here each time, 3 to 6 minutes each,
#                               the three at once while the package is built)
#   LUOT_IT_BASE=dir            a debootstrapped Debian 12 to reuse (the older form)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
here="$root/tests/install"
cd "$root"
[ "$(id -u)" -eq 0 ] || { echo "test:install needs root (debootstrap, systemd-nspawn)"; exit 2; }
command -v debootstrap >/dev/null && command -v systemd-nspawn >/dev/null ||
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap systemd-container >/dev/null

read -r -a systems <<<"${LUOT_IT_SYSTEMS:-bookworm trixie noble}"
declare -A label=([bookworm]=debian-12 [trixie]=debian-13 [noble]=ubuntu-24.04)
for sys in "${systems[@]}"; do [ -n "${label[$sys]:-}" ] || { echo "unknown system '$sys' (bookworm, trixie, noble)"; exit 2; }; done

work="$(mktemp -d /var/tmp/luot-install.XXXXXX)"
declare -A nspawn_pid=() bootstrap_pid=()
cleanup() {
  for m in "${!nspawn_pid[@]}"; do kill "${nspawn_pid[$m]}" 2>/dev/null || true; done
  for s in "${!bootstrap_pid[@]}"; do kill -- "-${bootstrap_pid[$s]}" 2>/dev/null || true; done
  sleep 1
  rm -rf "$work"
}
trap cleanup EXIT
failures=0
sys=""  # the system whose checks run: every "ok" and "FAIL" line starts with its name
pass() { printf '  %-13s ok   %s\n' "${label[$sys]:-}" "$*"; }
fail() { printf '  %-13s FAIL %s\n' "${label[$sys]:-}" "$*"; failures=$((failures + 1)); }
step() { echo "== ${label[$sys]}: $*"; }
ms() { date +%s%3N; }
started_all=$(ms)

# --- The systems, debootstrapped in the background while the package is built ------------------
# Ubuntu's archive is checked with Ubuntu's keys: the package ubuntu-keyring, from the host's
# archive when it has it (Debian 13, Ubuntu), else from Debian 12's backports, fetched with apt
# (signatures checked with Debian's keys) without adding that archive to the host's sources.
ubuntu_keyring=/usr/share/keyrings/ubuntu-archive-keyring.gpg
ensure_ubuntu_keyring() {
  [ -s "$ubuntu_keyring" ] && return 0
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ubuntu-keyring >/dev/null 2>&1 && [ -s "$ubuntu_keyring" ] && return 0
  local k="$work/apt-keyring" codename
  codename="$(. /etc/os-release && echo "$VERSION_CODENAME")"
  mkdir -p "$k/lists/partial" "$k/archives/partial"
  echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian $codename-backports main" >"$k/sources.list"
  local opts=(-q -o "Dir::Etc::SourceList=$k/sources.list" -o Dir::Etc::SourceParts=/dev/null
    -o "Dir::State::Lists=$k/lists" -o "Dir::Cache=$k" -o APT::Sandbox::User=root)
  apt-get "${opts[@]}" update >"$k/log" 2>&1 && (cd "$k" && apt-get "${opts[@]}" download ubuntu-keyring >>"$k/log" 2>&1) &&
    dpkg -i "$k"/ubuntu-keyring_*.deb >>"$k/log" 2>&1 && [ -s "$ubuntu_keyring" ] ||
    { echo "the Ubuntu keyring could not be installed:"; tail -5 "$k/log"; return 1; }
}

declare -A base=() bootstrap_started=() bootstrap_s=()
debootstrap_one() { # debootstrap_one <system> <dir>: a minimal system with systemd
  local include=systemd,systemd-sysv,dbus,ca-certificates
  case "$1" in
    noble)
      local script=/usr/share/debootstrap/scripts/noble
      [ -e "$script" ] || script=/usr/share/debootstrap/scripts/gutsy  # every Ubuntu release's script
      debootstrap --variant=minbase --include="$include" --components=main --keyring="$ubuntu_keyring" \
        noble "$2" http://archive.ubuntu.com/ubuntu "$script" ;;
    *) debootstrap --variant=minbase --include="$include" "$1" "$2" http://deb.debian.org/debian ;;
  esac
}
for s in "${systems[@]}"; do
  if [ "$s" = bookworm ] && [ -n "${LUOT_IT_BASE:-}" ]; then base[$s]="$LUOT_IT_BASE"; continue; fi
  if [ -n "${LUOT_IT_BASES:-}" ]; then
    base[$s]="$LUOT_IT_BASES/$s"
    [ -e "$LUOT_IT_BASES/$s.complete" ] && continue
    mkdir -p "$LUOT_IT_BASES"; rm -rf "${base[$s]}"
  else base[$s]="$work/base-$s"; fi
  [ "$s" = noble ] && { ensure_ubuntu_keyring || exit 1; }
  bootstrap_started[$s]=$(ms)
  setsid bash -c "$(declare -f debootstrap_one); ubuntu_keyring=$ubuntu_keyring; debootstrap_one $s '${base[$s]}'" \
    >"$work/debootstrap-$s.log" 2>&1 &
  bootstrap_pid[$s]=$!
  echo "== debootstrap ${label[$s]} ($s) started"
done
base_ready() { # base_ready <system>: waits for its debootstrap
  [ -n "${bootstrap_pid[$1]:-}" ] || return 0
  if ! wait "${bootstrap_pid[$1]}"; then
    unset "bootstrap_pid[$1]"
    echo "debootstrap of ${label[$1]} failed:"; tail -20 "$work/debootstrap-$1.log"; return 1
  fi
  unset "bootstrap_pid[$1]"
  bootstrap_s[$1]=$(( ($(ms) - bootstrap_started[$1]) / 1000 ))
  [ -n "${LUOT_IT_BASES:-}" ] && touch "$LUOT_IT_BASES/$1.complete"
  echo "== ${label[$1]} debootstrapped in ${bootstrap_s[$1]} s (made alongside the other work)"
}

# --- The package ------------------------------------------------------------------------------
if [ -n "${LUOT_DEB:-}" ]; then deb="$LUOT_DEB"; else
  npm run package --silent
  deb="$(ls -t dist/luot_*_amd64.deb | head -1)"
fi
version="$(dpkg-deb -f "$deb" Version)"
deb_kib="$(du -k "$deb" | cut -f1)"
echo "== package $(basename "$deb"): $deb_kib KiB, installed $(dpkg-deb -f "$deb" Installed-Size) KiB"
echo "   Depends: $(dpkg-deb -f "$deb" Depends)"

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
if [[ " ${systems[*]} " == *" bookworm "* ]]; then
  repack "$next" no "$work/next.deb"
  repack "$broken" yes "$work/broken.deb"
fi

# The hall each machine is given (/etc/luot/hall.yaml): the demo hall, open around the clock, so
# that the checks do not depend on the hour or the day the test runs (the demo's own hours close
# it at night and on Sundays).
LUOT_DATA_DIR="$work/hall" npx tsx server/cli/demo-any-hour.ts >/dev/null
sed 's#^catalog: .*#catalog: /usr/lib/luot/config/demo-procedures.json#' "$work/hall/hall.yaml" >"$work/hall.yaml"

# --- Machines ---------------------------------------------------------------------------------
# The machines have no network. What `apt install ./luot.deb` takes besides the package (its
# Depends and Recommends missing from a minimal system) is put into apt's cache first, on a copy
# of the base, with the host's network and the system's own archive (the lists debootstrap left,
# fetched again when they have gone stale).
ready_base() { # ready_base <system>: a copy of the base, as base[<system>]
  local r="$work/ready-$1"
  rm -rf "$r"
  if [[ "${base[$1]}" == "$work/"* ]]; then mv "${base[$1]}" "$r"; else cp -a "${base[$1]}" "$r"; fi
  cp "$deb" "$r/root/luot.deb"
  systemd-nspawn -q -D "$r" --register=no --keep-unit --pipe env DEBIAN_FRONTEND=noninteractive sh -c \
    'apt-get install -y -qq --download-only /root/luot.deb || { apt-get update -qq && apt-get install -y -qq --download-only /root/luot.deb; }' \
    >"$work/ready-$1.log" 2>&1 || { tail -20 "$work/ready-$1.log"; return 1; }
  rm -f "$r/root/luot.deb"
  base[$1]="$r"
}
install_deb() { # install_deb <machine> <log>: as the docs say, apt install ./luot_<version>_amd64.deb
  on "$1" env DEBIAN_FRONTEND=noninteractive apt-get install -y /root/luot.deb >"$2" 2>&1
}
added() { # the packages apt installed along with luot, from its log
  sed -n 's/^Setting up \([^: ]*\).*/\1/p' "$1" | grep -vx luot | tr '\n' ' ' | sed 's/ $//'
}
machine() { # machine <system> <name>: a fresh copy of the system's base, as $work/<name>
  rm -rf "${work:?}/$2"
  cp -a "${base[$1]}" "$work/$2"
  mkdir -p "$work/$2/etc/luot" && cp "$work/hall.yaml" "$work/$2/etc/luot/hall.yaml"
  echo "luot-$2" > "$work/$2/etc/hostname"
  cp "$here/http.mjs" "$work/$2/root/http.mjs"
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
answers() { # answers <machine>: /api/health answers 200 (asked by the machine's bash alone, so
  # that the time measured is the hub's, not that of a Node.js started to ask)
  on "$1" bash -c 'exec 3<>/dev/tcp/127.0.0.1/8080 && printf "GET /api/health HTTP/1.0\r\nHost: localhost\r\n\r\n" >&3 &&
    read -r -t 5 status <&3 && [[ "$status" == *" 200 "* ]]' 2>/dev/null
}
wait_answer() { # wait_answer <machine> <seconds>: until /api/health answers
  local end=$(( $(ms) + $2 * 1000 ))
  while [ "$(ms)" -lt "$end" ]; do
    answers "$1" && return 0
    sleep 0.1
  done
  return 1
}
main_pid() { on "$1" systemctl show -p MainPID --value luot.service; }

# --- The checks on one system -----------------------------------------------------------------
declare -A first_answer=() restart_ms=() watchdog_ms=() checks_s=()
check_system() { # check_system <bookworm|trixie|noble>
  sys=$1
  local a="$1-a" b="$1-b" started id missing
  base_ready "$sys" || { fail "no system to test: the debootstrap failed"; return; }
  started=$(ms)
  ready_base "$sys" || { fail "apt could not fetch what the package needs from the ${label[$sys]} archive"; return; }

  # Machine A: install, answer, restarts.
  step "machine A: install $version"
  machine "$sys" "$a"
  cp "$deb" "$work/$a/root/luot.deb"
  if [ "$sys" = bookworm ]; then cp "$work/next.deb" "$work/$a/root/next.deb"; cp "$work/broken.deb" "$work/$a/root/broken.deb"; fi
  boot "$a"
  echo "   $(on "$a" sh -c '. /etc/os-release; echo "$PRETTY_NAME, systemd $(systemctl --version | head -1 | cut -d" " -f2)"')"
  if install_deb "$a" "$work/$a-install.log"; then pass "apt install ./luot.deb installs it with its dependencies (added: $(added "$work/$a-install.log"))"; else fail "apt install ./luot.deb"; cat "$work/$a-install.log"; fi
  if wait_answer "$a" 60; then pass "the hub answers after the install"; else fail "no answer after install"; on "$a" journalctl -u luot -n 40 --no-pager; fi
  on "$a" systemctl is-enabled luot.service | grep -q enabled && pass "luot.service is enabled" || fail "luot.service not enabled"
  local user_line; user_line="$(on "$a" stat -c %U "/proc/$(main_pid "$a")")"
  [ "$user_line" = luot ] && pass "the hub runs as the user luot" || fail "the hub runs as '$user_line'"
  local groups; groups="$(on "$a" id -nG luot)"
  [[ " $groups " == *" dialout "* && " $groups " == *" lp "* ]] && pass "luot is in dialout and lp" || fail "luot groups: $groups"
  on "$a" luot version | grep -q "luot $version" && pass "luot version" || fail "luot version"
  on "$a" luot status >"$work/$a-status.txt" 2>&1 && grep -q "running version $version" "$work/$a-status.txt" && pass "luot status" || { fail "luot status"; cat "$work/$a-status.txt"; }
  on "$a" luot doctor >"$work/$a-doctor.txt" 2>&1 || true
  grep -q "✓ máy chủ trả lời" "$work/$a-doctor.txt" && grep -q "đồng hồ" "$work/$a-doctor.txt" && grep -q "✓ tệp hội trường" "$work/$a-doctor.txt" &&
    pass "luot doctor checks the hub, the hall file and the clock" || { fail "luot doctor"; cat "$work/$a-doctor.txt"; }
  local clock; clock="$(api "$a" GET /api/health | json 'v.clock.synchronized')"
  [ "$clock" != "" ] && pass "/api/health reports the clock (synchronised: $clock)" || fail "no clock in health"
  on "$a" journalctl -u luot --no-pager | grep "luot is ready" >/dev/null && pass "the hub logs to the journal" || fail "no hub lines in the journal"

  step "tickets"
  local ids=()
  for service in HT HT DD HT LDTBXH DD HT HT; do
    ids+=("$(api "$a" POST /api/tickets "{\"serviceId\":\"$service\"}" | json 'v.ticket.ticket.id')")
  done
  api "$a" POST /api/counters/1/call-next >/dev/null && api "$a" POST /api/counters/1/finish >/dev/null
  echo "   issued ${ids[*]}"
  local acknowledged=0
  for id in "${ids[@]}"; do [[ "$id" == *-* ]] && acknowledged=$((acknowledged + 1)); done
  [ "$acknowledged" -eq 8 ] && pass "8 tickets acknowledged" || fail "only $acknowledged of 8 tickets acknowledged"

  step "kill -9 of the hub"
  local before now restarted killed_at stopped_at
  before="$(main_pid "$a")"
  killed_at=$(ms)
  on "$a" bash -c "kill -9 $before"
  restarted=""
  local started_again=""  # when systemd had started the new process (the rest is the hub's start)
  while [ $(( $(ms) - killed_at )) -lt 15000 ]; do
    now="$(main_pid "$a")"
    [ -z "$started_again" ] && [ "$now" != 0 ] && [ "$now" != "$before" ] && started_again=$(( $(ms) - killed_at ))
    if [ -n "$started_again" ] && answers "$a"; then restarted=$(( $(ms) - killed_at )); break; fi
    sleep 0.1
  done
  restart_ms[$sys]="${restarted:-none}"
  if [ -n "$restarted" ] && [ "$restarted" -le 10000 ]; then pass "restarted and answering ${restarted} ms after kill -9 (a new process after ${started_again} ms)"
  else fail "no restart within 10 s after kill -9 (answering after ${restarted:-none} ms, a new process after ${started_again:-none} ms)"; fi

  step "a hung hub (SIGSTOP): the watchdog restarts it"
  before="$(main_pid "$a")"
  stopped_at=$(ms)
  on "$a" bash -c "kill -STOP $before"
  restarted=""
  while [ $(( $(ms) - stopped_at )) -lt 60000 ]; do
    now="$(main_pid "$a")"
    if [ "$now" != 0 ] && [ "$now" != "$before" ] && answers "$a"; then restarted=$(( $(ms) - stopped_at )); break; fi
    sleep 0.5
  done
  watchdog_ms[$sys]="${restarted:-none}"
  [ -n "$restarted" ] && pass "a hung hub restarted by the watchdog after ${restarted} ms (WatchdogSec=20)" || fail "the watchdog did not restart a hung hub"
  on "$a" journalctl -u luot --no-pager | grep -i "watchdog timeout" >/dev/null && pass "the journal says: watchdog timeout" || fail "no watchdog line in the journal"

  step "reboot"
  halt "$a"
  boot "$a"
  if wait_answer "$a" 60; then
    first_answer[$sys]=$(( $(ms) - booted_at ))
    pass "after a reboot the hub answers"
  else fail "no answer after reboot"; first_answer[$sys]=none; fi
  missing=0
  for id in "${ids[@]}"; do api "$a" GET "/api/tickets/$id" >/dev/null || missing=$((missing + 1)); done
  [ "$missing" -eq 0 ] && pass "every acknowledged ticket is there after the reboot" || fail "$missing tickets lost in the reboot"

  if [ "$sys" = bookworm ]; then
    upgrade_checks "$a" "${ids[@]}"
  else
    step "the upgrade and the failed migration are checked on debian-12 only (the same package scripts)"
  fi

  step "copies off the machine: nightly, and when the hall closes"
  on "$a" mkdir -p /root/offsite
  on "$a" sed -i 's#^LUOT_BACKUP_TARGET=.*#LUOT_BACKUP_TARGET=/root/offsite#' /etc/luot/luot.env
  on "$a" systemctl start luot-backup.service && ls "$work/$a/root/offsite/" | grep -q '^luot-night-.*\.sqlite$' &&
    pass "the nightly unit makes a verified copy in LUOT_BACKUP_TARGET" || { fail "the nightly copy"; on "$a" journalctl -u luot-backup.service --no-pager | tail -5; }
  on "$a" systemctl is-active --quiet luot-backup-closing.path && pass "luot-backup-closing.path is watching" || fail "luot-backup-closing.path is not active"
  # What the hub writes once the hall has closed (server/services/closing-copy.ts; its own test shows when).
  on "$a" runuser -u luot -- sh -c "printf '{\"day\":\"%s\",\"at\":%s}\n' \"\$(date +%F)\" \"\$(date +%s000)\" > /var/lib/luot/closing-copy.request"
  for _ in $(seq 1 100); do ls "$work/$a/root/offsite/" | grep -q '^luot-closing-.*\.sqlite$' && break; sleep 0.2; done
  ls "$work/$a/root/offsite/" | grep -q '^luot-closing-.*\.sqlite$' && pass "the hub's closing request makes a copy off the machine" || { fail "no copy at closing"; on "$a" journalctl -u luot-backup-closing.service --no-pager | tail -5; }
  on "$a" sed -i 's#^LUOT_BACKUP_TARGET=.*#LUOT_BACKUP_TARGET=#' /etc/luot/luot.env

  step "backup on A, restore on a fresh machine B"
  local day report_a report_b copy checked
  day="$(api "$a" GET /api/health | json 'v.day')"
  report_a="$(api "$a" GET "/api/reports/day?day=$day")"
  on "$a" mkdir -p /root/copies
  on "$a" luot backup --to /root/copies >"$work/$a-backup.txt" && grep -q "Backed up and verified" "$work/$a-backup.txt" && pass "luot backup --to makes a verified copy" || { fail "luot backup"; cat "$work/$a-backup.txt"; }
  on "$a" luot check-log >"$work/$a-check-log.txt" 2>&1; checked=$?
  [ "$checked" -eq 0 ] && grep -i "the log matches the tables" "$work/$a-check-log.txt" >/dev/null && pass "luot check-log" || { fail "luot check-log (exit $checked)"; cat "$work/$a-check-log.txt"; }
  copy="$(ls "$work/$a/root/copies/"luot-copy-*.sqlite | head -1)"
  halt "$a"
  machine "$sys" "$b"
  cp "$deb" "$work/$b/root/luot.deb"
  cp "$copy" "$work/$b/root/copy.sqlite"
  boot "$b"
  install_deb "$b" "$work/$b-install.log" && wait_answer "$b" 60 && pass "machine B: installed, the hub answers" || { fail "machine B install"; cat "$work/$b-install.log"; }
  on "$b" luot restore /root/copy.sqlite >"$work/$b-restore.txt" 2>&1 && pass "luot restore" || { fail "luot restore"; cat "$work/$b-restore.txt"; }
  wait_answer "$b" 60 || true
  report_b="$(api "$b" GET "/api/reports/day?day=$day")"
  [ -n "$report_a" ] && [ "$report_a" = "$report_b" ] && pass "machine B gives the same day report ($(echo "$report_a" | json 'v.total?.issued ?? JSON.stringify(v).length') issued)" || { fail "day reports differ"; echo "A: $report_a"; echo "B: $report_b"; }
  halt "$b"
  # The kiosk agent's package (luot-agent), on Debian 12's base before it goes: its own script,
  # its failures counted with these.
  if [ "$sys" = bookworm ]; then
    step "the device agent's package (tests/install/agent-package.sh)"
    LUOT_IT_BASE="${base[$sys]}" bash "$here/agent-package.sh" >"$work/agent-package.txt" 2>&1
    agent_status=$?
    sed 's/^/   /' "$work/agent-package.txt" | grep -E ' ok | FAIL |^   == |^      [a-z]' || true  # checks, sections and measures
    [ "$agent_status" -eq 0 ] && pass "the device agent's package checks" || { fail "the device agent's package (exit $agent_status)"; tail -30 "$work/agent-package.txt"; }
  fi
  # The machines' files are not needed any more: the disk holds one system's at a time.
  rm -rf "${work:?}/$a" "${work:?}/$b" "${work:?}/ready-$sys"
  checks_s[$sys]=$(( ($(ms) - started) / 1000 ))
  echo "   ${label[$sys]}: checks took ${checks_s[$sys]} s"
}

upgrade_checks() { # upgrade_checks <machine> <ticket ids...>: on Debian 12 only
  local a=$1 missing id; shift
  local ids=("$@")
  step "upgrade to $next"
  on "$a" dpkg -i /root/next.deb >"$work/$a-next.log" 2>&1 && pass "dpkg -i of the next version" || { fail "upgrade"; cat "$work/$a-next.log"; }
  wait_answer "$a" 60 || true
  [ "$(api "$a" GET /api/health | json 'v.version')" = "$next" ] && pass "the hub runs $next" || fail "the hub does not run $next"
  ls "$work/$a/var/lib/luot/backups/" | grep -q "luot-before-$next" && pass "a verified copy was made before the upgrade" || fail "no copy before the upgrade"
  missing=0
  for id in "${ids[@]}"; do api "$a" GET "/api/tickets/$id" >/dev/null || missing=$((missing + 1)); done
  [ "$missing" -eq 0 ] && pass "the upgrade keeps every ticket" || fail "$missing tickets lost in the upgrade"

  step "an upgrade whose migration fails ($broken)"
  local schema_before seq_before health
  schema_before="$(api "$a" GET /api/health | json 'v.database.schemaVersion')"
  seq_before="$(api "$a" GET /api/health | json 'v.seq')"
  if on "$a" dpkg -i /root/broken.deb >"$work/$a-broken.log" 2>&1; then fail "dpkg -i of a failing migration succeeded"; else pass "dpkg -i reports the failed upgrade"; fi
  grep -q "FAILED" "$work/$a-broken.log" && pass "the console says why: $(grep -o 'Reason: .*' "$work/$a-broken.log" | head -1 | cut -c1-100)" || { fail "no reason on the console"; cat "$work/$a-broken.log"; }
  wait_answer "$a" 60 || true
  health="$(api "$a" GET /api/health)"
  [ "$(echo "$health" | json 'v.version')" = "$next" ] && pass "the previous version $next keeps running" || fail "running: $(echo "$health" | json 'v.version')"
  [ "$(echo "$health" | json 'v.database.schemaVersion')" = "$schema_before" ] && [ "$(echo "$health" | json 'v.seq')" = "$seq_before" ] &&
    pass "the database is as before (schema $schema_before, last event #$seq_before)" || fail "the database changed"
  on "$a" journalctl -t luot --no-pager | grep "upgrade to $broken FAILED" >/dev/null && pass "the journal has the reason" || fail "no reason in the journal"
  api "$a" POST /api/tickets '{"serviceId":"HT"}' >/dev/null && pass "the kept version still issues tickets" || fail "the kept version does not issue"
  echo "   fixing it: installing $next again"
  on "$a" dpkg -i /root/next.deb >"$work/$a-again.log" 2>&1 && wait_answer "$a" 60 && [ "$(api "$a" GET /api/health | json 'v.version')" = "$next" ] &&
    [ ! -e "$work/$a/etc/systemd/system/luot.service.d/rollback.conf" ] && pass "a good package afterwards replaces the kept version" || { fail "reinstall after the failed upgrade"; cat "$work/$a-again.log"; }
}

# From here a failed check is counted and the run goes on.
set +e
for s in "${systems[@]}"; do check_system "$s"; done

sys=""
echo
echo "package size: $deb_kib KiB ($(basename "$deb"))"
for s in "${systems[@]}"; do
  printf '%-13s boot to first answer %s ms, kill -9 to answer %s ms, watchdog restart %s ms; debootstrap %s, checks %s s\n' \
    "${label[$s]}" "${first_answer[$s]:-none}" "${restart_ms[$s]:-none}" "${watchdog_ms[$s]:-none}" "$([ -n "${bootstrap_s[$s]:-}" ] && echo "${bootstrap_s[$s]} s" || echo reused)" "${checks_s[$s]:-none}"
done
echo "(boot to first answer: systemd-nspawn start to /api/health answering, after a reboot with data)"
echo "test:install took $(( ($(ms) - started_all) / 1000 )) s"
[ "$failures" -eq 0 ] && echo "test:install: all passed" || { echo "test:install: $failures failed"; exit 1; }
