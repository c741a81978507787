// Generates src/lib/api/schema.d.ts from backend-api's OpenAPI document (openapi/backend-api.json,
// written and checked by backend-api's tests), so the console's type check sees every API change.
import { execFileSync } from 'node:child_process';

execFileSync(
  process.execPath,
  ['node_modules/openapi-typescript/bin/cli.js', 'openapi/backend-api.json', '-o', 'src/lib/api/schema.d.ts', '--silent'],
  { stdio: 'inherit' },
);
