// The forms tests' person (seed 001 inputs, long-format address with a street-number range) and fresh
// tracking codes.
export function applicant(middleName: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    firstName: 'Aroha',
    middleName,
    lastName: 'Ngata',
    dateOfBirth: '1986-03-12',
    email: 'aroha@example.org',
    flatNumber: 'Level 3',
    streetNumber: '267-277',
    streetName: 'George',
    streetType: 'STREET',
    suburb: 'Sydney',
    state: 'NSW',
    postcode: '2000',
    country: 'Australia',
    ...extra,
  };
}

let sequence = 0;
export const newTracking = (): string => `T${Date.now().toString(36)}${(sequence += 1)}`;
