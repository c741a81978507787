// First-load JavaScript of the built console (gzip -9), from Vite's manifest: the shell (entry and its
// static imports) plus each page's own chunks. Run after `npm run build`: node bench/bundle-size.mjs
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const manifest = JSON.parse(readFileSync('dist/.vite/manifest.json', 'utf8'));
const gzip = (file) => gzipSync(readFileSync(`dist/${file}`), { level: 9 }).length;
const closure = (key, seen = new Set()) => {
  const chunk = manifest[key];
  if (!chunk || seen.has(chunk.file)) return seen;
  seen.add(chunk.file);
  for (const dep of chunk.imports ?? []) closure(dep, seen);
  return seen;
};
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const total = (files) => [...files].filter((f) => f.endsWith('.js')).reduce((sum, f) => sum + gzip(f), 0);

const shell = closure('index.html');
console.log(`shell (entry + static imports): ${kb(total(shell))}`);
for (const [key, chunk] of Object.entries(manifest)) {
  const match = key.match(/routes\/(\w+)Route\.tsx$/);
  if (!match || !chunk.isDynamicEntry) continue;
  const own = [...closure(key)].filter((file) => !shell.has(file));
  const deferred = (chunk.dynamicImports ?? []).flatMap((dep) => [...closure(dep)]).filter((f) => !shell.has(f) && !own.includes(f));
  const later = deferred.length ? `  (+${kb(total(new Set(deferred)))} loaded after first paint)` : '';
  console.log(`${match[1].padEnd(10)} page adds ${kb(total(own)).padStart(9)}  → first load there ${kb(total(shell) + total(own))}${later}`);
}
