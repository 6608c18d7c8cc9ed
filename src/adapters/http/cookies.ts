// Reading one cookie from the request, for the session cookies of officers and of account administrators.

/** A cookie value with broken percent-encoding is no session at all (a 401, never a 500). */
function decodedOrUndefined(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

export function readCookie(request: { headers: { cookie?: string | undefined } }, name: string): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return decodedOrUndefined(part.slice(eq + 1).trim());
  }
  return undefined;
}

const LOOPBACK = /^(localhost|127(\.\d+){3}|\[::1\])$/;

/**
 * Whether the session cookies carry Secure, from the public URL: always over https; a browser drops a Secure
 * cookie set over plain http (except on localhost), so an http public URL gets cookies without it — with a
 * warning at start, since anyone on that network can then read them. Without a public URL, the address each
 * request reached decides (https, or a loopback address).
 */
export function cookiePolicy(publicUrl: string | undefined): {
  secure(request: { protocol: string; hostname: string }): boolean;
  warning?: string;
} {
  if (!publicUrl) return { secure: (request) => request.protocol === 'https' || LOOPBACK.test(request.hostname) };
  const url = new URL(publicUrl);
  if (url.protocol === 'https:') return { secure: () => true };
  const local = LOOPBACK.test(url.hostname);
  return {
    secure: () => local,
    ...(local
      ? {}
      : {
          warning: `PONO_PUBLIC_URL is plain http (${url.origin}): sign-in cookies cannot be Secure there and travel unencrypted; serve pono over https`,
        }),
  };
}
