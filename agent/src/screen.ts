// Switching the screen: the one place the agent touches the display's power. The command is
// the agent's config SCREEN_COMMAND, given "on" or "off"; the package's own,
// /usr/lib/luot-agent/bin/luot-agent-screen, asks the kiosk compositor (wlopm, or wlr-randr)
// to power the outputs down or up.

import { execFile } from 'node:child_process';

export type ScreenSwitch = (on: boolean) => Promise<void>;

export function commandSwitch(command: string, timeoutMs = 10_000): ScreenSwitch {
  return (on) =>
    new Promise((resolve, reject) => {
      execFile(command, [on ? 'on' : 'off'], { timeout: timeoutMs }, (error, _stdout, stderr) => {
        if (error) reject(new Error(`${command} ${on ? 'on' : 'off'} failed: ${stderr.trim() || error.message}`));
        else resolve();
      });
    });
}
