// German names for the planner's rules and reasons; their detailed messages stay as the planner
// writes them (English, with the numbers).
const RULES = {
  'Visit inside an opening window': 'Besuch in einer Öffnungszeit',
  'Back at base by shift end': 'Zurück zur Basis bis Schichtende',
  'Lunch break held': 'Mittagspause eingehalten',
  'Team has the skills': 'Team hat die nötige Ausstattung',
  'Appointments within team-day capacity': 'Termine im Tagesrahmen des Teams',
  'Visit on a date its demand allows': 'Besuch an einem erlaubten Tag',
  'Pinned visit stays on its team-day': 'Angehefteter Besuch bleibt am Team-Tag',
  'Pinned start time held': 'Angeheftete Anfangszeit eingehalten',
  'Road connection between stops': 'Straßenverbindung zwischen den Stopps',
};

const REASONS = {
  UNREACHABLE: 'Keine Straßenverbindung',
  TOO_FAR: 'Zu weit für eine Schicht',
  NO_TEAM_ON_ALLOWED_DATES: 'Kein Team an den erlaubten Tagen',
  NO_WINDOW_FITS: 'Keine passende Öffnungszeit',
  NO_SKILLED_TEAM: 'Kein Team mit der nötigen Ausstattung',
  CAPACITY: 'Tagesrahmen der Teams voll',
  DISPLACED_BY_HIGHER_PRIORITY: 'Wichtigere Besuche gehen vor',
  SOLVER_LEFT_ROOM: 'Noch Platz: längere Planung kann helfen',
  NO_TIME_LEFT: 'Keine Zeit mehr frei',
};

export const ruleName = (constraint) => RULES[constraint] || constraint;
export const reasonName = (code) => REASONS[code] || 'Nicht eingeplant';
