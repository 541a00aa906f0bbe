/** "Share this app": a QR code of this address, made on the phone, and the ways to pass the app on. */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../i18n';
import { usePageHeading } from '../hooks';
import { setTitle } from '../title';

export default function SharePage({ locale }: { locale: string }) {
  const address = `${location.origin}${location.pathname}#/${locale}/`;
  const [svg, setSvg] = useState<string | null>(null);
  const heading = usePageHeading<HTMLHeadingElement>(true);
  useEffect(() => {
    setTitle(t('share.title'));
    // Made here, offline: the address never leaves the phone.
    void import('uqr').then(({ renderSVG }) => setSvg(renderSVG(address, { border: 2 })));
  }, [address]);
  return (
    <div class="page share">
      <h1 ref={heading} tabIndex={-1}>
        {t('share.title')}
      </h1>
      <p>{t('share.scan')}</p>
      {svg && (
        <div
          class="qr"
          role="img"
          aria-label={t('share.qrLabel', { address })}
          dangerouslySetInnerHTML={{ __html: svg }}
        />
      )}
      <p class="address" dir="ltr">
        {address}
      </p>
      <h2>{t('share.workshopTitle')}</h2>
      <p>{t('share.workshop')}</p>
      <h2>{t('share.fileTitle')}</h2>
      <p>{t('share.file')}</p>
      <h2>{t('share.hostTitle')}</h2>
      <p>{t('share.host')}</p>
    </div>
  );
}
