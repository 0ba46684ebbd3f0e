import { database } from './db';
import { toStorageProblem } from './errors';

/** Opens the database, turning any failure into a StorageProblem the app can show. */
export async function openStorage(): Promise<void> {
  try {
    await (await database()).open();
  } catch (err) {
    throw toStorageProblem(err, 'open');
  }
}
