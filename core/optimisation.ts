/**
 * Optimalisasi (domain rules §5): places left unfilled after ranking are offered to candidates who
 * met the SKD pass mark but won no place, for the same position AND the same education, best rank
 * first, from another placement unit of the same agency if needed; an empty special formation
 * (disability, cumlaude, …) may take general candidates; a candidate may decline.
 *
 * A pure step function: given the offers made so far and their outcome, nextOffers says which
 * offers to make now (one per place not yet covered by a pending or accepted offer). The server
 * calls it again after every accept, decline or expiry.
 *
 * Decisions this module takes (editable only in code, documented here):
 * - Preference tiers for a formation: (1) same kind, same unit; (2) same kind, another unit;
 *   (3) general candidates, same unit; (4) general candidates, another unit — tiers 3–4 only for
 *   special formations and only when the preset allows. Within a tier, best rank first.
 * - Tiers are filled across all formations before the next tier is tried, so a candidate is
 *   never taken by another unit while the formation of their own unit still has a place for them.
 * - When one candidate suits several open formations in the same tier, the formation with the
 *   lowest id gets them (a stable, input-order-free choice).
 * - A candidate with any offer on record (pending, accepted, declined or expired) is not offered
 *   again: declining an offer ends the candidate's part in this optimisation round.
 */
import { createRankingComparator, type RankingKey, type RankingPreset } from './ranking.js';
import { byText } from './text-order.js';

export interface OptimisationPreset {
  /** The kind code of general (non-special) formations. */
  readonly generalKind: string;
  /** May a special formation left empty take general candidates? */
  readonly specialMayTakeGeneral: boolean;
}

// Domain rules §5: empty special formations may take general candidates.
export const OPTIMISATION_PRESET: OptimisationPreset = { generalKind: 'umum', specialMayTakeGeneral: true };

export interface OptimisationFormation {
  readonly id: string;
  readonly agencyId: string;
  readonly unitId: string;
  readonly positionId: string;
  readonly educationId: string;
  readonly kind: string;
  /** Places left unfilled after ranking, before any optimisation offer. */
  readonly unfilled: number;
}

/** A candidate who met the SKD pass mark but won no place, with the key ranking uses. */
export interface OptimisationCandidate extends RankingKey {
  /** The formation the candidate applied for. */
  readonly formasiId: string;
  readonly agencyId: string;
  readonly unitId: string;
  readonly positionId: string;
  readonly educationId: string;
  readonly kind: string;
}

export type OfferStatus = 'pending' | 'accepted' | 'declined' | 'expired';

export interface OfferDecision {
  readonly registrationNumber: string;
  readonly formasiId: string;
  readonly status: OfferStatus;
}

export type OfferBasis = 'same_unit' | 'other_unit' | 'general_same_unit' | 'general_other_unit';

export const OFFER_BASIS_LABELS: Readonly<Record<OfferBasis, string>> = {
  same_unit: 'jabatan dan pendidikan sama, unit penempatan sama',
  other_unit: 'jabatan dan pendidikan sama, unit penempatan lain',
  general_same_unit: 'formasi khusus kosong diisi peserta formasi umum, unit penempatan sama',
  general_other_unit: 'formasi khusus kosong diisi peserta formasi umum, unit penempatan lain',
};

const TIERS: readonly OfferBasis[] = ['same_unit', 'other_unit', 'general_same_unit', 'general_other_unit'];

export interface Offer {
  readonly registrationNumber: string;
  readonly formasiId: string;
  readonly basis: OfferBasis;
}

export interface FormationPlaces {
  readonly formasiId: string;
  readonly unfilled: number;
  readonly accepted: number;
  readonly pending: number;
  readonly offeredNow: number;
  /** Places with no offer out and nobody left to offer them to. */
  readonly uncovered: number;
}

export interface NextOffersOptions {
  readonly formations: readonly OptimisationFormation[];
  readonly candidates: readonly OptimisationCandidate[];
  readonly decisions: readonly OfferDecision[];
  readonly preset: OptimisationPreset;
  readonly rankingPreset: RankingPreset;
}

export interface NextOffersResult {
  /** Best-ranked candidate first. */
  readonly offers: readonly Offer[];
  /** Per formation with unfilled places, by id. */
  readonly places: readonly FormationPlaces[];
}

