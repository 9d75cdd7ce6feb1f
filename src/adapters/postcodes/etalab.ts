import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { PostcodeDirectory } from '../../domain/call/rules/postcodes.js';

/**
 * The official postcodes from @etalab/decoupage-administratif (INSEE communes with La Poste
 * postcodes, offline). The JSON is about 8 MB: it is read on the first question only, once per
 * process, and kept as a postcode → commune names map.
 */

interface CommuneRow {
  nom: string;
  codesPostaux?: string[];
}

let byPostcode: Map<string, string[]> | undefined;

function load(): Map<string, string[]> {
  const require = createRequire(import.meta.url);
  const file = require.resolve('@etalab/decoupage-administratif/data/communes.json');
  const rows = JSON.parse(readFileSync(file, 'utf8')) as CommuneRow[];
  const map = new Map<string, string[]>();
  // Current communes, delegated and associated communes and Paris/Lyon/Marseille districts all
  // count: people write the name they live in, which is often a former commune.
  for (const row of rows) {
    for (const code of row.codesPostaux ?? []) {
      const names = map.get(code) ?? [];
      if (!names.includes(row.nom)) names.push(row.nom);
      map.set(code, names);
    }
  }
  return map;
}

export const etalabPostcodes: PostcodeDirectory = {
  communesFor(postcode: string): readonly string[] {
    byPostcode ??= load();
    return byPostcode.get(postcode) ?? [];
  },
};
