// Generates src/lib/api/schema.d.ts from backend-api's OpenAPI document (openapi/backend-api.json).
import { existsSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const spec = 'openapi/backend-api.json';
const out = 'src/lib/api/schema.d.ts';
if (!existsSync(spec)) {
  console.warn(`${spec} not found: writing an empty schema`);
  writeFileSync(out, 'export type paths = Record<string, never>;\nexport type components = { schemas: Record<string, never> };\n');
} else {
  execFileSync(process.execPath, ['node_modules/openapi-typescript/bin/cli.js', spec, '-o', out], { stdio: 'inherit' });
}
