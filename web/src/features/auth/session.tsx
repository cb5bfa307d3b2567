import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getSession } from '../../../../core/contracts/auth.ts';
import type { SessionInfo } from '../../../../core/contracts/auth.ts';
import { ApiError, call, setCsrfToken, setUnauthenticatedListener } from '../../api/client.ts';

/** Why the user is looking at the login page again, if they were signed in a moment ago. */
export type SignedOutReason = 'logged_out' | 'expired';

interface SessionContextValue {
  /** Undefined while loading, null when nobody is signed in. */
  session: SessionInfo | null | undefined;
  loadError: unknown;
  signedOut: SignedOutReason | null;
  /** Takes a session the server answered with (login, second factor, enrollment). */
  accept: (info: SessionInfo) => void;
  /** Forgets the session and everything fetched under it. */
  end: (reason: SignedOutReason) => void;
}

const SessionContext = createContext<SessionContextValue | undefined>(undefined);
const sessionKey = ['session'] as const;

async function loadSession(): Promise<SessionInfo | null> {
  try {
    const info = await call(getSession);
    setCsrfToken(info.csrfToken);
    return info;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: sessionKey,
    queryFn: loadSession,
    staleTime: Infinity,
    gcTime: Infinity,
    retry: false,
  });
  const [signedOut, setSignedOut] = useState<SignedOutReason | null>(null);

  const end = useCallback(
    (reason: SignedOutReason) => {
      setCsrfToken(undefined);
      setSignedOut(reason);
      queryClient.setQueryData(sessionKey, null);
      // Nothing fetched under the old session stays in memory.
      void queryClient.cancelQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
    },
    [queryClient],
  );

  const accept = useCallback(
    (info: SessionInfo) => {
      setCsrfToken(info.csrfToken);
      if (info.stage === 'active') setSignedOut(null);
      queryClient.setQueryData(sessionKey, info);
    },
    [queryClient],
  );

  // A 401 on any call while signed in means the session ended on the server (idle, expired).
  const signedIn = Boolean(query.data);
  useEffect(() => {
    setUnauthenticatedListener(
      signedIn
        ? () => {
            end('expired');
          }
        : undefined,
    );
    return () => {
      setUnauthenticatedListener(undefined);
    };
  }, [signedIn, end]);

  const value = useMemo<SessionContextValue>(
    () => ({ session: query.data, loadError: query.error, signedOut, accept, end }),
    [query.data, query.error, signedOut, accept, end],
  );
  return <SessionContext value={value}>{children}</SessionContext>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The signed-in, fully logged-in session; only for pages behind the login. */
export function useActiveSession(): SessionInfo {
  const { session } = useSession();
  if (!session || session.stage !== 'active') throw new Error('no active session');
  return session;
}
