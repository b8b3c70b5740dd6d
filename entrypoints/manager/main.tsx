import '@/lib/zod-jitless';
import { i18n } from '#i18n';
import { mount } from '@/components/mount';
import { App } from './App';

document.title = i18n.t('manager_page_title');
mount(<App />);
