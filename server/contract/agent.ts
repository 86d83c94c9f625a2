// The wire contract between the hub and a device agent (agent/: the program on a kiosk or
// display PC). The agent connects to the hub's socket.io server in its own namespace with the
// device's token, receives the kiosk's print jobs as ESC/POS bytes, answers each, and reports
// its printer's state; any agent (a display's too) gets the hall's opening days for its screen.
// The agent imports these types; the hub sends exactly these shapes.

import type { Reply } from './events.js';

/** The socket.io namespace device agents connect to (beside the pages' own). */
export const AGENT_NAMESPACE = '/agent';

/** What a PC runs: a kiosk's touch screen and printer, or a waiting-room display. */
export type AgentRole = 'kiosk' | 'display';

/** The agent says who it is once connected. */
export interface AgentHello {
  role: AgentRole;
  /** The agent's own version (its package's). */
  version: string;
  /** Where its printer is, for people ("/dev/usb/lp0", "serial /dev/ttyUSB0"); null when it has none. */
  printer: string | null;
}

/** The hub's answer to the hello: the kiosk the token belongs to, and how the hub prints on it. */
export interface AgentWelcome {
  kioskId: string;
  /** The hall file gives this kiosk `printer: { type: agent }`: jobs will come. */
  printsHere: boolean;
}

/** Codes of a printer's problems, as the hub's own printers report them. */
export type AgentPrinterProblem = 'unreachable' | 'offline' | 'paper_out' | 'cover_open' | 'printer_error';

/** The printer's state as the agent sees it: sent on connect and whenever it changes. */
export interface AgentPrinterState {
  /** Present and able to print as far as the printer tells. */
  online: boolean;
  paper: 'ok' | 'near_end' | 'out' | 'unknown';
  coverOpen: boolean;
  problem: AgentPrinterProblem | null;
  /** The printer answered a status query (DLE EOT); a USB device file only tells whether it is there. */
  reported: boolean;
}

/** One ticket (or slip) to print: the exact bytes for the printer. */
export interface AgentPrintJob {
  jobId: string;
  /** For the agent's log: "<ticket>_<kiosk>_<time>". */
  name: string;
  bytes: Uint8Array;
}

/** What became of a job: printed (written to the printer), or failed with the reason. */
export type AgentPrintAnswer = { jobId: string; ok: true } | { jobId: string; ok: false; reason: string };

/** One day of the hall's calendar as a screen needs it: when the hall or any of its services is open. */
export interface AgentOpeningDay {
  /** The hall's local day, "YYYY-MM-DD". */
  day: string;
  /** Minutes since the hall's midnight, `end` excluded, over the hall and its services; empty: closed all day. */
  periods: { start: number; end: number }[];
  /** Why a day without periods is closed: a public holiday (Tết, 2/9), the hall's own closure, or its usual days off. */
  closed: 'holiday' | 'closure' | 'dayOff' | null;
  /** The holiday's name or the closure's reason (public, as the kiosk shows it), for the agent's log. */
  note: string | null;
}

/** The hall's opening times for the coming days (public): the agent keeps them to work offline. */
export interface AgentHallHours {
  timeZone: string;
  /** Consecutive days, from yesterday on. */
  days: AgentOpeningDay[];
}

export interface HubToAgentEvents {
  /** Print this; answer when the bytes are with the printer, or why not. */
  'agent:print': (job: AgentPrintJob, answer: (result: AgentPrintAnswer) => void) => void;
  /** The hall's calendar changed (a closure added, a year's holidays loaded, new hours): the days again. */
  'agent:hours': (hours: AgentHallHours) => void;
}

export interface AgentToHubEvents {
  /** Who the agent is; answered with the kiosk its token belongs to. */
  'agent:hello': (hello: AgentHello, reply: (r: Reply<AgentWelcome>) => void) => void;
  /** The printer's state changed (also sent right after the hello). */
  'agent:printer': (state: AgentPrinterState) => void;
  /** The hall's opening times for the coming days; any agent may ask, a display's without a token too. */
  'agent:hours': (reply: (r: Reply<AgentHallHours>) => void) => void;
}
