// The load generator for `npm run bench:web`, run in its own process so that it does not share the
// server's event loop: autocannon against one page, every response time kept for exact percentiles.
//   node --import tsx bench/web-load.ts '{"url":…,"cookie":…,"connections":10,"seconds":10}'
import autocannon from 'autocannon';
import { z } from 'zod';

const argsSchema = z.object({ url: z.string().url(), cookie: z.string(), connections: z.number().int().min(1), seconds: z.number().min(1) });

export interface LoadResult {
  /** Requests answered 200: the times, the percentiles and the rate are of these alone. */
  requests: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** Responses other than 200, and connection errors or timeouts. */
  non200: number;
  errors: number;
}

const percentile = (sorted: number[], q: number): number => sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? NaN;

async function main(): Promise<void> {
  const args = argsSchema.parse(JSON.parse(process.argv[2] ?? '{}'));
  const times: number[] = [];
  let non200 = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url: args.url, connections: args.connections, duration: args.seconds, headers: { cookie: args.cookie, accept: 'text/html' } },
      (err, r) => (err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve(r)),
    );
    // Only pages answered count in the times: a request turned away (503 busy) is answered at once,
    // and counted would make a page look quicker the more of its requests were shed.
    instance.on('response', (_client, statusCode: number, _bytes: number, responseTime: number) => {
      if (statusCode === 200) times.push(responseTime);
      else non200++;
    });
  });
  times.sort((a, b) => a - b);
  const out: LoadResult = {
    requests: times.length,
    perSecond: times.length / args.seconds,
    p50: percentile(times, 0.5),
    p95: percentile(times, 0.95),
    p99: percentile(times, 0.99),
    max: times.at(-1) ?? NaN,
    non200,
    errors: result.errors + result.timeouts,
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

await main();
