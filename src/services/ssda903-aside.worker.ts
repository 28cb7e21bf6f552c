// A thread that reads a national return's Header, Reviews and other tables no rule reads, and makes their row checks.
import fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { latestHeaders, readAside } from '../ssda903/aside.ts';
import { rowFindings } from '../ssda903/checks.ts';
import { parseCsvStream, type CellCache, type ParsedFile } from '../ssda903/parse.ts';
import type { AsideReply, AsideRequest } from './ssda903-aside.ts';

const port = parentPort!;
const { files } = workerData as AsideRequest;
const post = (reply: AsideReply): void => port.postMessage(reply);

const parsed: ParsedFile[] = [];
const cells: CellCache = new Map();
let failed = false;
for (const f of files) {
  try {
    parsed.push(await parseCsvStream(f.name, fs.createReadStream(f.path), cells));
  } catch (e) {
    const error = e as Error & { file?: string; missingColumns?: string[]; unexpectedColumns?: string[] };
    post({
      kind: 'failed',
      index: parsed.length,
      error: { name: error.name, message: error.message, file: error.file, missingColumns: error.missingColumns, unexpectedColumns: error.unexpectedColumns },
    });
    failed = true;
    break;
  }
}
if (failed) port.close();
else {
  post({ kind: 'read', files: parsed.map(readAside) });
  // The row checks need each file's collection year, decided with every file's dates: the other thread sends them.
  port.once('message', (years: number[]) => {
    parsed.forEach((f, i) => (f.collectionYear = years[i]!));
    post({ kind: 'checked', issues: parsed.map((f) => rowFindings([f])), headers: latestHeaders(parsed) });
    port.close();
  });
}
