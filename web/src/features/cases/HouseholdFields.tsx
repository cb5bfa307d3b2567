import { BodyShort, Checkbox, Fieldset, HGrid, Select, TextField, VStack } from '@navikt/ds-react';
import type { ReactNode } from 'react';
import { counterpartRelations } from '../../../../core/domain/counterparts.ts';
import type { CounterpartRelation } from '../../../../core/domain/counterparts.ts';
import type { AdultRow, ChildRow, IntakeForm } from './intake-form.ts';
import {
  childFamilyName,
  isBlankAdult,
  isBlankChild,
  newAdult,
  newChild,
  sentIndexes,
} from './intake-form.ts';

/** The relation of a counterpart to the person, as a social worker says it. */
const relationLabels: Record<CounterpartRelation, string> = {
  partner: 'Partner, make/maka eller sambo',
  former_partner: 'Tidigare partner',
  parent: 'Förälder',
  child: 'Vuxet barn',
  sibling: 'Syskon',
  other_relative: 'Annan släkting',
  other: 'Annan',
};

/** A label that reads the same as its neighbours' on screen and says which row to a screen reader. */
const rowLabel = (text: string, row: string): ReactNode => (
  <>
    {text}
    <span className="visually-hidden"> för {row}</span>
  </>
);

/**
 * The household told at intake: the person who uses violence and other adults, and the children.
 * A row is always ready at the end of each list — typing in it adds the next — so the common call
 * (her partner, two children) needs no button; a row left empty is not sent.
 */
