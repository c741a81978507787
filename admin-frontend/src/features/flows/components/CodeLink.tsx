import { useState } from 'react';
import { ActionIcon, Anchor, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconPrinter, IconQrcode } from '@tabler/icons-react';
import { QRCodeSVG } from 'qrcode.react';
import { useTranslation } from 'react-i18next';

/** `https://wa.me/<digits>?text=<code>`: a chat with the clinic that starts with the activation code. */
export function waMeLink(number: string, code: string): string {
  return `https://wa.me/${number.replace(/\D/g, '')}?text=${encodeURIComponent(code)}`;
}

/** An activation code's wa.me link and its QR code to print. */
export function CodeLink({ number, code }: { number: string; code: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const link = waMeLink(number, code);
  return (
    <Group gap={4} wrap="nowrap">
      <Anchor href={link} target="_blank" rel="noreferrer" size="xs" aria-label={t('flows.codeLink', { code })}>
        wa.me
      </Anchor>
      <ActionIcon variant="subtle" aria-label={t('flows.codeQr', { code })} onClick={() => setOpen(true)}>
        <IconQrcode size={16} aria-hidden />
      </ActionIcon>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('flows.codeQrTitle', { code })} centered>
        <Stack align="center">
          <QRCodeSVG value={link} size={256} marginSize={4} title={link} role="img" aria-label={t('flows.codeQrImage', { code })} />
          <Text size="sm" style={{ wordBreak: 'break-all' }} data-testid="wa-link">
            {link}
          </Text>
          <Button variant="default" leftSection={<IconPrinter size={16} aria-hidden />} onClick={() => window.print()}>
            {t('flows.print')}
          </Button>
        </Stack>
      </Modal>
    </Group>
  );
}
