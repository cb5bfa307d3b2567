import { useState } from 'react';
import {
  BodyShort,
  Button,
  Checkbox,
  Heading,
  Radio,
  RadioGroup,
  ReadMore,
  Select,
  Textarea,
  VStack,
} from '@navikt/ds-react';
import { useQueryClient } from '@tanstack/react-query';
import type { BodyOf } from '../../../../core/contracts/contract.ts';
import { changeRelation } from '../../../../core/contracts/counterparts.ts';
import type { FieldError } from '../../../../core/contracts/errors.ts';
import type { RelationView } from '../../../../core/contracts/persons.ts';
import { call } from '../../api/client.ts';
import { fieldId, messageFor } from '../../api/forms.ts';
import { relationKindLabels, relationViolenceLabels } from '../../app/labels.ts';
import { ChangeErrorAlert } from '../../components/ChangeErrorAlert.tsx';
import { FormActions } from '../../components/FormActions.tsx';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { formatDateTime } from '../../components/format.ts';
import { personName } from '../../components/PersonCell.tsx';
import { useFormMutation } from '../../components/useFormMutation.ts';
import { recordStatusLabels } from './labels.ts';

/**
 * A relation's history on the personakt, and the way to correct it, end it or mark it wrongly
 * recorded (issue 14): a new version with why; nothing is erased.
 */

export function RelationVersions({ relation }: { relation: RelationView }) {
  return (
    <ReadMore header={`Historik (${relation.history.length} versioner)`} size="small">
      <ol className="history">
        {[...relation.history].reverse().map((v) => (
          <li key={v.version}>
            <BodyShort size="small" textColor="subtle">
              Version {v.version} ·{' '}
              <time dateTime={v.recordedAt}>{formatDateTime(v.recordedAt)}</time>
              {v.recordedBy ? ` · ${v.recordedBy.displayName}` : ''}
            </BodyShort>
            <BodyShort size="small">
              {relationKindLabels[v.kind]} · {relationViolenceLabels[v.violence]}
              {v.guardian ? ' · Vårdnadshavare' : ''} · {recordStatusLabels[v.status]}
            </BodyShort>
            {v.changeReason ? <BodyShort size="small">Skäl: {v.changeReason}</BodyShort> : null}
          </li>
        ))}
      </ol>
    </ReadMore>
  );
}

export function PastRelations({ relations }: { relations: readonly RelationView[] }) {
  if (relations.length === 0) return null;
  return (
    <VStack gap="space-8">
      <Heading level="3" size="small">
        Avslutade och felregistrerade relationer
      </Heading>
      <ul className="counterpart-list">
        {relations.map((r) => (
          <li key={r.id} className="counterpart">
            <BodyShort weight="semibold">
              {relationKindLabels[r.kind]}: {personName(r.other)} ({recordStatusLabels[r.status]})
            </BodyShort>
            <RelationVersions relation={r} />
          </li>
        ))}
      </ul>
    </VStack>
  );
}

type ChangeBody = BodyOf<typeof changeRelation>;

export function RelationChangeForm({
  personId,
  relation,
  onCancel,
  onDone,
}: {
  personId: string;
  relation: RelationView;
  onCancel: () => void;
  onDone: (message: string) => void;
}) {
  const queryClient = useQueryClient();
  const formId = `relation-${relation.id}`;
  const [what, setWhat] = useState<'correction' | 'ended' | 'wrongly_recorded'>('correction');
  const [kind, setKind] = useState(relation.kind);
  const [violence, setViolence] = useState(relation.violence);
  const [guardian, setGuardian] = useState(relation.guardian);
  const [reason, setReason] = useState('');
  const form = useFormMutation<ChangeBody, unknown>(changeRelation.body, {
    mutationFn: (body) =>
      call(changeRelation, { params: { personId, relationId: relation.id }, body }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['person', personId] });
      onDone(what === 'correction' ? 'Relationen är rättad.' : 'Relationen är ändrad.');
    },
  });
  const errorOf = (path: string) => messageFor(form.fieldErrors, path);
  const name = personName(relation.other);
  return (
    <form
      noValidate
      className="step-form"
      aria-label={`Ändra relationen till ${name}`}
      onSubmit={(event) => {
        event.preventDefault();
        const problems: FieldError[] = reason.trim()
          ? []
          : [{ path: 'body.reason', message: 'Ange varför.' }];
        form.submit(
          what === 'correction'
            ? { change: 'correction', kind, violence, guardian, reason, version: relation.version }
            : { change: 'status', status: what, reason, version: relation.version },
          problems,
        );
      }}
    >
      <VStack gap="space-16">
        <FormErrorSummary formId={formId} errors={form.fieldErrors} />
        <RadioGroup
          legend={`Vad vill du göra med relationen till ${name}?`}
          value={what}
          onChange={(value: string) => {
            setWhat(value as typeof what);
          }}
        >
          <Radio value="correction">Rätta den</Radio>
          <Radio value="ended">Relationen har upphört</Radio>
          <Radio value="wrongly_recorded">Den var felregistrerad</Radio>
        </RadioGroup>
        {what === 'correction' ? (
          <>
            <Select
              id={fieldId(formId, 'body.kind')}
              label="Relation"
              value={kind}
              error={errorOf('body.kind')}
              onChange={(e) => {
                setKind(e.target.value as typeof kind);
              }}
            >
              {Object.entries(relationKindLabels).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </Select>
            <Select
              id={fieldId(formId, 'body.violence')}
              label="Våld"
              value={violence}
              onChange={(e) => {
                setViolence(e.target.value as typeof violence);
              }}
            >
              {Object.entries(relationViolenceLabels).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </Select>
            <div id={fieldId(formId, 'body.guardian')}>
              <Checkbox
                checked={guardian}
                error={errorOf('body.guardian') !== undefined}
                onChange={(e) => {
                  setGuardian(e.target.checked);
                }}
              >
                Föräldern eller den andra vuxna är barnets vårdnadshavare
              </Checkbox>
              {errorOf('body.guardian') ? (
                <BodyShort size="small" className="navds-error-message">
                  {errorOf('body.guardian')}
                </BodyShort>
              ) : null}
            </div>
          </>
        ) : null}
        <Textarea
          id={fieldId(formId, 'body.reason')}
          label="Varför?"
          minRows={2}
          maxLength={2000}
          value={reason}
          error={errorOf('body.reason')}
          onChange={(e) => {
            setReason(e.target.value);
          }}
        />
        <ChangeErrorAlert
          error={form.generalError}
          size="small"
          onReload={() => {
            void queryClient.invalidateQueries({ queryKey: ['person', personId] });
            onCancel();
          }}
        />
        <FormActions submit="Spara" pending={form.mutation.isPending} onCancel={onCancel} />
      </VStack>
    </form>
  );
}

/** The button that opens the form for one relation. */
export function ChangeRelationButton({ name, onClick }: { name: string; onClick: () => void }) {
  return (
    <Button type="button" size="small" variant="tertiary" onClick={onClick}>
      Ändra relationen till {name}
    </Button>
  );
}
