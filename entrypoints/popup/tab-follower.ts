import type { ActionBrief } from '@/lib/messaging';
import type { ActionChange } from '@/lib/services/outbox-feed';

/**
 * How the popup keeps what it shows of the tab's post or profile current without polling: it reads the tab once
 * (one `tab.*` request), then follows the outbox's published changes (lib/services/outbox-feed.ts). A change of an
 * action it shows — sending, waiting for X's reset, sending again — is taken from the publication itself, with no
 * request; when one settles (done, failed) the store may have changed with it (X's answer kept, or the optimistic
 * change rolled back), so the tab is read again: one request per action, from the click to its end.
 */

/**
 * An action as a panel shows it. `unread`: it settled, and the read of the tab that follows failed: the stored state
 * in the context is from before X answered it.
 */
export type ShownAction = ActionBrief & { unread?: boolean };

type Context = { actions: ShownAction[] };

export interface TabFollowerDeps<T extends Context> {
  /** Asks the background what it knows of the tab (one `tab.*` request). */
  read(): Promise<T>;
  /** Starts following the outbox's publications for the account; returns the function that stops. */
  watch(onChange: (changes: ActionChange[]) => void): () => void;
  /**
   * The context to show, each time it changes. `read`: it is a read's answer (the tab was read); otherwise it is the
   * shown context moved along (a click, the outbox's publications, or what a failed read kept), and a failed read's
   * words stay said until a read works.
   */
  show(context: T, read: boolean): void;
  /** A read failed: the message to show. */
  fail(error: unknown): void;
}

const unsettled = (a: ActionBrief) => a.state === 'queued' || a.state === 'sending';

const briefOf = (c: ActionChange): ActionBrief => ({
  seq: c.seq,
  type: c.type,
  state: c.state,
  notBefore: c.notBefore,
  ...(c.error ? { error: c.error } : {}),
});

/**
 * An action that has settled since the context was read, shown as still on its way: the context's stored state is
 * from before it settled, so showing it settled would flip the button back (Repost after a repost that worked) until
 * the read that follows comes back — and a click in that moment would ask for the same thing again.
 */
const settling = (a: ActionBrief): ActionBrief => (unsettled(a) ? a : { ...a, state: 'sending' });

const same = (a: ActionBrief, b: ActionBrief) =>
  a.state === b.state && a.notBefore === b.notBefore && JSON.stringify(a.error) === JSON.stringify(b.error);

export class TabFollower<T extends Context> {
  private context: T | undefined;
  /** The latest published state of each action seen, so a change that arrives before its `action.do` answer counts. */
  private readonly seen = new Map<number, ActionChange>();
  private reading: Promise<void> | undefined;
  /**
   * A read asked for while one was under way (Read again pressed, a List changed): it runs once that one ends, and
   * every ask meanwhile waits on it. One read however many asked.
   */
  private queued: { promise: Promise<void>; resolve: (read: Promise<void>) => void } | undefined;
  /** The follower's own read once more (an action settled before a read could list it): after the one under way. */
  private readAgain = false;
  /** Actions sent from this popup that no read has returned yet: a read begun before the click does not know them. */
  private readonly tracked = new Map<number, ActionBrief>();
  /** Tracked actions already read again once after they settled. */
  private readonly rereadFor = new Set<number>();

  constructor(private readonly deps: TabFollowerDeps<T>) {}

  /** Starts following the outbox, then reads the tab. Returns the function that stops following. */
  start(): () => void {
    const stop = this.deps.watch((changes) => this.onChanges(changes));
    void this.refresh();
    return stop;
  }

  /**
   * Reads the tab again (Read again pressed, or a change the outbox does not publish, such as a list's membership).
   * With a read under way, which may have begun before the change, the read asked for runs once it ends, and the
   * promise returned is that read's: what waits on it (Read again's busy state) ends with the read asked for, its
   * outcome shown.
   */
  refresh(): Promise<void> {
    if (!this.reading) return this.read();
    if (!this.queued) {
      let resolve!: (read: Promise<void>) => void;
      const promise = new Promise<void>((r) => (resolve = r));
      this.queued = { promise, resolve };
    }
    return this.queued.promise;
  }

  private read(): Promise<void> {
    this.reading = this.deps
      .read()
      .then(
        (context) => this.set(this.withTracked(context), true),
        (error: unknown) => {
          // The context stays on screen, and the actions it holds as on their way that X has since answered show
          // that answer: held as "Sending to X…" for a read that never came, they would say so for good.
          const kept = this.context && this.released(this.context);
          if (kept) this.set(kept);
          this.deps.fail(error);
        },
      )
      .finally(() => {
        this.reading = undefined;
        const queued = this.queued;
        const again = this.readAgain;
        this.queued = undefined;
        this.readAgain = false;
        // The next read begins here, before anything waiting on this one resumes: one read for all who asked.
        if (queued) queued.resolve(this.read());
        else if (again) void this.read();
      });
    return this.reading;
  }

