import { consoleOrigin } from '@/lib/embed/console-origin';
import { pluginManifest } from '@/lib/embed/plugin-manifest';

/**
 * The vSphere Client remote plug-in manifest (see lib/embed/plugin-manifest.ts). Public: the
 * vSphere Client downloads it when the plug-in is registered, without a user session. Its URIs
 * are relative, so it reflects wherever the console is served; the description names the URL.
 */
export const dynamic = 'force-dynamic';

export function GET(request: Request): Response {
  return Response.json(pluginManifest({ consoleUrl: consoleOrigin(request) }), {
    headers: { 'cache-control': 'no-cache', 'access-control-allow-origin': '*' },
  });
}
