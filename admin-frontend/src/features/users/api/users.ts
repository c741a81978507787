/** Console users (owners and superadmins): list, invite, role, deactivate; the invitee's set-password link. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, data } from '@/lib/api/client';
import type { Role } from '@/lib/api/types';

export function useConsoleUsers(projectId: string | undefined) {
  return useQuery({
    queryKey: ['users', projectId],
    enabled: Boolean(projectId),
    queryFn: ({ signal }) =>
      data(client.GET('/v1/admin/projects/{projectId}/users', { params: { path: { projectId: projectId! } }, signal })),
  });
}

function useInvalidateUsers(projectId: string) {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: ['users', projectId] });
}

export function useInviteUser(projectId: string) {
  const invalidate = useInvalidateUsers(projectId);
  return useMutation({
    mutationFn: (body: { email: string; role: Role }) =>
      data(client.POST('/v1/admin/projects/{projectId}/users', { params: { path: { projectId } }, body })),
    onSuccess: invalidate,
  });
}

export function useChangeRole(projectId: string) {
  const invalidate = useInvalidateUsers(projectId);
  return useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: Role }) =>
      data(
        client.PUT('/v1/admin/projects/{projectId}/users/{userId}/role', {
          params: { path: { projectId, userId } },
          body: { role },
        }),
      ),
    onSettled: invalidate,
  });
}

/** Deactivates (`active` false) or reactivates a user. */
export function useSetActive(projectId: string) {
  const invalidate = useInvalidateUsers(projectId);
  return useMutation({
    mutationFn: ({ userId, active }: { userId: string; active: boolean }) =>
      active
        ? data(client.POST('/v1/admin/projects/{projectId}/users/{userId}/reactivate', { params: { path: { projectId, userId } } }))
        : data(client.POST('/v1/admin/projects/{projectId}/users/{userId}/deactivate', { params: { path: { projectId, userId } } })),
    onSettled: invalidate,
  });
}

export function useRenewInvitation(projectId: string) {
  return useMutation({
    mutationFn: (userId: string) =>
      data(client.POST('/v1/admin/projects/{projectId}/users/{userId}/invitation', { params: { path: { projectId, userId } } })),
  });
}

/** The console address an invitee opens; the token stays in the fragment (never sent to a server or logged). */
export function inviteLink(token: string): string {
  return `${window.location.origin}/set-password#${token}`;
}

export function useInviteLookup(token: string) {
  return useQuery({
    queryKey: ['invite', token],
    enabled: token.length > 0,
    retry: false,
    queryFn: ({ signal }) => data(client.POST('/v1/admin/invites/lookup', { body: { token }, signal })),
  });
}

export function useAcceptInvite() {
  return useMutation({
    mutationFn: (body: { token: string; password: string }) => data(client.POST('/v1/admin/invites/accept', { body })),
  });
}
