/** "Share this app": a QR code of this address, made on the phone, and the ways to pass the app on. */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../i18n';
import { usePageHeading } from '../hooks';
import { openedFromFile, shareAddress } from '../share-address';
import { setTitle } from '../title';

export default function SharePage({ locale }: { locale: string }) {
  const [address, setAddress] = useState<string | null>(null);
  const [svg, setSvg] = useState<string | null>(null);
  const heading = usePageHeading<HTMLHeadingElement>(true);
  const fromFile = openedFromFile();
  useEffect(() => {
    setTitle(t('share.title'));
    void shareAddress(locale).then(setAddress);
  }, [locale]);
  useEffect(() => {
    // Made here, offline: the address never leaves the phone.
    if (address) void import('uqr').then(({ renderSVG }) => setSvg(renderSVG(address, { border: 2 })));
  }, [address]);
  return (
    <div class="page share">
      <h1 ref={heading} tabIndex={-1}>
        {t('share.title')}
      </h1>
      {/* A file has no address to scan, and its path would name a folder of this device. */}
      {fromFile ? <p>{t('share.fromFile')}</p> : <p>{t('share.scan')}</p>}
      {svg && address && (
        <div
          class="qr"
          role="img"
          aria-label={t('share.qrLabel', { address })}
          dangerouslySetInnerHTML={{ __html: svg }}
        />
      )}
      {address && (
        <p class="address" dir="ltr">
          {address}
        </p>
      )}
      <h2>{t('share.workshopTitle')}</h2>
      <p>{t('share.workshop')}</p>
      <h2>{t('share.fileTitle')}</h2>
      <p>{t('share.file')}</p>
      <h2>{t('share.hostTitle')}</h2>
      <p>{t('share.host')}</p>
    </div>
  );
}
