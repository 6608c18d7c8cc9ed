// Seed 002 "Codes for background checks (Australia)": middle name = prefix `TWO` or `2-`, then one letter
// per position. Positions 5, 11, 15, 23 and 24 are not in the seed's table; 5 is taken as White Pages from
// the seed's own example ("2-FFFPPFFFFFFFFF" passes "the White Pages and Electoral Roll sources only",
// i.e. positions 4 and 5); 11, 15, 23, 24 drive nothing.
import type { BackgroundStubTable } from './background-code.ts';

export const AU_BACKGROUND_STUBS: BackgroundStubTable = {
  country: 'AU',
  prefixes: ['TWO', '2-'],
  length: 28,
  positions: [
    { position: 1, sourceId: 'dfat', name: 'Blacklist (OPAC, DFAT)' },
    { position: 2, sourceId: 'ofac', name: 'Blacklist (OFAC)' },
    { position: 3, sourceId: 'pep', name: 'Blacklist (PEP)' },
    // seed 002 "#": for this source 'TWO' not '2-' must be used (validation restrictions), so behind a
    // `2-` prefix the letter is not read and the source fails. The seed's older example that passes the
    // roll with `2-FFFPP…` contradicts this; the footnote attached to the row wins.
    { position: 4, sourceId: 'aec', name: 'Australian Electoral Roll', prefixes: ['TWO'] },
    { position: 5, sourceId: 'wp', name: 'White Pages' },
    { position: 6, sourceId: 'fcs', name: 'FCS Public Number Directory' },
    { position: 7, sourceId: 'asic', name: 'ASIC Personal Name Search' },
    { position: 8, sourceId: 'tenancy', name: 'Australian Tenancy File' },
    { position: 9, sourceId: 'fnsnad', name: 'FNS NAD File' },
    { position: 10, sourceId: 'claims', name: 'Australian Claims Database' },
    { position: 12, sourceId: 'waec', name: 'Western Australian Electoral Roll' },
    { position: 13, sourceId: 'vicec', name: 'Victorian Electoral Roll' },
    { position: 14, sourceId: 'dnb', name: 'illion Credit Header' },
    { position: 16, sourceId: 'fraudcheck', name: 'greenID fraud check' },
    { position: 17, sourceId: 'experian', name: 'Experian Credit Header' },
    { position: 18, sourceId: 'datacoop', name: 'Data Co-op Database' },
    { position: 19, sourceId: 'illionbanking', name: 'illion credit header - Australian banking & finance segment' },
    { position: 20, sourceId: 'illiontelco', name: 'illion credit header - Australian telecommunications segment' },
    { position: 21, sourceId: 'illionutilities', name: 'illion credit header - Australian utilities segment' },
    { position: 22, sourceId: 'illionpublic', name: 'illion credit header - Australian public records segment' },
    { position: 25, sourceId: 'payroll', name: 'Payroll Data' },
    { position: 26, sourceId: 'superannuation', name: 'Superannuation Data' },
    { position: 27, sourceId: 'gbgalert', name: 'GBG Alert' },
    { position: 28, sourceId: 'visaentitlement', name: 'Visa Entitlement Check' },
  ],
};
