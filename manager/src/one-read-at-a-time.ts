// The console reads its whole view again at each change of the hall feed; in a busy hall the
// changes come faster than the reads come back. At most one read is on its way and one waits
// behind it: every change heard while a read is out is covered by that one trailing read.

/** `read`, merged: a call while a read is out joins the one read started after it. */
export function oneReadAtATime(read: () => Promise<void>): () => Promise<void> {
  let out: Promise<void> | null = null;
  let next: Promise<void> | null = null;
  const start = (): Promise<void> => {
    out = read().finally(() => {
      out = null;
    });
    return out;
  };
  return () => {
    if (!out) return start();
    const trailing = () => {
      next = null;
      return start();
    };
    next ??= out.then(trailing, trailing);
    return next;
  };
}
