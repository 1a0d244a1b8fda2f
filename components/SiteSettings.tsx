import { useEffect, useId, useState, type FormEvent } from 'react';
import { t, type MessageKey } from '@/lib/i18n';
import type { SiteState } from '@/lib/messaging/protocol';
import { toOriginPattern, type SiteInputProblem } from '@/lib/sites/origin-pattern';
import { FormMessage, type FormMessageState } from './FormMessage';

export interface SitesApi {
  list(): Promise<SiteState[]>;
  /**
   * Requests access to the site, which must happen inside the user's click,
   * then adds it. Resolves with "denied", and saves nothing, when the user or
   * the browser declines.
   */
  add(
    pattern: string,
  ): Promise<{ sites: SiteState[]; injectedTabs: number; failedTabs: number } | 'denied'>;
  /** Removes a site the user added, with the browser's access to it. */
  remove(pattern: string): Promise<SiteState[]>;
}

const PROBLEM_MESSAGES: Record<SiteInputProblem, MessageKey> = {
  empty: 'sitesErrorEmpty',
  scheme: 'sitesErrorScheme',
  host: 'sitesErrorHost',
  wildcard: 'sitesErrorWildcard',
  builtIn: 'sitesErrorBuiltIn',
};

/** Shows the pattern the way people write a site: https://crm.example.com */
function siteLabel(pattern: string): string {
  return pattern.replace(/\/\*$/, '');
}

/** Lists the sites DNC Guard runs on besides the built-in ones, added by the user or preset by policy, and adds and removes them. */
export function SiteSettings({ api }: { api: SitesApi }) {
  const inputId = useId();
  const helpId = useId();
  const [sites, setSites] = useState<SiteState[]>([]);
  const [address, setAddress] = useState('');
  const [message, setMessage] = useState<FormMessageState | null>(null);

  useEffect(() => {
    api.list().then(setSites, () => undefined);
  }, [api]);

  const show = (error: boolean, text: string) => setMessage({ error, text });
  const fail = (error: unknown) =>
    show(true, t('errorGeneric', error instanceof Error ? error.message : String(error)));

  const grant = async (pattern: string): Promise<boolean> => {
    const result = await api.add(pattern);
    if (result === 'denied') {
      show(true, t('sitesDenied', siteLabel(pattern)));
      return false;
    }
    setSites(result.sites);
    show(false, t(result.failedTabs > 0 ? 'sitesAddedReload' : 'sitesAdded', siteLabel(pattern)));
    return true;
  };

  const onAdd = async (event: FormEvent) => {
    event.preventDefault();
    // The last message goes at once, not after the browser's permission prompt.
    setMessage(null);
    const check = toOriginPattern(address);
    if (!check.ok) {
      // A built-in site is named by its address without the path typed after it.
      const typed = address.trim();
      const named =
        check.problem === 'builtIn' ? typed.replace(/^([^/]*\/\/)?([^/?#]*).*$/, '$1$2') : typed;
      show(true, t(PROBLEM_MESSAGES[check.problem], named));
      return;
    }
    if (sites.some((site) => site.pattern === check.pattern)) {
      show(true, t('sitesErrorDuplicate', siteLabel(check.pattern)));
      return;
    }

    try {
      if (await grant(check.pattern)) setAddress('');
    } catch (error) {
      fail(error);
    }
  };

  const onGrant = (pattern: string) => grant(pattern).catch(fail);

  const onRemove = async (pattern: string) => {
    try {
      setSites(await api.remove(pattern));
      show(false, t('sitesRemoved', siteLabel(pattern)));
    } catch (error) {
      fail(error);
    }
  };

  return (
    <section className="sites">
      <h2>{t('sitesTitle')}</h2>
      <p className="help">{t('sitesHelp')}</p>
      {sites.length === 0 ? (
        <p>{t('sitesNone')}</p>
      ) : (
        <ul className="site-list">
          {sites.map((site) => (
            <li key={site.pattern}>
              <span className="site-address">{siteLabel(site.pattern)}</span>{' '}
              <span className={site.granted ? 'site-state' : 'site-state error'}>
                {site.granted ? t('sitesActive') : t('sitesNeedsPermission')}
              </span>{' '}
              {site.managed && <span className="site-managed">{t('sitesManaged')}</span>}{' '}
              {!site.granted && (
                <button
                  type="button"
                  aria-label={`${t('sitesGrant')} ${siteLabel(site.pattern)}`}
                  onClick={() => void onGrant(site.pattern)}
                >
                  {t('sitesGrant')}
                </button>
              )}{' '}
              {!site.managed && (
                <button
                  type="button"
                  aria-label={`${t('sitesRemove')} ${siteLabel(site.pattern)}`}
                  onClick={() => void onRemove(site.pattern)}
                >
                  {t('sitesRemove')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={(event) => void onAdd(event)}>
        <label htmlFor={inputId}>{t('sitesInputLabel')}</label>
        <input
          id={inputId}
          type="text"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          aria-describedby={helpId}
          placeholder="https://crm.example.com"
          value={address}
          onChange={(event) => setAddress(event.target.value)}
        />
        <p className="help" id={helpId}>
          {t('sitesInputHelp')}
        </p>
        <div className="actions">
          <button type="submit">{t('sitesAdd')}</button>
          <FormMessage message={message} />
        </div>
      </form>
    </section>
  );
}
