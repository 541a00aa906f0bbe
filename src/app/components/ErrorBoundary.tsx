/** Catches a page that fails to render and shows a calm notice instead of a blank screen. */
import { Component, type ComponentChildren } from 'preact';
import { t } from '../../i18n';

interface Props {
  homeHref: string;
  children: ComponentChildren;
}

export class ErrorBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  override componentDidCatch(error: unknown): void {
    console.error(error);
    this.setState({ failed: true });
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <div class="notice notice-error" role="alert">
        <p>{t('app.error')}</p>
        <a href={this.props.homeHref}>{t('app.backHome')}</a>
      </div>
    );
  }
}
