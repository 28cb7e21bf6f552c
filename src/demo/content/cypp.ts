// Westmere's Children and Young People's Plan 2016–19: seven improvement programmes, programme 6's action plan
// mapped to the 2017 inspection recommendations, and the programme risk register.
import type { NodeDocumentInput, PlanDocumentInput } from '../../domain/plan-document.ts';
import { roles, signature, staff } from './authority.ts';
import { brag, bullets, originalDeadline, owners, revisedDeadline, update } from './build.ts';
import { inspectionRecommendations, type DemoReference } from './references.ts';

const {
  dcs,
  deputyDirector,
  adCommissioning,
  adQuality,
  hrDirector,
  strategicCommissioner,
  smCla,
  smFostering,
  smPrevention,
  smQuality,
  omCla,
  omFostering,
  omWorkforce,
  omLeavingCare,
  designatedNurse,
  ccgCommissioning,
  psychologist,
  vsh,
  educationOutcomes,
  biManager,
  partnership,
  odManager,
  publicHealth,
  seniorIro,
} = staff;

/** The 2018/19 action plan for programme 6 was finalised on 4 May 2018; other programmes' year 3 plans on 3 April. */
const P6_AGREED = '2018-05-04T09:00:00Z';
const YEAR3_AGREED = '2018-04-03T09:00:00Z';
const Q4 = '2018-03-31';
const Q1 = '2018-06-30';
const Q2 = '2018-09-30';

const inspection = (...numbers: string[]) => numbers.map((value) => ({ kind: 'inspection' as const, value }));
const programme = (...numbers: string[]) => numbers.map((value) => ({ kind: 'programme' as const, value }));
/** Measures of the library (by code) an action aims to move, besides its own success measures. */
const measure = (...codes: string[]) => codes.map((value) => ({ kind: 'measure' as const, value }));

const programme1: NodeDocumentInput = {
  kind: 'programme',
  number: '1',
  title: 'Supporting children, families and communities to become more resilient',
  description: 'Families and communities can find and use the help around them and solve more of their own problems, with the SEND Local Offer and community resources easy to find.',
  deliveryGroup: 'Early Help Strategic Commissioning Board',
  chair: roles.adCommissioning,
  lead: signature(adCommissioning),
  seniorResponsibleOwner: roles.dcs,
  status: {
    status: 'A',
    trend: 'stable',
    reason: 'Two of three actions are moving, but the Charter Mark has no sponsor and the SEND Local Offer website has slipped a second time because of the supplier.',
    asAt: Q1,
  },
  actions: [
    {
      number: '1.1',
      title: 'Relaunch the SEND Local Offer on a new web platform',
      owners: owners(adCommissioning),
      deadlines: [
        originalDeadline('2018-03-31', adCommissioning, '2017-04-03T09:00:00Z'),
        revisedDeadline('2018-09-30', 'Supplier of the new web platform delivered late; content migration rescheduled.', adCommissioning, '2018-03-20T10:00:00Z'),
      ],
      statuses: [brag('A', Q4, 'Platform delayed; date revised.', adCommissioning, dcs), brag('A', Q1, 'Content migration under way.', adCommissioning, dcs)],
    },
    {
      number: '1.2',
      title: 'Develop a Charter Mark for Inclusive Communities',
      owners: owners(adCommissioning),
      deadlines: [originalDeadline('2018-03-31', adCommissioning, '2017-04-03T09:00:00Z')],
      statuses: [brag('R', Q4, 'No sponsor organisation found; scope not agreed.', adCommissioning, dcs), brag('R', Q1, 'Still no agreed scope; proposal to fold into the next plan.', adCommissioning, dcs)],
    },
    {
      number: '1.3',
      title: 'Strengthen independent advocacy for parents in child protection processes',
      owners: owners(smQuality),
      refs: programme('6'),
      deadlines: [originalDeadline('2018-09-30', adCommissioning, YEAR3_AGREED)],
      statuses: [brag('A', Q1, 'Options paper drafted; funding not identified.', smQuality, dcs)],
    },
  ],
};

const programme2: NodeDocumentInput = {
  kind: 'programme',
  number: '2',
  title: 'Promoting healthy outcomes and giving children the best start in life',
  deliveryGroup: 'Children and Young People’s Health and Wellbeing Group',
  chair: roles.publicHealthConsultant,
  lead: signature(publicHealth),
  seniorResponsibleOwner: 'Director of Public Health',
  status: {
    status: 'G',
    trend: 'stable',
    reason: 'Cabinet has agreed the Family Support Service model and health capacity for children looked after is funded for the year. The perinatal bid waits for NHS England’s next funding wave.',
    asAt: Q1,
  },
  actions: [
    {
      number: '2.1',
      title: 'Agree the new Family Support Service model following public consultation',
      owners: owners(publicHealth, adCommissioning),
      refs: programme('5'),
      deadlines: [originalDeadline('2018-04-30', publicHealth, '2017-04-03T09:00:00Z')],
      statuses: [brag('G', Q4, 'Consultation closed; responses analysed.', publicHealth, dcs), brag('B', Q1, 'Cabinet agreed the model in May.', publicHealth, dcs)],
    },
    {
      number: '2.2',
      title: 'Bid for specialist perinatal mental health funding',
      owners: owners(publicHealth, ccgCommissioning),
      deadlines: [
        originalDeadline('2017-09-30', publicHealth, '2017-04-03T09:00:00Z'),
        revisedDeadline('2018-07-31', 'NHS England moved the bidding window to the next funding wave.', publicHealth, '2017-10-12T09:00:00Z'),
      ],
      statuses: [brag('A', Q1, 'Bid being written for the summer wave.', publicHealth, dcs)],
    },
    {
      number: '2.3',
      title: 'Secure health capacity for children looked after and their carers',
      owners: owners(ccgCommissioning, designatedNurse),
      refs: programme('6'),
      deadlines: [originalDeadline('2019-03-31', publicHealth, YEAR3_AGREED)],
      statuses: [brag('G', Q1, 'Additional nurse specialist hours funded for 2018/19.', designatedNurse, dcs)],
    },
  ],
};

