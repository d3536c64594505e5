// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The embedded supervisor and its native modules are never bundled into the console.
  serverExternalPackages: ['@kubernetes/client-node', 'better-sqlite3'],
  typescript: { ignoreBuildErrors: false },
};

export default nextConfig;
