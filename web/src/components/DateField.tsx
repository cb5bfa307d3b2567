import { TextField } from '@navikt/ds-react';
import type { ComponentProps } from 'react';

/** A date typed as ÅÅÅÅ-MM-DD: short, and never filled in from the browser's memory. */
export function DateField(props: Omit<ComponentProps<typeof TextField>, 'description'>) {
  return <TextField description="ÅÅÅÅ-MM-DD" htmlSize={12} autoComplete="off" {...props} />;
}
