import { describe, expect, it } from 'vitest';
import en from './locales/en.json';
import es from './locales/es.json';
import { toLanguage } from '.';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
}

describe('translations', () => {
  it('every key exists in both Spanish and English', () => {
    const english = new Set(keys(en));
    const spanish = new Set(keys(es));
    expect([...english].filter((key) => !spanish.has(key)), 'missing in es.json').toEqual([]);
    expect([...spanish].filter((key) => !english.has(key)), 'missing in en.json').toEqual([]);
  });

  it('no translation is empty', () => {
    const empty = (tree: unknown) =>
      keys(tree).filter((key) => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], tree) === '');
    expect(empty(en)).toEqual([]);
    expect(empty(es)).toEqual([]);
  });

  it('maps project locales to a console language', () => {
    expect(toLanguage('en-US')).toBe('en');
    expect(toLanguage('es')).toBe('es');
    expect(toLanguage('pt')).toBe('es');
  });
});
