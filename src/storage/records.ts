/** The shapes Weeknotes keeps on the device. Storage owns them; domain modules build them. */

/** A short note jotted during the week. */
export interface Moment {
  /** UUIDv7, made on the device that captured it. */
  id: string;
  text: string;
  /** ISO 8601 instant with the capturing device's UTC offset, e.g. `2026-11-22T08:05:00.000+00:00`. */
  createdAt: string;
  /** IANA time zone the moment was captured in. */
  timeZone: string;
  /** The calendar day (yyyy-MM-dd) in that time zone: a moment keeps its own local day. */
  localDate: string;
  tags: string[];
  people: string[];
  /** Belongs in the weeknote's closing "Next week" section. */
  nextWeek: boolean;
  /** Never compiled into a public draft. */
  private: boolean;
  updatedAt: string;
  /** Set when deleted; the record stays as a tombstone so undo and sync can see it. */
  deletedAt: string | null;
  /** Set on a copy kept because two devices changed the same moment at once: the original's id. */
  conflictOf?: string | null;
  /** The commitment this moment is progress on, if the writer linked one. */
  commitmentId?: string | null;
}

/** The fields of a moment that the writer can change after capture. */
export type MomentChanges = Partial<
  Pick<Moment, 'text' | 'tags' | 'people' | 'nextWeek' | 'private' | 'commitmentId'>
>;

/** Day the writer's week starts on: 0 is Sunday, 1 Monday … 6 Saturday. */
export type WeekStartDay = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** How a compiled draft groups the week's moments. */
export type Grouping = 'day' | 'tag';

/** The writer's preferences. */
export interface Settings {
  weekStartsOn: WeekStartDay;
  /** Title with tokens: {series}, {week} (two digits), {yy}, {yyyy}. */
  titleTemplate: string;
  /** The writer's own series number, for {series}. */
  series: number;
  grouping: Grouping;
  /** Compiled drafts put a heading over each theme (off: themes are only an order). */
  themeHeadings: boolean;
  /** How a tag reads in a post, set once by the writer: `{ bluebadge: 'Blue Badge' }`. Keys are
   * tags in lower case. */
  tagNames: Record<string, string>;
  /** The length the writer aims for, in words; 0 for none. */
  wordTarget: number;
  /** Yearly targets mentioned in passing ("1,500 miles running"), counted from moments. */
  targets: YearlyTarget[];
  /** Whether persistent storage has been asked for, and what the browser answered. */
  persistence: 'not-asked' | 'granted' | 'denied' | 'unsupported';
}

/** A yearly target: `amount` of `unit` in each calendar year, counted from matching moments. */
export interface YearlyTarget {
  id: string;
  /** What it is, as the writer says it: "running". */
  label: string;
  amount: number;
  /** "miles", "km", "steps"…: miles and km are converted into each other. */
  unit: string;
  /** What makes a moment count: `#tag`s and words, e.g. `['#run', 'ran']`. */
  counts: string[];
}

/** What the writer decided about one of last week's "Next week" items. */
export type ChecklistState = 'open' | 'done' | 'carried' | 'dropped';

/** One of last week's "Next week" items, carried into this week's draft as a checklist. */
export interface ChecklistItem {
  text: string;
  state: ChecklistState;
}

/** A week's weeknote draft: one per week. */
export interface Draft {
  /** `draft-<weekStart>`: the same on every device, so two devices compiling the same week make
   * one record whose bodies merge, never two drafts. */
  id: string;
  /** First day of the week it is for (yyyy-MM-dd). */
  weekStart: string;
  title: string;
  /** Markdown, the writer's to edit. */
  body: string;
  status: 'draft' | 'published';
  /** yyyy-MM-dd the writer published it, when published. */
  publishedOn: string | null;
  publishedUrl: string | null;
  /** Fingerprint of the title and body as they were when marked published, to notice later edits. */
  publishedHash?: string | null;
  /** Moments compiled into the draft or inserted into it since. */
  momentIds: string[];
  /** Moments offered after a recompile that the writer chose to leave out. */
  dismissedMomentIds: string[];
  checklist: ChecklistItem[];
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  /** Another device's version that could not be merged line by line, kept for the writer. */
  conflict?: DraftConflict | null;
  /** The post this weeknote became on the writer's blog, once a publish succeeded. */
  post?: RemotePost | null;
}

/**
 * A post on the writer's blog made from a draft. Synced with the draft, so any device that
 * publishes it again updates this post instead of making a second one. Holds no credential.
 */
export interface RemotePost {
  kind: 'wordpress' | 'micropub';
  /** The blog's address as the writer connected it, e.g. `https://example.blog`. */
  site: string;
  /** The blog's id for the post: WordPress's post id, or the post's URL for Micropub. */
  remoteId: string;
  /** The post's address (for a WordPress draft, its preview link). */
  url: string;
  /** How it was last sent: as a draft for the writer to finish on the blog, or published. */
  status: 'draft' | 'publish';
  /** When the blog last accepted it (ISO 8601). */
  sentAt: string;
  /** Fingerprint of the title and body as sent, to notice later edits. */
  hash: string;
}

/** Text from another device that clashed with this one, kept until the writer resolves it. */
export interface DraftConflict {
  title: string;
  body: string;
  at: string;
}

/** One change waiting to be sent to the sync server, written in the same transaction as the change. */
export interface OutboxEntry {
  seq?: number;
  kind: 'moment' | 'draft' | 'setting' | 'commitment';
  recordId: string;
  op: 'put';
  queuedAt: string;
}
