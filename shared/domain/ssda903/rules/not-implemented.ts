// Domain: catalogue rules we deliberately do not run, each with the reason in words a data officer understands.
// docs/ssda903-rules.md and its test read this list, so a reason lives in one place only.

const OFSTED_REGISTER =
  'Needs Ofsted’s register of providers (URNs with their type, address and registration dates), which is not published in a form we can ship.';
const POSTCODE_DIRECTORY =
  'Needs the ONS postcode directory to place a postcode, which we cannot ship; the return keeps only partial postcodes after ingest.';

const PLACEMENT_AREA =
  'Needs the placement’s location or local authority, which councils do not send: DfE works it out from the full placement postcode with the ONS postcode directory, and neither is available here.';

/** Catalogue codes that are not checked, with why. A code here must not also be in the registry. */
export const NOT_IMPLEMENTED: Readonly<Record<string, string>> = {
  '105':
    'Checks a UASC flag (0 or 1) on the Header row, which the Header table we accept does not have: an unaccompanied asylum-seeking child is recorded by a row in the UASC table (the XML return’s flag becomes that row).',
  '164': POSTCODE_DIRECTORY,
  '169': POSTCODE_DIRECTORY,
  '179': PLACEMENT_AREA,
  '218':
    'Whether a URN is required depends on whether the placement is in England (its local authority, worked out from the full postcode), which the return does not carry.',
  '219': OFSTED_REGISTER,
  '221': OFSTED_REGISTER,
  '224': OFSTED_REGISTER,
  '227': OFSTED_REGISTER,
  '228': OFSTED_REGISTER,
  '229': OFSTED_REGISTER,
  '1008': OFSTED_REGISTER,
  '1015': PLACEMENT_AREA,
};
