// The search results page. Service-item search arrives with the catalog module; until then the page
// says so and echoes what was asked.
import { Button, Card, Result } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';

export default function Search() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const q = params.get('q') ?? '';
  const theme = params.get('theme') ?? '';
  const asked = theme ? `主题“${theme}”` : q ? `“${q}”` : '';
  return (
    <Card>
      <Result
        status="info"
        title={<h1 style={{ fontSize: 22, margin: 0 }}>事项检索即将开放</h1>}
        subTitle={
          asked ? `您查找的${asked}相关事项将在事项目录上线后显示。` : '事项目录上线后，可在此检索办事事项。'
        }
        extra={
          <Button type="primary" onClick={() => navigate('/')}>
            返回首页
          </Button>
        }
      />
    </Card>
  );
}
