// Whether an account's document captures compare the document's portrait with a selfie (seed 003: the Face
// Comparison component "will only be present if face comparisons are configured on the customer's account"):
//   required — every capture needs a selfie, and its result has the Face Comparison component;
//   optional — a capture is compared when a selfie comes with it (the form's page decides whether to ask);
//   off      — no selfie is asked for or read, and no result has the component.
// `optional` is a new account's default (the accounts table's): it is what captures did before the setting.
export const FACE_COMPARISON_SETTINGS = ['required', 'optional', 'off'] as const;
export type FaceComparisonSetting = (typeof FACE_COMPARISON_SETTINGS)[number];

/** Whether a capture's selfie is read and compared under the setting (an account that compares none ignores it). */
export const comparesSelfie = (setting: FaceComparisonSetting): boolean => setting !== 'off';

/** Whether the setting refuses a capture sent without a selfie. */
export const needsSelfie = (setting: FaceComparisonSetting): boolean => setting === 'required';
