// Tells systemd the hub is ready and alive (sd_notify), when it runs as a service with
// Type=notify and WatchdogSec. Node cannot write a unix datagram itself, so one small
// long-lived helper (Perl, present on every Debian and Ubuntu) forwards each line it is given
// to $NOTIFY_SOCKET; it stays in the service's cgroup, which systemd needs to accept the
// message (NotifyAccess=all). The keep-alive is sent from the event loop: a hung loop sends
// nothing, and systemd restarts the hub once WatchdogSec passes.

import { spawn, type ChildProcess } from 'node:child_process';
import type { Socket } from 'node:net';
import type { Logger } from './queue-service.js';

const FORWARDER = `
use strict; use Socket;
my $path = $ENV{NOTIFY_SOCKET}; $path =~ s/^@/\\0/;
socket(my $s, PF_UNIX, SOCK_DGRAM, 0) or die "socket: $!";
my $to = pack_sockaddr_un($path);
$| = 1;
while (my $line = <STDIN>) { chomp $line; $line =~ s/\\\\n/\\n/g; send($s, $line, 0, $to) or warn "sd_notify: $!\\n"; }
`;

export interface SystemdNotifier {
  /** READY=1 with a status line, once the hub serves. */
  ready(status: string): void;
  /** STOPPING=1, at a clean stop. */
  stopping(): void;
  close(): void;
}

const NONE: SystemdNotifier = { ready() {}, stopping() {}, close() {} };

/** The interval systemd expects keep-alives at (half its WatchdogSec), or null without a watchdog. */
export function watchdogIntervalMs(env: NodeJS.ProcessEnv, pid = process.pid): number | null {
  const usec = Number(env.WATCHDOG_USEC);
  if (!Number.isFinite(usec) || usec <= 0) return null;
  if (env.WATCHDOG_PID && Number(env.WATCHDOG_PID) !== pid) return null;
  return Math.max(500, Math.floor(usec / 1000 / 2));
}

export function systemdNotifier(env: NodeJS.ProcessEnv, logger: Logger): SystemdNotifier {
  if (!env.NOTIFY_SOCKET) return NONE;
  let helper: ChildProcess | null = spawn('perl', ['-e', FORWARDER], {
    stdio: ['pipe', 'ignore', 'inherit'],
    env: { NOTIFY_SOCKET: env.NOTIFY_SOCKET, PATH: env.PATH ?? '/usr/bin:/bin' },
  });
  helper.on('error', (error) => {
    logger.error({ err: error }, 'systemd cannot be told the hub is alive (perl not found)');
    helper = null;
  });
  helper.stdin!.on('error', () => {});
  // The helper must not keep the hub alive on its own.
  helper.unref();
  (helper.stdin as Socket).unref();
  const send = (message: string) => helper?.stdin?.write(`${message.replaceAll('\n', '\\n')}\n`);
  const every = watchdogIntervalMs(env);
  const timer = every ? setInterval(() => send('WATCHDOG=1'), every) : null;
  timer?.unref();
  return {
    ready: (status) => send(`READY=1\\nSTATUS=${status}`),
    stopping: () => send('STOPPING=1'),
    close: () => {
      if (timer) clearInterval(timer);
      helper?.stdin?.end();
    },
  };
}
