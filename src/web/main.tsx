// The browser entry: Ant Design in Simplified Chinese, the session and the router. Every page is a
// lazy chunk, so the portal's first load carries only the shell and the page it shows.
import { App as AntApp, ConfigProvider } from 'antd';
import type { Locale } from 'antd/es/locale/index.js';
import zhCNModule from 'antd/es/locale/zh_CN.js';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn.js';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { AppRoutes } from './routes.tsx';
import { SessionProvider } from './session.tsx';

dayjs.locale('zh-cn');

// antd ships its locales as untyped-ESM files: TypeScript (nodenext) sees a CommonJS namespace, the
// bundler hands over the locale itself. Accept both.
const zhCN = ('default' in zhCNModule ? zhCNModule.default : zhCNModule) as Locale;

const root = document.getElementById('root');
if (!root) throw new Error('missing #root');
createRoot(root).render(
  <StrictMode>
    <ConfigProvider
      locale={zhCN}
      button={{ autoInsertSpace: false }}
      theme={{
        token: {
          colorPrimary: '#1554ad',
          colorLink: '#1554ad',
          // hovered and pressed links stay at AA contrast on white and on the light tints
          colorLinkHover: '#0f3d7a',
          colorLinkActive: '#0a2b57',
          borderRadius: 6,
          fontSize: 15,
          // WCAG AA: secondary and hint text at 4.5:1 or better on white
          colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
          colorTextDescription: 'rgba(0, 0, 0, 0.65)',
          colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
          colorTextPlaceholder: 'rgba(0, 0, 0, 0.5)',
          colorError: '#cf1322',
        },
      }}
    >
      <AntApp>
        <SessionProvider>
          <BrowserRouter>
            <AppRoutes />
          </BrowserRouter>
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
