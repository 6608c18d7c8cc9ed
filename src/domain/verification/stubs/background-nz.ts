// Seed 002 "Codes for background checks (New Zealand)": 17 positions, no prefix ("the prefix "2-" or
// "TWO" is not required"), same letters as Australia.
import type { BackgroundStubTable } from './background-code.ts';

export const NZ_BACKGROUND_STUBS: BackgroundStubTable = {
  country: 'NZ',
  prefixes: [],
  length: 17,
  positions: [
    { position: 1, sourceId: 'dfat', name: 'Blacklist (OPAC, DFAT)' },
    { position: 2, sourceId: 'ofac', name: 'Blacklist (OFAC)' },
    { position: 3, sourceId: 'pep', name: 'Blacklist (PEP)' },
    { position: 4, sourceId: 'nzdiabirths', name: 'DIA Births' },
    { position: 5, sourceId: 'nzcompanies', name: 'NZ Companies Office Directors and Shareholders Database' },
    { position: 6, sourceId: 'nzdiacitizenship', name: 'DIA Citizenship' },
    { position: 7, sourceId: 'nzillion', name: 'illion Credit Header' },
    { position: 8, sourceId: 'nzlinz', name: 'LINZ Property Ownership Database' },
    { position: 9, sourceId: 'nztinz', name: 'Tenancy Information NZ (TINZ)' },
    { position: 10, sourceId: 'nzexperian', name: 'Experian Credit header' },
    { position: 11, sourceId: 'nzcentrix', name: 'Centrix Credit Header' },
    { position: 12, sourceId: 'nzppsr', name: 'NZ PPSR' },
    { position: 13, sourceId: 'nztenancy', name: 'NZ Tenancy (illion)' },
    { position: 14, sourceId: 'nzillionbanking', name: 'illion credit header - NZ banking & finance segment' },
    { position: 15, sourceId: 'nzilliontelco', name: 'illion credit header - NZ telecommunications segment' },
    { position: 16, sourceId: 'nzillionutilities', name: 'illion credit header - NZ utilities segment' },
    { position: 17, sourceId: 'nzillionpublic', name: 'illion credit header - NZ public records segment' },
  ],
};
