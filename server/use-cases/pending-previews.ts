// Previews of an import (the procedures catalogue, a hall file) waiting for the admin's
// confirmation: in memory, a restart forgets them (preview again); expired ones are dropped, and
// the oldest go when too many wait.

interface Waiting {
  preview: { previewId: string; expiresAt: number };
}

export class PendingPreviews<P extends Waiting> {
  private readonly pending = new Map<string, P>();

  constructor(private readonly most: number) {}

  keep(p: P, now: number): void {
    this.forgetOld(now);
    while (this.pending.size >= this.most) this.pending.delete(this.pending.keys().next().value!);
    this.pending.set(p.preview.previewId, p);
  }

  take(id: string, now: number): P | undefined {
    this.forgetOld(now);
    return this.pending.get(id);
  }

  forget(id: string): void {
    this.pending.delete(id);
  }

  private forgetOld(now: number): void {
    for (const [id, p] of this.pending) if (p.preview.expiresAt <= now) this.pending.delete(id);
  }
}
