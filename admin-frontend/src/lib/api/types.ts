/**
 * The API shapes the console uses, named once. They follow the console contract of backend-api;
 * see README "API types" for how they relate to the generated OpenAPI types.
 */
import type { components } from './schema';

type Schemas = components['schemas'];

// generated from backend-api's OpenAPI document (openapi/backend-api.json) at build time
export type LoginResponse = Schemas['LoginResponse'];
export type Me = Schemas['Me'];
export type Role = Me['role'];
export type ProjectSummary = Schemas['ProjectSummary'];
export type ConversationItem = Schemas['ConversationSummary'];
export type ConversationState = ConversationItem['state'];
export type ConversationPage = Schemas['ConversationPage'];
export type Message = Schemas['MessageView'];
export type MessageRole = Message['role'];
export type ProjectSettings = Schemas['SettingsView'];
export type ApiKey = Schemas['ApiKeyView'];
export type SettingsVersion = Schemas['SettingsVersion'];
export type SimulatorStatus = Schemas['SimulatorStatus'];
export type SimulatorEntry = Schemas['PhoneMessage'];
export type Booking = Schemas['BookingView'];
export type BookingStatus = Booking['status'];
export type BookingPage = Schemas['BookingPage'];
export type BookingChange = Schemas['BookingChange'];
export type NewBookingRequest = Schemas['NewBookingRequest'];
export type Schedule = Schemas['Schedule'];
export type ScheduleProfessional = Schemas['ScheduleProfessional'];
export type ScheduleService = Schemas['ScheduleService'];
export type Slot = Schemas['SlotView'];
export type SlotList = Schemas['SlotList'];
export type CustomerMatch = Schemas['CustomerMatch'];
export type HistoryEntry = Schemas['HistoryEntry'];
export type WorkingRange = Schemas['Range'];
export type TimeOff = Schemas['TimeOffView'];
export type DateOverride = Schemas['DateOverrideView'];
export type Professional = Schemas['ProfessionalView'];
export type ProfessionalRequest = Schemas['ProfessionalRequest'];
export type Service = Schemas['ServiceView'];
export type ServiceRequest = Schemas['ServiceRequest'];
export type Hours = Schemas['HoursView'];
export type GoogleCalendarStatus = Schemas['GoogleCalendarStatusView'];
export type GoogleCalendarConnection = Schemas['GoogleCalendarConnectionView'];
export type GoogleCalendarConnect = Schemas['GoogleCalendarConnectView'];
export type GoogleCalendarDisconnect = Schemas['GoogleCalendarDisconnectView'];
export type CustomerSummary = Schemas['CustomerSummary'];
export type CustomerPage = Schemas['CustomerPage'];
export type CustomerProfile = Schemas['CustomerProfile'];
export type CustomerConversation = Schemas['CustomerConversation'];
export type MemoryItem = Schemas['MemoryItem'];
export type AuditEntry = Schemas['AuditEntry'];
export type Erasure = Schemas['Erasure'];

// not yet in the OpenAPI document: written from the console contract (docs: admin-frontend/README.md)
export interface AgendaItem {
  booking_id: string;
  short_code?: string | null;
  local_start?: string | null;
  start: string;
  end: string;
  professional_name: string;
  service_name: string;
  customer_name: string | null;
  status: string;
}

export interface DashboardStats {
  time_zone: string;
  date?: string;
  bookings_available?: boolean;
  bookings_made_today?: number;
  today_agenda: AgendaItem[];
  bookings_today: number;
  bookings_week: number;
  messages_per_hour: { hour: string; inbound: number; outbound: number }[];
  bookings_per_day: { date: string; count: number }[];
  replies_by_bot: number;
  replies_by_staff: number;
  no_shows: number;
  conversations: number;
  conversations_with_booking: number;
  reminders?: ReminderStats;
  links?: LinkConversions;
}

// which activation links led to bookings (issue 19)
export type LinkConversions = Schemas['LinkConversions'];

// reminders sent in the last days and the patients' answers (issue 16)
export type ReminderStats = Schemas['ReminderStats'];

export interface LiveEvent {
  type: 'message' | 'handoff' | 'booking' | 'needs_human' | 'read' | string;
  conversation_id?: string;
  role?: MessageRole | null;
  text?: string;
  paused?: boolean;
  booking_ids?: string[];
  timestamp?: string;
}

// console users and projects (issue 15)
export type ConsoleUser = Schemas['UserView'];
export type ConsoleUserList = Schemas['UserList'];
export type Invitation = Schemas['Invitation'];
export type InviteInfo = Schemas['InviteInfo'];
export type ProjectRow = Schemas['ProjectRow'];
export type CreatedProject = Schemas['CreatedProject'];

// the WhatsApp page (issue 15)
export type WhatsAppConnection = Schemas['Connection'];
export type WhatsAppAllowedNumbers = Schemas['AllowedNumbers'];
export type WhatsAppFailedMessage = Schemas['FailedMessage'];
export type WhatsAppRecentMessage = Schemas['RecentMessage'];

// the Flows page's "try it" sandbox (issue 15)
export type FlowSettings = Schemas['Flow'];
export type TryRequest = Schemas['TryRequest'];
export type TryReply = Schemas['TryReply'];
export type TryMessage = Schemas['TryMessage'];