  /**
   * Shows an action the person has just sent (`action.do` answered with its number) on its button at once, as the
   * latest of its type; from here on the outbox's publications move it along.
   *
   * `early`: it was sent before this follower watched the outbox (a click on the painted snapshot, before the popup's
   * code had loaded), so its publications may all have gone by unseen — it may be done already, and nothing would
   * ever say so: the button would say "Queued." for good, and the screen never be kept. Unless a publication of it
   * was seen, the tab is read again once (after any read under way): that read lists it with its stored state.
   */
  track(seq: number, type: string, early = false): void {
    const published = this.seen.get(seq);
    const brief: ActionBrief = published ? briefOf(published) : { seq, type, state: 'queued', notBefore: 0 };
    this.tracked.set(seq, brief);
    const unseen = early && !published;
    if (this.context) {
      // The latest of each type, as the background answers: this one replaces the older one of its type.
      this.set({ ...this.context, actions: [settling(brief), ...this.context.actions.filter((a) => a.type !== type && a.seq !== seq)] });
    }
    if (unseen || (this.context && !unsettled(brief))) void this.refresh();
  }

  /**
   * A read's context, with the actions this popup sent that it does not list put first (their latest published
   * state): otherwise a read that crossed a click would show the old state and drop the action it must follow.
   */
  private withTracked(context: T): T {
    // Known to the read: listed, or older than the latest of its type that the read lists.
    for (const [seq, brief] of this.tracked) {
      if (context.actions.some((a) => a.seq === seq || (a.type === brief.type && a.seq > seq))) this.tracked.delete(seq);
    }
    const missing: ActionBrief[] = [];
    for (const [seq, brief] of this.tracked) {
      const c = this.seen.get(seq);
      const now = c ? briefOf(c) : brief;
      if (!unsettled(now)) {
        // Settled before this read could list it: the read's stored state may be from before too, so read once
        // more; a read after it settled that still does not list it (a type this tab does not show) lets it go.
        if (this.rereadFor.has(seq)) {
          this.tracked.delete(seq);
          continue;
        }
        this.rereadFor.add(seq);
        this.readAgain = true;
      }
      missing.push(now);
    }
    if (!missing.length) return context;
    missing.sort((a, b) => b.seq - a.seq);
    const types = new Set(missing.map((a) => a.type));
    return { ...context, actions: [...missing.map(settling), ...context.actions.filter((a) => !types.has(a.type))] };
  }

  /**
   * The context with each action shown as on its way that has settled put to its settled state, marked `unread`: the
   * stored state beside it is from before X answered (shownState). Undefined when none was held.
   */
  private released(context: T): T | undefined {
    let changed = false;
    const actions = context.actions.map((a): ShownAction => {
      const c = this.seen.get(a.seq);
      const now = c ? briefOf(c) : this.tracked.get(a.seq);
      if (!now || !unsettled(a) || unsettled(now)) return a;
      changed = true;
      return { ...now, unread: true };
    });
    return changed ? { ...context, actions } : undefined;
  }

  private set(context: T, read = false): void {
    this.context = context;
    this.deps.show(context, read);
  }

  private onChanges(changes: ActionChange[]): void {
    for (const c of changes) this.seen.set(c.seq, c);
    const context = this.context;
    if (!context) return;
    let settled = false;
    let changed = false;
    const actions = context.actions.map((a) => {
      const c = this.seen.get(a.seq);
      if (!c) return a;
      const next = briefOf(c);
      if (same(a, next)) return a;
      if (unsettled(a) && !unsettled(next)) {
        // Shown as on its way until the read that follows brings the stored state it settled into.
        settled = true;
        return a;
      }
      changed = true;
      return next;
    });
    if (changed) this.set({ ...context, actions });
    if (settled) void this.refresh();
  }
}

/**
 * What a two-state button shows while an action on it is on its way: the state that action asks for (the store
 * already shows it, but the popup has not read the store since the click). Settled, but the read after it failed
 * (`unread`): X's own answer to it — done, the state it asked for; refused, the state before it, which X kept (and
 * the store rolled back to). Otherwise, the stored state.
 */
export function shownState(stored: boolean, action: ShownAction | undefined, onType: string): boolean {
  if (!action) return stored;
  if (unsettled(action)) return action.type === onType;
  if (action.unread) return action.state === 'done' ? action.type === onType : action.type !== onType;
  return stored;
}