function basisFor(formation: OptimisationFormation, candidate: OptimisationCandidate, preset: OptimisationPreset): OfferBasis | null {
  if (formation.agencyId !== candidate.agencyId || formation.positionId !== candidate.positionId || formation.educationId !== candidate.educationId) return null;
  const sameUnit = formation.unitId === candidate.unitId;
  if (formation.kind === candidate.kind) return sameUnit ? 'same_unit' : 'other_unit';
  if (preset.specialMayTakeGeneral && formation.kind !== preset.generalKind && candidate.kind === preset.generalKind) {
    return sameUnit ? 'general_same_unit' : 'general_other_unit';
  }
  return null;
}

function countDecisions(formations: readonly OptimisationFormation[], decisions: readonly OfferDecision[]): Map<string, { accepted: number; pending: number }> {
  const counts = new Map(formations.map((f) => [f.id, { accepted: 0, pending: 0 }]));
  for (const decision of decisions) {
    const count = counts.get(decision.formasiId);
    if (!count) throw new Error(`keputusan ${decision.registrationNumber}: formasi ${decision.formasiId} tidak dikenal`);
    if (decision.status === 'accepted') count.accepted += 1;
    if (decision.status === 'pending') count.pending += 1;
  }
  for (const formation of formations) {
    const count = counts.get(formation.id)!;
    if (count.accepted + count.pending > formation.unfilled) throw new Error(`formasi ${formation.id}: tawaran diterima dan menunggu (${count.accepted + count.pending}) melebihi kekosongan (${formation.unfilled})`);
  }
  return counts;
}

function checkInput(formations: readonly OptimisationFormation[], candidates: readonly OptimisationCandidate[]): void {
  const ids = new Set<string>();
  for (const formation of formations) {
    if (ids.has(formation.id)) throw new Error(`formasi ${formation.id} ganda`);
    if (!Number.isInteger(formation.unfilled) || formation.unfilled < 0) throw new RangeError(`formasi ${formation.id}: kekosongan tidak sah (${formation.unfilled})`);
    ids.add(formation.id);
  }
  const numbers = new Set<string>();
  for (const candidate of candidates) {
    if (numbers.has(candidate.registrationNumber)) throw new Error(`peserta ${candidate.registrationNumber} ganda`);
    numbers.add(candidate.registrationNumber);
  }
}

export function nextOffers({ formations: given, candidates, decisions, preset, rankingPreset }: NextOffersOptions): NextOffersResult {
  checkInput(given, candidates);
  const formations = [...given].sort((a, b) => byText(a.id, b.id));
  const counts = countDecisions(formations, decisions);
  const open = new Map(formations.map((f) => [f.id, f.unfilled - counts.get(f.id)!.accepted - counts.get(f.id)!.pending]));
  const alreadyOffered = new Set(decisions.map((d) => d.registrationNumber));
  const available = candidates.filter((c) => !alreadyOffered.has(c.registrationNumber)).sort(createRankingComparator({ preset: rankingPreset }));

  // Only formations of the same agency, position and education can ever match a candidate.
  const matchKey = (x: { agencyId: string; positionId: string; educationId: string }): string => JSON.stringify([x.agencyId, x.positionId, x.educationId]);
  const byMatchKey = new Map<string, OptimisationFormation[]>();
  for (const formation of formations) {
    const key = matchKey(formation);
    byMatchKey.set(key, [...(byMatchKey.get(key) ?? []), formation]);
  }

  const offers: Offer[] = [];
  const offered = new Set<string>();
  for (const tier of TIERS) {
    for (const candidate of available) {
      if (offered.has(candidate.registrationNumber)) continue;
      const formation = byMatchKey.get(matchKey(candidate))?.find((f) => open.get(f.id)! > 0 && basisFor(f, candidate, preset) === tier);
      if (!formation) continue;
      open.set(formation.id, open.get(formation.id)! - 1);
      offered.add(candidate.registrationNumber);
      offers.push({ registrationNumber: candidate.registrationNumber, formasiId: formation.id, basis: tier });
    }
  }
  const order = new Map(available.map((c, i) => [c.registrationNumber, i]));
  offers.sort((a, b) => order.get(a.registrationNumber)! - order.get(b.registrationNumber)!);

  const places = formations
    .filter((f) => f.unfilled > 0)
    .map((f): FormationPlaces => {
      const { accepted, pending } = counts.get(f.id)!;
      const offeredNow = offers.filter((o) => o.formasiId === f.id).length;
      return { formasiId: f.id, unfilled: f.unfilled, accepted, pending, offeredNow, uncovered: open.get(f.id)! };
    });
  return { offers, places };
}
