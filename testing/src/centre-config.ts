/** The small centre every test uses: two areas, three counters, two kiosks, open around the clock. */
import { parseConfig, type CentreConfig, type ConfigInput } from '@motcua/shared/config';
import { AROUND_THE_CLOCK } from '@motcua/shared/config/examples';

export function testCentreConfig(over: Partial<ConfigInput> = {}): CentreConfig {
  return parseConfig({
    schemaVersion: 1,
    centre: { id: 'test', name: 'Trung tâm thử nghiệm', timeZone: 'Asia/Ho_Chi_Minh' },
    departments: [{ id: 'd1', name: 'Sở Tư pháp' }],
    areas: [
      {
        id: 'a',
        departmentId: 'd1',
        name: 'Hộ tịch',
        numberRange: { from: 1001, to: 1999 },
        dailyQuota: 999,
      },
      {
        id: 'b',
        departmentId: 'd1',
        name: 'Chứng thực',
        numberRange: { from: 2001, to: 2999 },
        dailyQuota: 999,
      },
    ],
    counters: [
      { id: 'c1', number: 1, areas: ['a'] },
      { id: 'c2', number: 2, areas: ['a', 'b'] },
      { id: 'c3', number: 3, areas: ['b'] },
    ],
    officers: [
      { id: 'o1', name: 'Nguyễn Văn An' },
      { id: 'o2', name: 'Trần Thị Bình' },
    ],
    kiosks: [{ id: 'kiosk-1' }, { id: 'kiosk-2' }],
    priorityCategories: [{ id: 'elderly', name: 'Người cao tuổi' }],
    hours: AROUND_THE_CLOCK,
    ...over,
  });
}
