import { lazy, Suspense, type ComponentProps } from 'react';
import type { Composer as ComposerType } from '@/components/Composer';
import type { EditComposer as EditComposerType } from '@/components/EditComposer';
import type { ListPicker as ListPickerType } from './ListPicker';

/**
 * What the popup loads only when it is used: the composer (with the character counter's URL and emoji tables, a
 * third of the popup's own code) and the list picker. The popup on a post or a profile paints its actions without
 * them; a page to share, a reply, a quote or a list choice loads them then (a few milliseconds, from the extension).
 */
const ComposerChunk = lazy(() => import('@/components/Composer').then((m) => ({ default: m.Composer })));
const EditComposerChunk = lazy(() => import('@/components/EditComposer').then((m) => ({ default: m.EditComposer })));
const ListPickerChunk = lazy(() => import('./ListPicker').then((m) => ({ default: m.ListPicker })));

/** The composer, loaded on first use. */
export function Composer(props: ComponentProps<typeof ComposerType>) {
  return (
    <Suspense fallback={null}>
      <ComposerChunk {...props} />
    </Suspense>
  );
}

/** Editing your own post, loaded on first use. */
export function EditComposer(props: ComponentProps<typeof EditComposerType>) {
  return (
    <Suspense fallback={null}>
      <EditComposerChunk {...props} />
    </Suspense>
  );
}

/** The list picker, loaded on first use. */
export function ListPicker(props: ComponentProps<typeof ListPickerType>) {
  return (
    <Suspense fallback={null}>
      <ListPickerChunk {...props} />
    </Suspense>
  );
}
