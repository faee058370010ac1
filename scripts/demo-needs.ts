/**
 * Demo, issue 17 part 1: the team records one lay member's communication and support needs,
 * with their agreement (large print, reached by phone or through their support worker, so
 * not by email; access needs for the moderation meeting).
 */
type Call = (method: string, path: string, token: string | null, body?: unknown) => Promise<Record<string, unknown>>;

export async function recordDemoNeeds(call: Call, tenderPath: string, team: string): Promise<void> {
  const panel = (await call('GET', `${tenderPath}/panel`, team)) as unknown as { id: string; group: string }[];
  const lay = panel.find((member) => member.group === 'lived_experience');
  if (!lay) return;
  await call('PUT', `${tenderPath}/panel/${lay.id}/needs`, team, {
    consent: true,
    formats: ['large_print'],
    contactMethods: ['phone', 'support_worker'],
    supportPerson: { name: 'Dee Walsh', relationship: 'support worker', contact: '07700 900321' },
    meetingNeeds: 'Step-free access, a seat near the door and a break every hour.',
  });
}
