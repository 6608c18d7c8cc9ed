// Helpers for the casework API tests: officers of each role signed in through POST /api/v1/session, and
// small request wrappers that fail with the response body when the status is not the expected one.
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { TestApp } from '../../../support/app.ts';

export const PASSWORD = 'correct horse battery staple';

export interface SignedIn {
  id: string;
  /** Session cookie (console) or Bearer API token (integration) headers. */
  headers: Record<string, string>;
}

export interface Officers {
  admin: SignedIn;
  caseOfficer: SignedIn;
  caseOfficer2: SignedIn;
  validator: SignedIn;
  validator2: SignedIn;
  expert: SignedIn;
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export class CaseworkClient {
  /** `bearer`: officers use API tokens (which do not expire), for tests that move the clock by days. */
  constructor(
    private readonly t: TestApp,
    private readonly bearer = false,
  ) {}

  async officer(email: string, roles: string[]): Promise<SignedIn> {
    const created = await this.t.services.casework.officers.create({
      email,
      fullName: email.split('@')[0] ?? email,
      roles,
      password: PASSWORD,
    });
    if (this.bearer) {
      // Each officer's token is issued as by that officer, so no one issuer stands behind both pairs of eyes.
      const { token } = await this.t.services.casework.officers.issueApiToken(
        { officerId: created.id, roles: ['administrator'] },
        created.id,
        'tests',
      );
      return { id: created.id, headers: { authorization: `Bearer ${token}` } };
    }
    const response = await this.t.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { email, password: PASSWORD },
    });
    assert.equal(response.statusCode, 200, response.body);
    const setCookie = String(response.headers['set-cookie']);
    const cookie = setCookie.split(';')[0] ?? '';
    return { id: created.id, headers: { cookie } };
  }

  async officers(prefix: string): Promise<Officers> {
    return {
      admin: await this.officer(`${prefix}-admin@dia.example`, ['administrator']),
      caseOfficer: await this.officer(`${prefix}-co@dia.example`, ['case-officer']),
      caseOfficer2: await this.officer(`${prefix}-co2@dia.example`, ['case-officer']),
      validator: await this.officer(`${prefix}-vo@dia.example`, ['validating-officer']),
      validator2: await this.officer(`${prefix}-vo2@dia.example`, ['validating-officer']),
      expert: await this.officer(`${prefix}-ex@dia.example`, ['id-proofing-expert']),
    };
  }

  async call(who: SignedIn | null, method: Method, url: string, payload?: object) {
    return this.t.app.inject({
      method,
      url: `/api/v1${url}`,
      headers: who ? who.headers : {},
      ...(payload ? { payload } : {}),
    });
  }

  /** Calls and asserts the status; returns the parsed JSON body. */
  async expect<T = Record<string, unknown>>(
    status: number,
    who: SignedIn | null,
    method: Method,
    url: string,
    payload?: object,
  ): Promise<T> {
    const response = await this.call(who, method, url, payload);
    assert.equal(response.statusCode, status, `${method} ${url}: ${response.body}`);
    return (response.body ? response.json() : {}) as T;
  }

  /** Expects a 403 with its stable code (e.g. ROLE_NOT_PERMITTED): the refusal the officer's role met. */
  async refused(code: string, who: SignedIn | null, method: Method, url: string, payload?: object): Promise<void> {
    const body = await this.expect<{ code: string }>(403, who, method, url, payload);
    assert.equal(body.code, code, `${method} ${url}`);
  }
}

/** A multipart/form-data body: the fields, then the file. */
export function multipart(fields: Record<string, string>, file: { name: string; content: Buffer; type: string }) {
  const boundary = '----pono-test-boundary';
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
    ),
  );
  parts.push(file.content, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export interface App {
  reference: string;
  people: { id: string; relationship: string }[];
  stage: string;
}

export interface Task {
  id: string;
  personId: string;
  kind: string;
  state: string;
  preparedBy: string | null;
  validatedBy: string | null;
}

/** Waits until `check` returns a value (polling), or fails after `ms`. */
export async function eventually<T>(check: () => Promise<T | undefined | null | false>, ms = 45_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) assert.fail('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

// ---- A local SMTP server (smtp-server) whose messages are read back with mailparser ---------------------

export interface Mailbox {
  url: string;
  inbox: ParsedMail[];
  /** The n-th (1-based) message to `address`, waiting for it. */
  mailTo(address: string, n?: number): Promise<ParsedMail>;
  /** The liveness token in the n-th message to `address`. */
  tokenFor(address: string, n?: number): Promise<string>;
  close(): Promise<void>;
}

export async function startMailbox(): Promise<Mailbox> {
  const inbox: ParsedMail[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then((mail) => {
        inbox.push(mail);
        callback();
      }, callback);
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const port = (smtp.server.address() as AddressInfo).port;
  const mailTo = async (address: string, n = 1) => {
    const mails = await eventually(async () => {
      const found = inbox.filter((m) => m.to && !Array.isArray(m.to) && m.to.value.some((v) => v.address === address));
      return found.length >= n ? found : null;
    });
    const mail = mails[n - 1];
    assert.ok(mail);
    return mail;
  };
  return {
    url: `smtp://127.0.0.1:${port}`,
    inbox,
    mailTo,
    async tokenFor(address, n = 1) {
      const mail = await mailTo(address, n);
      const match = /\/liveness\/([A-Za-z0-9_-]{43})/.exec(mail.text ?? '');
      assert.ok(match?.[1], mail.text);
      return match[1];
    },
    close: () => new Promise<void>((resolve) => smtp.close(() => resolve())),
  };
}