const programme3: NodeDocumentInput = {
  kind: 'programme',
  number: '3',
  title: 'Improving emotional health and wellbeing',
  deliveryGroup: 'Commissioning Group for Children and Young People’s Mental Health and Emotional Wellbeing',
  chair: roles.ccgJointCommissioning,
  lead: signature(ccgCommissioning),
  seniorResponsibleOwner: 'Director of Commissioning, Westmere Clinical Commissioning Group',
  status: {
    status: 'A',
    trend: 'improving',
    reason: 'The schools health and resilience service is running and the self-harm reduction plan is agreed, but there is still no shared data dashboard and the second psychologist post for children looked after only filled in June.',
    asAt: Q1,
  },
  actions: [
    {
      number: '3.1',
      title: 'Implement the schools health and resilience education service',
      owners: owners(ccgCommissioning),
      deadlines: [originalDeadline('2018-03-31', ccgCommissioning, '2017-04-03T09:00:00Z')],
      statuses: [brag('B', Q4, 'Service running in all secondary schools.', ccgCommissioning, dcs)],
    },
    {
      number: '3.2',
      title: 'Agree and deliver the self-harm reduction action plan',
      owners: owners(publicHealth, ccgCommissioning),
      deadlines: [originalDeadline('2018-12-31', ccgCommissioning, YEAR3_AGREED)],
      statuses: [brag('G', Q1, 'Plan agreed by the task and finish group in May.', publicHealth, dcs)],
    },
    {
      number: '3.3',
      title: 'Jointly resource a specialist emotional health team for children looked after',
      owners: owners(ccgCommissioning, smCla, psychologist),
      refs: programme('6'),
      deadlines: [
        originalDeadline('2018-03-31', ccgCommissioning, '2017-04-03T09:00:00Z'),
        revisedDeadline('2018-06-30', 'Second clinical psychologist post had to be re-advertised.', smCla, '2018-03-12T11:00:00Z'),
      ],
      statuses: [brag('R', Q4, 'Second psychologist recruitment failed.', smCla, dcs), brag('G', Q1, 'Post filled in June; team complete.', smCla, dcs)],
    },
    {
      number: '3.4',
      title: 'Build a shared data dashboard for children’s mental health services',
      owners: owners(ccgCommissioning, biManager),
      deadlines: [
        originalDeadline('2017-12-31', ccgCommissioning, '2017-04-03T09:00:00Z'),
        revisedDeadline('2018-09-30', 'Data-sharing agreement between the CCG, the NHS trust and the council not yet signed.', ccgCommissioning, '2018-01-15T10:00:00Z'),
      ],
      statuses: [brag('R', Q4, 'No agreement to share data.', biManager, dcs), brag('R', Q1, 'Agreement with the trust’s governance team.', biManager, dcs)],
    },
  ],
};

const programme4: NodeDocumentInput = {
  kind: 'programme',
  number: '4',
  title: 'Building skills for life',
  deliveryGroup: 'Westmere Education Partnership Board',
  chair: roles.headOfOutcomes,
  lead: signature(educationOutcomes),
  seniorResponsibleOwner: 'Director of Education and Skills',
  status: {
    status: 'G',
    trend: 'stable',
    reason: 'Talent Academies are running and the Team Around the School pilot is in place. Results for vulnerable groups remain below those of their peers, which the next plan will need to address.',
    asAt: Q1,
  },
  actions: [
    {
      number: '4.1',
      title: 'Pilot Team Around the School support for pupils with repeated fixed-term exclusions',
      owners: owners(educationOutcomes),
      deadlines: [originalDeadline('2018-07-31', educationOutcomes, YEAR3_AGREED)],
      statuses: [brag('G', Q1, 'Pilot running in 9 secondary schools.', educationOutcomes, dcs)],
    },
    {
      number: '4.2',
      title: 'Strengthen the role and capacity of the Virtual School',
      owners: owners(vsh),
      refs: programme('6'),
      deadlines: [originalDeadline('2018-09-01', educationOutcomes, YEAR3_AGREED)],
      statuses: [brag('G', Q1, 'Post-16 link worker in post; post-18 options paper agreed.', vsh, dcs)],
    },
    {
      number: '4.3',
      title: 'Roll out Talent Academies for 14 to 16 year olds',
      owners: owners(educationOutcomes),
      deadlines: [originalDeadline('2018-03-31', educationOutcomes, '2017-04-03T09:00:00Z')],
      statuses: [brag('B', Q4, 'Academies running in all districts.', educationOutcomes, dcs)],
    },
  ],
};

const programme5: NodeDocumentInput = {
  kind: 'programme',
  number: '5',
  title: 'Providing help early and effectively',
  deliveryGroup: 'Early Help Strategic Commissioning Board',
  chair: roles.adCommissioning,
  lead: signature(smPrevention),
  seniorResponsibleOwner: roles.dcs,
  status: {
    status: 'G',
    trend: 'improving',
    reason: 'The rapid response service for adolescents is live and partner use of the early help assessment has risen, although re-referrals to social care remain higher than we want.',
    asAt: Q1,
  },
  actions: [
    {
      number: '5.1',
      title: 'Implement the new Family Support Service',
      owners: owners(smPrevention),
      refs: programme('2'),
      deadlines: [originalDeadline('2018-10-01', smPrevention, YEAR3_AGREED)],
      statuses: [brag('A', Q1, 'Staff consultation on the new structure running late.', smPrevention, dcs)],
    },
    {
      number: '5.2',
      title: 'Help practitioners in every agency use the early help process with confidence',
      description: 'A communications plan and a single web page signposting all early help support, using the early help dashboard to find organisations that need more help.',
      owners: owners(smPrevention, partnership),
      deadlines: [originalDeadline('2018-09-30', smPrevention, YEAR3_AGREED)],
      statuses: [brag('G', Q1, 'Web page live; briefings delivered to 14 partner organisations.', smPrevention, dcs)],
    },
    {
      number: '5.3',
      title: 'Launch a rapid response service for families of adolescents in crisis',
      owners: owners(smPrevention),
      refs: programme('6'),
      deadlines: [originalDeadline('2018-01-31', smPrevention, '2017-04-03T09:00:00Z')],
      statuses: [brag('B', Q4, 'Service live since January 2018, available 24 hours a day.', smPrevention, dcs)],
    },
  ],
};

const programme7: NodeDocumentInput = {
  kind: 'programme',
  number: '7',
  title: 'Embedding a Think Family approach across the workforce',
  description: 'In year 3 the programme also carries the plan to build a permanent social care workforce.',
  deliveryGroup: 'Workforce Board',
  chair: roles.hrDirector,
  lead: signature(hrDirector),
  seniorResponsibleOwner: roles.hrDirector,
  status: {
    status: 'R',
    trend: 'worsening',
    reason: 'Social worker vacancies rose over the quarter and agency staff make up 24% of the frontline. The Think Family strategy is launched but engagement of the police in the programme remains limited.',
    asAt: Q1,
  },
  actions: [
    {
      number: '7.1',
      title: 'Deliver the plan to reach 75% permanent social work staffing',
      owners: owners(hrDirector, omWorkforce),
      refs: programme('6'),
      deadlines: [originalDeadline('2018-09-30', hrDirector, YEAR3_AGREED)],
      statuses: [brag('A', Q4, 'Permanent staffing at 73%.', omWorkforce, dcs), brag('R', Q1, 'Permanent staffing fell to 70% after summer leavers.', omWorkforce, dcs)],
    },
    {
      number: '7.2',
      title: 'Launch the Think Family strategy',
      owners: owners(hrDirector, partnership),
      deadlines: [
        originalDeadline('2017-12-31', hrDirector, '2017-04-03T09:00:00Z'),
        revisedDeadline('2018-03-31', 'Two more task and finish meetings needed to finalise the strategy with partners.', partnership, '2017-10-20T09:00:00Z'),
      ],
      statuses: [brag('B', Q4, 'Strategy launched in March 2018.', partnership, dcs)],
    },
    {
      number: '7.3',
      title: 'Prepare a business case for whole-family working training',
      owners: owners(odManager),
      deadlines: [originalDeadline('2018-09-30', hrDirector, YEAR3_AGREED)],
      statuses: [brag('A', Q1, 'Costs agreed; police participation unconfirmed.', odManager, dcs)],
    },
  ],
};

