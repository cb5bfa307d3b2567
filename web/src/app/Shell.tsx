import { useEffect, useRef } from 'react';
import { Alert, InternalHeader, Spacer } from '@navikt/ds-react';
import { useQuery } from '@tanstack/react-query';
import { NavLink, Outlet, useLocation } from 'react-router';
import { getAppInfo } from '../../../core/contracts/system.ts';
import { call } from '../api/client.ts';

/** The areas of Värn. Each later issue fills one in; until then the page says what will be there. */
export const areas = [
  { path: '/arenden', label: 'Mina ärenden' },
  { path: '/personer', label: 'Sök person' },
  { path: '/loggkontroll', label: 'Loggkontroll' },
  { path: '/statistik', label: 'Uppföljning' },
  { path: '/administration', label: 'Administration' },
] as const;

function useFocusHeadingOnNavigation() {
  const location = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    document.querySelector<HTMLElement>('[data-page-heading]')?.focus();
  }, [location.pathname]);
}

export function Shell() {
  useFocusHeadingOnNavigation();
  const info = useQuery({ queryKey: ['app-info'], queryFn: () => call(getAppInfo) });

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
      </InternalHeader>
      {info.data?.demo ? (
        <Alert variant="warning" size="small" fullWidth className="demo-banner">
          Demoversion: alla personer och ärenden är påhittade. Skriv aldrig in riktiga uppgifter
          här.
        </Alert>
      ) : null}
      <nav aria-label="Huvudmeny" className="main-nav">
        <ul>
          {areas.map((area) => (
            <li key={area.path}>
              <NavLink to={area.path}>{area.label}</NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <main id="huvudinnehall" className="main">
        <Outlet />
      </main>
    </div>
  );
}
