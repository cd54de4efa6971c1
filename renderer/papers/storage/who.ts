import { db } from '../../db/db';

/**
 * Who is attaching or annotating. The app has no accounts; a delegate's name is what they
 * write as a briefing's author, so the latest briefing's author is used ('' before any).
 */
export async function currentDelegate(): Promise<string> {
  const latest = await db.briefings.orderBy('updatedAt').last();
  return latest?.author?.trim() ?? '';
}
