using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Pricing;
using Stayfull.Tests.Support;

namespace Stayfull.Domain.Tests.Pricing;

public sealed class CompetitorRateImportTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static async Task<TestHotel> HotelWithSetAsync()
    {
        var hotel = await CompetitorSetHotel.CreateAsync();
        await CompetitorSetHotel.AddAsync(hotel, "Hotel Across", "across");
        await CompetitorSetHotel.AddAsync(hotel, "Casa, do Rio", "casa-rio");
        return hotel;
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task AGoodCsvFileStoresEveryRow()
    {
        await using var hotel = await HotelWithSetAsync();
        var d = hotel.Today.AddDays(5);
        var csv = "\uFEFFHotel, Date ,Room Category,PRICE,currency\r\n"
            + $"Hotel Across,{Iso(d)},Double,129.50,EUR\r\n"
            + $"\"Casa, do Rio\",{Iso(d)},\"Suite \"\"Tejo\"\"\",300,eur\r\n"
            + $"across,{d.AddDays(1).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)},\"Twin\nwith view\",99,EUR\r\n"
            + "\r\n";

        var result = await hotel.Get<CompetitorRateImport>().ImportAsync(Encoding.UTF8.GetBytes(csv), None);

        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => $"{e.Row} {e.Column}: {e.Message}")));
        Assert.Equal(new RateShopResult(3, 0, 0, 0), result.Stored);
        await using var db = hotel.Db();
        var rates = await db.CompetitorRates.OrderBy(r => r.PriceMinor).ToListAsync();
        Assert.Equal([(9900L, "Twin\nwith view"), (12950L, "Double"), (30000L, "Suite \"Tejo\"")], rates.Select(r => (r.PriceMinor, r.Category)));
        Assert.All(rates, r => Assert.Equal(RateSource.Import, r.Source));
        Assert.Equal(d.AddDays(1), rates[0].Date); // dd/MM/yyyy: the Portuguese hotel's own way of writing dates
    }

    [Fact]
    public async Task AFileWithBadRowsSavesNothingAndSaysWhatIsWrongWithEachRow()
    {
        await using var hotel = await HotelWithSetAsync();
        var d = Iso(hotel.Today.AddDays(5));
        var csv = "hotel,date,room category,price,currency\n"
            + $"Hotel Across,{d},Double,120,EUR\n"                         // row 2: fine
            + $"Hotel Nowhere,{d},Double,120,EUR\n"                        // row 3: unknown competitor
            + "Hotel Across,31/02/2027,Double,120,EUR\n"                   // row 4: bad date
            + $"Hotel Across,{Iso(hotel.Today.AddDays(-1))},Double,120,EUR\n" // row 5: past date
            + $"Hotel Across,{d},Twin,cheap,EUR\n"                          // row 6: bad price
            + $"Hotel Across,{d},Suite,-5,EUR\n"                            // row 7: negative price
            + $"Hotel Across,{d},Single,80,EUE\n"                           // row 8: unknown currency
            + $"Hotel Across,{d},,80,EUR\n"                                 // row 9: missing category
            + $"Hotel Across,{d},Double,125,EUR\n";                         // row 10: repeats row 2

        var result = await hotel.Get<CompetitorRateImport>().ImportAsync(Encoding.UTF8.GetBytes(csv), None);

        Assert.False(result.Succeeded);
        Assert.Equal(
            [(3, "hotel"), (4, "date"), (5, "date"), (6, "price"), (7, "price"), (8, "currency"), (9, "room category"), (10, "")],
            result.Errors.Select(e => (e.Row, e.Column)));
        Assert.Contains("Hotel Nowhere", result.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("in the past", result.Errors[2].Message, StringComparison.Ordinal);
        Assert.Contains("row 2", result.Errors[7].Message, StringComparison.Ordinal);
        await using var db = hotel.Db();
        Assert.Empty(await db.CompetitorRates.ToListAsync());
    }

    [Fact]
    public async Task AMissingColumnIsReportedOnTheHeader()
    {
        await using var hotel = await HotelWithSetAsync();

        var result = await hotel.Get<CompetitorRateImport>().ImportAsync(Encoding.UTF8.GetBytes($"hotel,date,price\nHotel Across,{Iso(hotel.Today)},100\n"), None);

        var error = Assert.Single(result.Errors);
        Assert.Equal((1, "category, currency"), (error.Row, error.Column));
    }

    [Fact]
    public async Task AFileOverFiveMegabytesIsRefusedUnread()
    {
        await using var hotel = await HotelWithSetAsync();

        var result = await hotel.Get<CompetitorRateImport>().ImportAsync(new byte[CompetitorRateImport.MaxBytes + 1], None);

        Assert.Contains("up to 5 MB", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnXlsxWorkbookIsReadLikeACsv()
    {
        await using var hotel = await HotelWithSetAsync();
        var d = hotel.Today.AddDays(3);
        var xlsx = CompetitorRateImportFile.WriteXlsx(
        [
            ["Hotel", "Date", "Room category", "Price", "Currency"],
            ["Hotel Across", Iso(d), "Double", "110.5", "EUR"],
            ["casa-rio", Iso(d), "Suite", "280", "EUR"],
        ]);

        var result = await hotel.Get<CompetitorRateImport>().ImportAsync(xlsx, None);

        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
        await using var db = hotel.Db();
        Assert.Equal([11050L, 28000L], (await db.CompetitorRates.ToListAsync()).Select(r => r.PriceMinor).Order());
    }

    [Fact]
    public async Task AnXlsxWithABadRowNamesItsSheetRow()
    {
        await using var hotel = await HotelWithSetAsync();
        var xlsx = CompetitorRateImportFile.WriteXlsx(
        [
            ["hotel", "date", "room_category", "price", "currency"],
            ["Hotel Across", Iso(hotel.Today.AddDays(3)), "Double", "110", "EUR"],
            ["Hotel Across", "soon", "Double", "110", "EUR"],
        ]);

        var result = await hotel.Get<CompetitorRateImport>().ImportAsync(xlsx, None);

        Assert.Equal((3, "date"), (Assert.Single(result.Errors).Row, result.Errors[0].Column));
    }

    [Fact]
    public void TheCsvReaderFollowsRfc4180()
    {
        var table = CompetitorRateImportFile.ReadCsv(Encoding.UTF8.GetBytes("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\r\nlines\"\r\n1,,3"));

        Assert.Equal(["a", "b", "c"], table.Header);
        Assert.Equal(2, table.Rows.Count);
        Assert.Equal(["x, y", "say \"hi\"", "two\r\nlines"], table.Rows[0].Cells);
        Assert.Equal((2, 4), (table.Rows[0].Number, table.Rows[1].Number));
        Assert.Equal(["1", "", "3"], table.Rows[1].Cells);
    }

    [Fact]
    public void SemicolonSeparatedFilesFromCommaDecimalSpreadsheetsAreRead()
    {
        var table = CompetitorRateImportFile.ReadCsv(Encoding.UTF8.GetBytes("hotel;date;room category;price;currency\nA;2027-01-02;Double;129,50;EUR\n"));

        Assert.Equal(["A", "2027-01-02", "Double", "129,50", "EUR"], table.Rows.Single().Cells);
    }
}
