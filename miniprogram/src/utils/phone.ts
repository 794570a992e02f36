/**
 * What a phone dials: the digits (and a leading +) of a number written for
 * people ("0571-8800 0110" → "057188000110"). WeChat's makePhoneCall and tel:
 * links both want it bare.
 */
export function dialable(phone: string): string {
  const trimmed = phone.trim();
  const digits = trimmed.replace(/\D/g, '');
  return trimmed.startsWith('+') ? `+${digits}` : digits;
}
