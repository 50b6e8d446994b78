/**
 * The look-up terminal's screen: search the procedure catalogue as you type, a procedure's page, dossier status
 * by code or scanned QR, and the live queue per area.
 *
 * How it plugs in: `<LookupApp client={…} />` inside a `LangProvider`, where `client` is a ScreenClient whose
 * commands include `catalogue` and `dossier` (the lookup runtime's). A kiosk with a printer passes
 * `takeNumber` (its own `take` command for an area): the procedure page then shows "Lấy số"; without it the
 * button is absent.
 *
 * Search runs here, in the browser, on the pre-built index fetched once per catalogue revision: a keystroke
 * never waits for the runtime.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import {
  AppFrame,
  useConnection,
  useT,
  useView,
  type CommandArg,
  type CommandResult,
  type ScreenClient,
} from '@motcua/shared/ui';
import { loadIndex, type CatalogueIndex } from '../../../../shared/src/catalogue/search.js';
import { classifyScan } from '../../scanner/classify.js';
import { WedgeDetector } from '@motcua/shared/ui/wedge';
import type { LookupCatalogue, LookupCommands, LookupView } from '../../runtime/lookup-api.js';
import type { Result } from '../../../../shared/src/device/api.js';
import { lookupMessages } from './lookup-messages.js';
import { SearchPage } from './search-page.js';
import { ProcedurePage } from './procedure-page.js';
import { DossierPage, type DossierState } from './dossier-page.js';
import { QueuePage } from './queue-page.js';
import './lookup.css';

/** Any client whose commands include the look-up ones (the kiosk's client may have more). */
export interface LookupClient {
  view: ScreenClient<LookupView, LookupCommands>['view'];
  connection: ScreenClient<LookupView, LookupCommands>['connection'];
  call<K extends keyof LookupCommands>(
    cmd: K,
    arg: CommandArg<LookupCommands[K]>,
  ): Promise<CommandResult<LookupCommands[K]>>;
}

export interface LookupAppProps {
  client: LookupClient;
  /** Present only on a device with a printer: issues a number for the area. */
  takeNumber?: (areaId: string) => Promise<Result<unknown>>;
}

type Page = { kind: 'search' } | { kind: 'procedure'; id: string } | { kind: 'dossier' } | { kind: 'queue' };

export interface LoadedCatalogue {
  readonly data: LookupCatalogue;
  readonly index: CatalogueIndex;
}

function useCatalogue(client: LookupClient, revision: number | null | undefined) {
  const [loaded, setLoaded] = useState<LoadedCatalogue | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (revision === null || revision === undefined) return;
    let live = true;
    void client.call('catalogue', {}).then((r) => {
      if (!live) return;
      if (!r.ok) {
        setFailed(true);
        return;
      }
      try {
        setLoaded({ data: r.value, index: loadIndex(r.value.index, r.value.catalogue) });
        setFailed(false);
      } catch (e) {
        console.error('catalogue index refused', e);
        setFailed(true);
      }
    });
    return () => {
      live = false;
    };
  }, [client, revision]);
  return { loaded, failed };
}

export function LookupApp(props: LookupAppProps) {
  const t = useT(lookupMessages);
  const view = useView(props.client as ScreenClient<LookupView, LookupCommands>);
  const conn = useConnection(props.client as ScreenClient<LookupView, LookupCommands>);
  const { loaded, failed } = useCatalogue(props.client, view?.catalogueRevision);
  const [page, setPage] = useState<Page>({ kind: 'search' });
  const [query, setQuery] = useState('');
  const [dossier, setDossier] = useState<DossierState>({ code: '', answer: null });

  const lookUp = async (code: string): Promise<void> => {
    setDossier({ code, answer: { kind: 'busy' } });
    const r = await props.client.call('dossier', { code });
    setDossier({ code, answer: r.ok ? { kind: 'result', value: r.value } : { kind: 'failed' } });
  };

  // Keyboard-wedge scanners type the QR's text fast and press Enter: from any page, a scan opens the dossier.
  const wedge = useMemo(() => new WedgeDetector(), []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      const out = wedge.feed(e.key, e.timeStamp);
      if (out.kind !== 'scan') return;
      e.preventDefault();
      setPage({ kind: 'dossier' });
      const scan = classifyScan(out.text);
      if (scan.kind === 'dossier') void lookUp(scan.code);
      else setDossier({ code: '', answer: { kind: 'scan-unknown' } });
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
    };
    // lookUp only uses the client, listed here.
  }, [wedge, props.client]);

  const tab = (kind: 'search' | 'dossier' | 'queue', label: string) => (
    <button
      type="button"
      class="mc-button lk-tab"
      aria-pressed={page.kind === kind || (kind === 'search' && page.kind === 'procedure')}
      data-testid={`tab-${kind}`}
      onClick={() => {
        setPage({ kind });
      }}
    >
      {label}
    </button>
  );

  const catalogueMissing = view !== undefined && view.catalogueRevision === null;
  let body;
  if (page.kind === 'queue') body = <QueuePage view={view} />;
  else if (page.kind === 'dossier')
    body = (
      <DossierPage
        state={dossier}
        catalogue={loaded?.data.catalogue ?? null}
        onInput={(code) => {
          setDossier({ code, answer: null });
        }}
        onLookUp={() => lookUp(dossier.code)}
      />
    );
  else if (catalogueMissing || failed) body = <p class="lk-note">{t('noCatalogue')}</p>;
  else if (loaded === null) body = <p class="lk-note">{t('loadingCatalogue')}</p>;
  else if (page.kind === 'procedure')
    body = (
      <ProcedurePage
        catalogue={loaded.data}
        id={page.id}
        onBack={() => {
          setPage({ kind: 'search' });
        }}
        {...(props.takeNumber === undefined ? {} : { takeNumber: props.takeNumber })}
      />
    );
  else
    body = (
      <SearchPage
        loaded={loaded}
        query={query}
        onQuery={setQuery}
        onOpen={(id) => {
          setPage({ kind: 'procedure', id });
        }}
      />
    );
  return (
    <AppFrame title={t('title')} connection={conn}>
      <nav class="lk-tabs">
        {tab('search', t('tabSearch'))}
        {tab('dossier', t('tabDossier'))}
        {tab('queue', t('tabQueue'))}
      </nav>
      {body}
    </AppFrame>
  );
}
