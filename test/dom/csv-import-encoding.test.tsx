import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { CsvImport } from '../../components/CsvImport';
import { GBK_CSV, GBK_REASONS, WORKBOOK_STARTS } from '../fixtures/csv-bytes';
import { fakeCsvApi } from './csv-import-fake';

const ENCODING_NAMES = [
  'Chinese, Simplified (GB18030)',
  'Chinese, Traditional (Big5)',
  'Japanese (Shift_JIS)',
  'Korean (EUC-KR)',
  'Western European (Windows-1252)',
  'Central European (Windows-1250)',
  'Cyrillic (Windows-1251)',
  'Greek (Windows-1253)',
  'Turkish (Windows-1254)',
  'Hebrew (Windows-1255)',
  'Arabic (Windows-1256)',
  'Baltic (Windows-1257)',
  'Vietnamese (Windows-1258)',
  'Thai (Windows-874)',
];

function gbkFile(): File {
  return new File([GBK_CSV], 'dnc-gbk.csv', { type: 'text/csv' });
}

function encodingPicker(): HTMLSelectElement {
  return screen.getByLabelText('Text encoding');
}

function firstRowsText(): string {
  return screen.getByRole('table', { name: 'The first rows as read:' }).textContent ?? '';
}

describe('CSV import text encoding', () => {
  it('reads GBK as GB18030 in Chinese UI', async () => {
    const { api, list, encodings } = fakeCsvApi();
    render(<CsvImport api={api} country="CN" language="zh-CN" />);

    await userEvent.upload(screen.getByLabelText('CSV file'), gbkFile());

    expect(
      await screen.findByText(
        'This file is not UTF-8 text. It was read as Chinese, Simplified (GB18030).',
      ),
    ).toBeTruthy();
    expect(encodings).toEqual([{ fallbackEncoding: 'gb18030' }]);
    expect(encodingPicker().value).toBe('gb18030');
    const options = within(encodingPicker()).getAllByRole('option');
    expect(options.map((option) => option.textContent)).toEqual(ENCODING_NAMES);
    expect(firstRowsText()).toContain('客户投诉（GBK文件）');
    expect(screen.queryByRole('table', { name: /rejected/ })).toBeNull();

    await userEvent.click(screen.getByRole('button', { name: 'Import 2 numbers' }));

    await screen.findByText('Imported. The list now holds 2 numbers.');
    expect([...list.values()].map((entry) => entry.reason)).toEqual(GBK_REASONS);
  });

  it('reads again in the picked encoding', async () => {
    const { api, list, encodings } = fakeCsvApi();
    render(<CsvImport api={api} country="CN" language="en-US" />);
    await userEvent.upload(screen.getByLabelText('CSV file'), gbkFile());
    await screen.findByText(
      'This file is not UTF-8 text. It was read as Western European (Windows-1252).',
    );
    expect(firstRowsText()).toContain('µç»°');
    expect(screen.getByRole('table', { name: /rejected/ }).textContent).toContain('µç»°');

    await userEvent.selectOptions(encodingPicker(), 'gb18030');

    expect(
      await screen.findByText(
        'This file is not UTF-8 text. It was read as Chinese, Simplified (GB18030).',
      ),
    ).toBeTruthy();
    expect(encodings.at(-1)).toEqual({ encoding: 'gb18030', fallbackEncoding: 'windows-1252' });
    expect(firstRowsText()).toContain('客户投诉（GBK文件）');
    expect(screen.queryByRole('table', { name: /rejected/ })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Import 2 numbers' }));
    await screen.findByText('Imported. The list now holds 2 numbers.');
    expect(list.get('+8613800138010')?.reason).toBe('客户投诉（GBK文件）');
  });

  it('keeps the picked encoding when the country changes', async () => {
    const { api, encodings } = fakeCsvApi();
    const { rerender } = render(<CsvImport api={api} country="CN" language="en" />);
    await userEvent.upload(screen.getByLabelText('CSV file'), gbkFile());
    await screen.findByLabelText('Text encoding');
    await userEvent.selectOptions(encodingPicker(), 'gb18030');
    await screen.findByText(/read as Chinese, Simplified/);

    rerender(<CsvImport api={api} country="US" language="en" />);

    expect(
      await screen.findByText(
        'Numbers without a country code were read as numbers of United States.',
      ),
    ).toBeTruthy();
    expect(encodings.at(-1)).toEqual({ encoding: 'gb18030', fallbackEncoding: 'windows-1252' });
    expect(encodingPicker().value).toBe('gb18030');
  });

  it('reads a new file with the fallback', async () => {
    const { api, encodings } = fakeCsvApi();
    render(<CsvImport api={api} country="CN" language="ja" />);
    await userEvent.upload(screen.getByLabelText('CSV file'), gbkFile());
    await screen.findByLabelText('Text encoding');
    await userEvent.selectOptions(encodingPicker(), 'gb18030');
    await screen.findByText(/read as Chinese, Simplified/);

    await userEvent.upload(screen.getByLabelText('CSV file'), gbkFile());

    expect(await screen.findByText(/read as Japanese \(Shift_JIS\)/)).toBeTruthy();
    expect(encodings.at(-1)).toEqual({ fallbackEncoding: 'shift_jis' });
  });

  it('shows no encoding for a UTF-8 file', async () => {
    const { api } = fakeCsvApi();
    render(<CsvImport api={api} country="CN" language="zh-CN" />);

    await userEvent.upload(
      screen.getByLabelText('CSV file'),
      new File(['电话,原因\n13800138010,客户投诉\n'], 'dnc.csv'),
    );

    expect(await screen.findByText('1 number will be added.')).toBeTruthy();
    expect(screen.queryByLabelText('Text encoding')).toBeNull();
    expect(screen.queryByText(/UTF-8/)).toBeNull();
  });

  it('rejects a PDF without import', async () => {
    const { api, list } = fakeCsvApi();
    render(<CsvImport api={api} country="US" language="en-US" />);

    await userEvent.upload(
      screen.getByLabelText('CSV file'),
      new File(['%PDF-1.7\n+1 212 555 0187\n'], 'dnc.csv', { type: 'text/csv' }),
    );

    expect((await screen.findByRole('alert')).textContent).toMatch(/^This is a PDF, not a CSV/);
    expect(screen.queryByRole('button', { name: /^Import/ })).toBeNull();
    expect(list.size).toBe(0);
  });

  it.each(WORKBOOK_STARTS)('rejects an %s workbook without import', async (_, start) => {
    const { api, list } = fakeCsvApi();
    render(<CsvImport api={api} country="CN" language="zh-CN" />);

    await userEvent.upload(
      screen.getByLabelText('CSV file'),
      new File([start], 'dnc.csv', { type: 'text/csv' }),
    );

    expect((await screen.findByRole('alert')).textContent).toBe(
      'This is a spreadsheet workbook, not a CSV: save it as CSV UTF-8. In Excel, choose File > Save As, pick "CSV UTF-8 (Comma delimited)" as the type, and choose the new file here.',
    );
    expect(screen.queryByRole('button', { name: /^Import/ })).toBeNull();
    expect(list.size).toBe(0);
  });
});
