import { useEffect, useRef, useState } from 'react';
import { Alert, Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useAuth } from '@/lib/auth/auth';
import { completeCognitoSignIn } from '@/lib/auth/oidc';
import { sessionStore } from '@/lib/auth/session';
import { safeNext } from './SignInRoute';

/** Where Cognito's hosted UI sends the browser back with the authorization code. */
export function CallbackRoute() {
  const { config } = useAuth();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [failed, setFailed] = useState(false);
  const started = useRef(false);

  useEffect(() => {
    if (started.current || config.auth.mode !== 'cognito') return;
    started.current = true;
    completeCognitoSignIn(config.auth)
      .then(({ session, returnTo }) => {
        sessionStore.set(session);
        navigate(safeNext(returnTo), { replace: true });
      })
      .catch(() => setFailed(true));
  }, [config, navigate]);

  return (
    <Center mih="100vh" component="main">
      {failed ? <Alert color="red">{t('auth.ssoFailed')}</Alert> : <Loader aria-label={t('common.loading')} />}
    </Center>
  );
}
