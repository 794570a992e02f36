import { View, Text } from '@tarojs/components';
import './index.scss';

export interface ChipOption<T extends string | number> {
  value: T;
  label: string;
}

interface Props<T extends string | number> {
  options: readonly ChipOption<T>[];
  /** One value (single choice) or several (multi). */
  selected: readonly T[];
  onToggle: (value: T) => void;
  /** For screen readers and tests: what is being chosen. */
  label: string;
}

/** A row of choices as tappable chips (WeUI tags): one or several selected. */
export function Chips<T extends string | number>({ options, selected, onToggle, label }: Props<T>) {
  return (
    <View className='chips' aria-label={label}>
      {options.map((o) => {
        const on = selected.includes(o.value);
        return (
          <Text key={String(o.value)} className={`chips__chip ${on ? 'chips__chip--on' : ''}`} aria-pressed={on} onClick={() => onToggle(o.value)}>
            {o.label}
          </Text>
        );
      })}
    </View>
  );
}
