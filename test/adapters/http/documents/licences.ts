// Specimen driver licences for the document tests: the public-domain portraits of synthetic-faces.ts on cards of
// New Zealand and three Australian states. The licence numbers are seed 002's stub codes: 11111111 and AA111111
// verified, 33333333 pending review, 44444444 error.
import { COLLINS, HOPPER } from '../../../../src/adapters/face/synthetic-faces.ts';
import type { SpecimenLicence } from '../../../../src/adapters/documents/licence-specimens.ts';

export const HOPPER_NSW: SpecimenLicence = {
  issuer: 'NSW',
  surname: 'Hopper',
  givenNames: 'Grace Brewster',
  dob: '1976-04-01',
  licenceNumber: '11111111',
  cardNumber: '2012345678',
  expiry: '2031-06-30',
  portrait: HOPPER,
};

export const COLLINS_NZ: SpecimenLicence = {
  issuer: 'NZ',
  surname: 'Collins',
  givenNames: 'Eileen Marie',
  dob: '1956-11-19',
  licenceNumber: 'AA111111',
  cardNumber: '123',
  expiry: '2029-02-11',
  portrait: COLLINS,
};

export const HOPPER_VIC: SpecimenLicence = {
  ...HOPPER_NSW,
  issuer: 'VIC',
  licenceNumber: '33333333',
  cardNumber: 'P4821706',
  expiry: '2030-09-15',
};

export const COLLINS_QLD: SpecimenLicence = {
  ...COLLINS_NZ,
  issuer: 'QLD',
  licenceNumber: '44444444',
  cardNumber: 'QX12345678',
  expiry: '2028-03-31',
};

/** A person registered in New Zealand as the master record, matching COLLINS_NZ. */
export const EILEEN_NZ_REGISTRATION = {
  name: { givenName: 'Eileen', middleNames: 'Marie', surname: 'Collins' },
  dob: '1956-11-19',
  currentResidentialAddress: {
    streetNumber: '1',
    streetName: 'Cuba',
    streetType: 'St',
    suburb: 'Wellington',
    postcode: '6011',
    country: 'NZ',
  },
};
