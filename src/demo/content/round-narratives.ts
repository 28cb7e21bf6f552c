// What the Partnership Business Manager wrote at the top of each closed quarter's executive summary,
// and the decisions asked of the Corporate Parenting Board, oldest quarter first: July–September 2017
// (year 2, quarter 2 of the Children and Young People's Plan 2016–19) to April–June 2018 (year 3,
// quarter 1). Westmere is fictional; the years move with the rest of the demonstration.
import type { AnnualReportText } from '../../domain/report-text.ts';

export interface DemoRoundNarrative {
  /** The quarter it was written for ("2017/18 Q2"), as the demonstration holds it before its years move. */
  quarter: string;
  narrative: string;
  /** One decision a line. */
  decisions: string;
  /** The Corporate Parenting Board's annual report to full council, where this round's snapshot goes with it. */
  annual?: AnnualReportText;
}

export const demoRoundNarratives: readonly DemoRoundNarrative[] = [
  {
    quarter: '2017/18 Q2',
    narrative: [
      'This report gives an update on July to September 2017 (Quarter 2) of year 2 of the Children and Young People’s Plan 2016–19. There has been steady progress, with the schools health and resilience education service and the Talent Academies for 14 to 16 year olds both under way, and some slippage, most of it in programmes waiting on partners’ funding decisions.',
      'Reporting this quarter has been against a background of preparation for the inspection of services for children in need of help and protection, children looked after and care leavers, expected before the end of the year. Delivery groups have been asked to make sure their evidence of impact, and of the voice of children and families, is up to date.',
      'Too many updates still arrive after the deadline, and some actions have no clear owner since staff changes in the summer. The Partnership team will meet each delivery group chair in Quarter 3 to agree owners for every action.',
    ].join('\n\n'),
    decisions: [
      'That the Board notes the progress of all seven programmes at the end of year 2, quarter 2.',
      'That the Board agrees delivery group chairs confirm a named owner for every action by the end of October 2017.',
    ].join('\n'),
  },
  {
    quarter: '2017/18 Q3',
    narrative: [
      'This report covers October to December 2017 (Quarter 3) of year 2 of the plan. The inspection took place in November 2017 and its report sets out fourteen recommendations. The Director of Children’s Services will bring the draft improvement plan to the Board in the new year; until then delivery groups continue with the actions already agreed.',
      'The Family Support Service consultation closed in December and responses are being analysed. The relaunch of the SEND Local Offer has slipped because the new web platform is late, and the Charter Mark for Inclusive Communities still has no sponsor organisation.',
      'Social worker recruitment and retention remains the partnership’s greatest risk: permanent staffing is below three quarters in the safeguarding teams, and agency cover is expensive.',
    ].join('\n\n'),
    decisions: [
      'That the Board notes the inspection’s findings and its fourteen recommendations.',
      'That the Board agrees a single improvement plan, as Programme 6 of the Children and Young People’s Plan, reported to it each quarter.',
      'That the Board asks the Workforce Board to bring a recruitment and retention proposal to its next meeting.',
    ].join('\n'),
  },
  {
    quarter: '2017/18 Q4',
    narrative: [
      'This report covers January to March 2018, the last quarter of year 2. Most programmes met their year 2 target dates: the out-of-hours emotional health service has run since January, the Talent Academies are running in every district and the partnership strategy was launched in March.',
      'Year 3 action plans for programmes 1 to 5 and 7 were agreed at the partnership workshop and start in April. The response to the inspection, Programme 6, is being finalised with the Department for Education’s adviser and will be agreed in early May.',
      'Slippage remains on the SEND Local Offer platform and the shared mental health data dashboard, where no data-sharing agreement has yet been reached. Permanent social work staffing stands at 73%.',
    ].join('\n\n'),
    decisions: [
      'That the Board notes the end-of-year position of the Children and Young People’s Plan for 2017/18.',
      'That the Board approves the year 3 action plans for programmes 1 to 5 and 7.',
      'That the Board delegates agreement of the Programme 6 improvement plan to the Director of Children’s Services and the Chair, reporting back in July.',
    ].join('\n'),
  },
  {
    quarter: '2018/19 Q1',
    narrative: [
      'This report covers April to June 2018 (Quarter 1) of year 3 of the plan, and is the first to report on Programme 6, the response to the November 2017 inspection, agreed on 4 May 2018. The Permanence Panel has been reshaped, a kinship team manager is in post and the quality assurance framework is agreed; audit tools are being revised.',
      'Initial health assessments were on time for 74% of children against the June target of 80%: health partners have added clinic capacity from July. Placement stability and care leavers in education, employment or training are reported with their figures in the scrutiny pack.',
      'Permanent social work staffing fell to 70% after summer leavers, and the Charter Mark for Inclusive Communities has no agreed scope. Both are on the risk register and are escalated to the Board below.',
    ].join('\n\n'),
    decisions: [
      'That the Board notes the first quarter’s progress on Programme 6.',
      'That the Board agrees the Charter Mark for Inclusive Communities is closed in this plan and considered for the next.',
      'That the Board asks the Director of Children’s Services to report on social work staffing at every meeting until permanent staffing is above 80%.',
    ].join('\n'),
    // The board's annual report on 2017/18 goes to full council in July 2018 with this quarter's snapshot.
    annual: {
      summary: [
        'The Westmere Corporate Parenting Board makes sure that Westmere County Council, with the district councils and its partners, meets its duties to children looked after and care leavers as their corporate parent. This report tells full council what the Board did in 2017/18, the second year of the Corporate Parenting Strategy 2016–19, and what it will do next.',
        'The Board met every two months through the year. It heard from officers and partners, from its five task groups and from the Westmere In Care Council and Westmere Leaving Care Council, whose co-chairs sit on the Board.',
      ].join('\n\n'),
      recommendations: [
        'That Council makes corporate parenting training mandatory for every councillor appointed to the Board.',
        'That Council asks group leaders to follow up when a councillor misses three Board meetings in a row.',
        'That Council invites the district councils to name a councillor to the Board to support housing and leisure.',
        'That Council thanks the young people of the In Care Council and the Leaving Care Council for their work this year.',
      ].join('\n'),
      background: [
        'The Council reviewed its corporate parenting arrangements after the May 2017 elections. Full council approved the Board’s new members, the annual action plan and the Corporate Parenting Strategy 2016–19 in June 2017.',
        'The Board’s work is organised in five task groups: health, education, placements, leaving care and the voice of the child. Each keeps a work plan (Appendix B), reported to the Board every quarter. The data dashboard the Board reads at each meeting is Appendix C.',
      ].join('\n\n'),
      achievements: [
        'The inspection of November 2017 found a stronger corporate sense of responsibility for children, and a Board that challenges services and listens to young people. The Board highlights in particular:',
        '- The district councils agreed to exempt working care leavers from council tax.',
        '- 41 of 56 councillors completed corporate parenting training in June and November 2017.',
        '- The Virtual School appointed a post-16 link worker, and fewer care leavers are NEET than a year ago.',
        '- Health partners reviewed why health assessments of children placed out of county were late, and added clinic capacity.',
        '- Young people helped rewrite the Pledge to children in care and interviewed for six senior posts.',
        'Over 250 young people came to the annual achievement awards, organised with the In Care Council and the Leaving Care Council.',
      ].join('\n'),
      development: [
        'Write the next Corporate Parenting Strategy, for 2019–22, with young people, after an evaluation of the current one.',
        'Train councillors, district councils and partners in their corporate parenting role, with a short course the young people help to run.',
        'Build sufficient local placements, with the Sufficiency Statement’s action plan and closer monitoring of contracts.',
        'Keep monthly oversight of CLA on reduced timetables or excluded from school, and make sure every child has a good PEP.',
        'Make sure initial and review health assessments are on time, wherever a child lives.',
      ].join('\n\n'),
    },
  },
];