export function HouseholdFields({ form }: { form: IntakeForm }) {
  const { values, set } = form;
  const adultAt = sentIndexes(values.adults, isBlankAdult);
  const childAt = sentIndexes(values.children, isBlankChild);

  const setAdult = (i: number, patch: Partial<AdultRow>) => {
    const adults = values.adults.map((a, j) => (j === i ? { ...a, ...patch } : a));
    const last = adults.at(-1);
    if (last && !isBlankAdult(last)) adults.push(newAdult(false));
    set({ adults });
  };
  const setChild = (i: number, patch: Partial<ChildRow>) => {
    const children = values.children.map((c, j) => (j === i ? { ...c, ...patch } : c));
    const last = children.at(-1);
    if (last && !isBlankChild(last)) children.push(newChild());
    set({ children });
  };
  // The error and the input's id at the row's place in what is sent; a blank row has none.
  const field = (list: 'adults' | 'children', at: number | null | undefined, path: string) =>
    at === null || at === undefined
      ? { id: `${form.formId}-${list}-ny-${path.replace(/\./g, '-')}`, error: undefined }
      : {
          id: form.idOf(`household.${list}.${String(at)}.${path}`),
          error: form.errorOf(`household.${list}.${String(at)}.${path}`),
        };

  return (
    <Fieldset
      legend="Hushållet"
      description="Den som utövar våld, andra vuxna och barnen. Fyll i det som är känt; en tom rad sparas inte."
      size="medium"
    >
      <VStack gap="space-24">
        {values.adults.map((a, i) => {
          const row = `vuxen ${String(i + 1)}`;
          const at = adultAt[i];
          const name = field('adults', at, 'givenName');
          return (
            <Fieldset
              key={`adult-${String(i)}`}
              legend={`Vuxen ${String(i + 1)}`}
              description={i === 0 ? 'Börja med den som utövar våld mot personen.' : undefined}
              size="small"
              className="indented"
            >
              <VStack gap="space-16">
                <HGrid gap="space-16" columns={{ xs: 1, md: 3 }}>
                  <TextField
                    {...name}
                    label={rowLabel('Förnamn', row)}
                    autoComplete="off"
                    value={a.givenName}
                    onChange={(e) => {
                      setAdult(i, { givenName: e.target.value });
                    }}
                  />
                  <TextField
                    {...field('adults', at, 'familyName')}
                    label={rowLabel('Efternamn', row)}
                    autoComplete="off"
                    value={a.familyName}
                    onChange={(e) => {
                      setAdult(i, { familyName: e.target.value });
                    }}
                  />
                  <TextField
                    {...field('adults', at, 'identity.number')}
                    label={rowLabel('Personnummer', row)}
                    description="Om det är känt"
                    autoComplete="off"
                    value={a.idNumber}
                    onChange={(e) => {
                      setAdult(i, { idNumber: e.target.value });
                    }}
                  />
                </HGrid>
                <HGrid gap="space-16" columns={{ xs: 1, md: 3 }} align="end">
                  <Select
                    {...field('adults', at, 'relation')}
                    label={rowLabel('Relation till personen', row)}
                    value={a.relation}
                    onChange={(e) => {
                      setAdult(i, { relation: e.target.value as CounterpartRelation });
                    }}
                  >
                    {counterpartRelations.map((r) => (
                      <option key={r} value={r}>
                        {relationLabels[r]}
                      </option>
                    ))}
                  </Select>
                  <Select
                    {...field('adults', at, 'livesTogether')}
                    label={rowLabel('Bor ihop med personen?', row)}
                    value={a.livesTogether}
                    onChange={(e) => {
                      setAdult(i, { livesTogether: e.target.value as AdultRow['livesTogether'] });
                    }}
                  >
                    <option value="">Vet inte</option>
                    <option value="yes">Ja</option>
                    <option value="no">Nej</option>
                  </Select>
                  <Checkbox
                    checked={a.usesViolence}
                    onChange={(e) => {
                      setAdult(i, { usesViolence: e.target.checked });
                    }}
                  >
                    {rowLabel('Utövar våld mot personen', row)}
                  </Checkbox>
                </HGrid>
              </VStack>
            </Fieldset>
          );
        })}

        {values.targetGroup === 'child' ? (
          <BodyShort>
            Barn i hushållet registreras i ärendet om den vuxna, inte i barnets eget ärende.
          </BodyShort>
        ) : (
          values.children.map((c, i) => {
            const row = `barn ${String(i + 1)}`;
            const at = childAt[i];
            const age = field('children', at, 'statedAge');
            const number = field('children', at, 'identity.number');
            return (
              <Fieldset
                key={`child-${String(i)}`}
                legend={`Barn ${String(i + 1)}`}
                description={
                  i === 0
                    ? 'Varje barn får en plikt att göra orosanmälan i ärendet direkt när aktualiseringen sparas.'
                    : undefined
                }
                size="small"
                className="indented"
              >
                <VStack gap="space-16">
                  <HGrid gap="space-16" columns={{ xs: 1, md: 3 }}>
                    <TextField
                      {...field('children', at, 'givenName')}
                      label={rowLabel('Förnamn', row)}
                      autoComplete="off"
                      value={c.givenName}
                      onChange={(e) => {
                        setChild(i, { givenName: e.target.value });
                      }}
                    />
                    <TextField
                      {...field('children', at, 'familyName')}
                      label={rowLabel('Efternamn', row)}
                      autoComplete="off"
                      value={childFamilyName(c, values)}
                      onChange={(e) => {
                        setChild(i, { familyName: e.target.value });
                      }}
                    />
                    <TextField
                      // One field for what is known: the age in years, or the personnummer.
                      id={number.error ? number.id : age.id}
                      error={age.error ?? number.error}
                      label={rowLabel('Ålder eller personnummer', row)}
                      description="Till exempel 7 eller 20180305-1234"
                      autoComplete="off"
                      htmlSize={16}
                      value={c.ageOrNumber}
                      onChange={(e) => {
                        setChild(i, { ageOrNumber: e.target.value });
                      }}
                    />
                  </HGrid>
                  <Checkbox
                    checked={c.guardian}
                    onChange={(e) => {
                      setChild(i, { guardian: e.target.checked });
                    }}
                  >
                    {rowLabel('Personen är vårdnadshavare', row)}
                  </Checkbox>
                </VStack>
              </Fieldset>
            );
          })
        )}
      </VStack>
    </Fieldset>
  );
}
