/**
 * The shared vocabulary of ceac-watch. Every layer speaks in these types: a source produces an
 * Observation, decoding turns it into an Interpretation.
 */

/** Canonical case states. `unknown` is a decoded answer too ("we could not tell"), never an error. */
export const STATES = [
  'no_status',
  'application_received',
  'administrative_processing',
  'refused',
  'approved',
  'issued',
  'ready',
  'at_nvc',
  'in_transit',
  'transfer_in_progress',
  'unknown',
] as const;
export type State = (typeof STATES)[number];

export type ApplicationType = 'NIV' | 'IV';

/** What one look at a CEAC status shows, whatever the source (paste, saved page, live check). */
export interface Observation {
  /**
   * The status word as shown (e.g. "Refused"), or null when it was not present. A paste without the
   * word gets the word that goes with its recognised text (parsePaste).
   */
  status: string | null;
  caseNumber: string | null;
  /** ISO date YYYY-MM-DD. */
  caseCreated: string | null;
  /** ISO date YYYY-MM-DD. */
  caseLastUpdated: string | null;
  /** The post named in "For more information, please visit …", e.g. "U.S. Consulate General Vancouver". */
  post: string | null;
  /** The description paragraph, whitespace-normalised, without the trailing post sentence. */
  message: string | null;
}

export type Finality = 'in_progress' | 'final_positive' | 'final_negative' | 'uncertain';

/**
 * The context a person can give, each as the one list every shell (CLI choices, web forms, API
 * schemas) and the store validate against.
 */
export const ROUTES = ['dropbox', 'interview'] as const;
export const SLIP_COLORS = ['white', 'pink', 'yellow', 'blue', 'green', 'other'] as const;
export const OFFICER_SAID = ['approved', 'refused', '221g', 'none'] as const;
export const PASSPORT_STATES = ['kept', 'returned'] as const;
/** A first visa or a renewal (what statistics group by). */
export const ENTRIES = ['new', 'renewal'] as const;

export type Route = (typeof ROUTES)[number];
export type SlipColor = (typeof SLIP_COLORS)[number];
export type OfficerSaid = (typeof OFFICER_SAID)[number];
export type PassportState = (typeof PASSPORT_STATES)[number];
export type Entry = (typeof ENTRIES)[number];

/** What the applicant knows beyond the page; each field sharpens the interpretation. */
export interface DecodeContext {
  route?: Route;
  slip?: SlipColor;
  officer?: OfficerSaid;
  passport?: PassportState;
  /** ISO date the current status began. */
  since?: string;
  /** The previous status (state id or status word), e.g. "approved". */
  previous?: string;
  /** "Today", for computing how long the case has been in its status; defaults to the real date. */
  today?: string;
  applicationType?: ApplicationType;
}

export interface Interpretation {
  state: State;
  /** Refined state: for refused exactly one of refused_221g | refused_letter | refused_letter_legacy | refused. */
  variant: string;
  finality: Finality;
  /** 0..1, how sure we are of `finality`. */
  confidence: number;
  headline: string;
  meaning: string;
  nextSteps: string[];
  watchFor: string[];
  sources: string[];
  /** What could not be recognised, when state is unknown or the text matched nothing we know. */
  notes: string[];
}

export interface ExplainResult {
  observation: Observation;
  interpretation: Interpretation;
}
