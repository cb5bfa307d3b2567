import { useState } from 'react';
import type { ChangeEvent, SyntheticEvent } from 'react';
import type { z } from 'zod';
import type { BodyOf, Contract, ResponseOf } from '../../../core/contracts/contract.ts';
import type { FieldError } from '../../../core/contracts/errors.ts';
import { fieldId, fieldRules, messageFor, validateBody, withOwnErrors } from '../api/forms.ts';
import { useFormMutation } from './useFormMutation.ts';

type BodyContract = Contract & { body: z.ZodType };
type Values = Record<string, unknown>;
export type TextKey<V> = { [K in keyof V]: V[K] extends string ? K : never }[keyof V] & string;
export type FlagKey<V> = { [K in keyof V]: V[K] extends boolean ? K : never }[keyof V] & string;

/** What binds one input to its value and to the contract. */
export interface FieldBinding {
  id: string;
  error: string | undefined;
}
export interface TextBinding extends FieldBinding {
  value: string;
  onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => void;
}
/** A text with the contract's maxLength, which Aksel shows as a count of what is left. */
export interface LongTextBinding extends TextBinding {
  maxLength: number | undefined;
}
export interface SelectBinding extends FieldBinding {
  value: string;
  onChange: (event: ChangeEvent<HTMLSelectElement>) => void;
}
export interface ChoiceBinding extends FieldBinding {
  value: string;
  onChange: (value: string) => void;
}
/** A checkbox has no error of its own: a group of them has (CheckboxGroup). */
export interface FlagBinding {
  id: string;
  checked: boolean;
  onChange: (event: ChangeEvent<HTMLInputElement>) => void;
}

/**
 * The part of a bound form a group of fields needs, so one group (the fields of a beslut) can
 * serve forms of different contracts whose values include its own.
 */
export interface FieldBindings<V> {
  values: V;
  set: (patch: Partial<V>) => void;
  errorOf: (path: string) => string | undefined;
  idOf: (path: string) => string;
  text: (name: TextKey<V>) => TextBinding;
  longText: (name: TextKey<V>) => LongTextBinding;
  select: (name: TextKey<V>) => SelectBinding;
  choice: (name: TextKey<V>) => ChoiceBinding;
  flag: (name: FlagKey<V>) => FlagBinding;
}

export interface ContractFormOptions<C extends BodyContract, V extends Values> {
  /** Prefix of every field's id (`handelse` → `handelse-description`), linked from the summary. */
  formId: string;
  /** What the form starts with, and returns to on `reset`; placeholders ('') for empty choices. */
  initial: V;
  send: (body: BodyOf<C>) => Promise<ResponseOf<C>>;
  /**
   * The body the values stand for, where the two differ in shape; by default the values are the
   * body. It is checked against the contract before it is sent.
   */
  toBody?: (values: V) => unknown;
  /**
   * What the form knows better than the contract, in the contract's paths (`body.level`): an
   * empty choice gets "Välj risknivå." rather than the generic enum message.
   */
  check?: (values: V) => FieldError[];
  /**
   * Where a value stands in the body when not under its own name at the top
   * (`from` → `intake.from`): its id, error and maxLength follow the body's path.
   */
  paths?: { readonly [K in keyof V]?: string };
  /** Which of the contract's complaints apply yet (the person's fields, once it is chosen who). */
  relevant?: (error: FieldError, values: V) => boolean;
  /** The message for a choice still empty (''), in place of the contract's generic one. */
  unchosen?: { readonly [K in keyof V]?: string };
  onSuccess?: (result: ResponseOf<C>, body: BodyOf<C>) => void;
  onError?: (error: Error) => void;
  /** The fields that go back to `initial` once the body is saved; `true` for all of them. */
  clearOnSuccess?: true | readonly (keyof V)[];
}

/**
 * A form bound to its contract: its values, the wiring of each field (id, value, error and the
 * contract's maxLength), the error summary and the submit. The body is checked against the
 * contract's schema before it is sent, so a person gets the Swedish messages the server would give;
 * the server's own field errors land on the same fields. Built on useFormMutation, so a failed
 * call, an unreachable server and the retry of the same body behave as in every other form.
 */
