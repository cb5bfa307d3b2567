import { useEffect, useRef, useState } from 'react';
import { BodyLong, Button, HStack, Modal } from '@navikt/ds-react';
import { getSession } from '../../../../core/contracts/auth.ts';
import type { SessionInfo } from '../../../../core/contracts/auth.ts';
import { call, lastContact, onServerContact } from '../../api/client.ts';
import { timeoutPlan } from './session-timeout.ts';
import { useSession } from './session.tsx';
import { useLogout } from './useLogout.ts';

const clockTime = (at: number) =>
  new Date(at).toLocaleTimeString('sv-SE', { hour: '2-digit', minute: '2-digit' });

/**
 * Warns before the session times out, and lets the user go on with one press (WCAG 2.2.1,
 * Timing Adjustable). When the time is up the page forgets what it showed, as the server has.
 */
export function SessionTimeout({ session }: { session: SessionInfo }) {
  const { end } = useSession();
  const logout = useLogout();
  const [contact, setContact] = useState(lastContact);
  const [warning, setWarning] = useState<'idle' | 'absolute' | null>(null);
  const [absoluteSeen, setAbsoluteSeen] = useState(false);
  // Where the user was when a warning opened; focus goes back there when it closes.
  const returnFocus = useRef<HTMLElement | null>(null);

  useEffect(
    () =>
      onServerContact(() => {
        // Activity puts off the idle logout, not the hard end: only the idle warning goes.
        setContact(lastContact());
        setWarning((shown) => (shown === 'idle' ? null : shown));
      }),
    [],
  );

  const { kind, warnAt, endsAt } = timeoutPlan(
    contact,
    session.idleTimeoutSeconds,
    Date.parse(session.expiresAt),
  );
  const absolute = kind === 'absolute';

  useEffect(() => {
    const now = Date.now();
    const timers = [
      setTimeout(
        () => {
          if (absolute && absoluteSeen) return;
          if (document.activeElement instanceof HTMLElement) {
            returnFocus.current = document.activeElement;
          }
          setWarning(absolute ? 'absolute' : 'idle');
        },
        Math.max(0, warnAt - now),
      ),
      setTimeout(
        () => {
          end('expired');
        },
        Math.max(0, endsAt - now),
      ),
    ];
    return () => {
      for (const timer of timers) clearTimeout(timer);
    };
  }, [warnAt, endsAt, absolute, absoluteSeen, end]);

  useEffect(() => {
    if (warning !== null || !returnFocus.current) return;
    returnFocus.current.focus();
    returnFocus.current = null;
  }, [warning]);

  const goOn = () => {
    setWarning(null);
    // Any answer counts as activity; a 401 instead ends the session through the client.
    void call(getSession).catch(() => undefined);
  };

  // Without a close button (X) the first thing in the dialog, and so the focus, is its answer.
  if (warning === 'absolute') {
    const understood = () => {
      setAbsoluteSeen(true);
      setWarning(null);
    };
    return (
      <Modal
        open
        onClose={understood}
        header={{ heading: 'Din inloggning upphör snart', closeButton: false }}
        width="small"
      >
        <Modal.Body>
          <BodyLong>
            Av säkerhetsskäl gäller en inloggning en begränsad tid. Din upphör kl{' '}
            {clockTime(endsAt)}. Spara det du arbetar med och logga sedan in igen.
          </BodyLong>
        </Modal.Body>
        <Modal.Footer>
          <Button type="button" onClick={understood}>
            Jag förstår
          </Button>
        </Modal.Footer>
      </Modal>
    );
  }
  if (warning === 'idle') {
    return (
      <Modal
        open
        onClose={goOn}
        header={{ heading: 'Vill du fortsätta arbeta?', closeButton: false }}
        width="small"
      >
        <Modal.Body>
          <BodyLong>
            Du har inte använt Värn på en stund. Av säkerhetsskäl loggas du ut kl{' '}
            {clockTime(endsAt)} om du inte fortsätter. Det du har sparat finns kvar.
          </BodyLong>
        </Modal.Body>
        <Modal.Footer>
          <HStack gap="space-8">
            <Button type="button" onClick={goOn}>
              Fortsätt arbeta
            </Button>
            <Button
              type="button"
              variant="secondary"
              loading={logout.isPending}
              onClick={() => {
                logout.mutate();
              }}
            >
              Logga ut
            </Button>
          </HStack>
        </Modal.Footer>
      </Modal>
    );
  }
  return null;
}
