// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The embedded supervisor and its native modules are never bundled into the console.
  serverExternalPackages: ['@kubernetes/client-node', 'better-sqlite3'],
  // The console is type-checked on its own: `npm run typecheck` covers the supervisor and tests.
  typescript: { ignoreBuildErrors: false, tsconfigPath: 'tsconfig.console.json' },
};

export default nextConfig;
