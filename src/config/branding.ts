// The office's branding, from the configuration: its name (PONO_OFFICE_NAME) and logo (PONO_OFFICE_LOGO, an image
// file pono reads at start and serves itself at LOGO_PATH), shown on the applicant's pages, in the liveness-link
// email and in the console's header.
import { extensionOf, sniffContentType } from '../domain/files/content-type.ts';
import { readFileSync } from 'node:fs';

export const DEFAULT_OFFICE_NAME = 'pono';
/** Where pono serves the configured logo (same origin, so the applicant pages' content policy allows it). */
export const LOGO_PATH = '/branding/logo';
export const MAX_LOGO_BYTES = 512 * 1024;

export interface Logo {
  bytes: Buffer;
  contentType: string;
  /** The file name an email attaches it under. */
  fileName: string;
}

export interface Branding {
  officeName: string;
  logo: Logo | null;
}

const LOGO_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/svg+xml'] as const;

/** Reads the logo file; a problem is thrown as a sentence about the file (the caller names the variable). */
export function readLogo(path: string): Logo {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a folder, not an image file'
          : `cannot be read (${code ?? 'error'})`,
      { cause: error },
    );
  }
  if (bytes.length > MAX_LOGO_BYTES) throw new Error(`is larger than ${MAX_LOGO_BYTES / 1024} KB`);
  const type = sniffContentType(bytes, LOGO_TYPES);
  if (!type) throw new Error('is not a PNG, JPEG, WebP or SVG image');
  return { bytes, contentType: type, fileName: `logo.${extensionOf(type)}` };
}

export function brandingFrom(
  config: { PONO_OFFICE_NAME?: string | undefined; PONO_OFFICE_LOGO?: string | undefined } | undefined,
): Branding {
  return {
    officeName: config?.PONO_OFFICE_NAME?.trim() || DEFAULT_OFFICE_NAME,
    logo: config?.PONO_OFFICE_LOGO ? readLogo(config.PONO_OFFICE_LOGO) : null,
  };
}
