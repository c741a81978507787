import { useMutation } from '@tanstack/react-query';
import { client, data } from '@/lib/api/client';
import type { TryRequest } from '@/lib/api/types';

/** One message to the unsaved flow draft in a sandbox conversation (a new one without `sandbox_id`). */
export function useTryDraft() {
  return useMutation({
    mutationFn: (body: TryRequest) => data(client.POST('/v1/admin/flows/try', { body })),
  });
}

/** Deletes a sandbox conversation (its messages and what the assistant remembered). */
export function useResetTry() {
  return useMutation({
    mutationFn: async (sandboxId: string) => {
      await client.DELETE('/v1/admin/flows/try/{sandbox_id}', { params: { path: { sandbox_id: sandboxId } } });
    },
  });
}
