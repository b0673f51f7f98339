// Plain HTTP on a network address (a laptop in a village hall without a
// certificate) is not a secure context: the browser gives it no service
// worker, so no offline work, and no Web Crypto, so no encrypted backups.
// This says so at the top of every screen, and how to reach Talka over HTTPS.
// It can be hidden for this visit only: it comes back on the next load.
import { useState } from 'preact/hooks';
import { t } from '../../i18n';
import './insecure-banner.css';

import { isSecurePage } from './secure-page';

export { isSecurePage };

export function InsecureBannerView({ onHide }: { onHide: () => void }) {
  return (
    <aside class="insecure-banner" aria-labelledby="insecure-banner-title" data-testid="insecure-banner">
      <p id="insecure-banner-title" class="insecure-banner__title" role="alert">{t('insecure.title')}</p>
      <p class="insecure-banner__how">{t('insecure.how')}</p>
      <button type="button" class="button button--ghost insecure-banner__hide" onClick={onHide}>{t('insecure.hide')}</button>
    </aside>
  );
}

export function InsecureBanner() {
  const [hidden, setHidden] = useState(false);
  if (hidden || isSecurePage()) return null;
  return <InsecureBannerView onHide={() => setHidden(true)} />;
}
