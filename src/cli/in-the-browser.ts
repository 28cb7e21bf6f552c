// What to say when a command cannot open the embedded database because a running Parentis server
// holds it: where in the browser the same is done, in one line.
import { serverAddressOf, type DataDirInUseError } from '../composition.ts';

/** The page that does what a command does, by the command's first words ("user add"), most specific first. */
const PAGES: [command: string, path: string, what: string][] = [
  ['user add', '/users/new', 'add the person'],
  ['user', '/users', 'see and change people'],
  ['token', '/api-tokens', 'create and revoke API tokens'],
  ['audit', '/audit', 'read the audit trail'],
  ['import plan', '/tracker-import', 'bring the plan in from Word, Excel or CSV'],
  ['import 903', '/returns/new', 'upload the 903 files'],
  ['round', '/rounds', 'open rounds and chase updates'],
  ['plans', '/plans', 'see the plans'],
  ['actions', '/plans', 'see the actions, plan by plan'],
  ['action', '/plans', "open the action from its plan's page"],
  ['update', '/plans', "add the update from the action's page"],
  ['status', '/plans', "set the status from the action's page"],
  ['deadline', '/plans', "revise the deadline from the action's page"],
  ['export', '/plans', "download it from the plan's page"],
  ['risks', '/risks', 'see the risk register'],
  ['refs', '/refs', 'see the cross-references'],
  ['voice', '/voice', "see the young people's priorities"],
  ['glossary', '/glossary', 'see the glossary'],
  ['measures', '/measures', 'see the measures'],
  ['indicators', '/measures', 'see the measures'],
];

/** The command's words, without the global options and their values. */
function commandWords(argv: readonly string[]): string {
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--org' || a === '--by' || a === '--as-of') i += 1;
    else if (!a.startsWith('-')) words.push(a);
  }
  return words.join(' ');
}

/**
 * One line for a command refused because a server holds the embedded database: the server's address
 * and the page that does the same, or how to free the database when there is no such page.
 */
export function databaseInUseLine(err: DataDirInUseError, argv: readonly string[]): string {
  const address = serverAddressOf(err.dataDir, err.pid);
  if (address === undefined) return err.message;
  const command = commandWords(argv);
  const page = PAGES.find(([c]) => command === c || command.startsWith(`${c} `));
  const where = page ? `${page[2]} at ${address}${page[1]}` : `use it at ${address}/`;
  return `Parentis is running on this database (pid ${err.pid}): ${where} in a browser, or stop the server and run the command again.`;
}
