import { useEffect, useState } from 'react';
import type { Role } from '@/lib/api/schemas';
import { t } from '@/lib/i18n';
import { CaptureForm, type CaptureApi } from './CaptureForm';
import { CaseList, type CasesApi } from './CaseList';
import { CaseQueue, type TeamApi } from './CaseQueue';
import { CaseView } from './CaseView';

type List = 'cases' | 'queue';
type View = { name: 'capture' } | { name: List } | { name: 'case'; id: string; from: List };

/**
 * Renders the side panel (the sidebar in Firefox): the capture form, the
 * caller's own cases and, for a lead or admin, the team's queue. The role
 * comes from the server (`GET /v1/me`), not from the settings.
 */
export function SidePanel({
  capture,
  cases,
  team,
}: {
  capture: CaptureApi;
  cases: CasesApi;
  team: TeamApi;
}) {
  const [view, setView] = useState<View>({ name: 'capture' });
  const [role, setRole] = useState<Role | null>(null);
  const leads = role === 'lead' || role === 'admin';

  useEffect(() => {
    // When the role cannot be read (no server yet, or an older one), the panel offers what every role may see.
    team.me().then(
      (me) => setRole(me.role),
      () => setRole(null),
    );
  }, [team]);

  // The list tab stays selected while a case opened from it is shown.
  let list: List | null = null;
  if (view.name === 'case') list = view.from;
  else if (view.name !== 'capture') list = view.name;

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
          aria-selected={list === 'cases'}
          onClick={() => setView({ name: 'cases' })}
        >
          {t('tabCases')}
        </button>
        {leads && (
          <button
            type="button"
            role="tab"
            aria-selected={list === 'queue'}
            onClick={() => setView({ name: 'queue' })}
          >
            {t('tabQueue')}
          </button>
        )}
      </nav>
      {view.name === 'capture' && <CaptureForm api={capture} />}
      {view.name === 'cases' && (
        <CaseList api={cases} onOpen={(id) => setView({ name: 'case', id, from: 'cases' })} />
      )}
      {view.name === 'queue' && (
        <CaseQueue api={team} onOpen={(id) => setView({ name: 'case', id, from: 'queue' })} />
      )}
      {view.name === 'case' && (
        <CaseView
          api={cases}
          id={view.id}
          role={role}
          from={view.from}
          onBack={() => setView({ name: view.from })}
        />
      )}
    </main>
  );
}
