import { useEffect, useRef, useState } from 'react';
import type { ApiOutput } from '../../../shared/api/contract';
import type { DossierView } from '../../../shared/api/dossiers';
import { useI18n } from '../../i18n';
import { call } from '../shell/call';
import { pageFlag } from '../../components/PageStrip';

type Page = ApiOutput<'document.pages'>['pages'][number] & { readonly documentTitle: string };
type Image = ApiOutput<'page.image'>;

/**
 * The dossier's scanned papers: every page's thumbnail in paper order beside the selected page
 * at full size, its stored rotation applied on screen. ←/→ (or ↑/↓) move between pages, across
 * papers, and Home/End jump to the first and last.
 */
export function PageViewer({ documents }: { readonly documents: DossierView['documents'] }) {
  const { t } = useI18n();
  const [pages, setPages] = useState<Page[]>();
  const [thumbs, setThumbs] = useState<Record<string, string>>({});
  const [selected, setSelected] = useState(0);
  const [image, setImage] = useState<Image>();
  const list = useRef<HTMLUListElement>(null);

  useEffect(() => {
    let live = true;
    void Promise.all(documents.map(async (d) => {
      const r = await call('document.pages', { documentId: d.id });
      return r.ok ? r.value.pages.map((p) => ({ ...p, documentTitle: d.title })) : [];
    })).then((all) => { if (live) setPages(all.flat()); });
    return () => { live = false; };
  }, [documents]);

  useEffect(() => {
    let live = true;
    for (const p of pages ?? []) {
      void call('page.thumbnail', { pageId: p.id }).then((r) => {
        if (live && r.ok) setThumbs((all) => ({ ...all, [p.id]: `data:image/webp;base64,${r.value.thumbnailBase64}` }));
      });
    }
    return () => { live = false; };
  }, [pages]);

  const current = pages?.[selected];
  useEffect(() => {
    if (!current) return undefined;
    let live = true;
    void call('page.image', { pageId: current.id }).then((r) => { if (live && r.ok) setImage(r.value); });
    return () => { live = false; };
  }, [current]);

  const go = (index: number) => {
    if (!pages || pages.length === 0) return;
    const next = Math.max(0, Math.min(pages.length - 1, index));
    setSelected(next);
    list.current?.querySelectorAll<HTMLButtonElement>('button[data-page-id]')[next]?.focus();
  };
  const onKey = (e: React.KeyboardEvent) => {
    const moves: Record<string, number> = { ArrowLeft: selected - 1, ArrowUp: selected - 1, ArrowRight: selected + 1, ArrowDown: selected + 1, Home: 0, End: (pages?.length ?? 1) - 1 };
    const to = moves[e.key];
    if (to === undefined) return;
    e.preventDefault();
    go(to);
  };

  if (!pages) return <p aria-busy="true" className="muted">{t('viewer.loading')}</p>;
  if (pages.length === 0) return <p className="muted" data-testid="viewer-empty">{t('viewer.none')}</p>;
  const shown = image && image.pageId === current?.id ? image : undefined;
  return (
    <div className="page-viewer" data-testid="page-viewer">
      <ul className="viewer-thumbs" ref={list} aria-label={t('viewer.pages')} title={t('viewer.keys')}>
        {pages.map((p, i) => (
          <li key={p.id}>
            <button type="button" className="page-thumb" data-page-id={p.id} data-testid="viewer-thumb" aria-current={i === selected ? 'true' : undefined}
              tabIndex={i === selected ? 0 : -1} onClick={() => go(i)} onKeyDown={onKey}
              aria-label={`${p.documentTitle}, ${t('viewer.page')} ${i + 1}/${pages.length}${pageFlag(p, t) ? `. ${pageFlag(p, t)}` : ''}`} title={pageFlag(p, t)}>
              {thumbs[p.id] ? <img src={thumbs[p.id]} alt="" className={`rot-${p.rotation}`} /> : <span aria-busy="true">…</span>}
              <span className="num">{i + 1}</span>
              {pageFlag(p, t) && <span className="page-flag" aria-hidden="true">!</span>}
            </button>
          </li>
        ))}
      </ul>
      <figure className="viewer-page" data-testid="viewer-page" data-page-id={current?.id} data-rotation={current?.rotation}>
        {shown
          ? <img src={`data:image/jpeg;base64,${shown.jpegBase64}`} className={`rot-${shown.rotation}`} data-testid="viewer-image"
              alt={`${current?.documentTitle ?? ''}, ${t('viewer.page')} ${selected + 1}/${pages.length}`} />
          : <span aria-busy="true">…</span>}
        <figcaption data-testid="viewer-caption">{current?.documentTitle} · {t('viewer.page')} {selected + 1}/{pages.length}</figcaption>
      </figure>
    </div>
  );
}
