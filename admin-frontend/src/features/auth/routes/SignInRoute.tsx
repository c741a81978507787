import { useState } from 'react';
import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertCircle, IconMessageChatbot } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { LanguageSwitch } from '@/components/LanguageSwitch';
import { ApiError } from '@/lib/api/problem';
import { useAuth } from '@/lib/auth/auth';

/** Only same-site paths are followed after sign-in. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/inbox';
}

export function SignInRoute() {
  const { t } = useTranslation();
  const { config, session, signInLocal, signInCognito } = useAuth();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const next = safeNext(params.get('next'));
  const [error, setError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: {
      email: (value) => (/^\S+@\S+$/.test(value) ? null : t('auth.invalidEmail')),
      password: (value) => (value ? null : t('auth.passwordRequired')),
    },
  });

  if (session) return <Navigate to={next} replace />;

  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      await signInLocal(values.email.trim(), values.password);
      navigate(next, { replace: true });
    } catch (e) {
      setError(e instanceof ApiError && e.status === 401 ? t('auth.badCredentials') : t('errors.generic'));
    }
  });

  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" p="xl" w={400} maw="100%">
        <Stack gap="lg">
          <Stack gap={4} align="center">
            <IconMessageChatbot size={40} color="var(--mantine-color-teal-8)" aria-hidden />
            <Title order={1} size="h3">
              {t('auth.title')}
            </Title>
            <Text c="dimmed" size="sm">
              {t('auth.subtitle')}
            </Text>
          </Stack>
          {error && (
            <Alert color="red" icon={<IconAlertCircle aria-hidden />} role="alert">
              {error}
            </Alert>
          )}
          {config.auth.mode === 'cognito' ? (
            <Button size="md" onClick={() => void signInCognito(next)}>
              {t('auth.continueWithSso')}
            </Button>
          ) : (
            <form onSubmit={submit} noValidate>
              <Stack gap="md">
                <TextInput
                  label={t('auth.email')}
                  type="email"
                  autoComplete="username"
                  required
                  {...form.getInputProps('email')}
                />
                <PasswordInput
                  label={t('auth.password')}
                  autoComplete="current-password"
                  required
                  {...form.getInputProps('password')}
                />
                <Button type="submit" size="md" loading={form.submitting}>
                  {t('auth.signIn')}
                </Button>
              </Stack>
            </form>
          )}
          <Center>
            <LanguageSwitch />
          </Center>
        </Stack>
      </Paper>
    </Center>
  );
}
