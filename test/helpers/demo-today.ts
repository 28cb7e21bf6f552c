// The day the command-line and start-up tests load the demonstration on: autumn 2018, when it was written, so it moves no years and their expectations (slugs, titles, 2018 figures) hold on any day they run.
export const DEMO_TEST_TODAY = '2018-10-31';
