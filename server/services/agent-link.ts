// The kiosks' device agents as the hub knows them: which kiosk has one connected, what its
// printer last reported, and the way to hand it a print job. The socket handling is in
// server/realtime/agent-channel.ts; this holds only the state, so printing can be tested and
// used without knowing the transport.

import type { AgentPrintAnswer, AgentPrinterState } from '../contract/agent.js';

/** One connected agent, as the channel gives it. */
export interface AgentSession {
  /** Sends a job; resolves with the agent's answer, rejects when none comes in time or the agent left. */
  send(job: { jobId: string; name: string; bytes: Uint8Array }): Promise<AgentPrintAnswer>;
}

interface Connected {
  session: AgentSession;
  /** null until the agent reported its printer. */
  state: AgentPrinterState | null;
}

export class AgentLink {
  private readonly agents = new Map<string, Connected>();
  private readonly listeners: ((kioskId: string) => void)[] = [];
  private jobs = 0;

  /** An agent of this kiosk connected; it replaces an earlier one (a restarted agent). */
  attach(kioskId: string, session: AgentSession): void {
    this.agents.set(kioskId, { session, state: null });
    this.changed(kioskId);
  }

  /** The agent left; only if it is still the one attached (a newer one may have taken over). */
  detach(kioskId: string, session: AgentSession): void {
    if (this.agents.get(kioskId)?.session !== session) return;
    this.agents.delete(kioskId);
    this.changed(kioskId);
  }

  report(kioskId: string, session: AgentSession, state: AgentPrinterState): void {
    const agent = this.agents.get(kioskId);
    if (agent?.session !== session) return;
    agent.state = state;
    this.changed(kioskId);
  }

  connected(kioskId: string): boolean {
    return this.agents.has(kioskId);
  }

  /** The printer's last reported state; null when no agent of the kiosk is connected or it has not said yet. */
  state(kioskId: string): AgentPrinterState | null {
    return this.agents.get(kioskId)?.state ?? null;
  }

  /** Hands the bytes to the kiosk's agent; rejects with the reason when they were not printed. */
  async print(kioskId: string, name: string, bytes: Uint8Array): Promise<void> {
    const agent = this.agents.get(kioskId);
    if (!agent) throw new Error(`the device agent of kiosk ${kioskId} is not connected`);
    const jobId = `${kioskId}-${++this.jobs}`;
    let answer: AgentPrintAnswer;
    try {
      answer = await agent.session.send({ jobId, name, bytes });
    } catch (error) {
      throw new Error(`the device agent of kiosk ${kioskId} did not answer: ${(error as Error).message}`);
    }
    if (!answer.ok) throw new Error(answer.reason);
  }

  /** Called with the kiosk's id whenever its agent connects, leaves or reports. */
  onChange(listener: (kioskId: string) => void): void {
    this.listeners.push(listener);
  }

  private changed(kioskId: string): void {
    for (const listener of this.listeners) listener(kioskId);
  }
}
