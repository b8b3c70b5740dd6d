import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import './perch.css';

/** Renders a screen into #root. */
export function mount(node: ReactNode): void {
  const root = document.getElementById('root');
  if (!root) throw new Error('Perch page is missing its #root element.');
  createRoot(root).render(<StrictMode>{node}</StrictMode>);
}
