// Writes started from a button (delete, undo) have no form to show an error
// in; a refusal (a full disk) is told in a toast instead of vanishing.
import { showToast } from '../components/toast';
import { describeSaveError } from '../save-error';

export async function tellIfRefused(write: () => Promise<unknown>): Promise<void> {
  try {
    await write();
  } catch (error) {
    showToast({ message: describeSaveError(error).message });
  }
}
