// Watchlist sources (stub positions 1–3 in both countries). They confirm nothing: hits are reported in
// watchlistsFoundOn and do not change the rule decision (see rules.ts).
import { backgroundSource, type SourceDefinition } from './definitions.ts';

export const WATCHLIST_SOURCES: readonly SourceDefinition[] = [
  { ...backgroundSource('dfat', 'Blacklist (DFAT)', 'ANY', 'watchlist', [], 901), watchlist: 'DFAT' },
  { ...backgroundSource('ofac', 'Blacklist (OFAC)', 'ANY', 'watchlist', [], 902), watchlist: 'OFAC' },
  { ...backgroundSource('pep', 'Blacklist (PEP)', 'ANY', 'watchlist', [], 903), watchlist: 'PEP' },
];
