// The immigration-records model (SPEC P3; the seed's INZ CBG eligibility result screens, research/ccms-screens.md
// S10–S12). One TypeBox schema per part gives the types and lets a loader check a file record by record.
//
// Dates are `YYYY-MM-DD`; date-times are NZ local `YYYY-MM-DDTHH:mm` (the officer screens show NZ local
// times, and presence counts NZ local calendar dates), so a movement's date is its first ten characters.
import { Type, type Static } from '@sinclair/typebox';

const DATE = '^[0-9]{4}-[0-9]{2}-[0-9]{2}$';
const DATE_TIME = '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}$';
export const IsoDateSchema = Type.String({ pattern: DATE, description: 'YYYY-MM-DD' });
export const LocalDateTimeSchema = Type.String({ pattern: DATE_TIME, description: 'NZ local YYYY-MM-DDTHH:mm' });
const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);

export const NameSchema = Type.Object({
  givenNames: Type.String({ maxLength: 200 }),
  familyName: Type.String({ maxLength: 200 }),
});

export const OtherNameSchema = Type.Object({
  givenNames: Type.String({ maxLength: 200 }),
  familyName: Type.String({ maxLength: 200 }),
  /** e.g. "Alias", "Birth name", "Previous name". */
  nameType: Type.String({ maxLength: 50 }),
});

export const PhotoSchema = Type.Object({
  /** The document name shown under "Supporting documents (INZ identity)", e.g. "12020466". */
  name: Type.String({ maxLength: 100 }),
  /** Where the image is kept (a storage key). */
  ref: Type.String({ maxLength: 500 }),
  /**
   * The image itself (JPEG or PNG, base64) when it comes with the records being loaded: the store keeps it by
   * `ref` and the stored record never holds it.
   */
  content: Type.Optional(Type.String({ maxLength: 14_000_000, contentEncoding: 'base64' })),
});

export const AddressSchema = Type.Object({
  addressType: Type.String({ maxLength: 50 }),
  address: Type.String({ maxLength: 500 }),
  lastUpdated: LocalDateTimeSchema,
});

export const RelationshipSchema = Type.Object({
  relationship: Type.String({ maxLength: 50 }),
  givenNames: Type.String({ maxLength: 200 }),
  middleNames: Nullable(Type.String({ maxLength: 200 })),
  familyName: Type.String({ maxLength: 200 }),
  dateOfBirth: Nullable(IsoDateSchema),
  countryOfResidence: Nullable(Type.String({ maxLength: 100 })),
});

export const IdentitySchema = Type.Object({
  clientId: Type.String({ maxLength: 20 }),
  identityId: Type.String({ maxLength: 20 }),
  givenNames: Type.String({ maxLength: 200 }),
  middleNames: Nullable(Type.String({ maxLength: 200 })),
  familyName: Type.String({ maxLength: 200 }),
  otherNames: Type.Array(OtherNameSchema),
  gender: Type.Union([
    Type.Literal('Male'),
    Type.Literal('Female'),
    Type.Literal('Gender diverse'),
    Type.Literal('Unknown'),
  ]),
  dateOfBirth: IsoDateSchema,
  countryOfBirth: Type.String({ maxLength: 100 }),
  photo: Type.Union([PhotoSchema, Type.Null()]),
  latestAddress: Type.Union([AddressSchema, Type.Null()]),
  relationships: Type.Array(RelationshipSchema),
});

export const TravelDocumentSchema = Type.Object({
  number: Type.String({ maxLength: 30 }),
  issuingState: Type.String({ maxLength: 100 }),
  issued: Nullable(IsoDateSchema),
  expiry: IsoDateSchema,
});

export const MovementSchema = Type.Object({
  direction: Type.Union([Type.Literal('arrival'), Type.Literal('departure')]),
  dateTime: LocalDateTimeSchema,
  /** e.g. "Auckland Airport". */
  port: Type.String({ maxLength: 100 }),
  /** Carrier and flight, e.g. "NZ 1"; null when unknown (e.g. a vessel). */
  carrier: Nullable(Type.String({ maxLength: 30 })),
  /** The number of the travel document used. */
  travelDocument: Nullable(Type.String({ maxLength: 30 })),
});

export const VisaSchema = Type.Object({
  /** e.g. "Resident", "Permanent Resident", "Visitor", "Work", "Student". */
  type: Type.String({ maxLength: 100 }),
  start: LocalDateTimeSchema,
  /** Null or a 9999 year when it does not expire (the screens show 31/12/9999). */
  expiry: Nullable(LocalDateTimeSchema),
  /** Visa label conditions, verbatim. */
  conditions: Type.Array(Type.String({ maxLength: 2000 })),
  /** Whether the visa entitles its holder to be in NZ indefinitely (residence class). */
  entitlesIndefiniteStay: Type.Boolean(),
  /** Granted offshore: entitlement starts at the first arrival on it (R7). */
  grantedOffshore: Type.Boolean(),
});

export const AlertSchema = Type.Object({
  code: Type.String({ maxLength: 50 }),
  description: Type.String({ maxLength: 2000 }),
  raised: IsoDateSchema,
});

export const ImmigrationRecordSchema = Type.Object({
  identity: IdentitySchema,
  travelDocuments: Type.Array(TravelDocumentSchema),
  movements: Type.Array(MovementSchema),
  visas: Type.Array(VisaSchema),
  alerts: Type.Array(AlertSchema),
});

export type OtherName = Static<typeof OtherNameSchema>;
export type Photo = Static<typeof PhotoSchema>;
export type Address = Static<typeof AddressSchema>;
export type Relationship = Static<typeof RelationshipSchema>;
export type Identity = Static<typeof IdentitySchema>;
export type TravelDocument = Static<typeof TravelDocumentSchema>;
export type Movement = Static<typeof MovementSchema>;
export type Visa = Static<typeof VisaSchema>;
export type Alert = Static<typeof AlertSchema>;
export type ImmigrationRecord = Static<typeof ImmigrationRecordSchema>;
