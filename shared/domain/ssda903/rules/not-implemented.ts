// Domain: catalogue rules we deliberately do not run, each with the reason in words a data officer understands.
// docs/ssda903-rules.md and its test read this list, so a reason lives in one place only.

const OFSTED_REGISTER =
  'Needs Ofsted’s register of providers (URNs with their type, address and registration dates), which is not published in a form we can ship.';
const POSTCODE_DIRECTORY =
  'Needs the ONS postcode directory to place a postcode, which we cannot ship; the return keeps only partial postcodes after ingest.';

/** Catalogue codes that are not checked, with why. A code here must not also be in the registry. */
export const NOT_IMPLEMENTED: Readonly<Record<string, string>> = {
  '164': POSTCODE_DIRECTORY,
  '169': POSTCODE_DIRECTORY,
  '219': OFSTED_REGISTER,
  '221': OFSTED_REGISTER,
  '224': OFSTED_REGISTER,
  '227': OFSTED_REGISTER,
  '228': OFSTED_REGISTER,
  '229': OFSTED_REGISTER,
  '1008': OFSTED_REGISTER,
};
