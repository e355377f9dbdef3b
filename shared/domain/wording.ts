/** "an engineer", "a dispatcher", "a site manager": role names as they read in refusal messages. */
export function withArticle(word: string): string {
  const spoken = word.replace(/_/g, ' ');
  return `${/^[aeiou]/i.test(spoken) ? 'an' : 'a'} ${spoken}`;
}
