/** The sessions the fake server serves, newest first, with the lookups its handlers need. */
import type { CheckoutSession } from '../types.js';
import { asSent, type FakeSession } from './sessions.js';

/** A filtered view of the sessions: what to send, and where each stands among all sessions. */
export interface Filtered {
  sessions: CheckoutSession[];
  positions: number[];
}

/** The sessions as given (to match filters on) and as sent, with lookups cached until replaced. */
export class SessionStore {
  readonly #all: FakeSession[];
  readonly #sent: CheckoutSession[];
  readonly #position: Map<string, number>;
  readonly #filtered = new Map<string, Filtered>();

  constructor(sessions: FakeSession[]) {
    if (!Array.isArray(sessions)) throw new TypeError('sessions must be an array of sessions, newest first.');
    this.#all = sessions;
    // Copied once here, not per answer: a walk of 10 000 sessions sends each one many times.
    this.#sent = sessions.map(asSent);
    this.#position = new Map(sessions.map((session, index) => [session.id, index]));
  }

  /** The session with this id, as sent. */
  get(id: string): CheckoutSession | undefined {
    const position = this.#position.get(id);
    return position === undefined ? undefined : this.#sent[position];
  }

  /** Where a session stands among all the sessions, newest first. */
  position(id: string): number | undefined {
    return this.#position.get(id);
  }

  /**
   * The sessions whose field of each filter's name equals its value (`status`, or any filter the
   * spec adds), as sent, with their positions among all sessions.
   */
  filtered(filters: Record<string, unknown>): Filtered {
    const key = JSON.stringify(Object.entries(filters).sort());
    let found = this.#filtered.get(key);
    if (!found) {
      const positions: number[] = [];
      this.#all.forEach((session, index) => {
        const fields = session as Record<string, unknown>;
        if (Object.entries(filters).every(([name, value]) => fields[name] === value)) positions.push(index);
      });
      found = { sessions: positions.map((index) => this.#sent[index]!), positions };
      this.#filtered.set(key, found);
    }
    return found;
  }
}
