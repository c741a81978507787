import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from './locales/en.json';
import es from './locales/es.json';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

function has(tree: unknown, key: string): boolean {
  const parts = key.split('.');
  const last = parts.pop()!;
  const node = parts.reduce<unknown>((n, part) => (n as Record<string, unknown> | undefined)?.[part], tree) as
    | Record<string, unknown>
    | undefined;
  return Boolean(node && (typeof node[last] === 'string' || typeof node[`${last}_other`] === 'string'));
}

describe('keys used in the code', () => {
  const root = join(__dirname, '..', '..');
  const used = new Set<string>();
  for (const file of sources(root)) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)) used.add(match[1]!);
    for (const match of text.matchAll(/label: '([a-z]+\.[a-zA-Z0-9_.]+)'/g)) used.add(match[1]!);
  }

  it('finds the keys', () => {
    expect(used.size).toBeGreaterThan(50);
  });

  it.each([
    ['en', en],
    ['es', es],
  ])('every key the code uses is translated in %s', (_language, tree) => {
    expect([...used].filter((key) => !has(tree, key))).toEqual([]);
  });
});
