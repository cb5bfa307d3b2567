/** Swedish social services keep Swedish dates: "today" is the date in Stockholm, not in UTC. */
const stockholm = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** 'YYYY-MM-DD' of an instant, in Stockholm. */
export function stockholmDate(at: Date): string {
  return stockholm.format(at);
}