const leadershipCapacity: NodeDocumentInput = {
  kind: 'area',
  number: '1',
  title: 'Leadership capacity',
  description: 'The inspection found the senior team too stretched to drive improvement at the speed needed. This area adds leadership capacity and sharpens who is accountable for what.',
  lead: `${roles.hrDirector} and ${roles.deputyDirector}`,
  actions: [
    {
      number: '6.1',
      title: 'Review the senior management structure and roles',
      description: 'Add heads of service for children looked after and for the front door, and clarify the responsibilities of operations managers, so that each part of the service has a senior lead with time to improve practice.',
      owners: owners(hrDirector, deputyDirector),
      refs: inspection('1'),
      outcome: 'Children are supported by a stable, experienced staff group, most of them permanent, whose work audits as good.',
      successMeasures: bullets(
        '90% of the social work workforce is permanent by April 2019.',
        '75% of year 3 students go on to their assessed and supported year in employment with Westmere in 2018.',
        '80% of newly qualified social workers are still with us at the end of their second year.',
        'Social worker turnover is below the national average of 14%.',
        'Audit finds half of practice graded good or better.',
      ),
      deadlines: [originalDeadline('2018-06-01', deputyDirector, P6_AGREED)],
      statuses: [brag('G', Q1, 'Structure agreed; two new heads of service appointed.', hrDirector, deputyDirector), brag('G', Q2, 'Sub-actions complete or on track.', hrDirector, deputyDirector)],
      kpis: [
        {
          title: '% of the social work workforce who are permanent',
          measureCode: 'SW_PERMANENT_WORKFORCE',
          unit: '%',
          targets: [{ by: '2018-06-30', value: 80 }, { by: '2018-12-31', value: 85 }, { by: '2019-03-31', value: 90 }],
        },
        { title: 'Social worker turnover rate', measureCode: 'SW_TURNOVER', unit: '%', targets: [{ by: '2019-03-31', value: 14 }] },
      ],
      subActions: [
        {
          number: '6.1.1',
          title: 'Embed the leadership competency framework at every level',
          owners: owners(hrDirector),
          deadlines: [originalDeadline('2018-05-31', deputyDirector, P6_AGREED)],
          statuses: [brag('B', Q1, 'Framework used in all appraisals from May.', hrDirector, deputyDirector)],
        },
        {
          number: '6.1.2',
          title: 'Consult staff on flexible ways of working that better suit families and staff',
          owners: owners(hrDirector, odManager),
          deadlines: [
            originalDeadline('2018-06-01', deputyDirector, P6_AGREED),
            revisedDeadline('2018-07-31', 'Consultation extended at the request of the trade unions.', hrDirector, '2018-05-29T10:00:00Z'),
          ],
          statuses: [brag('A', Q1, 'Consultation extended to July.', odManager, deputyDirector), brag('B', Q2, 'New working patterns in place from September.', odManager, deputyDirector)],
        },
        {
          number: '6.1.3',
          title: 'Reshape the consultant social worker role to give teams more agile expert support',
          owners: owners(deputyDirector),
          deadlines: [originalDeadline('2018-06-01', deputyDirector, P6_AGREED)],
          statuses: [brag('G', Q1, 'New role profile agreed; recruitment under way.', deputyDirector, deputyDirector)],
        },
      ],
    },
    {
      number: '6.2',
      title: 'Build workforce capacity through the county workforce strategy',
      description: bullets(
        'Launch a social work degree apprenticeship with the Open University for existing Westmere staff.',
        'Teach on the two regional degree courses and attend every careers fair they run.',
        'Guarantee year 3 students a placement in a Westmere team, with a practice educator.',
        'Host the regional Step Up to Social Work cohort for a second intake.',
      ),
      owners: owners(omWorkforce),
      refs: [...inspection('1'), ...programme('7')],
      deadlines: [originalDeadline('2019-03-31', deputyDirector, P6_AGREED)],
      statuses: [brag('G', Q1, 'Apprenticeship cohort of 8 starts in September.', omWorkforce, deputyDirector)],
      kpis: [{ title: '% of year 3 students who join Westmere as newly qualified social workers', measureCode: 'SW_STUDENT_CONVERSION', unit: '%', targets: [{ by: '2018-12-31', value: 75 }] }],
    },
    {
      number: '6.3',
      title: 'Revise the strategic quality assurance framework',
      description: 'Replace the separate audit arrangements of each service with one framework: what is audited, by whom and how often, how findings reach practitioners and planners, and how families’ views of the help they received are collected.',
      owners: owners(smQuality),
      refs: inspection('2', '3'),
      outcome: 'What audits find and what families tell us changes how services are planned and how staff are trained.',
      successMeasures: 'Audit finds clear, directive management oversight in 75% of cases.',
      deadlines: [originalDeadline('2018-06-01', deputyDirector, P6_AGREED)],
      statuses: [brag('G', Q1, 'Framework agreed; audit tools being revised.', smQuality, deputyDirector), brag('A', Q2, 'Audit tool revision behind schedule.', smQuality, deputyDirector)],
      subActions: [
        {
          number: '6.3.1',
          title: 'Set management accountability principles focused on good outcomes for children',
          owners: owners(smQuality),
          deadlines: [originalDeadline('2018-06-01', deputyDirector, P6_AGREED)],
          statuses: [brag('B', Q1, 'Principles agreed by the senior leadership team.', smQuality, deputyDirector)],
        },
        {
          number: '6.3.2',
          title: 'Review audit tools so they match the principles',
          owners: owners(smQuality),
          deadlines: [
            originalDeadline('2018-06-01', deputyDirector, P6_AGREED),
            revisedDeadline('2018-10-31', 'Audit team carried two vacancies over the summer.', smQuality, '2018-07-09T10:00:00Z'),
          ],
          statuses: [brag('A', Q1, 'Drafts for 2 of 5 tools.', smQuality, deputyDirector), brag('A', Q2, 'Revised date agreed.', smQuality, deputyDirector)],
        },
        {
          number: '6.3.3',
          title: 'Embed the training, audit and learning cycle, including children’s identity and cultural needs',
          owners: owners(smQuality, omWorkforce),
          refs: inspection('14'),
          deadlines: [originalDeadline('2018-09-30', deputyDirector, P6_AGREED)],
          statuses: [brag('G', Q2, 'Monthly learning briefings based on audit findings.', omWorkforce, deputyDirector)],
        },
      ],
      kpis: [{ title: '% of audits finding clear management oversight', measureCode: 'AUDIT_MANAGEMENT_OVERSIGHT', unit: '%', targets: [{ by: '2018-09-30', value: 60 }, { by: '2019-03-31', value: 75 }] }],
    },
    {
      number: '6.4',
      title: 'Introduce a management decision-making matrix',
      description: 'Increase accountability and autonomy at every level of management.',
      owners: owners(smQuality),
      refs: inspection('2'),
      deadlines: [originalDeadline('2018-04-01', deputyDirector, '2018-03-01T09:00:00Z')],
      statuses: [brag('B', Q1, 'Matrix issued in April.', smQuality, deputyDirector)],
    },
    {
      number: '6.5',
      title: 'Review case tracking so it improves the quality of practice',
      owners: owners(omCla),
      refs: inspection('3'),
      deadlines: [originalDeadline('2018-04-30', deputyDirector, '2018-03-01T09:00:00Z')],
      statuses: [brag('G', Q1, 'Common tracker in use across four of five areas.', omCla, deputyDirector)],
    },
  ],
};

