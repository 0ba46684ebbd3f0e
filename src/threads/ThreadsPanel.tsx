import type { Moment } from '../storage/records';
import { insertBeforeNextWeek } from '../compose/markdown-sections';
import type { Week } from '../week/iso-week';
import { LastMentioned } from './LastMentioned';
import { LastYear } from './LastYear';
import { TargetProgress } from './TargetProgress';
import './threads.css';

interface Props {
  week: Week;
  moments: Moment[];
  /** The body as typed, for inserting into. */
  body: string;
  /** The body once typing rests, for looking things up. */
  settled: string;
  onBody: (body: string) => void;
}

/** Threads across weeks beside the draft: who and what came up before, a year ago, targets. */
export function ThreadsPanel({ week, moments, body, settled, onBody }: Props) {
  return (
    <div class="threads">
      <TargetProgress
        week={week}
        moments={moments}
        onInsert={(line) => onBody(insertBeforeNextWeek(body, line))}
      />
      <LastMentioned week={week} moments={moments} body={settled} />
      <LastYear week={week} />
    </div>
  );
}
