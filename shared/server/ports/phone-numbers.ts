/**
 * The capability of turning the code WeChat's phone-number button gives the
 * client (open-type="getPhoneNumber", with the person's consent) into the
 * number. Adapters: phonenumber.getPhoneNumber through the cloud's open-API
 * layer; locally a stand-in that accepts `dev-<11 digits>` codes.
 */
export interface PhoneNumbers {
  /** The number the code stands for, or null when the code is invalid or used (a code works once, for 5 minutes). */
  fromCode(code: string, openid: string): Promise<string | null>;
}