const permanencePlanning: NodeDocumentInput = {
  kind: 'area',
  number: 'A',
  title: 'Permanence planning',
  lead: signature(smCla),
  actions: [
    {
      number: '6.6',
      title: 'Improve practice at the pre-proceedings stage of the Public Law Outline',
      description: bullets(
        'Publish practice guidance on when to start pre-proceedings, what the letter before proceedings must say and how to review progress.',
        'Consultant social workers run the training in each area team, so that every fieldwork social worker attends.',
      ),
      owners: owners(smQuality, omCla),
      refs: inspection('10'),
      outcome: 'More children stay safely with their parents, and fewer cases reach court.',
      successMeasures: bullets(
        'All fieldwork social workers have completed PLO training.',
        'Audit finds pre-proceedings thresholds are used appropriately.',
        'More pre-proceedings cases end with the concerns de-escalated.',
      ),
      deadlines: [originalDeadline('2018-05-01', deputyDirector, '2018-03-01T09:00:00Z')],
      statuses: [brag('G', Q1, 'Guidance issued; 81% of social workers trained.', omCla, deputyDirector), brag('B', Q2, 'Training complete; in business-as-usual audit cycle.', omCla, deputyDirector)],
      flags: ['business-as-usual'],
    },
    {
      number: '6.7',
      title: 'Reshape the Permanence Panel around the quality of planning for long-term fostering',
      description: bullets(
        'The panel scrutinises the care plan, not just the proposed match, for every child needing long-term foster care.',
        'A family-finding officer recruits carers for individual children who have waited more than six months.',
        'A new kinship team assesses relatives and friends who offer to care, including prospective special guardians, and stays involved after the order.',
      ),
      owners: owners(omFostering),
      refs: inspection('11'),
      outcome: 'Children who cannot live at home are matched with long-term carers early and stay with them.',
      deadlines: [originalDeadline('2018-06-01', deputyDirector, P6_AGREED)],
      statuses: [brag('G', Q1, 'Panel reshaped; kinship team manager appointed.', omFostering, deputyDirector), brag('G', Q2, 'Kinship team fully staffed.', omFostering, deputyDirector)],
      kpis: [
        {
          title: '% of children with 3 or more placements in 12 months',
          measureCode: 'placements-3plus',
          unit: '%',
          targets: [{ by: '2018-06-30', value: 13 }, { by: '2018-12-31', value: 12 }, { by: '2019-03-31', value: 11 }],
        },
        {
          title: '% of children looked after for 2.5 years or more in the same placement for 2 years',
          measureCode: 'long-term-stability',
          unit: '%',
          targets: [{ by: '2018-06-30', value: 60 }, { by: '2018-12-31', value: 63 }, { by: '2019-03-31', value: 65 }],
        },
      ],
      updates: [
        update(
          '2018-07-12',
          omFostering,
          'The Permanence Panel now considers the quality of the plan for every child whose plan is long-term fostering, not only the match.',
          bullets(
            'Kinship team manager appointed in June; three assessing social workers start in August.',
            'Specialist recruitment has found carers for 4 named children since April.',
            'Children with 3 or more placements in the last 12 months: 12.9% at the end of June, just inside the first staged target.',
          ),
        ),
      ],
    },
    {
      number: '6.8',
      title: 'Engage wider family networks to keep children safely at home',
      description: bullets(
        'Any family open to children’s social care can ask for a family group conference, not only those in pre-proceedings.',
        'The rapid response service answers calls from families of teenagers in crisis at any hour.',
        'Community adolescent teams in each district work with families where a teenager is at risk of coming into care, and with those returning home.',
      ),
      owners: owners(smPrevention),
      refs: [...inspection('10'), ...programme('5')],
      outcome: 'Wider family members step in early, so fewer teenagers come into care in a crisis.',
      successMeasures: bullets(
        '75% of children whose family has a family group conference are still living with their family six months later.',
        '75% of children referred to community adolescent teams do not need a referral to children’s social care.',
      ),
      deadlines: [originalDeadline('2018-06-01', deputyDirector, P6_AGREED)],
      statuses: [brag('G', Q1, 'Family group conferences open to all teams.', smPrevention, deputyDirector)],
    },
    {
      number: '6.9',
      title: 'Train staff and foster carers in relationship-based therapeutic tools',
      description: 'A training programme across the workforce so that assessments of permanence options take account of the whole child.',
      owners: owners(omWorkforce, psychologist),
      refs: inspection('1', '2', '3'),
      outcome: 'Assessments of permanence options take account of the child’s relationships and history, and placements last longer as a result.',
      deadlines: [originalDeadline('2019-03-31', deputyDirector, P6_AGREED)],
      statuses: [brag('G', Q1, 'Programme designed; first cohort booked for September.', omWorkforce, deputyDirector)],
    },
    {
      number: '6.10',
      title: 'Plan for every child’s identity, ethnicity and cultural needs',
      description: 'Care plans, pathway plans and life story work address each child’s identity, ethnicity, faith and culture.',
      owners: owners(smCla, seniorIro),
      refs: inspection('14'),
      deadlines: [originalDeadline('2018-12-31', deputyDirector, P6_AGREED)],
      statuses: [brag('A', Q1, 'Audit tool updated; practice guidance not yet written.', smCla, deputyDirector)],
    },
  ],
};

