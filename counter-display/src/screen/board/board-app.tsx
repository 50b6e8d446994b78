/**
 * The hall board (a 1080p or 4K TV across the hall). Layout rule, in viewport units so 4K is 1080p doubled:
 * - every current number on a counter tile is set at 10.4vh (over 1/10 of the screen height); the tiles
 *   that fit (3 × 4 on a 16:9 screen) form a page, and more open counters page every `board.pageS` seconds;
 *   a new call jumps to the page of its counter; a number too wide for its tile (a kiosk's offline series
 *   with a prefix, 7 characters) is shrunk to fit rather than cut;
 * - the newest call is always on screen, in the "Xin mời số" panel at 14vh, highlighted for
 *   `board.highlightS` seconds with its tile; the calls before it (`board.lastCalls`) and the waiting per
 *   area (paged too) beside it;
 * - the date and time from the runtime's hub-following clock, ticking here; a scrolling notice (static and
 *   wrapped under prefers-reduced-motion); small indicators when the hub is down or the voice is degraded.
 * Vietnamese only, with the English of each heading under it: nobody can switch languages on a TV.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { ConnectionBanner, useConnection, useView } from '@motcua/shared/ui';
import { narrowClient, type AnyScreenClient } from '../client.js';
import type { BoardScreenCommands, BoardScreenView, BoardVoiceView } from './api.js';
import { useBoardClock, useFitAll, useFitFlush, useReducedMotion, useResizeTick } from './board-hooks.js';
import { CounterGrid, LastCalls, NowCalling, Waiting, en, vi } from './board-lists.js';
import { VoicePlayer } from './voice-player.js';
import type { ScreenClient } from '@motcua/shared/ui/api/client';
import './board.css';

export type BoardClient = ScreenClient<BoardScreenView, BoardScreenCommands>;

/**
 * The clock's two formatters for a time zone, made once: building an Intl.DateTimeFormat costs about a
 * millisecond, and the clock renders every second and with every view.
 */
const clockFormats = new Map<string, { time: Intl.DateTimeFormat; date: Intl.DateTimeFormat }>();
function clockFormat(timeZone: string): { time: Intl.DateTimeFormat; date: Intl.DateTimeFormat } {
  let f = clockFormats.get(timeZone);
  if (f === undefined) {
    f = {
      time: new Intl.DateTimeFormat('vi-VN', {
        timeZone,
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
        hourCycle: 'h23',
      }),
      date: new Intl.DateTimeFormat('vi-VN', {
        timeZone,
        weekday: 'long',
        day: '2-digit',
        month: '2-digit',
        year: 'numeric',
      }),
    };
    clockFormats.set(timeZone, f);
  }
  return f;
}

function Clock(props: { now: () => number; timeZone: string }) {
  const [t, setT] = useState(props.now());
  useEffect(() => {
    const i = setInterval(() => setT(props.now()), 1_000);
    return () => clearInterval(i);
  }, [props.now]);
  const d = new Date(t);
  const fmt = clockFormat(props.timeZone);
  const time = fmt.time.format(d);
  const date = fmt.date.format(d);
  return (
    <div class="b-clock">
      <p class="b-clock__time" data-testid="clock-time">
        {time}
      </p>
      <p class="b-clock__date">{date}</p>
    </div>
  );
}

function voiceNote(v: BoardVoiceView): string | null {
  const h = v.health;
  if (v.mode === 'loading') return vi('voiceLoading');
  if (h.noPack === 'none') return vi('voiceChimeOnly');
  if (h.noPack === 'unreadable') return vi('voicePackUnreadable');
  if (h.status === 'ok') return null;
  return vi('voiceDegraded', {
    fallback: h.fallbackPhrases,
    superseded: h.supersededCalls,
    errors: h.outputErrors + h.failedAnnouncements,
  });
}

