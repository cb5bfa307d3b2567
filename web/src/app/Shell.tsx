import { useEffect, useRef } from 'react';
import { Alert, InternalHeader, Spacer } from '@navikt/ds-react';
import { LeaveIcon } from '@navikt/aksel-icons';
import { useQuery } from '@tanstack/react-query';
import { NavLink, Outlet, useLocation } from 'react-router';
import type { SessionInfo } from '../../../core/contracts/auth.ts';
import { getAppInfo } from '../../../core/contracts/system.ts';
import { call } from '../api/client.ts';
import { ApiErrorAlert } from '../components/ApiErrorAlert.tsx';
import { Loading } from '../components/Loading.tsx';
import { EnrollmentPage } from '../features/auth/EnrollmentPage.tsx';
import { LoginPage } from '../features/auth/LoginPage.tsx';
import { SecondFactorPage } from '../features/auth/SecondFactorPage.tsx';
import { useSession } from '../features/auth/session.tsx';
import { SessionTimeout } from '../features/auth/SessionTimeout.tsx';
import { useLogout } from '../features/auth/useLogout.ts';
import { areas } from './areas.ts';
import { roleLabels } from './labels.ts';

/** After a navigation or a login step, focus goes to the new page's heading, not the menu. */
function useFocusHeadingOnChange(key: string) {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    document.querySelector<HTMLElement>('[data-page-heading]')?.focus();
  }, [key]);
}

function describeGrants(session: SessionInfo) {
  const [first, ...rest] = session.user.grants;
  if (!first) return undefined;
  const text = `${roleLabels[first.role]}, ${first.unitName}`;
  return rest.length > 0 ? `${text} (+${rest.length})` : text;
}

function MainContent() {
  const { session, loadError } = useSession();
  if (session === undefined) {
    return loadError ? <ApiErrorAlert error={loadError} /> : <Loading label="Startar Värn…" />;
  }
  if (session === null) return <LoginPage />;
  if (session.stage === 'second_factor') return <SecondFactorPage />;
  if (session.stage === 'enrollment') return <EnrollmentPage />;
  return <Outlet />;
}

export function Shell() {
  const location = useLocation();
  const { session } = useSession();
  const active = session?.stage === 'active' ? session : undefined;
  useFocusHeadingOnChange(`${location.pathname}|${session?.stage ?? 'none'}`);
  const info = useQuery({ queryKey: ['app-info'], queryFn: () => call(getAppInfo) });
  const logout = useLogout();

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
      {info.data?.demo ? (
        <Alert variant="warning" size="small" fullWidth className="demo-banner">
          Demoversion: alla personer och ärenden är påhittade. Skriv aldrig in riktiga uppgifter
          här.
        </Alert>
      ) : null}
      {active ? (
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
      <main id="huvudinnehall" className="main">
        <MainContent />
      </main>
      {active ? <SessionTimeout session={active} /> : null}
    </div>
  );
}