const placementStability: NodeDocumentInput = {
  kind: 'area',
  number: 'B',
  title: 'Placement stability',
  lead: signature(smQuality),
  actions: [
    {
      number: '6.11',
      title: 'Introduce an IRO scorecard for placement stability and permanence',
      description: 'A monthly scorecard for each Independent Reviewing Officer shows unplanned moves, missed reviews and drifting permanence plans, so that IROs raise concerns with team managers before a placement ends.',
      owners: owners(smQuality, seniorIro),
      refs: inspection('11'),
      outcome: 'Wobbling placements get help before they break down.',
      deadlines: [
        originalDeadline('2018-04-01', deputyDirector, '2018-03-01T09:00:00Z'),
        revisedDeadline('2018-07-31', 'Scorecard needed changes to the case management system that were not in the April release.', smQuality, '2018-04-03T10:00:00Z'),
      ],
      statuses: [brag('A', Q1, 'Waiting for the July system release.', smQuality, deputyDirector), brag('B', Q2, 'Scorecard live; IRO alerts reported monthly.', seniorIro, deputyDirector)],
      kpis: [
        {
          title: '% of children with 3 or more placements in 12 months',
          measureCode: 'placements-3plus',
          unit: '%',
          targets: [{ by: '2018-06-30', value: 13 }, { by: '2018-12-31', value: 12 }, { by: '2019-03-31', value: 11 }],
        },
      ],
    },
    {
      number: '6.12',
      title: 'Hold a disruption meeting whenever a long-term placement or adoption breaks down',
      description: 'Learn from breakdowns of matched long-term foster placements and of adoptive families.',
      owners: owners(omFostering),
      refs: inspection('11'),
      successMeasures: 'Disruption meetings are held for every breakdown of a long-term fostering match or adoptive family.',
      outcome: 'Each breakdown teaches us something that is used in the next match.',
      deadlines: [originalDeadline('2018-04-01', deputyDirector, '2018-03-01T09:00:00Z')],
      statuses: [brag('R', Q1, 'Meetings held for 3 of 7 breakdowns this quarter.', omFostering, deputyDirector), brag('A', Q2, 'Independent chair now arranged for every breakdown; 5 of 6 held.', omFostering, deputyDirector)],
      updates: [
        update(
          '2018-07-12',
          omFostering,
          bullets(
            'Seven long-term placements ended in April to June; disruption meetings were held for three.',
            'The main barrier was finding an independent chair quickly. The fostering service has agreed a rota of three independent chairs.',
          ),
        ),
      ],
    },
    {
      number: '6.13',
      title: 'Use action learning to strengthen management oversight of permanence',
      description: bullets(
        'Team managers meet monthly in sets to work through live cases where permanence has drifted or practice needs challenging.',
        'Operations managers join a separate set on coaching and developing their team managers.',
      ),
      owners: owners(smQuality, omWorkforce),
      refs: inspection('1', '2', '3'),
      successMeasures: 'In 75% of audited cases management oversight is analytical, focused on permanence and corrects poor practice.',
      deadlines: [originalDeadline('2018-06-01', deputyDirector, P6_AGREED)],
      statuses: [brag('G', Q1, 'Four action learning sets running.', omWorkforce, deputyDirector)],
    },
    {
      number: '6.14',
      title: 'Make initial health assessments timely and meet children’s emotional health needs',
      description: 'Social workers send the health assessment request within five working days of a child coming into care, and health partners add clinic capacity so the assessment follows within 28 days. The monthly CAMHS and social care meeting picks up children and care leavers waiting for emotional support.',
      owners: owners(designatedNurse, smCla),
      refs: [...inspection('12'), ...programme('2', '3'), ...measure('health-assessments')],
      outcome: 'Children coming into care have their health checked within four weeks, and anyone struggling emotionally gets help without a long wait.',
      successMeasures: 'Minutes of the monthly CAMHS and children’s social care meetings show children get the right emotional and mental health support at the right time.',
      deadlines: [originalDeadline('2019-03-31', deputyDirector, P6_AGREED)],
      statuses: [brag('A', Q1, '74% of initial assessments on time against the June target of 80%.', designatedNurse, deputyDirector), brag('G', Q2, '86% on time in July to September.', designatedNurse, deputyDirector)],
      kpis: [
        {
          title: '% of initial health assessments completed within 28 days',
          measureCode: 'HEALTH_ASSESSMENTS',
          unit: '%',
          targets: [{ by: '2018-06-30', value: 80 }, { by: '2018-12-31', value: 90 }, { by: '2019-03-31', value: 95 }],
        },
      ],
    },
  ],
};

const consistencyOfPractice: NodeDocumentInput = {
  kind: 'area',
  number: '2',
  title: 'Consistency of social work practice',
  lead: roles.deputyDirector,
  children: [permanencePlanning, placementStability],
};

const partnersTogether: NodeDocumentInput = {
  kind: 'area',
  number: '3',
  title: 'Partners working effectively together',
  description: 'Health, the police and the council act on each other’s information quickly and hold each other to account through the Safeguarding Children Board.',
  lead: `${roles.adQuality} and ${roles.safeguardingBoardChair}`,
  actions: [
    {
      number: '6.15',
      title: 'Give children in the child protection process timely access to an advocate',
      owners: owners(smPrevention, smQuality),
      refs: inspection('8', '9'),
      outcome: 'Children can say what they think in child protection conferences and understand how their views shaped the plan.',
      successMeasures: bullets(
        'The families of all children over 4 are offered advocacy in the child protection process.',
        '75% of children whose families are offered advocacy are represented at conference.',
      ),
      deadlines: [originalDeadline('2018-07-31', adQuality, P6_AGREED)],
      statuses: [brag('G', Q1, 'Three of four parts complete.', smQuality, adQuality), brag('B', Q2, 'Annual report presented; scorecard reporting monthly.', smQuality, adQuality)],
      subActions: [
        {
          number: '6.15.1',
          title: 'Make sure social workers know children’s right to an advocate and how to arrange one',
          owners: owners(smPrevention),
          deadlines: [originalDeadline('2018-04-30', adQuality, '2018-03-01T09:00:00Z')],
          statuses: [brag('B', Q1, 'Briefing delivered to all child protection teams.', smPrevention, adQuality)],
        },
        {
          number: '6.15.2',
          title: 'Child protection chairs check advocacy is offered and challenge where it is not',
          owners: owners(smQuality),
          deadlines: [originalDeadline('2018-04-30', adQuality, '2018-03-01T09:00:00Z')],
          statuses: [brag('B', Q1, 'Check added to the conference chair’s record.', smQuality, adQuality)],
        },
        {
          number: '6.15.3',
          title: 'Report children’s views of advocacy to the Safeguarding Children Board',
          owners: owners(smQuality),
          deadlines: [originalDeadline('2018-07-31', adQuality, P6_AGREED)],
          statuses: [brag('G', Q1, 'Report drafted for the July Board.', smQuality, adQuality), brag('B', Q2, 'Presented to the Board in July.', smQuality, adQuality)],
        },
        {
          number: '6.15.4',
          title: 'Add timely access to an advocate to the child protection scorecard',
          owners: owners(smQuality, biManager),
          deadlines: [originalDeadline('2018-04-30', adQuality, '2018-03-01T09:00:00Z')],
          statuses: [brag('B', Q1, 'Measure reported from May.', biManager, adQuality)],
        },
      ],
    },
    {
      number: '6.16',
      title: 'Offer independent advocacy to homeless 16 and 17 year olds deciding whether to become looked after',
      description: bullets(
        'Joint guidance for housing officers, social workers and advocates on the duty to assess homeless 16 and 17 year olds.',
        'A plain-English leaflet, written with the Leaving Care Council, explaining the choice.',
        'The decision is revisited at every review where a young person has chosen not to become looked after.',
      ),
      owners: owners(smPrevention),
      refs: inspection('9'),
      outcome: 'Young people who present as homeless make an informed choice about coming into care, with someone on their side.',
      deadlines: [originalDeadline('2018-04-30', adQuality, '2018-03-01T09:00:00Z')],
      statuses: [brag('G', Q1, 'Guidance and leaflet issued; audit due in the autumn.', smPrevention, adQuality)],
    },
    {
      number: '6.17',
      title: 'Agree a force-wide system for supporting children in police custody',
      description: 'With the constabulary and health partners, make sure the local authority is told promptly about every child in custody, how long they are held and where they go afterwards.',
      owners: [{ name: smPrevention.name, role: smPrevention.role }, { role: roles.policeAreaCommander }, { name: designatedNurse.name, role: designatedNurse.role }],
      refs: inspection('4'),
      successMeasures: 'Police information about children in custody reaches partners within 24 hours of detention, shown by audit.',
      deadlines: [
        originalDeadline('2018-05-01', adQuality, '2018-03-01T09:00:00Z'),
        revisedDeadline('2018-10-31', 'The constabulary is changing its custody recording system and asked to align the notification with the new system.', adQuality, '2018-04-24T14:00:00Z'),
      ],
      statuses: [brag('R', Q1, 'Notifications still arrive late for around a third of children.', smPrevention, adQuality), brag('A', Q2, 'Daily notification agreed; new custody system live in October.', smPrevention, adQuality)],
    },
    {
      number: '6.18',
      title: 'Make sure joint child protection enquiries with the police follow agreed criteria',
      description: 'Agree with the constabulary which cases need a joint enquiry and who attends the strategy discussion. Where the police or another partner does not take part, managers use the Safeguarding Children Board escalation route the same day.',
      owners: [{ name: smQuality.name, role: smQuality.role }, { role: roles.policeAreaCommander }],
      refs: inspection('5'),
      outcome: 'A child in a joint enquiry is interviewed once, by the right people, rather than repeating their account to each agency.',
      deadlines: [originalDeadline('2018-05-01', adQuality, '2018-03-01T09:00:00Z')],
      statuses: [brag('G', Q1, 'Escalation process relaunched; Board audit scheduled for September.', smQuality, adQuality)],
    },
    {
      number: '6.19',
      title: 'Improve return home interviews and missing prevention plans',
      description: 'Community adolescent workers and social workers train together on return home interviews and missing prevention plans, using examples from authorities that do this well, and on feeding what children say into their care plans.',
      owners: owners(smPrevention, omCla),
      refs: inspection('6'),
      outcome: 'Children who run away are understood better and go missing less often.',
      deadlines: [originalDeadline('2018-05-01', adQuality, '2018-03-01T09:00:00Z')],
      statuses: [brag('G', Q1, 'Training delivered to 6 of 8 teams.', smPrevention, adQuality)],
    },
    {
      number: '6.20',
      title: 'Use the Safeguarding Children Board CSE sub-group to prevent and disrupt exploitation',
      description: bullets(
        'Schools, GPs and housing providers are briefed on referring to the specialist CSE service early.',
        'Completed screening tools are passed to the police intelligence unit to support disruption of perpetrators.',
        'Senior managers receive a quarterly analysis of hotspots and trends from the regional data.',
      ),
      owners: [{ role: roles.cseSubgroupChair }],
      refs: inspection('7'),
      outcome: 'Fewer children are sexually exploited.',
      deadlines: [originalDeadline('2018-09-01', adQuality, P6_AGREED)],
      statuses: [brag('G', Q1, 'Screening tool shared with the police intelligence unit.', smQuality, adQuality)],
    },
  ],
};

