// One verification's answer: the verdict (有效 in green, 无效 in red with the reasons), the license as the
// public may see it (holder masked), the seal, and a folded 签名数据 section with the algorithm, the
// signature hex and the signed data, so a specialist can check it again with openssl.
import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Collapse, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { when } from '../../common/catalog.ts';
import { LICENSE_TONE, SEAL_STATE_LABEL, type VerifyResult, validity } from '../../common/licenses.ts';
import { StatusTag } from '../../common/StatusTag.tsx';

const GOOD = { color: '#135200', background: '#f6ffed', border: '#b7eb8f' };
const BAD = { color: '#a8071a', background: '#fff1f0', border: '#ffa39e' };

/** A verdict banner: the word large, the problems (if any) listed under it. */
export function Verdict({
  isGood,
  word,
  caption,
  problems,
  testId,
}: {
  isGood: boolean;
  word: string;
  caption: string;
  problems: string[];
  testId: string;
}) {
  const tone = isGood ? GOOD : BAD;
  const Icon = isGood ? CheckCircleFilled : CloseCircleFilled;
  return (
    <div
      data-testid={testId}
      style={{
        background: tone.background,
        border: `1px solid ${tone.border}`,
        borderRadius: 8,
        padding: '12px 16px',
        color: tone.color,
      }}
    >
      <Flex align="center" gap={10}>
        <Icon aria-hidden style={{ fontSize: 28 }} />
        <div>
          <div style={{ fontSize: 24, fontWeight: 700, lineHeight: 1.2 }} data-testid={`${testId}-word`}>
            {word}
          </div>
          <div style={{ fontSize: 13 }}>{caption}</div>
        </div>
      </Flex>
      {problems.length ? (
        <ul style={{ margin: '8px 0 0', paddingInlineStart: 20 }} data-testid={`${testId}-problems`}>
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function Mono({ children }: { children: ReactNode }) {
  return (
    <pre
      style={{
        margin: 0,
        whiteSpace: 'pre-wrap',
        wordBreak: 'break-all',
        fontSize: 12,
        background: '#f5f5f5',
        padding: 8,
        borderRadius: 4,
        maxHeight: 240,
        overflow: 'auto',
      }}
      // a scrollable region must be reachable by keyboard
      // biome-ignore lint/a11y/noNoninteractiveTabindex: scrollable content
      tabIndex={0}
    >
      {children}
    </pre>
  );
}

function SignatureData({ signature, testId }: { signature: VerifyResult['signature']; testId: string }) {
  return (
    <Collapse
      size="small"
      data-testid={`${testId}-signature`}
      items={[
        {
          key: 'sig',
          label: '签名数据',
          children: (
            <Flex vertical gap={8}>
              <dl className="kv">
                <dt>签名算法</dt>
                <dd>{signature.algorithm}</dd>
                <dt>验签结果</dt>
                <dd>{signature.isValid ? '签名有效' : '签名无效'}</dd>
              </dl>
              <div>
                <Typography.Text strong>签名值（DER，十六进制）</Typography.Text>
                <Mono>{signature.value}</Mono>
              </div>
              <div>
                <Typography.Text strong>被签名数据</Typography.Text>
                <Mono>{signature.signedData}</Mono>
              </div>
              <div style={{ color: 'rgba(0, 0, 0, 0.65)', fontSize: 13 }}>
                <div>可用签章的公钥（pub.pem）复核：被签名数据存为 data，签名值转为二进制 sig.der，执行</div>
                <Mono>
                  openssl dgst -sm3 -verify pub.pem -sigopt distid:1234567812345678 -signature sig.der data
                </Mono>
              </div>
            </Flex>
          ),
        },
      ]}
    />
  );
}

export function VerifyResultCard({ result, testId = 'verify' }: { result: VerifyResult; testId?: string }) {
  return (
    <Flex vertical gap={12} data-testid={`${testId}-result`}>
      <Verdict
        isGood={result.isValid}
        word={result.verdict}
        caption={result.isValid ? '证照真实有效' : '此证照当前不能作为有效证照使用'}
        problems={result.problems}
        testId={`${testId}-verdict`}
      />
      <dl className="kv">
        <dt>证照类型</dt>
        <dd>{result.typeName}</dd>
        <dt>证照编号</dt>
        <dd>{result.licenseNo}</dd>
        <dt>证照状态</dt>
        <dd data-testid={`${testId}-status`}>
          <StatusTag tone={LICENSE_TONE[result.status]}>{result.statusLabel}</StatusTag>
          {result.statusReason ? <span>{result.statusReason}</span> : null}
        </dd>
        <dt>持证主体</dt>
        <dd>{result.holderMasked}</dd>
        <dt>发证机关</dt>
        <dd>{result.issuer}</dd>
        <dt>有效期</dt>
        <dd>{validity(result.validFrom, result.validTo)}</dd>
        <dt>签发时间</dt>
        <dd>{when(result.issuedAt)}</dd>
        <dt>电子印章</dt>
        <dd>
          {result.seal
            ? `${result.seal.name}（${result.seal.code}，${SEAL_STATE_LABEL[result.seal.state] ?? result.seal.state}）`
            : '—'}
        </dd>
      </dl>
      <SignatureData signature={result.signature} testId={testId} />
    </Flex>
  );
}
