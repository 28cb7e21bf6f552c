// Command-line entry: `parentis <command>`. A failure prints one clear line and exits non-zero.
import { runCommandLine } from './cli/program.ts';

const code = await runCommandLine(process.argv);
// `serve` keeps running; every other command ends here.
if (code !== 0 || !['serve'].includes(process.argv[2] ?? '')) process.exitCode = code;
