// The office's branding for browsers: the configured logo's file (PONO_OFFICE_LOGO) at /branding/logo, and
// GET /api/v1/branding, the name and the logo's address, which the console shows in its header.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { LOGO_PATH, type Branding } from '../../../config/branding.ts';

const BrandingSchema = Type.Object({
  officeName: Type.String({ description: 'The office as applicants and officers see it (PONO_OFFICE_NAME)' }),
  logoUrl: Type.Union([Type.String(), Type.Null()], {
    description: 'Where pono serves the office logo (PONO_OFFICE_LOGO); null without one',
  }),
});

export const brandingRoutes =
  (branding: Branding): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/api/v1/branding',
      {
        schema: {
          tags: ['branding'],
          summary: "The office's name and logo, for pages that show them (no sign-in needed)",
          response: { 200: BrandingSchema },
        },
      },
      async (_request, reply) =>
        reply
          .header('cache-control', 'no-cache')
          .send({ officeName: branding.officeName, logoUrl: branding.logo ? LOGO_PATH : null }),
    );

    app.get(
      LOGO_PATH,
      {
        schema: {
          tags: ['branding'],
          summary: "The office logo's image (PONO_OFFICE_LOGO); 404 LOGO_NOT_CONFIGURED without one",
          produces: ['image/png', 'image/jpeg', 'image/webp', 'image/svg+xml'],
        },
      },
      async (request, reply) => {
        if (!branding.logo) {
          return reply.status(404).send({
            error: 'not_found',
            message: 'no office logo is configured (PONO_OFFICE_LOGO)',
            code: 'LOGO_NOT_CONFIGURED',
            requestId: request.id,
          });
        }
        return (
          reply
            .header('content-type', branding.logo.contentType)
            .header('cache-control', 'public, max-age=3600')
            .header('x-content-type-options', 'nosniff')
            // An SVG opened on its own runs no script and loads nothing.
            .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
            .send(branding.logo.bytes)
        );
      },
    );
  };
