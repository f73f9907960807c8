// Shows a failed request the way the server described it: the Chinese title, the detail and any
// field messages that no form field took.
import { Alert } from 'antd';
import { ApiError } from '../api.ts';

export function ProblemAlert({ error }: { error: unknown }) {
  if (!error) return null;
  const problem =
    error instanceof ApiError ? error : new ApiError(0, { title: '操作失败', detail: String(error) });
  const fields = problem.fieldErrors;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid="problem"
      title={problem.title}
      description={
        problem.detail || fields.length ? (
          <>
            {problem.detail ? <div>{problem.detail}</div> : null}
            {fields.length ? (
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {fields.map((f) => (
                  <li key={f.path}>{f.message}</li>
                ))}
              </ul>
            ) : null}
          </>
        ) : undefined
      }
      style={{ marginBottom: 16 }}
    />
  );
}
