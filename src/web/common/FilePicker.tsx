// The files of one material: pick one or more (checked for type and size in the browser first), upload
// them one after another, list each with its name and size, remove one. Used by the application wizard,
// the supplement answer and the window intake.
import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import { useId, useRef, useState } from 'react';
import { ApiError } from '../api.ts';
import { ACCEPT, type FileView, sizeText } from './cases.ts';
import { fileProblem, uploadFile } from './upload.ts';

export function FileList({ files, onRemove }: { files: FileView[]; onRemove?: (id: string) => void }) {
  if (files.length === 0) return null;
  return (
    <ul style={{ listStyle: 'none', margin: '6px 0 0', padding: 0, display: 'grid', gap: 4 }}>
      {files.map((f) => (
        <li key={f.id} data-testid="uploaded-file">
          <Flex gap={8} align="center">
            <PaperClipOutlined aria-hidden />
            <span style={{ overflowWrap: 'anywhere', minWidth: 0 }}>{f.name}</span>
            <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
              {sizeText(f.size)}
            </Typography.Text>
            {onRemove ? (
              <Button
                type="text"
                size="small"
                danger
                icon={<DeleteOutlined />}
                aria-label={`移除 ${f.name}`}
                onClick={() => onRemove(f.id)}
              />
            ) : null}
          </Flex>
        </li>
      ))}
    </ul>
  );
}

export function FilePicker({
  label,
  files,
  onAdd,
  onRemove,
  error,
  testId,
}: {
  /** what the files are, for the button's accessible name */
  label: string;
  files: FileView[];
  /** uploads arrive one by one, possibly while other pickers upload too: add, never replace */
  onAdd: (added: FileView[]) => void;
  onRemove: (id: string) => void;
  /** a message from the server about this material */
  error?: string | null;
  testId?: string;
}) {
  const input = useRef<HTMLInputElement>(null);
  const messageId = useId();
  const [problems, setProblems] = useState<string[]>([]);
  const [isBusy, setBusy] = useState(false);

  async function picked(list: FileList | null) {
    const chosen = [...(list ?? [])];
    if (input.current) input.current.value = '';
    const found: string[] = [];
    const added: FileView[] = [];
    setBusy(true);
    for (const file of chosen) {
      const problem = fileProblem(file);
      if (problem) {
        found.push(problem);
        continue;
      }
      try {
        added.push(await uploadFile(file));
      } catch (e) {
        found.push(`“${file.name}”上传失败：${e instanceof ApiError ? e.title : String(e)}`);
      }
    }
    setBusy(false);
    setProblems(found);
    if (added.length) onAdd(added);
  }

  const messages = [...(error ? [error] : []), ...problems];
  return (
    <div data-testid={testId}>
      <input
        ref={input}
        type="file"
        multiple
        accept={ACCEPT}
        style={{ display: 'none' }}
        data-testid={testId ? `${testId}-input` : undefined}
        onChange={(e) => void picked(e.target.files)}
      />
      <Button
        icon={<UploadOutlined />}
        loading={isBusy}
        onClick={() => input.current?.click()}
        aria-label={`${files.length ? '继续上传' : '上传文件'}：${label}`}
        aria-describedby={messages.length ? messageId : undefined}
      >
        {files.length ? '继续上传' : '上传文件'}
      </Button>
      <FileList files={files} onRemove={onRemove} />
      {messages.length ? (
        <div id={messageId} role="alert" style={{ color: '#cf1322', marginTop: 4 }}>
          {messages.map((m) => (
            <div key={m}>{m}</div>
          ))}
        </div>
      ) : null}
    </div>
  );
}
