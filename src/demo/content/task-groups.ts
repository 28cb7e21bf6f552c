// The Corporate Parenting Board's five task-group work plans for 2017–18: objectives numbered 1–23 across the plan,
// each with numbered sub-actions (1.1, 1.2 …), several owners, revised deadlines and dated updates.
import type { NodeDocumentInput, PlanDocumentInput } from '../../domain/plan-document.ts';
import { signature, staff } from './authority.ts';
import { brag, originalDeadline, owners, revisedDeadline, update } from './build.ts';

const {
  deputyDirector,
  adCommissioning,
  strategicCommissioner,
  seniorCommissioner,
  smCla,
  smFostering,
  smQuality,
  omCla,
  omLeavingCare,
  omFostering,
  designatedNurse,
  claNurse,
  phnManager,
  ccgCommissioning,
  psychologist,
  vsh,
  educationOutcomes,
  biManager,
  participation,
  partnership,
  uascTeam,
  seniorIro,
  odManager,
  cpbChair,
} = staff;

/** Full Council approved the 2017–18 work plans on 21 June 2017. */
const AGREED = '2017-06-21T09:00:00Z';

const healthAndWellbeing: NodeDocumentInput = {
  kind: 'task-group',
  title: 'Health and Wellbeing',
  description:
    'Improve the quality of the health offer for children looked after and care leavers, including unaccompanied asylum seeking children, and make sure children who come into care get timely emotional and mental health support.',
  lead: signature(designatedNurse),
  children: [
    {
      kind: 'objective',
      number: '1',
      title: 'Improve the timeliness and quality of health assessments for children placed outside Westmere',
      actions: [
        {
          number: '1.1',
          title: 'Agree a standard for requesting health assessments for children placed out of county',
          description: 'The CLA nursing team sets and follows a standard for requesting review health assessments from the health services where children live, so that assessments happen on time.',
          owners: owners(phnManager, claNurse),
          deadlines: [originalDeadline('2017-08-07', designatedNurse, AGREED)],
          statuses: [
            brag('G', '2017-08-07', 'Standard drafted and in use.', claNurse, designatedNurse),
            brag('B', '2017-11-03', 'Standard embedded in the nursing team’s practice.', claNurse, designatedNurse),
          ],
          flags: ['business-as-usual'],
          updates: [
            update(
              '2017-08-07',
              claNurse,
              'The CLA nursing team now uses a standard letter to every out-of-county CLA health team. Requests for review health assessments go three months before the due date, and we expect an appointment to be booked within two months of the request.',
            ),
          ],
        },
        {
          number: '1.2',
          title: 'Add out-of-county children to the health assessment dataset',
          description: 'Analyse health assessment data to create measures for children placed outside Westmere.',
          owners: owners(phnManager, claNurse, designatedNurse, biManager),
          deadlines: [originalDeadline('2017-09-12', designatedNurse, AGREED)],
          statuses: [
            brag('G', '2017-09-12', 'New measures added to the monthly dataset.', biManager, designatedNurse),
            brag('B', '2017-12-07', 'Reported monthly as standard.', biManager, designatedNurse),
          ],
          flags: ['business-as-usual'],
          updates: [
            update(
              '2017-09-12',
              biManager,
              'Dataset meetings have reviewed the health assessment data for children looked after. The measures now show outstanding assessments for children in county and out of county separately. The CLA nurse specialist also collates monthly figures showing which host areas have the most overdue assessments for Westmere children.',
            ),
          ],
        },
        {
          number: '1.3',
          title: 'Secure funding to clear overdue out-of-county health assessments',
          description: 'Find funding for the CLA nursing team to work extra hours on overdue assessments for children placed out of county.',
          owners: owners(ccgCommissioning, designatedNurse),
          deadlines: [originalDeadline('2017-08-10', designatedNurse, AGREED)],
          statuses: [
            brag('G', '2017-08-07', 'Paper going to the CCG leadership meeting on 10 August.', designatedNurse, designatedNurse),
            brag('B', '2017-09-12', 'Funding approved for a three-month project.', designatedNurse, designatedNurse),
          ],
          updates: [
            update('2017-08-07', designatedNurse, 'A paper asking for funding for additional nursing hours goes to the CCG leadership meeting on 10 August.'),
            update('2017-09-12', designatedNurse, 'The CCG has approved funding for a three-month project to clear the overdue health assessments for children placed out of county.'),
          ],
        },
        {
          number: '1.4',
          title: 'Complete all overdue health assessments for children placed out of county',
          owners: owners(phnManager, claNurse, designatedNurse),
          deadlines: [
            originalDeadline('2017-12-31', designatedNurse, AGREED),
            revisedDeadline('2018-02-01', 'Start of the funded project delayed by vacancies in the CLA nursing team.', designatedNurse, '2017-11-03T11:15:00Z'),
          ],
          statuses: [
            brag('A', '2017-11-03', 'Project start delayed by nursing team capacity.', claNurse, designatedNurse),
            brag('A', '2017-12-07', 'Ten children still have overdue assessments.', claNurse, designatedNurse),
            brag('B', '2018-02-09', 'All ten assessments completed through the project.', claNurse, designatedNurse),
          ],
          updates: [
            update(
              '2017-11-03',
              designatedNurse,
              'The Designated Nurse, the head of the CLA nursing team and the public health nursing manager have agreed the scope of the project. It has not yet started because of capacity in the nursing team.',
            ),
            update(
              '2017-12-07',
              claNurse,
              'Ten children placed out of county have overdue health assessments. The Designated Nurse will escalate to the quality directors of the host CCGs and, where needed, to NHS England.',
            ),
            update('2018-02-09', claNurse, 'The health assessments for all ten children were completed as part of the project.'),
          ],
        },
        {
          number: '1.5',
          title: 'Escalate delays by host-area health services',
          description: 'Strengthen the timeliness of out-of-county health assessments by escalating persistent delays in host areas.',
          owners: owners(designatedNurse),
          deadlines: [
            originalDeadline('2018-02-01', designatedNurse, AGREED),
            revisedDeadline(
              '2018-06-01',
              'National guidance to CCGs on escalating delayed assessments for children placed out of area was published in February; host areas need time to respond to it.',
              designatedNurse,
              '2018-03-05T12:00:00Z',
            ),
          ],
          statuses: [
            brag('A', '2017-11-03', 'Concerns escalated to NHS England.', designatedNurse, designatedNurse),
            brag('R', '2017-12-07', 'Two host areas still failing to meet national timescales.', designatedNurse, designatedNurse),
            brag('R', '2018-03-05', 'Deadline revised; improvement depends on other CCGs.', designatedNurse, designatedNurse),
          ],
          updates: [
            update('2017-11-03', designatedNurse, 'The Designated Nurse has raised with NHS England the unequal access to health assessments for Westmere children placed out of county.'),
            update(
              '2018-03-05',
              designatedNurse,
              'A meeting with the designated leads of the largest host CCG on 22 February looked at the health needs of the Westmere children placed in its area. NHS England’s national safeguarding team has issued guidance to all CCGs on escalating delays in initial and review health assessments for children placed out of area, and Westmere CCG is following it. The issue is on the agenda of the next national meeting of regional leads.',
            ),
          ],
        },
        {
          number: '1.6',
          title: 'Co-design a new health assessment leaflet with the In Care Council',
          description: 'Involve children looked after and care leavers in the work of the task group, starting with the leaflet that explains what happens at a health assessment.',
          owners: owners(claNurse, participation),
          deadlines: [originalDeadline('2018-06-01', designatedNurse, AGREED)],
          statuses: [
            brag('G', '2017-12-07', 'In Care Council deciding how it wants to work with the group.', participation, designatedNurse),
            brag('G', '2018-03-05', 'Young people reviewing the draft leaflet.', participation, designatedNurse),
          ],
          updates: [
            update('2017-12-07', participation, 'The In Care and Leaving Care Councils will decide at their January meeting how they want to take part in the task group’s work.'),
            update('2018-02-09', claNurse, 'Council members have the first draft of the new leaflet and are also looking at the pack children get on their first day in care.'),
          ],
        },
      ],
    },
    {
      kind: 'objective',
      number: '2',
      title: 'Through CAMHS transformation, make sure children in care get timely emotional health support',
      actions: [
        {
          number: '2.1',
          title: 'Give children looked after and care leavers timely access to CAMHS advice and intervention',
          description: 'Provide advice and interventions for children and young people with mild to moderate difficulties through the single point of access.',
          owners: owners(ccgCommissioning, psychologist),
          deadlines: [originalDeadline('2017-11-03', designatedNurse, AGREED)],
          statuses: [brag('G', '2017-11-03', 'Single point of access open to all children looked after and care leavers.', ccgCommissioning, designatedNurse)],
          updates: [update('2017-11-03', ccgCommissioning, 'Every child looked after and care leaver can now reach CAMHS through the single point of access.')],
          subActions: [
            {
              number: '2.1.1',
              title: 'Agree priority criteria for children looked after at the single point of access',
              owners: owners(ccgCommissioning),
              deadlines: [
                originalDeadline('2017-11-03', designatedNurse, AGREED),
                revisedDeadline('2018-01-31', 'CAMHS provider asked to consult its clinical governance group before agreeing the criteria.', ccgCommissioning, '2017-11-03T14:20:00Z'),
              ],
              statuses: [
                brag('A', '2017-11-03', 'Criteria drafted; provider sign-off outstanding.', ccgCommissioning, designatedNurse),
                brag('G', '2018-02-09', 'Criteria signed off by the provider in January.', ccgCommissioning, designatedNurse),
              ],
            },
            {
              number: '2.1.2',
              title: 'Hold monthly CAMHS and children’s social care meetings on stuck cases',
              owners: owners(smCla, ccgCommissioning),
              deadlines: [originalDeadline('2018-03-01', designatedNurse, AGREED)],
              statuses: [brag('B', '2018-03-05', 'Meeting monthly since January 2018.', smCla, designatedNurse)],
              flags: ['business-as-usual'],
              updates: [update('2018-02-09', smCla, 'CAMHS and children’s social care have agreed to meet monthly to discuss children whose emotional health support has become stuck. The first meeting was on 18 January.')],
            },
          ],
        },
        {
          number: '2.2',
          title: 'Screen every child six weeks after they become looked after',
          description: 'The Emotional Health and Wellbeing team reviews each child’s SDQ score, health assessment and social care information six weeks after they come into care.',
          owners: owners(psychologist, claNurse),
          deadlines: [originalDeadline('2018-01-01', designatedNurse, AGREED)],
          statuses: [brag('G', '2018-02-09', 'Screening in place from 1 January 2018.', psychologist, designatedNurse)],
          updates: [update('2018-02-09', psychologist, 'Since 1 January the team has screened every child six weeks after they became looked after: 31 children so far, 9 of whom were offered direct work.')],
        },
      ],
    },
    {
      kind: 'objective',
      number: '3',
      title: 'Embed the Strengths and Difficulties Questionnaire (SDQ) in practice',
      actions: [
        {
          number: '3.1',
          title: 'Write guidance on analysing SDQs and what to do with the score',
          description: 'Guidance on in-depth analysis of SDQs, with the route to follow when a child scores as normal, borderline or in need of intervention, built into the emotional health pathway.',
          owners: owners(psychologist, claNurse, seniorIro),
          deadlines: [originalDeadline('2018-03-01', designatedNurse, AGREED)],
          statuses: [
            brag('G', '2017-11-03', 'Working group membership agreed.', psychologist, designatedNurse),
            brag('G', '2018-03-05', 'Referral guidance published; CAMHS pathway awaiting sign-off.', psychologist, designatedNurse),
          ],
          updates: [
            update('2017-08-07', psychologist, 'A task and finish group has drafted an emotional health pathway that uses the SDQ score.'),
            update('2017-12-07', psychologist, 'The acting head of CAMHS, a social worker and an IRO have joined the working group, which meets next in January.'),
            update(
              '2018-02-09',
              psychologist,
              'The Emotional Health and Wellbeing team has published referral guidance and a one-page flowchart telling social workers how to get help from the team for a child or care leaver. A draft pathway from children’s social care into CAMHS is waiting for CAMHS sign-off.',
            ),
          ],
        },
        {
          number: '3.2',
          title: 'Embed SDQs in foster carers’ practice',
          owners: owners(smFostering, smCla, omFostering),
          deadlines: [
            originalDeadline('2018-03-01', designatedNurse, AGREED),
            revisedDeadline('2018-07-31', 'SDQ material is going into the revised Fostering Handbook, which will be reissued in the summer.', smFostering, '2018-03-05T10:40:00Z'),
          ],
          statuses: [
            brag('G', '2017-12-07', 'Lead identified; carers’ steering group to discuss.', omFostering, designatedNurse),
            brag('A', '2018-03-05', 'Handbook revision has moved the date back.', omFostering, designatedNurse),
          ],
          updates: [
            update('2017-12-07', omFostering, 'Further work with foster carers on SDQs will be raised at the team’s steering group on 25 January.'),
            update(
              '2018-02-09',
              omFostering,
              'At the foster carers’ meeting on 17 January the team explained why the SDQ matters and how carers’ answers are used. The Fostering Handbook is being reviewed to add information on health assessments and SDQs, and will go to in-house carers, agency carers and residential providers.',
            ),
          ],
        },
        {
          number: '3.3',
          title: 'Embed SDQs in health professionals’ practice',
          owners: owners(phnManager, claNurse, designatedNurse),
          deadlines: [originalDeadline('2018-03-01', designatedNurse, AGREED)],
          statuses: [brag('G', '2017-12-07', 'Public health nurses trained; medical staff training agreed.', phnManager, designatedNurse)],
          updates: [
            update('2017-08-07', phnManager, 'Public health nursing teams have been trained to interpret and respond to SDQ scores.'),
            update('2017-12-07', phnManager, 'Doctors who carry out health assessments will be trained on using SDQs in the assessment and on what makes a good health care plan.'),
          ],
        },
        {
          number: '3.4',
          title: 'Embed SDQs in social work practice and in reviews',
          description: 'Case social workers and Independent Reviewing Officers use SDQ scores when planning for children’s health and wellbeing.',
          owners: owners(seniorIro, smCla, omCla),
          deadlines: [originalDeadline('2018-03-01', designatedNurse, AGREED)],
          statuses: [
            brag('G', '2017-11-03', 'Lead identified; IRO practice being reviewed.', seniorIro, designatedNurse),
            brag('B', '2018-03-05', 'IROs routinely consider SDQs at reviews.', seniorIro, designatedNurse),
          ],
          flags: ['business-as-usual'],
          updates: [
            update('2017-11-03', seniorIro, 'The Strategic Manager for children looked after will lead. IROs will be asked to include the SDQ score whenever a review discusses the child’s health plan.'),
            update('2018-03-05', seniorIro, 'IROs now routinely consider SDQs as part of the review. Health colleagues will meet the IRO team to look at how scores are analysed.'),
          ],
        },
      ],
    },
    {
      kind: 'objective',
      number: '4',
      title: 'Give children looked after access to the Emotional Health and Wellbeing team',
      actions: [
        {
          number: '4.1',
          title: 'Fully staff the Emotional Health and Wellbeing team',
          owners: owners(smCla),
          deadlines: [
            originalDeadline('2018-03-01', designatedNurse, AGREED),
            revisedDeadline('2018-06-01', 'Second clinical psychologist post not filled after two rounds; CAMHS re-advertising.', smCla, '2018-03-05T15:00:00Z'),
          ],
          statuses: [
            brag('R', '2017-08-07', 'Both psychologist posts vacant.', smCla, designatedNurse),
            brag('A', '2017-12-07', 'First psychologist in post; second post advertised.', smCla, designatedNurse),
            brag('R', '2018-03-05', 'Second recruitment failed; team manager leaving in March.', smCla, designatedNurse),
          ],
          updates: [
            update('2017-08-07', smCla, 'Recruitment to the clinical psychologist posts is under way. An educational psychologist is supporting the team in the meantime.'),
            update('2017-12-07', smCla, 'A clinical psychologist (0.8 FTE) started on 6 November. Recruitment continues for the second, 0.6 FTE, post.'),
            update(
              '2018-03-05',
              smCla,
              'All social work posts are filled. The latest attempt to recruit the second psychologist failed because of confusion about where the post is based; one applicant who visited the team is still keen, so CAMHS will advertise again. The team manager leaves in March and an interim manager has been found.',
            ),
          ],
        },
        {
          number: '4.2',
          title: 'Offer consultation from the team to foster carers and residential providers',
          owners: owners(psychologist, omFostering),
          deadlines: [originalDeadline('2018-06-01', designatedNurse, AGREED)],
          statuses: [brag('G', '2018-03-05', 'Monthly consultation clinics running in two districts.', psychologist, designatedNurse)],
        },
      ],
    },
    {
      kind: 'objective',
      number: '5',
      title: 'Give health practitioners the skills to plan each young person’s care well',
      actions: [
        {
          number: '5.1',
          title: 'Quality assure health plans so they have SMART outcomes',
          description: 'Every health care plan is checked by a specialist nurse or the Designated Doctor, and sets specific, measurable goals that will still matter when the young person turns 18.',
          owners: owners(designatedNurse, phnManager, claNurse),
          deadlines: [originalDeadline('2017-11-03', designatedNurse, AGREED)],
          statuses: [brag('B', '2017-11-03', 'Quality assurance of around 45 assessments a month is business as usual.', claNurse, designatedNurse)],
          flags: ['business-as-usual'],
          updates: [
            update(
              '2017-11-03',
              claNurse,
              'An audit under the public health nursing contract found that only a quarter of review health assessments assessed emotional health, because nurses did not have the SDQ score. That has been fixed. The CLA nurse specialist quality assures around 45 assessments a month and the Designated Doctor checks those completed by paediatricians.',
            ),
          ],
        },
        {
          number: '5.2',
          title: 'Train doctors carrying out initial health assessments',
          owners: owners(designatedNurse, phnManager),
          deadlines: [
            originalDeadline('2018-03-01', designatedNurse, AGREED),
            revisedDeadline('2018-05-31', 'Paediatric training days were cancelled during the winter pressures period.', designatedNurse, '2018-02-09T09:30:00Z'),
          ],
          statuses: [brag('A', '2018-02-09', 'Training rescheduled to April and May.', designatedNurse, designatedNurse)],
        },
      ],
    },
    {
      kind: 'objective',
      number: '6',
      title: 'Help leaving care staff support care leavers with their health',
      actions: [
        {
          number: '6.1',
          title: 'Leaving care staff can advise care leavers on using health services',
          description: 'Leaving care staff make sure care leavers are registered with a GP, know how to get help in and out of hours, and can find sexual health and other services.',
          owners: owners(omLeavingCare, designatedNurse, claNurse),
          deadlines: [originalDeadline('2017-09-01', designatedNurse, AGREED)],
          statuses: [brag('B', '2017-09-12', 'Advice given and built into leaving care practice.', omLeavingCare, designatedNurse)],
          flags: ['business-as-usual'],
        },
        {
          number: '6.2',
          title: 'Give leaving care workers a health toolkit',
          owners: owners(omLeavingCare, designatedNurse, phnManager),
          deadlines: [originalDeadline('2018-03-01', designatedNurse, AGREED)],
          statuses: [
            brag('G', '2017-12-07', 'Toolkit in development; review of letter to young people who decline assessments.', omLeavingCare, designatedNurse),
            brag('G', '2018-03-05', 'Team using the health pages of the councils’ websites.', omLeavingCare, designatedNurse),
          ],
          updates: [
            update('2017-12-07', omLeavingCare, 'Partners will review the letter sent to young people who decline a health assessment.'),
            update('2018-03-05', omLeavingCare, 'The leaving care team is using the health information on the In Care Council and leaving care websites. Health colleagues will review that information on 20 March.'),
          ],
        },
        {
          number: '6.3',
          title: 'Give young people their own health history before they leave care',
          owners: owners(omLeavingCare, claNurse),
          deadlines: [originalDeadline('2018-03-01', designatedNurse, AGREED)],
          statuses: [brag('G', '2018-03-05', 'GP letter template in use.', omLeavingCare, designatedNurse)],
          updates: [
            update('2017-12-07', claNurse, 'The CLA nursing team now has access to GP records and gives young people as much of their health history as possible at their last review health assessment.'),
            update('2018-03-05', omLeavingCare, 'The leaving care team uses a template letter to ask a young person’s GP for their health information when they want it.'),
          ],
        },
      ],
    },
    {
      kind: 'objective',
      number: '7',
      title: 'Meet the particular health needs of unaccompanied asylum seeking children',
      actions: [
        {
          number: '7.1',
          title: 'Brief staff on common health issues for unaccompanied children',
          owners: owners(uascTeam, claNurse),
          deadlines: [originalDeadline('2017-09-12', designatedNurse, AGREED)],
          statuses: [brag('B', '2017-09-12', 'Briefing issued; standing item on the group agenda.', uascTeam, designatedNurse)],
          flags: ['business-as-usual'],
        },
        {
          number: '7.2',
          title: 'Share health information on transfer so needs are met straight away',
          owners: owners(uascTeam, designatedNurse),
          deadlines: [originalDeadline('2017-11-03', designatedNurse, AGREED)],
          statuses: [brag('G', '2017-11-03', 'Fitness-to-travel information now routinely shared.', uascTeam, designatedNurse)],
          updates: [
            update(
              '2017-09-12',
              uascTeam,
              'Fitness-to-travel health information is now shared with the CLA nursing team and social care when a young person transfers to Westmere, so any health need can be met at once. Where a young person cannot register with a GP quickly, the nursing team advises on other services.',
            ),
          ],
        },
      ],
    },
  ],
};