const careMarket: NodeDocumentInput = {
  kind: 'area',
  number: 'A',
  title: 'Commissioning the care market',
  lead: signature(strategicCommissioner),
  actions: [
    {
      number: '6.21',
      title: 'Commission more high-quality local placements',
      owners: owners(deputyDirector, strategicCommissioner),
      refs: inspection('11'),
      outcome: 'Children needing care can live near home, in a placement chosen for them rather than the only one available.',
      successMeasures: bullets(
        'The percentage of children in residential care is in line with authorities judged good, at 11%.',
        'Children placed more than 20 miles from Westmere fall to 12%, in line with statistical neighbours.',
      ),
      deadlines: [originalDeadline('2018-09-30', deputyDirector, P6_AGREED)],
      statuses: [brag('A', Q1, 'Residential panel working; provider contracts not yet agreed.', strategicCommissioner, deputyDirector), brag('R', Q2, 'Two providers withdrew from the block contract.', strategicCommissioner, deputyDirector)],
      kpis: [
        { title: '% of children looked after in residential care', measureCode: 'CLA_RESIDENTIAL', unit: '%', targets: [{ by: '2018-12-31', value: 12 }, { by: '2019-03-31', value: 11 }] },
        { title: '% of children placed more than 20 miles from home', measureCode: 'placed-20-miles-out', unit: '%', targets: [{ by: '2019-03-31', value: 12 }] },
      ],
      subActions: [
        {
          number: '6.21.1',
          title: 'Run a weekly residential review panel',
          description: 'Chaired by the Deputy Director, the panel looks at every child in a children’s home in turn: whether the plan is still right, whether the home is good enough and worth the cost, and whether a family placement could now work.',
          owners: owners(deputyDirector),
          deadlines: [originalDeadline('2018-03-10', deputyDirector, '2018-02-01T09:00:00Z')],
          statuses: [brag('B', Q1, 'Panel meeting weekly since March; 6 children moved to family placements.', deputyDirector, deputyDirector)],
          flags: ['business-as-usual'],
        },
        {
          number: '6.21.2',
          title: 'Agree contracts with independent providers for more local places',
          description: 'Offer local providers longer contracts, a guaranteed number of placements and places on council training, in return for priority for Westmere children.',
          owners: owners(strategicCommissioner),
          deadlines: [originalDeadline('2018-09-30', deputyDirector, P6_AGREED)],
          statuses: [brag('A', Q1, 'Negotiations with four providers.', strategicCommissioner, deputyDirector), brag('R', Q2, 'Two providers withdrew; date will be missed.', strategicCommissioner, deputyDirector)],
        },
      ],
    },
  ],
};

const fosterPlacements: NodeDocumentInput = {
  kind: 'area',
  number: 'B',
  title: 'Sufficiency of council foster placements',
  lead: signature(omFostering),
  actions: [
    {
      number: '6.22',
      title: 'Commission an independent review of Westmere’s in-house fostering service',
      description: 'An independent review of how many more carers Westmere could realistically recruit, what other councils do that works, and what support and allowances would attract and keep them.',
      owners: owners(adCommissioning, smFostering),
      refs: inspection('11'),
      outcome: 'An evidence-based plan for recruiting more Westmere foster carers, agreed by Cabinet.',
      deadlines: [originalDeadline('2018-06-01', deputyDirector, P6_AGREED)],
      statuses: [brag('G', Q1, 'Review report received; action plan to Cabinet in September.', smFostering, deputyDirector)],
    },
  ],
};

const localPlacements: NodeDocumentInput = {
  kind: 'area',
  number: '4',
  title: 'Range and quality of local placements',
  lead: `${roles.deputyDirector} and ${roles.adCommissioning}`,
  children: [careMarket, fosterPlacements],
};

