import { z } from 'zod';
import type { XClient } from './client';

const uploadedSchema = z.looseObject({
  data: z.looseObject({ id: z.string().regex(/^\d+$/), media_key: z.string().optional(), expires_after_secs: z.number().optional() }),
});

/** Image types X accepts for a post, and their size limit (x-api--media--introduction). */
export const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp'] as const;
export const IMAGE_MAX_BYTES = 5 * 1024 * 1024;

/**
 * POST /2/media/upload — uploads one image (one request; images are small enough not to need chunks) and
 * returns the media id to attach to a post. The id expires after a day, so Perch uploads at publish time.
 * @throws XApiError
 */
export async function uploadImage(client: XClient, image: Blob, name: string): Promise<string> {
  const form = new FormData();
  form.append('media', image, name);
  form.append('media_category', image.type === 'image/gif' ? 'tweet_gif' : 'tweet_image');
  const res = await client.request({ method: 'POST', path: '/2/media/upload', form, schema: uploadedSchema });
  return res.body.data.id;
}