const leavingCare: NodeDocumentInput = {
  kind: 'task-group',
  title: 'Leaving Care',
  description: 'Improve outcomes for care leavers in education, training and employment, accommodation and the support they can count on, including young people seeking asylum.',
  lead: signature(smCla),
  children: [
    {
      kind: 'objective',
      number: '8',
      title: 'Improve care leavers’ education, training and employment',
      actions: [
        {
          number: '8.1',
          title: 'Publish a directory of opportunities for vulnerable young people',
          description: 'Bring together education, training and work opportunities for care leavers and other vulnerable young people on the county skills website.',
          owners: owners(odManager, educationOutcomes),
          deadlines: [
            originalDeadline('2018-01-31', smCla, AGREED),
            revisedDeadline('2018-05-01', 'Decision on which website hosts the directory took longer than expected.', odManager, '2018-02-13T11:00:00Z'),
          ],
          statuses: [
            brag('G', '2017-10-10', 'Directory content compiled.', odManager, smCla),
            brag('A', '2018-02-13', 'Hosting agreed; pages still to be built.', odManager, smCla),
          ],
          updates: [update('2018-02-13', odManager, 'It is agreed that the opportunities will sit on the Skills for Westmere website by 1 May, co-ordinated by the employer engagement officer.')],
        },
        {
          number: '8.2',
          title: 'Agree care leaver programmes with the council’s major contractors',
          description: 'Use the council’s contracts and social value guidance to create work experience and jobs for care leavers with its largest contractors.',
          owners: owners(seniorCommissioner, educationOutcomes),
          deadlines: [originalDeadline('2018-03-31', smCla, AGREED)],
          statuses: [
            brag('G', '2017-12-11', 'Draft plans received from three contractors.', seniorCommissioner, smCla),
            brag('A', '2018-02-13', 'Plans sent back to contractors as not ambitious enough.', seniorCommissioner, smCla),
          ],
          updates: [update('2018-02-13', seniorCommissioner, 'We have reviewed and challenged the contractors’ first drafts and sent them back. We are waiting for their revised plans.')],
          subActions: [
            {
              number: '8.2.1',
              title: 'Design supported traineeships with local employers',
              owners: owners(educationOutcomes),
              deadlines: [originalDeadline('2018-05-31', smCla, AGREED)],
              statuses: [brag('A', '2018-02-13', 'Traineeships in final design; pilot to start in spring.', educationOutcomes, smCla)],
            },
            {
              number: '8.2.2',
              title: 'Train job coaches to work alongside care leavers',
              owners: owners(educationOutcomes),
              deadlines: [originalDeadline('2018-02-28', smCla, AGREED)],
              statuses: [brag('B', '2018-02-13', 'Job coaches trained and deployed.', educationOutcomes, smCla)],
            },
          ],
        },
        {
          number: '8.3',
          title: 'Appoint a single point of contact for care leavers’ employment and training',
          owners: owners(smCla),
          deadlines: [
            originalDeadline('2018-03-31', smCla, AGREED),
            revisedDeadline('2018-09-30', 'No funding in the 2018/19 budget; business case to the Children’s Services Leadership Team in June.', smCla, '2018-02-13T11:20:00Z'),
          ],
          statuses: [
            brag('A', '2017-12-11', 'Options being explored.', smCla, smCla),
            brag('R', '2018-02-13', 'Unfunded; date revised.', smCla, smCla),
          ],
          updates: [update('2018-02-13', smCla, 'The Strategic Manager will prepare a business case for an adviser post, which also responds to an Ofsted recommendation.')],
        },
        {
          number: '8.4',
          title: 'Track every care leaver not in education, employment or training through the ETE Board',
          owners: owners(deputyDirector, vsh),
          deadlines: [originalDeadline('2018-01-12', smCla, AGREED)],
          statuses: [brag('B', '2018-02-13', 'Board now meets quarterly and is business as usual.', vsh, smCla)],
          flags: ['business-as-usual'],
          updates: [
            update(
              '2018-02-13',
              vsh,
              'At its review on 12 January the Board agreed that looking at every young person by name works, and that twice a year is not often enough. It will meet quarterly from April.',
            ),
          ],
        },
      ],
    },
    {
      kind: 'objective',
      number: '9',
      title: 'Improve the supply of suitable supported accommodation for care leavers',
      actions: [
        {
          number: '9.1',
          title: 'Involve young people in reviewing W2i and leaving care accommodation',
          description: 'Young commissioners visit and review supported accommodation and report to the W2i Board.',
          owners: owners(seniorCommissioner, participation),
          deadlines: [originalDeadline('2018-04-30', smCla, AGREED)],
          statuses: [
            brag('G', '2017-12-11', 'Young commissioners recruited.', seniorCommissioner, smCla),
            brag('A', '2018-02-13', 'Visits started late; report now due in May.', seniorCommissioner, smCla),
          ],
          updates: [
            update(
              '2018-02-13',
              seniorCommissioner,
              'Visits took place in the week of 29 January and gave useful information. More visits are planned and an online survey is open to young people. A report will go to the W2i Board and the key findings to this group.',
            ),
          ],
        },
        {
          number: '9.2',
          title: 'Make sure the range of accommodation meets the needs of all 16 and 17 year olds and care leavers',
          owners: owners(seniorCommissioner, strategicCommissioner),
          deadlines: [originalDeadline('2018-04-30', smCla, AGREED)],
          statuses: [brag('A', '2018-02-13', 'Joint commissioning with adult services still at options stage.', strategicCommissioner, smCla)],
          flags: ['rolled-over'],
          updates: [update('2018-02-13', strategicCommissioner, 'Work with adult social care and public health on future commissioning of support and accommodation goes to the Corporate Parenting Board on 8 May. This will roll over into the 2018–19 plan.')],
        },
      ],
    },
    {
      kind: 'objective',
      number: '10',
      title: 'Take account of the particular needs of care leavers seeking asylum',
      actions: [
        {
          number: '10.1',
          title: 'Place a leaving care worker in the unaccompanied children’s team',
          owners: owners(smCla, uascTeam),
          deadlines: [originalDeadline('2018-03-31', smCla, AGREED)],
          statuses: [
            brag('G', '2017-12-11', 'Worker transferred on 22 November.', uascTeam, smCla),
            brag('B', '2018-02-13', 'Contract extended to June 2018; arrangement working well.', uascTeam, smCla),
          ],
        },
        {
          number: '10.2',
          title: 'Remove barriers to college for young people seeking asylum',
          description: 'Work with colleges on flexible course entry so that young people can start learning soon after they arrive.',
          owners: owners(uascTeam, educationOutcomes),
          deadlines: [originalDeadline('2018-03-31', smCla, AGREED)],
          statuses: [
            brag('A', '2017-12-11', 'Colleges interested but no programme agreed.', uascTeam, smCla),
            brag('G', '2018-02-13', 'Bespoke arrival programme agreed with two colleges.', uascTeam, smCla),
          ],
          updates: [update('2018-02-13', uascTeam, 'Hallowford College and Brackenmouth College, with the adult learning service, are building a programme young people can join on arrival, preparing them for the next course start.')],
        },
        {
          number: '10.3',
          title: 'Find suitable placements for unaccompanied children on arrival',
          owners: owners(uascTeam, strategicCommissioner),
          deadlines: [originalDeadline('2017-10-06', smCla, AGREED)],
          statuses: [brag('G', '2018-02-13', 'Placements team now sources accommodation for new arrivals.', uascTeam, smCla)],
        },
      ],
    },
    {
      kind: 'objective',
      number: '11',
      title: 'Publish the Local Offer for care leavers as the new law requires',
      actions: [
        {
          number: '11.1',
          title: 'Publish the Leaving Care Local Offer',
          description: 'Develop and publish the Local Offer in line with the Children and Social Work Act 2017 and Department for Education guidance.',
          owners: owners(smCla, omLeavingCare),
          deadlines: [
            originalDeadline('2018-03-31', smCla, AGREED),
            revisedDeadline('2018-09-30', 'Statutory guidance was published later than expected; authorities have six months from publication.', smCla, '2018-02-13T11:40:00Z'),
          ],
          statuses: [
            brag('A', '2017-12-11', 'Waiting for statutory guidance.', smCla, smCla),
            brag('A', '2018-02-13', 'Guidance expected in April; national adviser visiting.', smCla, smCla),
          ],
          flags: ['rolled-over'],
          updates: [update('2018-02-13', smCla, 'The government’s national adviser for care leavers visits Westmere in April to meet care leavers, the Leader, the Chief Executive and staff. His report will be shared with this group and the Board.')],
        },
        {
          number: '11.2',
          title: 'Co-produce the Local Offer with the Leaving Care Council',
          owners: owners(participation, omLeavingCare),
          deadlines: [originalDeadline('2018-09-30', smCla, AGREED)],
          statuses: [brag('A', '2018-02-13', 'Leaving Care Council agreed to take part; sessions not yet arranged.', participation, smCla)],
        },
      ],
    },
    {
      kind: 'objective',
      number: '12',
      title: 'Use the whole council and the districts to support care leavers',
      actions: [
        {
          number: '12.1',
          title: 'Agree council tax exemption for care leavers with every district council',
          owners: owners(partnership, cpbChair),
          deadlines: [
            originalDeadline('2017-12-31', smCla, AGREED),
            revisedDeadline('2018-09-30', 'Two district councils need to take the decision through their budget-setting cycle.', partnership, '2017-12-11T16:00:00Z'),
          ],
          statuses: [
            brag('A', '2017-12-11', 'Three of five districts have agreed.', partnership, smCla),
            brag('G', '2018-02-13', 'Four of five districts agreed; fifth due to decide in the summer.', partnership, smCla),
          ],
        },
        {
          number: '12.2',
          title: 'Secure free leisure access for care leavers through the districts',
          owners: owners(partnership, omLeavingCare),
          deadlines: [originalDeadline('2018-06-30', smCla, AGREED)],
          statuses: [brag('R', '2018-02-13', 'No district has yet agreed; leisure contracts are held by external operators.', partnership, smCla)],
          updates: [update('2018-02-13', partnership, 'Leisure centres in all five districts are run by external operators, so any concession has to be negotiated through the contracts. The Chair will raise this with district leaders.')],
        },
      ],
    },
  ],
};

