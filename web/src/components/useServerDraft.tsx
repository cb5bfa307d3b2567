import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { ReactNode } from 'react';
import { BodyLong, BodyShort, Button, Modal } from '@navikt/ds-react';
import { useBlocker } from 'react-router';
import { ApiError, unreachableMessage } from '../api/client.ts';
import { formatDateTime, formatTime } from './format.ts';

/** How long typing may pause before the draft is saved. */
export const AUTOSAVE_DELAY_MS = 1_000;

export interface StoredDraft<T> {
  value: T;
  savedAt: string;
}

export interface DraftEndpoints<T> {
  /** Saves the draft (a PUT of the form's `…/draft` contract). */
  save: (value: T) => Promise<{ savedAt: string }>;
  /** The same sent as the page goes away (`callWhileLeaving`): nobody waits for the answer. */
  saveWhileLeaving: (value: T) => void;
  /** Throws the draft away (DELETE). */
  discard: () => Promise<unknown>;
  /** Nothing worth keeping: the draft is thrown away instead of saved. */
  isEmpty: (value: T) => boolean;
}

type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'failed'; error: unknown };

/**
 * Forms with text not yet on the server, for the one navigation guard of the page: a router
 * allows one blocker at a time, and an utredning has forty sections.
 */
const unsavedForms = new Map<number, () => Promise<boolean>>();
const guardListeners = new Set<() => void>();
let nextFormId = 1;
const notifyGuards = () => {
  for (const listener of guardListeners) listener();
};
const subscribeGuards = (listener: () => void) => {
  guardListeners.add(listener);
  return () => {
    guardListeners.delete(listener);
  };
};

/**
 * The writer's draft of a long form, kept on the server (issue 12): saved a moment after typing
 * stops, sent as the page is hidden or closed, saved before an in-app navigation, and warned
 * about before leaving while the server has not confirmed it. The form owns its fields and
 * reports each change; the hook says how the draft stands.
 */
