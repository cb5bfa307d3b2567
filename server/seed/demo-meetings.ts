import { addDays } from '../../core/domain/calendar.ts';
import type { Trx } from '../db/database.ts';
import { stockholmDate } from '../time.ts';

/**
 * The demo's samråd (issue 15, item 2): Anna called one two days ago from Emma's file, for the
 * coming week, with Barn och unga and the school's elevhälsa taking part. Bo joined Ella's file.
 * Each has grounded the other unit's presence for their file on 10 kap. 2 § OSL; the school's
 * presence is not yet grounded in either file, so holding it is refused until it is — a consent
 * in each register, or a legal basis with its sekretessprövning.
 */
export async function insertDemoMeeting(
  trx: Trx,
  input: {
    now: Date;
    units: { victim: string; children: string };
    users: { victim: string; children: string };
    cases: { victim: string; children: string };
  },
): Promise<void> {
  const { now, units, users, cases } = input;
  const called = new Date(now.getTime() - 2 * 86_400_000);
  const meeting = await trx
    .insertInto('coordination_meeting')
    .values({
      unit_id: units.victim,
      called_by: users.victim,
      called_at: called,
      planned_on: addDays(stockholmDate(now), 5),
      purpose:
        'Samordna skydd och stöd för mor och barn: vem utreder vad, i vilken ordning, och hur skolgången ordnas.',
      follows_id: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const participant = (p: { unit?: string; organisation?: string; name: string; role: string }) =>
    ({
      meeting_id: meeting.id,
      kind: p.unit ? 'unit' : 'agency',
      unit_id: p.unit ?? null,
      provider_id: null,
      organisation: p.organisation ?? null,
      name: p.name,
      role: p.role,
      added_by: users.victim,
      added_at: called,
    }) as const;
  const [, children, victimUnit] = await trx
    .insertInto('coordination_meeting_participant')
    .values([
      participant({ organisation: 'Elevhälsan', name: 'Kim Kurator', role: 'Skolkurator' }),
      participant({ unit: units.children, name: 'Bo Barnsekreterare', role: 'Socialsekreterare' }),
      participant({ unit: units.victim, name: 'Anna Handläggare', role: 'Sammankallande' }),
    ])
    .returning('id')
    .execute();
  if (!children || !victimUnit) throw new Error('the demo samråd has no participants');
  await trx
    .insertInto('coordination_meeting_file')
    .values([
      { meeting_id: meeting.id, case_id: cases.victim, joined_by: users.victim, joined_at: called },
      {
        meeting_id: meeting.id,
        case_id: cases.children,
        joined_by: users.children,
        joined_at: new Date(called.getTime() + 3_600_000),
      },
    ])
    .execute();
  const reference = '10 kap. 2 § offentlighets- och sekretesslagen (2009:400)';
  await trx
    .insertInto('coordination_meeting_ground')
    .values([
      {
        meeting_id: meeting.id,
        case_id: cases.victim,
        participant_id: children.id,
        categories: ['name', 'situation', 'violence'],
        consent_id: null,
        legal_basis: 'secrecyNecessaryDisclosure',
        legal_reference: reference,
        secrecy_test:
          'Barn och unga utreder barnets situation och behöver veta om våldet mot modern och hennes skydd för att bedöma barnets behov av skydd.',
        recorded_by: users.victim,
        recorded_at: called,
      },
      {
        meeting_id: meeting.id,
        case_id: cases.children,
        participant_id: victimUnit.id,
        categories: ['name', 'situation'],
        consent_id: null,
        legal_basis: 'secrecyNecessaryDisclosure',
        legal_reference: reference,
        secrecy_test:
          'Relationsvåldsteamet behöver veta hur barnets skolgång och skydd ordnas för att planera moderns stöd och skydd.',
        recorded_by: users.children,
        recorded_at: new Date(called.getTime() + 3_600_000),
      },
    ])
    .execute();
}
