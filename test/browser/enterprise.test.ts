// Enterprise journey: a citizen registers their enterprise (USCC + name) as its legal representative,
// authorises an agent (经办人) with a scope and an expiry; the agent signs in, sees the enterprise and
// switches to act for it; the legal representative revokes the mandate and the agent loses it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateUscc } from '../../src/platform/standards/uscc.ts';
import { seriousViolations } from './support/axe.ts';
import { registeredCitizen, signInCitizen } from './support/people.ts';
import { DESKTOP, PHONE, type Platform, startPlatform } from './support/platform.ts';

let p: Platform;
beforeAll(async () => {
  p = await startPlatform();
});
afterAll(async () => {
  await p?.close();
});

describe('enterprise mandates', () => {
  it('legal representative authorises an agent, the agent acts for the enterprise, then is revoked', async () => {
    const rep = await registeredCitizen(p, '王法人');
    const agent = await registeredCitizen(p, '赵经办');
    const uscc = generateUscc({
      registrationAuthority: '9',
      category: '1',
      divisionCode: '411502',
      orgBody: 'MA9XY001',
    });

    const repPage = await p.newPage(DESKTOP);
    await signInCitizen(repPage, rep.phone);
    await repPage.getByTestId('open-enterprise').click();
    const dialog = repPage.getByRole('dialog');
    await dialog.getByLabel('统一社会信用代码').fill(uscc);
    await dialog.getByLabel('企业名称').fill('信阳毛尖茶业有限公司');
    await dialog.getByRole('button', { name: /提\s*交/ }).click();
    await repPage.getByTestId('enterprise-list').getByText('信阳毛尖茶业有限公司').waitFor();

    await repPage.getByRole('button', { name: /信阳毛尖茶业有限公司 · 经办人授权/ }).click();
    const mandates = repPage.getByTestId(`mandates-${uscc}`);
    await mandates.getByLabel('经办人姓名').fill(agent.realName);
    await mandates.getByLabel('经办人身份证号码').fill(agent.idNumber);
    await mandates.getByText('指定事项').click();
    await mandates.getByLabel('事项编码').fill('11411500MB0000001');
    await mandates.getByLabel('事项编码').press('Enter');
    await mandates.getByTestId('mandate-submit').click();
    const row = mandates.getByRole('row', { name: new RegExp(agent.realName) });
    await row.getByText('有效').waitFor();
    expect(await row.textContent()).toContain('指定事项：11411500MB0000001');
    await p.shot(repPage, 'mandates');
    expect(await seriousViolations(repPage)).toEqual([]);

    const agentPage = await p.newPage(PHONE);
    await signInCitizen(agentPage, agent.idNumber);
    await agentPage.getByTestId('enterprise-list').getByText('信阳毛尖茶业有限公司').waitFor();
    await agentPage.getByRole('radio', { name: '信阳毛尖茶业有限公司（经办人）' }).click();
    await agentPage.getByTestId('acting-now').getByText('信阳毛尖茶业有限公司（经办人）').waitFor();
    await expect(agentPage.getByTestId('nav-me').textContent()).resolves.toBe('信阳毛尖茶业有限公司');
    await agentPage.waitForFunction(
      () => !document.querySelector('[data-testid="acting-select"] .ant-radio-wrapper-disabled'),
    );
    expect(await agentPage.getByRole('radio', { name: '信阳毛尖茶业有限公司（经办人）' }).isChecked()).toBe(
      true,
    );
    await p.shot(agentPage, 'acting-agent');
    expect(await seriousViolations(agentPage)).toEqual([]);

    await row.getByRole('button', { name: /撤\s*销/ }).click();
    await repPage
      .getByRole('tooltip')
      .getByRole('button', { name: /撤\s*销/ })
      .click();
    await row.getByText('已撤销').waitFor();

    const repPhone = await p.newPage(PHONE);
    await signInCitizen(repPhone, rep.idNumber);
    await repPhone.getByRole('button', { name: /信阳毛尖茶业有限公司 · 经办人授权/ }).click();
    await repPhone.getByRole('list', { name: '经办人授权列表' }).getByText('已撤销').waitFor();
    await p.shot(repPhone, 'mandates');
    expect(await seriousViolations(repPhone)).toEqual([]);

    await agentPage.reload();
    await agentPage.getByRole('heading', { name: '我的', exact: true }).waitFor();
    await agentPage.getByText('尚未关联企业').waitFor();
    expect(p.problems).toEqual([]);
  });
});
