import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import { session } from '../../account/session';
import { t } from '../../i18n';
import { signInThenOpen } from './sign-in-then';

export interface PageProps {
  title: string;
  /** Where "back" leads; omitted on top-level screens. */
  back?: string;
  actions?: ComponentChildren;
  children: ComponentChildren;
}

/** A screen's frame: back link, heading, actions, content. */
export function Page({ title, back, actions, children }: PageProps) {
  return (
    <section class="page" aria-labelledby="page-title">
      <header class="page__header">
        {back && <a class="button button--ghost page__back" href={back}>← {t('nav.back')}</a>}
        <h1 id="page-title" tabIndex={-1}>{title}</h1>
        {actions && <div class="page__actions">{actions}</div>}
      </header>
      {children}
    </section>
  );
}

export interface CardProps {
  title: ComponentChildren;
  /** Classes beside `card`. */
  class?: string;
  testId?: string;
  children: ComponentChildren;
}

/** One part of a screen as a card, named by its heading. */
export function Card({ title, class: className, testId, children }: CardProps) {
  const headingId = useId();
  return (
    <section class={className ? `card ${className}` : 'card'} aria-labelledby={headingId} data-testid={testId}>
      <h2 id={headingId}>{title}</h2>
      {children}
    </section>
  );
}

export function Loading() {
  return <p class="muted" role="status">{t('status.loading')}</p>;
}

/**
 * A record this device does not have. Before anyone has signed in on it (a
 * fresh tablet opening a link it was sent), the record is most likely on the
 * server: guide to signing in, which then brings back to this link.
 */
export function NotFoundMessage() {
  if (session.value === null && typeof location !== 'undefined') {
    return (
      <div class="notice" data-testid="sign-in-first">
        <h2>{t('arrival.title')}</h2>
        <p>{t('arrival.body')}</p>
        <a class="button button--primary" href={signInThenOpen(location.pathname + location.search)}>{t('arrival.signIn')}</a>
      </div>
    );
  }
  return <p class="notice">{t('status.notFound')}</p>;
}