const placements: NodeDocumentInput = {
  kind: 'task-group',
  title: 'Placements',
  description: 'Provide enough safe, stable, local placements with carers who are best able to meet children’s needs.',
  lead: signature(smFostering),
  children: [
    {
      kind: 'objective',
      number: '13',
      title: 'Recruit and keep more Westmere foster carers',
      actions: [
        {
          number: '13.1',
          title: 'Take a new fees and allowances offer for foster carers to Cabinet',
          owners: owners(smFostering),
          deadlines: [originalDeadline('2017-08-31', smFostering, AGREED)],
          statuses: [brag('B', '2017-09-19', 'Agreed by Cabinet in August; new rates paid from October.', smFostering, smFostering)],
        },
        {
          number: '13.2',
          title: 'Run learning sets for newly approved foster carers',
          owners: owners(omFostering),
          deadlines: [originalDeadline('2018-03-31', smFostering, AGREED)],
          statuses: [brag('G', '2017-12-05', 'Two cohorts under way.', omFostering, smFostering)],
        },
        {
          number: '13.3',
          title: 'Target recruitment at carers for teenagers and brothers and sisters',
          owners: owners(omFostering, seniorCommissioner),
          deadlines: [
            originalDeadline('2017-12-31', smFostering, AGREED),
            revisedDeadline('2018-06-30', 'Campaign relaunched after the first phase produced only two enquiries for teenagers.', omFostering, '2017-12-05T10:00:00Z'),
          ],
          statuses: [
            brag('R', '2017-12-05', 'Campaign not reaching the carers we need.', omFostering, smFostering),
            brag('A', '2018-03-13', 'Relaunched campaign bringing more enquiries.', omFostering, smFostering),
          ],
          updates: [update('2018-03-13', omFostering, 'The relaunched campaign, fronted by current carers of teenagers, has produced 17 enquiries and 5 applications since January.')],
        },
      ],
    },
    {
      kind: 'objective',
      number: '14',
      title: 'Improve placement stability',
      actions: [
        {
          number: '14.1',
          title: 'Hold a stability meeting whenever a placement is at risk',
          owners: owners(omCla, seniorIro),
          deadlines: [originalDeadline('2017-12-31', smFostering, AGREED)],
          statuses: [
            brag('G', '2017-12-05', 'Guidance issued.', omCla, smFostering),
            brag('A', '2018-03-13', 'Audit found meetings held in only 6 of 11 disruptions.', omCla, smFostering),
          ],
        },
        {
          number: '14.2',
          title: 'Run a fortnightly placement tracking panel with the Virtual School',
          owners: owners(deputyDirector, vsh),
          deadlines: [originalDeadline('2017-10-31', smFostering, AGREED)],
          statuses: [brag('G', '2017-12-05', 'Panel meeting fortnightly since October.', deputyDirector, smFostering)],
        },
      ],
    },
    {
      kind: 'objective',
      number: '15',
      title: 'Increase local residential and independent fostering capacity',
      actions: [
        {
          number: '15.1',
          title: 'Re-tender the independent fostering framework with neighbouring authorities',
          owners: owners(strategicCommissioner),
          deadlines: [
            originalDeadline('2018-04-01', smFostering, AGREED),
            revisedDeadline('2018-10-01', 'One partner authority withdrew and the procurement timetable had to be reset.', strategicCommissioner, '2018-03-13T14:30:00Z'),
          ],
          statuses: [
            brag('A', '2017-12-05', 'Tender documents late.', strategicCommissioner, smFostering),
            brag('R', '2018-03-13', 'Partner withdrawal means the April start will be missed.', strategicCommissioner, smFostering),
          ],
        },
        {
          number: '15.2',
          title: 'Secure guaranteed local residential places through a block contract',
          owners: owners(strategicCommissioner, adCommissioning),
          deadlines: [originalDeadline('2018-03-31', smFostering, AGREED)],
          statuses: [brag('R', '2018-03-13', 'Legal advice on procurement route still awaited.', strategicCommissioner, smFostering)],
          flags: ['rolled-over'],
        },
      ],
    },
    {
      kind: 'objective',
      number: '16',
      title: 'Assure the quality of placements',
      actions: [
        {
          number: '16.1',
          title: 'Visit every semi-independent provider at least twice a year',
          owners: owners(seniorCommissioner),
          deadlines: [originalDeadline('2018-03-31', smFostering, AGREED)],
          statuses: [brag('G', '2018-03-13', 'All 12 providers visited at least once; second round under way.', seniorCommissioner, smFostering)],
        },
        {
          number: '16.2',
          title: 'Involve young people in placement quality assurance',
          owners: owners(participation, seniorCommissioner),
          deadlines: [originalDeadline('2018-09-30', smFostering, AGREED)],
          statuses: [brag('A', '2018-03-13', 'In Care Council priority for 2018–19; training for young inspectors being planned.', participation, smFostering)],
          flags: ['rolled-over'],
        },
      ],
    },
  ],
};

