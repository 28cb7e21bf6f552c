// Starts GOV.UK Frontend's scripts: an enhancement only, every page works without them.
import { initAll } from '/assets/govuk-frontend.min.js';

initAll();
