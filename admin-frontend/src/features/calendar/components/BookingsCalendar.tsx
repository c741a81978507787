import { memo, useCallback, useMemo, useRef } from 'react';
import { Calendar, type EventProps, type SlotInfo, type View } from 'react-big-calendar';
import * as dragAndDrop from 'react-big-calendar/lib/addons/dragAndDrop';
import type { EventInteractionArgs } from 'react-big-calendar/lib/addons/dragAndDrop';
import 'dayjs/locale/es';
import 'react-big-calendar/lib/css/react-big-calendar.css';
import 'react-big-calendar/lib/addons/dragAndDrop/styles.css';
import { useTranslation } from 'react-i18next';
import type { ScheduleProfessional } from '@/lib/api/types';
import { toFloating } from '@/lib/format/zone';
import { availability, movable, visibleHours, type CalendarEvent } from './calendarModel';
import { fastLocalizer, hhmm } from './calendarLocalizer';
import classes from './Calendar.module.css';

const localizer = fastLocalizer();
/** An event's content: the same booking renders once, whatever else the calendar re-renders. */
const EventContent = memo(function EventContent({ title, event }: EventProps<CalendarEvent>) {
  const attendance = event.booking.attendance;
  // the patient's answer to a reminder: a mark before the name (the event's title says it in words)
  return (
    <span>
      {attendance === 'CONFIRMED' && <span aria-hidden>✓ </span>}
      {attendance === 'CANCELLED' && <span aria-hidden>✗ </span>}
      {title}
    </span>
  );
});
// the library's own day header is a columnheader role inside a button, outside any table (an ARIA error)
const components = { header: ({ label }: { label: string }) => <span>{label}</span>, event: EventContent };
const VIEWS: View[] = ['week', 'day'];
const FORMATS = { timeGutterFormat: 'HH:mm', eventTimeRangeFormat: ({ start }: { start: Date }) => hhmm(start) };
const resourceId = (p: ScheduleProfessional) => p.id;
const resourceTitle = (p: ScheduleProfessional) => p.name;
const draggable = (event: CalendarEvent) => movable(event.booking);
// the drag-and-drop addon ships only as CommonJS: the production bundle hands over the module
// object (its default nested once more), the dev server and tests the function itself
type WithDnD = typeof dragAndDrop.default;
const unwrap = (m: unknown): WithDnD =>
  typeof m === 'function' ? (m as WithDnD) : unwrap((m as { default: unknown }).default);
const withDragAndDrop = unwrap(dragAndDrop);
const DnDCalendar = withDragAndDrop<CalendarEvent, ScheduleProfessional>(Calendar);

export interface BookingsCalendarProps {
  timeZone: string;
  view: Extract<View, 'week' | 'day'>;
  date: Date;
  events: CalendarEvent[];
  professionals: ScheduleProfessional[];
  onView(view: 'week' | 'day'): void;
  onNavigate(date: Date): void;
  onSelectSlot(start: Date, professionalId: string | null): void;
  onSelectEvent(event: CalendarEvent): void;
  onMove(event: CalendarEvent, start: Date, professionalId: string | null): void;
}

/**
 * Week view, and a day view with one column per professional (react-big-calendar, MIT: its resource
 * views are free). Floating dates: every time shown is the clinic's wall time, whatever the browser's zone.
 * Hours outside everyone's (or the column's) working hours are hatched grey, time off hatched orange.
 * Every prop handed to the calendar keeps its identity between renders (module constants, memoised
 * getters, handlers read through a ref), and the component is memoised: a parent's re-render (a drawer
 * or modal opening) does not lay the week out again.
 */
