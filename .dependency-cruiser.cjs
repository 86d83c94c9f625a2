// Import rules of luot's layers (docs/architecture.md, "Import rules"), checked by `npm run lint`.
// Paths are resolved as the compiler resolves them, type-only imports included, so a rule holds
// whatever relative path or `import type` spells the import. Tests and the benchmark may import anything.

/** Every page's folder: each imports only itself, the contract, web-shared/ and packages. */
const PAGES = '(kiosk|display|counter|desk|lookup|rating|manager)';

/** What every layer may import besides the folders its rule names: packages and Node's own modules. */
const PACKAGES = { dependencyTypesNot: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown', 'core'] };

/**
 * The typeface of paper and screen alike (hardware/fonts/: Noto Sans and its style sheet): pages may
 * load these files, which are assets, not code. Nothing else of hardware/ is open to them.
 */
const FONTS = '^hardware/fonts/[^/]+\\.(css|ttf|woff2?)$';

module.exports = {
  forbidden: [
    {
      name: 'domain-stays-pure',
      comment:
        "server/domain/ is the hall's logic alone: it imports only itself and packages, so nothing of the contract, HTTP, services, database, " +
        'configuration, use cases, real time, command line, hardware/, web-shared/ or a page. What those need from the domain, they import from it.',
      severity: 'error',
      from: { path: '^server/domain/' },
      to: { pathNot: '^server/domain/', ...PACKAGES },
    },
    {
      name: 'hardware-is-drivers-only',
      comment: 'hardware/ holds drivers: it knows nothing of the hub or the pages; what a driver needs is given to it as arguments.',
      severity: 'error',
      from: { path: '^hardware/' },
      to: { path: `^(server/|web-shared/|${PAGES}/)` },
    },
    {
      name: 'page-imports-own-folder-contract-web-shared',
      comment: 'A page imports only its own folder, server/contract/, web-shared/ and packages; it reaches the hub over the wire, never its code.',
      severity: 'error',
      from: { path: `^${PAGES}/` },
      to: { pathNot: ['^$1/', '^server/contract/', '^web-shared/', FONTS], ...PACKAGES },
    },
    {
      name: 'web-shared-imports-contract-only',
      comment: 'web-shared/ is code the pages share: it imports only server/contract/, itself and packages.',
      severity: 'error',
      from: { path: '^web-shared/' },
      to: { pathNot: ['^web-shared/', '^server/contract/', FONTS], ...PACKAGES },
    },
    {
      name: 'agent-imports-contract-web-shared-printer-status',
      comment:
        'agent/ (the device agent on kiosk and display PCs) reaches the hub over the wire: it imports only itself, server/contract/, web-shared/, ' +
        "the ESC/POS status decoder of hardware/printer/ and packages; never the hub's domain or services.",
      severity: 'error',
      from: { path: '^agent/' },
      to: { pathNot: ['^agent/', '^server/contract/', '^web-shared/', '^hardware/printer/printer-status\\.ts$'], ...PACKAGES },
    },
    {
      name: 'contract-imports-domain-only',
      comment: 'server/contract/ is what pages import: it takes types and constants from the domain and nothing else of the hub (no HTTP, services, database, use cases, hardware).',
      severity: 'error',
      from: { path: '^server/contract/' },
      to: { pathNot: ['^server/contract/', '^server/domain/'], ...PACKAGES },
    },
    {
      name: 'use-cases-know-no-transport',
      comment: 'A use case is called alike by an HTTP route, a socket handler or a device: it never imports server/http/ or server/realtime/.',
      severity: 'error',
      from: { path: '^server/use-cases/' },
      to: { path: '^server/(http|realtime)/' },
    },
    {
      name: 'no-circular',
      comment: 'No import circles in server/ or hardware/, type-only imports included.',
      severity: 'error',
      from: { path: '^(server|hardware)/' },
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that does not resolve to a file or a package would escape every rule above.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    // Every folder of the tree is checked; tests/ and bench/ may import across layers, and
    // installed packages are not read.
    exclude: { path: '^(node_modules|tests|bench|dist|data|coverage)/' },
    doNotFollow: { path: 'node_modules' },
    // Type-only imports are imports too: a type circle is a circle, a type from server/http/ in a page a wrong import.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json', '.d.ts'],
    },
  },
};
