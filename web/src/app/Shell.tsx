import { lazy, Suspense, useEffect, useRef } from 'react';
import { Alert, InternalHeader, Spacer } from '@navikt/ds-react';
import { LeaveIcon } from '@navikt/aksel-icons';
import { useQuery } from '@tanstack/react-query';
import { NavLink, Outlet, useLocation } from 'react-router';
import type { SessionInfo } from '../../../core/contracts/auth.ts';
import { getAppInfo } from '../../../core/contracts/system.ts';
import { call } from '../api/client.ts';
import { ApiErrorAlert } from '../components/ApiErrorAlert.tsx';
import { Loading } from '../components/Loading.tsx';
import { LoginPage } from '../features/auth/LoginPage.tsx';
import { useSession } from '../features/auth/session.tsx';
import { useLogout } from '../features/auth/useLogout.ts';
import { areas } from './areas.ts';
import { requestHeadingFocus } from './page.ts';
import { roleLabels } from './labels.ts';

// Only the login page is part of the first load; the later steps of signing in, and the
// session's timeout dialog, come when they are needed.
const SecondFactorPage = lazy(() =>
  import('../features/auth/SecondFactorPage.tsx').then((m) => ({ default: m.SecondFactorPage })),
);
const EnrollmentPage = lazy(() =>
  import('../features/auth/EnrollmentPage.tsx').then((m) => ({ default: m.EnrollmentPage })),
);
const SessionTimeout = lazy(() =>
  import('../features/auth/SessionTimeout.tsx').then((m) => ({ default: m.SessionTimeout })),
);

/** After a navigation or a login step, focus goes to the new page's heading, not the menu. */
function useFocusHeadingOnChange(key: string) {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    requestHeadingFocus();
  }, [key]);
}

function describeGrants(session: SessionInfo) {
  const [first, ...rest] = session.user.grants;
  if (!first) return undefined;
  const text = `${roleLabels[first.role]}, ${first.unitName}`;
  return rest.length > 0 ? `${text} (+${rest.length})` : text;
}

function MainContent() {
  const { session } = useSession();
  if (session === null) return <LoginPage />;
  const step =
    session?.stage === 'second_factor' ? (
      <SecondFactorPage />
    ) : session?.stage === 'enrollment' ? (
      <EnrollmentPage />
    ) : null;
  if (step) return <Suspense fallback={<Loading label="Öppnar nästa steg…" />}>{step}</Suspense>;
  return <Outlet />;
}

export function Shell() {
  const location = useLocation();
  const { session, loadError } = useSession();
  const active = session?.stage === 'active' ? session : undefined;
  useFocusHeadingOnChange(`${location.pathname}|${session?.stage ?? 'none'}`);
  const info = useQuery({ queryKey: ['app-info'], queryFn: () => call(getAppInfo) });
  const logout = useLogout();
  // Until the session, and whether this is a demo installation, are known, only the header and
  // a loading line show — in an element of their own, not in <main>. The banner, the menu and
  // the page then appear in one frame, and nothing already on screen is pushed down.
  const booting = session === undefined || (info.isPending && !loadError);

  return (
    <div className="shell">
      <a className="skip-link" href="#huvudinnehall">
        Hoppa till huvudinnehållet
      </a>
      <InternalHeader>
        <InternalHeader.Title as={NavLink} to="/">
          Värn
        </InternalHeader.Title>
        <Spacer />
        {active ? (
          <>
            <InternalHeader.User
              name={active.user.displayName}
              description={describeGrants(active)}
            />
            <InternalHeader.Button
              type="button"
              onClick={() => {
                logout.mutate();
              }}
              disabled={logout.isPending}
            >
              <LeaveIcon aria-hidden />
              Logga ut
            </InternalHeader.Button>
          </>
        ) : null}
      </InternalHeader>
      {booting ? (
        <div className="main">
          {loadError ? <ApiErrorAlert error={loadError} /> : <Loading label="Startar Värn…" />}
        </div>
      ) : null}
      {!booting && info.data?.demo ? (
        <Alert variant="warning" size="small" fullWidth className="demo-banner">
          Demoversion: alla personer och ärenden är påhittade. Skriv aldrig in riktiga uppgifter
          här.
        </Alert>
      ) : null}
      {active && !booting ? (
        <nav aria-label="Huvudmeny" className="main-nav">
          <ul>
            {areas
              .filter((area) => area.allowed(active))
              .map((area) => (
                <li key={area.path}>
                  <NavLink
                    to={area.path}
                    // The most specific area is the current one: on "Ny aktualisering"
                    // (/arenden/ny) "Mina ärenden" (/arenden) is not marked as well.
                    end={areas.some((a) => a.path.startsWith(`${area.path}/`))}
                  >
                    {area.label}
                  </NavLink>
                </li>
              ))}
          </ul>
        </nav>
      ) : null}
      {booting ? null : (
        <main id="huvudinnehall" className="main">
          <MainContent />
        </main>
      )}
      {active ? (
        <Suspense fallback={null}>
          <SessionTimeout session={active} />
        </Suspense>
      ) : null}
    </div>
  );
}
