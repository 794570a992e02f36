import { View, Text } from '@tarojs/components';
import type { EmergencyContact, Unit } from '@shared/contracts/catalog.contract';
import { NATIONAL_CRISIS_HOTLINES } from '@shared/domain/crisis-signals';
import { emergencyContactsFor } from '@shared/domain/organisation';
import { CallButton } from '../../../components/emergency-contacts';
import { dialable } from '../../../utils/phone';
import './index.scss';

const CRISIS_TEXT = '这位同学可能需要及时关心。问题已保密，请尽快联系，必要时拨打学校心理援助热线或';
/** Kept on one line. */
const EMERGENCY_NUMBERS = '110 / 120';
export const CRISIS_MESSAGE = `${CRISIS_TEXT} ${EMERGENCY_NUMBERS}`;

/** The national psychological assistance line, which answers day and night. */
const NATIONAL_LINE: EmergencyContact = NATIONAL_CRISIS_HOTLINES.find((h) => h.phone === '12356') ?? { label: '全国心理援助热线（24小时）', phone: '12356' };

/**
 * The numbers a handler may need for a student in crisis: the counselling
 * unit's own (it owns crisis-lane questions) first, then the school's and the
 * student's college's, as the ask page lists them, then the national line.
 */
export function crisisContactsFor(units: readonly Unit[], q: { ownerUnitId: string; collegeId: string | null }): EmergencyContact[] {
  const own = units.find((u) => u.id === q.ownerUnitId)?.emergencyContacts ?? [];
  const seen = new Set<string>();
  return [...own, ...emergencyContactsFor(units, { collegeId: q.collegeId, ownerUnitId: q.ownerUnitId }), NATIONAL_LINE].filter((c) => {
    const key = dialable(c.phone);
    // "110 / 120" is two numbers, not one to dial; the message names them.
    if (c.phone.includes('/') || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * 危机干预: the question's words signalled that the student may be in danger
 * (routeReason 'crisis'). Said first, calmly, with the numbers to call; the
 * question is already private and urgent.
 */
export function CrisisBanner({ contacts }: { contacts: readonly EmergencyContact[] }) {
  return (
    <View className='crisis'>
      <Text className='crisis__message'>
        <Text className='crisis__lead'>危机干预：</Text>
        {`${CRISIS_TEXT} `}
        <Text className='crisis__nowrap'>{EMERGENCY_NUMBERS}</Text>
      </Text>
      {contacts.length > 0 ? (
        <View className='crisis__calls'>
          {contacts.map((c) => (
            <CallButton key={`${c.label}|${c.phone}`} contact={c} block='crisis' />
          ))}
        </View>
      ) : null}
    </View>
  );
}
