// 电子证照核验 (/verify), public: by the license identifier (typed, or /verify?id=… from the QR code, which
// verifies at once) and by uploading the license PDF. Works signed out and on a phone.
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { get, query } from '../../api.ts';
import type { VerifyResult } from '../../common/licenses.ts';
import { ProblemAlert } from '../../common/ProblemAlert.tsx';
import { Section } from '../../common/Section.tsx';
import { useTitle } from '../../common/useTitle.ts';
import { PdfVerify } from './PdfVerify.tsx';
import { VerifyResultCard } from './VerifyResultCard.tsx';

/** The verification of an identifier, run when it changes and again on `recheck` (the status may have
 * changed); an older answer arriving late is dropped. */
function useVerification(identifier: string) {
  const [result, setResult] = useState<VerifyResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [isLoading, setLoading] = useState(false);
  const latest = useRef(0);
  const recheck = useCallback(async () => {
    const ticket = ++latest.current;
    setResult(null);
    setError(null);
    if (!identifier) return;
    setLoading(true);
    try {
      const answer = await get<VerifyResult>(`/api/licenses/verify${query({ identifier })}`);
      if (ticket === latest.current) setResult(answer);
    } catch (e) {
      if (ticket === latest.current) setError(e);
    } finally {
      if (ticket === latest.current) setLoading(false);
    }
  }, [identifier]);
  useEffect(() => {
    void recheck();
  }, [recheck]);
  return { result, error, isLoading, recheck };
}

export default function Verify() {
  useTitle('电子证照核验');
  const [params, setParams] = useSearchParams();
  const identifier = (params.get('id') ?? '').trim();
  const { result, error, isLoading, recheck } = useVerification(identifier);
  const [form] = Form.useForm<{ identifier: string }>();
  useEffect(() => {
    form.setFieldsValue({ identifier });
  }, [form, identifier]);

  return (
    <Flex vertical gap={12}>
      <Flex align="center" gap={10}>
        <SafetyCertificateOutlined aria-hidden style={{ fontSize: 26, color: '#1554ad' }} />
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          电子证照核验
        </Typography.Title>
      </Flex>
      <Typography.Text style={{ color: 'rgba(0, 0, 0, 0.65)' }}>
        扫描证照上的二维码，或输入证照标识，核验电子证照的真伪、状态和有效期。无需登录。
      </Typography.Text>
      <Section title="按证照标识核验" testId="id-verify">
        <Form
          form={form}
          layout="vertical"
          requiredMark={false}
          onFinish={(v) => {
            const typed = v.identifier.trim();
            if (typed === identifier) void recheck();
            else setParams({ id: typed });
          }}
        >
          <Form.Item
            name="identifier"
            label="电子证照标识"
            extra="证照 PDF 上或二维码下方的标识码"
            rules={[{ required: true, whitespace: true, message: '请输入电子证照标识' }]}
          >
            <Input.TextArea
              autoSize={{ minRows: 1, maxRows: 3 }}
              autoComplete="off"
              spellCheck={false}
              style={{ fontFamily: 'monospace', wordBreak: 'break-all' }}
              data-testid="verify-identifier"
              onKeyDown={(e) => {
                // one line of text: Enter verifies
                if (e.key === 'Enter') {
                  e.preventDefault();
                  form.submit();
                }
              }}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={isLoading} data-testid="verify-submit">
            核验
          </Button>
        </Form>
        <div aria-live="polite" style={{ marginTop: 16 }}>
          <ProblemAlert error={error} />
          {result ? <VerifyResultCard result={result} /> : null}
        </div>
      </Section>
      <PdfVerify />
    </Flex>
  );
}
