import { parseAddress } from '../domain/call/rules/address.js';
import { checkPhone } from '../domain/call/rules/phone.js';
import { checkPostalAddress } from '../domain/call/rules/postal-address.js';
import type { PostcodeDirectory } from '../domain/call/rules/postcodes.js';
import type { Call } from '../domain/call/schema.js';
import type { Finding } from '../domain/shared/finding.js';

export interface ContactFields {
  phone?: string;
  postalAddress?: string;
}

export interface ContactFieldsCheck {
  phone: Finding[];
  postalAddress: Finding[];
}

/**
 * Use case: the call's own rules on a phone number and a postal address, field by field — the
 * same rules that judge a submission (libphonenumber read in the postcode's region, the official
 * postcode list). Used on submit and, where JavaScript is on, as the author types. An empty field
 * gives nothing here: whether it is required is said by « what is missing », not as an error
 * under a field the author has not reached yet.
 */
export function checkContactFields(
  call: Call,
  fields: ContactFields,
  postcodes?: PostcodeDirectory,
): ContactFieldsCheck {
  const phone = fields.phone?.trim() ?? '';
  const address = fields.postalAddress?.trim() ?? '';
  const postcode = address === '' ? undefined : parseAddress(address).postcode;
  return {
    phone: phone === '' ? [] : checkPhone(phone, postcode, call.contactDetails.phone),
    postalAddress:
      address === '' ? [] : checkPostalAddress(address, postcodes, call.contactDetails.postalAddress),
  };
}
