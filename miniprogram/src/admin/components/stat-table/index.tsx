import type { ReactNode } from 'react';
import { ScrollView, View, Text } from '@tarojs/components';
import './index.scss';

export interface Column<T> {
  key: string;
  label: string;
  /** Width in design px (750 wide); the first column is the row's name. */
  width: number;
  cell: (row: T) => ReactNode;
  /** Numbers align right. */
  numeric?: boolean;
}

interface Props<T> {
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  /** What the table is ("各单位统计"), for screen readers and tests. */
  label: string;
  /** A row to set apart (the viewer's own unit, a troubled one). */
  highlight?: (row: T) => boolean;
  emptyText?: string;
}

/**
 * The figures behind every chart and card, as a table: a header row and one
 * row per item, scrolling sideways on a phone when the columns do not fit.
 */
export function StatTable<T>({ columns, rows, rowKey, label, highlight, emptyText = '暂无数据' }: Props<T>) {
  const width = columns.reduce((n, c) => n + c.width, 0);
  return (
    <ScrollView scrollX className='stat-table'>
      <View className='stat-table__inner' role='table' aria-label={label} style={{ minWidth: `${width / 2}px` }}>
        <View className='stat-table__row stat-table__row--head' role='row'>
          {columns.map((c) => (
            <View key={c.key} role='columnheader' className={`stat-table__cell ${c.numeric ? 'stat-table__cell--num' : ''}`} style={{ flex: `${c.width} 0 ${c.width / 2}px` }}>
              <Text>{c.label}</Text>
            </View>
          ))}
        </View>
        {rows.map((r) => (
          <View key={rowKey(r)} role='row' className={`stat-table__row ${highlight?.(r) ? 'stat-table__row--on' : ''}`}>
            {columns.map((c) => (
              <View key={c.key} role='cell' className={`stat-table__cell ${c.numeric ? 'stat-table__cell--num' : ''}`} style={{ flex: `${c.width} 0 ${c.width / 2}px` }}>
                {c.cell(r)}
              </View>
            ))}
          </View>
        ))}
        {rows.length === 0 ? <Text className='stat-table__empty'>{emptyText}</Text> : null}
      </View>
    </ScrollView>
  );
}
