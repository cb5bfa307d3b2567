import { Radio, RadioGroup, Textarea } from '@navikt/ds-react';
import { followUpPlan } from '../../../../core/contracts/coordinated-plans.ts';
import type { Plan } from '../../../../core/contracts/coordinated-plans.ts';
import { goalFulfilmentLabels, goalFulfilments } from '../../../../core/domain/follow-ups.ts';
import { call } from '../../api/client.ts';
import { DateField } from '../../components/DateField.tsx';
import { stockholmToday } from '../../components/dates.ts';
import { useContractForm } from '../../components/useContractForm.ts';
import { PlanFormFrame } from './PlanFormFrame.tsx';
import { useRefreshPlans } from './plans.ts';

/** "Följ upp planen": when, what the person thinks, the assessment and whether the goals are met. */
export function PlanFollowUpForm({
  caseId,
  plan,
  onCancel,
  onDone,
}: {
  caseId: string;
  plan: Plan;
  onCancel: () => void;
  onDone: () => void;
}) {
  const refresh = useRefreshPlans(caseId);
  const form = useContractForm(followUpPlan, {
    formId: `folj-upp-${plan.id}`,
    initial: { followedUpOn: stockholmToday(), personView: '', assessment: '', goalFulfilment: '' },
    unchosen: { goalFulfilment: 'Ange om målen är uppfyllda.' },
    send: (body) => call(followUpPlan, { params: { caseId, planId: plan.id }, body }),
    onSuccess: () => {
      refresh();
      onDone();
    },
  });
  return (
    <PlanFormFrame
      form={form}
      heading="Följ upp planen"
      level="4"
      submit="Spara uppföljningen"
      onCancel={onCancel}
      onReload={refresh}
    >
      <DateField {...form.text('followedUpOn')} label="Uppföljd den" />
      <Textarea
        {...form.longText('personView')}
        label="Personens syn"
        description="Vad personen själv säger om hur planen fungerar."
        minRows={2}
      />
      <Textarea {...form.longText('assessment')} label="Bedömning" minRows={3} />
      <RadioGroup {...form.choice('goalFulfilment')} legend="Måluppfyllelse">
        {goalFulfilments.map((g) => (
          <Radio key={g} value={g}>
            {goalFulfilmentLabels[g]}
          </Radio>
        ))}
      </RadioGroup>
    </PlanFormFrame>
  );
}