function Ticker(props: { notice: string; noticeEn: string | null }) {
  const reduced = useReducedMotion();
  const box = useRef<HTMLElement>(null);
  useFitAll(box, `${String(reduced)}|${props.notice}|${props.noticeEn ?? ''}`);
  if (props.notice === '' && props.noticeEn === null) return <footer class="b-ticker b-ticker--empty" />;
  const parts = (
    <>
      {props.notice}
      {props.noticeEn === null ? null : (
        <>
          {'  ·  '}
          <span lang="en">{props.noticeEn}</span>
        </>
      )}
    </>
  );
  return (
    <footer class="b-ticker" aria-label={vi('notice')} ref={box}>
      {reduced ? (
        <p class="b-ticker__static" data-fit="0.6" data-testid="notice">
          {parts}
        </p>
      ) : (
        // The track is longer than the screen on purpose and moves; it is the one text allowed to run past
        // its box (the layout test exempts it).
        <p class="b-ticker__track" data-testid="notice">
          {parts}
        </p>
      )}
    </footer>
  );
}

function Board(props: { client: BoardClient; view: BoardScreenView }) {
  const { view } = props;
  const conn = useConnection(props.client);
  const now = useBoardClock(view.now);
  const resizeTick = useResizeTick();
  const newest = view.lastCalls[0] ?? null;
  const [lit, setLit] = useState(false);
  const newestKey = newest === null ? null : `${newest.ticketId}@${String(newest.at)}`;
  useEffect(() => {
    if (newest === null) return;
    const left = newest.at + view.board.highlightS * 1000 - now();
    setLit(left > 0);
    if (left <= 0) return;
    const t = setTimeout(() => setLit(false), left);
    return () => clearTimeout(t);
  }, [newestKey, view.board.highlightS]);

  const areaNames = new Map(view.areas.map((a) => [a.id, a.name]));
  const open = view.counters.filter((c) => c.status !== 'closed');
  const served = new Set(open.flatMap((c) => c.areas));
  const areas = view.areas.filter((a) => served.has(a.id) || a.waiting > 0);
  const note = voiceNote(view.voice);
  const head = useRef<HTMLElement>(null);
  useFitAll(head, `${String(resizeTick)}|${String(view.hubOnline)}|${note ?? ''}`);
  useFitFlush();
  return (
    <main class="b-board" data-role="board" lang="vi">
      <header class="b-head" ref={head}>
        <div class="b-head__title">
          <h1 class="b-title">{view.centre.name}</h1>
          <p class="b-subtitle">
            {vi('title')}{' '}
            <span lang="en" class="b-h__en">
              {view.centre.nameEn ?? en('title')}
            </span>
          </p>
        </div>
        <div class="b-status">
          <ConnectionBanner link={conn.link} />
          {view.hubOnline ? null : (
            <p class="b-flag" data-testid="hub-offline" data-fit="0.7">
              {vi('hubOffline')}
            </p>
          )}
          {note === null ? null : (
            <p class="b-flag b-flag--voice" data-testid="voice-health" data-fit="0.7">
              {note}
            </p>
          )}
        </div>
        <Clock now={now} timeZone={view.timeZone} />
      </header>
      <CounterGrid
        counters={open}
        areaName={(id) => areaNames.get(id) ?? id}
        highlighted={lit && newest !== null ? { counterNumber: newest.counterNumber, key: newestKey! } : null}
        pageS={view.board.pageS}
        resizeTick={resizeTick}
      />
      <aside class="b-side">
        <NowCalling call={newest} lit={lit} />
        <LastCalls calls={view.lastCalls.slice(1)} />
        <Waiting areas={areas} pageS={view.board.pageS} resizeTick={resizeTick} />
      </aside>
      <Ticker notice={view.board.notice} noticeEn={view.board.noticeEn} />
      <VoicePlayer client={props.client} clipId={view.voice.clip?.id ?? null} />
    </main>
  );
}

export function BoardApp(props: { client: AnyScreenClient }) {
  const client = narrowClient<BoardScreenView, BoardScreenCommands>(props.client);
  const view = useView(client);
  if (view === undefined) return <main class="b-board" data-role="board" aria-busy="true" />;
  return <Board client={client} view={view} />;
}
