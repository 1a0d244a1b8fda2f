import { CaptureForm, type CaptureApi } from './CaptureForm';

/** The side panel (Firefox: sidebar): the capture form. */
export function SidePanel({ capture }: { capture: CaptureApi }) {
  return (
    <main className="sidepanel">
      <CaptureForm api={capture} />
    </main>
  );
}
