/**
 * The words of a queued action that needs the person, shared by the popup's first line (FailedLine.tsx) and the
 * toolbar badge's title: they live in lib/action-words.ts so the background bundles no components/ code.
 */
export { badgeTitle, failureCount, failureSentence } from '@/lib/action-words';
