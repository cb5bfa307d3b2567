import { useState } from 'react';
import type { ChangeEvent, SyntheticEvent } from 'react';
import type { z } from 'zod';
import type { BodyOf, Contract, ResponseOf } from '../../../core/contracts/contract.ts';
import type { FieldError } from '../../../core/contracts/errors.ts';
import { fieldId, fieldRules, messageFor, validateBody, withOwnErrors } from '../api/forms.ts';
import { useFormMutation } from './useFormMutation.ts';

type BodyContract = Contract & { body: z.ZodType };
type Values = Record<string, unknown>;
type TextKey<V> = { [K in keyof V]: V[K] extends string ? K : never }[keyof V] & string;
type FlagKey<V> = { [K in keyof V]: V[K] extends boolean ? K : never }[keyof V] & string;

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
  });

  const set = (patch: Partial<V>) => {
    setValues((v) => ({ ...v, ...patch }));
  };
  const pathOf = (name: string) => options.paths?.[name] ?? name;
  const errorOf = (path: string) => messageFor(save.fieldErrors, `body.${path}`);
  const idOf = (path: string) => fieldId(formId, `body.${path}`);

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
    save.submit(body as BodyOf<C>, withOwnErrors(schemaErrors, own));
  };

  return {
    values,
    set,
    /** True from a successful save until the next submit: for "… är sparad". */
    saved,
    mutation: save.mutation,
    fieldErrors: save.fieldErrors,
    generalError: save.generalError,
    errorOf,
    idOf,
    reset: () => {
      setValues(initial);
      setSaved(false);
      save.reset();
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
    /** A text field or textarea: `<TextField {...form.text('summary')} label=… />`. */
    text: (name: TextKey<V>) => ({
      id: idOf(pathOf(name)),
      value: values[name] as string,
      onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
        set({ [name]: event.target.value } as Partial<V>);
      },
      error: errorOf(pathOf(name)),
      maxLength: fieldRules(contract.body, pathOf(name)).maxLength,
    }),
    /** A select: a text field without a length. */
    select: (name: TextKey<V>) => ({
      id: idOf(pathOf(name)),
      value: values[name] as string,
      onChange: (event: ChangeEvent<HTMLSelectElement>) => {
        set({ [name]: event.target.value } as Partial<V>);
      },
      error: errorOf(pathOf(name)),
    }),
    /** A radio group: `<RadioGroup {...form.choice('level')} legend=…>`. */
    choice: (name: TextKey<V>) => ({
      id: idOf(pathOf(name)),
      value: values[name] as string,
      onChange: (value: string) => {
        set({ [name]: value } as Partial<V>);
      },
      error: errorOf(pathOf(name)),
    }),
    /** A single checkbox: `<Checkbox {...form.flag('confirmed')}>`. */
    flag: (name: FlagKey<V>) => ({
      id: idOf(pathOf(name)),
      checked: values[name] as boolean,
      onChange: (event: ChangeEvent<HTMLInputElement>) => {
        set({ [name]: event.target.checked } as Partial<V>);
      },
      error: errorOf(pathOf(name)),
    }),
  };
}
