import { Provider as AkselProvider } from '@navikt/ds-react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { HomePage } from '../features/home/HomePage.tsx';
import { NotFoundPage } from '../features/home/NotFoundPage.tsx';
import { PlaceholderPage } from '../features/home/PlaceholderPage.tsx';
import { akselSv } from './aksel-sv.ts';
import { Shell } from './Shell.tsx';

const queryClient = new QueryClient({
  defaultOptions: {
    // Personal data is not kept around longer than the screen that shows it needs it.
    queries: { retry: 1, staleTime: 10_000, gcTime: 60_000, refetchOnWindowFocus: false },
  },
});

const router = createBrowserRouter([
  {
    element: <Shell />,
    children: [
      { index: true, element: <HomePage /> },
      {
        path: 'arenden',
        element: (
          <PlaceholderPage
            title="Mina ärenden"
            description="Här samlas dina ärenden med frister, risknivå och det som väntar på dig."
          />
        ),
      },
      {
        path: 'personer',
        element: (
          <PlaceholderPage
            title="Sök person"
            description="Här söker du fram en personakt med personnummer eller namn, om du har en arbetsrelation till personen."
          />
        ),
      },
      {
        path: 'loggkontroll',
        element: (
          <PlaceholderPage
            title="Loggkontroll"
            description="Här granskar enhetschefen vem som har läst vad, med åtkomst till skyddade personer och nödåtkomst överst."
          />
        ),
      },
      {
        path: 'statistik',
        element: (
          <PlaceholderPage
            title="Uppföljning"
            description="Här visas avidentifierad statistik för systematisk uppföljning av arbetet."
          />
        ),
      },
      {
        path: 'administration',
        element: (
          <PlaceholderPage
            title="Administration"
            description="Här hanterar administratören enheter, användare, roller, delegation och kataloger."
          />
        ),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

export function App() {
  return (
    <AkselProvider locale={akselSv}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </AkselProvider>
  );
}
