using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Common;
using Stayfull.Domain.Sessions;
using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.Pricing;

/// <summary>What is wrong with one row of an imported file (row 0: the file as a whole).</summary>
public sealed record ImportRowError(int Row, string Column, string Message);

/// <summary>
/// The outcome of an import: either every row was stored (<see cref="Stored"/>), or nothing was and
/// <see cref="Errors"/> says why, row by row.
/// </summary>
public sealed record CompetitorRateImportResult(int Rows, RateShopResult? Stored, IReadOnlyList<ImportRowError> Errors)
{
    public bool Succeeded => Stored is not null;

    public static CompetitorRateImportResult Refused(string message) => new(0, null, [new ImportRowError(0, "", message)]);
}

/// <summary>
/// Competitor rates from a file (for hotels that get them by email): columns hotel, date, room category,
/// price and currency, in any order, header names read loosely ("Room Category", "room_category").
/// Every row is checked first; one bad row and nothing is stored, so a file is either in or out whole.
/// Dates are ISO (2026-12-24) or written the way the hotel's country writes them; prices use a decimal
/// point or the country's decimal separator.
/// </summary>
public sealed class CompetitorRateImport(HotelSessions sessions, RateShopService store)
{
    public const long MaxBytes = 5 * 1024 * 1024;
    public const int MaxRows = 50_000;

    /// <summary>Dates further out than this are surely a typing slip.</summary>
    public const int MaxDaysAhead = 730;

    private static readonly Dictionary<string, string> Columns = new(StringComparer.Ordinal)
    {
        ["hotel"] = "hotel", ["hotelid"] = "hotel", ["hotelname"] = "hotel", ["competitor"] = "hotel", ["property"] = "hotel",
        ["date"] = "date", ["staydate"] = "date", ["night"] = "date", ["arrival"] = "date",
        ["roomcategory"] = "category", ["category"] = "category", ["room"] = "category", ["roomtype"] = "category",
        ["price"] = "price", ["rate"] = "price", ["amount"] = "price",
        ["currency"] = "currency", ["ccy"] = "currency", ["currencycode"] = "currency",
    };

    private static readonly string[] Required = ["hotel", "date", "category", "price", "currency"];

    public async Task<CompetitorRateImportResult> ImportAsync(byte[] content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.LongLength > MaxBytes)
        {
            return CompetitorRateImportResult.Refused($"The file is {content.LongLength / 1024.0 / 1024.0:0.0} MB; files up to {MaxBytes / 1024 / 1024} MB can be imported. Split it into smaller files.");
        }

        ImportedTable table;
        try
        {
            table = CompetitorRateImportFile.Read(content);
        }
        catch (Exception ex) when (ex is InvalidDataException or FormatException or IOException or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException)
        {
            return CompetitorRateImportResult.Refused("The file could not be read as CSV or Excel (.xlsx): " + ex.Message);
        }

