// Types of the React wrapper around <pono-verify> (pono-verify-react.js beside this file).
import type { ForwardRefExoticComponent, RefAttributes } from 'react';

/** Seed 001's outputs of the identity verification service, as the element's events carry them. */
export interface PonoVerifyOutputs {
  verifyUserId: string;
  verifyStatus: 'VERIFIED' | 'UNVERIFIED' | 'FAILED';
  /** Comma-separated sources the person may still try (a Not Contributing source is removed). */
  availableSources: string;
  /** Comma-separated sources the person is verified on. */
  verifiedSources: string;
  /** One of the sources asked for by the last call verified. */
  sourceVerifiedFlag: boolean;
  /** Comma-separated: DFAT, PEP, OFAC. */
  watchlistsFoundOn: string;
  creditHistoryResult: '' | 'VERIFIED' | 'AUTOFAIL';
  executionStatus: 'SUCCESS' | 'DATA_ERROR' | 'SYSTEM_ERROR';
  errorMessage: string;
  /** The call started a new verification because the person's details changed (pono's, beside the seed's). */
  restarted?: boolean;
}

/** The combination source's check of a photographed document (docs/documents.md), as pono answers it. */
export type PonoDocumentCheck = Record<string, unknown>;

/** onVerified: verified by the sources, by a photographed document, or (manualReview) by an administrator. */
export interface PonoVerifyVerified extends PonoVerifyOutputs {
  manualReview?: 'VERIFIED_ADMIN';
  documentCapture?: PonoDocumentCheck;
}

/** onDocumentCaptured: a photographed document was checked (verified or not). */
export interface PonoDocumentCaptured extends PonoVerifyOutputs {
  documentCapture: PonoDocumentCheck;
}

/** onFailure: not verified electronically, the person opted out, or an administrator refused the documents. */
export interface PonoVerifyFailure extends PonoVerifyOutputs {
  optedOut?: true;
  manualReview?: 'FAILED';
}

/** The person, with seed 001's input names (dateOfBirth as yyyy-MM-dd; the address in long format). */
export interface PonoVerifyPerson {
  title?: string;
  firstName: string;
  middleName?: string;
  lastName: string;
  dateOfBirth: string;
  email?: string;
  homePhone?: string;
  workPhone?: string;
  mobilePhone?: string;
  flatNumber?: string;
  propertyName?: string;
  streetNumber: string;
  streetName: string;
  streetType?: string;
  suburb: string;
  state?: string;
  postcode: string;
  country: string;
  /** previousFlatNumber, previousStreetNumber, … and any other input of the service. */
  [input: string]: string | undefined;
}

/** Every text the element shows; a language's own words unless overridden. */
export interface PonoVerifyStrings {
  title: string;
  checking: string;
  verified: string;
  unverified: string;
  failed: string;
  chooseSource: string;
  verify: string;
  terms: string;
  help: string;
  sourceVerified: string;
  sourceNotVerified: string;
  optOut: string;
  optedOut: string;
  fixFields: string;
  tokenExpired: string;
  uploadTitle: string;
  uploadIntro: string;
  documentType: string;
  documentFile: string;
  firstDocument: string;
  secondDocument: string;
  sendDocuments: string;
  sending: string;
  fileMissing: string;
  typeMissing: string;
  fileTooLarge: string;
  fileType: string;
  uploaded: string;
  reviewVerified: string;
  reviewFailed: string;
  /** The legend over the details a person may give as on the document (the account's controlled changes). */
  documentDetails: string;
  consentTitle: string;
  consentNeeded: string;
  consentAccept: string;
  consentContinue: string;
  required: string;
  format: string;
  /** Source names by source id (passportdvs, medicaredvs, …; `licence` for every state's licence). */
  sources: Record<string, string>;
  /** Manual verification document types (passport, licence, proofOfAddress, …). */
  documentTypes: Record<string, string>;
}

/** The overrides for one language: any text above, and by input or source the texts pono's definition gives. */
export type PonoVerifyLanguageOverrides = Partial<Omit<PonoVerifyStrings, 'sources' | 'documentTypes'>> & {
  sources?: Record<string, string>;
  documentTypes?: Record<string, string>;
  /** Field labels by input name (passportNumber, medicareCardNumber, documentFirstName, …). */
  labels?: Record<string, string>;
  /** The words after "must be" when a value is not in its format, by input name (e.g. '8 characters'). */
  formats?: Record<string, string>;
  /** A field's whole message when its value is missing or not in its format (the browser's check or pono's), by input name. */
  messages?: Record<string, string>;
  /** The help beside a source's fields, by source id (passportdvs, medicaredvs, …; `licence` for every state's licence). */
  helpTexts?: Record<string, string>;
};

/** Overrides for every language, and under `en` or `mi` for that language only (those win). */
export type PonoVerifyStringOverrides = PonoVerifyLanguageOverrides & {
  en?: PonoVerifyLanguageOverrides;
  mi?: PonoVerifyLanguageOverrides;
};

export interface PonoVerifyProps {
  /** pono's address, e.g. https://pono.example (the element's script is loaded from it). */
  server: string;
  account: string;
  /** The short-lived browser token the form's server minted (POST /api/v1/forms/browser-tokens). */
  token: string;
  /** Keeps several people of one transaction apart, e.g. Applicant1. */
  roleKey?: string;
  /** Sources run when the person is registered, e.g. ['dfat', 'ofac', 'pep', 'aec']. */
  backgroundSources?: readonly string[] | string;
  /** Documents the person may choose from, e.g. ['passportdvs', 'medicaredvs', 'regodvs']. */
  interactiveSources?: readonly string[] | string;
  /** Help with sample documents beside each source's fields (default true). */
  help?: boolean;
  /** Offer "verify another way" and, after it, the upload of documents for manual review (default false). */
  allowOptOut?: boolean;
  /** English or te reo Māori (default 'en'). */
  language?: 'en' | 'mi';
  strings?: PonoVerifyStringOverrides;
  /** How often to ask for the administrator's decision after an upload (default 20). */
  reviewPollSeconds?: number;
  /** Offer to photograph a passport or driver licence beside the document sources (default false). */
  documentCapture?: boolean;
  /** With documentCapture: a selfie with the photo, 'required' or 'optional'. */
  documentSelfie?: 'required' | 'optional';
  /** Given or changed, starts the verification with these details. */
  person?: PonoVerifyPerson;
  onVerified?: (outputs: PonoVerifyVerified) => void;
  onFailure?: (outputs: PonoVerifyFailure) => void;
  onDocumentCaptured?: (outputs: PonoDocumentCaptured) => void;
  /** The element's script could not be loaded from `server`. */
  onLoadError?: (error: Error) => void;
  id?: string;
  className?: string;
}

/** What a ref to the wrapper offers. */
export interface PonoVerifyHandle {
  /** Starts (or restarts) the verification with the person's details. */
  start(person: PonoVerifyPerson): Promise<void>;
  readonly element: HTMLElement | null;
}

export declare const PonoVerify: ForwardRefExoticComponent<PonoVerifyProps & RefAttributes<PonoVerifyHandle>>;

/** Loads <pono-verify> from pono once per page; the wrapper does this itself. */
export declare function loadPonoVerify(server: string): Promise<void>;