const voiceOfTheChild: NodeDocumentInput = {
  kind: 'task-group',
  title: 'Voice of the Child',
  description: 'Make sure children looked after and care leavers are involved in decisions about their own lives and about the services provided for them.',
  lead: signature(partnership),
  children: [
    {
      kind: 'objective',
      number: '17',
      title: 'Increase children’s participation in decisions about their own lives',
      actions: [
        {
          number: '17.1',
          title: 'Have Mind of My Own champions in every children looked after team',
          owners: owners(smCla, participation),
          deadlines: [
            originalDeadline('2018-03-31', partnership, AGREED),
            revisedDeadline('2018-05-31', 'Champions’ terms of reference needed agreeing with team managers first.', smCla, '2018-01-23T13:00:00Z'),
          ],
          statuses: [
            brag('A', '2018-01-23', 'Champions named in three of five teams.', participation, partnership),
            brag('A', '2018-03-20', 'Terms of reference drafted; baseline of app use being set.', participation, partnership),
          ],
          updates: [
            update('2018-01-23', smCla, 'Terms of reference and short guidance for champions are being written so everyone knows what is expected.'),
            update('2018-03-20', participation, 'A baseline of how often the app was used in 2017–18 is being set so that take-up can be monitored in 2018–19.'),
          ],
        },
        {
          number: '17.2',
          title: 'Improve children’s participation in their own reviews',
          owners: owners(omCla, seniorIro),
          deadlines: [originalDeadline('2018-05-31', partnership, AGREED)],
          statuses: [brag('A', '2018-03-20', 'Task and finish group set up.', omCla, partnership)],
          subActions: [
            {
              number: '17.2.1',
              title: 'Write review records to the child',
              owners: owners(seniorIro),
              deadlines: [originalDeadline('2018-05-31', partnership, AGREED)],
              statuses: [brag('G', '2018-03-20', 'IROs piloting letters to children in place of formal minutes.', seniorIro, partnership)],
            },
            {
              number: '17.2.2',
              title: 'Review how children take part in their reviews and propose changes',
              owners: owners(omCla, participation),
              deadlines: [originalDeadline('2018-05-31', partnership, AGREED)],
              statuses: [brag('A', '2018-03-20', 'Group has met once.', omCla, partnership)],
            },
          ],
        },
        {
          number: '17.3',
          title: 'Offer an advocate for child protection conferences on an opt-out basis',
          owners: owners(smQuality),
          deadlines: [originalDeadline('2018-03-31', partnership, AGREED)],
          statuses: [brag('B', '2018-03-20', 'Opt-out offer in place from February.', smQuality, partnership)],
          flags: ['business-as-usual'],
        },
      ],
    },
    {
      kind: 'objective',
      number: '18',
      title: 'Increase the influence of the In Care and Leaving Care Councils',
      actions: [
        {
          number: '18.1',
          title: 'Report “you said, we did” on the councils’ priorities to every Board',
          owners: owners(partnership, participation),
          deadlines: [originalDeadline('2018-03-31', partnership, AGREED)],
          statuses: [
            brag('G', '2018-01-23', 'Monthly briefing agreed.', partnership, partnership),
            brag('A', '2018-03-20', 'Feedback on three priorities still outstanding from services.', partnership, partnership),
          ],
          updates: [
            update('2018-03-20', participation, 'The councils will be asked in March whether they think last year’s priorities moved forward. Their views will go into the monthly briefing.'),
          ],
        },
        {
          number: '18.2',
          title: 'Involve young people in recruiting staff',
          owners: owners(participation),
          deadlines: [originalDeadline('2018-05-31', partnership, AGREED)],
          statuses: [brag('A', '2018-03-20', 'More young people on panels; terms of reference and interview training still to do.', participation, partnership)],
          updates: [update('2018-03-20', participation, 'Young people will suggest three areas for questions at the assessment centres for newly qualified social workers. Interview training will widen the pool of young panel members.')],
        },
      ],
    },
    {
      kind: 'objective',
      number: '19',
      title: 'Refresh the Pledge to children looked after and care leavers',
      actions: [
        {
          number: '19.1',
          title: 'Run hopes and fears sessions with the Board and the councils',
          owners: owners(participation, partnership),
          deadlines: [originalDeadline('2018-03-31', partnership, AGREED)],
          statuses: [brag('G', '2018-03-20', 'Sessions held with the Board and at two council meetings.', participation, partnership)],
        },
        {
          number: '19.2',
          title: 'Publish the refreshed Pledge',
          owners: owners(partnership, smCla),
          deadlines: [originalDeadline('2018-12-31', partnership, AGREED)],
          statuses: [brag('A', '2018-03-20', 'Drafting will follow the hopes and fears work.', partnership, partnership)],
          flags: ['rolled-over'],
        },
      ],
    },
  ],
};

