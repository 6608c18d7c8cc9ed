// Specimen documents and multipart bodies for the document capture tests.
import { HOPPER, COLLINS } from '../../../../src/adapters/face/synthetic-faces.ts';
import type { SpecimenPerson } from '../../../../src/adapters/documents/specimens.ts';

/** Grace Hopper's portrait on an Australian specimen; A1111111 is the PassportDVS stub code for "verified". */
export const GRACE: SpecimenPerson = {
  surname: 'Hopper',
  givenNames: 'Grace Brewster',
  dob: '1976-04-01',
  sex: 'F',
  documentNumber: 'A1111111',
  issuingState: 'AUS',
  nationality: 'AUS',
  expiry: '2031-06-30',
  portrait: HOPPER,
};

export const EILEEN: SpecimenPerson = {
  surname: 'Collins',
  givenNames: 'Eileen Marie',
  dob: '1956-11-19',
  sex: 'F',
  documentNumber: 'LA9876543',
  issuingState: 'NZL',
  nationality: 'NZL',
  expiry: '2029-02-11',
  portrait: COLLINS,
};

export const ALL_FAIL = `TWO${'F'.repeat(28)}`;

/** A person registered as the master record, matching GRACE's data page. */
export const GRACE_REGISTRATION = {
  name: { givenName: 'Grace', middleNames: ALL_FAIL, surname: 'Hopper' },
  dob: '1976-04-01',
  currentResidentialAddress: {
    streetNumber: '1',
    streetName: 'George',
    streetType: 'ST',
    suburb: 'Sydney',
    state: 'NSW',
    postcode: '2000',
    country: 'AU',
  },
};

export function multipart(files: { name: string; content: Buffer; type?: string }[]): {
  payload: Buffer;
  headers: Record<string, string>;
} {
  const boundary = '----pono-document-boundary';
  const parts: Buffer[] = [];
  for (const file of files) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.name}"; filename="${file.name}.jpg"\r\nContent-Type: ${file.type ?? 'image/jpeg'}\r\n\r\n`,
      ),
      file.content,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
