// Domain: catalogue rules we deliberately do not run, each with the reason in words a data officer understands.
// docs/ssda903-rules.md and its test read this list, so a reason lives in one place only.

const OFSTED_REGISTER =
  'Needs Ofsted’s full register of providers (each URN’s provider type, postcode, and registration and closure dates), which is not published in full.';
const POSTCODE_DIRECTORY =
  'Needs the ONS postcode directory to place the home and placement postcodes (local authority, grid point). It is open data (Open Government Licence), published by ONS on its Open Geography Portal and by no package registry, and no extract of it is in shared/reference yet (every postcode’s council and grid point: about 2.7 million rows, refreshed each quarter).';

const PLACEMENT_AREA =
  'Checks the placement’s location or local authority, which councils do not send: DfE works them out from the placement postcode with the ONS postcode directory, which is not yet in shared/reference.';

const PLACEMENT_AREA_LAST_YEAR =
  'Compares the local authority or location (in or out of the council’s area) of the placement with last year’s, and councils send neither: DfE works them out from the placement postcode with the ONS postcode directory, which is not yet in shared/reference.';
const PLACEMENT_DISTANCE_LAST_YEAR =
  'Compares the distance between home and placement with last year’s, and councils do not send that distance: DfE works it out from the grid points of the home and placement postcodes in the ONS postcode directory, which is not yet in shared/reference.';

/** Catalogue codes that are not checked, with why. A code here must not also be in the registry. */
export const NOT_IMPLEMENTED: Readonly<Record<string, string>> = {
  '164': POSTCODE_DIRECTORY,
  '169': POSTCODE_DIRECTORY,
  '179': PLACEMENT_AREA,
  '218':
    'A URN is required only for placements in England, and whether a placement is in England is worked out from its postcode with the ONS postcode directory, which is not yet in shared/reference; without it every placement outside England would be reported.',
  '219': OFSTED_REGISTER,
  '221': OFSTED_REGISTER,
  '224': OFSTED_REGISTER,
  '227': OFSTED_REGISTER,
  '228': OFSTED_REGISTER,
  '229': OFSTED_REGISTER,
  '1008': OFSTED_REGISTER,
  '1015': PLACEMENT_AREA,
  '392a': POSTCODE_DIRECTORY,
  '406': POSTCODE_DIRECTORY,
  '411': PLACEMENT_AREA,
  '420': PLACEMENT_AREA,
  '452': PLACEMENT_AREA_LAST_YEAR,
  '453': PLACEMENT_DISTANCE_LAST_YEAR,
  '454': POSTCODE_DIRECTORY,
  '503G': PLACEMENT_DISTANCE_LAST_YEAR,
  '503H': PLACEMENT_AREA_LAST_YEAR,
  '503J': PLACEMENT_AREA_LAST_YEAR,
};