const education: NodeDocumentInput = {
  kind: 'task-group',
  title: 'Education',
  description: 'Make sure children looked after have the best chance to fulfil their potential, with high aspirations and the right support.',
  lead: signature(vsh),
  children: [
    {
      kind: 'objective',
      number: '20',
      title: 'The Virtual School knows every child and works closely with schools, social workers and carers',
      actions: [
        {
          number: '20.1',
          title: 'Hold a Virtual School roll with year group, SEN status and attainment',
          owners: owners(vsh, biManager),
          deadlines: [originalDeadline('2017-10-31', vsh, AGREED)],
          statuses: [brag('B', '2018-02-06', 'Roll held on the case management system, including years 12 and 13.', vsh, vsh)],
          updates: [update('2018-02-06', vsh, 'The Virtual School roll is set up on the case management system. Year 11 transition information is updated after every panel and a register of young people in years 12 and 13 is now kept. Achieved; will be removed from next year’s plan.')],
        },
        {
          number: '20.2',
          title: 'Raise the profile of the Virtual School with schools, social workers and carers',
          owners: owners(vsh, omCla, smCla),
          deadlines: [originalDeadline('2018-08-31', vsh, AGREED)],
          statuses: [brag('A', '2018-02-06', 'Designated teacher network well attended; social workers less engaged.', vsh, vsh)],
          flags: ['rolled-over'],
        },
        {
          number: '20.3',
          title: 'Involve the Virtual School in decisions about placement and school moves',
          owners: owners(vsh, omCla, smFostering),
          deadlines: [originalDeadline('2018-08-31', vsh, AGREED)],
          statuses: [brag('A', '2018-02-06', 'Head attends weekly placements meeting; not yet consistent in emergencies.', vsh, vsh)],
          flags: ['rolled-over'],
        },
        {
          number: '20.4',
          title: 'Train designated teachers on what being in care is like, with the In Care Council',
          owners: owners(vsh, participation),
          deadlines: [originalDeadline('2018-07-31', vsh, AGREED)],
          statuses: [brag('G', '2018-05-15', 'First session co-delivered with young people in May.', vsh, vsh)],
        },
      ],
    },
    {
      kind: 'objective',
      number: '21',
      title: 'Every child looked after has a good-quality, up-to-date Personal Education Plan',
      actions: [
        {
          number: '21.1',
          title: 'Every child looked after has a current PEP',
          owners: owners(vsh, omCla),
          deadlines: [originalDeadline('2018-08-31', vsh, AGREED)],
          statuses: [
            brag('A', '2018-02-06', '96% had a PEP in the autumn term.', vsh, vsh),
            brag('G', '2018-05-15', '99% in the spring term.', vsh, vsh),
          ],
          kpis: [{ title: '% of children looked after of school age with a current PEP', measureCode: 'CLA_PEP_CURRENT', unit: '%', targets: [{ by: '2018-08-31', value: 100 }] }],
        },
        {
          number: '21.2',
          title: 'Improve PEP quality so targets are SMART and progress is measured',
          owners: owners(vsh),
          deadlines: [originalDeadline('2018-07-31', vsh, AGREED)],
          statuses: [
            brag('R', '2018-02-06', 'Quality assurance rated 49% of PEPs good or better against a 70% target.', vsh, vsh),
            brag('A', '2018-05-15', 'Improved to 58% after training for designated teachers.', vsh, vsh),
          ],
          flags: ['rolled-over'],
          kpis: [{ title: '% of PEPs quality assured as good or outstanding', measureCode: 'CLA_PEP_QUALITY', unit: '%', targets: [{ by: '2018-07-31', value: 70 }, { by: '2019-07-31', value: 80 }] }],
        },
      ],
    },
    {
      kind: 'objective',
      number: '22',
      title: 'Oversee attendance, exclusions and reduced timetables',
      actions: [
        {
          number: '22.1',
          title: 'Monitor monthly every child on a reduced timetable, excluded, or with poor attendance',
          owners: owners(vsh, omCla),
          deadlines: [originalDeadline('2018-07-31', vsh, AGREED)],
          statuses: [brag('G', '2018-02-06', 'Monitoring process robust; attendance still a concern.', vsh, vsh)],
        },
        {
          number: '22.2',
          title: 'Use Pupil Premium Plus through the PEP to improve outcomes',
          owners: owners(vsh),
          deadlines: [originalDeadline('2018-08-31', vsh, AGREED)],
          statuses: [brag('A', '2018-02-06', 'Most schools now using the new process; impact not yet evidenced.', vsh, vsh)],
          flags: ['rolled-over'],
        },
      ],
    },
    {
      kind: 'objective',
      number: '23',
      title: 'Raise aspirations and support good choices after 16',
      actions: [
        {
          number: '23.1',
          title: 'Appoint a post-16 link worker to the Virtual School',
          owners: owners(vsh, educationOutcomes),
          deadlines: [
            originalDeadline('2017-12-31', vsh, AGREED),
            revisedDeadline('2018-02-28', 'Options paper for the post was not considered until the November budget meeting.', vsh, '2017-10-05T09:45:00Z'),
          ],
          statuses: [
            brag('A', '2017-10-05', 'Options paper submitted.', vsh, vsh),
            brag('B', '2018-05-15', 'Worker in post since March 2018.', vsh, vsh),
          ],
        },
        {
          number: '23.2',
          title: 'Give every child looked after from year 9 an online careers plan',
          owners: owners(educationOutcomes),
          deadlines: [originalDeadline('2018-07-31', vsh, AGREED)],
          statuses: [brag('A', '2018-05-15', 'Licence bought; training for staff not yet arranged.', educationOutcomes, vsh)],
        },
        {
          number: '23.3',
          title: 'Celebrate achievement at the annual awards',
          owners: owners(participation, smCla),
          deadlines: [originalDeadline('2018-07-31', vsh, AGREED)],
          statuses: [brag('B', '2018-05-15', 'Awards ceremony booked for July; now an annual fixture.', participation, vsh)],
          flags: ['business-as-usual'],
        },
      ],
    },
  ],
};

export const taskGroupPlan: PlanDocumentInput = {
  format: 'parentis.plan',
  formatVersion: 1,
  plan: {
    slug: 'cpb-task-groups-2017-18',
    title: 'Corporate Parenting Board task group work plans 2017–18',
    kind: 'task-group',
    periodStart: '2017-04-01',
    periodEnd: '2018-03-31',
    status: 'active',
    description: [
      'The Corporate Parenting Board delivers its five priorities through five task groups. Each has a senior officer as lead and a Board councillor as its champion. Action owners take responsibility for resolving issues within the deadlines; progress is reviewed at each task group meeting and reported to the Board every quarter.',
      'Objectives are numbered 1 to 23 across the five groups: Health and Wellbeing 1–7, Leaving Care 8–12, Placements 13–16, Voice of the Child 17–19, Education 20–23.',
    ].join('\n\n'),
    nodes: [healthAndWellbeing, leavingCare, placements, voiceOfTheChild, education],
  },
};
