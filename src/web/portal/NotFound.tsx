import { Button, Card, Result } from 'antd';
import { useNavigate } from 'react-router';

export default function NotFound() {
  const navigate = useNavigate();
  return (
    <Card>
      <Result
        status="404"
        title={<h1 style={{ fontSize: 22, margin: 0 }}>页面不存在</h1>}
        subTitle="您访问的页面不存在或已移除。"
        extra={
          <Button type="primary" onClick={() => navigate('/')}>
            返回首页
          </Button>
        }
      />
    </Card>
  );
}
