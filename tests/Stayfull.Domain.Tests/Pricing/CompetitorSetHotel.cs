using Microsoft.Extensions.DependencyInjection;
using Stayfull.Domain.Pricing;
using Stayfull.Tests.Support;

namespace Stayfull.Domain.Tests.Pricing;

/// <summary>A test hotel with the competitor set, import and shop runs wired, and a shopper the test scripts.</summary>
internal static class CompetitorSetHotel
{
    public static Task<TestHotel> CreateAsync(ScriptedRateShopper? shopper = null, string? databaseFile = null) =>
        TestHotel.CreateAsync(databaseFile: databaseFile, configure: s => s
            .AddSingleton<IRateShopper>(shopper ?? new ScriptedRateShopper())
            .AddScoped<CompetitorSetService>()
            .AddScoped<CompetitorRateImport>()
            .AddScoped<RateShopRuns>());

    public static async Task<Guid> AddAsync(TestHotel hotel, string name, string externalId) =>
        await hotel.Get<CompetitorSetService>().AddAsync(name, externalId, CancellationToken.None);
}

/// <summary>Answers the shop with whatever the test set, or fails as told.</summary>
internal sealed class ScriptedRateShopper : IRateShopper
{
    public IReadOnlyList<ShoppedRate> Rates { get; set; } = [];

    public RateShopException? Failure { get; set; }

    public int Calls { get; private set; }

    public RateSource Source(Guid hotelId) => RateSource.Provider;

    public Task<IReadOnlyList<ShoppedRate>> ShopAsync(Guid hotelId, IReadOnlyList<ShoppedHotel> competitors, DateOnly firstNight, DateOnly lastNight, CancellationToken cancellationToken)
    {
        Calls++;
        return Failure is { } failure ? Task.FromException<IReadOnlyList<ShoppedRate>>(failure) : Task.FromResult(Rates);
    }
}
