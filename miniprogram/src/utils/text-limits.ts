/**
 * How much a native input may hold before our own count takes over. Inputs
 * count UTF-16 units (an emoji is 2 or more), the server counts characters as a
 * person does (`countChars`), so the native limit is set generously and the
 * form's counter and check, which use the server's rules, decide.
 */
export function nativeMaxLength(max: number): number {
  return max * 4;
}
