using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Stayfull.Domain.Pricing;

/// <summary>A row of an imported file: its line (or sheet row) number as the person sees it, and its cells as text.</summary>
public sealed record ImportedRow(int Number, IReadOnlyList<string> Cells);

/// <summary>The header and data rows of an uploaded CSV or XLSX file.</summary>
public sealed record ImportedTable(IReadOnlyList<string> Header, IReadOnlyList<ImportedRow> Rows);

/// <summary>Reads an uploaded file into text cells: CSV per RFC 4180, or the first worksheet of an XLSX workbook.</summary>
public static class CompetitorRateImportFile
{
    /// <summary>Reads by the file's first bytes (an XLSX is a zip: "PK"), whatever its name says.</summary>
    public static ImportedTable Read(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return content.Length >= 2 && content[0] == (byte)'P' && content[1] == (byte)'K' ? ReadXlsx(content) : ReadCsv(content);
    }

    /// <summary>
    /// RFC 4180: fields separated by commas (or semicolons, when the header uses them, as spreadsheets in
    /// comma-decimal cultures save), quoted fields may hold separators, doubled quotes and line breaks;
    /// lines end in CRLF or LF. A UTF-8 byte-order mark is skipped; blank lines are ignored.
    /// </summary>
    public static ImportedTable ReadCsv(byte[] content)
    {
        var text = new UTF8Encoding(false).GetString(content).TrimStart('\uFEFF');
        var firstLine = text.Split('\n', 2)[0];
        var separator = firstLine.Count(c => c == ';') > firstLine.Count(c => c == ',') ? ';' : ',';
        var records = new List<ImportedRow>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        var inQuotes = false;
        var line = 1;
        var recordLine = 1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    inQuotes = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    cell.Append(c);
                }
            }
            else if (c == '"' && cell.Length == 0)
            {
                inQuotes = true;
            }
            else if (c == separator)
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                cells.Add(cell.ToString());
                cell.Clear();
                Add(records, recordLine, cells);
                cells = [];
                line++;
                recordLine = line;
            }
            else
            {
                cell.Append(c);
            }
        }

        if (cell.Length > 0 || cells.Count > 0)
        {
            cells.Add(cell.ToString());
            Add(records, recordLine, cells);
        }

        return records.Count == 0 ? new ImportedTable([], []) : new ImportedTable(records[0].Cells, records[1..]);
    }

    /// <summary>The first worksheet: shared and inline strings, numbers as written, and date-formatted numbers as ISO dates.</summary>
    public static ImportedTable ReadXlsx(byte[] content)
    {
        using var stream = new MemoryStream(content, writable: false);
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart ?? throw new InvalidDataException("The workbook has no sheets.");
        var firstSheet = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw new InvalidDataException("The workbook has no sheets.");
        var sheet = (WorksheetPart)workbook.GetPartById(firstSheet.Id!.Value!);
        var strings = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        var dateStyles = DateStyleIndexes(workbook);
        var records = new List<ImportedRow>();
        foreach (var row in sheet.Worksheet.Descendants<Row>())
        {
            var cells = new List<string>();
            foreach (var cell in row.Elements<Cell>())
            {
                var column = ColumnIndex(cell.CellReference?.Value) ?? cells.Count;
                while (cells.Count < column)
                {
                    cells.Add("");
                }

                cells.Add(Text(cell, strings, dateStyles));
            }

            Add(records, (int)(row.RowIndex?.Value ?? (uint)(records.Count + 1)), cells);
        }

        return records.Count == 0 ? new ImportedTable([], []) : new ImportedTable(records[0].Cells, records[1..]);
    }

    private static void Add(List<ImportedRow> records, int number, List<string> cells)
    {
        if (cells.Any(c => !string.IsNullOrWhiteSpace(c)))
        {
            records.Add(new ImportedRow(number, cells));
        }
    }

    private static string Text(Cell cell, List<string> strings, HashSet<uint> dateStyles)
    {
        var raw = cell.CellValue?.Text ?? "";
        if (cell.DataType?.Value == CellValues.SharedString)
        {
            return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < strings.Count ? strings[index] : "";
        }

        if (cell.DataType?.Value == CellValues.InlineString)
        {
            return cell.InlineString?.InnerText ?? "";
        }

        if (cell.DataType is null && cell.StyleIndex?.Value is { } style && dateStyles.Contains(style)
            && double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 0 and < 2958466)
        {
            return DateOnly.FromDateTime(DateTime.FromOADate(serial)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        return raw;
    }

    /// <summary>Cell styles whose number format shows a date (built-in formats 14–22 and 45–47, or a custom one with d, m and y).</summary>
    private static HashSet<uint> DateStyleIndexes(WorkbookPart workbook)
    {
        var stylesheet = workbook.WorkbookStylesPart?.Stylesheet;
        var formats = stylesheet?.CellFormats?.Elements<CellFormat>().ToList() ?? [];
        var custom = stylesheet?.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId?.Value is not null)
            .ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode?.Value ?? "") ?? [];
        var result = new HashSet<uint>();
        for (var i = 0; i < formats.Count; i++)
        {
            var id = formats[i].NumberFormatId?.Value ?? 0;
            var isDate = id is (>= 14 and <= 22) or (>= 45 and <= 47)
                || (custom.TryGetValue(id, out var code) && code.Contains('d', StringComparison.OrdinalIgnoreCase) && code.Contains('y', StringComparison.OrdinalIgnoreCase));
            if (isDate)
            {
                result.Add((uint)i);
            }
        }

        return result;
    }

    private static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }

        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsLetter))
        {
            index = (index * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
        }

        return index == 0 ? null : index - 1;
    }

    /// <summary>Builds a one-sheet workbook of text cells (for tests and for a downloadable template).</summary>
    public static byte[] WriteXlsx(IReadOnlyList<IReadOnlyList<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            foreach (var values in rows)
            {
                var row = new Row();
                foreach (var value in values)
                {
                    row.Append(new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(value)) });
                }

                data.Append(row);
            }

            sheetPart.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Rates" }));
            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }
}
