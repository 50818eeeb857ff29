import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import de from './locales/de.json';
import en from './locales/en.json';
import fr from './locales/fr.json';

type Tree = { [key: string]: string | Tree };

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [prefix + key] : keys(value, `${prefix}${key}.`));
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.test.tsx') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

const english = new Set(keys(en as Tree));
// plural forms: a key used as "x" exists as "x_one" / "x_other"
const known = (key: string) => english.has(key) || english.has(`${key}_other`);

describe('translations', () => {
  it.each([['de', de], ['fr', fr]])('%s has every English key and no other', (_, tree) => {
    const translated = keys(tree as Tree).map((key) => key.replace(/_(one|other|few|many)$/, '_other'));
    const expected = [...english].map((key) => key.replace(/_(one|other)$/, '_other'));
    expect(new Set(translated)).toEqual(new Set(expected));
  });

  it('every key the code names exists', () => {
    const root = join(process.cwd(), 'src');
    const used = sources(root).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([^'$]+)'/g)].map((match) => match[1]));
    expect(used.length).toBeGreaterThan(100);
    expect(used.filter((key) => !known(key))).toEqual([]);
  });
});
