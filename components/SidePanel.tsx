import { useState } from 'react';
import { t } from '@/lib/i18n';
import { CaptureForm, type CaptureApi } from './CaptureForm';
import { CaseList, type CasesApi } from './CaseList';
import { CaseView } from './CaseView';

type View = { name: 'capture' } | { name: 'cases' } | { name: 'case'; id: string };

/** Renders the side panel (the sidebar in Firefox): the capture form and the agent's cases. */
export function SidePanel({ capture, cases }: { capture: CaptureApi; cases: CasesApi }) {
  const [view, setView] = useState<View>({ name: 'capture' });

  return (
    <main className="sidepanel">
      <nav className="tabs" role="tablist">
        <button
          type="button"
          role="tab"
          aria-selected={view.name === 'capture'}
          onClick={() => setView({ name: 'capture' })}
        >
          {t('tabCapture')}
        </button>
        <button
          type="button"
          role="tab"
          aria-selected={view.name !== 'capture'}
          onClick={() => setView({ name: 'cases' })}
        >
          {t('tabCases')}
        </button>
      </nav>
      {view.name === 'capture' && <CaptureForm api={capture} />}
      {view.name === 'cases' && (
        <CaseList api={cases} onOpen={(id) => setView({ name: 'case', id })} />
      )}
      {view.name === 'case' && (
        <CaseView api={cases} id={view.id} onBack={() => setView({ name: 'cases' })} />
      )}
    </main>
  );
}
