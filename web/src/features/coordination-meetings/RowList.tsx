import { Button, Fieldset, VStack } from '@navikt/ds-react';
import type { ReactNode } from 'react';

/** A label that reads the same as its neighbours' on screen and says which row to a screen reader. */
export const rowLabel = (text: string, row: string | undefined): ReactNode =>
  row ? (
    <>
      {text}
      <span className="visually-hidden"> för {row}</span>
    </>
  ) : (
    text
  );

/** A small button on a line of its own that opens or adds something. */
export function OpenButton({
  children,
  onClick,
  variant = 'secondary',
}: {
  children: ReactNode;
  onClick: () => void;
  variant?: 'secondary' | 'tertiary';
}) {
  return (
    <div>
      <Button
        type="button"
        size="small"
        variant={variant}
        onClick={() => {
          onClick();
        }}
      >
        {children}
      </Button>
    </div>
  );
}

/**
 * A list of rows the person adds to and removes from (the participants of a samråd, the points
 * of its minutes): each row a fieldset "Deltagare 2", with "Ta bort" that says which row, and
 * "Lägg till …" after the last.
 */
export function RowList({
  count,
  noun,
  min,
  addLabel,
  onAdd,
  onRemove,
  children,
}: {
  count: number;
  /** "deltagare", "punkt": the legend of row 2 is "Deltagare 2". */
  noun: string;
  /** The rows that always stay. */
  min: number;
  addLabel: string;
  onAdd: () => void;
  onRemove: (index: number) => void;
  children: (index: number, rowName: string) => ReactNode;
}) {
  const rows = Array.from({ length: count }, (_, i) => i);
  return (
    <>
      <VStack gap="space-24" as="ol" className="plain-list">
        {rows.map((i) => {
          const rowName = `${noun} ${String(i + 1)}`;
          return (
            <li key={rowName}>
              <Fieldset
                legend={rowName.charAt(0).toUpperCase() + rowName.slice(1)}
                size="small"
                className="indented"
              >
                <VStack gap="space-12">
                  {children(i, rowName)}
                  {count > min ? (
                    <OpenButton
                      variant="tertiary"
                      onClick={() => {
                        onRemove(i);
                      }}
                    >
                      Ta bort<span className="visually-hidden"> {rowName}</span>
                    </OpenButton>
                  ) : null}
                </VStack>
              </Fieldset>
            </li>
          );
        })}
      </VStack>
      <OpenButton onClick={onAdd}>{addLabel}</OpenButton>
    </>
  );
}
