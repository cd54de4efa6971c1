import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'wouter';
import { LANGUAGES, type Language } from '../../../shared/model';
import { composePack, type PackFormat, type PackInput, type PackLabel } from '../../../shared/pack/compose';
import { PACK_PAPERS, PACK_PARTS, PACK_PROFILES, type PackDocument, type PackPaper, type PackPart, type PackProfile } from '../../../shared/pack/model';
import { Loading, Page } from '../../components/Page';
import { countryName, formatDateRange, formatDateTime, formatPartialDate, languageName } from '../../i18n/format';
import { translate, type MessageKey } from '../../i18n/translate';
import { useT } from '../../i18n/use-t';
import { desktopApi, fileSafe, saveFile } from '../../platform/platform';
import { useAppStore } from '../../store/store';
import { layOutPack, type PackLayout } from './layout';
import { AgendaItemPicker } from './AgendaItemPicker';
import { createWordExporter, type WordExporter } from './word-export';
import { loadPackInput } from './load';
import { PackPages, type PackAnnexPlan, type PageLabels } from './PackPages';
import { annexCandidates, annexRequest, planPackAnnex } from '../../papers/annex/annex-papers';
import { AnnexPrintPages } from '../../papers/annex/AnnexPrintPages';
import { wordAnnexChapters } from '../../papers/annex/word-annex';
import { PackPapersPicker } from './PackPapersPicker';
import { annexEntryId } from './flow';
import { PackVersionChoice, usePackVersion } from '../clearance/PackVersionChoice';
import './pack.css';
import '../../papers/papers.css';

/** Labels and formatters of one language, for composing a pack in it (which may differ from the interface's). */
export function packFormat(lang: Language): PackFormat {
  return {
    t: (key: PackLabel, vars) => translate(lang, `packs.${key}` satisfies `packs.${PackLabel}` as MessageKey, vars),
    country: (code) => countryName(code, lang),
    date: (value) => formatPartialDate(value, lang),
    dateRange: (start, end) => formatDateRange(start, end, lang),
    dateTime: (iso) => formatDateTime(iso, lang, 'long', 'short'),
    language: (code) => languageName(code, lang),
  };
}

export function pageLabels(doc: PackDocument, lang: Language): PageLabels {
  const t = (key: MessageKey, vars?: Record<string, string | number>) => translate(lang, key, vars);
  const c = doc.cover;
  return {
    pageOf: (page, pages) => t('packs.pageOf', { page, pages }),
    pageLabel: (page) => t('packs.pageLabel', { page }),
    draft: t('packs.draft'),
    coverTitle: c.title,
    profile: c.profile,
    cover: [
      { label: t('packs.cover.dates'), value: c.dates },
      { label: t('packs.cover.venue'), value: c.venue },
      { label: t('packs.cover.delegation'), value: c.delegation },
      { label: t('packs.cover.author'), value: c.author },
      { label: t('packs.cover.marking'), value: c.marking },
      { label: t('packs.cover.profile'), value: c.profile },
      { label: t('packs.cover.version'), value: c.version },
      { label: t('packs.cover.printed'), value: c.printed },
      { label: t('packs.cover.clearance'), value: c.clearance },
    ].filter((row) => row.value !== ''),
  };
}

type LayoutState =
  | { phase: 'working'; progress: number }
  | { phase: 'ready'; layout: PackLayout; shown: number }
  | { phase: 'cancelled' }
  | { phase: 'failed'; message: string };

/** Pages rendered per step once laid out, so a 200-page pack appears without freezing the window. */
const PAGES_PER_STEP = 25;

/** A briefing's pack: settings, a paginated preview that is exactly what prints, print and save as PDF. */
export function PackPage({ id }: { id: string }) {
  const t = useT();
  const [input, setInput] = useState<PackInput | null | undefined>(undefined);
  const [loadError, setLoadError] = useState('');
  useEffect(() => {
    let live = true;
    loadPackInput(id).then(
      (loaded) => live && setInput(loaded ?? null),
      (error: unknown) => live && setLoadError(error instanceof Error ? error.message : String(error)),
    );
    return () => {
      live = false;
    };
  }, [id]);
  if (loadError)
    return (
      <Page title={t('packs.title')}>
        <p role="alert">{t('packs.failed', { message: loadError })}</p>
      </Page>
    );
  if (input === undefined) return <Loading />;
  if (input === null) return <Page title={t('briefings.notFound')}>{null}</Page>;
  return <PackView input={input} />;
}

