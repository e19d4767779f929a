// The repository's own settings for the processes that run its benchmarks, learned while discovering:
// the Node flags its vitest config gives `vitest bench`'s workers (`execArgv`: a loader such as
// `--import tsx`, `--expose-gc`), and the settings flamegate does not honour, for the report. A
// process's flags are fixed when it starts, so a side whose discovery met new flags is discovered
// again with them, and every later process (timing, profiling, allocations) starts with them.
import type { Side } from '../model.js';
import type { ChildMessage } from './protocol.js';

interface Learned {
  /** Each project's execArgv (kept whole: `--import x` is one unit), per side, in the order met. */
  execArgv: Record<Side, string[][]>;
  /** Sides whose discovery process did not start with their flags: those flags are not used again. */
  broken: Set<Side>;
  notes: string[];
}

// Keyed by the run's `sides` object, which every pass shares through the measure context (context.ts).
const bySession = new WeakMap<Session, Learned>();

/** One run: its two checkouts. */
type Session = Record<Side, { dir: string }>;

function learnedOf(session: Session): Learned {
  let learned = bySession.get(session);
  if (!learned) {
    learned = { execArgv: { base: [], head: [] }, broken: new Set(), notes: [] };
    bySession.set(session, learned);
  }
  return learned;
}

const key = (args: string[]) => JSON.stringify(args);

/** Takes a `vitest-project` message of a discovery process on `side`; false for any other message. */
export function learnFromChild(session: Session, side: Side, message: ChildMessage): boolean {
  if (message.type !== 'vitest-project') return false;
  const learned = learnedOf(session);
  const known = learned.execArgv[side];
  if (message.execArgv.length > 0 && !known.some((args) => key(args) === key(message.execArgv)))
    known.push(message.execArgv);
  for (const note of message.notes) if (!learned.notes.includes(note)) learned.notes.push(note);
  return true;
}

/** The flags a discovery process of `side` starts with: that side's own, so the other cannot break it. */
export function discoveryFlags(session: Session, side: Side): string[] {
  const learned = learnedOf(session);
  return learned.broken.has(side) ? [] : learned.execArgv[side].flat();
}

/**
 * The flags of a process that runs both sides: head's (the pull request's checkout is the working
 * directory), then base's where they differ. Flags that kept a side's processes from starting are left out.
 */
export function measuringFlags(session: Session): string[] {
  const learned = learnedOf(session);
  const units: string[][] = [];
  for (const side of ['head', 'base'] as Side[]) {
    if (learned.broken.has(side)) continue;
    for (const args of learned.execArgv[side]) if (!units.some((u) => key(u) === key(args))) units.push(args);
  }
  return units.flat();
}

/**
 * Why a discovery process that ended before loading any file failed, when it was started with the
 * repository's flags: then the flags are the cause, charged to that side, and never used again.
 */
export function flagsFailure(session: Session, side: Side, flags: string[], why: string): string | undefined {
  if (flags.length === 0) return undefined;
  learnedOf(session).broken.add(side);
  return `the benchmark process did not start with the vitest config's execArgv ${JSON.stringify(flags)}: ${why}`;
}

/** What the report says about the repository's benchmark settings: unhonoured settings, flags used. */
export function harnessNotes(session: Session): string[] {
  const learned = learnedOf(session);
  const notes = [...learned.notes];
  // Each side's paths point into its own checkout: the same config gives the same flags but for that.
  const inSide = (side: Side) =>
    key(learned.execArgv[side].flat()).split(session[side].dir).join('<checkout>');
  const head = inSide('head');
  const base = inSide('base');
  if (head !== base && learned.execArgv.base.length > 0 && learned.execArgv.head.length > 0)
    notes.push(
      `base and head give vitest different execArgv; both sides ran in processes started with ${measuringFlags(session).join(' ')}`,
    );
  for (const side of learned.broken)
    notes.push(
      `the vitest config's execArgv on ${side} kept Node from starting; its bench files failed to load`,
    );
  return notes;
}
