import { useState } from 'preact/hooks';
import { reportProblem, useAppState } from '../app/app-state';
import { useLive } from '../app/use-live';
import { addDraft, draftForWeek } from '../storage/drafts';
import { momentsBetween } from '../storage/moments';
import { shiftWeek, weekBeginningLabel } from '../week/iso-week';
import { useRouteWeek } from '../week/use-route-week';
import { compile, isPublicIn } from './compile';
import { DraftEditor } from './DraftEditor';
import { newDraft } from './new-draft';

/** The week's weeknote: compile it from the moments, then edit and export it. */
export function ComposeScreen() {
  const state = useAppState();
  const { week, today } = useRouteWeek();
  const settings = state.settings.value;
  const previous = shiftWeek(week, -1, settings.weekStartsOn);
  const draft = useLive(() => draftForWeek(week.start), [week.start]);
  const moments = useLive(() => momentsBetween(week.start, week.end), [week.start, week.end]);
  const [compiling, setCompiling] = useState(false);
  const heading = weekBeginningLabel(week, Number(today.slice(0, 4))).replace(
    'Week beginning',
    'Weeknote for the week beginning',
  );

  // Compiling uses the title template and series: wait until the saved ones are read.
  if (!state.settingsLoaded.value || (draft === undefined && moments === undefined))
    return <h1>{heading}</h1>;

  async function compileDraft(): Promise<void> {
    setCompiling(true);
    try {
      const lastWeek = await draftForWeek(previous.start);
      const compiled = compile(moments ?? [], week, settings, lastWeek, new Date());
      await addDraft(newDraft(week.start, compiled, new Date().toISOString()));
    } catch (err) {
      reportProblem(state, err);
    } finally {
      setCompiling(false);
    }
  }

  if (draft) {
    return (
      <>
        <h1 class="compose-heading">{heading}</h1>
        <DraftEditor key={draft.id} draft={draft} week={week} moments={moments ?? []} />
      </>
    );
  }

  const all = moments ?? [];
  const usable = all.filter((m) => isPublicIn(m, week));
  const left = all.length - usable.length;
  return (
    <>
      <h1>{heading}</h1>
      <p>
        {usable.length} {usable.length === 1 ? 'moment' : 'moments'} to compile
        {left > 0 && `; ${left} private ${left === 1 ? 'moment stays' : 'moments stay'} out`}.
      </p>
      <button type="button" disabled={compiling} onClick={() => void compileDraft()}>
        Compile draft
      </button>
    </>
  );
}
