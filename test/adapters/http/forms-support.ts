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

/** A 1×1 PNG: a scan as far as pono can tell (it reads a file's type from its first bytes). */
export const TINY_PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c63600000000200015e2e8a9c0000000049454e44ae426082',
  'hex',
);

/** A multipart/form-data body of text fields and files (each file's field name is its document type). */
export function manualUpload(
  fields: Record<string, string>,
  files: { field: string; name: string; content: Buffer; type?: string }[],
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----pono${Date.now().toString(16)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  for (const file of files)
    parts.push(
      Buffer.from(
        `--${boundary}\r\ncontent-disposition: form-data; name="${file.field}"; filename="${file.name}"\r\ncontent-type: ${file.type ?? 'image/png'}\r\n\r\n`,
      ),
      file.content,
      Buffer.from('\r\n'),
    );
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
