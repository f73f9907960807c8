// Mainland China mobile numbers: 11 digits starting 13–19. An optional +86/86 prefix is dropped.

export function normalizePhone(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/[\s-]+/g, '')
    .replace(/^(\+?86)(?=1\d{10}$)/, '');
}

export const isValidPhone = (raw: string): boolean => /^1[3-9]\d{9}$/.test(normalizePhone(raw));

export const PHONE_MESSAGE = '手机号应为 11 位中国大陆手机号码，以 13–19 开头';