const careLeavers: NodeDocumentInput = {
  kind: 'area',
  number: '5',
  title: 'Outcomes for care leavers',
  lead: roles.deputyDirector,
  actions: [
    {
      number: '6.23',
      title: 'Improve preparation for independence for all children looked after',
      description: bullets('A skills programme starting at age 12, delivered at home by carers with support from leaving care workers.', 'An accredited award for independent living that young people can put on a CV.'),
      owners: owners(smCla),
      refs: inspection('13'),
      outcome: 'Young people leave care already able to budget, cook, manage a tenancy and ask for help.',
      successMeasures: 'The programme is piloted with 20 children aged over 12, with children, carers, social workers, IROs and leaving care workers involved.',
      deadlines: [originalDeadline('2018-06-01', deputyDirector, P6_AGREED)],
      statuses: [brag('G', Q1, 'Pilot running with 17 children.', smCla, deputyDirector)],
    },
    {
      number: '6.24',
      title: 'Develop the Local Offer for care leavers up to 25 with care leavers',
      owners: owners(smCla, omLeavingCare),
      refs: inspection('13'),
      outcome: 'Every care leaver knows what they are entitled to and how to ask for it.',
      successMeasures: 'When asked in March 2019, most care leavers aged 18 to 25 say they found the offer without help and that it told them something they needed to know.',
      deadlines: [originalDeadline('2018-09-30', deputyDirector, P6_AGREED)],
      statuses: [brag('G', Q1, 'Drafted with the Leaving Care Council.', omLeavingCare, deputyDirector), brag('B', Q2, 'Published on 28 September.', omLeavingCare, deputyDirector)],
    },
    {
      number: '6.25',
      title: 'Improve care leavers’ access to education, employment and training',
      description: 'Use the council’s contracts and its own vacancies to create work placements, apprenticeships and guaranteed interviews for care leavers.',
      owners: owners(smCla, odManager),
      refs: [...inspection('13'), ...programme('4')],
      outcome: 'Care leavers have real jobs, apprenticeships and courses to move into.',
      successMeasures: 'Care leavers aged 16 and 17 who are NEET fall to 10%, and those aged 18 to 21 to 25%.',
      deadlines: [originalDeadline('2019-03-31', deputyDirector, P6_AGREED)],
      statuses: [brag('A', Q1, 'NEET rate for 18–21 year olds unchanged at 36%.', smCla, deputyDirector)],
      kpis: [
        { title: '% of care leavers aged 19–21 in education, employment or training', measureCode: 'care-leavers-19-21-eet', unit: '%', targets: [{ by: '2018-09-30', value: 64 }, { by: '2018-12-31', value: 70 }, { by: '2019-03-31', value: 75 }] },
        { title: '% of care leavers aged 16–17 not in education, employment or training', unit: '%', targets: [{ by: '2019-03-31', value: 10 }] },
      ],
    },
    {
      number: '6.26',
      title: 'Extend the Virtual School to support young people after 18',
      description: 'A post-18 adviser in the Virtual School supports care leavers at college, on apprenticeships and through university applications.',
      owners: owners(vsh),
      refs: [...inspection('13'), ...programme('4')],
      successMeasures: 'Care leavers aged 16 and 17 who are NEET fall to 10%, and those aged 18 to 21 to 25%.',
      deadlines: [originalDeadline('2018-09-01', deputyDirector, P6_AGREED)],
      statuses: [brag('G', Q1, 'Post approved; interviews in July.', vsh, deputyDirector), brag('B', Q2, 'Post-18 adviser started in September.', vsh, deputyDirector)],
    },
  ],
};

const programme6: NodeDocumentInput = {
  kind: 'programme',
  number: '6',
  title: 'Improving outcomes for children in care and care leavers, and developing an excellent social work service',
  description:
    'Programme 6 carries the council’s response to the November 2017 inspection of services for children in need of help and protection, children looked after and care leavers. Each action shows the inspection recommendations it answers.',
  deliveryGroup: 'Children’s Social Care and Westmere Safeguarding Children Board',
  chair: roles.deputyDirector,
  lead: signature(deputyDirector),
  seniorResponsibleOwner: `${roles.deputyDirector} and ${roles.safeguardingBoardChair}`,
  status: {
    status: 'A',
    trend: 'improving',
    reason: 'Most actions are on course and several are already complete, including the decision-making matrix and the weekly residential panel. Placement sufficiency remains the main concern because of the national shortage, and recruiting permanent social workers is still difficult.',
    asAt: Q1,
  },
  children: [leadershipCapacity, consistencyOfPractice, partnersTogether, localPlacements, careLeavers],
};

/** The plan's programmes as cross-references: each one's title and what it is for. */
export const cyppProgrammes: DemoReference[] = [programme1, programme2, programme3, programme4, programme5, programme6, programme7].map((p) => ({
  kind: 'programme',
  value: p.number ?? '',
  title: p.title,
  body: p.description ?? '',
  source: 'Children and Young People’s Plan 2016–19',
  issuedOn: null,
}));