        var (competitors, today, culture) = await sessions.ReadAsync(async s =>
        {
            s.Staff.Require(StaffRole.Manager, "import competitor rates");
            var set = await s.Db.Competitors.Select(c => new { c.ExternalId, c.Name }).ToListAsync(cancellationToken);
            var byKey = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var c in set)
            {
                byKey.TryAdd(c.Name.Trim(), c.ExternalId);
                byKey[c.ExternalId] = c.ExternalId;
            }

            return (byKey, s.Today, CultureOf(s.Hotel.Address.CountryCode));
        }, cancellationToken);

        var (rates, errors) = Validate(table, competitors, today, culture, sessions.Time.GetUtcNow());
        if (errors.Count > 0)
        {
            return new CompetitorRateImportResult(table.Rows.Count, null, errors);
        }

        var stored = await store.StoreAsync(rates, RateSource.Import, cancellationToken);
        return new CompetitorRateImportResult(table.Rows.Count, stored, []);
    }

    internal static (List<ShoppedRate> Rates, List<ImportRowError> Errors) Validate(ImportedTable table, IReadOnlyDictionary<string, string> competitors, DateOnly today, CultureInfo culture, DateTimeOffset now)
    {
        var rates = new List<ShoppedRate>();
        var errors = new List<ImportRowError>();
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < table.Header.Count; i++)
        {
            var key = new string(table.Header[i].Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant();
            if (Columns.TryGetValue(key, out var column))
            {
                positions.TryAdd(column, i);
            }
        }

        var missing = Required.Where(c => !positions.ContainsKey(c)).ToList();
        if (table.Header.Count == 0 || missing.Count > 0)
        {
            errors.Add(new ImportRowError(1, string.Join(", ", missing), $"The header must name the columns hotel, date, room category, price and currency; missing: {string.Join(", ", missing)}."));
            return (rates, errors);
        }

        if (table.Rows.Count == 0)
        {
            errors.Add(new ImportRowError(0, "", "The file has a header but no rates."));
            return (rates, errors);
        }

        if (table.Rows.Count > MaxRows)
        {
            errors.Add(new ImportRowError(0, "", $"The file has {table.Rows.Count} rows; at most {MaxRows} can be imported at once."));
            return (rates, errors);
        }

        var firstRow = new Dictionary<(string, DateOnly, string), int>();
        foreach (var row in table.Rows)
        {
            string Cell(string column) => positions[column] < row.Cells.Count ? row.Cells[positions[column]].Trim() : "";
            var rowErrors = errors.Count;
            var hotel = Cell("hotel");
            var dateText = Cell("date");
            var category = Cell("category");
            var priceText = Cell("price");
            var currency = Cell("currency").ToUpperInvariant();

            string? externalId = null;
            if (hotel.Length == 0)
            {
                errors.Add(new ImportRowError(row.Number, "hotel", "The hotel is missing."));
            }
            else if (!competitors.TryGetValue(hotel, out externalId))
            {
                errors.Add(new ImportRowError(row.Number, "hotel", $"\"{hotel}\" is not in the competitor set (add it first, or use its name or provider id)."));
            }

            DateOnly date = default;
            if (dateText.Length == 0)
            {
                errors.Add(new ImportRowError(row.Number, "date", "The date is missing."));
            }
            else if (!TryDate(dateText, culture, out date))
            {
                errors.Add(new ImportRowError(row.Number, "date", $"\"{dateText}\" is not a date (use 2026-12-24 or {new DateOnly(2026, 12, 24).ToString("d", culture)})."));
            }
            else if (date < today)
            {
                errors.Add(new ImportRowError(row.Number, "date", $"{date:yyyy-MM-dd} is in the past."));
            }
            else if (date > today.AddDays(MaxDaysAhead))
            {
                errors.Add(new ImportRowError(row.Number, "date", $"{date:yyyy-MM-dd} is more than two years ahead."));
            }

            if (category.Length == 0)
            {
                errors.Add(new ImportRowError(row.Number, "room category", "The room category is missing."));
            }
            else if (category.Length > 100)
            {
                errors.Add(new ImportRowError(row.Number, "room category", "The room category is longer than 100 characters."));
            }

            var knownCurrency = false;
            if (currency.Length == 0)
            {
                errors.Add(new ImportRowError(row.Number, "currency", "The currency is missing."));
            }
            else if (!IsoCurrencies.IsKnown(currency))
            {
                errors.Add(new ImportRowError(row.Number, "currency", $"\"{currency}\" is not an ISO 4217 currency code (like EUR or USD)."));
            }
            else
            {
                knownCurrency = true;
            }

            decimal price = 0;
            if (priceText.Length == 0)
            {
                errors.Add(new ImportRowError(row.Number, "price", "The price is missing."));
            }
            else if (!TryPrice(priceText, culture, out price) || price <= 0 || price > 1_000_000)
            {
                errors.Add(new ImportRowError(row.Number, "price", $"\"{priceText}\" is not a price (a positive amount like 129.50)."));
            }

            if (errors.Count > rowErrors || externalId is null || !knownCurrency)
            {
                continue;
            }

            var key = (externalId.ToUpperInvariant(), date, category.ToUpperInvariant());
            if (firstRow.TryGetValue(key, out var earlier))
            {
                errors.Add(new ImportRowError(row.Number, "", $"Repeats the hotel, date and room category of row {earlier}."));
                continue;
            }

            firstRow[key] = row.Number;
            rates.Add(new ShoppedRate(externalId, date, category, Money.FromMajor(price, currency).Minor, currency, now));
        }

        return (rates, errors);
    }

    private static bool TryDate(string text, CultureInfo culture, out DateOnly date)
    {
        string[] iso = ["yyyy-MM-dd", "yyyy-M-d", "yyyy/MM/dd"];
        if (DateOnly.TryParseExact(text, iso, CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return true;
        }

        // A spreadsheet may hand over "2026-12-24 00:00:00" or the culture's own short form.
        if (DateTime.TryParseExact(text, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var stamp))
        {
            date = DateOnly.FromDateTime(stamp);
            return true;
        }

        return DateOnly.TryParse(text, culture, DateTimeStyles.None, out date);
    }

    private static bool TryPrice(string text, CultureInfo culture, out decimal price)
    {
        var cleaned = text.Replace(" ", "", StringComparison.Ordinal).Replace("\u00A0", "", StringComparison.Ordinal);
        return decimal.TryParse(cleaned, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out price)
            || decimal.TryParse(cleaned, NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands, culture, out price);
    }

    /// <summary>The way people in the hotel's country write dates and decimals (en-GB when unknown).</summary>
    internal static CultureInfo CultureOf(string countryCode)
    {
        if (countryCode is { Length: 2 })
        {
            // The country's own language first (pt-PT, de-DE), then English as written there (en-US, en-IE).
            var country = countryCode.ToUpperInvariant();
            var preferred = CultureInfo.GetCultures(CultureTypes.SpecificCultures)
                .Where(c => c.Name.EndsWith("-" + country, StringComparison.OrdinalIgnoreCase))
                .OrderBy(c => string.Equals(c.TwoLetterISOLanguageName, country, StringComparison.OrdinalIgnoreCase) ? 0 : c.TwoLetterISOLanguageName == "en" ? 1 : 2)
                .ThenBy(c => c.Name, StringComparer.Ordinal)
                .FirstOrDefault();
            if (preferred is not null)
            {
                return preferred;
            }
        }

        return CultureInfo.GetCultureInfo("en-GB");
    }
}
