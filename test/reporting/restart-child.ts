// A Parentis process for the restart test: sets up an authority with the plan fixture, opens a round
// and sends its reminders through SMTP_URL, saying "sending" once a reminder is claimed; the test kills it there.
import { createServices, openDatabase } from '../../src/composition.ts';
import { loadConfig } from '../../src/config.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { smtpChannel } from '../../src/notify/smtp.channel.ts';
import { planFixture } from '../helpers/plan-fixture.ts';
import { clockAt, TODAY } from '../helpers/rounds.ts';

const config = loadConfig();
const handle = await openDatabase(config);
await migrateToLatest(handle.db);
const smtp = smtpChannel(config.messaging.smtpUrl ?? '', 'parentis@testshire.example');
const channel = {
  name: smtp.name,
  send: (m: Parameters<typeof smtp.send>[0]) => {
    process.stdout.write('sending\n');
    return smtp.send(m);
  },
};
const services = createServices(handle, clockAt(TODAY), { channel, publicUrl: 'https://parentis.testshire.example' });
const org = await handle.db.insertInto('organisation').values({ name: 'Testshire County Council', shortName: 'Testshire', laCode: null, region: null }).returning('id').executeTakeFirstOrThrow();
const ctx = { organisationId: org.id, actor: 'Pat Manager', clock: clockAt(TODAY) };
await services.plans.importDocument(ctx, planFixture());
await handle.db.insertInto('userAccount').values({ organisationId: org.id, email: 'jo.example@testshire.example', name: 'Jo Example', role: 'owner', passwordHash: null }).execute();
await services.rounds.open(ctx, { period: '2018/19 Q1', plans: ['test-plan'] });
await services.reminders.runOnce();
process.stdout.write('finished\n');
