const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
const WORDS_PER_MINUTE = 230;

/** Words a reader would count in a Markdown text: link targets and markup left out. */
export function countWords(markdown: string): number {
  const text = markdown
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, ' ')
    .replace(/https?:\/\/\S+/g, ' link ');
  return text.match(WORD)?.length ?? 0;
}

/** "3 min read", rounded up, at 230 words a minute. */
export function readingTime(words: number): string {
  return `${words === 0 ? 0 : Math.max(1, Math.ceil(words / WORDS_PER_MINUTE))} min read`;
}
