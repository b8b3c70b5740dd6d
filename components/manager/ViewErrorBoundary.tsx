import { i18n } from '#i18n';
import { Component, type ReactNode } from 'react';

interface Props {
  /** The sentence shown when the tab could not be drawn, given why in the reader's words. */
  describe(message: string): string;
  retryLabel: string;
  children: ReactNode;
}

/**
 * A tab's error state: the store could not be read (or a component failed), said plainly, with a retry. What reaches
 * it is a store's failure or a row of a shape this version does not draw (another version's, a write cut off): its
 * message is the browser's or a bug's English ("name.trim is not a function"), so the person reads Perch's words.
 */
export class ViewErrorBoundary extends Component<Props, { error?: Error | undefined }> {
  override state: { error?: Error | undefined } = {};

  static getDerivedStateFromError(error: unknown): { error: Error } {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="mgr-view-error" role="alert">
        <p className="error">{this.props.describe(i18n.t('manager_view_unreadable'))}</p>
        <button type="button" onClick={() => this.setState({ error: undefined })}>
          {this.props.retryLabel}
        </button>
      </div>
    );
  }
}
