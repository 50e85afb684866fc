// Test helper: small CIN census files written for a test, one child per referral.

export interface Referral {
  readonly id: string;
  readonly referral: string;
  readonly closure?: string;
}

/** A small CIN census file: one child per referral, each assessed within 10 working days. */
export function census(year: number, referrals: readonly Referral[]): string {
  const sex = year >= 2025 ? '<Sex>F</Sex>' : '<GenderCurrent>2</GenderCurrent>';
  const children = referrals
    .map(
      (
        item,
      ) => `<Child><ChildIdentifiers><LAchildID>${item.id}</LAchildID><UPNunknown>UN5</UPNunknown><PersonBirthDate>2014-02-11</PersonBirthDate>${sex}</ChildIdentifiers>
<ChildCharacteristics><Ethnicity>WBRI</Ethnicity></ChildCharacteristics>
<CINdetails><CINreferralDate>${item.referral}</CINreferralDate><ReferralSource>1A</ReferralSource><PrimaryNeedCode>N1</PrimaryNeedCode>${
        item.closure
          ? `<CINclosureDate>${item.closure}</CINclosureDate><ReasonForClosure>RC7</ReasonForClosure>`
          : ''
      }<Assessments><AssessmentActualStartDate>${item.referral}</AssessmentActualStartDate><AssessmentAuthorisationDate>${
        item.closure ?? item.referral
      }</AssessmentAuthorisationDate><FactorsIdentifiedAtAssessment><AssessmentFactors>2A</AssessmentFactors></FactorsIdentifiedAtAssessment></Assessments><ReferralNFA>0</ReferralNFA></CINdetails></Child>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<Message><Header><CollectionDetails><Collection>CIN</Collection><Year>${year}</Year><ReferenceDate>${year}-03-31</ReferenceDate></CollectionDetails>
<Source><SourceLevel>L</SourceLevel><LEA>886</LEA></Source></Header><Children>
${children}
</Children></Message>`;
}