export function useServerDraft<T>(endpoints: DraftEndpoints<T>, initial: StoredDraft<T> | null) {
  const ends = useRef(endpoints);
  useEffect(() => {
    ends.current = endpoints;
  });
  const [formId] = useState(() => nextFormId++);
  const [state, setState] = useState<SaveState>(
    initial ? { kind: 'saved', at: initial.savedAt } : { kind: 'idle' },
  );
  const [restoredAt, setRestoredAt] = useState<string | null>(initial?.savedAt ?? null);
  /** The newest value not yet handed to a save; null when the server has (or is getting) it. */
  const unsent = useRef<T | null>(null);
  /** The last save failed: what it carried is on this page only (and in `unsent` again). */
  const failed = useRef(false);
  /** The newest value handed to a save that has not answered yet. */
  const sending = useRef<T | null>(null);
  /** The last value sent as the page goes away: once per leave, not once per event. */
  const sentWhileLeaving = useRef<T | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  /** Saves run one after another, so an older one never lands after a newer one. */
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  const saveNowRef = useRef<() => Promise<boolean>>(() => Promise.resolve(true));
  const setUnsaved = useCallback(
    (unsaved: boolean) => {
      if (unsaved) unsavedForms.set(formId, () => saveNowRef.current());
      else unsavedForms.delete(formId);
      notifyGuards();
    },
    [formId],
  );

  const saveNow = useCallback((): Promise<boolean> => {
    clearTimeout(timer.current);
    timer.current = undefined;
    const value = unsent.current;
    if (value === null) return queue.current.then(() => !failed.current);
    unsent.current = null;
    sending.current = value;
    const run = queue.current.then(async () => {
      setState({ kind: 'saving' });
      try {
        if (ends.current.isEmpty(value)) {
          await ends.current.discard();
          setState({ kind: 'idle' });
        } else {
          const { savedAt } = await ends.current.save(value);
          setState({ kind: 'saved', at: savedAt });
        }
        failed.current = false;
        if (unsent.current === null) setUnsaved(false);
        return true;
      } catch (error) {
        // Kept for the next attempt unless something newer came meanwhile.
        unsent.current ??= value;
        failed.current = true;
        setState({ kind: 'failed', error });
        return false;
      } finally {
        if (sending.current === value) sending.current = null;
      }
    });
    queue.current = run;
    return run;
  }, [setUnsaved]);
  useEffect(() => {
    saveNowRef.current = saveNow;
  });

  /** The form's fields changed by the writer: save them after a pause. */
  const change = useCallback(
    (value: T) => {
      unsent.current = value;
      setUnsaved(true);
      clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        void saveNowRef.current();
      }, AUTOSAVE_DELAY_MS);
    },
    [setUnsaved],
  );

  /** Before the record itself is saved: no draft save may land after it and bring it back. */
  const settle = useCallback(async () => {
    clearTimeout(timer.current);
    timer.current = undefined;
    await queue.current.catch(() => undefined);
  }, []);

  /** The record is saved (its draft deleted with it) or the draft thrown away. */
  const reset = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = undefined;
    unsent.current = null;
    failed.current = false;
    setState({ kind: 'idle' });
    setRestoredAt(null);
    setUnsaved(false);
  }, [setUnsaved]);

  const discard = useCallback(async () => {
    await settle();
    await ends.current.discard();
    reset();
  }, [settle, reset]);

  // Closing the tab, or the page hidden (a phone locked): the last words go with a request that
  // outlives the page.
  useEffect(() => {
    /**
     * What the server has not confirmed it has: typed and still in the pause before the
     * autosave, or refused (a failed save puts its text back in `unsent`), or on its way (a
     * save in flight is cancelled when the page goes). An emptied form has nothing to lose.
     */
    const unconfirmed = () => {
      const value = unsent.current ?? sending.current;
      return value === null || ends.current.isEmpty(value) ? null : value;
    };
    const sendWhileLeaving = (value: T) => {
      if (sentWhileLeaving.current === value) return;
      sentWhileLeaving.current = value;
      ends.current.saveWhileLeaving(value);
    };
    // The autosave keeps its timer: if the page comes back, its answer confirms the text.
    const flush = () => {
      const value = unconfirmed();
      if (value !== null) sendWhileLeaving(value);
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    // The browser's own "leave the page?" whenever typed text is not yet confirmed saved by the
    // server (see `unconfirmed`). A request sent as the page goes is a last try, not a promise:
    // nobody reads its answer, so an expired session, a lost network or a refusal would lose
    // the text without a word, and this prompt is the writer's last chance to stay. Once the
    // server has answered that it has everything there is no prompt: a warning that comes when
    // nothing is at risk teaches people to click it away. The text is sent here already, before
    // the prompt, and not only on pagehide: a page closed after the prompt does not always get
    // its pagehide request out. If she stays, the autosave still runs and its answer counts.
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      const value = unconfirmed();
      if (value === null) return;
      // Each attempt to leave sends again: an earlier one's answer is unknown.
      sentWhileLeaving.current = null;
      sendWhileLeaving(value);
      event.preventDefault();
    };
    window.addEventListener('pagehide', flush);
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, []);

  // The form closed within the delay (a tab changed): the page lives on, so a plain save does.
  useEffect(
    () => () => {
      if (unsent.current !== null) void saveNowRef.current();
      unsavedForms.delete(formId);
      notifyGuards();
    },
    [formId],
  );

  const status =
    state.kind === 'saving'
      ? 'Sparar utkast…'
      : state.kind === 'failed'
        ? state.error instanceof ApiError && state.error.unreachable
          ? unreachableMessage
          : 'Utkastet kunde inte sparas. Det du skrivit finns kvar här.'
        : state.kind === 'saved'
          ? `Utkast sparat ${formatTime(state.at)}`
          : null;

  const leader = useSyncExternalStore(subscribeGuards, () => unsavedForms.keys().next().value);

  return {
    change,
    saveNow,
    settle,
    reset,
    discard,
    /** The draft is on the server (a "Kasta utkastet" makes sense). */
    hasSaved: state.kind === 'saved',
    status,
    restoredNote: restoredAt ? `Utkast från ${formatDateTime(restoredAt)} har återställts.` : null,
    /** Render it once in the form: the one that guards the page renders the blocker. */
    guard: leader === formId ? <LeaveGuard /> : null,
  };
}

/** Saves every form's unsaved text before an in-app navigation; asks only if that fails. */
function LeaveGuard(): ReactNode {
  const blocker = useBlocker(() => unsavedForms.size > 0);
  const [ask, setAsk] = useState(false);
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    let live = true;
    void Promise.all([...unsavedForms.values()].map((save) => save())).then((saved) => {
      if (!live) return;
      if (saved.every(Boolean)) blocker.proceed();
      else setAsk(true);
    });
    return () => {
      live = false;
    };
  }, [blocker]);
  if (blocker.state !== 'blocked' || !ask) return null;
  return (
    <Modal
      open
      header={{ heading: 'Texten är inte sparad' }}
      onClose={() => {
        setAsk(false);
        blocker.reset();
      }}
    >
      <Modal.Body>
        <BodyLong>
          Det du skrivit kunde inte sparas som utkast. Om du lämnar sidan nu försvinner det.
        </BodyLong>
      </Modal.Body>
      <Modal.Footer>
        <Button
          type="button"
          onClick={() => {
            setAsk(false);
            blocker.reset();
          }}
        >
          Stanna kvar
        </Button>
        <Button
          type="button"
          variant="secondary"
          onClick={() => {
            setAsk(false);
            blocker.proceed();
          }}
        >
          Lämna sidan
        </Button>
      </Modal.Footer>
    </Modal>
  );
}

/** The restored note and the save status, the same in every form. */
export function DraftNote({ children }: { children: ReactNode }) {
  if (!children) return null;
  return <BodyShort>{children}</BodyShort>;
}
