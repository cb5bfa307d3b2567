import { Button } from '@navikt/ds-react';

/** The part of a paged (infinite) query the button needs. */
interface PagedQuery {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
}

/** "Visa fler" under a paged list, while there is more to show. */
export function ShowMoreButton({ query }: { query: PagedQuery }) {
  if (!query.hasNextPage) return null;
  return (
    <div>
      <Button
        variant="secondary"
        loading={query.isFetchingNextPage}
        onClick={() => {
          void query.fetchNextPage();
        }}
      >
        Visa fler
      </Button>
    </div>
  );
}
