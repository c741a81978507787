/**
 * The API shapes the console uses, named once. They follow the console contract of backend-api;
 * see README "API types" for how they relate to the generated OpenAPI types.
 */
export type Role = 'owner' | 'admin' | 'staff';

export interface LoginResponse {
  access_token: string;
  token_type: string;
  expires_in: number;
  role: Role;
  project_id: string;
  superadmin: boolean;
}

export interface ProjectSummary {
  project_id: string;
  name: string;
  locale: string;
  time_zone: string;
}

export interface Me {
  email: string;
  role: Role;
  project_id: string | null;
  superadmin: boolean;
  projects: ProjectSummary[];
}

export type ConversationState = 'bot' | 'staff' | 'needs_human';
export type MessageRole = 'user' | 'assistant' | 'staff' | 'system';

export interface ConversationItem {
  conversation_id: string;
  channel: string;
  customer_id_masked: string | null;
  customer_name: string | null;
  last_message_text: string | null;
  last_message_role: MessageRole | null;
  last_message_at: string | null;
  state: ConversationState;
  unread_count: number;
  paused: boolean;
  needs_human_since?: string | null;
}

export interface ConversationPage {
  items: ConversationItem[];
  total: number;
}

export interface Message {
  id: number;
  role: MessageRole;
  text: string;
  created_at: string;
  kind?: 'text' | 'booking' | string | null;
  booking_ids?: string[] | null;
}

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
}

export interface SimulatorStatus {
  enabled: boolean;
  provider?: string | null;
  reason?: string | null;
}

export interface SimulatorEntry {
  id?: number;
  reply_id?: string | null;
  direction: 'in' | 'out';
  kind: 'text' | 'buttons' | 'list' | 'interactive' | 'media' | string;
  text: string | null;
  buttons?: { id: string; title: string }[] | null;
  list_title?: string | null;
  list_items?: { id: string; title: string; description?: string | null }[] | null;
  at: string;
}

export interface ProjectSettings {
  id: string;
  name: string;
  time_zone: string;
  locale: string;
  settings: Record<string, unknown>;
}

export interface ApiKey {
  id: string;
  name: string;
  prefix?: string;
  created_at?: string;
  revoked_at?: string | null;
}

export interface LiveEvent {
  type: 'message' | 'handoff' | 'booking' | 'needs_human' | 'read' | string;
  conversation_id?: string;
  role?: MessageRole;
  text?: string;
  paused?: boolean;
  booking_ids?: string[];
  timestamp?: string;
}
