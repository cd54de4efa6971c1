import { Component, type ReactNode } from 'react';
import { useLocation } from 'wouter';
import { useT } from '../i18n/use-t';

/**
 * A page that throws while rendering takes only itself down, not the app: the header, the
 * navigation and the other pages stay usable, and the delegate reads what happened instead of
 * a blank window. Going to another address, or Try again, renders the page afresh.
 */
export function PageErrorBoundary({ children }: { children: ReactNode }) {
  const t = useT();
  const [location] = useLocation();
  return (
    <Boundary resetKey={location} render={(message, retry) => <PageError title={t('pageError.title')} body={t('pageError.body', { message })} retryLabel={t('pageError.retry')} retry={retry} />}>
      {children}
    </Boundary>
  );
}

function PageError({ title, body, retryLabel, retry }: { title: string; body: string; retryLabel: string; retry: () => void }) {
  return (
    <div role="alert" className="page-error">
      <h1>{title}</h1>
      <p>{body}</p>
      <button type="button" onClick={retry}>
        {retryLabel}
      </button>
    </div>
  );
}

interface BoundaryProps {
  resetKey: string;
  render: (message: string, retry: () => void) => ReactNode;
  children: ReactNode;
}

class Boundary extends Component<BoundaryProps, { error: Error | undefined }> {
  override state: { error: Error | undefined } = { error: undefined };

  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown) {
    console.error('A page failed to render', error);
  }

  override componentDidUpdate(previous: BoundaryProps) {
    if (this.state.error && previous.resetKey !== this.props.resetKey) this.setState({ error: undefined });
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    const message = `${error.name}${error.message ? `: ${error.message}` : ''}`.slice(0, 300);
    return this.props.render(message, () => this.setState({ error: undefined }));
  }
}
