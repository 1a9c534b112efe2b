/** Links in the model's output the panel may open: http(s) and mailto only. No DOM here. */
export function isSafeHref(href: string): boolean {
  return /^(https?:\/\/|mailto:)/i.test(href.trim());
}
