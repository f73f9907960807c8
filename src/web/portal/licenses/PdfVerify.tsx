// 上传证照文件核验: the user picks a license PDF (≤ 20 MB, checked here first with the server's limit), its
// bytes go to POST /api/licenses/verify/pdf as application/pdf, and the answer shows 一致 or 不一致 with
// the reasons, plus the license it names when the platform knows it.
import { FilePdfOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import { useId, useRef, useState } from 'react';
import { postFile } from '../../api.ts';
import { sizeText } from '../../common/cases.ts';
import { LICENSE_PDF_LIMIT_TEXT, type PdfVerifyResult, pdfProblem } from '../../common/licenses.ts';
import { ProblemAlert } from '../../common/ProblemAlert.tsx';
import { Section } from '../../common/Section.tsx';
import { Verdict, VerifyResultCard } from './VerifyResultCard.tsx';

export function PdfVerify() {
  const input = useRef<HTMLInputElement>(null);
  const hintId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [result, setResult] = useState<PdfVerifyResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [isBusy, setBusy] = useState(false);

  async function picked(list: FileList | null) {
    const chosen = list?.[0] ?? null;
    if (input.current) input.current.value = '';
    if (!chosen) return;
    setFile(chosen);
    setResult(null);
    setError(null);
    const found = pdfProblem(chosen);
    setProblem(found);
    if (found) return;
    setBusy(true);
    try {
      setResult(await postFile<PdfVerifyResult>('/api/licenses/verify/pdf', chosen, 'application/pdf'));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Section title="上传证照文件核验" testId="pdf-verify">
      <Typography.Paragraph id={hintId} style={{ marginTop: 0 }}>
        选择从本平台下载的电子证照 PDF（不超过 {LICENSE_PDF_LIMIT_TEXT}
        ），核验是否为平台签发的原件、是否被修改。
      </Typography.Paragraph>
      <input
        ref={input}
        type="file"
        accept="application/pdf,.pdf"
        style={{ display: 'none' }}
        data-testid="pdf-verify-input"
        onChange={(e) => void picked(e.target.files)}
      />
      <Flex gap={8} wrap align="center">
        <Button
          icon={<UploadOutlined />}
          loading={isBusy}
          aria-describedby={hintId}
          onClick={() => input.current?.click()}
          data-testid="pdf-verify-pick"
        >
          {file ? '重新选择文件' : '选择 PDF 文件'}
        </Button>
        {file ? (
          <Flex gap={6} align="center" style={{ minWidth: 0 }}>
            <FilePdfOutlined aria-hidden />
            <span style={{ overflowWrap: 'anywhere' }}>{file.name}</span>
            <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
              {sizeText(file.size)}
            </Typography.Text>
          </Flex>
        ) : null}
      </Flex>
      <div aria-live="polite" style={{ marginTop: 12 }}>
        {problem ? (
          <div role="alert" style={{ color: '#a8071a' }} data-testid="pdf-verify-problem">
            {problem}
          </div>
        ) : null}
        <ProblemAlert error={error} />
        {result ? (
          <Flex vertical gap={12} data-testid="pdf-verify-result">
            <Verdict
              isGood={result.isGenuine}
              word={result.verdict}
              caption={
                result.isGenuine ? '文件为平台签发的原件，未被修改' : '文件与平台签发的原件不一致，请勿采信'
              }
              problems={result.problems}
              testId="pdf-verdict"
            />
            {result.license ? (
              <>
                <h3 style={{ fontSize: 15, margin: '4px 0 0' }}>文件所载证照的当前状态</h3>
                <VerifyResultCard result={result.license} testId="pdf-license" />
              </>
            ) : null}
          </Flex>
        ) : null}
      </div>
    </Section>
  );
}