function PackView({ input: current }: { input: PackInput }) {
  const t = useT();
  // A cleared brief prints its cleared version unless the delegate chooses the current text.
  const printedVersion = usePackVersion(current);
  const input = printedVersion.input;
  const interfaceLanguage = useAppStore((s) => s.language);
  const [profile, setProfile] = useState<PackProfile>('internal');
  const [parts, setParts] = useState<readonly PackPart[]>(PACK_PARTS);
  /** The agenda items picked for the pack; undefined: all of them. */
  const [items, setItems] = useState<readonly string[] | undefined>(undefined);
  const sectionItems = useMemo(
    () => [...input.sections].sort((a, b) => a.order - b.order).map((s) => ({ id: s.agendaItemId, title: input.agendaItems.find((i) => i.id === s.agendaItemId)?.title, fallback: s.agendaTitle })),
    [input],
  );
  /** The meeting's PDF papers the delegate chose to print after the pack, in the meeting's order. */
  const candidates = useLiveQuery(() => annexCandidates(input.meeting.id), [input.meeting.id]);
  const [annexIds, setAnnexIds] = useState<readonly string[]>([]);
  const chosen = (candidates ?? []).filter((c) => annexIds.includes(c.paper.id)).map((c) => ({ id: c.paper.id, title: c.paper.title }));
  // Keyed by what was chosen, not by the query's array: the papers arriving (or a paper edited) must not lay the pack out again.
  const chosenKey = JSON.stringify(chosen);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const annexPapers = useMemo(() => chosen, [chosenKey]);
  const [paper, setPaper] = useState<PackPaper>('a4');
  const [language, setLanguage] = useState<Language>(interfaceLanguage);
  const [printedAt] = useState(() => new Date().toISOString());
  const [run, setRun] = useState(0);
  const [state, setState] = useState<LayoutState>({ phase: 'working', progress: 0 });
  const [message, setMessage] = useState('');
  const host = useRef<HTMLDivElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  // Keyboard and screen-reader users land on the page's heading, as on every other page.
  useEffect(() => heading.current?.focus({ preventScroll: true }), []);
  const controller = useRef<AbortController | null>(null);
  const exporter = useRef<WordExporter | null>(null);
  useEffect(() => {
    exporter.current = createWordExporter();
    return () => exporter.current?.dispose();
  }, []);

  const doc = useMemo(
    () =>
      composePack(
        input,
        { profile, parts, paper, language, printedAt, ...(items ? { items } : {}), ...(annexPapers.length ? { papers: annexPapers } : {}), ...(printedVersion.clearance ? { clearance: printedVersion.clearance } : {}) },
        packFormat(language),
      ),
    [input, profile, parts, paper, language, printedAt, items, annexPapers, printedVersion.clearance],
  );
  const labels = useMemo(() => pageLabels(doc, language), [doc, language]);
  const env = useMemo(
    () => ({ bodies: input.bodies, language, contentsTitle: translate(language, 'packs.contents'), continued: (title: string) => translate(language, 'packs.continued', { title }) }),
    [input.bodies, language],
  );

  useEffect(() => {
    document.title = `${t('packs.titleOf', { title: input.briefing.title })} · ${t('app.name')}`;
  }, [input.briefing.title, t]);

  useEffect(() => {
    const abort = new AbortController();
    controller.current = abort;
    setState({ phase: 'working', progress: 0 });
    setMessage('');
    layOutPack(doc, env, labels, host.current!, abort.signal, (fraction) => setState({ phase: 'working', progress: Math.round(fraction * 90) }))
      .then((layout) => {
        if (!abort.signal.aborted) setState({ phase: 'ready', layout, shown: Math.min(layout.pages.length + 1, PAGES_PER_STEP) });
      })
      .catch((error: unknown) => {
        // A layout replaced by a newer one (settings changed) says nothing; a cancelled one says so.
        if (controller.current !== abort) return;
        if (abort.signal.aborted) setState({ phase: 'cancelled' });
        else setState({ phase: 'failed', message: error instanceof Error ? error.message : String(error) });
      });
    return () => abort.abort();
  }, [doc, env, labels, run]);

  // Pages appear in steps; the pack is ready to print once all are in the document.
  const packPages = state.phase === 'ready' ? state.layout.pages.length + 1 : 0;
  const packComplete = state.phase === 'ready' && state.shown >= packPages;
  useEffect(() => {
    if (state.phase !== 'ready' || state.shown >= packPages) return;
    const timer = setTimeout(() => setState((s) => (s.phase === 'ready' ? { ...s, shown: Math.min(packPages, s.shown + PAGES_PER_STEP) } : s)), 0);
    return () => clearTimeout(timer);
  }, [state, packPages]);

  // The annex's numbers, from the stored page counts, once the pack's own pages are counted.
  const layout = state.phase === 'ready' ? state.layout : undefined;
  const [annex, setAnnex] = useState<{ layout: PackLayout; plan: PackAnnexPlan; ready: boolean }>();
  useEffect(() => {
    if (!layout || annexPapers.length === 0) return;
    let live = true;
    const ids = annexPapers.map((p) => p.id);
    void planPackAnnex(layout.pages.length + 1, ids).then((plan) => {
      if (!live) return;
      const firstPages = new Map(plan.entries.map((entry, i) => [annexEntryId(ids[i]!), entry.firstPage]));
      setAnnex({ layout, plan: { firstPages, totalPages: plan.totalPages }, ready: false });
    });
    return () => {
      live = false;
    };
  }, [layout, annexPapers]);
  const api = desktopApi();
  const annexPlan = annexPapers.length > 0 && annex?.layout === layout ? annex?.plan : undefined;
  const annexWaiting = annexPapers.length > 0 && (!annexPlan || (!api && !annex?.ready));
  const total = annexPlan?.totalPages ?? packPages;
  const complete = packComplete && !annexWaiting;

  const progress = state.phase === 'working' ? state.progress : state.phase === 'ready' ? 90 + Math.round((10 * state.shown) / packPages) : 0;
  const fileName = `${fileSafe(`${input.meeting.code} ${input.briefing.title}`)}-${profile}.pdf`;

  /** The chosen papers for main to merge after the printed pages: the same annex for Save as PDF and Print. */
  const annexForMain = () => {
    const paperIds = annexPapers.map((p) => p.id);
    return paperIds.length ? annexRequest(paperIds, doc.marking, translate(language, 'packs.pageOf', { page: '{page}', pages: '{total}' })) : Promise.resolve(undefined);
  };
  const savePdf = async () => {
    if (!api) return;
    const result = await api.savePackPdf(fileName, t('packs.savePdf'), await annexForMain());
    if (!result.ok) setMessage(t('packs.failed', { message: result.error.message }));
    else setMessage(result.value.saved && result.value.fileName ? t('packs.saved', { fileName: result.value.fileName }) : t('packs.notSaved'));
  };
  /** The brief as a Word document, from the same pack document: a download (in the desktop app too, through its save dialog). */
  const exportWord = async () => {
    setMessage(t('packs.wordWorking'));
    try {
      const lt = (key: MessageKey, vars?: Record<string, string | number>) => translate(language, key, vars);
      // The chosen papers, their versions and annotated extracts, after every part (the PDF merges their pages instead).
      const annex = annexPapers.length ? await wordAnnexChapters(annexPapers.map((p) => p.id), profile, language) : [];
      const bytes = await (exporter.current ??= createWordExporter()).write({ ...doc, chapters: [...doc.chapters, ...annex] }, {
        contents: lt('packs.contents'),
        pageOf: lt('packs.pageOf', { page: '{page}', pages: '{pages}' }),
        draft: lt('packs.draft'),
        cover: labels.cover,
        orgChart: lt('packs.wordOrgChart'),
      });
      const name = fileName.replace(/\.pdf$/, '.docx');
      saveFile(name, bytes, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      setMessage(t('packs.wordSaved', { fileName: name }));
    } catch (error) {
      setMessage(t('packs.failed', { message: error instanceof Error ? error.message : String(error) }));
    }
  };
  const print = async () => {
    if (!api) {
      window.print();
      return;
    }
    const result = await api.printPack(await annexForMain());
    if (!result.ok) setMessage(t('packs.failed', { message: result.error.message }));
  };
  /** Stops the layout, or the rendering of laid-out pages; nothing half-done is left to print. */
  const cancel = () => {
    controller.current?.abort();
    setState({ phase: 'cancelled' });
  };
  const togglePart = (part: PackPart, on: boolean) => setParts((current) => PACK_PARTS.filter((p) => (p === part ? on : current.includes(p))));

  return (
    <div className="pack-view" data-pack-state={complete ? 'ready' : state.phase === 'ready' ? 'rendering' : state.phase} data-pages={complete ? total : undefined} data-paper={paper}>
      <div className="pack-controls">
        <h1 ref={heading} tabIndex={-1}>
          {t('packs.titleOf', { title: input.briefing.title })}
        </h1>
        <p>
          <Link href={`/briefings/${encodeURIComponent(input.briefing.id)}`}>{t('packs.backToBrief')}</Link>
        </p>
        <form className="pack-settings" aria-label={t('packs.settings')} onSubmit={(e) => e.preventDefault()}>
          <PackVersionChoice state={printedVersion} />
          <fieldset>
            <legend>{t('packs.profileLabel')}</legend>
            {PACK_PROFILES.map((p) => (
              <label key={p} className="pack-choice">
                <input type="radio" name="pack-profile" value={p} checked={profile === p} onChange={() => setProfile(p)} />
                <span>
                  {t(`packs.profile.${p}`)}
                  <small>{t(`packs.profileHint.${p}`)}</small>
                </span>
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend>{t('packs.partsLabel')}</legend>
            {PACK_PARTS.map((part) => (
              <label key={part} className="pack-check">
                <input type="checkbox" checked={parts.includes(part)} onChange={(e) => togglePart(part, e.target.checked)} />
                {t(`packs.part.${part}`)}
              </label>
            ))}
          </fieldset>
          <PackPapersPicker candidates={candidates} picked={annexIds} onChange={setAnnexIds} />
          {parts.includes('briefs') && <AgendaItemPicker items={sectionItems} picked={items} onChange={setItems} language={language} />}
          <fieldset>
            <legend>{t('packs.formatLabel')}</legend>
            <label className="field line">
              {t('packs.paperLabel')}
              <select value={paper} onChange={(e) => setPaper(e.target.value as PackPaper)}>
                {PACK_PAPERS.map((p) => (
                  <option key={p} value={p}>
                    {t(`packs.paper.${p}`)}
                  </option>
                ))}
              </select>
            </label>
            <label className="field line">
              {t('packs.languageLabel')}
              <select value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
                {LANGUAGES.map((l) => (
                  <option key={l} value={l}>
                    {languageName(l, l)}
                  </option>
                ))}
              </select>
            </label>
          </fieldset>
        </form>
        <div className="pack-actions">
          {api && (
            <button type="button" onClick={() => void savePdf()} disabled={!complete}>
              {t('packs.savePdf')}
            </button>
          )}
          <button type="button" onClick={() => void print()} disabled={!complete}>
            {api ? t('packs.print') : t('packs.printWeb')}
          </button>
          <button type="button" onClick={() => void exportWord()}>
            {t('packs.exportWord')}
          </button>
          {(state.phase === 'working' || (state.phase === 'ready' && !complete)) && (
            <button type="button" onClick={cancel}>
              {t('packs.cancel')}
            </button>
          )}
          {state.phase === 'cancelled' && (
            <button type="button" onClick={() => setRun((n) => n + 1)}>
              {t('packs.layOut')}
            </button>
          )}
        </div>
        {(state.phase === 'working' || (state.phase === 'ready' && !complete)) && (
          <div className="pack-progress">
            <progress max={100} value={progress} aria-label={t('packs.progress')} aria-valuenow={progress} aria-valuemin={0} aria-valuemax={100} />
          </div>
        )}
        <p role="status" className="pack-status">
          {state.phase === 'working' || (state.phase === 'ready' && !complete)
            ? t('packs.progressStatus', { percent: progress })
            : state.phase === 'ready'
              ? t('packs.ready', { pages: total })
              : state.phase === 'cancelled'
                ? t('packs.cancelled')
                : t('packs.failed', { message: state.message })}
          {message && ` ${message}`}
        </p>
      </div>
      <div ref={host} className="pack-measure-host" />
      {state.phase === 'ready' && (
        <section className="pack-pages" aria-label={t('packs.preview')} lang={doc.language}>
          <PackPages doc={doc} layout={state.layout} env={env} labels={labels} shown={state.shown} {...(annexPlan ? { annex: annexPlan } : {})} />
          {/* In the browser the papers' pages print with the pack's; the desktop app merges the papers' own pages when saving and printing. */}
          {!api && packComplete && annexPlan && (
            <AnnexPrintPages
              meetingId={input.meeting.id}
              paperIds={annexPapers.map((p) => p.id)}
              firstPage={packPages + 1}
              totalPages={annexPlan.totalPages}
              marking={doc.marking}
              pageLabel={labels.pageOf}
              sheet={paper === 'a4' ? 'A4' : 'Letter'}
              onReady={() => setAnnex((a) => (a && a.plan === annexPlan ? { ...a, ready: true } : a))}
            />
          )}
        </section>
      )}
    </div>
  );
}
