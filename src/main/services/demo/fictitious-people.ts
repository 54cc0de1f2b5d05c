/**
 * Invented citizens for demo data, the benchmark and `seed-demo`: common Vietnamese family,
 * middle and given names with their diacritics, and numbers that pass the structural checks but
 * are visibly fake. Every personal ID has "999" as digits 7–9 and every phone starts with 0999,
 * so a support engineer can tell demo rows at a glance. Pure and deterministic: the same seed
 * gives the same people on every machine; the caller passes the year instead of reading a clock.
 */

/** A pseudo-random source in [0, 1). */
export type Random = () => number;

/** mulberry32: tiny, fast, and good enough for test data (not for anything secret). */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Family names with rough shares of the population (Nguyễn is about four in ten). */
const FAMILY: readonly (readonly [string, number])[] = [
  ['Nguyễn', 38], ['Trần', 11], ['Lê', 9.5], ['Phạm', 7], ['Hoàng', 4], ['Huỳnh', 1.5], ['Phan', 4.5],
  ['Vũ', 3.9], ['Võ', 1.5], ['Đặng', 2.1], ['Bùi', 2], ['Đỗ', 1.4], ['Hồ', 1.3], ['Ngô', 1.3],
  ['Dương', 1], ['Lý', 0.5], ['Đinh', 0.6], ['Trịnh', 0.5], ['Lương', 0.4], ['Đoàn', 0.4],
];
const MIDDLE = {
  male: ['Văn', 'Văn', 'Văn', 'Hữu', 'Đức', 'Minh', 'Quang', 'Thành', 'Công', 'Đình', 'Xuân', 'Ngọc', 'Anh', 'Quốc', 'Tiến', 'Trọng'],
  female: ['Thị', 'Thị', 'Thị', 'Ngọc', 'Thu', 'Thanh', 'Kim', 'Hồng', 'Mai', 'Phương', 'Thùy', 'Bích', 'Minh', 'Hải', 'Diệu', 'Khánh'],
} as const;
const GIVEN = {
  male: ['An', 'Anh', 'Bình', 'Cường', 'Dũng', 'Đức', 'Hải', 'Hiếu', 'Hoàng', 'Hùng', 'Huy', 'Khánh', 'Khoa', 'Long', 'Lực', 'Minh', 'Nam', 'Nghĩa', 'Phong', 'Phúc', 'Quân', 'Quang', 'Sơn', 'Tài', 'Thắng', 'Thành', 'Toàn', 'Trung', 'Tuấn', 'Việt', 'Vinh', 'Đạt'],
  female: ['An', 'Anh', 'Chi', 'Dung', 'Giang', 'Hà', 'Hạnh', 'Hằng', 'Hiền', 'Hoa', 'Hương', 'Huyền', 'Lan', 'Liên', 'Linh', 'Loan', 'Mai', 'My', 'Nga', 'Ngọc', 'Nhung', 'Oanh', 'Phương', 'Quỳnh', 'Thảo', 'Thủy', 'Trang', 'Tuyết', 'Vân', 'Yến', 'Xuân', 'Ánh'],
} as const;
/** Birth-registration province codes (TT 07/2016), the demo commune's region weighted up. */
const PROVINCES = ['001', '001', '001', '030', '031', '033', '034', '035', '036', '037', '038', '040', '042', '079', '079', '092'] as const;
const MOBILE_PREFIX = '0999';
const FAKE_ID_MARK = '999';

export type Sex = 'male' | 'female';

export interface FictitiousPerson {
  /** NFC, "Nguyễn Thị Thu Hà". */
  readonly fullName: string;
  readonly sex: Sex;
  readonly birthYear: number;
  /** 12 digits: province, century/sex digit, year, then "999" and three random digits. */
  readonly idNumber: string;
  /** National form, 10 digits, 0999 + six digits. */
  readonly phone: string;
}

const pick = <T>(random: Random, items: readonly T[]): T => {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new RangeError('pick from an empty list');
  return item;
};

const FAMILY_TOTAL = FAMILY.reduce((sum, [, share]) => sum + share, 0);
function pickFamily(random: Random): string {
  let left = random() * FAMILY_TOTAL;
  for (const [name, share] of FAMILY) {
    left -= share;
    if (left < 0) return name;
  }
  return FAMILY[0]?.[0] ?? 'Nguyễn';
}

const digits = (random: Random, count: number): string => Array.from({ length: count }, () => Math.floor(random() * 10)).join('');

/**
 * One invented person, aged 0–90 in `currentYear`. A few have a second middle name
 * ("Nguyễn Thị Thu Hà"), as many real names do.
 */
export function fictitiousPerson(random: Random, currentYear: number): FictitiousPerson {
  const sex: Sex = random() < 0.5 ? 'male' : 'female';
  const middle = [pick(random, MIDDLE[sex])];
  if (random() < 0.15) middle.push(pick(random, MIDDLE[sex]));
  const fullName = [pickFamily(random), ...middle, pick(random, GIVEN[sex])].join(' ').normalize('NFC');
  const birthYear = currentYear - Math.floor(random() * 91);
  const century = Math.floor((birthYear - 1900) / 100) * 2 + (sex === 'female' ? 1 : 0);
  const idNumber = `${pick(random, PROVINCES)}${century}${String(birthYear % 100).padStart(2, '0')}${FAKE_ID_MARK}${digits(random, 3)}`;
  return { fullName, sex, birthYear, idNumber, phone: `${MOBILE_PREFIX}${digits(random, 6)}` };
}

/** `count` people from `seed`; the same arguments always give the same people. */
export function* fictitiousPeople(seed: number, count: number, currentYear: number): Generator<FictitiousPerson> {
  const random = seededRandom(seed);
  for (let i = 0; i < count; i++) yield fictitiousPerson(random, currentYear);
}
