// Emailed links without PONO_PUBLIC_URL: they point at this server's own port, never a fixed one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { caseworkOptionsFrom } from '../../../src/app/casework/casework.ts';
import { loadConfig } from '../../../src/config/config.ts';

test('without PONO_PUBLIC_URL the emailed links use the port the server was given', () => {
  assert.equal(caseworkOptionsFrom(loadConfig({ PORT: '3000' })).publicUrl, 'http://localhost:3000');
  assert.equal(caseworkOptionsFrom(loadConfig({})).publicUrl, 'http://localhost:8080');
});

test('PONO_PUBLIC_URL, when set, is the base of every emailed link', () => {
  const options = caseworkOptionsFrom(loadConfig({ PORT: '3000', PONO_PUBLIC_URL: 'https://pono.example.govt.nz' }));
  assert.equal(options.publicUrl, 'https://pono.example.govt.nz');
});
