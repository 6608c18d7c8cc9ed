// Illustrative sample documents for the component's help (drawn here; no real document): each marks where
// the values the person types are found.
const frame = (title: string, colour: string, body: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 320 200" role="img" aria-label="${title}">` +
  `<rect x="2" y="2" width="316" height="196" rx="12" fill="${colour}" stroke="#333" stroke-width="2"/>` +
  `<text x="16" y="28" font-family="sans-serif" font-size="15" font-weight="bold" fill="#222">${title}</text>` +
  `<text x="200" y="190" font-family="sans-serif" font-size="11" fill="#a00">SPECIMEN — NOT A REAL DOCUMENT</text>${body}</svg>`;
const mark = (x: number, y: number, w: number, label: string) =>
  `<rect x="${x}" y="${y}" width="${w}" height="22" fill="none" stroke="#d00" stroke-width="2" stroke-dasharray="4 2"/>` +
  `<text x="${x + 4}" y="${y + 15}" font-family="monospace" font-size="12" fill="#222">${label}</text>`;

export const FORM_SAMPLES: Readonly<Record<string, string>> = {
  'passport.svg': frame(
    'PASSPORT (sample)',
    '#e8eef8',
    '<rect x="16" y="44" width="80" height="100" fill="#bbb"/>' +
      mark(200, 40, 110, 'PA0000000') +
      mark(110, 80, 150, 'SURNAME / GIVEN NAMES') +
      mark(110, 120, 120, 'DATE OF BIRTH'),
  ),
  'medicare.svg': frame(
    'MEDICARE (sample)',
    '#dff0df',
    mark(16, 50, 170, '2000 00000 0') +
      mark(16, 90, 30, '1') +
      mark(52, 90, 150, 'A N OTHER') +
      mark(220, 150, 90, 'VALID TO 00/00'),
  ),
  'licence.svg': frame(
    "DRIVER'S LICENCE (sample)",
    '#f6efd8',
    '<rect x="16" y="44" width="80" height="100" fill="#bbb"/>' +
      mark(110, 50, 130, 'LICENCE NO. 000000') +
      mark(110, 90, 150, 'CARD NUMBER 0000000') +
      mark(110, 130, 120, 'DATE OF BIRTH'),
  ),
  'certificate.svg': frame(
    'CERTIFICATE (sample)',
    '#f7f3ea',
    mark(16, 44, 160, 'REGISTRATION NO. 0000') +
      mark(16, 84, 170, 'REGISTERED 00/00/0000') +
      mark(180, 140, 130, 'CERT. NO. 00000'),
  ),
};
