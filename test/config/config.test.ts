// A configuration error names the variable and the problem, and never repeats a secret: passwords and secrets
// are shown by their length only, a URL without its password.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from '../../src/config/config.ts';

function problem(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    return error.message;
  }
  return assert.fail('the configuration was accepted');
}

test('a short PONO_ADMIN_PASSWORD or secret is refused by name without repeating it', () => {
  const message = problem({
    PONO_ADMIN_EMAIL: 'admin@dia.example',
    PONO_ADMIN_PASSWORD: 'hunter2-x',
    PONO_INZ_NOTIFY_SECRET: 'tiny-secret',
    PONO_WEBHOOK_SECRET: 'shh',
  });
  assert.match(
    message,
    /PONO_ADMIN_PASSWORD=\(9 characters, not shown\): Expected string length greater or equal to 12/,
  );
  assert.match(message, /PONO_INZ_NOTIFY_SECRET=\(11 characters, not shown\)/);
  assert.match(message, /PONO_WEBHOOK_SECRET=\(3 characters, not shown\)/);
  for (const secret of ['hunter2-x', 'tiny-secret', 'shh']) assert.ok(!message.includes(secret), message);
});

test('a bad URL is shown without its password; other values are quoted', () => {
  const message = problem({
    DATABASE_URL: 'mysql://pono:db-pass-123@db.example/pono',
    SMTP_URL: 'http://mailer:smtp-pass-9@mail.example',
    PORT: 'eighty',
  });
  assert.match(message, /DATABASE_URL="mysql:\/\/pono:\*\*\*@db\.example\/pono"/);
  assert.match(message, /SMTP_URL="http:\/\/mailer:\*\*\*@mail\.example"/);
  assert.match(message, /PORT="eighty"/);
  assert.ok(!message.includes('db-pass-123') && !message.includes('smtp-pass-9'), message);
});
