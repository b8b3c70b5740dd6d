import { i18n } from '#i18n';
import type { RefObject } from 'react';
import { IMAGE_TYPES, VIDEO_TYPES } from '@/lib/limits';

interface MediaPickersProps {
  fileInput: RefObject<HTMLInputElement | null>;
  videoInput: RefObject<HTMLInputElement | null>;
  onImages: (files: FileList | null) => void;
  onVideo: (file: File | undefined) => void;
}

/** The composer's hidden file pickers, opened by its Add image and Add video buttons. */
export function MediaPickers({ fileInput, videoInput, onImages, onVideo }: MediaPickersProps) {
  return (
    <>
      <input
        ref={fileInput}
        type="file"
        accept={IMAGE_TYPES.join(',')}
        multiple
        hidden
        aria-label={i18n.t('composer_choose_images')}
        onChange={(e) => {
          onImages(e.target.files);
          e.target.value = '';
        }}
      />
      <input
        ref={videoInput}
        type="file"
        accept={VIDEO_TYPES.join(',')}
        hidden
        aria-label={i18n.t('composer_choose_video')}
        onChange={(e) => {
          onVideo(e.target.files?.[0]);
          e.target.value = '';
        }}
      />
    </>
  );
}
