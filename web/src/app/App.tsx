import { Suspense } from 'react';
import type { ReactNode } from 'react';
import { Provider as AkselProvider } from '@navikt/ds-react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { ApiError } from '../api/client.ts';
import { Loading } from '../components/Loading.tsx';
import { RequireArea } from '../components/RequireArea.tsx';
import { SessionProvider } from '../features/auth/session.tsx';
import { HomePage } from '../features/home/HomePage.tsx';
import { NotFoundPage } from '../features/home/NotFoundPage.tsx';
import { PlaceholderPage } from '../features/home/PlaceholderPage.tsx';
import { akselSv } from './aksel-sv.ts';
import { lazyPage } from './lazy-page.ts';
import { Shell } from './Shell.tsx';

// Every page but the start page is loaded when first opened: the login page, which everyone
// sees first and on the slowest connections too, loads only what it needs (issue 21).
const MyCasesPage = lazyPage(() => import('../features/cases/MyCasesPage.tsx'), 'MyCasesPage');
const SearchPersonPage = lazyPage(
  () => import('../features/persons/SearchPersonPage.tsx'),
  'SearchPersonPage',
);
const PersonPage = lazyPage(() => import('../features/persons/PersonPage.tsx'), 'PersonPage');
// The manager's and the administrator's pages.
const AccessLogPage = lazyPage(
  () => import('../features/access-log/AccessLogPage.tsx'),
  'AccessLogPage',
);
const AdminPage = lazyPage(() => import('../features/admin/AdminPage.tsx'), 'AdminPage');
// The case screens are the biggest part of the client: loaded when a case is first opened.
const NewIntakePage = lazyPage(
  () => import('../features/cases/NewIntakePage.tsx'),
  'NewIntakePage',
);
// The receiving side of an överflyttning: a package read in as a new case.
const ReceiveTransferPage = lazyPage(
  () => import('../features/transfers/ReceiveTransferPage.tsx'),
  'ReceiveTransferPage',
);
const FamilyPage = lazyPage(() => import('../features/family/FamilyPage.tsx'), 'FamilyPage');
const CasePage = lazyPage(() => import('../features/cases/CasePage.tsx'), 'CasePage');
// The provider's pages: its uppdrag (issue 13).
const MyCommissionsPage = lazyPage(
  () => import('../features/commissions/MyCommissionsPage.tsx'),
  'MyCommissionsPage',
);
const CommissionPage = lazyPage(
  () => import('../features/commissions/CommissionPage.tsx'),
  'CommissionPage',
);
// Samråd: those the user holds or takes part in, and one samråd with its files (issue 15).
const MeetingsPage = lazyPage(
  () => import('../features/coordination-meetings/MeetingsPage.tsx'),
  'MeetingsPage',
);
const MeetingPage = lazyPage(
  () => import('../features/coordination-meetings/MeetingPage.tsx'),
  'MeetingPage',
);
const AdminUserPage = lazyPage(
  () => import('../features/admin/AdminUserPage.tsx'),
  'AdminUserPage',
);

const queryClient = new QueryClient({
  defaultOptions: {
    // Personal data is not kept around longer than the screen that shows it needs it.
    queries: {
      // A refusal (4xx) will not change on a second try; a network hiccup or 5xx might.
      retry: (failures, error) =>
        failures < 1 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      staleTime: 10_000,
      gcTime: 60_000,
      refetchOnWindowFocus: false,
      networkMode: 'always',
    },
    // Left to itself, the query library holds back every call while the browser thinks it is
    // offline: a save would spin without a word until the network returns, and be lost if the
    // tab closed meanwhile. Always sending lets the call fail, so the person is told that Värn
    // cannot be reached and that the text is still there, and can save again when it can.
    mutations: { networkMode: 'always' },
  },
});

const area = (path: string, page: ReactNode) => (
  <RequireArea path={path}>
    <Suspense fallback={<Loading label="Öppnar sidan…" />}>{page}</Suspense>
  </RequireArea>
);

const router = createBrowserRouter([
  {
    element: <Shell />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'arenden', element: area('/arenden', <MyCasesPage />) },
      { path: 'arenden/ny', element: area('/arenden/ny', <NewIntakePage />) },
      {
        path: 'overflyttning/ta-emot',
        element: area('/overflyttning/ta-emot', <ReceiveTransferPage />),
      },
      // A case is opened through a work relation (or nödåtkomst); the server decides.
      {
        path: 'arenden/:caseId',
        element: (
          <Suspense fallback={<Loading label="Öppnar ärendet…" />}>
            <CasePage />
          </Suspense>
        ),
      },
      // Familjen: the persons around the case, as far as the reader may know of each.
      {
        path: 'arenden/:caseId/familj',
        element: (
          <Suspense fallback={<Loading label="Öppnar familjen…" />}>
            <FamilyPage />
          </Suspense>
        ),
      },
      { path: 'uppdrag', element: area('/uppdrag', <MyCommissionsPage />) },
      { path: 'uppdrag/:commissionId', element: area('/uppdrag', <CommissionPage />) },
      { path: 'samrad', element: area('/samrad', <MeetingsPage />) },
      { path: 'samrad/:meetingId', element: area('/samrad', <MeetingPage />) },
      { path: 'personer', element: area('/personer', <SearchPersonPage />) },
      // A personakt is opened through a work relation (or nödåtkomst); the server decides.
      {
        path: 'personer/:personId',
        element: (
          <Suspense fallback={<Loading label="Öppnar personakten…" />}>
            <PersonPage />
          </Suspense>
        ),
      },
      { path: 'loggkontroll', element: area('/loggkontroll', <AccessLogPage />) },
      {
        path: 'statistik',
        element: area(
          '/statistik',
          <PlaceholderPage
            title="Uppföljning"
            description="Här kommer avidentifierad statistik för systematisk uppföljning av arbetet: antal våldsutsatta, våldsutövare och barn, insatser och deras resultat, ledtider. Den delen av Värn kommer i en senare version."
          />,
        ),
      },
      { path: 'administration', element: area('/administration', <AdminPage />) },
      {
        path: 'administration/anvandare/:userId',
        element: area('/administration', <AdminUserPage />),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

export function App() {
  return (
    <AkselProvider locale={akselSv}>
      <QueryClientProvider client={queryClient}>
        <SessionProvider>
          <RouterProvider router={router} />
        </SessionProvider>
      </QueryClientProvider>
    </AkselProvider>
  );
}
