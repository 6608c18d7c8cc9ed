// pono's import rules (docs/CONTRIBUTING.md), checked in `npm test` by dependency-cruiser.
// Imports that break them today are listed in .dependency-cruiser-known-violations.json (regenerate with
// `npm run lint:deps:baseline` only when one is removed); any new one fails the run.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'src/domain holds the rules: it imports nothing of ours outside src/domain, and no I/O modules.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { path: '^(src/(?!domain/)|bin/|web/|test/)' },
    },
    {
      name: 'domain-does-no-io',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: {
        dependencyTypes: ['core'],
        path: '^(node:)?(fs|net|http|https|child_process|worker_threads|dgram|tls|cluster)(/|$)',
      },
    },
    {
      name: 'app-does-not-build-adapters',
      comment: 'Use cases depend on their own interfaces; the composition root hands them the adapters.',
      severity: 'error',
      from: { path: '^src/app/' },
      to: { path: '^src/(adapters|cli)/' },
    },
    {
      name: 'edges-do-not-import-each-other',
      comment: 'http, soap and the CLI are separate edges over the same use cases.',
      severity: 'error',
      from: { path: '^src/adapters/(http|soap)/' },
      to: { path: '^src/(cli/|adapters/(http|soap)/)', pathNot: '^src/adapters/$1/' },
    },
    {
      name: 'cli-does-not-import-http-or-soap',
      severity: 'error',
      from: { path: '^src/cli/' },
      to: { path: '^src/adapters/(http|soap)/' },
    },
    {
      name: 'console-talks-through-the-generated-client',
      comment: 'web/console imports only its own files and its npm packages: the server only through the API.',
      severity: 'error',
      from: { path: '^web/console/src/' },
      to: { pathNot: '^(web/console/|node_modules/)' },
    },
    {
      name: 'no-cycles',
      severity: 'error',
      from: {},
      to: { circular: true, dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(dist|node_modules)/' },
  },
};
