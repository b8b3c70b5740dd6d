import { X_API_BASE_URL } from './config';

/** X's image hosts (data dictionary: profile_image_url, media url and preview_image_url; default avatars). */
const X_IMAGE_ORIGINS: ReadonlySet<string> = new Set(['https://pbs.twimg.com', 'https://abs.twimg.com']);
/** The local emulator serves its pictures from its own origin; X itself never serves them from api.x.com. */
const API_ORIGIN = new URL(X_API_BASE_URL).origin;
const API_IMAGES = API_ORIGIN === 'https://api.x.com' ? undefined : API_ORIGIN;

/**
 * The address of a picture named by X's answer (or a stored row), when the screens may show it: on X's image hosts
 * over https, with no credentials — the hosts the pages' Content Security Policy allows (wxt.config.ts). Anything else
 * (another host, which would learn who looks at whom; another scheme; not an address) is undefined, and the screen
 * shows what it shows for no picture. Throws nothing.
 */
export function xImageUrl(url: unknown): string | undefined {
  if (typeof url !== 'string' || url === '') return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.username || parsed.password) return undefined;
  return X_IMAGE_ORIGINS.has(parsed.origin) || parsed.origin === API_IMAGES ? url : undefined;
}
