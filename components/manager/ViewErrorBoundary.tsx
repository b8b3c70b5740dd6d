import { Component, type ReactNode } from 'react';

interface Props {
  /** The sentence shown when the tab could not be drawn, given the error's message. */
  describe(message: string): string;
  retryLabel: string;
  children: ReactNode;
}

/** A tab's error state: the store could not be read (or a component failed), said plainly, with a retry. */
export class ViewErrorBoundary extends Component<Props, { error?: Error | undefined }> {
  override state: { error?: Error | undefined } = {};

  static getDerivedStateFromError(error: unknown): { error: Error } {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="mgr-view-error" role="alert">
        <p className="error">{this.props.describe(this.state.error.message)}</p>
        <button type="button" onClick={() => this.setState({ error: undefined })}>
          {this.props.retryLabel}
        </button>
      </div>
    );
  }
}
