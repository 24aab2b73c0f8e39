/**
 * Text from the articles themselves (titles, snippets, trigger words, quoted evidence, Arabic
 * names and outlets as written): always Arabic, right-to-left, isolated from the interface
 * text around it, whatever the interface language.
 */
import type { ComponentChildren } from 'preact';
import { lang } from '../i18n.ts';

export function Src({ children, title }: { children: ComponentChildren; title?: string }) {
  return (
    <bdi lang="ar" dir="rtl" class="src" title={title}>
      {children}
    </bdi>
  );
}

/** Interface text inside an Arabic article element: the interface language and direction. */
export function Ui({ children, class: cls }: { children: ComponentChildren; class?: string }) {
  const l = lang();
  return (
    <bdi lang={l} dir={l === 'ar' ? 'rtl' : 'ltr'} class={cls}>
      {children}
    </bdi>
  );
}
