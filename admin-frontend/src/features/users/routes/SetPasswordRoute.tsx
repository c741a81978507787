import { useState } from 'react';
import { Alert, Button, Center, Loader, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertCircle, IconMessageChatbot } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { LanguageSwitch } from '@/components/LanguageSwitch';
import { useAuth } from '@/lib/auth/auth';
import { useAcceptInvite, useInviteLookup } from '../api/users';

/** An invitee's set-password link (`/set-password#<token>`): choose a password, then sign in with it. */
export function SetPasswordRoute() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const { signInLocal } = useAuth();
  const token = location.hash.replace(/^#/, '');
  const lookup = useInviteLookup(token);
  const accept = useAcceptInvite();
  const [error, setError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { password: '', repeat: '' },
    validate: {
      password: (value) => (value.length >= 8 ? null : t('users.passwordTooShort')),
      repeat: (value, values) => (value === values.password ? null : t('users.passwordsDiffer')),
    },
  });

  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      await accept.mutateAsync({ token, password: values.password });
      // the link is spent: sign in with the new password like any other user
      await signInLocal(lookup.data!.email, values.password);
      navigate('/inbox', { replace: true });
    } catch {
      setError(t('users.setPasswordFailed'));
    }
  });

  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" p="xl" w={420} maw="100%">
        <Stack gap="lg">
          <Stack gap={4} align="center">
            <IconMessageChatbot size={40} color="var(--mantine-color-teal-8)" aria-hidden />
            <Title order={1} size="h3">
              {t('users.setPasswordTitle')}
            </Title>
          </Stack>
          {!token || lookup.isError ? (
            <Alert color="red" icon={<IconAlertCircle aria-hidden />} role="alert">
              {t('users.linkInvalid')}
            </Alert>
          ) : lookup.isLoading ? (
            <Center>
              <Loader size="sm" aria-label={t('common.loading')} />
            </Center>
          ) : (
            <form onSubmit={submit} noValidate>
              <Stack gap="md">
                <Text size="sm">{t('users.setPasswordFor', { email: lookup.data?.email, project: lookup.data?.project_name })}</Text>
                {error && (
                  <Alert color="red" icon={<IconAlertCircle aria-hidden />} role="alert">
                    {error}
                  </Alert>
                )}
                <PasswordInput label={t('users.newPassword')} autoComplete="new-password" required {...form.getInputProps('password')} />
                <PasswordInput label={t('users.repeatPassword')} autoComplete="new-password" required {...form.getInputProps('repeat')} />
                <Button type="submit" loading={accept.isPending}>
                  {t('users.setPasswordAndSignIn')}
                </Button>
              </Stack>
            </form>
          )}
          <LanguageSwitch />
        </Stack>
      </Paper>
    </Center>
  );
}
