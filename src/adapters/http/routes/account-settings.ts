// An account's own settings, as its administrator sees and changes them (the console's Account settings page):
// which sources and country it runs under (set by the operator, shown) and whether its document captures compare
// faces (changed here).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Account } from '../../../app/accounts.ts';
import type { Services } from '../../../app/services.ts';
import { accountCredentials } from '../account-auth.ts';
import { accountRoute } from './account-route.ts';

const tags = ['verification'];
// the domain's values (face-comparison-setting.ts): a value added there fails to compile in settingsOf below
const FaceComparison = Type.Union([Type.Literal('required'), Type.Literal('optional'), Type.Literal('off')], {
  description:
    'whether a photographed document is compared with a selfie of the person: required (every photo needs a selfie, and the result has a face comparison), optional (compared when a selfie is sent; the default) or off (no selfie is asked for or read, and no result has a face comparison)',
});
const SettingsBody = Type.Object({ faceComparison: FaceComparison }, { additionalProperties: false });
const AccountSettingsSchema = Type.Object({
  accountId: Type.String(),
  country: Type.String({ description: 'the country of a person whose address names none' }),
  stubMode: Type.Boolean({ description: 'sources answer with test outcomes, not the real services' }),
  enabledSources: Type.Array(Type.String()),
  faceComparison: FaceComparison,
});

const settingsOf = (account: Account) => ({
  accountId: account.accountId,
  country: account.country,
  stubMode: account.stubMode,
  enabledSources: account.enabledSources,
  faceComparison: account.faceComparison,
});

export const accountSettingsRoutes =
  (services: Services): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/account/settings',
      accountRoute(tags, "The account's settings", {}, { 200: AccountSettingsSchema }),
      async (request) => settingsOf(await services.accounts.authenticate(accountCredentials(request))),
    );

    app.put(
      '/account/settings',
      accountRoute(
        tags,
        "Change the settings an account's administrator decides: whether photographed documents are compared with a selfie",
        { body: SettingsBody },
        { 200: AccountSettingsSchema },
      ),
      async (request) => settingsOf(await services.accounts.changeSettings(accountCredentials(request), request.body)),
    );
  };
