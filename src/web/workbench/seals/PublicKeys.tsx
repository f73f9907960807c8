// 公钥与证书: what outside verifiers need (GET /api/seals/:id/public) — the SM2 public key for data
// signatures and the X.509 certificate for PDF signatures, each in a copyable block, with the openssl
// line that checks an SM2-with-SM3 data signature.
import { Button, Flex, message, Typography } from 'antd';
import { ProblemAlert } from '../../common/ProblemAlert.tsx';
import { useLoad } from '../../common/useLoad.ts';
import type { SealPublicKeys } from './seals.ts';

const VERIFY_COMMAND =
  'openssl dgst -sm3 -verify pub.pem -sigopt distid:1234567812345678 -signature sig.der data';

const preStyle = {
  margin: 0,
  padding: 12,
  background: '#f5f5f5',
  border: '1px solid #e8e8e8',
  borderRadius: 6,
  fontSize: 12,
  lineHeight: 1.5,
  maxHeight: 240,
  overflow: 'auto',
  whiteSpace: 'pre',
} as const;

function PemBlock({ title, text, testId }: { title: string; text: string; testId: string }) {
  const [notice, contextHolder] = message.useMessage();
  return (
    <div>
      {contextHolder}
      <Flex justify="space-between" align="center" gap={8} style={{ marginBottom: 6 }}>
        <h3 style={{ fontSize: 14, margin: 0 }}>{title}</h3>
        <Button
          size="small"
          onClick={() =>
            void navigator.clipboard
              .writeText(text)
              .then(() => notice.success('已复制'))
              .catch(() => notice.error('复制失败，请手动选择文本复制'))
          }
          aria-label={`复制${title}`}
        >
          复制
        </Button>
      </Flex>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling block must be reachable by keyboard */}
      <section style={preStyle} tabIndex={0} aria-label={title}>
        <pre style={{ margin: 0, whiteSpace: 'pre' }} data-testid={testId}>
          {text.trim()}
        </pre>
      </section>
    </div>
  );
}

export function PublicKeys({ sealId }: { sealId: string }) {
  const { data, error } = useLoad<SealPublicKeys>(`/api/seals/${sealId}/public`);
  if (error) return <ProblemAlert error={error} />;
  if (!data) return null;
  if (!data.sm2PublicKeyPem && !data.certificatePem) {
    return <Typography.Text type="secondary">印章制作后生成公钥和证书。</Typography.Text>;
  }
  return (
    <Flex vertical gap={16}>
      <p style={{ margin: 0 }}>
        外部单位可通过公开接口 <code style={{ overflowWrap: 'anywhere' }}>/api/seals/{sealId}/public</code>{' '}
        获取以下内容核验签章，无需登录。
      </p>
      {data.sm2PublicKeyPem ? (
        <PemBlock title="SM2 公钥（数据签名）" text={data.sm2PublicKeyPem} testId="seal-sm2-pem" />
      ) : null}
      <div>
        验证 SM2 数据签名：将公钥保存为 pub.pem，签名（DER）保存为 sig.der，执行
        <pre
          style={{
            ...preStyle,
            marginTop: 6,
            maxHeight: 'none',
            whiteSpace: 'pre-wrap',
            overflowWrap: 'anywhere',
          }}
        >
          {VERIFY_COMMAND}
        </pre>
        输出 <code>Verified OK</code> 即签名有效。
      </div>
      {data.certificatePem ? (
        <PemBlock title="签章证书（PDF 签名，X.509）" text={data.certificatePem} testId="seal-cert-pem" />
      ) : null}
    </Flex>
  );
}