export const BookingsCalendar = memo(function BookingsCalendar(props: BookingsCalendarProps) {
  const { t, i18n } = useTranslation();
  const { timeZone, professionals } = props;
  const hours = useMemo(() => visibleHours(professionals), [professionals]);
  const min = useMemo(() => new Date(1970, 0, 1, hours.min, 0), [hours.min]);
  const max = useMemo(() => new Date(1970, 0, 1, Math.min(hours.max, 23), hours.max >= 24 ? 59 : 0), [hours.max]);
  const byId = useMemo(() => new Map(professionals.map((p) => [p.id, p])), [professionals]);

  // the latest handlers, read at call time: the calendar gets the same functions on every render
  const latest = useRef(props);
  latest.current = props;
  const handlers = useMemo(
    () => ({
      onView: (view: View) => latest.current.onView(view === 'day' ? 'day' : 'week'),
      onNavigate: (date: Date) => latest.current.onNavigate(date),
      onSelectSlot: (slot: SlotInfo) =>
        latest.current.onSelectSlot(slot.start, slot.resourceId === undefined ? null : String(slot.resourceId)),
      onSelectEvent: (event: CalendarEvent) => latest.current.onSelectEvent(event),
      onEventDrop: ({ event, start, resourceId }: EventInteractionArgs<CalendarEvent>) =>
        latest.current.onMove(event, new Date(start), resourceId === undefined ? null : String(resourceId)),
    }),
    [],
  );
  const getNow = useCallback(() => toFloating(new Date(), timeZone), [timeZone]);

  const slotPropGetter = useCallback(
    (date: Date, resourceId?: number | string) => {
      // the week view has no resources: the library passes null (or nothing) and every professional counts
      const columns = resourceId != null ? [byId.get(String(resourceId))].filter(Boolean) : professionals;
      if (!columns.length) return {};
      const states = columns.map((p) => availability(p!, date, timeZone));
      if (states.includes('open')) return {};
      return { className: states.includes('off') ? classes.off : classes.closed };
    },
    [byId, professionals, timeZone],
  );

  // one props object per booking and language, reused across layouts
  const eventProps = useMemo(() => new WeakMap<CalendarEvent, { className?: string; title: string }>(), [t]);
  const eventPropGetter = useCallback(
    (event: CalendarEvent) => {
      let props = eventProps.get(event);
      if (!props) {
        const attendance = event.booking.attendance;
        props = {
          className: [classes[event.booking.status], attendance && classes[`attendance${attendance}`]]
            .filter(Boolean)
            .join(' '),
          title: [event.title, t(`calendar.status.${event.booking.status}`), attendance && t(`calendar.attendance.${attendance}`)]
            .filter(Boolean)
            .join(' — '),
        };
        eventProps.set(event, props);
      }
      return props;
    },
    [eventProps, t],
  );
  // the time grid takes only the class from the props above: the words go in the event's tooltip
  const tooltipAccessor = useCallback((event: CalendarEvent) => eventPropGetter(event).title, [eventPropGetter]);

  const messages = useMemo(
    () => ({
      week: t('calendar.week'),
      day: t('calendar.day'),
      today: t('calendar.today'),
      previous: t('calendar.previous'),
      next: t('calendar.next'),
      noEventsInRange: t('calendar.empty'),
      showMore: (count: number) => t('calendar.more', { count }),
    }),
    [t],
  );

  const dayView = props.view === 'day';
  return (
    <div className={classes.calendar}>
      <DnDCalendar
        localizer={localizer}
        components={components}
        culture={i18n.language === 'en' ? 'en' : 'es'}
        messages={messages}
        events={props.events}
        view={props.view}
        views={VIEWS}
        date={props.date}
        onView={handlers.onView}
        onNavigate={handlers.onNavigate}
        getNow={getNow}
        resources={dayView ? professionals : undefined}
        resourceIdAccessor={resourceId}
        resourceTitleAccessor={resourceTitle}
        step={15}
        timeslots={4}
        min={min}
        max={max}
        selectable
        resizable={false}
        popup
        formats={FORMATS}
        slotPropGetter={slotPropGetter}
        eventPropGetter={eventPropGetter}
        tooltipAccessor={tooltipAccessor}
        draggableAccessor={draggable}
        onSelectSlot={handlers.onSelectSlot}
        onSelectEvent={handlers.onSelectEvent}
        onEventDrop={handlers.onEventDrop}
      />
    </div>
  );
});
