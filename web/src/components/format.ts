/** Dates as a Swedish social worker writes them, in Swedish time whatever the machine says. */
const dateFormat = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const dateTimeFormat = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

export const formatDate = (iso: string) => dateFormat.format(new Date(iso));
export const formatDateTime = (iso: string) => dateTimeFormat.format(new Date(iso));

const timeFormat = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  hour: '2-digit',
  minute: '2-digit',
});

/** A time of day in Swedish time: "14:05". */
export const formatTime = (iso: string) => timeFormat.format(new Date(iso));

const sizeFormat = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 1 });

/** A file's size as Swedish writes it: "820 kB", "1,5 MB" (1 kB = 1 024 bytes, as the limits). */
export function formatFileSize(bytes: number) {
  const kB = bytes / 1024;
  if (kB < 1000) return `${sizeFormat.format(Math.max(1, Math.ceil(kB)))} kB`;
  return `${sizeFormat.format(kB / 1024)} MB`;
}
