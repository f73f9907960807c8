import { describe, expect, it } from 'vitest';
import {
  generateUscc,
  idNumberCheckChar,
  idNumberMessage,
  isValidIdNumber,
  passwordProblem,
  phoneMessage,
  usccMessage,
} from './validators.ts';

describe('web form validators mirror the server rules', () => {
  it('accepts a GB 11643 ID number with the right check digit and names what is wrong otherwise', () => {
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
    expect(idNumberMessage('110105194912310021')).toMatch(/校验位/);
    const body = '41150219900307123';
    expect(idNumberMessage(body + idNumberCheckChar(body))).toBeNull();
    expect(idNumberMessage('41150219900231123X')).toMatch(/出生日期/);
    expect(idNumberMessage('4115021990')).toMatch(/18 位/);
  });

  it('accepts mainland mobile numbers only', () => {
    expect(phoneMessage('13812345678')).toBeNull();
    expect(phoneMessage('12812345678')).not.toBeNull();
    expect(phoneMessage('1381234567')).not.toBeNull();
  });

  it('asks citizens for 8+ and staff for 12+ characters from at least three classes', () => {
    expect(passwordProblem('Abcdef12')).toBeNull();
    expect(passwordProblem('abcdef12')).toMatch(/3 类/);
    expect(passwordProblem('Ab1!')).toMatch(/8 位/);
    expect(passwordProblem('Abcdef12', 'staff')).toMatch(/12 位/);
  });

  it('checks the USCC check character', () => {
    const code = generateUscc({
      registrationAuthority: '9',
      category: '1',
      divisionCode: '411502',
      orgBody: 'MA000001',
    });
    expect(usccMessage(code)).toBeNull();
    expect(usccMessage(`${code.slice(0, 17)}${code[17] === '0' ? '1' : '0'}`)).toMatch(/校验位/);
    expect(usccMessage('123')).toMatch(/18 位/);
  });
});