export const cyppPlan: PlanDocumentInput = {
  format: 'parentis.plan',
  formatVersion: 1,
  plan: {
    slug: 'cypp-2016-19',
    title: 'Children and Young People’s Plan 2016–19',
    kind: 'cypp',
    periodStart: '2016-04-01',
    periodEnd: '2019-03-31',
    status: 'active',
    description: [
      'The Westmere Children’s Trust delivers the Children and Young People’s Plan through seven improvement programmes, each with a delivery group, a chair and a senior responsible owner. Progress is reported to the Trust Executive every quarter; this is the year 3 plan (2018/19).',
      'The inspection of November 2017 made 14 recommendations, which programme 6 answers:',
      bullets(...inspectionRecommendations.map((r) => `${r.value}. ${r.body}`)),
    ].join('\n\n'),
    nodes: [programme1, programme2, programme3, programme4, programme5, programme6, programme7],
    risks: [
      {
        reference: 'R1',
        programme: '1',
        title: 'Partners cannot keep pace with the improvement activity',
        impact: 'Joint work slows where partner capacity is stretched, and the habit of referring on rather than helping remains strong in some services.',
        mitigation: bullets(
          'Council directors chair the delivery groups and follow up missed actions with partner chief officers.',
          'Partners review each other’s progress at the Trust Executive, not only the council’s.',
          'Quarterly reports to the Safeguarding Children Board and the Children’s Trust.',
        ),
        owner: roles.adCommissioning,
        reviewDate: '2018-09-30',
        scores: [
          { likelihood: 4, impact: 3, recordedAt: '2017-10-10T10:00:00Z', recordedBy: adCommissioning.name, note: 'Recorded at the quarter 2 executive.' },
          { likelihood: 3, impact: 3, recordedAt: '2018-07-10T10:00:00Z', recordedBy: adCommissioning.name, note: 'Partner attendance at delivery groups has improved.' },
        ],
        actions: ['1.3', '5.2'],
      },
      {
        reference: 'R2',
        programme: '2',
        title: 'NHS pressures reduce capacity to improve outcomes for vulnerable children',
        impact: 'Less CCG capacity to commission children’s services and less health capacity for children looked after and their carers.',
        mitigation: bullets(
          'Children’s services are a standing item in the CCG’s commissioning intentions.',
          'The Health and Wellbeing Board receives an exception report when health timescales slip.',
          'Medical adviser time shared with neighbouring councils through the regional adoption agency.',
        ),
        owner: roles.publicHealthConsultant,
        reviewDate: '2018-09-30',
        scores: [
          { likelihood: 4, impact: 4, recordedAt: '2017-10-10T10:00:00Z', recordedBy: publicHealth.name },
          { likelihood: 4, impact: 3, recordedAt: '2018-04-10T10:00:00Z', recordedBy: publicHealth.name, note: 'Additional nurse specialist hours funded for 2018/19.' },
          { likelihood: 3, impact: 3, recordedAt: '2018-07-10T10:00:00Z', recordedBy: publicHealth.name, note: 'Initial health assessment timeliness improving.' },
        ],
        actions: ['2.3', '6.14'],
      },
      {
        reference: 'R3',
        programme: '3',
        title: 'CAMHS transformation does not give enough priority to children looked after',
        impact: 'Delays recruiting to key NHS posts; limited joint working between the NHS and schools.',
        mitigation: bullets(
          'The Corporate Parenting Board Health and Wellbeing task group reports on access times every quarter.',
          'The Deputy Director meets the CAMHS service director every two months.',
          'Council and CCG jointly fund the Emotional Health and Wellbeing team.',
        ),
        owner: roles.ccgJointCommissioning,
        reviewDate: '2018-09-30',
        scores: [
          { likelihood: 4, impact: 4, recordedAt: '2017-10-10T10:00:00Z', recordedBy: ccgCommissioning.name },
          { likelihood: 3, impact: 4, recordedAt: '2018-07-10T10:00:00Z', recordedBy: ccgCommissioning.name, note: 'Specialist team complete since June.' },
        ],
        actions: ['3.3', '6.14'],
      },
      {
        reference: 'R4',
        programme: '4',
        title: 'Schools do not improve outcomes for vulnerable pupils',
        impact: 'Schools judged good overall while outcomes for children looked after, pupils with SEND and disadvantaged pupils stay poor; good practice is not shared.',
        mitigation: bullets(
          'Every school’s annual conversation with the council now starts with its vulnerable pupils’ results.',
          'Head teacher peer review through the Westmere Education Partnership.',
          'A larger Virtual School and the Team Around the School pilot.',
        ),
        owner: roles.headOfOutcomes,
        reviewDate: '2018-12-31',
        scores: [{ likelihood: 3, impact: 4, recordedAt: '2018-04-10T10:00:00Z', recordedBy: educationOutcomes.name }],
        actions: ['4.1', '4.2', '6.26'],
      },
      {
        reference: 'R5',
        programme: '5',
        title: 'Early help is not embedded across partner agencies',
        impact: 'Inappropriate contacts and re-referrals to children’s social care continue to rise.',
        mitigation: bullets(
          'Ongoing communication about the early help process and framework.',
          'The early help dashboard is used to identify organisations that need support.',
          'A secure collaboration platform for sharing information.',
        ),
        owner: roles.adCommissioning,
        reviewDate: '2018-09-30',
        scores: [
          { likelihood: 4, impact: 3, recordedAt: '2017-10-10T10:00:00Z', recordedBy: smPrevention.name },
          { likelihood: 3, impact: 3, recordedAt: '2018-07-10T10:00:00Z', recordedBy: smPrevention.name, note: 'Early help assessments by partners up 18% on last year.' },
        ],
        actions: ['5.1', '5.2'],
      },
      {
        reference: 'R6',
        programme: '6',
        title: 'Improvements are not sustained and practice stays inconsistent',
        impact: 'Rising demand and recruitment difficulties affect morale; permanent staff are not always clear what good practice looks like.',
        mitigation: bullets(
          'Caseloads reviewed weekly and work redistributed before teams are overloaded.',
          'Monthly audit programme with findings fed back to each practitioner.',
          'Practice week and good-practice awards led by the Director.',
        ),
        owner: roles.deputyDirector,
        reviewDate: '2018-09-30',
        scores: [
          { likelihood: 4, impact: 5, recordedAt: '2017-10-10T10:00:00Z', recordedBy: deputyDirector.name },
          { likelihood: 3, impact: 5, recordedAt: '2018-07-10T10:00:00Z', recordedBy: deputyDirector.name, note: 'Audit grades improving for two quarters running.' },
        ],
        actions: ['6.3', '6.9', '6.13'],
      },
      {
        reference: 'R7',
        programme: '6',
        title: 'Not enough local placements to meet children’s needs',
        impact: 'More children placed out of county or in residential care, with higher costs and less stability.',
        mitigation: bullets(
          'Weekly residential review panel.',
          'External review of the fostering service and a refreshed recruitment offer.',
          'Block contract negotiations with local providers.',
        ),
        owner: roles.adCommissioning,
        reviewDate: '2018-10-31',
        scores: [
          { likelihood: 4, impact: 4, recordedAt: '2018-04-10T10:00:00Z', recordedBy: strategicCommissioner.name },
          { likelihood: 5, impact: 4, recordedAt: '2018-10-09T10:00:00Z', recordedBy: strategicCommissioner.name, note: 'Two providers withdrew from block contract negotiations.' },
        ],
        actions: ['6.7', '6.21', '6.22'],
      },
      {
        reference: 'R8',
        programme: '7',
        title: 'Permanent social work vacancies are not filled quickly enough',
        impact: 'Too many agency staff in some teams, seasonal difficulty finding experienced locums, and neighbouring councils paying more; over-reliance on newly qualified social workers.',
        mitigation: bullets(
          'Plan to reach 75% permanent staffing.',
          'Consultant social workers support newly qualified staff.',
          'Focused recruitment of experienced social workers and conversion of agency staff to permanent posts.',
        ),
        owner: roles.hrDirector,
        reviewDate: '2018-09-30',
        scores: [
          { likelihood: 4, impact: 4, recordedAt: '2017-10-10T10:00:00Z', recordedBy: hrDirector.name },
          { likelihood: 4, impact: 4, recordedAt: '2018-04-10T10:00:00Z', recordedBy: hrDirector.name },
          { likelihood: 5, impact: 4, recordedAt: '2018-07-10T10:00:00Z', recordedBy: hrDirector.name, note: 'Permanent staffing fell to 70%.' },
        ],
        actions: ['6.1', '6.2', '7.1'],
      },
      {
        reference: 'R9',
        programme: '6',
        title: 'Late statutory guidance delays the Local Offer for care leavers',
        impact: 'Care leavers unclear about their entitlements; statutory deadline missed.',
        mitigation: 'Draft offer prepared with the Leaving Care Council ahead of the guidance.',
        owner: roles.deputyDirector,
        reviewDate: '2018-09-30',
        status: 'closed',
        scores: [
          { likelihood: 3, impact: 3, recordedAt: '2018-04-10T10:00:00Z', recordedBy: smCla.name },
          { likelihood: 1, impact: 3, recordedAt: '2018-10-09T10:00:00Z', recordedBy: smCla.name, note: 'Local Offer published 28 September; risk closed.' },
        ],
        actions: ['6.23', '6.24'],
      },
      {
        reference: 'R10',
        programme: '6',
        title: 'Police capacity limits joint enquiries and support for children in custody',
        impact: 'Strategy discussions held without the police; children held overnight without appropriate accommodation.',
        mitigation: 'Escalation through the Safeguarding Children Board; custody notification agreed with the constabulary.',
        owner: roles.adQuality,
        reviewDate: '2018-10-31',
        scores: [
          { likelihood: 4, impact: 4, recordedAt: '2018-04-10T10:00:00Z', recordedBy: adQuality.name },
          { likelihood: 3, impact: 4, recordedAt: '2018-10-09T10:00:00Z', recordedBy: adQuality.name, note: 'Daily custody notification agreed.' },
        ],
        actions: ['6.17', '6.18'],
      },
    ],
  },
};

