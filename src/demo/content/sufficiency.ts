// Westmere's Sufficiency Statement 2016–19 action plan: themed actions, each tied to a Challenge of the statement.
import type { PlanDocumentInput } from '../../domain/plan-document.ts';
import { staff } from './authority.ts';
import { brag, bullets, originalDeadline, owners, revisedDeadline, update } from './build.ts';
import { lowerFirst, sufficiencyChallenges } from './references.ts';

const {
  adCommissioning,
  strategicCommissioner,
  seniorCommissioner,
  smCla,
  smFostering,
  smPrevention,
  omFostering,
  omLeavingCare,
  uascTeam,
  psychologist,
  ccgCommissioning,
  biManager,
} = staff;

/** The statement and its action plan were agreed by the Corporate Parenting Board on 3 October 2016. */
const AGREED = '2016-10-03T09:00:00Z';
const JULY_2017 = '2017-07-31';
const JANUARY_2018 = '2018-01-31';

export const sufficiencyPlan: PlanDocumentInput = {
  format: 'parentis.plan',
  formatVersion: 1,
  plan: {
    slug: 'sufficiency-2016-19',
    title: 'Sufficiency Statement for Children Looked After and Care Leavers 2016–19: action plan',
    kind: 'sufficiency',
    periodStart: '2016-04-01',
    periodEnd: '2019-03-31',
    status: 'active',
    description: [
      'The action plan sets out how Westmere County Council and its partners will meet the duty to secure, as far as reasonably practicable, sufficient accommodation within the county for children looked after and care leavers. Progress is reported to the Corporate Parenting Board every quarter; measures shown on the board dashboard are flagged.',
      'The statement identifies six challenges:',
      bullets(...sufficiencyChallenges.map((c) => `Challenge ${c.value}: ${lowerFirst(c.body)}`)),
    ].join('\n\n'),
    nodes: [
      {
        kind: 'theme',
        title: 'Child Sexual Exploitation (CSE)',
        actions: [
          {
            number: '1',
            title: 'Commission a specialist CSE service jointly across the police force area',
            description:
              'Jointly commission, with the other four authorities in the Westmere and Coast police force area and the Office of the Police and Crime Commissioner, a specialist service for children who are being, or are at risk of being, sexually exploited. Younger unaccompanied children, who traffickers may target, are included. The specification is to reflect Westmere’s needs and require the provider to work alongside local practitioners rather than take referrals in isolation.',
            owners: owners(strategicCommissioner),
            successMeasures: bullets(
              'A service specification is agreed by all five authorities and the contract awarded to a specialist provider.',
              'Practitioners report greater confidence in recognising and responding to CSE.',
              'The number of children identified as at high risk of CSE falls.',
            ),
            deadlines: [originalDeadline('2017-10-01', adCommissioning, AGREED)],
            statuses: [
              brag('G', JULY_2017, 'Tender complete; provider mobilising for an October start.', strategicCommissioner, adCommissioning),
              brag('B', JANUARY_2018, 'Service live since 1 October 2017; contract monitoring now business as usual.', strategicCommissioner, adCommissioning),
            ],
            updates: [
              update(
                JULY_2017,
                strategicCommissioner,
                bullets(
                  'The competitive tender, run by the Office of the Police and Crime Commissioner on behalf of the five authorities, has closed and the contract has been awarded to the Harbour Lights Project.',
                  'The provider has met commissioners to agree its mobilisation plan, including co-location with the Hallowford and Brackenmouth social work teams.',
                  'The service is due to start on 1 October 2017.',
                ),
              ),
              update(
                JANUARY_2018,
                strategicCommissioner,
                bullets(
                  'The service started on time and has taken 23 referrals from Westmere in its first quarter.',
                  'Two practitioner awareness sessions have been delivered to the multi-agency safeguarding hub.',
                  'Quarterly contract review meetings are in place and report to the Safeguarding Children Board CSE sub-group.',
                ),
              ),
            ],
          },
        ],
      },
      {
        kind: 'theme',
        title: 'Commissioning',
        actions: [
          {
            number: '2',
            title: 'Develop the local market so providers place Westmere children in Westmere',
            description:
              'Work with independent fostering agencies and residential providers to build capacity inside the county and to make Westmere children the first call on that capacity.',
            owners: owners(strategicCommissioner),
            refs: [{ kind: 'challenge', value: '4' }],
            successMeasures: 'More regular and constructive engagement with fostering and residential providers, shown by attendance at provider forums and by providers raising capacity issues with us early.',
            deadlines: [originalDeadline('2018-03-31', adCommissioning, AGREED)],
            statuses: [
              brag('G', JULY_2017, 'Provider visits and forum under way as planned.', strategicCommissioner, adCommissioning),
              brag('G', JANUARY_2018, 'Forum well attended; two providers exploring new local homes.', strategicCommissioner, adCommissioning),
            ],
            updates: [
              update(
                JULY_2017,
                strategicCommissioner,
                bullets(
                  'A round of visits to independent fostering agencies has been arranged to talk through capacity and what gets in the way of working with us.',
                  'A fostering provider forum on 19 July will focus on placement stability and local capacity.',
                  'Commissioners are in regular contact with residential providers to resolve individual placement issues as they arise.',
                ),
              ),
              update(
                JANUARY_2018,
                seniorCommissioner,
                bullets(
                  'Fourteen agencies attended the July forum; a second forum was held in November on supporting teenagers with complex needs.',
                  'Two residential providers have asked for a meeting about opening homes in the Stowcombe area.',
                ),
              ),
            ],
          },
          {
            number: '3',
            title: 'Produce and deliver a Quality in Care framework',
            description:
              'Write, consult on and put in place a framework for assuring the quality of every placement, building a consistent, whole-system approach across fostering, residential and supported accommodation.',
            owners: owners(strategicCommissioner),
            successMeasures: 'The framework is drafted, consulted on with providers and young people, and in use by the placements team.',
            deadlines: [
              originalDeadline('2018-03-31', adCommissioning, AGREED),
              revisedDeadline(
                '2018-09-30',
                'The move of the placements team into Children’s Commissioning took longer than planned and consultation with providers could not start until the spring forum.',
                adCommissioning,
                '2018-01-22T10:30:00Z',
              ),
            ],
            statuses: [
              brag('A', JULY_2017, 'Research into current practice only; drafting not yet started.', strategicCommissioner, adCommissioning),
              brag('R', JANUARY_2018, 'Original March 2018 date will be missed; revised date agreed.', strategicCommissioner, adCommissioning),
            ],
            updates: [
              update(
                JULY_2017,
                strategicCommissioner,
                'The placements team is reviewing how it currently judges the quality of residential placements, as the starting point for the framework.',
              ),
              update(
                JANUARY_2018,
                strategicCommissioner,
                bullets(
                  'A first draft covers visiting, provider self-assessment and feedback from children; it has not yet been shared outside the team.',
                  'The Westmere In Care Council has asked to be involved in quality visits, and this is being built into the draft.',
                  'The deadline has been revised to September 2018 with the agreement of the Assistant Director.',
                ),
              ),
            ],
          },
        ],
      },
      {
        kind: 'theme',
        title: 'Early Help',
        actions: [
          {
            number: '4',
            title: 'Establish early help hubs in local communities',
            description:
              'Open an early help hub in each district where family support workers, health visitors, school nurses and partners work as one team, picking up families’ needs early. The Troubled Families programme becomes part of the hubs’ ordinary work rather than a separate project.',
            owners: owners(adCommissioning),
            refs: [{ kind: 'challenge', value: '5' }],
            successMeasures: 'More children, young people and families have their needs met early, before specialist help is needed.',
            deadlines: [originalDeadline('2018-04-01', adCommissioning, AGREED)],
            statuses: [brag('G', JULY_2017, 'Integration of children’s centre and public health nursing services on track for April 2018.', adCommissioning, adCommissioning)],
            updates: [
              update(
                JULY_2017,
                adCommissioning,
                'Phase one joins up children’s centres, level 2 and 3 family support and the public health nursing service (health visitors and school nurses). The joined-up service should be running from April 2018.',
              ),
            ],
          },
        ],
      },
      {
        kind: 'theme',
        title: 'Edge of Care',
        actions: [
          {
            number: '5',
            title: 'Develop an Adolescent Support Strategy',
            description: 'Write a strategy that strengthens edge-of-care services and puts preventative support for adolescents into the family home.',
            owners: owners(smPrevention, seniorCommissioner),
            refs: [{ kind: 'challenge', value: '1' }],
            successMeasures: 'The strategy is completed and agreed by the Early Help Board by the end of December 2017.',
            deadlines: [originalDeadline('2017-12-31', adCommissioning, AGREED)],
            statuses: [
              brag('G', JULY_2017, 'Scope agreed; drafting under way.', smPrevention, adCommissioning),
              brag('B', JANUARY_2018, 'Strategy agreed by the Early Help Board in December 2017.', smPrevention, adCommissioning),
            ],
            updates: [
              update(
                JULY_2017,
                smPrevention,
                bullets(
                  'The Children’s Services Senior Management Team has agreed the scope of the strategy.',
                  'It concentrates on tier 3 intervention for young people and their families.',
                  'Governance is through the Early Help Board; the deadline remains December 2017.',
                ),
              ),
              update(
                JANUARY_2018,
                smPrevention,
                bullets(
                  'The Early Help Board agreed the strategy on 14 December 2017.',
                  'Its first deliverable, a rapid response service for families of adolescents in crisis, is being designed with the Edge of Care team.',
                ),
              ),
            ],
          },
        ],
      },
      {
        kind: 'theme',
        title: 'Emotional and Mental Health',
        actions: [
          {
            number: '6',
            title: 'Complete the review of emotional and mental health services',
            description:
              'Complete the review, begun in 2016, of what is available for children with emotional and mental health needs and for children who have been abused or are at risk of abuse. Use it to make children looked after a named priority in the CAMHS transformation plan.',
            owners: owners(strategicCommissioner, ccgCommissioning),
            refs: [{ kind: 'challenge', value: '6' }],
            successMeasures: 'The CAMHS transformation plan names children looked after as a priority group, with actions and measures to match.',
            deadlines: [originalDeadline('2017-12-31', adCommissioning, AGREED)],
            statuses: [
              brag('A', JULY_2017, 'Mapping complete; priorities for children looked after not yet written into the transformation plan.', strategicCommissioner, adCommissioning),
              brag('G', JANUARY_2018, 'Refreshed transformation plan includes a section on children looked after.', strategicCommissioner, adCommissioning),
            ],
            updates: [
              update(
                JULY_2017,
                strategicCommissioner,
                bullets(
                  'Workshops with partners have mapped the emotional wellbeing and mental health services available across Westmere.',
                  'Partners have published an online mental health toolkit for practitioners: https://www.westmere.example/cyp-mental-health-toolkit',
                  'The CCG is piloting an online counselling service with a small group of schools.',
                ),
              ),
            ],
          },
          {
            number: '7',
            title: 'Secure placements and skilled staff for children with high mental health needs',
            description:
              'There is a gap in provision for young people leaving tier 4 inpatient mental health care who still need intensive, skilled day-to-day support. Work with the CCG to commission placements, and train the staff who work in them, so these young people can live safely in the community.',
            owners: owners(smCla, psychologist),
            flags: ['dashboard-measure'],
            refs: [{ kind: 'challenge', value: '6' }],
            successMeasures: bullets(
              'The emotional and behavioural health of children looked after improves, measured by the average SDQ score.',
              'More placements are jointly funded by children’s social care, education and the CCG for children with the most complex needs.',
            ),
            deadlines: [
              originalDeadline('2017-09-30', adCommissioning, AGREED),
              revisedDeadline('2018-03-31', 'Clinical psychologist posts in the Emotional Health and Wellbeing team took two recruitment rounds to fill.', smCla, '2017-10-16T14:00:00Z'),
            ],
            statuses: [
              brag('R', JULY_2017, 'No suitable step-down provision; psychologist posts still vacant.', smCla, adCommissioning),
              brag('A', JANUARY_2018, 'Team now largely staffed; joint-funding protocol in draft.', smCla, adCommissioning),
            ],
            kpis: [
              { title: 'Average SDQ score of children looked after aged 4–16', measureCode: 'CLA_SDQ_AVERAGE', unit: 'score', targets: [{ by: '2018-03-31', value: 14.5 }, { by: '2019-03-31', value: 14 }] },
            ],
            updates: [
              update(
                JULY_2017,
                smCla,
                bullets(
                  'A team manager and three social workers have been appointed to the Emotional Health and Wellbeing team.',
                  'A clinical psychologist has been offered a post and should start in September; the second psychologist post is being advertised.',
                  'We are redesigning how children’s social care meets the emotional health needs of children looked after, and a meeting between the Deputy Director and the CAMHS service director has been arranged.',
                  'An educational psychologist on secondment to the team is looking at how SDQs are completed and used.',
                ),
              ),
              update(
                JANUARY_2018,
                psychologist,
                bullets(
                  'The first clinical psychologist started in November 2017.',
                  'A draft protocol for jointly funding placements for children with complex needs is with the CCG for comment.',
                  'Since 1 January the team screens every child six weeks after they become looked after.',
                ),
              ),
            ],
          },
        ],
      },
      {
        kind: 'theme',
        title: 'Pathways to Independence: W2i',
        actions: [
          {
            number: '8',
            title: 'Implement the W2i homelessness prevention service for young people aged 16 to 25',
            description:
              'Launch the Westmere Way to Independence (W2i) service, commissioned on outcomes, so that young people aged 16 to 25 at risk of homelessness get housing advice, supported accommodation and a route to a tenancy. Delivered with the five district councils and registered housing providers.',
            owners: owners(seniorCommissioner),
            refs: [{ kind: 'challenge', value: '1' }],
            successMeasures: 'Fewer young people become homeless.',
            deadlines: [originalDeadline('2017-03-31', adCommissioning, AGREED)],
            statuses: [brag('B', JULY_2017, 'Contracts running at capacity across the county; now business as usual.', seniorCommissioner, adCommissioning)],
            updates: [
              update(
                JULY_2017,
                seniorCommissioner,
                bullets(
                  'W2i contracts have been running at capacity in every district since January 2017, and all young people moved across to the new services.',
                  'A W2i allocation panel and a young people’s hub now operate in each district.',
                  'The district councils are recruiting housing prevention workers for W2i.',
                  'All contracts are managed against outcomes.',
                  'We are looking with adult housing services at opportunities for joint commissioning in future.',
                ),
              ),
            ],
          },
          {
            number: '9',
            title: 'Plan and prepare every young person for leaving care',
            description: 'Start planning early with every young person for the move out of care, so that each has a pathway plan they helped to write and support in place before a crisis can arise.',
            owners: owners(smCla, omLeavingCare),
            flags: ['dashboard-measure'],
            refs: [{ kind: 'challenge', value: '3' }],
            successMeasures: bullets(
              'More care leavers are in suitable accommodation (number and percentage).',
              'Fewer care leavers come into W2i as an emergency.',
            ),
            deadlines: [originalDeadline('2018-03-31', adCommissioning, AGREED)],
            statuses: [
              brag('G', JULY_2017, 'More pathway plans completed, and of better quality.', smCla, adCommissioning),
              brag('G', JANUARY_2018, 'Weekly tracking continues; emergency W2i referrals down.', omLeavingCare, adCommissioning),
            ],
            kpis: [
              { title: '% of care leavers aged 19–21 in suitable accommodation', measureCode: 'care-leavers-19-21-suitable-accommodation', unit: '%', targets: [{ by: '2018-03-31', value: 90 }, { by: '2019-03-31', value: 93 }] },
            ],
            updates: [
              update(
                JULY_2017,
                smCla,
                bullets(
                  'More pathway plans are being completed, and audits show their quality is improving.',
                  'Managers now review every young person aged 17 and over each week, and fewer reach a crisis as a result.',
                  'We continue to offer early help services to young people, and ask them what would help.',
                  'Two social workers have joined the leaving care teams.',
                ),
              ),
              update(
                JANUARY_2018,
                omLeavingCare,
                'Four care leavers came into W2i as an emergency between August and December, compared with eleven in the same months of 2016.',
              ),
            ],
          },
        ],
      },
      {
        kind: 'theme',
        title: 'Permanence',
        actions: [
          {
            number: '10',
            title: 'Move adoption services into the regional adoption agency',
            description:
              'Join the regional adoption agency with neighbouring councils and voluntary agencies, and use the move to improve the support we give to adoptive families and special guardians.',
            owners: owners(smFostering),
            refs: [{ kind: 'challenge', value: '2' }],
            successMeasures: 'A single regional adoption agency, Adopt Severn and Moor, established with three neighbouring councils and two voluntary adoption agencies, operational by March 2018.',
            deadlines: [
              originalDeadline('2018-03-31', adCommissioning, AGREED),
              revisedDeadline('2019-04-01', 'Partner councils agreed a local-authority-hosted model, which needs a full business case before the agency can go live.', smFostering, '2017-09-04T11:00:00Z'),
            ],
            statuses: [
              brag('G', JULY_2017, 'Governance board in place; joint adoption panels from October.', smFostering, adCommissioning),
              brag('G', JANUARY_2018, 'Joint panels running; business case in preparation for the revised date.', smFostering, adCommissioning),
            ],
            updates: [
              update(
                JULY_2017,
                smFostering,
                bullets(
                  'Work continues towards a local-authority-hosted regional agency; a full business case will be prepared.',
                  'Adoption panels will be held jointly from October 2017.',
                  'Progress is overseen by the regional governance board.',
                ),
              ),
            ],
          },
          {
            number: '11',
            title: 'Review how well our permanence arrangements work for all children looked after',
            description: bullets(
              'Embed good practice in considering permanence options early, and in achieving permanence without drift or delay.',
              'Increase the number of Staying Put arrangements.',
            ),
            owners: owners(smFostering, omFostering),
            flags: ['dashboard-measure'],
            refs: [{ kind: 'challenge', value: '2' }],
            successMeasures: bullets(
              'A higher percentage of children leave care through adoption, special guardianship or a successful return home.',
              'A higher percentage of permanent fostering matches where that is the care plan.',
              'More care leavers stay with their former foster carers after 18 (Staying Put).',
              'Fewer children looked after have three or more placements in a year.',
              'Adoption timescales stay within target.',
            ),
            deadlines: [originalDeadline('2018-03-31', adCommissioning, AGREED)],
            statuses: [
              brag('G', JULY_2017, 'Pathway and workshops revised; three-placement measure within target.', smFostering, adCommissioning),
              brag('G', JANUARY_2018, 'Workshops delivered; Staying Put numbers up.', omFostering, adCommissioning),
            ],
            kpis: [
              {
                title: '% of children looked after with 3 or more placements in 12 months',
                measureCode: 'placements-3plus',
                unit: '%',
                targets: [{ by: '2017-03-31', value: 11 }, { by: '2018-03-31', value: 11 }, { by: '2019-03-31', value: 10 }],
              },
            ],
            updates: [
              update(
                JULY_2017,
                smFostering,
                'The permanence pathway and its workshops have been reviewed and revised. Four workshops for social workers and team managers run between June and October 2017.',
                bullets(
                  '19 children were placed for adoption in 2016/17; 7 of them were in early permanence (fostering for adoption) placements.',
                  'Adoption timescales remain good.',
                  'Between April 2016 and March 2017 the Permanence Panel considered 24 permanent fostering matches for 38 children, 15 of them in sibling groups.',
                  '52 special guardianship orders were made in 2016/17, up from 37 the year before; 21 of these children had been looked after.',
                  '12.6% of children had three or more placements in 2015/16. The 11% target was met at the end of 2016/17 and remains the target for 2017/18; year to date performance is 1.4% against a profile of 2.5%.',
                ),
              ),
              update(
                JANUARY_2018,
                omFostering,
                bullets(
                  'All four permanence workshops were delivered, to 86 social workers and managers.',
                  '31 young people are in Staying Put arrangements, compared with 22 a year ago.',
                ),
              ),
            ],
          },
        ],
      },
      {
        kind: 'theme',
        title: 'Placements',
        actions: [
          {
            number: '12',
            title: 'Strengthen the support package for in-house foster carers',
            description:
              'Improve the support offered to Westmere foster carers, so that placements are more stable and more children with complex needs can live with local foster families.',
            owners: owners(smFostering),
            flags: ['dashboard-measure'],
            refs: [
              { kind: 'challenge', value: '2' },
              { kind: 'challenge', value: '4' },
            ],
            successMeasures: bullets(
              'The skills, capability and number of in-house foster carers grow, particularly in supporting children’s emotional resilience.',
              'Brothers and sisters are kept together.',
              'More children looked after stay in the same placement for two years or more.',
              'Fewer children are placed out of county or in residential care where that is not their assessed need.',
            ),
            deadlines: [originalDeadline('2018-03-31', adCommissioning, AGREED)],
            statuses: [
              brag('A', JULY_2017, 'Long-term stability flat at 57%; out-of-county placements above target.', smFostering, adCommissioning),
              brag('A', JANUARY_2018, 'New fees agreed by Cabinet, but stability and distance measures not yet moving.', smFostering, adCommissioning),
            ],
            kpis: [
              {
                title: '% of children looked after for 2.5 years or more who have lived in the same placement for 2 years',
                measureCode: 'long-term-stability',
                unit: '%',
                targets: [{ by: '2018-03-31', value: 65 }, { by: '2019-03-31', value: 70 }],
              },
              { title: '% of children placed outside Westmere and more than 20 miles from home', measureCode: 'placed-20-miles-out', unit: '%', targets: [{ by: '2018-03-31', value: 15 }] },
            ],
            updates: [
              update(
                JULY_2017,
                smFostering,
                bullets(
                  'Long-term stability has hardly moved this year: 57.1% of children looked after for two and a half years have been in the same placement for two years (72 of 126).',
                  'Newly approved foster carers now join learning sets, modelled on the attachment-based programme already running for experienced carers.',
                  'A group of foster carers has reviewed the support offer, including fees and allowances, and a proposal goes to Cabinet in August 2017.',
                  '19% of children are placed outside Westmere and more than 20 miles from home, against a target of 15%. The shortage of placements locally and nationally drives this figure.',
                ),
              ),
              update(
                JANUARY_2018,
                smFostering,
                bullets(
                  'Cabinet agreed the new fees and allowances in August 2017 and carers have been paid at the new rates since October.',
                  'Long-term stability is 58.3% (74 of 127).',
                ),
              ),
            ],
          },
          {
            number: '13',
            title: 'Introduce a new way of finding high-quality independent fostering placements',
            description:
              'Review the existing independent fostering agency (IFA) framework, introduce a new system and process for finding effective IFA placements, and strengthen the links between commissioning and the placements team.',
            owners: owners(strategicCommissioner),
            refs: [{ kind: 'challenge', value: '4' }],
            successMeasures: 'More children in foster placements stay in the same placement for two years or more.',
            deadlines: [originalDeadline('2018-04-01', adCommissioning, AGREED)],
            statuses: [
              brag('A', JULY_2017, 'Framework re-tender under way but timetable tight.', strategicCommissioner, adCommissioning),
              brag('G', JANUARY_2018, 'Tender evaluated; new framework on track for April 2018.', strategicCommissioner, adCommissioning),
            ],
            updates: [
              update(
                JULY_2017,
                strategicCommissioner,
                bullets(
                  'The regional IFA framework is being re-tendered with neighbouring authorities, to start in April 2018.',
                  'The July provider forum will focus on stability of placements and how to improve it.',
                  'The placements team has moved into Children’s Commissioning, bringing the two closer together.',
                ),
              ),
            ],
          },
          {
            number: '14',
            title: 'Keep specialist residential placements outside Westmere to a minority',
            description:
              'Build enough specialist residential capacity inside Westmere that a child who needs a children’s home can usually keep their school, friends and family links, with placements beyond the county kept for the few whose needs cannot be met here.',
            owners: owners(strategicCommissioner, biManager),
            flags: ['dashboard-measure'],
            refs: [{ kind: 'challenge', value: '4' }],
            successMeasures: bullets(
              'The number of children in specialist residential care outside Westmere falls, as CAMHS transformation, the complex needs panel and stronger early help build local capacity.',
              'Fewer children looked after are placed more than 20 miles from home.',
            ),
            deadlines: [originalDeadline('2018-03-31', adCommissioning, AGREED)],
            statuses: [
              brag('R', JULY_2017, 'Out-of-area residential placements rising; no local capacity yet secured.', strategicCommissioner, adCommissioning),
              brag('R', JANUARY_2018, 'Block contract proposal delayed; numbers out of area unchanged.', strategicCommissioner, null),
            ],
            updates: [
              update(
                JULY_2017,
                strategicCommissioner,
                bullets(
                  'We have started talking to residential providers about expanding their homes in Westmere.',
                  'Framework contracts for residential care are being developed with neighbouring authorities, possibly with a wider group.',
                  'A proposal is being prepared to guarantee a supply of local residential places by working closely with Westmere providers.',
                ),
              ),
              update(
                JANUARY_2018,
                strategicCommissioner,
                'The proposal for guaranteed local residential places has been delayed while legal advice on the procurement route is obtained. 27 children are in residential placements outside Westmere, the same as in July. Status awaiting approval at the February Corporate Parenting Board.',
              ),
            ],
          },
        ],
      },
      {
        kind: 'theme',
        title: 'Unaccompanied Asylum Seeking Children (UASC)',
        actions: [
          {
            number: '15',
            title: 'Plan with partners to meet the needs of unaccompanied asylum seeking children',
            description:
              'Plan jointly with health, education, housing and the police for the unaccompanied young people arriving in Westmere under the national transfer scheme, so that they settle well and are held to the same expectations as any other child in our care.',
            owners: owners(smCla, uascTeam),
            refs: [{ kind: 'challenge', value: '1' }],
            successMeasures: 'The same processes apply to every unaccompanied child as to all children looked after, including a care plan and an individual placement agreement.',
            deadlines: [originalDeadline('2017-12-31', adCommissioning, AGREED)],
            statuses: [
              brag('G', JULY_2017, 'Team recruited; processes aligned with those for all children looked after.', smCla, adCommissioning),
              brag('B', JANUARY_2018, 'Every young person has a care plan and placement agreement; now business as usual.', uascTeam, adCommissioning),
            ],
            updates: [
              update(
                JULY_2017,
                smCla,
                bullets(
                  '14 unaccompanied children currently live in Westmere and we expect 3 more shortly.',
                  'A team manager and three social workers have been recruited to the new team.',
                  'Systems and processes are in place, and we work closely with health, education and the Virtual School so that these young people are treated as children looked after in every respect.',
                  'Most are 16 or 17 and live in semi-independent accommodation; we are working with the provider on the right accommodation and support.',
                  'Every young person is to have an individual placement agreement, and IROs are checking that the few in foster care have their needs met.',
                  'Updates are shared with partners through the Safeguarding Children Board.',
                ),
              ),
            ],
          },
        ],
      },
    ],
  },
};
