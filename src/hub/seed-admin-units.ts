/**
 * A small sample of administrative units so a development hub (`npm run hub`) has something to
 * send: six of the 34 provincial units after the 2025 reform and a few wards of Hà Nội, with the
 * codes of the national list. Real units, no personal data. In service the city publishes the
 * whole list from the national register through PUT /v1/admin/admin-units.
 */
import type { AdminUnitInput } from './messages';

export const sampleAdminUnits: readonly AdminUnitInput[] = [
  { code: '01', name: 'Thành phố Hà Nội', level: 'province', parentCode: null },
  { code: '31', name: 'Thành phố Hải Phòng', level: 'province', parentCode: null },
  { code: '46', name: 'Thành phố Huế', level: 'province', parentCode: null },
  { code: '48', name: 'Thành phố Đà Nẵng', level: 'province', parentCode: null },
  { code: '79', name: 'Thành phố Hồ Chí Minh', level: 'province', parentCode: null },
  { code: '92', name: 'Thành phố Cần Thơ', level: 'province', parentCode: null },
  { code: '00004', name: 'Phường Ba Đình', level: 'commune', parentCode: '01' },
  { code: '00008', name: 'Phường Ngọc Hà', level: 'commune', parentCode: '01' },
  { code: '00025', name: 'Phường Giảng Võ', level: 'commune', parentCode: '01' },
  { code: '00070', name: 'Phường Hoàn Kiếm', level: 'commune', parentCode: '01' },
  { code: '00082', name: 'Phường Cửa Nam', level: 'commune', parentCode: '01' },
];
