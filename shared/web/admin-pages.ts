// Web app: the administrator's adviser directory (who receives each region's risk alerts), read and
// changed through the API's directory routes, which alone decide who may.
import { REGIONS } from '../domain/councils.ts';
import { ADVISER_DELIVERIES, ADVISER_ROLES } from '../domain/directory.ts';
import type { ApiClient } from './api-client.ts';
import { escapeHtml } from './html.ts';
import type { Page } from './pages.ts';

interface AdviserView {
  adviserId: string;
  name: string;
  email: string;
  region: string;
  regionName: string;
  role: string;
  delivery: string;
  active: boolean;
  updatedAt: string;
}

export interface AdviserFormState {
  readonly values?: Readonly<Record<string, string>>;
  readonly error?: string;
  readonly done?: string;
}

const ROLE_WORDS: Record<string, string> = {
  principal: 'Regional principal adviser',
  improvement: 'Children’s improvement adviser',
};
const DELIVERY_WORDS: Record<string, string> = {
  immediate: 'One email per alert',
  digest: 'Alerts combined into a digest',
};

export async function directoryPage(
  api: ApiClient,
  csrfToken: string,
  form: AdviserFormState = {},
): Promise<Page> {
  const listed = await api.get<{ advisers: AdviserView[] }>('/directory/advisers');
  if (!listed.ok && listed.status === 403) {
    return {
      status: 403,
      title: 'You cannot see this page',
      template: 'error.njk',
      context: { message: listed.message },
    };
  }
  const values = form.values ?? {};
  const advisers = listed.ok
    ? [...listed.body.advisers].sort(
        (a, b) => a.regionName.localeCompare(b.regionName) || a.name.localeCompare(b.name),
      )
    : [];
  return {
    status: 200,
    title: 'Adviser directory',
    template: 'directory.njk',
    context: {
      problem: listed.ok ? undefined : listed.message,
      form: {
        ...form,
        values,
        regions: [
          { value: '', text: 'Choose a region' },
          ...Object.entries(REGIONS).map(([value, name]) => ({ value, text: name })),
        ].map((region) => ({ ...region, selected: region.value === (values.region ?? '') })),
        roles: ADVISER_ROLES.map((value) => ({
          value,
          text: ROLE_WORDS[value] ?? value,
          checked: value === (values.role ?? 'principal'),
        })),
        deliveries: ADVISER_DELIVERIES.map((value) => ({
          value,
          text: DELIVERY_WORDS[value] ?? value,
          checked: value === (values.delivery ?? 'immediate'),
        })),
      },
      rows: advisers.map((adviser) => [
        { text: adviser.name },
        { text: adviser.email },
        { text: adviser.regionName },
        { text: ROLE_WORDS[adviser.role] ?? adviser.role },
        { text: DELIVERY_WORDS[adviser.delivery] ?? adviser.delivery },
        {
          html: adviser.active
            ? '<strong class="govuk-tag govuk-tag--green">receives alerts</strong>'
            : '<strong class="govuk-tag govuk-tag--grey">deactivated</strong>',
        },
        {
          html: adviser.active
            ? `<form method="post" action="/directory/${escapeHtml(adviser.adviserId)}/deactivate" class="app-inline-form"><input type="hidden" name="_csrf" value="${escapeHtml(csrfToken)}"><button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button">Deactivate<span class="govuk-visually-hidden"> ${escapeHtml(adviser.name)}</span></button></form>`
            : '',
        },
      ]),
    },
  };
}
