// What kind of document a photo shows and what it says: a passport when a TD3 machine readable zone is read at
// the foot of the page; a driver licence when the card says DRIVER LICENCE (New Zealand, or an Australian state
// or territory, from its heading); else UNKNOWN, checked as a passport (its MRZ missing) so that the person is
// asked for another photo. documentType, documentRegion and documentSubRegion are seed 003's.
import { authenticityChecks, type AuthenticityCheck, type ImageFacts } from './authenticity.ts';
import type { DocumentData } from './combination.ts';
import { readLicence } from './licence.ts';
import { readMrz, regionOf, td3FromText } from './mrz.ts';

export interface ExtractedDetails extends DocumentData {
  readonly sex: string;
  readonly nationality: string;
  readonly expiry: string;
  /** the NZ licence's version number or an AU licence's card number; a passport has none */
  readonly cardNumber?: string;
}

export interface RecognisedDocument {
  readonly details: ExtractedDetails;
  /** PASSPORT, DRIVERS_LICENCE or UNKNOWN */
  readonly documentType: string;
  /** ISO 3166-1 alpha-2 of the issuing country, or '' */
  readonly region: string;
  /** the issuing state within the country (an AU state for an Australian licence), or '' */
  readonly subRegion: string;
  readonly mrzValid: boolean;
  readonly checks: AuthenticityCheck[];
}

export interface PageReading {
  readonly facts: ImageFacts;
  readonly mrzText: string;
  readonly visualText: string;
}

function splitNames(givenNames: string): { givenName: string; middleNames: string } {
  const [givenName = '', ...middle] = givenNames.split(/\s+/).filter(Boolean);
  return { givenName, middleNames: middle.join(' ') };
}

export function recogniseDocument(reading: PageReading, today: Date): RecognisedDocument {
  const day = today.toISOString().slice(0, 10);
  const lines = td3FromText(reading.mrzText, reading.visualText);
  const licence = lines ? null : readLicence(reading.visualText);
  if (licence?.isLicence) {
    const f = licence.fields;
    return {
      details: {
        ...splitNames(f.givenNames),
        surname: f.surname,
        dob: f.dob,
        documentNumber: f.licenceNumber,
        cardNumber: f.cardNumber,
        sex: '',
        nationality: '',
        expiry: f.expiry,
      },
      documentType: 'DRIVERS_LICENCE',
      region: licence.region,
      subRegion: licence.subRegion,
      mrzValid: false,
      checks: authenticityChecks({ image: reading.facts, mrz: null, visualText: reading.visualText, licence }, day),
    };
  }
  const mrz = lines ? readMrz(lines, today) : null;
  const f = mrz?.fields;
  return {
    details: {
      ...splitNames(f?.givenNames ?? ''),
      surname: f?.surname ?? '',
      dob: f?.dob ?? '',
      documentNumber: f?.documentNumber ?? '',
      sex: f?.sex ?? '',
      nationality: f?.nationality ?? '',
      expiry: f?.expiry ?? '',
    },
    documentType: f?.documentCode.startsWith('P') ? 'PASSPORT' : 'UNKNOWN',
    region: f ? regionOf(f.issuingState) : '',
    subRegion: '',
    mrzValid: mrz?.valid ?? false,
    checks: authenticityChecks({ image: reading.facts, mrz, visualText: reading.visualText }, day),
  };
}