export function useContractForm<C extends BodyContract, V extends Values>(
  contract: C,
  options: ContractFormOptions<C, V>,
) {
  const { formId, initial } = options;
  const [values, setValues] = useState<V>(initial);
  const [saved, setSaved] = useState(false);
  const save = useFormMutation<BodyOf<C>, ResponseOf<C>>(contract.body, {
    mutationFn: options.send,
    onSuccess: (result, body) => {
      setSaved(true);
      const clear = options.clearOnSuccess;
      if (clear === true) setValues(initial);
      else if (clear) {
        setValues((v) => ({ ...v, ...Object.fromEntries(clear.map((k) => [k, initial[k]])) }));
      }
      options.onSuccess?.(result, body);
    },
    onError: (error) => {
      options.onError?.(error);
    },
  });

  const set = (patch: Partial<V>) => {
    setValues((v) => ({ ...v, ...patch }));
  };
  const pathOf = (name: string) => options.paths?.[name] ?? name;
  const fieldPaths = Object.keys(initial).map(pathOf);

  const forget = () => {
    setSaved(false);
    save.reset();
  };

  const submit = () => {
    setSaved(false);
    const body = options.toBody ? options.toBody(values) : values;
    const unchosen = Object.entries(options.unchosen ?? {}).flatMap(([key, message]) =>
      values[key] === '' && message ? [{ path: `body.${pathOf(key)}`, message }] : [],
    );
    const own = [...unchosen, ...(options.check?.(values) ?? [])];
    // Only sent once the contract's schema accepts it, so the body is the contract's body.
    const schemaErrors = validateBody(contract.body, body).filter(
      (e) => options.relevant?.(e, values) ?? true,
    );
    save.submit(body as BodyOf<C>, inFieldOrder(withOwnErrors(schemaErrors, own), fieldPaths));
  };

  const bindings = bindFields(contract.body, {
    formId,
    values,
    set,
    errors: save.fieldErrors,
    paths: options.paths,
  });

  return {
    ...bindings,
    formId,
    /** True from a successful save until the next submit: for "… är sparad". */
    saved,
    mutation: save.mutation,
    fieldErrors: save.fieldErrors,
    generalError: save.generalError,
    /** Forget the last submit's outcome (errors, answer), keep what is typed. */
    forget,
    /** Back to `initial`, with the last outcome forgotten. */
    reset: () => {
      setValues(initial);
      forget();
    },
    submit,
    /** `<form {...form.formProps}>`: the contract checks the body, not the browser. */
    formProps: {
      noValidate: true,
      onSubmit: (event: SyntheticEvent) => {
        event.preventDefault();
        submit();
      },
    },
    /** `<FormErrorSummary {...form.summaryProps} />` */
    summaryProps: { formId, errors: save.fieldErrors },
  };
}

/**
 * The errors in the order of the form's fields (the order of its values), so the summary reads
 * as the form does: the schema's order is the contract's, and a form's own findings come last.
 * An error under a field's path (`person.personId` under `person`) goes with that field.
 */
export function inFieldOrder(errors: readonly FieldError[], paths: readonly string[]) {
  const rank = (error: FieldError) => {
    const path = error.path.replace(/^body\./, '');
    let best = -1;
    paths.forEach((p, index) => {
      const under = path === p || path.startsWith(`${p}.`);
      if (under && (best === -1 || p.length > (paths[best]?.length ?? 0))) best = index;
    });
    return best === -1 ? paths.length : best;
  };
  return errors
    .map((error, index) => ({ error, index, rank: rank(error) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map((e) => e.error);
}

/**
 * The wiring of each field of a body schema to values held anywhere: the hook's own state, or a
 * search whose answer is a query (the access log). `errors` in the contract's paths.
 */
export function bindFields<V extends Values>(
  schema: z.ZodType,
  {
    formId,
    values,
    set,
    errors,
    paths,
  }: {
    formId: string;
    values: V;
    set: (patch: Partial<V>) => void;
    errors: readonly FieldError[];
    paths?: { readonly [K in keyof V]?: string } | undefined;
  },
): FieldBindings<V> {
  const pathOf = (name: string) => paths?.[name] ?? name;
  const errorOf = (path: string) => messageFor(errors, `body.${path}`);
  const idOf = (path: string) => fieldId(formId, `body.${path}`);
  return {
    values,
    set,
    errorOf,
    idOf,
    /** A short text (a name, a date): `<TextField {...form.text('from')} label=… />`. */
    text: (name) => ({
      id: idOf(pathOf(name)),
      value: values[name] as string,
      onChange: (event) => {
        set({ [name]: event.target.value } as Partial<V>);
      },
      error: errorOf(pathOf(name)),
    }),
    /**
     * A text the person writes at length: `<Textarea {...form.longText('summary')} label=… />`,
     * bounded by the contract's maxLength and counted down as they write.
     */
    longText: (name) => ({
      id: idOf(pathOf(name)),
      value: values[name] as string,
      onChange: (event) => {
        set({ [name]: event.target.value } as Partial<V>);
      },
      error: errorOf(pathOf(name)),
      maxLength: fieldRules(schema, pathOf(name)).maxLength,
    }),
    /** A select: a text field without a length. */
    select: (name) => ({
      id: idOf(pathOf(name)),
      value: values[name] as string,
      onChange: (event) => {
        set({ [name]: event.target.value } as Partial<V>);
      },
      error: errorOf(pathOf(name)),
    }),
    /** A radio group: `<RadioGroup {...form.choice('level')} legend=…>`. */
    choice: (name) => ({
      id: idOf(pathOf(name)),
      value: values[name] as string,
      onChange: (value) => {
        set({ [name]: value } as Partial<V>);
      },
      error: errorOf(pathOf(name)),
    }),
    /** A single checkbox: `<Checkbox {...form.flag('confirmed')}>`. */
    flag: (name) => ({
      id: idOf(pathOf(name)),
      checked: values[name] as boolean,
      onChange: (event) => {
        set({ [name]: event.target.checked } as Partial<V>);
      },
    }),
  };
}
