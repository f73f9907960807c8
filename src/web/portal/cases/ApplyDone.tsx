// After submission: the case number at once, and where to follow the case.
import { Button, Card, Result } from 'antd';
import { useNavigate } from 'react-router';
import { type CaseView, casePath } from '../../common/cases.ts';
import { when } from '../../common/catalog.ts';

export function ApplyDone({ filed }: { filed: CaseView }) {
  const navigate = useNavigate();
  return (
    <Card>
      <Result
        status="success"
        title={<h1 style={{ fontSize: 22, margin: 0 }}>申请已提交</h1>}
        subTitle={
          <div style={{ color: 'rgba(0, 0, 0, 0.75)' }}>
            <div>
              办件编号：
              <strong data-testid="case-no" style={{ fontSize: 18, overflowWrap: 'anywhere' }}>
                {filed.caseNo}
              </strong>
            </div>
            <div>
              {filed.itemName} · {filed.departmentName} · 提交于 {when(filed.submittedAt)}
            </div>
            <div>请记下办件编号，可凭编号和申请人姓名查询办理进度。</div>
          </div>
        }
        extra={[
          <Button key="detail" type="primary" onClick={() => navigate(casePath(filed.id))}>
            查看办件
          </Button>,
          <Button key="mine" onClick={() => navigate('/mine/cases')}>
            我的办件
          </Button>,
        ]}
      />
    </Card>
  );
}
