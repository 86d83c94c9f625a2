// The wire contract between the hub and a device agent (agent/: the program on a kiosk or
// display PC). The agent connects to the hub's socket.io server in its own namespace with the
// device's token, receives the kiosk's print jobs as ESC/POS bytes, answers each, and reports
// its printer's state. The agent imports these types; the hub sends exactly these shapes.

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

export interface HubToAgentEvents {
  /** Print this; answer when the bytes are with the printer, or why not. */
  'agent:print': (job: AgentPrintJob, answer: (result: AgentPrintAnswer) => void) => void;
}

export interface AgentToHubEvents {
  /** Who the agent is; answered with the kiosk its token belongs to. */
  'agent:hello': (hello: AgentHello, reply: (r: Reply<AgentWelcome>) => void) => void;
  /** The printer's state changed (also sent right after the hello). */
  'agent:printer': (state: AgentPrinterState) => void;
}
