/** Node entry point of `nslab` (npm run -s nslab -- …). */
import { existsSync, readFileSync } from 'node:fs';
import { nslab } from './nslab.ts';

const result = nslab(process.argv.slice(2), (p) =>
  existsSync(p) ? readFileSync(p, 'utf8') : undefined,
);
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
process.exitCode = result.exitCode;
