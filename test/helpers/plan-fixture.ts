// A small plan document to build tests on: two themes, an action with a sub-action, a risk.
import type { PlanDocumentInput } from '../../src/domain/plan-document.ts';

export function planFixture(slug = 'test-plan'): PlanDocumentInput {
  return {
    format: 'parentis.plan',
    formatVersion: 1,
    plan: {
      slug,
      title: 'Test improvement plan',
      kind: 'improvement',
      periodStart: '2018-04-01',
      periodEnd: '2019-03-31',
      nodes: [
        {
          kind: 'theme',
          number: '1',
          title: 'Placements',
          lead: 'Head of Placements',
          actions: [
            {
              number: '1',
              title: 'Recruit more foster carers',
              owners: [{ name: 'Jo Example', role: 'Fostering Manager' }, { role: 'Head of Placements' }],
              refs: [{ kind: 'inspection', value: '11' }, { kind: 'challenge', value: '4' }],
              deadlines: [{ date: '2018-09-30', reason: 'Original deadline', setBy: 'Jo Example', setAt: '2018-04-02T09:00:00Z' }],
              statuses: [{ status: 'A', asAt: '2018-05-31', reason: 'Campaign late', proposedBy: 'Jo Example', approvedBy: 'Head of Placements', recordedAt: '2018-06-01T09:00:00Z' }],
              updates: [{ date: '2018-05-31', author: 'Jo Example', body: 'Campaign designed.\n\n- Radio advert booked\n- Events planned' }],
              subActions: [
                {
                  number: '1.1',
                  title: 'Run an information evening each quarter',
                  owners: [{ name: 'Sam Sample' }],
                  deadlines: [{ date: '2018-06-30', reason: 'Original deadline', setBy: 'Jo Example', setAt: '2018-04-02T09:00:00Z' }],
                },
              ],
            },
          ],
        },
        {
          kind: 'theme',
          number: '2',
          title: 'Care leavers',
          actions: [
            {
              number: '2',
              title: 'Offer every care leaver a personal adviser',
              owners: [{ role: 'Leaving Care Manager' }],
              refs: [{ kind: 'inspection', value: '12' }],
              flags: ['business-as-usual'],
              statuses: [{ status: 'G', asAt: '2018-05-31', proposedBy: 'Leaving Care Manager', approvedBy: 'Head of Service', recordedAt: '2018-06-01T09:00:00Z' }],
            },
          ],
        },
      ],
      risks: [
        {
          reference: 'R1',
          programme: '1',
          title: 'Not enough local foster carers',
          owner: 'Head of Placements',
          scores: [{ likelihood: 4, impact: 4, recordedAt: '2018-04-02T09:00:00Z', recordedBy: 'Head of Placements' }],
          actions: ['1'],
        },
      ],
    },
  };
}
