import { i18n } from '#i18n';
import { useRef, useState } from 'react';
import { MAX_IMAGES_PER_POST, VIDEO_TYPES } from '@/lib/limits';
import { sendMessage } from '@/lib/messaging';
import { isolateBidi } from '@/lib/text/bidi';
import { toBase64 } from '@/lib/base64';
import { composeErrorText } from './compose-error-text';
import { pickMedia, whyVideoRefused } from './compose-rules';
import type { DraftTarget, EditablePost } from './use-draft';
import { readVideoLength } from './video-length';

/** Bytes of a video per message to the background (the contract's `draft.attachVideo` takes at most 4 MB). */
const VIDEO_PART_BYTES = 4 * 1024 * 1024;

interface AttachMediaOptions extends Pick<DraftTarget, 'accountId' | 'context'> {
  posts: EditablePost[] | undefined;
  update: (change: (posts: EditablePost[]) => EditablePost[]) => void;
  /** Shows why a file was not attached, as the composer's error. */
  fail: (errorKind: string, message: string) => void;
  /** A video is in: an error the composer shows goes. */
  videoIn: () => void;
}

/**
 * Images and videos chosen for a post of the draft: the file pickers, X's media rule checked before anything is
 * stored, and the file handed to the background (a video in parts). `attaching`: the name of an image or a video on
 * its way to the background; Post and Add wait for it, so a post never leaves without it.
 */
export function useAttachMedia({ accountId, context, posts, update, fail, videoIn }: AttachMediaOptions) {
  const [attaching, setAttaching] = useState<string>();
  const [imageFor, setImageFor] = useState(0);
  const fileInput = useRef<HTMLInputElement>(null);
  const videoInput = useRef<HTMLInputElement>(null);

  async function addImages(files: FileList | null) {
    if (!files) return;
    const post = posts?.[imageFor];
    if (!post) return;
    // X's media rule (4 images, or 1 GIF, or 1 video) is checked before any file is stored or uploaded.
    const { take: picked, refused } = pickMedia(post, [...files]);
    if (refused)
      fail(refused.why, i18n.t(refused.why === 'video-alone' ? 'composer_video_alone' : 'composer_gif_alone', [isolateBidi(refused.name)]));
    else if (picked.length < files.length) fail('too-many', i18n.t('composer_too_many_images', MAX_IMAGES_PER_POST));
    for (const file of picked) {
      setAttaching(file.name);
      try {
        const { id } = await sendMessage({
          type: 'draft.attachImage',
          accountId,
          context,
          name: file.name,
          mediaType: file.type,
          data: toBase64(new Uint8Array(await file.arrayBuffer())),
        });
        const media = { id, name: file.name, type: file.type, size: file.size, previewUrl: URL.createObjectURL(file) };
        update((all) => all.map((p, i) => (i === imageFor ? { ...p, media: [...p.media, media] } : p)));
      } catch (e) {
        fail('image', composeErrorText(e));
      } finally {
        setAttaching(undefined);
      }
    }
  }

  /**
   * Attaches a video to post `imageFor`: X's media rule and the video's type, size and length (read from the file)
   * are checked first; then it goes to the background in parts, as no message could carry a large video whole.
   */
  async function addVideo(file: File | undefined) {
    const post = posts?.[imageFor];
    if (!file || !post) return;
    if (pickMedia(post, [file]).refused) {
      fail('video-alone', i18n.t('composer_video_alone', [isolateBidi(file.name)]));
      return;
    }
    const durationSecs = (VIDEO_TYPES as readonly string[]).includes(file.type) ? await readVideoLength(file) : undefined;
    const refused = whyVideoRefused(file, durationSecs);
    if (refused || durationSecs === undefined) {
      fail('video', refused ?? '');
      return;
    }
    setAttaching(file.name);
    try {
      let id: string | undefined;
      for (let offset = 0; offset < file.size; offset += VIDEO_PART_BYTES) {
        const bytes = new Uint8Array(await file.slice(offset, offset + VIDEO_PART_BYTES).arrayBuffer());
        const answer = await sendMessage({
          type: 'draft.attachVideo',
          accountId,
          context,
          name: file.name,
          mediaType: file.type as (typeof VIDEO_TYPES)[number],
          size: file.size,
          durationSecs,
          ...(id ? { id } : {}),
          offset,
          data: toBase64(bytes),
        });
        id = answer.id;
      }
      if (!id) return;
      const media = { id, name: file.name, type: file.type, size: file.size, durationSecs };
      update((all) => all.map((p, i) => (i === imageFor ? { ...p, media: [...p.media, media] } : p)));
      videoIn();
    } catch (e) {
      fail('video', composeErrorText(e));
    } finally {
      setAttaching(undefined);
    }
  }

  return {
    attaching,
    fileInput,
    videoInput,
    addImages,
    addVideo,
    /** Opens the image picker for post `index`. */
    chooseImages: (index: number) => {
      setImageFor(index);
      fileInput.current?.click();
    },
    /** Opens the video picker for post `index`. */
    chooseVideo: (index: number) => {
      setImageFor(index);
      videoInput.current?.click();
    },
  };
}
