// The first screen ships only the Latvian strings in lvFirst (src/i18n/messages/
// index.ts); the rest arrives a moment after it. A string the header or the
// community list asks for that is not in lvFirst renders empty on the first
// paint and pops in later, so this reads those components' sources and checks
// every key (and every key a template like `syncbar.failure.${…}` can reach)
// is in the first load.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lvFirst } from './messages';
import { lvRest } from './messages/lv-rest';

/** Components on screen with the first paint of `/`. */
const FIRST_SCREEN = [
  'src/app.tsx', 'src/ui/Layout.tsx', 'src/ui/account/AccountMenu.tsx', 'src/ui/components/SyncStatus.tsx', 'src/ui/components/LanguageToggle.tsx',
  'src/ui/components/page.tsx', 'src/ui/components/InsecureBanner.tsx', 'src/ui/components/toast.tsx', 'src/ui/sync/ConfirmDialog.tsx', 'src/ui/communities/CommunityListScreen.tsx',
];

// Vitest runs from the repository root (happy-dom's import.meta.url is not a file URL).
const root = process.cwd();
const first = new Set(Object.keys(lvFirst));
const rest = Object.keys(lvRest);

function keysIn(source: string): { keys: string[]; prefixes: string[] } {
  const keys = [
    ...[...source.matchAll(/\bt\(\s*'([\w.]+)'/g)].map((match) => match[1]!),
    // Navigation links: { href, label: 'overview.nav', … }
    ...[...source.matchAll(/\blabel: '([\w.]+)'/g)].map((match) => match[1]!),
  ];
  const prefixes = [
    ...[...source.matchAll(/\bt\(\s*`([\w.]+)\$\{/g)].map((match) => match[1]!),
    ...[...source.matchAll(/\btLabel\(\s*'(\w+)'/g)].map((match) => `${match[1]!}.`),
  ];
  return { keys, prefixes };
}

describe('the first screen’s strings ship with the first load', () => {
  for (const file of FIRST_SCREEN) {
    it(file, () => {
      const { keys, prefixes } = keysIn(readFileSync(join(root, file), 'utf8'));
      expect(keys.length + prefixes.length).toBeGreaterThan(0);
      expect(keys.filter((key) => !first.has(key))).toEqual([]);
      for (const prefix of prefixes) {
        expect([...first].some((key) => key.startsWith(prefix)), prefix).toBe(true);
        expect(rest.filter((key) => key.startsWith(prefix)), prefix).toEqual([]);
      }
    });
  }
});
