import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { i18n } from '#i18n';
import './perch.css';

/**
 * Renders a screen into #root, and marks the page with the language its words are in: the messages' own
 * (`page_language`), not the browser's, which may be one Perch does not speak. A screen reader reads the Japanese
 * screens with a Japanese voice, and the browser breaks and draws Japanese lines by Japanese rules.
 */
export function mount(node: ReactNode): void {
  const root = document.getElementById('root');
  if (!root) throw new Error('Perch page is missing its #root element.');
  document.documentElement.lang = i18n.t('page_language');
  createRoot(root).render(<StrictMode>{node}</StrictMode>);
}
