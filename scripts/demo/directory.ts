// Demo: the adviser directory (shared/reference/demo-directory.json), put through the directory
// API as the demo administrator, so the local cloud's alerts have advisers to go to.
import demo from '../../shared/reference/demo-directory.json' with { type: 'json' };

export interface DemoAdviser {
  readonly adviserId: string;
  readonly name: string;
  readonly email: string;
  readonly region: string;
  readonly role: string;
  readonly delivery: string;
  readonly active: boolean;
}

export const DEMO_ADVISERS: readonly DemoAdviser[] = demo.advisers;

/** PUTs each demo adviser; throws with the API's own message if one is refused. */
export async function seedDemoDirectory(apiUrl: string, adminToken: string): Promise<readonly DemoAdviser[]> {
  for (const { adviserId, ...adviser } of DEMO_ADVISERS) {
    const response = await fetch(`${apiUrl}/directory/advisers/${encodeURIComponent(adviserId)}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(adviser),
    });
    if (!response.ok) {
      throw new Error(
        `The demo adviser ${adviserId} was refused (${response.status}): ${await response.text()}`,
      );
    }
  }
  return DEMO_ADVISERS;
}
