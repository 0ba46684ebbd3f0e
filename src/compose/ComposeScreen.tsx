import type { ComponentChildren } from 'preact';
import { useAppState } from '../app/app-state';
import { useLive } from '../app/use-live';
import { draftForWeek } from '../storage/drafts';
import type { Draft } from '../storage/records';
import { momentsBetween } from '../storage/moments';
import { shiftWeek, weekBeginningLabel } from '../week/iso-week';
import { useRouteWeek } from '../week/use-route-week';
import { DraftEditor } from './DraftEditor';
import { ShapeWeek } from './ShapeWeek';

/** The week's weeknote: shape the week's moments and compile them, then edit and export it. */
export function ComposeScreen({ publish }: { publish?: (draft: Draft) => ComponentChildren }) {
  const state = useAppState();
  const { week, today } = useRouteWeek();
  const settings = state.settings.value;
  const previous = shiftWeek(week, -1, settings.weekStartsOn);
  const draft = useLive(() => draftForWeek(week.start), [week.start]);
  const moments = useLive(() => momentsBetween(week.start, week.end), [week.start, week.end]);
  const heading = weekBeginningLabel(week, Number(today.slice(0, 4))).replace(
    'Week beginning',
    'Weeknote for the week beginning',
  );

  // Compiling uses the title template and series: wait until the saved ones are read.
  if (!state.settingsLoaded.value || (draft === undefined && moments === undefined))
    return <h1>{heading}</h1>;

  if (draft) {
    return (
      <>
        <h1 class="compose-heading">{heading}</h1>
        <DraftEditor
          key={draft.id}
          draft={draft}
          week={week}
          moments={moments ?? []}
          publish={publish}
        />
      </>
    );
  }

  return (
    <>
      <h1 class="shape-heading">{heading}</h1>
      <ShapeWeek
        key={week.start}
        week={week}
        moments={moments ?? []}
        previousStart={previous.start}
      />
    </>
  );
}
