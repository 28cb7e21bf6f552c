// parentis generate 903: writes a synthetic SSDA903 return (one folder per collection year) for demonstrations and benchmarks.
import fs from 'node:fs';
import path from 'node:path';
import cliProgress from 'cli-progress';
import { InvalidArgumentError, type Command } from 'commander';
import { ValidationError } from '../../domain/errors.ts';
import { CHILDREN_PER_CLA_5_YEARS, DEFAULT_END_YEAR, DEFAULT_LA_CODE, generate903 } from '../../ssda903/generate/generate.ts';
import { write } from '../output.ts';
import { io } from '../io.ts';

/** Runs this large or larger show a progress bar. */
const PROGRESS_FROM = 20_000;

function wholeNumber(name: string, min: number, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^\d+$/.test(value) || !Number.isInteger(n) || n < min || n > max) {
      throw new InvalidArgumentError(`${name} must be a whole number from ${min.toLocaleString('en-GB')} to ${max.toLocaleString('en-GB')}`);
    }
    return n;
  };
}

function laCode(value: string): string {
  const v = value.trim().toUpperCase();
  if (!/^E\d{8}$/.test(v)) throw new InvalidArgumentError('an LA code is "E" and eight digits, e.g. E10000099');
  return v;
}

interface GenerateOptions {
  children: number;
  years: number;
  seed: string;
  out: string;
  laCode: string;
  endYear: number;
}

export function register(program: Command): void {
  const gen = program.command('generate').description('generate synthetic data');
  gen
    .command('903')
    .description(
      'write a synthetic children-looked-after (SSDA903) return: a folder per collection year with the 903 CSV tables, and postcodes.csv. ' +
        `Over 5 years there are about ${CHILDREN_PER_CLA_5_YEARS} children for each child looked after at the last 31 March: --children 1850 gives a county of about 520`,
    )
    .option('--children <n>', 'children in the files over all the years', wholeNumber('--children', 1, 2_000_000), 1850)
    .option('--years <n>', 'collection years to write', wholeNumber('--years', 1, 30), 5)
    .option('--seed <seed>', 'the same seed writes the same files', '1')
    .requiredOption('--out <dir>', 'folder to write into (made if missing)')
    .option('--la-code <code>', "the authority's LA code, given to its own postcodes", laCode, DEFAULT_LA_CODE)
    .option('--end-year <yyyy>', 'the last collection year (2018 = April 2017 to March 2018)', wholeNumber('--end-year', 2000, 2100), DEFAULT_END_YEAR)
    .action((opts: GenerateOptions) => {
      if (fs.existsSync(opts.out) && !fs.statSync(opts.out).isDirectory()) {
        throw new ValidationError(`--out ${opts.out} is a file, not a folder`, 'out');
      }
      const bar =
        opts.children >= PROGRESS_FROM
          ? new cliProgress.SingleBar({ format: 'Generating {bar} {percentage}% | {value}/{total} children | {eta}s left', stream: io().stderr }, cliProgress.Presets.shades_classic)
          : undefined;
      bar?.start(opts.children, 0);
      const started = performance.now();
      let result;
      try {
        result = generate903({
          children: opts.children,
          years: opts.years,
          seed: opts.seed,
          endYear: opts.endYear,
          laCode: opts.laCode,
          onProgress: (done) => bar?.update(done),
        });
      } finally {
        bar?.stop();
      }
      const generatedIn = (performance.now() - started) / 1000;

      let rows = 0;
      let bytes = 0;
      for (const file of result.files) {
        const target = path.join(opts.out, file.path);
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.writeFileSync(target, file.text);
        rows += file.rows;
        bytes += Buffer.byteLength(file.text);
      }

      const n = (x: number): string => x.toLocaleString('en-GB');
      const lines = [
        `Wrote ${result.files.length} files (${n(rows)} rows, ${(bytes / 1_048_576).toFixed(1)} MB) to ${opts.out}: ${n(result.children)} children, generated in ${generatedIn.toFixed(1)} s`,
      ];
      for (const year of result.years) {
        const files = result.files.filter((f) => f.path.startsWith(`${year}/`));
        const rowsOf = (name: string): number => files.find((f) => f.path === `${year}/${name}`)?.rows ?? 0;
        lines.push(
          `  ${year}/  ${files.length} files, ${n(files.reduce((t, f) => t + f.rows, 0))} rows: ${n(rowsOf('header.csv'))} children, ${n(rowsOf('episodes.csv'))} episodes, ` +
            `${n(rowsOf('oc2.csv'))} OC2, ${n(rowsOf('oc3.csv'))} OC3`,
        );
      }
      const postcodes = result.files.find((f) => f.path === 'postcodes.csv');
      if (postcodes) lines.push(`  postcodes.csv  ${n(postcodes.rows)} postcodes`);
      write(`${lines.join('\n')}\n`);
    });
}
